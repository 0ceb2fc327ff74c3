import type { PublicKey, TransactionInstruction } from "@solana/web3.js";

import type { ProgramIds } from "../programs.js";
import { type PositionAccountsInput, futstarInstruction, positionAccounts } from "./futstar.js";

/** `position_cancel_request`: the owner withdraws a pending open or close before it is fillable. */
export function positionCancelRequest(ids: ProgramIds, p: PositionAccountsInput & { owner: PublicKey }): TransactionInstruction {
  return futstarInstruction(ids, "positionCancelRequest", { owner: p.owner, ...positionAccounts(ids, p) }, {});
}
