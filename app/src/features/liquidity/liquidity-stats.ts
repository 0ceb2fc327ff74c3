import { math } from "@futstar/sdk";

import type { PoolView } from "@/lib/futstar/model";

import type { LiquidityStats } from "./liquidity-ui";

/**
 * Pool numbers for LPs with the SDK's LP math: shares are worth what a withdrawal would pay —
 * the pool's value marked at the feed index `indexBps` (traders' unrealised gains count against
 * LPs, their losses not), or the liquidity when nothing is open or the index is unknown. A
 * `PoolView` carries the SDK's `OpenBook` fields under the same names.
 */
export function liquidityStats(pool: PoolView, myShares: bigint, indexBps: number | null): LiquidityStats {
  const one = 10n ** BigInt(pool.decimals);
  const anyOpen = pool.oiLong > 0n || pool.oiShort > 0n;
  const value = anyOpen && indexBps !== null ? math.withdrawValue(pool, BigInt(indexBps)) : pool.liquidity;
  return {
    utilisationBps: pool.liquidity === 0n ? 0 : Number((pool.reserved * 10_000n) / pool.liquidity),
    shareValue: pool.lpSupply === 0n ? null : math.amountForWithdraw(one, pool.lpSupply, value),
    myShares,
    myValue: pool.lpSupply === 0n || myShares === 0n ? 0n : math.amountForWithdraw(myShares, pool.lpSupply, value),
    free: pool.liquidity - pool.reserved,
    markedAt: anyOpen ? indexBps : null,
  };
}
