/**
 * `pool_void` work for a pool whose match was Abandoned: every position still live (pending
 * open, open, pending close) refunded in batches of SETTLE_BATCH; a pool still open with no live
 * position gets one empty `pool_void`, which closes it. A pool already Closed with nothing live
 * has nothing left to void.
 */
import { type Keyed, type Position, type ProgramIds, PositionStatus, fetchFutstarAccount, fetchPositionsByPool, poolPda, poolVoid, positionStatusOf } from "@futstar/sdk";
import { getAssociatedTokenAddressSync } from "@solana/spl-token";
import type { PublicKey, TransactionInstruction } from "@solana/web3.js";
import type { RpcPool } from "./rpc-pool.js";
import { SETTLE_BATCH } from "./sdk-crank-source.js";

/** futstar `PoolStatus` byte. */
export const PoolStatus = { Open: 0, Paused: 1, Settling: 2, Closed: 3 } as const;

const LIVE = new Set([PositionStatus.PendingOpen, PositionStatus.Open, PositionStatus.PendingClose]);

export interface VoidBatch {
  readonly positions: readonly PublicKey[];
  readonly writable: readonly PublicKey[];
  readonly instruction: TransactionInstruction;
}

export type VoidPlan =
  | { readonly kind: "no-pool"; readonly pool: PublicKey }
  | { readonly kind: "nothing-left"; readonly pool: PublicKey }
  | { readonly kind: "void"; readonly pool: PublicKey; readonly livePositions: number; readonly batches: readonly VoidBatch[] };

/** Reads the feed's pool and its live positions; the batches that void them. */
export async function planPoolVoid(rpc: RpcPool, ids: ProgramIds, feed: PublicKey): Promise<VoidPlan> {
  const poolKey = poolPda(ids.futstar, feed)[0];
  const pool = await rpc.call((c) => fetchFutstarAccount(c, ids, "pool", poolKey, "confirmed"));
  if (pool === null) return { kind: "no-pool", pool: poolKey };
  const positions = await rpc.call((c) => fetchPositionsByPool(c, ids, poolKey));
  const live = positions.filter((p) => LIVE.has(positionStatusOf(p.account)));
  if (live.length === 0 && Number(pool.status) === PoolStatus.Closed) return { kind: "nothing-left", pool: poolKey };
  const batches: VoidBatch[] = [];
  // An open pool with no live position still needs one (empty) pool_void to close it.
  for (let i = 0; i === 0 || i < live.length; i += SETTLE_BATCH) {
    const chunk = live.slice(i, i + SETTLE_BATCH);
    const entries = chunk.map((p: Keyed<Position>) => ({ position: p.address, trader: p.account.trader, ownerToken: getAssociatedTokenAddressSync(pool.collateralMint, p.account.owner, true) }));
    batches.push({
      positions: chunk.map((p) => p.address),
      writable: [poolKey, ...entries.flatMap((e) => [e.position, e.trader, e.ownerToken])],
      instruction: poolVoid(ids, { pool: poolKey, feed, entries }),
    });
  }
  return { kind: "void", pool: poolKey, livePositions: live.length, batches };
}
