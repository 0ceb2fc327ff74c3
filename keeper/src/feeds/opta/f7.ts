/** Opta F7 (match sheet XML) → MatchInfo: home/away team refs and names. */
import type { MatchInfo } from "../model.js";
import { FeedParseError } from "../parse-log.js";
import { asArray, asRecord, parseOptaXml } from "./xml.js";

export function parseF7(text: string): MatchInfo {
  const root = asRecord(parseOptaXml(text, "f7").SoccerFeed);
  const doc = asRecord(root?.SoccerDocument);
  const data = asRecord(doc?.MatchData);
  if (!doc || !data) throw missing("SoccerFeed.SoccerDocument.MatchData");
  const sides = new Map<string, string>();
  for (const td of asArray(data.TeamData)) {
    const r = asRecord(td);
    if (r && typeof r.Side === "string" && typeof r.TeamRef === "string") sides.set(r.Side.toLowerCase(), r.TeamRef);
  }
  const names = new Map<string, string>();
  for (const t of asArray(doc.Team)) {
    const r = asRecord(t);
    if (r && typeof r.uID === "string" && typeof r.Name === "string") names.set(r.uID, r.Name);
  }
  const home = sides.get("home");
  const away = sides.get("away");
  if (!home) throw missing("MatchData.TeamData[Side=Home].TeamRef");
  if (!away) throw missing("MatchData.TeamData[Side=Away].TeamRef");
  const date = asRecord(data.MatchInfo)?.Date;
  return {
    provider: "opta",
    matchId: typeof doc.uID === "string" ? stripPrefix(doc.uID) : "unknown",
    home: { name: names.get(home) ?? home, providerTeamId: stripPrefix(home) },
    away: { name: names.get(away) ?? away, providerTeamId: stripPrefix(away) },
    kickoffUnixMs: typeof date === "string" ? optaDate(date) : null,
    synthetic: false,
  };
}

/** F7 refs are "t569" / "g123"; F24 uses the bare number. */
function stripPrefix(ref: string): string {
  return ref.replace(/^[a-z]/, "");
}

/** "20180923T150000+0100" → unix ms. */
function optaDate(s: string): number | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})([+-]\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const ms = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${m[7]}:${m[8]}`);
  return Number.isFinite(ms) ? ms : null;
}

function missing(field: string): FeedParseError {
  return new FeedParseError({ provider: "opta", eventId: null, field, message: "missing" });
}
