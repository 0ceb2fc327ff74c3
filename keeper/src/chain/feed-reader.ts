/** Reads a Feed account through the SDK's decoder into the audit's plain snapshot. */
import { decodeOracleAccount, feedSamples, feedStatusOf } from "@futstar/sdk";
import type { PublicKey } from "@solana/web3.js";
import type { ChainFeedSnapshot } from "./audit.js";
import type { RpcPool } from "./rpc-pool.js";

export function feedSnapshot(data: Uint8Array): ChainFeedSnapshot {
  const feed = decodeOracleAccount("feed", data);
  return {
    seq: BigInt(feed.seq.toString()),
    lastUpdateTs: BigInt(feed.lastUpdateTs.toString()),
    indexBps: feed.indexBps,
    components: [...feed.components],
    suspended: Number(feed.suspended) !== 0,
    status: feedStatusOf(feed),
    samples: feedSamples(feed).map((s) => ({ ts: s.ts, indexBps: s.indexBps, suspended: s.suspended, status: s.status })),
  };
}

/** The feed's state on chain, or null when the account does not exist. */
export async function readFeed(pool: RpcPool, feed: PublicKey): Promise<ChainFeedSnapshot | null> {
  const info = await pool.call((c) => c.getAccountInfo(feed, "confirmed"));
  return info === null ? null : feedSnapshot(info.data);
}
