/** Sends instructions and translates a failure into a decoded program error (Squads' `rpc` layer). */
import { type Commitment, type Connection, type Signer, Transaction, type TransactionInstruction, sendAndConfirmTransaction } from "@solana/web3.js";

import { type DecodedTransactionError, decodeTransactionError } from "../errors.js";
import type { ProgramIds } from "../programs.js";

/** A transaction that failed in one of the programs, with the decoded cause. */
export class FutstarTransactionError extends Error {
  override readonly name = "FutstarTransactionError";
  constructor(
    readonly decoded: DecodedTransactionError,
    override readonly cause: unknown,
  ) {
    super(decoded.name === null ? decoded.message : `${decoded.name} (${decoded.code ?? "?"}): ${decoded.message}`);
  }
}

/**
 * Signs (first signer pays), sends and confirms `instructions`. A program failure is rethrown
 * as `FutstarTransactionError`; anything else (network, blockhash) is rethrown unchanged.
 */
export async function sendInstructions(connection: Connection, ids: ProgramIds, instructions: readonly TransactionInstruction[], signers: readonly Signer[], commitment: Commitment = "confirmed"): Promise<string> {
  const tx = new Transaction().add(...instructions);
  try {
    return await sendAndConfirmTransaction(connection, tx, [...signers], { commitment });
  } catch (error) {
    const decoded = decodeTransactionError(error, ids, instructions.map((ix) => ix.programId));
    if (decoded === null) throw error;
    throw new FutstarTransactionError(decoded, error);
  }
}
