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
  type SettlementEntry,
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
import type { PublicKey } from "@solana/web3.js";
import type { CrankSource, CrankTask } from "./cranks.js";
import type { RpcPool } from "./rpc-pool.js";

/** Positions per `pool_settle_all` transaction (3 accounts each, within the packet limit). */
export const SETTLE_BATCH = 8;

/** Positions still holding collateral in their pool: what `pool_settle_all` and `pool_void` pay out. */
const LIVE = new Set([PositionStatus.PendingOpen, PositionStatus.Open, PositionStatus.PendingClose]);

/** One `pool_settle_all` / `pool_void` batch: its positions, their entries, the accounts it writes. */
export interface PositionBatch {
  readonly positions: readonly PublicKey[];
  readonly entries: readonly SettlementEntry[];
  readonly writable: readonly PublicKey[];
}

/** The batch over `chunk` (at most SETTLE_BATCH positions of the pool; none for an empty `pool_void`). */
export function positionBatch(pool: FutstarAccounts["pool"], poolKey: PublicKey, chunk: readonly Keyed<Position>[]): PositionBatch {
  const entries = chunk.map((p) => ({ position: p.address, trader: p.account.trader, ownerToken: getAssociatedTokenAddressSync(pool.collateralMint, p.account.owner, true) }));
  return {
    positions: chunk.map((p) => p.address),
    entries,
    writable: [poolKey, ...entries.flatMap((e) => [e.position, e.trader, e.ownerToken])],
  };
}

/** The pool's live positions (pending open, open, pending close) in batches of SETTLE_BATCH; none if none is live. */
export function livePositionBatches(pool: FutstarAccounts["pool"], poolKey: PublicKey, positions: readonly Keyed<Position>[]): PositionBatch[] {
  const live = positions.filter((p) => LIVE.has(positionStatusOf(p.account)));
  const batches: PositionBatch[] = [];
  for (let i = 0; i < live.length; i += SETTLE_BATCH) batches.push(positionBatch(pool, poolKey, live.slice(i, i + SETTLE_BATCH)));
  return batches;
}

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
      const positions = await this.pool.call((c) => fetchPositionsByPool(c, this.ids, poolKey));
      for (const { positions: batch, entries, writable } of livePositionBatches(pool, poolKey, positions)) {
        tasks.push({
          kind: "settle_pool",
          account: batch[0] as PublicKey,
          dueTs: num(feed.account.lastUpdateTs),
          writable,
          instructions: () => [poolSettleAll(this.ids, { pool: poolKey, feed: feed.address, entries })],
        });
      }
    }
    return tasks;
  }
}

