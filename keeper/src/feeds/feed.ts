/**
 * The one interface every provider adapter offers, and the shape of a whole-match load.
 */
import type { FeedChange, FeedIssue, MatchEvent, MatchInfo, ProviderName } from "./model.js";

/** A match's event log, delivered as batches of changes (live) or all at once (replay). */
export interface MatchFeed {
  readonly provider: ProviderName;
  info(): Promise<MatchInfo>;
  /** Batches of changes in arrival order; ends when the match is over (or the feed is closed). */
  changes(): AsyncIterable<FeedChange[]>;
  /** Problems met so far (malformed items, unknown teams, ...); never fatal. */
  issues(): readonly FeedIssue[];
  /** Provider types seen that produced no model event, with their counts. */
  unmapped(): Readonly<Record<string, number>>;
  close(): void;
}

/** A whole match read from one source, events sorted by (period, tMs, id). */
export interface LoadedMatch {
  readonly info: MatchInfo;
  readonly events: MatchEvent[];
  readonly issues: FeedIssue[];
  readonly unmapped: Record<string, number>;
}

export { loadMatch, parseMatch, detectProvider, parseMatchSource, MatchSourceError, DEFAULT_SYNTHETIC_SEED, type MatchSource } from "./load.js";
