import type { TransactionInstruction } from "@solana/web3.js";

import type { ProgramIds } from "../programs.js";
import { type PoolSettlementInput, poolSettlementInstruction } from "./pool_settlement.js";

/** `pool_void` (anyone, match Abandoned): refunds a batch of the pool's positions. */
export function poolVoid(ids: ProgramIds, p: PoolSettlementInput): TransactionInstruction {
  return poolSettlementInstruction(ids, "poolVoid", p);
}
