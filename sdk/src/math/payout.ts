/** Mirrors `programs/futstar/src/math/payout.rs`: the maximum payout reserved at open, and settlement. */
import { BPS, checkAmount, checkBps, mulBpsCeil } from "./bounds.js";
import { fee } from "./fees.js";
import { type PositionTerms, Side, pnl } from "./pnl.js";

/** Largest profit a position can make, rounded up, capped by `cap` (the pool's max payout). */
export function maxProfit(side: Side, notional: bigint, entryBps: bigint, cap: bigint): bigint {
  const entry = checkBps(entryBps, "entryBps");
  const room = side === Side.Long ? BPS - entry : entry;
  const profit = mulBpsCeil(notional, room, "notional");
  const limit = checkAmount(cap, "cap");
  return profit < limit ? profit : limit;
}

/** The outcome of closing a position. */
export interface Settlement {
  /** Signed PnL. */
  readonly pnl: bigint;
  /** Close fee actually charged (never more than the equity left). */
  readonly fee: bigint;
  /** Tokens paid to the owner: `collateral + pnl − fee`. */
  readonly payout: bigint;
}

/** Settles `terms` at `exitBps` with a close fee of `closeFeeBps` on notional. */
export function settle(terms: PositionTerms, exitBps: bigint, closeFeeBps: bigint): Settlement {
  const result = pnl(terms, exitBps);
  const equity = terms.collateral + result;
  const full = fee(terms.notional, closeFeeBps);
  const charged = full < equity ? full : equity;
  return { pnl: result, fee: charged, payout: equity - charged };
}
