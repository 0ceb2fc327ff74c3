/**
 * The momentum engine: feed changes in, one `MomentumTick` per clock tick out.
 *
 * Pure and deterministic: no I/O, no wall clock; time is only what the caller passes to `tick`.
 * The output at a tick is a function of the ticks made so far and of the set of events held
 * (upserted and not deleted) whose (period, tMs) is at or before the tick — so events applied in
 * one batch or one by one, in any order, give the same series, and deleting an event is the same
 * as never having seen it (suspension included: see `settle.ts`).
 *
 * Cost: events are kept sorted by (period, tMs) in a struct of arrays (held-events.ts) with
 * cursors over it:
 *   [keepTail, curTail)   retained only to re-judge recent suspensions after a correction,
 *   [curTail, curHead)    the live window,
 *   [curHead, size)       pending: not yet due.
 * Each event enters and leaves the live window once, and a window is a set of exact running sums
 * (window.ts), so a tick and an in-order event are O(1) amortized. Each cursor has the played time
 * at which it next moves, so a tick usually compares two numbers and computes the components.
 * The window as it was settleLagMs ago (for the settle test) is not kept at all: the few ticks
 * that judge a release binary-search its bounds and take the live sums minus the events of the
 * last settleLagMs plus those of the settleLagMs before the live window's edge (exact integers,
 * so equal bit for bit to keeping it). An out-of-order insert or a deletion costs a binary
 * search plus a shift of the events after it, and, while a suspension is still open, re-judging
 * the ticks after it.
 *
 * Speed (see bench/engine.ts): no allocation per tick with `tickInto` nor per in-order event;
 * ids go in a typed-array hash table (id-index.ts) rather than a Map; config figures are copied
 * into fields and layout offsets spelled as literals so the hot path reads no nested objects.
 */
import type { FeedChange, MatchEvent, Period } from "../feeds/model.js";
import { COMPONENT_COUNT, DEFAULT_ENGINE_CONFIG, type EngineConfig, validateEngineConfig } from "./config.js";
import { writeContribution } from "./contribution.js";
import { F_G, F_KEY, F_SERIAL, F_STRIDE, HeldEvents, I_PERIOD, I_SIDE, I_STRIDE, I_TMS, I_TRIGGER } from "./held-events.js";
import { type IndexSource, SettleTracker, Trigger } from "./settle.js";
import { IdIndex } from "./id-index.js";
import { eventKey, MAX_PERIOD, MAX_PERIOD_MS, PeriodTimeline } from "./timeline.js";
import { EngineClockError, type EngineIssue, type MomentumTick, type MomentumTickBuffer } from "./types.js";
import { DecayedWindow } from "./window.js";

/** Drop forgotten events from the front of the arrays once this many have piled up. */
const COMPACT_AT = 32;

export class MomentumEngine implements IndexSource {
  private readonly config: EngineConfig;
  private readonly windowMs: number;
  private readonly settleLagMs: number;
  private readonly suspendMaxMs: number;
  /** suspendMaxMs + settleLagMs + windowMs: how long an event is kept after its time. */
  private readonly keepSpanMs: number;
  private readonly held = new HeldEvents();
  /** id → key of the id's current version among the held events from keepTail on. */
  private readonly byId = new IdIndex();
  private keepTail = 0;
  private curTail = 0;
  private curHead = 0;
  private serial = 0;
  private readonly live: DecayedWindow;
  /** Scratch window for re-judging past ticks after a correction. */
  private readonly past: DecayedWindow;
  /** Admitted triggers younger than suspendMaxMs, oldest first. */
  private readonly triggers: Trigger[] = [];
  private readonly settle: SettleTracker;
  private readonly timeline = new PeriodTimeline();
  /** tMs of the last tick, in the timeline's current period (−1 before the first tick). */
  private clockTMs = -1;
  /** Key (period, tMs) of the first pending event; +∞ when none is pending. */
  private dueKey = Number.POSITIVE_INFINITY;
  /** Played time at the start of the timeline's current period. */
  private periodStartG = 0;
  private clockG = 0;
  /** Whether the last tick was suspended. */
  private suspended = false;
  /**
   * Played times from which the live window's tail, the retained events' tail and the trigger
   * list next move (+∞: nothing to move; −∞: recompute, after an insert or removal). A tick does
   * that cursor's work only from then on, so most ticks touch no cursor.
   */
  private expireAt = Number.NEGATIVE_INFINITY;
  private keepAt = Number.NEGATIVE_INFINITY;
  private triggerEndAt = Number.NEGATIVE_INFINITY;
  /** min(expireAt, keepAt, triggerEndAt): one comparison per tick. */
  private nextWorkAt = Number.NEGATIVE_INFINITY;
  private readonly bps = new Float64Array(COMPONENT_COUNT);
  private readonly scratchBps = new Float64Array(COMPONENT_COUNT);
  /** An event's contribution before it has a slot (held-events.ts int layout). */
  private readonly incoming = new Int32Array(I_STRIDE);

