/** The `ExchangeConfig` argument of `exchange_init` / `exchange_propose_config`, with bigint amounts. */
import type { IdlTypes } from "@anchor-lang/core";
import type { PublicKey } from "@solana/web3.js";

import type { Futstar } from "../idl/index.js";
import { u64Arg } from "./futstar.js";

/** Pool risk limits (amounts in collateral base units). */
export interface PoolLimitsInput {
  readonly maxLeverage: number;
  readonly inplayDelayS: number;
  readonly maxStalenessS: number;
  readonly minOpenIntervalSlots: number;
  readonly maxOpenPositions: number;
  readonly minCollateral: bigint;
  readonly maxNotional: bigint;
  readonly maxOiPerSide: bigint;
  readonly maxSkew: bigint;
  readonly maxPayout: bigint;
  /** Up to 4 allowed durations in seconds (0 = unused slot, `DURATION_MATCH_END` = match end). */
  readonly durations: readonly number[];
}

/** Exchange settings that change only through the timelock. */
export interface ExchangeConfigInput {
  readonly admin: PublicKey;
  readonly guardian: PublicKey;
  readonly oracleProgram: PublicKey;
  readonly treasury: PublicKey;
  readonly openFeeBps: number;
  readonly closeFeeBps: number;
  readonly lpFeeShareBps: number;
  readonly timelockDelayS: number;
  readonly defaultLimits: PoolLimitsInput;
}

type Types = IdlTypes<Futstar>;

/** Converts pool limits to the IDL's wire type; `field` names them in errors. */
export function poolLimitsArg(limits: PoolLimitsInput, field = "defaultLimits"): Types["poolLimits"] {
  if (limits.durations.length > 4) throw new RangeError(`${field}.durations: ${limits.durations.length} entries, at most 4`);
  const durations = [0, 1, 2, 3].map((i) => limits.durations[i] ?? 0);
  return {
    maxLeverage: limits.maxLeverage,
    inplayDelayS: limits.inplayDelayS,
    maxStalenessS: limits.maxStalenessS,
    minOpenIntervalSlots: limits.minOpenIntervalSlots,
    maxOpenPositions: limits.maxOpenPositions,
    minCollateral: u64Arg(limits.minCollateral, "minCollateral"),
    maxNotional: u64Arg(limits.maxNotional, "maxNotional"),
    maxOiPerSide: u64Arg(limits.maxOiPerSide, "maxOiPerSide"),
    maxSkew: u64Arg(limits.maxSkew, "maxSkew"),
    maxPayout: u64Arg(limits.maxPayout, "maxPayout"),
    durations,
  };
}

/** Converts an exchange config to the IDL's wire type. */
export function exchangeConfigArg(config: ExchangeConfigInput): Types["exchangeConfig"] {
  return {
    admin: config.admin,
    guardian: config.guardian,
    oracleProgram: config.oracleProgram,
    treasury: config.treasury,
    openFeeBps: config.openFeeBps,
    closeFeeBps: config.closeFeeBps,
    lpFeeShareBps: config.lpFeeShareBps,
    timelockDelayS: config.timelockDelayS,
    defaultLimits: poolLimitsArg(config.defaultLimits),
  };
}
