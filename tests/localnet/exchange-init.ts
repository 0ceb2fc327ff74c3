/**
 * The futstar `exchange_init` instruction (see tests/programs/futstar.exchange_init.test.ts): the
 * smallest real call that proves a program deployed on the localnet executes and writes state.
 */
import { createHash } from "node:crypto";

import { PublicKey, SystemProgram, TransactionInstruction } from "@solana/web3.js";

/** Anchor-style 8-byte discriminator: sha256(preimage)[0..8]. */
export const discriminator = (preimage: string): Buffer => createHash("sha256").update(preimage).digest().subarray(0, 8);

/** The exchange PDA and its bump. */
export const exchangePda = (programId: PublicKey): [PublicKey, number] =>
  PublicKey.findProgramAddressSync([Buffer.from("exchange")], programId);

/** `exchange_init(admin)`: creates the exchange PDA owned by the program. */
export function exchangeInitIx(programId: PublicKey, admin: PublicKey): TransactionInstruction {
  const [exchange] = exchangePda(programId);
  return new TransactionInstruction({
    programId,
    keys: [
      { pubkey: admin, isSigner: true, isWritable: true },
      { pubkey: exchange, isSigner: false, isWritable: true },
      { pubkey: SystemProgram.programId, isSigner: false, isWritable: false },
    ],
    data: discriminator("global:exchange_init"),
  });
}