  constructor(config: EngineConfig = DEFAULT_ENGINE_CONFIG) {
    validateEngineConfig(config);
    this.config = config;
    this.windowMs = config.windowMs;
    this.settleLagMs = config.settleLagMs;
    this.suspendMaxMs = config.suspendMaxMs;
    this.keepSpanMs = config.suspendMaxMs + config.settleLagMs + config.windowMs;
    this.settle = new SettleTracker(config);
    this.live = new DecayedWindow(config);
    this.past = new DecayedWindow(config);
  }

  /** A fresh buffer for `tickInto`. */
  static tickBuffer(): MomentumTickBuffer {
    return {
      period: 1,
      tMs: 0,
      index: 5000,
      components: { possession: 5000, shotsRatio: 5000, xgRatio: 5000, fieldTilt: 5000, recentEvents: 5000 },
      suspended: false,
    };
  }

  /** Applies one feed change; returns why it could not be used, or null when applied. */
  apply(change: FeedChange): EngineIssue | null {
    if (change.op === "delete") {
      const id = change.id;
      if (typeof id !== "string") return null; // never held
      const oldKey = this.byId.get(id, this.byId.hashOf(id));
      if (oldKey >= 0) this.remove(this.slotOf(id, oldKey));
      return null;
    }
    const event = change.event;
    const bad = checkEvent(event);
    if (bad) return bad;
    const contributionError = writeContribution(event, this.config, this.incoming);
    if (contributionError) return { eventId: event.id, ...contributionError };
    const key = eventKey(event.period, event.tMs);
    let g = Number.NaN;
    if (key <= this.clockKey()) {
      const played = this.timeline.playedTime(event.period, event.tMs);
      if (played === null) {
        return { eventId: event.id, field: "tMs", message: `${event.tMs} is past the end of period ${event.period}, which is closed` };
      }
      g = played;
    }
    const id = event.id;
    const idHash = this.byId.hashOf(id);
    const oldKey = this.byId.get(id, idHash);
    if (oldKey >= 0) this.remove(this.slotOf(id, oldKey));
    this.insert(id, idHash, event.period, event.tMs, key, g);
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
    const index = this.advance(period, tMs);
    const c = this.bps;
    const components = { possession: c[0] as number, shotsRatio: c[1] as number, xgRatio: c[2] as number, fieldTilt: c[3] as number, recentEvents: c[4] as number };
    return { period: period as Period, tMs, index, components, suspended: this.suspended };
  }

  /**
   * `tick`, written into `out` (from `MomentumEngine.tickBuffer()`) instead of a new object:
   * the same numbers, without allocating. Returns `out`.
   */
  tickInto(period: number, tMs: number, out: MomentumTickBuffer): MomentumTickBuffer {
    const index = this.advance(period, tMs);
    const c = this.bps;
    const components = out.components;
    components.possession = c[0] as number;
    components.shotsRatio = c[1] as number;
    components.xgRatio = c[2] as number;
    components.fieldTilt = c[3] as number;
    components.recentEvents = c[4] as number;
    out.period = period as Period;
    out.tMs = tMs;
    out.index = index;
    out.suspended = this.suspended;
    return out;
  }

