/**
 * The momentum engine: feed changes in, one `MomentumTick` per clock tick out.
 *
 * Pure and deterministic: no I/O, no wall clock; time is only what the caller passes to `tick`.
 * The output at a tick is a function of the ticks made so far and of the set of events held
 * (upserted and not deleted) whose (period, tMs) is at or before the tick — so events applied in
 * one batch or one by one, in any order, give the same series, and deleting an event is the same
 * as never having seen it (suspension included: see `settle.ts`).
 *
 * Cost: events are kept in one array sorted by (period, tMs) with cursors over it:
 *   [keepTail, lagTail)   retained only to re-judge recent suspensions after a correction,
 *   [lagTail, lagHead)    the window as it was settleLagMs ago (for the settle test),
 *   [curTail, curHead)    the live window,
 *   [curHead, end)        pending: not yet due.
 * Each event enters and leaves each window once, and a window is a set of exact running sums
 * (window.ts), so a tick and an in-order event are O(1) amortized; an out-of-order insert or a
 * deletion costs a binary search plus a shift of the events after it, and, while a suspension is
 * still open, re-judging the ticks after it.
 */
import type { FeedChange, MatchEvent } from "../../../src/feeds/model.js";
import { COMPONENT_COUNT, DEFAULT_ENGINE_CONFIG, type EngineConfig, validateEngineConfig } from "./config.js";
import { contributionOf, isContributionError } from "./contribution.js";
import type { HeldEvent } from "./held-event.js";
import { blendBps } from "./ratio.js";
import { type IndexSource, SettleTracker } from "./settle.js";
import { eventKey, MAX_PERIOD, MAX_PERIOD_MS, PeriodTimeline } from "./timeline.js";
import { EngineClockError, type EngineIssue, type MomentumTick } from "./types.js";
import { DecayedWindow } from "./window.js";

/** Drop forgotten events from the front of the array once this many have piled up. */
const COMPACT_AT = 32;

export class MomentumEngine implements IndexSource {
  private readonly config: EngineConfig;
  private readonly held: HeldEvent[] = [];
  private readonly byId = new Map<string, HeldEvent>();
  private keepTail = 0;
  private lagTail = 0;
  private lagHead = 0;
  private curTail = 0;
  private curHead = 0;
  private readonly live = new DecayedWindow();
  private readonly lagged = new DecayedWindow();
  /** Admitted triggers younger than suspendMaxMs, oldest first. */
  private readonly triggers: HeldEvent[] = [];
  private readonly settle: SettleTracker;
  private readonly timeline = new PeriodTimeline();
  private clockKey = -1;
  private clockG = 0;
  private readonly bps = new Int32Array(COMPONENT_COUNT);
  private readonly priorTerms: Float64Array;

  constructor(config: EngineConfig = DEFAULT_ENGINE_CONFIG) {
    validateEngineConfig(config);
    this.config = config;
    this.settle = new SettleTracker(config);
    this.priorTerms = Float64Array.from(config.priors, (p) => 2 * p * config.windowMs);
  }

  /** Applies one feed change; returns why it could not be used, or null when applied. */
  apply(change: FeedChange): EngineIssue | null {
    if (change.op === "delete") {
      const old = this.byId.get(change.id);
      if (old) this.remove(old);
      return null;
    }
    const event = change.event;
    const bad = checkEvent(event);
    if (bad) return bad;
    const contribution = contributionOf(event, this.config);
    if (isContributionError(contribution)) return { eventId: event.id, ...contribution };
    const key = eventKey(event.period, event.tMs);
    let g = Number.NaN;
    if (key <= this.clockKey) {
      const played = this.timeline.playedTime(event.period, event.tMs);
      if (played === null) {
        return { eventId: event.id, field: "tMs", message: `${event.tMs} is past the end of period ${event.period}, which is closed` };
      }
      g = played;
    }
    const old = this.byId.get(event.id);
    if (old) this.remove(old);
    this.insert({ id: event.id, period: event.period, tMs: event.tMs, key, contribution, g });
    return null;
  }

  /** Applies several changes in order; returns the issues of those that could not be used. */
  applyAll(changes: Iterable<FeedChange>): EngineIssue[] {
    const issues: EngineIssue[] = [];
    for (const change of changes) {
      const issue = this.apply(change);
      if (issue) issues.push(issue);
    }
    return issues;
  }

