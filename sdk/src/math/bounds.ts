/** Mirrors `programs/futstar/src/math/bounds.rs`: the ranges every math input is checked against. */
import { MathError } from "./error.js";

/** Basis-point denominator (index and fee scale). */
export const BPS = 10_000n;
/** Largest token amount the math accepts (10^15 base units). */
export const MAX_AMOUNT = 1_000_000_000_000_000n;
/** Largest leverage multiplier. */
export const MAX_LEVERAGE = 100n;
/** Largest u64. */
export const U64_MAX = (1n << 64n) - 1n;

/** Checks `0 ≤ value ≤ BPS`. */
export function checkBps(value: bigint, field: string): bigint {
  if (value < 0n || value > BPS) throw new MathError("OutOfBounds", field, `${value} not in 0..=${BPS}`);
  return value;
}

/** Checks `0 ≤ value ≤ MAX_AMOUNT`. */
export function checkAmount(value: bigint, field: string): bigint {
  if (value < 0n || value > MAX_AMOUNT) throw new MathError("OutOfBounds", field, `${value} not in 0..=${MAX_AMOUNT}`);
  return value;
}

/** Checks `0 ≤ value ≤ u64::MAX` (the wire type of every amount). */
export function checkU64(value: bigint, field: string): bigint {
  if (value < 0n || value > U64_MAX) throw new MathError("OutOfBounds", field, `${value} is not a u64`);
  return value;
}

/** `amount × bps / BPS` rounded down. */
export function mulBpsFloor(amount: bigint, bps: bigint, field = "amount"): bigint {
  return (checkAmount(amount, field) * checkBps(bps, "bps")) / BPS;
}

/** `amount × bps / BPS` rounded up. */
export function mulBpsCeil(amount: bigint, bps: bigint, field = "amount"): bigint {
  return divCeil(checkAmount(amount, field) * checkBps(bps, "bps"), BPS);
}

/** Ceiling division of non-negative integers. */
export function divCeil(numerator: bigint, denominator: bigint): bigint {
  return (numerator + denominator - 1n) / denominator;
}
