/**
 * Wyscout public event data (v2 JSON: `events`, `teams`, `players`) → model events.
 *
 * One Wyscout event can yield several model events: the action itself (pass, shot, duel, ...)
 * plus markers derived from its tags (goal 101 on the scorer's shot, own goal 102 on the
 * defender's action credited to the other side, cards 1701/1702/1703 on fouls, corner / free
 * kick / penalty markers on set pieces). Derived events get ids `wyscout:<id>:<marker>`.
 * Wyscout has no "penalty awarded" event: the marker is placed on the penalty kick itself.
 */
import { z } from "zod";
import type { LoadedMatch } from "../feed.js";
import type { EventKind, MatchEvent, MatchInfo, PitchPoint, ShotSituation, Side } from "../model.js";
import { FeedParseError, ParseLog, describeError } from "../parse-log.js";
import { WYSCOUT_FRAME, kindToModelFrame, otherSide, toAttackingFrame } from "../pitch.js";
import { sortEvents } from "../order.js";
import { rawId, validateItem } from "../validate.js";
import { shotXg } from "../xg/shot-model.js";
import { topLevelObjectKeys } from "./key-order.js";
import { PERIODS, TAG, bodyPartFromTags, cardFromTags, shotOutcomeFromTags } from "./spec.js";

const positionSchema = z.object({ x: z.number(), y: z.number() });
const eventSchema = z.object({
  id: z.number(),
  eventName: z.string(),
  subEventName: z.string(),
  teamId: z.number(),
  matchPeriod: z.string(),
  eventSec: z.number().nonnegative(),
  tags: z.array(z.object({ id: z.number() })),
  positions: z.array(positionSchema),
  matchId: z.number().optional(),
});
type WyscoutEvent = z.infer<typeof eventSchema>;

const teamSchema = z.object({ team: z.object({ name: z.string(), wyId: z.number() }) });
const fileSchema = z.object({ events: z.array(z.unknown()), teams: z.record(z.string(), z.unknown()) });

export function parseWyscout(text: string): LoadedMatch {
  const log = new ParseLog("wyscout");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new FeedParseError({ provider: "wyscout", eventId: null, field: "json", message: describeError(err) });
  }
  const file = validateItem(fileSchema, json, log, null, "file");
  if (!file) throw new FeedParseError(log.issues[0]!);
  const keyOrder = topLevelObjectKeys(text, "teams") ?? Object.keys(file.teams);
  if (keyOrder.length !== 2) {
    throw new FeedParseError({ provider: "wyscout", eventId: null, field: "teams", message: `expected 2 teams, found ${keyOrder.length}` });
  }
  const [homeId, awayId] = keyOrder as [string, string];
  const home = validateItem(teamSchema, file.teams[homeId], log, null, `teams.${homeId}`);
  const away = validateItem(teamSchema, file.teams[awayId], log, null, `teams.${awayId}`);
  if (!home || !away) throw new FeedParseError(log.issues[0]!);

  const events: MatchEvent[] = [];
  let matchId: string | null = null;
  for (const raw of file.events) {
    const id = rawId(raw, "id");
    const ev = validateItem(eventSchema, raw, log, id, "event");
    if (!ev) continue;
    matchId ??= ev.matchId !== undefined ? String(ev.matchId) : null;
    const side: Side | null = String(ev.teamId) === homeId ? "home" : String(ev.teamId) === awayId ? "away" : null;
    if (!side) {
      log.issue(String(ev.id), "teamId", `unknown team ${ev.teamId}`);
      continue;
    }
    const period = PERIODS[ev.matchPeriod];
    if (!period) {
      log.issue(String(ev.id), "matchPeriod", `unknown period ${JSON.stringify(ev.matchPeriod)}`);
      continue;
    }
    const kinds = mapEvent(ev, log);
    for (const [suffix, kindSide, kind] of kinds) {
      events.push({
        id: suffix ? `wyscout:${ev.id}:${suffix}` : `wyscout:${ev.id}`,
        provider: "wyscout",
        providerEventId: String(ev.id),
        side: kindSide === "actor" ? side : otherSide(side),
        period,
        tMs: Math.round(ev.eventSec * 1000),
        kind: kindToModelFrame(kind, side),
      });
    }
  }
  const info: MatchInfo = {
    provider: "wyscout",
    matchId: matchId ?? "unknown",
    home: { name: home.team.name, providerTeamId: homeId },
    away: { name: away.team.name, providerTeamId: awayId },
    kickoffUnixMs: null,
    synthetic: false,
  };
  return { info, events: sortEvents(events), issues: log.issues, unmapped: log.unmapped };
}

