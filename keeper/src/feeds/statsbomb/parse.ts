/**
 * StatsBomb Open Data events JSON (a file the user supplies; never shipped) → model events.
 *
 * Home is the team of the first "Starting XI" event (the files carry no home/away flag).
 * Coordinates are 120 × 80 in the acting team's attacking direction, y growing to its right.
 * `shot.statsbomb_xg` is taken as the provider's xG. Penalty awarded comes from "Foul Won"
 * with `foul_won.penalty`; the committed foul's mirror carries no extra marker.
 */
import { z } from "zod";
import type { LoadedMatch } from "../feed.js";
import type { BodyPart, CardColour, EventKind, MatchEvent, MatchInfo, Period, PitchPoint, ShotOutcome, ShotSituation, Side } from "../model.js";
import { FeedParseError, ParseLog } from "../parse-log.js";
import { STATSBOMB_FRAME, kindToModelFrame, otherSide, toAttackingFrame } from "../pitch.js";
import { sortEvents } from "../order.js";
import { parseJsonOrThrow } from "../statsperform/parse.js";
import { rawId, validateItem } from "../validate.js";
import { shotXg } from "../xg/shot-model.js";

const named = z.object({ name: z.string() });
const point = z.tuple([z.number(), z.number()]).rest(z.number());
const eventSchema = z.object({
  id: z.string(),
  period: z.number().int(),
  timestamp: z.string().regex(/^\d{2}:\d{2}:\d{2}(\.\d+)?$/, "expected HH:MM:SS.mmm"),
  type: z.object({ id: z.number().int(), name: z.string() }),
  team: z.object({ id: z.number(), name: z.string() }),
  play_pattern: named.optional(),
  location: point.optional(),
  pass: z
    .object({ end_location: point.optional(), outcome: named.optional(), type: named.optional() })
    .optional(),
  shot: z
    .object({ statsbomb_xg: z.number().optional(), outcome: named, body_part: named.optional(), type: named.optional() })
    .optional(),
  duel: z.object({ outcome: named.optional() }).optional(),
  dribble: z.object({ outcome: named.optional() }).optional(),
  goalkeeper: z.object({ type: named.optional() }).optional(),
  foul_committed: z.object({ card: named.optional() }).optional(),
  foul_won: z.object({ penalty: z.boolean().optional() }).optional(),
  bad_behaviour: z.object({ card: named.optional() }).optional(),
});
type SbEvent = z.infer<typeof eventSchema>;

const STARTING_XI = 35;

export function parseStatsBomb(text: string): LoadedMatch {
  const log = new ParseLog("statsbomb");
  const json = parseJsonOrThrow(text, "statsbomb", "json");
  if (!Array.isArray(json)) throw new FeedParseError({ provider: "statsbomb", eventId: null, field: "json", message: "expected an array of events" });
  const valid: SbEvent[] = [];
  for (const raw of json) {
    const ev = validateItem(eventSchema, raw, log, rawId(raw, "id"), "event");
    if (ev) valid.push(ev);
  }
  const lineups = valid.filter((e) => e.type.id === STARTING_XI);
  if (lineups.length < 2) throw new FeedParseError({ provider: "statsbomb", eventId: null, field: "Starting XI", message: "need two Starting XI events to know the teams" });
  const [homeTeam, awayTeam] = [lineups[0]!.team, lineups[1]!.team];
  const events: MatchEvent[] = [];
  for (const ev of valid) {
    const side: Side | null = ev.team.id === homeTeam.id ? "home" : ev.team.id === awayTeam.id ? "away" : null;
    if (!side) {
      log.issue(ev.id, "team.id", `unknown team ${ev.team.id}`);
      continue;
    }
    if (ev.period < 1 || ev.period > 5) {
      log.issue(ev.id, "period", `unknown period ${ev.period}`);
      continue;
    }
    const mapped = mapEvent(ev, side);
    if (mapped.length === 0) log.skip(`${ev.type.id} ${ev.type.name}`);
    for (const [suffix, credited, kind] of mapped) {
      events.push({
        id: suffix ? `statsbomb:${ev.id}:${suffix}` : `statsbomb:${ev.id}`,
        provider: "statsbomb",
        providerEventId: ev.id,
        side: credited === "actor" ? side : otherSide(side),
        period: ev.period as Period,
        tMs: timestampMs(ev.timestamp),
        kind: kindToModelFrame(kind, side),
      });
    }
  }
  const info: MatchInfo = {
    provider: "statsbomb",
    matchId: "unknown",
    home: { name: homeTeam.name, providerTeamId: String(homeTeam.id) },
    away: { name: awayTeam.name, providerTeamId: String(awayTeam.id) },
    kickoffUnixMs: null,
    synthetic: false,
  };
  return { info, events: sortEvents(events), issues: log.issues, unmapped: log.unmapped };
}

