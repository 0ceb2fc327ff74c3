import type { TransactionInstruction } from "@solana/web3.js";

import type { ProgramIds } from "../programs.js";
import { type PositionAccountsInput, futstarInstruction, positionAccounts } from "./futstar.js";

/** `position_fill_open` (permissionless, keeper crank): prices a pending open after the in-play delay. */
export function positionFillOpen(ids: ProgramIds, p: PositionAccountsInput): TransactionInstruction {
  return futstarInstruction(ids, "positionFillOpen", positionAccounts(ids, p), {});
}