  /** Advances the clock to (period, tMs) — never backwards — and returns the momentum there. */
  tick(period: number, tMs: number): MomentumTick {
    if (!Number.isInteger(period) || period < 1 || period > MAX_PERIOD) throw new EngineClockError("period", `must be 1–${MAX_PERIOD}, got ${period}`);
    if (!Number.isSafeInteger(tMs) || tMs < 0 || tMs > MAX_PERIOD_MS) throw new EngineClockError("tMs", `must be an integer 0–${MAX_PERIOD_MS}, got ${tMs}`);
    const key = eventKey(period, tMs);
    if (key < this.clockKey) throw new EngineClockError(period < this.timeline.currentPeriod ? "period" : "tMs", `went backwards to ${period}/${tMs}`);
    if (period !== this.timeline.currentPeriod) this.timeline.advanceTo(period, (q) => this.latestHeldTMs(q));
    this.timeline.recordTick(tMs);
    this.clockKey = key;
    const t = this.timeline.playedTime(period, tMs) as number;
    this.clockG = t;
    this.advanceWindows(t);

    const { windowMs, weightsPct } = this.config;
    this.live.components(t, windowMs, this.priorTerms, this.bps);
    const c = this.bps;
    const components = { possession: c[0] as number, shotsRatio: c[1] as number, xgRatio: c[2] as number, fieldTilt: c[3] as number, recentEvents: c[4] as number };
    const index = blendBps(this.bps, weightsPct);
    const suspended = this.settle.onTick(t, this.latestTrigger(), index, this);
    return { period: period as MomentumTick["period"], tMs, index, components, suspended };
  }

  /** index(t − settleLagMs) at the current tick, from the lagged window. */
  laggedIndex(): number {
    const { windowMs, weightsPct, settleLagMs } = this.config;
    this.lagged.components(this.clockG - settleLagMs, windowMs, this.priorTerms, this.bps);
    return blendBps(this.bps, weightsPct);
  }

  /** Number of events currently held (pending, in a window, or retained for re-judging). */
  get heldEvents(): number {
    return this.held.length - this.keepTail;
  }

  private latestTrigger(): HeldEvent | null {
    const n = this.triggers.length;
    return n === 0 ? null : (this.triggers[n - 1] as HeldEvent);
  }

  /** The index at played time `at`, from the held events (used only to re-judge the past). */
  indexAt(at: number): number {
    const window = new DecayedWindow();
    for (let i = this.keepTail; i < this.curHead; i++) {
      const e = this.held[i] as HeldEvent;
      if (e.g > at) break;
      if (e.g > at - this.config.windowMs) window.add(e.contribution, e.g);
    }
    const bps = new Int32Array(COMPONENT_COUNT);
    window.components(at, this.config.windowMs, this.priorTerms, bps);
    return blendBps(bps, this.config.weightsPct);
  }

  /** Played time before which events can no longer affect any output. */
  private keepThreshold(t: number): number {
    const { windowMs, suspendMaxMs, settleLagMs } = this.config;
    return t - suspendMaxMs - settleLagMs - windowMs;
  }

  private advanceWindows(t: number): void {
    const { windowMs, suspendMaxMs, settleLagMs } = this.config;
    const held = this.held;
    while (this.curHead < held.length && (held[this.curHead] as HeldEvent).key <= this.clockKey) {
      const e = held[this.curHead] as HeldEvent;
      e.g = this.timeline.playedTime(e.period, e.tMs) as number;
      this.live.add(e.contribution, e.g);
      if (e.contribution.trigger) this.triggers.push(e);
      this.curHead++;
    }
    while (this.curTail < this.curHead && (held[this.curTail] as HeldEvent).g <= t - windowMs) {
      const e = held[this.curTail] as HeldEvent;
      this.live.remove(e.contribution, e.g);
      this.curTail++;
    }
    const lagT = t - settleLagMs;
    while (this.lagHead < this.curHead && (held[this.lagHead] as HeldEvent).g <= lagT) {
      const e = held[this.lagHead] as HeldEvent;
      this.lagged.add(e.contribution, e.g);
      this.lagHead++;
    }
    while (this.lagTail < this.lagHead && (held[this.lagTail] as HeldEvent).g <= lagT - windowMs) {
      const e = held[this.lagTail] as HeldEvent;
      this.lagged.remove(e.contribution, e.g);
      this.lagTail++;
    }
    const keep = this.keepThreshold(t);
    while (this.keepTail < this.lagTail && (held[this.keepTail] as HeldEvent).g <= keep) {
      const e = held[this.keepTail] as HeldEvent;
      // A replaced version is spliced out of `held` at once, so `e` is the id's current event.
      this.byId.delete(e.id);
      this.keepTail++;
    }
    while (this.triggers.length > 0 && (this.triggers[0] as HeldEvent).g <= t - suspendMaxMs) this.triggers.shift();
    if (this.keepTail >= COMPACT_AT && this.keepTail * 2 >= held.length) this.compact();
  }

