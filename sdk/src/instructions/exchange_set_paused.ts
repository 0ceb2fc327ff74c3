import type { PublicKey, TransactionInstruction } from "@solana/web3.js";

import { exchangePda } from "../pda.js";
import type { ProgramIds } from "../programs.js";
import { futstarInstruction } from "./futstar.js";

/** `exchange_set_paused(paused)`: the admin pauses or unpauses; the guardian may only pause. */
export function exchangeSetPaused(ids: ProgramIds, p: { authority: PublicKey; paused: boolean }): TransactionInstruction {
  return futstarInstruction(ids, "exchangeSetPaused", { authority: p.authority, exchange: exchangePda(ids.futstar)[0] }, { paused: p.paused });
}
