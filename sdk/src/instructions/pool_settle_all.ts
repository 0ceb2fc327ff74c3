import type { TransactionInstruction } from "@solana/web3.js";

import type { ProgramIds } from "../programs.js";
import { type PoolSettlementInput, poolSettlementInstruction } from "./pool_settlement.js";

/** `pool_settle_all` (anyone, match Ended): settles a batch of the pool's positions. */
export function poolSettleAll(ids: ProgramIds, p: PoolSettlementInput): TransactionInstruction {
  return poolSettlementInstruction(ids, "poolSettleAll", p);
}
