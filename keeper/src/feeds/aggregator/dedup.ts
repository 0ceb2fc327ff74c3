/**
 * Cross-source de-duplication: two providers describe the same real event when period, side
 * and kind agree and their times are within a tolerance. Events are indexed per
 * (period, side, kind) bucket; the nearest unclaimed candidate in time wins.
 */
import type { MatchEvent } from "../model.js";

export class DuplicateIndex {
  private readonly buckets = new Map<string, MatchEvent[]>();

  constructor(private readonly toleranceMs: number) {}

  add(e: MatchEvent): void {
    const key = bucketKey(e);
    const list = this.buckets.get(key) ?? [];
    list.push(e);
    this.buckets.set(key, list);
  }

  remove(id: string, like: MatchEvent): void {
    const list = this.buckets.get(bucketKey(like));
    if (!list) return;
    const i = list.findIndex((e) => e.id === id);
    if (i >= 0) list.splice(i, 1);
  }

  /** The indexed event (from another provider) that `e` duplicates, if any. */
  match(e: MatchEvent, claimed: ReadonlySet<string>): MatchEvent | null {
    let best: MatchEvent | null = null;
    for (const cand of this.buckets.get(bucketKey(e)) ?? []) {
      if (cand.provider === e.provider || claimed.has(cand.id)) continue;
      const d = Math.abs(cand.tMs - e.tMs);
      if (d <= this.toleranceMs && (!best || d < Math.abs(best.tMs - e.tMs))) best = cand;
    }
    return best;
  }
}

function bucketKey(e: MatchEvent): string {
  return `${e.period}|${e.side}|${e.kind.type}`;
}
