/**
 * The Opta event model → model events. Used by both the Stats Perform MA3 parser and the Opta
 * F24 parser, which only differ in how they spell the same fields (JSON vs XML).
 *
 * Choices, so the same real event maps the same way everywhere:
 * - Foul (4): outcome 0 is the foul committed (→ foul, credited to the fouler); outcome 1 is the
 *   foul won (→ free kick to the fouled side, or penalty awarded when it carries qualifier 9).
 * - Corner awarded (6): outcome 1 is the side awarded the corner (→ corner); the outcome-0
 *   mirror event is counted as unmapped.
 * - Goal (16) with qualifier 28 is an own goal: credited to the other side, with no shot.
 * - Period start/end (32/30) come once per team: the home copy is kept.
 * - Deleted event (43) deletes the event with the same id.
 */
import type { BodyPart, EventKind, MatchEvent, Period, PitchPoint, ProviderName, ShotOutcome, ShotSituation, Side } from "../model.js";
import type { ParseLog } from "../parse-log.js";
import { OPTA_FRAME, kindToModelFrame, otherSide, toAttackingFrame } from "../pitch.js";
import { shotXg } from "../xg/shot-model.js";
import { PERIOD_CLOCK_START_S, Q, TYPE, typeLabel } from "./spec.js";

/** One Opta event, whatever format it came in. */
export interface OptaEvent {
  readonly id: string;
  readonly typeId: number;
  readonly periodId: number;
  readonly min: number;
  readonly sec: number;
  readonly teamId: string;
  readonly outcome: number | null;
  readonly x: number;
  readonly y: number;
  readonly qualifiers: ReadonlyMap<number, string | null>;
}

export type OptaMapped =
  | { readonly op: "events"; readonly events: MatchEvent[] }
  | { readonly op: "delete"; readonly id: string; readonly period: Period; readonly tMs: number };

export interface TeamSides {
  readonly home: string;
  readonly away: string;
}

export function optaEventId(provider: ProviderName, id: string): string {
  return `${provider}:${id}`;
}

/** Maps one event; issues and unmapped types go to `log`. */
export function mapOptaEvent(ev: OptaEvent, teams: TeamSides, provider: ProviderName, log: ParseLog): OptaMapped {
  const none: OptaMapped = { op: "events", events: [] };
  const side: Side | null = ev.teamId === teams.home ? "home" : ev.teamId === teams.away ? "away" : null;
  const period = ev.periodId >= 1 && ev.periodId <= 5 ? (ev.periodId as Period) : null;
  if (!period) {
    // Pre-match (16) and post-match (14) housekeeping: lineups, collection end, ...
    log.skip(`${typeLabel(ev.typeId)} (period ${ev.periodId})`);
    return none;
  }
  const tMs = (ev.min * 60 + ev.sec - (PERIOD_CLOCK_START_S[period] ?? 0)) * 1000;
  if (tMs < 0) {
    log.issue(ev.id, "min", `clock ${ev.min}:${ev.sec} is before the start of period ${period}`);
    return none;
  }
  if (ev.typeId === TYPE.deleted) return { op: "delete", id: optaEventId(provider, ev.id), period, tMs };
  if (!side) {
    log.issue(ev.id, "teamId", `unknown team ${ev.teamId}`);
    return none;
  }
  const mapped = mapKind(ev, side, log);
  if (mapped.length === 0) return none;
  const events = mapped.map(([suffix, credited, kind]) => ({
    id: optaEventId(provider, suffix ? `${ev.id}:${suffix}` : ev.id),
    provider,
    providerEventId: ev.id,
    side: credited === "actor" ? side : otherSide(side),
    period,
    tMs,
    kind: kindToModelFrame(kind, side),
  }));
  return { op: "events", events };
}

type Mapped = Array<[string, "actor" | "opponent", EventKind]>;

