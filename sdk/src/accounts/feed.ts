/** Feed (momentum oracle) helpers: status, team names, ring samples in time order, queries. */
import type { Connection } from "@solana/web3.js";
import { Buffer } from "buffer";

import { momentumOracleIdl } from "../idl/index.js";
import type { ProgramIds } from "../programs.js";
import type { OracleAccounts } from "./decode.js";
import { type Keyed, fetchAllOracle } from "./fetch.js";
import { fieldByteFilter } from "./filters.js";
import { enumByte } from "./position.js";

/** Match status carried by a feed. */
export enum FeedStatus {
  Scheduled = 0,
  Live = 1,
  HalfTime = 2,
  Ended = 3,
  Abandoned = 4,
}

/** A decoded Feed. */
export type Feed = OracleAccounts["feed"];

/** One ring sample in plain form. */
export interface FeedSample {
  readonly ts: bigint;
  readonly indexBps: number;
  readonly suspended: boolean;
  readonly status: FeedStatus;
}

/** A zero-padded UTF-8 name field as a string. */
export function paddedText(bytes: readonly number[] | Uint8Array): string {
  const raw = Buffer.from(Uint8Array.from(bytes));
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? raw.length : end).toString("utf8");
}

/** A 0/1 flag as Anchor decodes it (`bool` in the IDL; a byte in older layouts). */
function flag(value: unknown, field: string): boolean {
  if (typeof value === "boolean") return value;
  const byte = enumByte(value, field);
  if (byte !== 0 && byte !== 1) throw new RangeError(`${field}: ${byte} is not 0/1`);
  return byte === 1;
}

/** The feed's status as the enum. */
export function feedStatusOf(feed: Feed): FeedStatus {
  return enumByte(feed.status, "feed.status") as FeedStatus;
}

/** Retained samples, oldest first (the ring is written at `ringHead`, holding `ringLen`). */
export function feedSamples(feed: Feed): FeedSample[] {
  const capacity = feed.ring.length;
  const start = (feed.ringHead - feed.ringLen + capacity) % capacity;
  const out: FeedSample[] = [];
  for (let i = 0; i < feed.ringLen; i += 1) {
    const s = feed.ring[(start + i) % capacity];
    if (s === undefined) throw new RangeError(`feed.ring: index ${(start + i) % capacity} outside ${capacity}`);
    out.push({ ts: BigInt(s.ts.toString()), indexBps: s.indexBps, suspended: flag(s.suspended, "sample.suspended"), status: enumByte(s.status, "sample.status") as FeedStatus });
  }
  return out;
}

/** Mirrors `FeedView::sample_at_or_after`: first retained sample with ts ≥ `ts` (`evicted` when older ones were overwritten). */
export function sampleAtOrAfter(feed: Feed, ts: bigint, skipSuspended = false): { sample: FeedSample; evicted: boolean } | null {
  const samples = feedSamples(feed);
  const first = samples[0];
  if (first === undefined) return null;
  const evicted = first.ts > ts && samples.length === feed.ring.length;
  for (const sample of samples) {
    if (sample.ts >= ts && !(skipSuspended && sample.suspended)) return { sample, evicted };
  }
  return null;
}

/** Every feed in `status` (memcmp on `status`). */
export function fetchFeedsByStatus(connection: Connection, ids: ProgramIds, status: FeedStatus): Promise<Keyed<Feed>[]> {
  return fetchAllOracle(connection, ids, "feed", [fieldByteFilter(momentumOracleIdl, "feed", "status", status)]);
}
