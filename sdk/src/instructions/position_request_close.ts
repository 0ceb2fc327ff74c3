import type { PublicKey, TransactionInstruction } from "@solana/web3.js";

import type { ProgramIds } from "../programs.js";
import { futstarInstruction } from "./futstar.js";

/** `position_request_close`: the owner asks to close an open position (filled after the in-play delay). */
export function positionRequestClose(ids: ProgramIds, p: { owner: PublicKey; position: PublicKey }): TransactionInstruction {
  return futstarInstruction(ids, "positionRequestClose", { owner: p.owner, position: p.position }, {});
}
