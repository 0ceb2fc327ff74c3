import { describe, expect, it } from "vitest";

import type { PoolView } from "@/lib/futstar/model";

import { liquidityStats } from "./liquidity-stats";

const USDC = 1_000_000n;
const pool: PoolView = {
  address: "P", feed: "F", collateralMint: "M", lpMint: "L", decimals: 6,
  liquidity: 1_000n * USDC, reserved: 50n * USDC, oiLong: 100n * USDC, oiShort: 0n,
  entrySumLong: 100n * USDC * 5_000n, entrySumShort: 0n, collateralLocked: 10n * USDC,
  lpSupply: 1_000n * USDC, status: "open",
  limits: { maxLeverage: 10, inplayDelayS: 5, maxStalenessS: 30, maxOpenPositions: 8, minCollateral: USDC, maxNotional: 10n ** 12n, maxPayout: 10n ** 12n, durations: [300] },
  openFeeBps: 0, closeFeeBps: 0,
};

describe("liquidityStats", () => {
  it("marks a winning long against the LPs: 100 USDC long from 50.00, index 60.00", () => {
    const stats = liquidityStats(pool, 500n * USDC, 6_000);
    expect(stats.myValue).toBe(495n * USDC);
    expect(stats.shareValue).toBe(990_000n);
    expect(stats.markedAt).toBe(6_000);
  });

  it("gives LPs no credit for the traders' unrealised losses", () => {
    expect(liquidityStats(pool, 500n * USDC, 4_000).myValue).toBe(500n * USDC);
  });

  it("uses the liquidity when nothing is open or no index is known", () => {
    expect(liquidityStats({ ...pool, oiLong: 0n, entrySumLong: 0n }, 500n * USDC, 6_000)).toMatchObject({ myValue: 500n * USDC, markedAt: null });
    expect(liquidityStats(pool, 500n * USDC, null).myValue).toBe(500n * USDC);
  });
});
