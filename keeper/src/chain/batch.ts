/**
 * Packing updates into transactions under Solana's packet limit (1,232 bytes serialized).
 * Pure: `fits` says whether a candidate batch serializes within the limit.
 */
import { type Keypair, type PublicKey, Transaction, type TransactionInstruction } from "@solana/web3.js";

export const PACKET_DATA_SIZE = 1232;

/** Greedy, order-preserving: each batch is as long as `fits` allows. An item that fits in no batch alone throws. */
export function packBatches<T>(items: readonly T[], fits: (batch: readonly T[]) => boolean, describe: (item: T) => string = String): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  for (const item of items) {
    const candidate = [...current, item];
    if (fits(candidate)) {
      current = candidate;
      continue;
    }
    if (current.length === 0) throw new RangeError(`update ${describe(item)} does not fit in one transaction of ${PACKET_DATA_SIZE} bytes`);
    batches.push(current);
    current = [item];
    if (!fits(current)) throw new RangeError(`update ${describe(item)} does not fit in one transaction of ${PACKET_DATA_SIZE} bytes`);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Serialized size of a transaction with these instructions (the blockhash value does not change the size). */
export function transactionSize(payer: PublicKey, instructions: readonly TransactionInstruction[], extraSigners: number, prefixInstructions = 2): number {
  const tx = new Transaction({ feePayer: payer, blockhash: "11111111111111111111111111111111", lastValidBlockHeight: 0 });
  tx.add(...instructions);
  let message: Buffer;
  try {
    message = tx.serializeMessage();
  } catch (err) {
    // web3.js serializes into a packet-sized buffer: overflowing it means "does not fit".
    if (err instanceof RangeError) return Number.POSITIVE_INFINITY;
    throw err;
  }
  const signatures = 1 + extraSigners;
  // compact-u16 signature count + 64 bytes each; the sender adds up to two compute-budget
  // instructions (limit 9 bytes data, price 9 bytes) plus one program key: budget for them.
  const computeBudget = prefixInstructions === 0 ? 0 : 32 + prefixInstructions * (1 + 1 + 1 + 9);
  return 1 + signatures * 64 + message.length + computeBudget;
}

export function fitsInPacket(payer: Keypair, instructions: readonly TransactionInstruction[], extraSigners: number): boolean {
  return transactionSize(payer.publicKey, instructions, extraSigners) <= PACKET_DATA_SIZE;
}
