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
import { I_POSSESSION, I_RECENT, I_RECENT_SIDE, I_SHOTS, I_SIDE, I_TILT, I_TRIGGER, I_XG } from "./held-events.js";

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

function checkPoint(point: PitchPoint | null, field: string): ContributionError | null {
  if (point === null) return null;
  if (!Number.isFinite(point.x) || point.x < 0 || point.x > 100) return { field: `${field}.x`, message: `must be 0–100, got ${point.x}` };
  if (!Number.isFinite(point.y) || point.y < 0 || point.y > 100) return { field: `${field}.y`, message: `must be 0–100, got ${point.y}` };
  return null;
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
      const bad = checkPoint(kind.start, "kind.start") ?? checkPoint(kind.end, "kind.end");
      if (bad) return bad;
      possession = kind.successful ? 1 : 0;
      tilt = attackingThird(side, kind.start);
      break;
    }
    case "shot": {
      const bad = checkPoint(kind.location, "kind.location");
      if (bad) return bad;
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
      const bad = checkPoint(kind.location, "kind.location");
      if (bad) return bad;
      tilt = attackingThird(side, kind.location);
      break;
    }
    case "duel": {
      const bad = checkPoint(kind.location, "kind.location");
      if (bad) return bad;
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
  out[I_SIDE] = side;
  out[I_POSSESSION] = possession;
  out[I_SHOTS] = shots;
  out[I_XG] = xgE4;
  out[I_TILT] = tilt;
  out[I_RECENT] = recent;
  out[I_RECENT_SIDE] = recentSide;
  out[I_TRIGGER] = trigger;
  return null;
}
