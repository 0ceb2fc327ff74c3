/**
 * Bounded reordering: upserts wait until the newest match time seen is `delayMs` past them, or
 * (live feeds) until they have been held `maxHoldWallMs` of wall time — otherwise the last events
 * before a pause (a period's end, a long stoppage) would wait for the next event — then leave in
 * (period, tMs) order. An event older than what already left is released at once and reported as
 * late (the clock went backwards by more than the bound).
 */
import type { MatchEvent } from "../model.js";
import { compareEvents } from "../order.js";

/** Match time as one number: periods never overlap, so period·10⁹ + tMs orders them. */
export function matchClock(e: Pick<MatchEvent, "period" | "tMs">): number {
  return e.period * 1e9 + e.tMs;
}

export class ReorderBuffer {
  private pending = new Map<string, MatchEvent>();
  /** Wall ms each held id arrived (kept across corrections of the same id). */
  private readonly heldSince = new Map<string, number>();
  private newest = -Infinity;
  private released = -Infinity;

  constructor(private readonly delayMs: number, private readonly maxHoldWallMs = Number.POSITIVE_INFINITY) {}

  /** Returns "late" when the event is behind what was already released. */
  push(e: MatchEvent, nowMs = 0): "held" | "late" {
    this.newest = Math.max(this.newest, matchClock(e));
    this.pending.set(e.id, e);
    if (!this.heldSince.has(e.id)) this.heldSince.set(e.id, nowMs);
    return matchClock(e) < this.released ? "late" : "held";
  }

  /** Drops a held event (deleted before it left). True if it was held. */
  drop(id: string): boolean {
    this.heldSince.delete(id);
    return this.pending.delete(id);
  }

  has(id: string): boolean {
    return this.pending.has(id);
  }

  /** Events now ready, in order; `all` flushes everything (end of match). */
  release(all = false, nowMs = 0): MatchEvent[] {
    const ready: MatchEvent[] = [];
    for (const e of this.pending.values()) {
      const heldTooLong = nowMs - (this.heldSince.get(e.id) ?? nowMs) >= this.maxHoldWallMs;
      if (all || heldTooLong || matchClock(e) <= this.newest - this.delayMs || matchClock(e) < this.released) ready.push(e);
    }
    ready.sort(compareEvents);
    for (const e of ready) {
      this.pending.delete(e.id);
      this.heldSince.delete(e.id);
      this.released = Math.max(this.released, matchClock(e));
    }
    return ready;
  }
}
