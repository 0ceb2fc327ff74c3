/**
 * The keeper's round: every interval, advance each live match to the frame now due, store the
 * changes it applied, push one update per match, and retire matches that ended. Status changes
 * (kick-off, half-time, extra time = Live in periods 3–4, end, abandoned) travel as the update's
 * status and are never skipped by fast pacing.
 */
import type { PublicKey } from "@solana/web3.js";
import type { Logger } from "../ops/log.js";
import type { KeeperMetrics } from "../ops/metrics.js";
import type { FeedChange } from "../feeds/model.js";
import type { KeeperStore } from "../store/keeper-store.js";
import { type Frame, type FrameSource, framesOf, tickKey } from "./match-frames.js";
import { componentsTuple, FeedStatus, type FeedStatusCode } from "./oracle-codec.js";
import type { OraclePusher, PushItem, PushResult } from "./oracle-pusher.js";

/** How many frames a match advances per round: `{ framesPerRound: 1 }` = every frame. */
export interface Pacing {
  readonly framesPerRound: number;
}

interface LiveMatch {
  readonly key: string;
  readonly feed: PublicKey;
  readonly frames: FrameSource;
  readonly pacing: Pacing;
  /** Frame held back because a status frame had to go first. */
  pending: Frame | null;
  last: Frame | null;
  abandon: boolean;
  done: boolean;
}

export interface LoopDeps {
  readonly store: KeeperStore;
  readonly pusher: Pick<OraclePusher, "pushRound">;
  /** Oracle time for this round's updates, unix seconds (never decreasing). */
  readonly oracleTs: () => bigint;
  readonly nowMs?: () => number;
  readonly metrics?: KeeperMetrics;
  readonly log?: Logger;
}

export interface RoundReport {
  readonly pushed: readonly PushResult[];
  readonly ended: readonly string[];
}

export class KeeperLoop {
  private readonly matches = new Map<string, LiveMatch>();
  private readonly nowMs: () => number;

  constructor(private readonly deps: LoopDeps) {
    this.nowMs = deps.nowMs ?? Date.now;
  }

  get liveCount(): number {
    return this.matches.size;
  }

  /**
   * Follows a match. `frames`: a replay's frames, or a live FrameSource (answers "wait" until the
   * next frame is due; catches up by up to `framesPerRound` frames a round). `resumeAfter` (a
   * restart of a replay): frames up to and including that tick are replayed into the engine
   * without being pushed, and changes already stored are not stored again.
   */
  addMatch(key: string, feed: PublicKey, frames: Iterable<Frame> | FrameSource, pacing: Pacing, resumeAfter: { period: number; tMs: number; status: number } | null = null): void {
    if (!(pacing.framesPerRound >= 1) || !Number.isInteger(pacing.framesPerRound)) throw new RangeError(`pacing.framesPerRound: must be a positive integer, got ${pacing.framesPerRound}`);
    const replay = Symbol.iterator in frames;
    const source = replay ? framesOf(frames) : frames;
    const match: LiveMatch = { key, feed, frames: source, pacing, pending: null, last: null, abandon: false, done: false };
    if (resumeAfter !== null) {
      if (!replay) throw new RangeError(`match '${key}': resuming is for replays; a live match restarts from its feed`);
      let stored = this.deps.store.changeCount(key);
      // A replay never answers "wait": the loop ends when its frames do (or at resumeAfter).
      for (let f = source.next(); f !== null && f !== "wait"; f = source.next()) {
        // Changes not yet stored when the keeper stopped are stored now.
        const fresh = f.changes.slice(Math.min(stored, f.changes.length));
        stored = Math.max(0, stored - f.changes.length);
        if (fresh.length > 0) this.deps.store.appendChanges(key, fresh, tickKey(f.period, f.tMs));
        match.last = f;
        if (f.period === resumeAfter.period && f.tMs === resumeAfter.tMs && f.status === resumeAfter.status) break;
      }
    }
    this.matches.set(key, match);
    this.deps.metrics?.liveMatches.set(this.matches.size);
  }

  /** Publishes Abandoned for the match at the next round, then stops following it. */
  abandon(key: string): void {
    const match = this.matches.get(key);
    if (!match) throw new RangeError(`match '${key}' is not live`);
    match.abandon = true;
  }

