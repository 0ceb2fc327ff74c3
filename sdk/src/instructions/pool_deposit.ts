import type { TransactionInstruction } from "@solana/web3.js";

import type { ProgramIds } from "../programs.js";
import { type LiquidityAccountsInput, futstarInstruction, liquidityAccounts, u64Arg } from "./futstar.js";

/**
 * `pool_deposit(amount)`: a provider adds `amount` collateral tokens for LP shares priced on the
 * pool's marked value (`math.depositValue`, rounded down).
 */
export function poolDeposit(ids: ProgramIds, p: LiquidityAccountsInput & { amount: bigint }): TransactionInstruction {
  return futstarInstruction(ids, "poolDeposit", liquidityAccounts(ids, p), { amount: u64Arg(p.amount, "amount") });
}
