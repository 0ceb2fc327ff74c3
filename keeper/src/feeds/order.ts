import type { MatchEvent } from "./model.js";

/** Match-time order: period, then time in period, then id for a stable tie-break. */
export function compareEvents(a: MatchEvent, b: MatchEvent): number {
  if (a.period !== b.period) return a.period - b.period;
  if (a.tMs !== b.tMs) return a.tMs - b.tMs;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function sortEvents(events: MatchEvent[]): MatchEvent[] {
  return events.sort(compareEvents);
}
