/**
 * Mirrors `programs/futstar/src/math/pnl.rs`: `pnl = notional × (exit − entry) / 10000 × side`,
 * profits rounded down and losses up, floored at −collateral and capped at +maxProfit.
 */
import { BPS, checkAmount, checkBps, divCeil } from "./bounds.js";
import { MathError } from "./error.js";

/** Direction on the home side's momentum (wire byte 0 long, 1 short). */
export enum Side {
  Long = 0,
  Short = 1,
}

/** Decodes the wire byte. */
export function sideFromU8(value: number): Side {
  if (value === 0) return Side.Long;
  if (value === 1) return Side.Short;
  throw new MathError("OutOfBounds", "side", `${value} is neither 0 (long) nor 1 (short)`);
}

/** What a position locked in at open. */
export interface PositionTerms {
  readonly side: Side;
  readonly collateral: bigint;
  readonly notional: bigint;
  readonly entryBps: bigint;
  readonly maxProfit: bigint;
}

/** Signed PnL at `exitBps`. */
export function pnl(terms: PositionTerms, exitBps: bigint): bigint {
  const notional = checkAmount(terms.notional, "notional");
  const collateral = checkAmount(terms.collateral, "collateral");
  const maxProfit = checkAmount(terms.maxProfit, "maxProfit");
  const entry = checkBps(terms.entryBps, "entryBps");
  const exit = checkBps(exitBps, "exitBps");
  const up = exit >= entry;
  const gain = terms.side === Side.Long ? up : !up;
  const product = notional * (up ? exit - entry : entry - exit);
  if (gain) return min(product / BPS, maxProfit);
  return -min(divCeil(product, BPS), collateral);
}

function min(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}
