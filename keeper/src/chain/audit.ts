/**
 * Auditing a feed: recompute the engine's series from the stored event log and compare it with
 * what the keeper signed, and what the keeper signed with what the chain holds (the latest
 * update and the ring of recent samples). Pure: the chain snapshot is passed in.
 */
import type { PushedUpdate } from "../store/keeper-store.js";
import { recomputeTicks, tickKey } from "./match-frames.js";
import { componentsTuple } from "./oracle-codec.js";
import type { FeedChange } from "../feeds/model.js";

export interface ChainFeedSnapshot {
  readonly seq: bigint;
  /** Oracle time of the last update (the creation time before the first). */
  readonly lastUpdateTs: bigint;
  readonly indexBps: number;
  readonly components: readonly number[];
  readonly suspended: boolean;
  readonly status: number;
  /** Ring samples, oldest first. */
  readonly samples: readonly { ts: bigint; indexBps: number; suspended: boolean; status: number }[];
}

export interface AuditDifference {
  readonly where: "engine" | "chain";
  readonly seq: number | null;
  readonly at: string;
  readonly field: string;
  readonly expected: string;
  readonly actual: string;
}

export interface AuditReport {
  readonly checkedUpdates: number;
  readonly checkedSamples: number;
  readonly differences: AuditDifference[];
}

/** Compares the signed series with the engine recomputed from `log`. */
export function auditAgainstEngine(log: readonly { change: FeedChange; appliedAt: string | null }[], pushed: readonly PushedUpdate[]): AuditDifference[] {
  const landed = pushed.filter((u) => u.state === "landed");
  const keys = [...new Set(landed.map((u) => tickKey(u.period, u.tMs)))];
  const ticks = recomputeTicks(log, keys);
  const out: AuditDifference[] = [];
  for (const u of landed) {
    const at = tickKey(u.period, u.tMs);
    const tick = ticks.get(at);
    if (!tick) continue;
    const expect = (field: string, expected: unknown, actual: unknown): void => {
      if (JSON.stringify(expected) !== JSON.stringify(actual)) out.push({ where: "engine", seq: u.seq, at, field, expected: JSON.stringify(expected), actual: JSON.stringify(actual) });
    };
    expect("index", tick.index, u.indexBps);
    expect("components", componentsTuple(tick.components), u.components);
    expect("suspended", tick.suspended, u.suspended);
  }
  return out;
}

/** Compares the chain's latest update and ring with the newest landed updates of the feed. */
export function auditAgainstChain(pushed: readonly PushedUpdate[], chain: ChainFeedSnapshot): AuditDifference[] {
  const landed = pushed.filter((u) => u.state === "landed").sort((a, b) => a.seq - b.seq);
  const out: AuditDifference[] = [];
  const last = landed.at(-1);
  const diff = (seq: number | null, at: string, field: string, expected: unknown, actual: unknown): void => {
    if (JSON.stringify(expected) !== JSON.stringify(actual)) out.push({ where: "chain", seq, at, field, expected: JSON.stringify(expected), actual: JSON.stringify(actual) });
  };
  if (!last) {
    if (chain.seq !== 0n) diff(null, "latest", "seq", "0 (nothing landed)", chain.seq.toString());
    return out;
  }
  diff(last.seq, "latest", "seq", String(last.seq), chain.seq.toString());
  diff(last.seq, "latest", "index", last.indexBps, chain.indexBps);
  diff(last.seq, "latest", "components", last.components, chain.components);
  diff(last.seq, "latest", "suspended", last.suspended, chain.suspended);
  diff(last.seq, "latest", "status", last.status, chain.status);
  const tail = landed.slice(-chain.samples.length);
  if (tail.length !== chain.samples.length) diff(null, "ring", "length", chain.samples.length, tail.length);
  const offset = chain.samples.length - tail.length;
  tail.forEach((u, i) => {
    const s = chain.samples[offset + i];
    if (!s) return;
    const at = `ring[${offset + i}]`;
    diff(u.seq, at, "ts", String(u.ts), s.ts.toString());
    diff(u.seq, at, "index", u.indexBps, s.indexBps);
    diff(u.seq, at, "suspended", u.suspended, s.suspended);
    diff(u.seq, at, "status", u.status, s.status);
  });
  return out;
}

export function audit(log: readonly { change: FeedChange; appliedAt: string | null }[], pushed: readonly PushedUpdate[], chain: ChainFeedSnapshot | null): AuditReport {
  const differences = auditAgainstEngine(log, pushed);
  if (chain) differences.push(...auditAgainstChain(pushed, chain));
  return { checkedUpdates: pushed.filter((u) => u.state === "landed").length, checkedSamples: chain?.samples.length ?? 0, differences };
}