function mapKind(ev: OptaEvent, side: Side, log: ParseLog): Mapped {
  const at: PitchPoint = toAttackingFrame({ x: ev.x, y: ev.y }, OPTA_FRAME);
  const won = ev.outcome === 1;
  const one = (kind: EventKind): Mapped => [["", "actor", kind]];
  switch (ev.typeId) {
    case TYPE.pass:
      return one({ type: "pass", start: at, end: passEnd(ev), successful: won });
    case TYPE.offsidePass:
      return one({ type: "offside" });
    case TYPE.foul:
      if (!won) return one({ type: "foul", location: at });
      return one(ev.qualifiers.has(Q.penalty) ? { type: "penalty_awarded" } : { type: "free_kick", location: at });
    case TYPE.cornerAwarded:
      if (won) return one({ type: "corner" });
      break;
    case TYPE.takeOn:
    case TYPE.tackle:
    case TYPE.aerial:
    case TYPE.fiftyFifty:
      return one({ type: "duel", location: at, won });
    case TYPE.challenge:
    case TYPE.attemptedTackle:
      return one({ type: "duel", location: at, won: false });
    case TYPE.save:
      return one({ type: "save" });
    case TYPE.clearance:
    case TYPE.punch:
      return one({ type: "clearance", location: at });
    case TYPE.interception:
    case TYPE.claim:
    case TYPE.ballRecovery:
    case TYPE.dispossessed:
    case TYPE.keeperPickUp:
    case TYPE.smother:
    case TYPE.shield:
    case TYPE.keeperSweeper:
    case TYPE.ballTouch:
    case TYPE.blockedPass:
      return one({ type: "ball_touch", location: at });
    case TYPE.miss:
    case TYPE.post:
    case TYPE.attemptSaved:
    case TYPE.goal:
      return shotEvents(ev, at);
    case TYPE.card: {
      const colour = ev.qualifiers.has(Q.red) ? "red" : ev.qualifiers.has(Q.secondYellow) ? "second_yellow" : ev.qualifiers.has(Q.yellow) ? "yellow" : null;
      if (colour) return one({ type: "card", colour });
      log.issue(ev.id, "qualifier", "card without a colour qualifier (31/32/33)");
      return [];
    }
    case TYPE.start:
    case TYPE.end:
      if (side === "home") return one({ type: ev.typeId === TYPE.start ? "period_start" : "period_end" });
      break;
  }
  log.skip(typeLabel(ev.typeId) + (ev.typeId === TYPE.cornerAwarded || ev.typeId === TYPE.start || ev.typeId === TYPE.end ? " (mirror copy)" : ""));
  return [];
}

function passEnd(ev: OptaEvent): PitchPoint | null {
  const x = numberQualifier(ev, Q.passEndX);
  const y = numberQualifier(ev, Q.passEndY);
  return x !== null && y !== null ? toAttackingFrame({ x, y }, OPTA_FRAME) : null;
}

function numberQualifier(ev: OptaEvent, q: number): number | null {
  const v = ev.qualifiers.get(q);
  if (v === undefined || v === null) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

function shotEvents(ev: OptaEvent, at: PitchPoint): Mapped {
  const q = ev.qualifiers;
  if (ev.typeId === TYPE.goal && q.has(Q.ownGoal)) return [["", "opponent", { type: "own_goal" }]];
  const bodyPart: BodyPart = q.has(Q.head) ? "head" : q.has(Q.otherBodyPart) ? "other" : "foot";
  const situation: ShotSituation = q.has(Q.penalty)
    ? "penalty"
    : q.has(Q.freeKick)
      ? "free_kick"
      : q.has(Q.fromCorner)
        ? "corner"
        : q.has(Q.setPiece)
          ? "set_piece"
          : q.has(Q.fastBreak)
            ? "counter"
            : "open_play";
  const outcome: ShotOutcome =
    ev.typeId === TYPE.goal ? "goal" : ev.typeId === TYPE.post ? "post" : ev.typeId === TYPE.miss ? "off_target" : q.has(Q.blocked) ? "blocked" : "saved";
  const providerXg = numberQualifier(ev, Q.expectedGoals);
  const shot: EventKind = {
    type: "shot",
    location: at,
    bodyPart,
    situation,
    xg: providerXg ?? shotXg(at, bodyPart, situation),
    providerXg: providerXg !== null,
    outcome,
  };
  const out: Mapped = [["", "actor", shot]];
  if (outcome === "goal") out.push(["goal", "actor", { type: "goal", location: at }]);
  return out;
}
