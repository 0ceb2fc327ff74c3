import type { TransactionInstruction } from "@solana/web3.js";

import type { ProgramIds } from "../programs.js";
import { type LiquidityAccountsInput, futstarInstruction, liquidityAccounts, u64Arg } from "./futstar.js";

/**
 * `pool_withdraw(shares)`: a provider burns `shares` LP shares for collateral out of unreserved
 * liquidity, priced on the pool's marked value (`math.withdrawValue`, rounded down).
 */
export function poolWithdraw(ids: ProgramIds, p: LiquidityAccountsInput & { shares: bigint }): TransactionInstruction {
  return futstarInstruction(ids, "poolWithdraw", liquidityAccounts(ids, p), { shares: u64Arg(p.shares, "shares") });
}
