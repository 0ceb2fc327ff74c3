import type { TransactionInstruction } from "@solana/web3.js";

import type { ProgramIds } from "../programs.js";
import { type PositionAccountsInput, futstarInstruction, positionAccounts } from "./futstar.js";

/** `position_settle` (anyone): settles an expired position, or any position once the match ended. */
export function positionSettle(ids: ProgramIds, p: PositionAccountsInput): TransactionInstruction {
  return futstarInstruction(ids, "positionSettle", positionAccounts(ids, p), {});
}
