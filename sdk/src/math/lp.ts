/** Mirrors `programs/futstar/src/math/lp.rs`: LP shares for a given pool value (`pool-value.ts` marks it). */
import { MathError } from "./error.js";
import { mulDivFloor } from "./wide.js";

/** Shares minted for depositing `amount` into a pool worth `value` with `supply` shares out. */
export function sharesForDeposit(amount: bigint, supply: bigint, value: bigint): bigint {
  if (supply === 0n) return amount;
  if (value === 0n) throw new MathError("DivisionByZero", "value", "pool value is zero with shares outstanding");
  return mulDivFloor(amount, supply, value, "sharesForDeposit");
}

/** Tokens paid for burning `shares`: `shares × value / supply` rounded down. */
export function amountForWithdraw(shares: bigint, supply: bigint, value: bigint): bigint {
  if (shares > supply) throw new MathError("OutOfBounds", "shares", `${shares} exceeds supply ${supply}`);
  return mulDivFloor(shares, value, supply, "amountForWithdraw");
}
