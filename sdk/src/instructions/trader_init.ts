import { type PublicKey, SystemProgram, type TransactionInstruction } from "@solana/web3.js";

import { traderPda } from "../pda.js";
import type { ProgramIds } from "../programs.js";
import { futstarInstruction } from "./futstar.js";

/** `trader_init`: creates the owner's Trader account in `pool`. */
export function traderInit(ids: ProgramIds, p: { owner: PublicKey; pool: PublicKey }): TransactionInstruction {
  return futstarInstruction(
    ids,
    "traderInit",
    { owner: p.owner, pool: p.pool, trader: traderPda(ids.futstar, p.pool, p.owner)[0], systemProgram: SystemProgram.programId },
    {},
  );
}