  /**
   * index(t − settleLagMs) at the current tick: the lagged window [lagTail, lagHead) is the live
   * one [curTail, curHead) without [lagHead, curHead) and with [lagTail, curTail).
   */
  laggedIndex(): number {
    const window = this.past;
    window.copyFrom(this.live);
    const held = this.held;
    const { nums, ints } = held;
    const lagT = this.clockG - this.settleLagMs;
    // Found on demand (only ticks judging a release need them), not kept up to date per tick.
    const lagHead = held.upperBoundG(lagT, this.keepTail, this.curHead);
    const lagTail = held.upperBoundG(lagT - this.windowMs, this.keepTail, lagHead);
    for (let i = lagHead; i < this.curHead; i++) window.addSlot(ints, i, nums[i * F_STRIDE + F_G] as number, -1);
    for (let i = lagTail; i < this.curTail; i++) window.addSlot(ints, i, nums[i * F_STRIDE + F_G] as number, 1);
    return window.components(this.clockG - this.settleLagMs, this.scratchBps);
  }

  /** Number of events currently held (pending, in a window, or retained for re-judging). */
  get heldEvents(): number {
    return this.held.size - this.keepTail;
  }

  /** The index at played time `at`, from the held events (used only to re-judge the past). */
  indexAt(at: number): number {
    const window = this.past;
    window.clear();
    const { nums, ints } = this.held;
    const from = at - this.windowMs;
    for (let i = this.keepTail; i < this.curHead; i++) {
      const g = nums[i * F_STRIDE + F_G] as number;
      if (g > at) break;
      if (g > from) window.addSlot(ints, i, g, 1);
    }
    return window.components(at, this.scratchBps);
  }

  /** Moves the clock and windows to (period, tMs); leaves the components in `bps`, returns the index. */
  private advance(period: number, tMs: number): number {
    // Usual case: same period, time not going back, an integer in range; anything else is
    // checked (and thrown) by `moveClock`.
    if (period !== this.timeline.currentPeriod || !(tMs >= this.clockTMs && tMs <= MAX_PERIOD_MS && Number.isInteger(tMs))) this.moveClock(period, tMs);
    this.clockTMs = tMs;
    const t = this.periodStartG + tMs;
    this.clockG = t;
    if (t >= this.nextWorkAt || period * 100_000_000 + tMs >= this.dueKey) this.advanceWindows(t); // eventKey, spelled out so it folds
    const index = this.live.components(t, this.bps);
    const settle = this.settle;
    settle.recordTick(t);
    const triggers = this.triggers;
    const count = triggers.length;
    if (count === 0) {
      settle.onQuiet();
      this.suspended = false;
    } else {
      this.suspended = settle.onTick(t, triggers[count - 1] as Trigger, index, this);
    }
    return index;
  }

  /** Checks a tick that is not the usual next one and moves the timeline to its period. */
  private moveClock(period: number, tMs: number): void {
    if (!Number.isInteger(period) || period < 1 || period > MAX_PERIOD) throw new EngineClockError("period", `must be 1–${MAX_PERIOD}, got ${period}`);
    if (!Number.isSafeInteger(tMs) || tMs < 0 || tMs > MAX_PERIOD_MS) throw new EngineClockError("tMs", `must be an integer 0–${MAX_PERIOD_MS}, got ${tMs}`);
    const timeline = this.timeline;
    if (eventKey(period, tMs) < this.clockKey()) throw new EngineClockError(period < timeline.currentPeriod ? "period" : "tMs", `went backwards to ${period}/${tMs}`);
    if (period !== timeline.currentPeriod) timeline.advanceTo(period, this.clockTMs >= 0 ? this.clockTMs : null, (q) => this.latestHeldTMs(q));
    this.periodStartG = timeline.startOf(period);
  }

  /** (period, tMs) of the last tick as an `eventKey`; −1 before the first tick. */
  private clockKey(): number {
    return this.clockTMs < 0 ? -1 : eventKey(this.timeline.currentPeriod, this.clockTMs);
  }

  private latestTrigger(): Trigger | null {
    const n = this.triggers.length;
    return n === 0 ? null : (this.triggers[n - 1] as Trigger);
  }

  /** Played time before which events can no longer affect any output. */
  private keepThreshold(t: number): number {
    return t - this.keepSpanMs;
  }

