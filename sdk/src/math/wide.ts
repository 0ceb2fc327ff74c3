/**
 * Mirrors `programs/futstar/src/math/wide.rs`: `a × b / d` with a u64 result. The program splits
 * the 128-bit product into u64 halves (no u128 on BPF); bigint computes it exactly, and the same
 * errors are raised (division by zero, quotient above u64::MAX).
 */
import { U64_MAX, checkU64 } from "./bounds.js";
import { MathError } from "./error.js";

function quotient(a: bigint, b: bigint, d: bigint, field: string): { q: bigint; r: bigint } {
  checkU64(a, `${field}.a`);
  checkU64(b, `${field}.b`);
  checkU64(d, `${field}.d`);
  if (d === 0n) throw new MathError("DivisionByZero", field, "divisor is zero");
  const product = a * b;
  const q = product / d;
  if (q > U64_MAX) throw new MathError("Overflow", field, `${a} × ${b} / ${d} exceeds u64`);
  return { q, r: product % d };
}

/** `a × b / d` rounded down. */
export function mulDivFloor(a: bigint, b: bigint, d: bigint, field = "mulDiv"): bigint {
  return quotient(a, b, d, field).q;
}

/** `a × b / d` rounded up. */
export function mulDivCeil(a: bigint, b: bigint, d: bigint, field = "mulDiv"): bigint {
  const { q, r } = quotient(a, b, d, field);
  if (r === 0n) return q;
  if (q === U64_MAX) throw new MathError("Overflow", field, "rounded quotient exceeds u64");
  return q + 1n;
}
