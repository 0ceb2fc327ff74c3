/**
 * Played time across periods. The window runs on one continuous axis `g` (ms of played time
 * since kick-off), so the last minutes of a half still count at the start of the next one and
 * half-time itself takes no time.
 *
 * A period's length becomes known when the clock first ticks in a later period: it is the
 * larger of the last tick in that period and the latest event the engine holds for it (so a
 * `period_end` event fixes it). Period p starts at g = Σ lengths of the periods before it.
 */

export const MAX_PERIOD = 5;
/** Longest accepted period (3 h): keeps every window sum an exact integer (see window.ts). */
export const MAX_PERIOD_MS = 10_800_000;

/** Orders (period, tMs) as one number; tMs < 10^8 so periods never overlap. */
export function eventKey(period: number, tMs: number): number {
  return period * 100_000_000 + tMs;
}

export class PeriodTimeline {
  /** base[p] = g at the start of period p, for p ≤ current period (index 0 unused). */
  private readonly base: number[] = new Array<number>(MAX_PERIOD + 2).fill(0);
  /** length[p] for closed periods, -1 while open (filled arrays stay fast to index). */
  private readonly length: number[] = new Array<number>(MAX_PERIOD + 2).fill(-1);
  currentPeriod = 1;

  /**
   * Closes every period before `period`. `lastTickTMs` is the last tick in the current period
   * (null if it had none); `latestEventTMs(q)` is the latest held event of period q.
   */
  advanceTo(period: number, lastTickTMs: number | null, latestEventTMs: (q: number) => number | null): void {
    let lastTick = lastTickTMs;
    while (this.currentPeriod < period) {
      const q = this.currentPeriod;
      const fromEvents = latestEventTMs(q);
      const len = Math.max(lastTick ?? 0, fromEvents ?? 0);
      this.length[q] = len;
      this.base[q + 1] = (this.base[q] as number) + len;
      this.currentPeriod = q + 1;
      lastTick = null;
    }
  }

  /** Played time at the start of `period`, for a period at or before the current one. */
  startOf(period: number): number {
    return this.base[period] as number;
  }

  /** Played time of (period, tMs), or null when it lies past the end of a closed period. */
  playedTime(period: number, tMs: number): number | null {
    if (period > this.currentPeriod) return null;
    const len = this.length[period] as number;
    if (len >= 0 && tMs > len) return null;
    return (this.base[period] as number) + tMs;
  }
}