function timestampMs(ts: string): number {
  const [h, m, s] = ts.split(":");
  return Math.round((Number(h) * 3600 + Number(m) * 60 + Number(s)) * 1000);
}

type Mapped = Array<[string, "actor" | "opponent", EventKind]>;

function mapEvent(ev: SbEvent, side: Side): Mapped {
  const loc = ev.location ? at(ev.location) : null;
  const one = (kind: EventKind): Mapped => [["", "actor", kind]];
  switch (ev.type.name) {
    case "Pass": {
      if (!loc || !ev.pass) return [];
      const out: Mapped = one({ type: "pass", start: loc, end: ev.pass.end_location ? at(ev.pass.end_location) : null, successful: !ev.pass.outcome });
      const passType = ev.pass.type?.name;
      if (passType === "Corner") out.push(["corner", "actor", { type: "corner" }]);
      if (passType === "Free Kick") out.push(["free_kick", "actor", { type: "free_kick", location: loc }]);
      if (ev.pass.outcome?.name === "Pass Offside") out.push(["offside", "actor", { type: "offside" }]);
      return out;
    }
    case "Shot":
      return loc && ev.shot ? shot(ev, loc) : [];
    case "Foul Committed": {
      const out: Mapped = one({ type: "foul", location: loc });
      const colour = cardColour(ev.foul_committed?.card?.name);
      if (colour) out.push(["card", "actor", { type: "card", colour }]);
      return out;
    }
    case "Foul Won":
      return one(ev.foul_won?.penalty ? { type: "penalty_awarded" } : { type: "free_kick", location: loc });
    case "Bad Behaviour": {
      const colour = cardColour(ev.bad_behaviour?.card?.name);
      return colour ? one({ type: "card", colour }) : [];
    }
    case "Own Goal For":
      return one({ type: "own_goal" });
    case "Duel":
      return one({ type: "duel", location: loc, won: ["Won", "Success In Play", "Success Out"].includes(ev.duel?.outcome?.name ?? "") });
    case "Dribble":
      return one({ type: "duel", location: loc, won: ev.dribble?.outcome?.name === "Complete" });
    case "50/50":
      return one({ type: "duel", location: loc, won: false });
    case "Clearance":
      return one({ type: "clearance", location: loc });
    case "Goal Keeper":
      return /Saved|Save/.test(ev.goalkeeper?.type?.name ?? "") ? one({ type: "save" }) : one({ type: "ball_touch", location: loc });
    case "Interception":
    case "Ball Recovery":
    case "Miscontrol":
    case "Dispossessed":
    case "Block":
    case "Shield":
      return one({ type: "ball_touch", location: loc });
    case "Offside":
      return one({ type: "offside" });
    case "Half Start":
      return side === "home" ? one({ type: "period_start" }) : [];
    case "Half End":
      return side === "home" ? one({ type: "period_end" }) : [];
    default:
      return [];
  }
}

function at(p: readonly number[]): PitchPoint {
  return toAttackingFrame({ x: p[0] ?? 0, y: p[1] ?? 0 }, STATSBOMB_FRAME);
}

function cardColour(name: string | undefined): CardColour | null {
  if (name === "Yellow Card") return "yellow";
  if (name === "Second Yellow") return "second_yellow";
  if (name === "Red Card") return "red";
  return null;
}

function shot(ev: SbEvent, loc: PitchPoint): Mapped {
  const s = ev.shot!;
  const body = s.body_part?.name ?? "";
  const bodyPart: BodyPart = body === "Head" ? "head" : body.includes("Foot") ? "foot" : "other";
  const shotType = s.type?.name;
  const pattern = ev.play_pattern?.name;
  const situation: ShotSituation =
    shotType === "Penalty"
      ? "penalty"
      : shotType === "Free Kick"
        ? "free_kick"
        : pattern === "From Corner"
          ? "corner"
          : pattern === "From Free Kick" || pattern === "From Throw In"
            ? "set_piece"
            : pattern === "From Counter"
              ? "counter"
              : "open_play";
  const outcome = shotOutcome(s.outcome.name);
  const kind: EventKind = {
    type: "shot",
    location: loc,
    bodyPart,
    situation,
    xg: s.statsbomb_xg ?? shotXg(loc, bodyPart, situation),
    providerXg: s.statsbomb_xg !== undefined,
    outcome,
  };
  const out: Mapped = [["", "actor", kind]];
  if (outcome === "goal") out.push(["goal", "actor", { type: "goal", location: loc }]);
  return out;
}

function shotOutcome(name: string): ShotOutcome {
  switch (name) {
    case "Goal":
      return "goal";
    case "Saved":
    case "Saved To Post":
    case "Saved Off Target":
      return "saved";
    case "Post":
      return "post";
    case "Blocked":
      return "blocked";
    default:
      return "off_target";
  }
}
