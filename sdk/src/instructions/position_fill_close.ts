import type { TransactionInstruction } from "@solana/web3.js";

import type { ProgramIds } from "../programs.js";
import { type PositionAccountsInput, futstarInstruction, positionAccounts } from "./futstar.js";

/** `position_fill_close` (permissionless): closes a pending-close position after the in-play delay. */
export function positionFillClose(ids: ProgramIds, p: PositionAccountsInput): TransactionInstruction {
  return futstarInstruction(ids, "positionFillClose", positionAccounts(ids, p), {});
}
