/**
 * The crank work that exists on chain, read through the SDK: open/close requests awaiting a fill
 * (due once the pool's in-play delay has passed since the request), positions past their expiry
 * (due at expiry) and, for pools whose feed has Ended, the positions still live (one
 * `pool_settle_all` batch per pool per round).
 */
import {
  type Keyed,
  type FutstarAccounts,
  type Position,
  type ProgramIds,
  PositionStatus,
  fetchAllFutstar,
  fetchFeedsByStatus,
  FeedStatus,
  fetchRequestsAwaitingFill,
  fetchExpiredPositions,
  poolPda,
  poolSettleAll,
  positionFillClose,
  positionFillOpen,
  positionSettle,
  positionStatusOf,
  fetchPositionsByPool,
} from "@futstar/sdk";
import { getAssociatedTokenAddressSync } from "@solana/spl-token";
import type { CrankSource, CrankTask } from "./cranks.js";
import type { RpcPool } from "./rpc-pool.js";

/** Positions per `pool_settle_all` transaction (3 accounts each, within the packet limit). */
export const SETTLE_BATCH = 8;

const num = (v: { toString(): string }): number => Number(v.toString());

export class SdkCrankSource implements CrankSource {
  constructor(private readonly pool: RpcPool, private readonly ids: ProgramIds, private readonly nowTs: () => Promise<bigint>) {}

  private async pools(): Promise<Map<string, FutstarAccounts["pool"]>> {
    const pools = await this.pool.call((c) => fetchAllFutstar(c, this.ids, "pool"));
    return new Map(pools.map((p) => [p.address.toBase58(), p.account]));
  }

  private accountsFor(position: Keyed<Position>, pools: Map<string, FutstarAccounts["pool"]>) {
    const pool = pools.get(position.account.pool.toBase58());
    if (!pool) throw new Error(`position ${position.address.toBase58()}: pool ${position.account.pool.toBase58()} not found`);
    return {
      pool: position.account.pool,
      feed: pool.feed,
      position: position.address,
      trader: position.account.trader,
      ownerToken: getAssociatedTokenAddressSync(pool.collateralMint, position.account.owner, true),
      delay: num(pool.limits.inplayDelayS),
    };
  }

  async tasks(): Promise<CrankTask[]> {
    const pools = await this.pools();
    const tasks: CrankTask[] = [];
    const requests = await this.pool.call((c) => fetchRequestsAwaitingFill(c, this.ids));
    for (const request of requests) {
      const a = this.accountsFor(request, pools);
      const opening = positionStatusOf(request.account) === PositionStatus.PendingOpen;
      const requestedAt = num(opening ? request.account.requestTs : request.account.closeRequestTs);
      tasks.push({
        kind: opening ? "fill_open" : "fill_close",
        account: request.address,
        dueTs: requestedAt + a.delay,
        writable: [a.pool, a.position, a.trader, a.ownerToken],
        instructions: () => [opening ? positionFillOpen(this.ids, a) : positionFillClose(this.ids, a)],
      });
    }
    const now = await this.nowTs();
    const expired = await this.pool.call((c) => fetchExpiredPositions(c, this.ids, now));
    for (const position of expired) {
      const a = this.accountsFor(position, pools);
      tasks.push({ kind: "settle_position", account: position.address, dueTs: num(position.account.expiryTs), writable: [a.pool, a.position, a.trader, a.ownerToken], instructions: () => [positionSettle(this.ids, a)] });
    }
    const ended = await this.pool.call((c) => fetchFeedsByStatus(c, this.ids, FeedStatus.Ended));
    for (const feed of ended) {
      const poolKey = poolPda(this.ids.futstar, feed.address)[0];
      const pool = pools.get(poolKey.toBase58());
      if (!pool) continue;
      const positions = (await this.pool.call((c) => fetchPositionsByPool(c, this.ids, poolKey))).filter((p) => {
        const s = positionStatusOf(p.account);
        return s === PositionStatus.Open || s === PositionStatus.PendingClose || s === PositionStatus.PendingOpen;
      });
      for (let i = 0; i < positions.length; i += SETTLE_BATCH) {
        const batch = positions.slice(i, i + SETTLE_BATCH);
        const entries = batch.map((p) => ({ position: p.address, trader: p.account.trader, ownerToken: getAssociatedTokenAddressSync(pool.collateralMint, p.account.owner, true) }));
        const first = batch[0] as Keyed<Position>;
        tasks.push({
          kind: "settle_pool",
          account: first.address,
          dueTs: num(feed.account.lastUpdateTs),
          writable: [poolKey, ...entries.flatMap((e) => [e.position, e.trader, e.ownerToken])],
          instructions: () => [poolSettleAll(this.ids, { pool: poolKey, feed: feed.address, entries })],
        });
      }
    }
    return tasks;
  }
}

