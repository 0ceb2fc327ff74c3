/**
 * The suspension rule. A trigger (goal, own goal, penalty award, red or second-yellow card) at
 * played time g suspends trading from the first tick at or after g until the first tick s with
 *   s − g ≥ suspendMinMs (30 s)  and  |index(s) − index(s − settleLagMs)| ≤ settleBps (100 bps / 10 s),
 * and never beyond s − g ≥ suspendMaxMs (120 s). Once released it stays released (no flapping)
 * until the next trigger; a newer trigger restarts the rule.
 *
 * The release depends on the indices at past ticks, so a late event or a deletion that changes
 * them re-judges the ticks at or after the corrected time (from the engine's retained events):
 * the release is then exactly what it would have been had the feed been right all along.
 */
import type { EngineConfig } from "./config.js";

/** An admitted trigger event: `serial` identifies the held version (a correction gets a new one). */
export class Trigger {
  constructor(
    readonly serial: number,
    /** Played time in ms. */
    readonly g: number,
  ) {}
}

/** What the tracker needs from the engine to judge whether the index has settled. */
export interface IndexSource {
  /** index(t − settleLagMs) at the current tick, from the lagged window (O(1)). */
  laggedIndex(): number;
  /** index at a past played time, recomputed from the retained events (corrections only). */
  indexAt(at: number): number;
}

const INITIAL_TICKS = 256;

export class SettleTracker {
  /** Played times of recent ticks in [firstTick, endTick), oldest first (some may be stale: see `recordTick`). */
  private recentTicks = new Float64Array(INITIAL_TICKS);
  private firstTick = 0;
  private endTick = 0;
  /** Serial of the trigger being judged, or -1 for none. */
  private trackedSerial = -1;
  /** First tick at which the tracked trigger counted as absorbed; `released` says whether there is one. */
  private released = false;
  private releasedAt = 0;
  private readonly suspendMinMs: number;
  private readonly suspendMaxMs: number;
  private readonly settleBps: number;
  private readonly settleLagMs: number;

  constructor(config: EngineConfig) {
    this.suspendMinMs = config.suspendMinMs;
    this.suspendMaxMs = config.suspendMaxMs;
    this.settleBps = config.settleBps;
    this.settleLagMs = config.settleLagMs;
  }

  /**
   * Records the played time of a tick; called once per tick, before `onTick` or `onQuiet`.
   * Ticks older than suspendMaxMs are dropped only when the buffer fills: `rejudge` never looks
   * at them (every held trigger is younger than suspendMaxMs, so they lie before its start).
   */
  recordTick(t: number): void {
    if (this.endTick === this.recentTicks.length) this.makeRoom(t);
    this.recentTicks[this.endTick++] = t;
  }

  /** No trigger is held at this tick: trading is open and nothing is being judged. */
  onQuiet(): void {
    this.trackedSerial = -1;
  }

  /** Called at a tick with the latest held trigger and the index just computed; returns whether trading is suspended. */
  onTick(t: number, latest: Trigger, index: number, source: IndexSource): boolean {
    if (latest.serial !== this.trackedSerial) this.rejudge(latest, Number.NEGATIVE_INFINITY, t, source);
    const age = t - latest.g;
    if (age >= this.suspendMaxMs) return false;
    if (!this.released && age >= this.suspendMinMs && Math.abs(index - source.laggedIndex()) <= this.settleBps) {
      this.released = true;
      this.releasedAt = t;
    }
    return !this.released;
  }

  /** An admitted event at played time `g` was inserted or removed. */
  onCorrection(g: number, latest: Trigger | null, source: IndexSource): void {
    if (latest === null || this.endTick === 0) {
      this.trackedSerial = -1;
      return;
    }
    const last = this.recentTicks[this.endTick - 1] as number;
    if (latest.serial !== this.trackedSerial) this.rejudge(latest, Number.NEGATIVE_INFINITY, last + 1, source);
    else if (!this.released || this.releasedAt >= g) this.rejudge(latest, g, last + 1, source);
  }

  /** The buffer is full at tick `t`: drops the stale ticks, then reuses their room or grows. */
  private makeRoom(t: number): void {
    const ticks = this.recentTicks;
    const oldest = t - this.suspendMaxMs;
    let first = this.firstTick;
    while (first < this.endTick && (ticks[first] as number) <= oldest) first++;
    const live = this.endTick - first;
    if (live * 2 <= ticks.length) {
      ticks.copyWithin(0, first, this.endTick);
    } else {
      const grown = new Float64Array(ticks.length * 2);
      grown.set(ticks.subarray(first, this.endTick));
      this.recentTicks = grown;
    }
    this.firstTick = 0;
    this.endTick = live;
  }

  /** Finds the first settled tick in [max(from, g + min), before) for `trigger`. */
  private rejudge(trigger: Trigger, from: number, before: number, source: IndexSource): void {
    this.trackedSerial = trigger.serial;
    this.released = false;
    const start = Math.max(from, trigger.g + this.suspendMinMs);
    for (let i = this.firstTick; i < this.endTick; i++) {
      const s = this.recentTicks[i] as number;
      if (s < start || s >= before || s - trigger.g >= this.suspendMaxMs) continue;
      if (Math.abs(source.indexAt(s) - source.indexAt(s - this.settleLagMs)) <= this.settleBps) {
        this.released = true;
        this.releasedAt = s;
        return;
      }
    }
  }
}
