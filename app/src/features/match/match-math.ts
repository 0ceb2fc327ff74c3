/**
 * Trader-facing numbers for the match page, computed with the SDK's math (the mirror of the
 * program's own rounding), never re-derived here.
 */
import { math } from "@futstar/sdk";

import type { PoolView, PositionView, Side } from "@/lib/futstar/model";

export interface OpenInput {
  readonly side: Side;
  readonly collateral: bigint;
  readonly leverage: number;
  /** Seconds, or null for "match end". */
  readonly durationS: number | null;
}

export interface OpenPreview {
  readonly notional: bigint;
  readonly openFee: bigint;
  /** Collateral plus the open fee: what leaves the wallet. */
  readonly totalCost: bigint;
  readonly maxProfit: bigint;
  /** Payout if the index ends at the max-profit edge, after the close fee. */
  readonly maxPayout: bigint;
  /** PnL if the index moves 10 points (1000 bps) in the trader's favour, before fees. */
  readonly pnlPer10Points: bigint;
  /** Net payout if the index does not move (collateral − close fee). */
  readonly flatPayout: bigint;
}

export type Validation = { ok: true; preview: OpenPreview } | { ok: false; field: keyof OpenInput; error: string };

const { fee, maxProfit, notional, pnl, settle } = math;
const toSdkSide = (side: Side): math.Side => (side === "long" ? math.Side.Long : math.Side.Short);

/** Checks `input` against the pool's limits and computes the preview at `indexBps`. */
export function previewOpen(input: OpenInput, pool: PoolView, indexBps: number, walletBalance: bigint | null): Validation {
  const limits = pool.limits;
  if (input.leverage < 1 || input.leverage > limits.maxLeverage || !Number.isInteger(input.leverage)) {
    return { ok: false, field: "leverage", error: `Leverage must be a whole number from 1 to ${limits.maxLeverage}×` };
  }
  if (input.collateral < limits.minCollateral) {
    return { ok: false, field: "collateral", error: "Collateral is below the pool's minimum" };
  }
  if (!limits.durations.includes(input.durationS)) {
    return { ok: false, field: "durationS", error: "This duration is not offered on this market" };
  }
  const size = notional(input.collateral, BigInt(input.leverage));
  if (size > limits.maxNotional) {
    return { ok: false, field: "collateral", error: "Position size (collateral × leverage) is above the pool's maximum" };
  }
  const openFee = fee(size, BigInt(pool.openFeeBps));
  const totalCost = input.collateral + openFee;
  if (walletBalance !== null && totalCost > walletBalance) {
    return { ok: false, field: "collateral", error: "Insufficient balance for collateral plus fee" };
  }
  const entry = BigInt(indexBps);
  const side = toSdkSide(input.side);
  const cap = maxProfit(side, size, entry, limits.maxPayout);
  const terms = { side, collateral: input.collateral, notional: size, entryBps: entry, maxProfit: cap };
  const closeFee = BigInt(pool.closeFeeBps);
  const edge = input.side === "long" ? 10_000n : 0n;
  const favourable = input.side === "long" ? entry + 1000n : entry - 1000n;
  const clamped = favourable > 10_000n ? 10_000n : favourable < 0n ? 0n : favourable;
  return {
    ok: true,
    preview: {
      notional: size,
      openFee,
      totalCost,
      maxProfit: cap,
      maxPayout: settle(terms, edge, closeFee).payout,
      pnlPer10Points: pnl(terms, clamped),
      flatPayout: settle(terms, entry, closeFee).payout,
    },
  };
}

/** Live PnL of an open position at the current index (before the close fee). */
export function livePnl(position: PositionView, indexBps: number): bigint {
  return pnl(
    {
      side: toSdkSide(position.side),
      collateral: position.collateral,
      notional: position.notional,
      entryBps: BigInt(position.entryIndexBps),
      maxProfit: position.maxProfit,
    },
    BigInt(indexBps),
  );
}

/** Seconds until a pending request becomes fillable (≤ 0 = fillable now, no longer cancellable). */
export function secondsToFill(requestTs: number, inplayDelayS: number, nowS: number): number {
  return requestTs + inplayDelayS - nowS;
}

/** Pool utilisation in bps: reserved max payouts over liquidity. */
export function utilisationBps(pool: Pick<PoolView, "liquidity" | "reserved">): number {
  if (pool.liquidity === 0n) return 0;
  return Number((pool.reserved * 10_000n) / pool.liquidity);
}