  private take(match: LiveMatch): Frame | "wait" | null {
    const r = match.pending ?? match.frames.next();
    match.pending = null;
    return r;
  }

  /**
   * Advances the match by its pacing; stops at a status change so it is published. "wait" when
   * a live match has no frame due yet; null when the match has no more frames. The changes of
   * every frame taken are stored under the tick published (the last one taken): the audit only
   * recomputes published ticks, and a restarted live match, whose frames start again at 0 with
   * the feed's whole document, must not record them before ticks the first run published.
   */
  private advance(match: LiveMatch): Frame | "wait" | null {
    let chosen: Frame | null = null;
    const changes: FeedChange[] = [];
    let waiting = false;
    for (let i = 0; i < match.pacing.framesPerRound; i++) {
      const frame = this.take(match);
      waiting = frame === "wait";
      if (frame === "wait" || frame === null) break;
      const changesStatus = frame.status !== (chosen ?? match.last)?.status;
      if (chosen !== null && changesStatus) {
        match.pending = frame;
        break;
      }
      changes.push(...frame.changes);
      chosen = frame;
      if (changesStatus && frame.status !== FeedStatus.Live) break;
    }
    if (chosen !== null && changes.length > 0) this.deps.store.appendChanges(match.key, changes, tickKey(chosen.period, chosen.tMs));
    return chosen ?? (waiting ? "wait" : null);
  }

  /** One round: at most one update per match. */
  async round(): Promise<RoundReport> {
    const ts = this.deps.oracleTs();
    const items: PushItem[] = [];
    const ended: string[] = [];
    const computedAtMs = this.nowMs();
    for (const match of this.matches.values()) {
      let frame: Frame | null;
      let status: FeedStatusCode;
      if (match.abandon) {
        frame = match.last;
        status = FeedStatus.Abandoned;
        match.done = true;
      } else {
        const next = this.advance(match);
        if (next === "wait") continue;
        frame = next;
        if (frame === null) {
          match.done = true;
          continue;
        }
        status = frame.status;
        if (status === FeedStatus.Ended || status === FeedStatus.Abandoned) match.done = true;
      }
      if (frame === null) continue;
      match.last = frame;
      const { tick } = frame;
      items.push({
        matchKey: match.key,
        feed: match.feed,
        period: frame.period,
        tMs: frame.tMs,
        computedAtMs,
        update: { ts, status, suspended: tick.suspended, indexBps: tick.index, components: componentsTuple(tick.components) },
      });
    }
    const pushed = items.length > 0 ? await this.deps.pusher.pushRound(items) : [];
    for (const result of pushed) {
      const match = this.matches.get(result.matchKey);
      if (!match) continue;
      const item = items.find((i) => i.matchKey === result.matchKey);
      if (!item) continue;
      if (result.status === "landed") {
        this.deps.store.setMatchStatus(match.key, item.update.status);
      } else if (result.status === "rejected" && /FeedFinalized/.test(result.reason)) {
        // Ended or Abandoned on chain by someone else (e.g. `futstar-keeper abandon`): final.
        match.done = true;
        this.deps.log?.warn("feed is final on chain; no longer following the match", { match: match.key, reason: result.reason });
      } else if (item.update.status !== FeedStatus.Live) {
        // A status change that did not land is sent again next round (its changes are stored).
        match.done = false;
        if (!match.abandon && match.last) match.pending = { ...match.last, changes: [] };
      }
    }
    for (const match of [...this.matches.values()]) {
      if (match.done) {
        this.matches.delete(match.key);
        ended.push(match.key);
        this.deps.log?.info("match finished", { match: match.key, abandoned: match.abandon });
      }
    }
    this.deps.metrics?.liveMatches.set(this.matches.size);
    return { pushed, ended };
  }

  /** Rounds every `intervalMs` until every match has finished or `signal` aborts. */
  async run(intervalMs: number, signal: AbortSignal, sleep: (ms: number, signal: AbortSignal) => Promise<void>): Promise<void> {
    while (!signal.aborted && this.matches.size > 0) {
      const started = this.nowMs();
      try {
        await this.round();
      } catch (err) {
        this.deps.metrics?.pushFailures.inc({ reason: "round" });
        this.deps.log?.error("round failed", { err });
      }
      await sleep(Math.max(0, intervalMs - (this.nowMs() - started)), signal);
    }
  }
}
