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
import type { HeldEvent } from "./held-event.js";

/** What the tracker needs from the engine to judge whether the index has settled. */
export interface IndexSource {
  /** index(t − settleLagMs) at the current tick, from the lagged window (O(1)). */
  laggedIndex(): number;
  /** index at a past played time, recomputed from the retained events (corrections only). */
  indexAt(at: number): number;
}

export class SettleTracker {
  /** Played times of recent ticks, oldest first, from `firstTick` on (older entries are stale). */
  private recentTicks: number[] = [];
  private firstTick = 0;
  private tracked: HeldEvent | null = null;
  /** First tick at which `tracked` counted as absorbed, or null while it has not. */
  private releasedAt: number | null = null;

  constructor(private readonly config: EngineConfig) {}

  /** Called once per tick with the index just computed; returns whether trading is suspended. */
  onTick(t: number, latest: HeldEvent | null, index: number, source: IndexSource): boolean {
    this.recentTicks.push(t);
    while ((this.recentTicks[this.firstTick] as number) <= t - this.config.suspendMaxMs) this.firstTick++;
    if (this.firstTick >= 256 && this.firstTick * 2 >= this.recentTicks.length) {
      this.recentTicks = this.recentTicks.slice(this.firstTick);
      this.firstTick = 0;
    }
    if (latest === null) {
      this.tracked = null;
      return false;
    }
    if (latest !== this.tracked) this.rejudge(latest, Number.NEGATIVE_INFINITY, t, source);
    const age = t - latest.g;
    if (age >= this.config.suspendMaxMs) return false;
    if (this.releasedAt === null && age >= this.config.suspendMinMs && Math.abs(index - source.laggedIndex()) <= this.config.settleBps) {
      this.releasedAt = t;
    }
    return this.releasedAt === null;
  }

  /** An admitted event at played time `g` was inserted or removed. */
  onCorrection(g: number, latest: HeldEvent | null, source: IndexSource): void {
    const last = this.recentTicks[this.recentTicks.length - 1];
    if (latest === null || last === undefined) {
      this.tracked = null;
      return;
    }
    if (latest !== this.tracked) this.rejudge(latest, Number.NEGATIVE_INFINITY, last + 1, source);
    else if (this.releasedAt === null || this.releasedAt >= g) this.rejudge(latest, g, last + 1, source);
  }

  /** Finds the first settled tick in [max(from, g + min), before) for `trigger`. */
  private rejudge(trigger: HeldEvent, from: number, before: number, source: IndexSource): void {
    this.tracked = trigger;
    this.releasedAt = null;
    const start = Math.max(from, trigger.g + this.config.suspendMinMs);
    for (let i = this.firstTick; i < this.recentTicks.length; i++) {
      const s = this.recentTicks[i] as number;
      if (s < start || s >= before || s - trigger.g >= this.config.suspendMaxMs) continue;
      if (Math.abs(source.indexAt(s) - source.indexAt(s - this.config.settleLagMs)) <= this.config.settleBps) {
        this.releasedAt = s;
        return;
      }
    }
  }
}
