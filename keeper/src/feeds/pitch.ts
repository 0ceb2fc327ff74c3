/**
 * Coordinate transforms from a provider's pitch frame into the model frame (0–100 both axes,
 * home attacks towards x = 100, y = 0 on the home side's right touchline). Every adapter goes
 * through here so the convention lives in one place.
 */
import type { EventKind, PitchPoint, Side } from "./model.js";

/** How a provider draws the pitch for the acting team. */
export interface ProviderFrame {
  /** Length of the x axis in provider units (100 for Opta/Wyscout, 120 for StatsBomb). */
  readonly xMax: number;
  readonly yMax: number;
  /** True when y grows towards the acting team's right touchline (Wyscout, StatsBomb). */
  readonly yTowardsRight: boolean;
}

export const OPTA_FRAME: ProviderFrame = { xMax: 100, yMax: 100, yTowardsRight: false };
export const WYSCOUT_FRAME: ProviderFrame = { xMax: 100, yMax: 100, yTowardsRight: true };
export const STATSBOMB_FRAME: ProviderFrame = { xMax: 120, yMax: 80, yTowardsRight: true };

/** Standard pitch size used to turn 0–100 units into metres (xG distances). */
export const PITCH_LENGTH_M = 105;
export const PITCH_WIDTH_M = 68;

/**
 * A point in the acting team's own frame, scaled to 0–100 with y = 0 on that team's right.
 * This is the frame the shot model works in (attacking the goal at x = 100).
 */
export function toAttackingFrame(raw: PitchPoint, frame: ProviderFrame): PitchPoint {
  const x = (raw.x / frame.xMax) * 100;
  const yScaled = (raw.y / frame.yMax) * 100;
  return { x, y: frame.yTowardsRight ? 100 - yScaled : yScaled };
}

/** From the acting team's attacking frame into the model frame (away side is rotated 180°). */
export function attackingToModel(p: PitchPoint, acting: Side): PitchPoint {
  return acting === "home" ? { x: p.x, y: p.y } : { x: 100 - p.x, y: 100 - p.y };
}

/** Provider frame straight to the model frame. */
export function toModelFrame(raw: PitchPoint, frame: ProviderFrame, acting: Side): PitchPoint {
  return attackingToModel(toAttackingFrame(raw, frame), acting);
}

export function otherSide(side: Side): Side {
  return side === "home" ? "away" : "home";
}

/**
 * Moves every location inside `kind` from the acting team's attacking frame into the model
 * frame. Adapters build kinds in the attacking frame (where the shot model works) and call this
 * once per event.
 */
export function kindToModelFrame(kind: EventKind, acting: Side): EventKind {
  const m = (p: PitchPoint): PitchPoint => attackingToModel(p, acting);
  const mn = (p: PitchPoint | null): PitchPoint | null => (p ? m(p) : null);
  switch (kind.type) {
    case "pass":
      return { ...kind, start: m(kind.start), end: mn(kind.end) };
    case "shot":
      return { ...kind, location: m(kind.location) };
    case "goal":
    case "free_kick":
    case "foul":
    case "duel":
    case "clearance":
    case "ball_touch":
      return { ...kind, location: mn(kind.location) };
    default:
      return kind;
  }
}
