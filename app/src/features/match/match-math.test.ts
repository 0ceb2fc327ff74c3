import { describe, expect, it } from "vitest";

import type { PoolView, PositionView } from "@/lib/futstar/model";

import { livePnl, previewOpen, secondsToFill, utilisationBps } from "./match-math";
import { mergeSamples } from "./momentum-series";

const pool: PoolView = {
  address: "P", feed: "F", collateralMint: "M", lpMint: "L", decimals: 6,
  liquidity: 1_000_000_000n, reserved: 250_000_000n, oiLong: 0n, oiShort: 0n, entrySumLong: 0n, entrySumShort: 0n, collateralLocked: 0n, lpSupply: 1_000_000_000n, status: "open",
  limits: { maxLeverage: 10, inplayDelayS: 5, maxStalenessS: 10, maxOpenPositions: 5, minCollateral: 1_000_000n, maxNotional: 500_000_000n, maxPayout: 100_000_000n, durations: [300, null] },
  openFeeBps: 10, closeFeeBps: 10,
};

describe("open preview (SDK math)", () => {
  it("computes size, fee rounded up, capped max profit and payouts", () => {
    const r = previewOpen({ side: "long", collateral: 10_000_000n, leverage: 5, durationS: 300 }, pool, 6000, null);
    if (!r.ok) throw new Error(r.error);
    expect(r.preview.notional).toBe(50_000_000n);
    expect(r.preview.openFee).toBe(50_000n);
    expect(r.preview.totalCost).toBe(10_050_000n);
    expect(r.preview.maxProfit).toBe(20_000_000n); // 50 × (10000 − 6000) / 10000
    expect(r.preview.maxPayout).toBe(10_000_000n + 20_000_000n - 50_000n);
    expect(r.preview.pnlPer10Points).toBe(5_000_000n);
    expect(r.preview.flatPayout).toBe(10_000_000n - 50_000n);
  });
  it("short side reserves entry × notional", () => {
    const r = previewOpen({ side: "short", collateral: 10_000_000n, leverage: 5, durationS: null }, pool, 6000, null);
    expect(r.ok && r.preview.maxProfit).toBe(30_000_000n);
  });
  it("names the field that fails", () => {
    expect(previewOpen({ side: "long", collateral: 10_000_000n, leverage: 11, durationS: 300 }, pool, 5000, null)).toMatchObject({ ok: false, field: "leverage" });
    expect(previewOpen({ side: "long", collateral: 10n, leverage: 1, durationS: 300 }, pool, 5000, null)).toMatchObject({ ok: false, field: "collateral" });
    expect(previewOpen({ side: "long", collateral: 10_000_000n, leverage: 1, durationS: 60 }, pool, 5000, null)).toMatchObject({ ok: false, field: "durationS" });
    expect(previewOpen({ side: "long", collateral: 200_000_000n, leverage: 5, durationS: 300 }, pool, 5000, null)).toMatchObject({ ok: false, field: "collateral", error: expect.stringMatching(/maximum/) });
    expect(previewOpen({ side: "long", collateral: 10_000_000n, leverage: 1, durationS: 300 }, pool, 5000, 10_000_000n)).toMatchObject({ ok: false, error: "Insufficient balance for collateral plus fee" });
  });
});

describe("live numbers", () => {
  const position = { side: "short", collateral: 10_000_000n, notional: 50_000_000n, entryIndexBps: 5000, maxProfit: 25_000_000n } as PositionView;
  it("PnL follows the index with the program's rounding, floored at −collateral", () => {
    expect(livePnl(position, 4000)).toBe(5_000_000n);
    expect(livePnl(position, 9000)).toBe(-10_000_000n);
  });
  it("countdown to fill and utilisation", () => {
    expect(secondsToFill(100, 5, 103)).toBe(2);
    expect(secondsToFill(100, 5, 106)).toBe(-1);
    expect(utilisationBps(pool)).toBe(2500);
    expect(utilisationBps({ liquidity: 0n, reserved: 0n })).toBe(0);
  });
});

describe("momentum series", () => {
  it("merges in time order, replaces corrected seconds and keeps the newest within capacity", () => {
    const a = [{ ts: 1, indexBps: 5000, suspended: false }, { ts: 2, indexBps: 5100, suspended: false }];
    const merged = mergeSamples(a, [{ ts: 3, indexBps: 5200, suspended: true }, { ts: 2, indexBps: 5150, suspended: false }, { ts: 0, indexBps: 4900, suspended: false }], 3);
    expect(merged.map((s) => [s.ts, s.indexBps])).toEqual([[1, 5000], [2, 5150], [3, 5200]]);
    expect(a).toHaveLength(2);
  });
});
