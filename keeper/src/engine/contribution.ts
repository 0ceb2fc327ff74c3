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
 * A slot is `component × 2 + side` (side 0 = home, 1 = away).
 */
import type { MatchEvent, PitchPoint, Side } from "../feeds/model.js";
import type { EngineConfig } from "./config.js";

export const HOME = 0;
export const AWAY = 1;
const POSSESSION = 0;
const SHOTS = 1;
const XG = 2;
const TILT = 3;
const RECENT = 4;

/** The non-zero contributions of one event, as parallel arrays of slot and integer value. */
export interface Contribution {
  readonly slots: readonly number[];
  readonly values: readonly number[];
  /** True for goals, own goals, penalty awards and red / second-yellow cards. */
  readonly trigger: boolean;
}

/** A field of the event that the engine cannot use. */
export interface ContributionError {
  readonly field: string;
  readonly message: string;
}

const sideIndex = (side: Side): number => (side === "home" ? HOME : AWAY);

/** Depth towards the opponent's goal in the side's own attacking direction, 0–100. */
function attackingDepth(side: number, point: PitchPoint): number {
  return side === HOME ? point.x : 100 - point.x;
}

function inAttackingThird(side: number, point: PitchPoint | null): boolean {
  // depth·3 ≥ 200 keeps the test exact for integer coordinates, so mirrored matches agree.
  return point !== null && attackingDepth(side, point) * 3 >= 200;
}

function checkPoint(point: PitchPoint | null, field: string): ContributionError | null {
  if (point === null) return null;
  if (!Number.isFinite(point.x) || point.x < 0 || point.x > 100) return { field: `${field}.x`, message: `must be 0–100, got ${point.x}` };
  if (!Number.isFinite(point.y) || point.y < 0 || point.y > 100) return { field: `${field}.y`, message: `must be 0–100, got ${point.y}` };
  return null;
}

/** Computes an event's contributions, or the first field that makes it unusable. */
export function contributionOf(event: MatchEvent, config: EngineConfig): Contribution | ContributionError {
  const side = sideIndex(event.side);
  const other = 1 - side;
  const slots: number[] = [];
  const values: number[] = [];
  const add = (component: number, toSide: number, value: number): void => {
    if (value === 0) return;
    slots.push(component * 2 + toSide);
    values.push(value);
  };
  let trigger = false;
  const kind = event.kind;
  switch (kind.type) {
    case "pass": {
      const bad = checkPoint(kind.start, "kind.start") ?? checkPoint(kind.end, "kind.end");
      if (bad) return bad;
      if (kind.successful) add(POSSESSION, side, 1);
      if (inAttackingThird(side, kind.start)) add(TILT, side, 1);
      break;
    }
    case "shot": {
      const bad = checkPoint(kind.location, "kind.location");
      if (bad) return bad;
      if (!Number.isFinite(kind.xg) || kind.xg < 0 || kind.xg > 1) return { field: "kind.xg", message: `must be 0–1, got ${kind.xg}` };
      const xgE4 = Math.round(kind.xg * 10_000);
      add(SHOTS, side, 1);
      add(XG, side, xgE4);
      if (inAttackingThird(side, kind.location)) add(TILT, side, 1);
      if (xgE4 >= config.bigChanceXgE4) add(RECENT, side, config.points.bigChance);
      break;
    }
    case "goal":
    case "own_goal":
      // own_goal.side is already the benefiting side (see model.ts).
      add(RECENT, side, config.points.goal);
      trigger = true;
      break;
    case "penalty_awarded":
      add(RECENT, side, config.points.penaltyAwarded);
      trigger = true;
      break;
    case "corner":
      add(TILT, side, 1);
      add(RECENT, side, config.points.corner);
      break;
    case "card":
      if (kind.colour === "yellow") {
        add(RECENT, other, config.points.yellowCard);
      } else {
        add(RECENT, other, config.points.redCard);
        trigger = true;
      }
      break;
    case "free_kick":
    case "ball_touch": {
      const bad = checkPoint(kind.location, "kind.location");
      if (bad) return bad;
      if (inAttackingThird(side, kind.location)) add(TILT, side, 1);
      break;
    }
    case "duel": {
      const bad = checkPoint(kind.location, "kind.location");
      if (bad) return bad;
      if (kind.won && inAttackingThird(side, kind.location)) add(TILT, side, 1);
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
  return { slots, values, trigger };
}

export function isContributionError(value: Contribution | ContributionError): value is ContributionError {
  return "field" in value;
}
