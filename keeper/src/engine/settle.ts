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

export class SettleTracker {
  /** Played times of the ticks within the last suspendMaxMs, oldest first. */
  private readonly recentTicks: number[] = [];
  private tracked: HeldEvent | null = null;
  /** First tick at which `tracked` counted as absorbed, or null while it has not. */
  private releasedAt: number | null = null;

  constructor(private readonly config: EngineConfig) {}

  /** Called once per tick; `laggedIndex` is index(t − settleLagMs), computed only when needed. */
  onTick(t: number, latest: HeldEvent | null, index: number, laggedIndex: () => number, indexAt: (at: number) => number): boolean {
    this.recentTicks.push(t);
    while ((this.recentTicks[0] as number) <= t - this.config.suspendMaxMs) this.recentTicks.shift();
    if (latest === null) {
      this.tracked = null;
      return false;
    }
    if (latest !== this.tracked) this.rejudge(latest, Number.NEGATIVE_INFINITY, t, indexAt);
    const age = t - latest.g;
    if (age >= this.config.suspendMaxMs) return false;
    if (this.releasedAt === null && age >= this.config.suspendMinMs && Math.abs(index - laggedIndex()) <= this.config.settleBps) {
      this.releasedAt = t;
    }
    return this.releasedAt === null;
  }

  /** An admitted event at played time `g` was inserted or removed. */
  onCorrection(g: number, latest: HeldEvent | null, indexAt: (at: number) => number): void {
    const last = this.recentTicks[this.recentTicks.length - 1];
    if (latest === null || last === undefined) {
      this.tracked = null;
      return;
    }
    if (latest !== this.tracked) this.rejudge(latest, Number.NEGATIVE_INFINITY, last + 1, indexAt);
    else if (this.releasedAt === null || this.releasedAt >= g) this.rejudge(latest, g, last + 1, indexAt);
  }

  /** Finds the first settled tick in [max(from, g + min), before) for `trigger`. */
  private rejudge(trigger: HeldEvent, from: number, before: number, indexAt: (at: number) => number): void {
    this.tracked = trigger;
    this.releasedAt = null;
    const start = Math.max(from, trigger.g + this.config.suspendMinMs);
    for (const s of this.recentTicks) {
      if (s < start || s >= before || s - trigger.g >= this.config.suspendMaxMs) continue;
      if (Math.abs(indexAt(s) - indexAt(s - this.config.settleLagMs)) <= this.config.settleBps) {
        this.releasedAt = s;
        return;
      }
    }
  }
}
