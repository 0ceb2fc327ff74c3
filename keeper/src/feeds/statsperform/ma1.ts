/** Stats Perform MA1 (fixture / match info) → MatchInfo. */
import type { MatchInfo } from "../model.js";
import type { TeamSides } from "../opta/event-model.js";
import type { MatchInfoJson } from "./schemas.js";

export function matchInfoFromSdapi(mi: MatchInfoJson): MatchInfo {
  const home = mi.contestant.find((c) => c.position === "home");
  const away = mi.contestant.find((c) => c.position === "away");
  if (!home || !away) throw new Error("matchInfo.contestant: needs one home and one away contestant");
  return {
    provider: "statsperform",
    matchId: mi.id,
    home: { name: home.name, providerTeamId: home.id },
    away: { name: away.name, providerTeamId: away.id },
    kickoffUnixMs: kickoff(mi.date, mi.time),
    synthetic: false,
  };
}

export function teamSides(info: MatchInfo): TeamSides {
  return { home: info.home.providerTeamId, away: info.away.providerTeamId };
}

/** "2021-09-11Z" + "18:30:00Z" → unix ms; null when either is missing or unreadable. */
function kickoff(date: string | undefined, time: string | undefined): number | null {
  if (!date || !time) return null;
  const ms = Date.parse(`${date.replace(/Z$/, "")}T${time}`);
  return Number.isFinite(ms) ? ms : null;
}
