/**
 * `pool_void` work for a pool whose match was Abandoned: every position still live (pending
 * open, open, pending close) refunded in batches of SETTLE_BATCH; a pool still open with no live
 * position gets one empty `pool_void`, which closes it. A pool already Closed with nothing live
 * has nothing left to void.
 */
import { type ProgramIds, fetchFutstarAccount, fetchPositionsByPool, poolPda, poolVoid } from "@futstar/sdk";
import type { PublicKey, TransactionInstruction } from "@solana/web3.js";
import type { RpcPool } from "./rpc-pool.js";
import { livePositionBatches, positionBatch } from "./sdk-crank-source.js";

/** futstar `PoolStatus` byte. */
export const PoolStatus = { Open: 0, Paused: 1, Settling: 2, Closed: 3 } as const;

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
  const live = livePositionBatches(pool, poolKey, positions);
  const livePositions = live.reduce((n, b) => n + b.positions.length, 0);
  if (livePositions === 0 && Number(pool.status) === PoolStatus.Closed) return { kind: "nothing-left", pool: poolKey };
  // An open pool with no live position still needs one (empty) pool_void to close it.
  const chunks = live.length > 0 ? live : [positionBatch(pool, poolKey, [])];
  const batches = chunks.map(({ positions, entries, writable }): VoidBatch => ({ positions, writable, instruction: poolVoid(ids, { pool: poolKey, feed, entries }) }));
  return { kind: "void", pool: poolKey, livePositions, batches };
}
