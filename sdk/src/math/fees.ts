/** Mirrors `programs/futstar/src/math/fees.rs`: fees on notional, rounded up, split LP/treasury. */
import { MAX_AMOUNT, MAX_LEVERAGE, checkAmount, mulBpsCeil } from "./bounds.js";
import { MathError } from "./error.js";

/** `collateral × leverage`, at most `MAX_AMOUNT`. */
export function notional(collateral: bigint, leverage: bigint): bigint {
  if (leverage <= 0n || leverage > MAX_LEVERAGE) {
    throw new MathError("OutOfBounds", "leverage", `${leverage} not in 1..=${MAX_LEVERAGE}`);
  }
  const product = checkAmount(collateral, "collateral") * leverage;
  if (product > MAX_AMOUNT) throw new MathError("Overflow", "notional", `${product} exceeds ${MAX_AMOUNT}`);
  return product;
}

/** Fee on `notional` at `feeBps`, rounded up. */
export function fee(notionalAmount: bigint, feeBps: bigint): bigint {
  return mulBpsCeil(notionalAmount, feeBps, "notional");
}

/** A fee divided between liquidity providers and the treasury. */
export interface FeeSplit {
  /** Stays in the pool's liquidity (rounded up). */
  readonly lp: bigint;
  /** Owed to the treasury. */
  readonly treasury: bigint;
}

/** Splits `feeAmount` with `lpShareBps` of it to LPs. */
export function split(feeAmount: bigint, lpShareBps: bigint): FeeSplit {
  const lp = mulBpsCeil(feeAmount, lpShareBps, "fee");
  return { lp, treasury: feeAmount - lp };
}