  private advanceWindows(t: number): void {
    // Module constants are reloaded and checked at every use; locals fold to immediates.
    const FS = F_STRIDE;
    const FG = F_G;
    const FK = F_KEY;
    const IS = I_STRIDE;
    const held = this.held;
    const nums = held.nums;
    const ints = held.ints;
    const size = held.size;
    const clockKey = this.clockKey();
    let curHead = this.curHead;
    if (curHead < size && (nums[curHead * FS + FK] as number) <= clockKey) {
      const timeline = this.timeline;
      do {
        const f = curHead * FS;
        const g = timeline.startOf(ints[curHead * IS + I_PERIOD] as number) + (ints[curHead * IS + I_TMS] as number);
        nums[f + FG] = g;
        this.live.addSlot(ints, curHead, g, 1);
        if (ints[curHead * IS + I_TRIGGER] === 1) this.pushTrigger(nums[f + F_SERIAL] as number, g);
        curHead++;
      } while (curHead < size && (nums[curHead * FS + FK] as number) <= clockKey);
      this.curHead = curHead;
      this.dueKey = curHead < size ? (nums[curHead * FS + FK] as number) : Number.POSITIVE_INFINITY;
      if (this.expireAt === Number.POSITIVE_INFINITY) this.expireAt = Number.NEGATIVE_INFINITY;
    }
    if (t >= this.expireAt) {
      const windowMs = this.windowMs;
      const liveEdge = t - windowMs;
      let curTail = this.curTail;
      while (curTail < curHead && (nums[curTail * FS + FG] as number) <= liveEdge) {
        this.live.addSlot(ints, curTail, nums[curTail * FS + FG] as number, -1);
        curTail++;
      }
      this.curTail = curTail;
      this.expireAt = curTail < curHead ? (nums[curTail * FS + FG] as number) + windowMs : Number.POSITIVE_INFINITY;
      if (this.keepAt === Number.POSITIVE_INFINITY) this.keepAt = Number.NEGATIVE_INFINITY;
    }
    if (t >= this.keepAt) {
      const keepSpanMs = this.keepSpanMs;
      const keep = t - keepSpanMs;
      const curTail = this.curTail;
      let keepTail = this.keepTail;
      if (keepTail < curTail && (nums[keepTail * FS + FG] as number) <= keep) {
        const ids = held.ids;
        const idHashes = held.idHashes;
        do {
          // A replaced version is removed from `held` at once, so this is the id's current event.
          this.byId.delete(ids[keepTail] as string, idHashes[keepTail] as number);
          keepTail++;
        } while (keepTail < curTail && (nums[keepTail * FS + FG] as number) <= keep);
        this.keepTail = keepTail;
      }
      this.keepAt = keepTail < curTail ? (nums[keepTail * FS + FG] as number) + keepSpanMs : Number.POSITIVE_INFINITY;
      if (keepTail >= COMPACT_AT && keepTail * 2 >= size) this.compact();
    }
    if (t >= this.triggerEndAt) {
      const triggers = this.triggers;
      const triggerEdge = t - this.suspendMaxMs;
      while (triggers.length > 0 && (triggers[0] as Trigger).g <= triggerEdge) triggers.shift();
      this.triggerEndAt = triggers.length > 0 ? (triggers[0] as Trigger).g + this.suspendMaxMs : Number.POSITIVE_INFINITY;
    }
    this.nextWorkAt = Math.min(this.expireAt, this.keepAt, this.triggerEndAt);
  }

  private pushTrigger(serial: number, g: number): void {
    this.triggers.push(new Trigger(serial, g));
    if (this.triggerEndAt === Number.POSITIVE_INFINITY) this.triggerEndAt = g + this.suspendMaxMs;
  }

  private compact(): void {
    const drop = this.keepTail;
    this.held.dropFront(drop);
    this.keepTail = 0;
    this.curTail -= drop;
    this.curHead -= drop;
  }

  /** Fills slot `at` with the incoming contribution and the event's times. */
  private fill(at: number, period: number, tMs: number, key: number, g: number): void {
    const { nums, ints } = this.held;
    const f = at * F_STRIDE;
    nums[f + F_KEY] = key;
    nums[f + F_G] = g;
    nums[f + F_SERIAL] = this.serial++;
    // Literal offsets (I_PERIOD … I_TRIGGER = 0 … 9; checked at load in contribution.ts and window.ts).
    const b = at * 10;
    const incoming = this.incoming;
    ints[b] = period;
    ints[b + 1] = tMs;
    ints[b + 2] = incoming[2] as number;
    ints[b + 3] = incoming[3] as number;
    ints[b + 4] = incoming[4] as number;
    ints[b + 5] = incoming[5] as number;
    ints[b + 6] = incoming[6] as number;
    ints[b + 7] = incoming[7] as number;
    ints[b + 8] = incoming[8] as number;
    ints[b + 9] = incoming[9] as number;
  }