  private compact(): void {
    const drop = this.keepTail;
    this.held.splice(0, drop);
    this.keepTail = 0;
    this.lagTail -= drop;
    this.lagHead -= drop;
    this.curTail -= drop;
    this.curHead -= drop;
  }

  private insert(e: HeldEvent): void {
    const held = this.held;
    if (Number.isNaN(e.g)) {
      // Not yet due: goes among the pending events, usually at the end.
      const last = held[held.length - 1];
      insertAt(held, !last || last.key <= e.key ? held.length : upperBound(held, e.key, this.curHead, held.length), e);
      this.byId.set(e.id, e);
      return;
    }
    const { windowMs, suspendMaxMs, settleLagMs } = this.config;
    const t = this.clockG;
    const lagT = t - settleLagMs;
    if (e.g <= this.keepThreshold(t)) return; // can no longer affect any output
    insertAt(held, upperBound(held, e.key, this.keepTail, this.curHead), e);
    this.byId.set(e.id, e);
    // Sorted by time, so each cursor whose threshold the event is at or below moves past it.
    this.curHead++;
    if (e.g <= t - windowMs) this.curTail++;
    else this.live.add(e.contribution, e.g);
    if (e.g <= lagT - windowMs) this.lagTail++;
    if (e.g <= lagT) this.lagHead++;
    if (e.g <= lagT && e.g > lagT - windowMs) this.lagged.add(e.contribution, e.g);
    if (e.contribution.trigger && e.g > t - suspendMaxMs) {
      let i = this.triggers.length;
      while (i > 0 && (this.triggers[i - 1] as HeldEvent).g > e.g) i--;
      this.triggers.splice(i, 0, e);
    }
    this.settle.onCorrection(e.g, this.latestTrigger(), this);
  }

  private remove(e: HeldEvent): void {
    const held = this.held;
    let at = lowerBound(held, e.key, this.keepTail, held.length);
    while (held[at] !== e) at++;
    const admitted = at < this.curHead;
    if (admitted) {
      if (at >= this.curTail) this.live.remove(e.contribution, e.g);
      if (at >= this.lagTail && at < this.lagHead) this.lagged.remove(e.contribution, e.g);
      const trigger = this.triggers.indexOf(e);
      if (trigger >= 0) this.triggers.splice(trigger, 1);
    }
    if (at < this.lagTail) this.lagTail--;
    if (at < this.lagHead) this.lagHead--;
    if (at < this.curTail) this.curTail--;
    if (at < this.curHead) this.curHead--;
    held.splice(at, 1);
    this.byId.delete(e.id);
    if (admitted) this.settle.onCorrection(e.g, this.latestTrigger(), this);
  }

  private latestHeldTMs(period: number): number | null {
    const at = upperBound(this.held, eventKey(period, MAX_PERIOD_MS), this.keepTail, this.held.length) - 1;
    const e = at >= this.keepTail ? this.held[at] : undefined;
    return e && e.period === period ? e.tMs : null;
  }
}

function checkEvent(event: MatchEvent): EngineIssue | null {
  const id = typeof event.id === "string" ? event.id : "";
  if (id === "") return { eventId: String(event.id), field: "id", message: "must be a non-empty string" };
  if (event.side !== "home" && event.side !== "away") return { eventId: id, field: "side", message: `must be home or away, got ${String(event.side)}` };
  if (!Number.isInteger(event.period) || event.period < 1 || event.period > MAX_PERIOD) return { eventId: id, field: "period", message: `must be 1–${MAX_PERIOD}, got ${event.period}` };
  if (!Number.isSafeInteger(event.tMs) || event.tMs < 0 || event.tMs > MAX_PERIOD_MS) return { eventId: id, field: "tMs", message: `must be an integer 0–${MAX_PERIOD_MS}, got ${event.tMs}` };
  return null;
}

function insertAt(list: HeldEvent[], at: number, e: HeldEvent): void {
  if (at === list.length) list.push(e);
  else list.splice(at, 0, e);
}

/** First index in [from, to) whose key is > key. */
function upperBound(list: readonly HeldEvent[], key: number, from: number, to: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as HeldEvent).key <= key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index in [from, to) whose key is ≥ key. */
function lowerBound(list: readonly HeldEvent[], key: number, from: number, to: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as HeldEvent).key < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
