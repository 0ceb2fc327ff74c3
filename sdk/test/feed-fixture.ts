/**
 * Writes a Feed account (oracle-owned, layout from the oracle IDL via Anchor's coder) straight
 * into LiteSVM, for futstar flows that must not wait for the oracle's own instructions.
 */
import type { PublicKey } from "@solana/web3.js";
import BN from "bn.js";

import { FeedStatus, feedPda, matchIdBytes, momentumOracleProgram } from "../src/index.js";
import { type Chain, setAccount } from "./harness.js";

export interface FixtureSample {
  readonly ts: bigint;
  readonly indexBps: number;
  readonly suspended?: boolean;
}

const CAPACITY = 720;

/** Writes feed `matchId` with `samples` (oldest first), status and seq; returns its address. */
export async function writeFeed(chain: Chain, matchId: string, samples: readonly FixtureSample[], status: FeedStatus = FeedStatus.Live, seq = BigInt(samples.length)): Promise<PublicKey> {
  const [feed, bump] = feedPda(chain.ids.momentumOracle, matchId);
  const last = samples[samples.length - 1];
  const ring = Array.from({ length: CAPACITY }, (_, i) => {
    const s = samples[i];
    return { ts: new BN((s?.ts ?? 0n).toString()), indexBps: s?.indexBps ?? 0, suspended: s?.suspended === true ? 1 : 0, status: s === undefined ? 0 : status };
  });
  const name = (text: string): number[] => Array.from(matchIdBytes(text));
  const data = await momentumOracleProgram.coder.accounts.encode("feed", {
    config: chain.ids.momentumOracle,
    matchId: name(matchId),
    homeTeam: name("France"),
    awayTeam: name("Croatia"),
    status,
    suspended: last?.suspended === true ? 1 : 0,
    bump,
    reserved0: 0,
    indexBps: last?.indexBps ?? 5000,
    components: [5000, 5000, 5000, 5000, 5000],
    seq: new BN(seq.toString()),
    lastUpdateTs: new BN((last?.ts ?? 0n).toString()),
    lastUpdateSlot: new BN(0),
    ringHead: samples.length % CAPACITY,
    ringLen: samples.length,
    reserved1: [0, 0, 0, 0],
    ring,
  });
  setAccount(chain.svm, feed, chain.ids.momentumOracle, data);
  return feed;
}
