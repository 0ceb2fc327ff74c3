/**
 * Opta F24 (event XML) → FeedChanges, through the Opta event model shared with Stats Perform.
 * Teams come from the Game's home_team_id/away_team_id when present, else from an F7.
 */
import { z } from "zod";
import type { LoadedMatch } from "../feed.js";
import { EventLog } from "../event-log.js";
import type { FeedChange, MatchInfo } from "../model.js";
import { FeedParseError, ParseLog } from "../parse-log.js";
import { rawId, validateItem } from "../validate.js";
import { type DerivedIds, changesFor } from "./changes.js";
import { type OptaEvent, type TeamSides, mapOptaEvent } from "./event-model.js";
import { parseF7 } from "./f7.js";
import { asArray, asRecord, parseOptaXml } from "./xml.js";

const numeric = z.string().regex(/^-?\d+(\.\d+)?$/, "expected a number").transform(Number);
const f24EventSchema = z.object({
  id: z.string().regex(/^\d+$/, "expected a numeric id"),
  type_id: numeric,
  period_id: numeric,
  min: numeric,
  sec: numeric,
  team_id: z.string(),
  outcome: numeric.optional(),
  x: numeric,
  y: numeric,
  Q: z.array(z.object({ qualifier_id: numeric, value: z.string().optional() })).optional(),
});

export interface F24Document {
  readonly game: Record<string, unknown>;
  readonly events: unknown[];
}

export function readF24(text: string): F24Document {
  const games = asArray(asRecord(parseOptaXml(text, "f24").Games)?.Game);
  const game = asRecord(games[0]);
  if (!game) throw new FeedParseError({ provider: "opta", eventId: null, field: "Games.Game", message: "missing" });
  return { game, events: asArray(game.Event) };
}

export function f24Changes(events: readonly unknown[], teams: TeamSides, log: ParseLog, derived: Map<string, DerivedIds> = new Map()): FeedChange[] {
  const out: FeedChange[] = [];
  for (const raw of events) {
    const id = rawId(raw, "id");
    const ev = validateItem(f24EventSchema, raw, log, id, "Event");
    if (!ev) continue;
    const opta: OptaEvent = {
      id: ev.id,
      typeId: ev.type_id,
      periodId: ev.period_id,
      min: ev.min,
      sec: ev.sec,
      teamId: ev.team_id,
      outcome: ev.outcome ?? null,
      x: ev.x,
      y: ev.y,
      qualifiers: new Map((ev.Q ?? []).map((q) => [q.qualifier_id, q.value ?? null])),
    };
    out.push(...changesFor(`opta:${ev.id}`, mapOptaEvent(opta, teams, "opta", log), derived));
  }
  return out;
}

/** Whole-file F24; `f7Text` names the teams when the Game element does not. */
export function parseOpta(f24Text: string, f7Text?: string): LoadedMatch {
  const log = new ParseLog("opta");
  const doc = readF24(f24Text);
  const info = f24Info(doc.game, f7Text);
  const eventLog = new EventLog();
  eventLog.apply(f24Changes(doc.events, { home: info.home.providerTeamId, away: info.away.providerTeamId }, log));
  return { info, events: eventLog.events(), issues: log.issues, unmapped: log.unmapped };
}

/** The match info from an F24 Game's team attributes, or from `f7Text` when given. */
export function f24Info(game: Record<string, unknown>, f7Text?: string): MatchInfo {
  if (f7Text !== undefined) return parseF7(f7Text);
  const home = game.home_team_id;
  const away = game.away_team_id;
  if (typeof home !== "string" || typeof away !== "string") {
    throw new FeedParseError({ provider: "opta", eventId: null, field: "Game.home_team_id", message: "missing; supply the F7 match file" });
  }
  return {
    provider: "opta",
    matchId: typeof game.id === "string" ? game.id : "unknown",
    home: { name: str(game.home_team_name) ?? home, providerTeamId: home },
    away: { name: str(game.away_team_name) ?? away, providerTeamId: away },
    kickoffUnixMs: null,
    synthetic: false,
  };
}

function str(v: unknown): string | null {
  return typeof v === "string" ? v : null;
}