/** [id suffix ("" for the main event), credited side, kind] */
type Mapped = Array<[string, "actor" | "opponent", EventKind]>;

function mapEvent(ev: WyscoutEvent, log: ParseLog): Mapped {
  const tags = new Set(ev.tags.map((t) => t.id));
  const start = ev.positions[0] ? toAttackingFrame(ev.positions[0], WYSCOUT_FRAME) : null;
  const end = ev.positions[1] ? toAttackingFrame(ev.positions[1], WYSCOUT_FRAME) : null;
  const out: Mapped = [];
  const main = mainKind(ev, tags, start, end, out);
  if (main) out.unshift(["", "actor", main]);
  else if (out.length === 0) log.skip(`${ev.eventName}/${ev.subEventName}`);
  if (tags.has(TAG.ownGoal)) out.push(["own_goal", "opponent", { type: "own_goal" }]);
  return out;
}

/** The action's own kind; pushes set-piece/goal/card markers onto `extra`. Null = unmapped. */
function mainKind(
  ev: WyscoutEvent,
  tags: ReadonlySet<number>,
  start: PitchPoint | null,
  end: PitchPoint | null,
  extra: Mapped,
): EventKind | null {
  const successful = tags.has(TAG.accurate);
  const pass = (): EventKind | null => (start ? { type: "pass", start, end, successful } : null);
  switch (ev.eventName) {
    case "Pass":
      return pass();
    case "Shot":
      return shot(start, tags, tags.has(TAG.counterAttack) ? "counter" : "open_play", extra);
    case "Free Kick":
      return setPiece(ev.subEventName, start, tags, extra, pass);
    case "Duel":
      return { type: "duel", location: start, won: tags.has(TAG.duelWon) };
    case "Foul": {
      const colour = cardFromTags(tags);
      if (colour) extra.push(["card", "actor", { type: "card", colour }]);
      return { type: "foul", location: start };
    }
    case "Offside":
      return { type: "offside" };
    case "Others on the ball":
      if (ev.subEventName === "Clearance") return { type: "clearance", location: start };
      return { type: "ball_touch", location: start };
    case "Save attempt":
      // A "save attempt" tagged 101 is the keeper conceding: a touch, not a save.
      return tags.has(TAG.goal) ? { type: "ball_touch", location: start } : { type: "save" };
    case "Goalkeeper leaving line":
      return { type: "ball_touch", location: start };
    default:
      return null;
  }
}

function setPiece(
  sub: string,
  start: PitchPoint | null,
  tags: ReadonlySet<number>,
  extra: Mapped,
  pass: () => EventKind | null,
): EventKind | null {
  switch (sub) {
    case "Corner":
      extra.push(["corner", "actor", { type: "corner" }]);
      return pass();
    case "Free Kick":
    case "Free kick cross":
      extra.push(["free_kick", "actor", { type: "free_kick", location: start }]);
      return pass();
    case "Free kick shot":
      extra.push(["free_kick", "actor", { type: "free_kick", location: start }]);
      return shot(start, tags, "free_kick", extra);
    case "Penalty":
      extra.push(["penalty_awarded", "actor", { type: "penalty_awarded" }]);
      return shot(start, tags, "penalty", extra);
    case "Throw in":
    case "Goal kick":
      return pass();
    default:
      return null;
  }
}

function shot(start: PitchPoint | null, tags: ReadonlySet<number>, situation: ShotSituation, extra: Mapped): EventKind | null {
  if (!start) return null;
  const bodyPart = situation === "penalty" && !tags.has(TAG.headOrBody) ? "foot" : bodyPartFromTags(tags);
  const outcome = shotOutcomeFromTags(tags);
  if (outcome === "goal") extra.push(["goal", "actor", { type: "goal", location: start }]);
  return { type: "shot", location: start, bodyPart, situation, xg: shotXg(start, bodyPart, situation), providerXg: false, outcome };
}
