/**
 * What one event adds to each component, for one side, at full weight (age 0).
 *
 * Component definitions (each is a share `home / (home + away)` of a decayed sum, see `ratio.ts`):
 * - possession: completed passes (`pass` with `successful`), 1 each — pass share, the usual
 *   proxy for time on the ball when the feed has no possession chains.
 * - shotsRatio: shots (`shot`, any outcome), 1 each.
 * - xgRatio: expected goals of shots, in 1/10000 of a goal (`round(xg × 10000)`).
 * - fieldTilt: actions in the side's attacking third (depth ≥ 2/3 of the pitch towards the
 *   opponent's goal): pass starts, shots, ball touches, won duels, free kicks; corners always.
 * - recentEvents: points: goal / own goal (to the benefiting side) 10, penalty awarded 6,
 *   big chance (shot with xG ≥ 0.25) 3, corner 1; yellow card 1 and red / second yellow 5
 *   credited to the booked side's opponent.
 *
 * Sides are 0 = home, 1 = away. Every value is an integer. The values are written into the
 * engine's struct-of-arrays slot layout (held-events.ts), so computing one allocates nothing.
 */
import type { MatchEvent, PitchPoint } from "../feeds/model.js";
import type { EngineConfig } from "./config.js";
import { I_PERIOD, I_POSSESSION, I_RECENT, I_RECENT_SIDE, I_SHOTS, I_SIDE, I_STRIDE, I_TILT, I_TMS, I_TRIGGER, I_XG } from "./held-events.js";

export const HOME = 0;
export const AWAY = 1;

/** A field of the event that the engine cannot use. */
export interface ContributionError {
  readonly field: string;
  readonly message: string;
}

/** Depth towards the opponent's goal in the side's own attacking direction, 0–100. */
function attackingDepth(side: number, point: PitchPoint): number {
  return side === HOME ? point.x : 100 - point.x;
}

/** 1 when the point lies in the side's attacking third, else 0. */
function attackingThird(side: number, point: PitchPoint | null): number {
  // depth·3 ≥ 200 keeps the test exact for integer coordinates, so mirrored matches agree.
  return point !== null && attackingDepth(side, point) * 3 >= 200 ? 1 : 0;
}

/** Whether a point is absent or inside the pitch (NaN and ±∞ fail the range tests). */
function pointOk(point: PitchPoint | null): boolean {
  if (point === null) return true;
  const { x, y } = point;
  return typeof x === "number" && x >= 0 && x <= 100 && typeof y === "number" && y >= 0 && y <= 100;
}

/** The error for a point that failed `pointOk` (kept out of the hot path). */
function pointError(point: PitchPoint, field: string): ContributionError {
  if (!Number.isFinite(point.x) || point.x < 0 || point.x > 100) return { field: `${field}.x`, message: `must be 0–100, got ${point.x}` };
  return { field: `${field}.y`, message: `must be 0–100, got ${point.y}` };
}

// The writes below spell the slot offsets as literals (an imported constant is reloaded and
// checked at every use); this fails at load time if the layout ever changes.
if (I_PERIOD !== 0 || I_TMS !== 1 || I_STRIDE !== 10 || I_SIDE !== 2 || I_POSSESSION !== 3 || I_SHOTS !== 4 || I_XG !== 5 || I_TILT !== 6 || I_RECENT !== 7 || I_RECENT_SIDE !== 8 || I_TRIGGER !== 9) {
  throw new Error("engine contribution: held-event layout changed; update the literal offsets in contribution.ts");
}

/**
 * Writes an event's values for each component at full weight (age 0) into `out` at the I_SIDE …
 * I_TRIGGER offsets, or returns the first field that makes it unusable (then `out` is garbage).
 */
export function writeContribution(event: MatchEvent, config: EngineConfig, out: Int32Array): ContributionError | null {
  const side = event.side === "home" ? HOME : AWAY;
  let possession = 0;
  let shots = 0;
  let xgE4 = 0;
  let tilt = 0;
  let recent = 0;
  let recentSide = side;
  let trigger = 0;
  const kind = event.kind;
  switch (kind.type) {
    case "pass": {
      if (!pointOk(kind.start)) return pointError(kind.start, "kind.start");
      if (!pointOk(kind.end)) return pointError(kind.end as PitchPoint, "kind.end");
      possession = kind.successful ? 1 : 0;
      tilt = attackingThird(side, kind.start);
      break;
    }
    case "shot": {
      if (!pointOk(kind.location)) return pointError(kind.location, "kind.location");
      if (!Number.isFinite(kind.xg) || kind.xg < 0 || kind.xg > 1) return { field: "kind.xg", message: `must be 0–1, got ${kind.xg}` };
      shots = 1;
      xgE4 = Math.round(kind.xg * 10_000);
      tilt = attackingThird(side, kind.location);
      if (xgE4 >= config.bigChanceXgE4) recent = config.points.bigChance;
      break;
    }
    case "goal":
    case "own_goal":
      // own_goal.side is already the benefiting side (see model.ts).
      recent = config.points.goal;
      trigger = 1;
      break;
    case "penalty_awarded":
      recent = config.points.penaltyAwarded;
      trigger = 1;
      break;
    case "corner":
      tilt = 1;
      recent = config.points.corner;
      break;
    case "card":
      recentSide = 1 - side;
      if (kind.colour === "yellow") {
        recent = config.points.yellowCard;
      } else {
        recent = config.points.redCard;
        trigger = 1;
      }
      break;
    case "free_kick":
    case "ball_touch": {
      if (!pointOk(kind.location)) return pointError(kind.location as PitchPoint, "kind.location");
      tilt = attackingThird(side, kind.location);
      break;
    }
    case "duel": {
      if (!pointOk(kind.location)) return pointError(kind.location as PitchPoint, "kind.location");
      tilt = kind.won ? attackingThird(side, kind.location) : 0;
      break;
    }
    case "foul":
    case "clearance":
    case "offside":
    case "save":
    case "period_start":
    case "period_end":
      // Kept for period lengths and corrections; no component counts them.
      break;
  }
  out[2] = side; // I_SIDE
  out[3] = possession; // I_POSSESSION
  out[4] = shots; // I_SHOTS
  out[5] = xgE4; // I_XG
  out[6] = tilt; // I_TILT
  out[7] = recent; // I_RECENT
  out[8] = recentSide; // I_RECENT_SIDE
  out[9] = trigger; // I_TRIGGER
  return null;
}
