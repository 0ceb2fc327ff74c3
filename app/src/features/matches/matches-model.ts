/** Pure grouping and freshness rules for the match list. */
import type { MatchView } from "@/lib/futstar/model";

export interface MatchGroups {
  readonly live: MatchView[];
  readonly scheduled: MatchView[];
  readonly ended: MatchView[];
}

/** Live (incl. half-time) first, then scheduled, then ended/abandoned; each group by home team. */
export function groupMatches(matches: readonly MatchView[]): MatchGroups {
  const byName = (a: MatchView, b: MatchView) => `${a.homeTeam}${a.awayTeam}`.localeCompare(`${b.homeTeam}${b.awayTeam}`);
  return {
    live: matches.filter((m) => m.status === "live" || m.status === "halftime").sort(byName),
    scheduled: matches.filter((m) => m.status === "scheduled").sort(byName),
    ended: matches.filter((m) => m.status === "ended" || m.status === "abandoned").sort(byName),
  };
}

/** Why a market does not accept orders right now, or null when it does. */
export type MarketBlock = "suspended" | "stale" | "notLive" | "poolNotOpen";

/** The market accepts requests only when Live, not suspended, fresh and the pool is open. */
export function marketBlock(match: MatchView, poolOpen: boolean, maxStalenessS: number, nowS: number): MarketBlock | null {
  if (match.status !== "live") return "notLive";
  if (!poolOpen) return "poolNotOpen";
  if (match.suspended) return "suspended";
  if (nowS - match.lastUpdateTs > maxStalenessS) return "stale";
  return null;
}

export const MARKET_BLOCK_TEXT: Readonly<Record<MarketBlock, string>> = {
  suspended: "Market suspended — a goal, penalty or red card is being absorbed by the index. Orders reopen shortly.",
  stale: "Market paused — the momentum feed is stale (no fresh oracle update). Orders reopen when the feed catches up.",
  notLive: "Market closed — the match is not live.",
  poolNotOpen: "Market closed — the pool is not open for trading.",
};
