/** Feed helpers over a Feed encoded with the oracle IDL (ring order, lookups, names, filters). */
import { Keypair } from "@solana/web3.js";
import { describe, expect, it } from "vitest";

import { encodeFeed } from "./feed-fixture.js";

import { FeedStatus, type OracleAccounts, accountTypeFilters, decodeOracleAccount, feedSamples, feedStatusOf, fieldByteFilter, momentumOracleIdl, paddedText, sampleAtOrAfter } from "../src/index.js";

const CAPACITY = 720;

function feedWith(tsList: number[], head: number, len: number): OracleAccounts["feed"] {
  const ring = Array.from({ length: CAPACITY }, (_, i) => ({ ts: BigInt(tsList[i] ?? 0), indexBps: 5000 + i, suspended: i % 3 === 1 }));
  const data = encodeFeed({ config: Keypair.generate().publicKey, matchId: "m", status: FeedStatus.Live, bump: 255, seq: 9n, ring, ringHead: head, ringLen: len });
  expect(data.length).toBe(8824);
  return decodeOracleAccount("feed", data);
}

describe("feed helpers", () => {
  it("read samples oldest first and look up like FeedView", () => {
    const feed = feedWith([100, 101, 102, 103], 4, 4);
    expect(feedStatusOf(feed)).toBe(FeedStatus.Live);
    expect(paddedText(feed.homeTeam)).toBe("France");
    expect(feedSamples(feed).map((s) => s.ts)).toEqual([100n, 101n, 102n, 103n]);
    expect(sampleAtOrAfter(feed, 101n)?.sample.ts).toBe(101n);
    expect(sampleAtOrAfter(feed, 101n, true)?.sample.ts).toBe(102n);
    expect(sampleAtOrAfter(feed, 104n)).toBeNull();
    expect(sampleAtOrAfter(feed, 50n)).toEqual({ sample: expect.objectContaining({ ts: 100n }), evicted: false });
  });

  it("wraps the ring and flags evicted samples when full", () => {
    const ts = Array.from({ length: CAPACITY }, (_, i) => (i < 10 ? 1000 + i : 1000 - CAPACITY + i));
    const feed = feedWith(ts, 10, CAPACITY);
    const samples = feedSamples(feed);
    expect(samples[0]!.ts).toBe(BigInt(1000 - CAPACITY + 10));
    expect(samples[CAPACITY - 1]!.ts).toBe(1009n);
    expect(sampleAtOrAfter(feed, 0n)?.evicted).toBe(true);
  });

  it("filters sit at the IDL offsets", () => {
    expect(accountTypeFilters(momentumOracleIdl, "feed")[0]).toEqual({ dataSize: 8824 });
    expect(fieldByteFilter(momentumOracleIdl, "feed", "status", FeedStatus.Ended)).toEqual({ memcmp: { offset: 136, bytes: "4" } });
  });

  it("rejects another account type's bytes", () => {
    expect(() => decodeOracleAccount("feed", new Uint8Array(8824))).toThrow();
  });
});
