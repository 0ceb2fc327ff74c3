/**
 * Feed account bytes for tests, written at the offsets the oracle IDL gives (Anchor's coder
 * encodes into a 1000-byte buffer, too small for the 8,824-byte Feed), and a LiteSVM writer for
 * futstar flows that must not wait for the oracle's own instructions.
 */
import type { PublicKey } from "@solana/web3.js";

import { FeedStatus, accountDiscriminator, accountSize, feedPda, fieldOffset, matchIdBytes, momentumOracleIdl } from "../src/index.js";
import { type Chain, setAccount } from "./harness.js";

export interface FixtureSample {
  readonly ts: bigint;
  readonly indexBps: number;
  readonly suspended?: boolean;
  readonly status?: FeedStatus;
}

export interface FixtureFeed {
  readonly config: PublicKey;
  readonly matchId: string;
  readonly status: FeedStatus;
  readonly bump: number;
  readonly seq: bigint;
  /** Ring slots in storage order (index 0 = ring slot 0). */
  readonly ring: readonly FixtureSample[];
  readonly ringHead: number;
  readonly ringLen: number;
}

const SAMPLE_LEN = 12;
const at = (field: string): number => fieldOffset(momentumOracleIdl, "feed", field);

/** Encodes a Feed account. The latest sample (before `ringHead`) sets index, suspension and time. */
export function encodeFeed(feed: FixtureFeed): Buffer {
  const data = Buffer.alloc(accountSize(momentumOracleIdl, "feed"));
  const capacity = (data.length - at("ring")) / SAMPLE_LEN;
  Buffer.from(accountDiscriminator(momentumOracleIdl, "feed")).copy(data, 0);
  feed.config.toBuffer().copy(data, at("config"));
  matchIdBytes(feed.matchId).copy(data, at("matchId"));
  matchIdBytes("France").copy(data, at("homeTeam"));
  matchIdBytes("Croatia").copy(data, at("awayTeam"));
  const latest = feed.ring[(feed.ringHead - 1 + capacity) % capacity];
  data.writeUInt8(feed.status, at("status"));
  data.writeUInt8(latest?.suspended === true ? 1 : 0, at("suspended"));
  data.writeUInt8(feed.bump, at("bump"));
  data.writeUInt16LE(latest?.indexBps ?? 5000, at("indexBps"));
  for (let i = 0; i < 5; i += 1) data.writeUInt16LE(5000, at("components") + 2 * i);
  data.writeBigUInt64LE(feed.seq, at("seq"));
  data.writeBigInt64LE(latest?.ts ?? 0n, at("lastUpdateTs"));
  data.writeUInt16LE(feed.ringHead, at("ringHead"));
  data.writeUInt16LE(feed.ringLen, at("ringLen"));
  feed.ring.forEach((s, i) => {
    const off = at("ring") + i * SAMPLE_LEN;
    data.writeBigInt64LE(s.ts, off);
    data.writeUInt16LE(s.indexBps, off + 8);
    data.writeUInt8(s.suspended === true ? 1 : 0, off + 10);
    data.writeUInt8(s.status ?? feed.status, off + 11);
  });
  return data;
}

/** Writes feed `matchId` holding `samples` (oldest first) into LiteSVM; returns its address. */
export function writeFeed(chain: Chain, matchId: string, samples: readonly FixtureSample[], status: FeedStatus = FeedStatus.Live): PublicKey {
  const [feed, bump] = feedPda(chain.ids.momentumOracle, matchId);
  const data = encodeFeed({ config: chain.ids.momentumOracle, matchId, status, bump, seq: BigInt(samples.length), ring: samples, ringHead: samples.length, ringLen: samples.length });
  setAccount(chain.svm, feed, chain.ids.momentumOracle, data);
  return feed;
}
