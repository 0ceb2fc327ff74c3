import type { PublicKey, TransactionInstruction } from "@solana/web3.js";

import { traderPda } from "../pda.js";
import type { ProgramIds } from "../programs.js";
import { futstarInstruction, i64Arg, u64Arg } from "./futstar.js";

/** Responsible-gambling settings (0 = no limit). */
export interface TraderLimitsInput {
  readonly owner: PublicKey;
  readonly pool: PublicKey;
  readonly dailyLossLimit: bigint;
  readonly dailyDepositLimit: bigint;
  /** Unix seconds; extends, never shortens, a self-exclusion. */
  readonly selfExcludedUntil: bigint;
}

/** `trader_set_limits(daily_loss_limit, daily_deposit_limit, self_excluded_until)`. */
export function traderSetLimits(ids: ProgramIds, p: TraderLimitsInput): TransactionInstruction {
  return futstarInstruction(
    ids,
    "traderSetLimits",
    { owner: p.owner, trader: traderPda(ids.futstar, p.pool, p.owner)[0] },
    {
      dailyLossLimit: u64Arg(p.dailyLossLimit, "dailyLossLimit"),
      dailyDepositLimit: u64Arg(p.dailyDepositLimit, "dailyDepositLimit"),
      selfExcludedUntil: i64Arg(p.selfExcludedUntil, "selfExcludedUntil"),
    },
  );
}
