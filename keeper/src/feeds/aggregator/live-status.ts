/**
 * What a live provider says about the match as a whole, beside its events: before kick-off,
 * playing a period, in a break, finished, or abandoned. The keeper's live lifecycle reads it
 * where a provider has one (Stats Perform's `matchDetails`); feeds without one (Opta F24) are
 * followed from their period start/end events alone.
 */
export type LivePhase = "pre_match" | "playing" | "break" | "finished" | "abandoned";

export interface LiveStatus {
  readonly phase: LivePhase;
  /** The period being played (1–5) when `phase` is "playing", else null. */
  readonly period: number | null;
}

/** A feed that knows the match's status. */
export interface LiveStatusSource {
  liveStatus(): LiveStatus | null;
}

export function hasLiveStatus(feed: object): feed is LiveStatusSource {
  return typeof (feed as Partial<LiveStatusSource>).liveStatus === "function";
}
