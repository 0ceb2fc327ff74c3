/** Pure bookkeeping for the momentum chart: one point per oracle second, strictly increasing. */
import type { MomentumSample } from "@/lib/futstar/model";

/** Samples kept on the chart (20 minutes at one per second). */
export const SERIES_CAPACITY = 1200;

/**
 * Merges `incoming` into `series` (both oldest first): a sample with a time already present
 * replaces it (a corrected value), older ones are inserted in order, and the oldest are dropped
 * beyond `capacity`. Returns a new array; inputs are not mutated.
 */
export function mergeSamples(
  series: readonly MomentumSample[],
  incoming: readonly MomentumSample[],
  capacity = SERIES_CAPACITY,
): MomentumSample[] {
  const byTs = new Map<number, MomentumSample>();
  for (const s of series) byTs.set(s.ts, s);
  for (const s of incoming) byTs.set(s.ts, s);
  const merged = [...byTs.values()].sort((a, b) => a.ts - b.ts);
  return merged.length > capacity ? merged.slice(merged.length - capacity) : merged;
}

/** Chart points (index in points, 0–100) with suspended seconds marked for colouring. */
export function toChartPoints(series: readonly MomentumSample[]): { time: number; value: number; suspended: boolean }[] {
  return series.map((s) => ({ time: s.ts, value: s.indexBps / 100, suspended: s.suspended }));
}
