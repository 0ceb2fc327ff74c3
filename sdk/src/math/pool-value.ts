/**
 * Mirrors `programs/futstar/src/math/pool_value.rs`: what a pool is worth to its LPs — liquidity
 * minus the open positions' PnL at the feed index, from the pool's aggregate book, used in the
 * pool's favour (deposit: `liquidity − pnl`; withdraw: `liquidity − max(pnl, 0)`).
 */
import { BPS, U64_MAX, checkAmount, checkBps, divCeil } from "./bounds.js";
import { MathError } from "./error.js";

/** The pool's aggregate book of open positions (the `Pool` account fields of the same names). */
export interface OpenBook {
  readonly liquidity: bigint;
  readonly reserved: bigint;
  readonly collateralLocked: bigint;
  readonly oiLong: bigint;
  readonly entrySumLong: bigint;
  readonly oiShort: bigint;
  readonly entrySumShort: bigint;
}

/** `x / BPS` for a signed `x`, rounded down or up. */
function signedBpsDiv(x: bigint, roundUp: boolean): bigint {
  if (x >= 0n) return roundUp ? divCeil(x, BPS) : x / BPS;
  return roundUp ? -(-x / BPS) : -divCeil(-x, BPS);
}

function sidePnl(oi: bigint, entrySum: bigint, index: bigint, long: boolean, roundUp: boolean, side: string): bigint {
  const marked = checkAmount(oi, `${side}.oi`) * index;
  if (entrySum < 0n || entrySum > oi * BPS) throw new MathError("OutOfBounds", `${side}.entrySum`, `${entrySum} exceeds oi × 10000`);
  return signedBpsDiv(long ? marked - entrySum : entrySum - marked, roundUp);
}

/** The traders' unrealised PnL at `indexBps`, clamped to `[−collateralLocked, reserved]`. */
export function tradersPnl(book: OpenBook, indexBps: bigint, roundUp: boolean): bigint {
  const index = checkBps(indexBps, "indexBps");
  const total = sidePnl(book.oiLong, book.entrySumLong, index, true, roundUp, "long") + sidePnl(book.oiShort, book.entrySumShort, index, false, roundUp, "short");
  const floor = -checkAmount(book.collateralLocked, "collateralLocked");
  const cap = checkAmount(book.reserved, "reserved");
  return total < floor ? floor : total > cap ? cap : total;
}

/** Pool value that prices a deposit. */
export function depositValue(book: OpenBook, indexBps: bigint): bigint {
  const value = book.liquidity - tradersPnl(book, indexBps, false);
  if (value < 0n) throw new MathError("OutOfBounds", "liquidity", `${book.liquidity} below the traders' gains`);
  if (value > U64_MAX) throw new MathError("Overflow", "depositValue", `${value} is not a u64`);
  return value;
}

/** Pool value that prices a withdrawal. */
export function withdrawValue(book: OpenBook, indexBps: bigint): bigint {
  const pnl = tradersPnl(book, indexBps, true);
  const value = book.liquidity - (pnl > 0n ? pnl : 0n);
  if (value < 0n) throw new MathError("OutOfBounds", "liquidity", `${book.liquidity} below the traders' gains`);
  return value;
}
