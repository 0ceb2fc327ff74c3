/**
 * A replayed match as the sequence of frames the oracle publishes: one Live frame per second of
 * each period (the engine's tick), a HalfTime frame between periods (the index as the period
 * ended), and one Ended frame. Events are applied to the engine as the frames reach them, and
 * the changes each frame applied are handed back so the keeper can store the log as "received".
 * Pure: the caller decides when to take the next frame (real time, `speed`, or every frame).
 */
import { MomentumEngine, type MomentumTick } from "../engine/index.js";
import type { EngineIssue } from "../engine/index.js";
import type { FeedChange, MatchEvent, Period } from "../feeds/model.js";
import { planReplay } from "../engine/index.js";
import { FeedStatus, type FeedStatusCode } from "./oracle-codec.js";

export interface Frame {
  readonly period: Period;
  readonly tMs: number;
  readonly status: FeedStatusCode;
  readonly tick: MomentumTick;
  /** Changes applied to the engine on the way to this frame. */
  readonly changes: readonly FeedChange[];
}

/**
 * Where the keeper loop takes a match's frames from: the next frame, "wait" when none is due yet
 * (a live match), or null when the match has no more frames.
 */
export interface FrameSource {
  next(): Frame | "wait" | null;
}

/** A finished sequence of frames (a replay) as a FrameSource: never waits. */
export function framesOf(frames: Iterable<Frame>): FrameSource {
  const iterator = frames[Symbol.iterator]();
  return {
    next: () => {
      const r = iterator.next();
      return r.done ? null : r.value;
    },
  };
}

export function* matchFrames(events: readonly MatchEvent[], issues: EngineIssue[] = []): Generator<Frame> {
  const engine = new MomentumEngine();
  const sorted = [...events].sort((a, b) => a.period - b.period || a.tMs - b.tMs);
  // The shoot-out (period 5) has no running clock to publish.
  const periods = planReplay(sorted).periods.filter((p) => p.period <= 4);
  let next = 0;
  let last: MomentumTick | null = null;
  for (const [i, { period, lastTickMs }] of periods.entries()) {
    for (let tMs = 0; tMs <= lastTickMs; tMs += 1000) {
      const changes: FeedChange[] = [];
      while (next < sorted.length) {
        const e = sorted[next] as MatchEvent;
        if (e.period > period || (e.period === period && e.tMs > tMs)) break;
        const change: FeedChange = { op: "upsert", event: e };
        const issue = engine.apply(change);
        if (issue) issues.push(issue);
        changes.push(change);
        next++;
      }
      last = engine.tick(period, tMs);
      yield { period, tMs, status: FeedStatus.Live, tick: last, changes };
    }
    if (i < periods.length - 1) yield { period, tMs: lastTickMs, status: FeedStatus.HalfTime, tick: last as MomentumTick, changes: [] };
  }
  // Events after the last published period (shoot-out) still belong to the stored log.
  const rest: FeedChange[] = sorted.slice(next).map((event) => ({ op: "upsert", event }));
  if (last !== null) {
    yield { period: last.period, tMs: last.tMs, status: FeedStatus.Ended, tick: last, changes: rest };
  }
}


export const tickKey = (period: number, tMs: number): string => `${period}/${tMs}`;

function keyOrder(key: string): number {
  const [p, t] = key.split("/").map(Number);
  return (p as number) * 1e9 + (t as number);
}

/**
 * Recomputes the engine's tick at each of `at` ('period/tMs' keys, whole seconds) from a stored
 * log, the way it ran live: the engine ticks every second of each period up to the last key
 * asked for in it (the suspension rule looks back at earlier ticks, so sparse ticking would
 * differ), and each change is applied before the tick it was applied before live (changes
 * without a recorded tick go in first), so corrections take effect exactly when they did.
 * `engine`: a fresh one to replay into (a restarted live match goes on from its state).
 */
export function recomputeTicks(log: readonly { change: FeedChange; appliedAt: string | null }[], at: readonly string[], engine: MomentumEngine = new MomentumEngine()): Map<string, MomentumTick> {
  const wanted = new Set(at);
  const lastByPeriod = new Map<number, number>();
  for (const key of at) {
    const [p, t] = key.split("/").map(Number) as [number, number];
    lastByPeriod.set(p, Math.max(lastByPeriod.get(p) ?? 0, t));
  }
  const out = new Map<string, MomentumTick>();
  let next = 0;
  for (const [period, last] of [...lastByPeriod.entries()].sort(([a], [b]) => a - b)) {
    for (let tMs = 0; tMs <= last; tMs += 1000) {
      const key = tickKey(period, tMs);
      while (next < log.length) {
        const entry = log[next] as { change: FeedChange; appliedAt: string | null };
        if (entry.appliedAt !== null && keyOrder(entry.appliedAt) > keyOrder(key)) break;
        engine.apply(entry.change);
        next++;
      }
      const tick = engine.tick(period as Period, tMs);
      if (wanted.has(key)) out.set(key, tick);
    }
  }
  return out;
}
