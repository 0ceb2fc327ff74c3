/**
 * Bounded reordering: upserts wait until the newest match time seen is `delayMs` past them,
 * then leave in (period, tMs) order. An event older than what already left is released at once
 * and reported as late (the clock went backwards by more than the bound).
 */
import type { MatchEvent } from "../model.js";
import { compareEvents } from "../order.js";

/** Match time as one number: periods never overlap, so period·10⁹ + tMs orders them. */
export function matchClock(e: Pick<MatchEvent, "period" | "tMs">): number {
  return e.period * 1e9 + e.tMs;
}

export class ReorderBuffer {
  private pending = new Map<string, MatchEvent>();
  private newest = -Infinity;
  private released = -Infinity;

  constructor(private readonly delayMs: number) {}

  /** Returns "late" when the event is behind what was already released. */
  push(e: MatchEvent): "held" | "late" {
    this.newest = Math.max(this.newest, matchClock(e));
    this.pending.set(e.id, e);
    return matchClock(e) < this.released ? "late" : "held";
  }

  /** Drops a held event (deleted before it left). True if it was held. */
  drop(id: string): boolean {
    return this.pending.delete(id);
  }

  has(id: string): boolean {
    return this.pending.has(id);
  }

  /** Events now ready, in order; `all` flushes everything (end of match). */
  release(all = false): MatchEvent[] {
    const ready: MatchEvent[] = [];
    for (const e of this.pending.values()) {
      if (all || matchClock(e) <= this.newest - this.delayMs || matchClock(e) < this.released) ready.push(e);
    }
    ready.sort(compareEvents);
    for (const e of ready) {
      this.pending.delete(e.id);
      this.released = Math.max(this.released, matchClock(e));
    }
    return ready;
  }
}