  private insert(id: string, idHash: number, period: number, tMs: number, key: number, g: number): void {
    const held = this.held;
    if (Number.isNaN(g)) {
      // Not yet due: goes among the pending events, usually at the end.
      const size = held.size;
      const at = size === 0 || held.key(size - 1) <= key ? size : held.upperBound(key, this.curHead, size);
      this.fill(held.openAt(at, id, idHash), period, tMs, key, g);
      if (at === this.curHead) this.dueKey = key;
      if (this.byId.set(id, idHash, key)) this.rehashHeldIds();
      return;
    }
    const t = this.clockG;
    const windowMs = this.windowMs;
    if (g <= this.keepThreshold(t)) return; // can no longer affect any output
    this.reschedule();
    const at = held.openAt(held.upperBound(key, this.keepTail, this.curHead), id, idHash);
    this.fill(at, period, tMs, key, g);
    if (this.byId.set(id, idHash, key)) this.rehashHeldIds();
    // Sorted by time, so each cursor whose threshold the event is at or below moves past it.
    this.curHead++;
    if (g <= t - windowMs) this.curTail++;
    else this.live.addSlot(held.ints, at, g, 1);
    if (held.ints[at * I_STRIDE + I_TRIGGER] === 1 && g > t - this.suspendMaxMs) {
      let i = this.triggers.length;
      while (i > 0 && (this.triggers[i - 1] as Trigger).g > g) i--;
      this.triggers.splice(i, 0, new Trigger(held.nums[at * F_STRIDE + F_SERIAL] as number, g));
    }
    this.settle.onCorrection(g, this.latestTrigger(), this);
  }

  /** The slot of the id's current version, whose key is `key`. */
  private slotOf(id: string, key: number): number {
    const held = this.held;
    let at = held.lowerBound(key, this.keepTail, held.size);
    while (held.ids[at] !== id) at++;
    return at;
  }

  private remove(at: number): void {
    const held = this.held;
    const id = held.ids[at] as string;
    const g = held.g(at);
    const admitted = at < this.curHead;
    this.reschedule();
    if (admitted) {
      if (at >= this.curTail) this.live.addSlot(held.ints, at, g, -1);
      const serial = held.nums[at * F_STRIDE + F_SERIAL] as number;
      const trigger = this.triggers.findIndex((x) => x.serial === serial);
      if (trigger >= 0) this.triggers.splice(trigger, 1);
    }
    if (at < this.curTail) this.curTail--;
    if (at < this.curHead) this.curHead--;
    this.byId.delete(id, held.idHashes[at] as number);
    held.removeAt(at);
    if (at === this.curHead) this.dueKey = at < held.size ? held.key(at) : Number.POSITIVE_INFINITY;
    if (admitted) this.settle.onCorrection(g, this.latestTrigger(), this);
  }

  /** The id table changed how it hashes: the hashes kept with the held events follow. */
  private rehashHeldIds(): void {
    const { ids, idHashes, size } = this.held;
    for (let i = this.keepTail; i < size; i++) idHashes[i] = this.byId.hashOf(ids[i] as string);
  }

  /** After an insert or removal: every cursor recomputes when it next moves on the next tick. */
  private reschedule(): void {
    this.expireAt = Number.NEGATIVE_INFINITY;
    this.keepAt = Number.NEGATIVE_INFINITY;
    this.triggerEndAt = Number.NEGATIVE_INFINITY;
    this.nextWorkAt = Number.NEGATIVE_INFINITY;
  }

  private latestHeldTMs(period: number): number | null {
    const held = this.held;
    const at = held.upperBound(eventKey(period, MAX_PERIOD_MS), this.keepTail, held.size) - 1;
    if (at < this.keepTail) return null;
    return held.ints[at * I_STRIDE + I_PERIOD] === period ? (held.ints[at * I_STRIDE + I_TMS] as number) : null;
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
