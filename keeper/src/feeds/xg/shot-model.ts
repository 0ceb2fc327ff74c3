/**
 * Expected-goals shot model used when the provider sends no xG.
 *
 * logit = INTERCEPT + DIST·distance_m + ANGLE·angle_rad + HEAD·[header] + situation term
 * xG = 1 / (1 + e^-logit); a penalty is a fixed PENALTY_XG.
 *
 * distance_m: from the shot to the centre of the goal on a 105 × 68 m pitch; angle_rad: the
 * angle the goal mouth (7.32 m) subtends from the shot. The distance/angle coefficients are the
 * usual shape of a two-feature logistic fit on public event data; the header and situation
 * terms shift it the way published models do. It is checked (not fitted) on the shared matches:
 * test/feeds/xg.test.ts prints total xG against goals for each.
 */
import type { BodyPart, PitchPoint, ShotSituation } from "../model.js";
import { PITCH_LENGTH_M, PITCH_WIDTH_M } from "../pitch.js";

export const PENALTY_XG = 0.76;
const GOAL_WIDTH_M = 7.32;

const INTERCEPT = -0.75;
const DIST = -0.11;
const ANGLE = 1.1;
const HEAD = -0.95;
const OTHER_BODY = -0.6;
const SITUATION: Record<ShotSituation, number> = {
  open_play: 0,
  counter: 0.35,
  set_piece: -0.15,
  corner: -0.25,
  free_kick: -0.9,
  penalty: 0,
};

export interface ShotGeometry {
  readonly distanceM: number;
  readonly angleRad: number;
}

/** `p` is in the shooter's attacking frame (0–100, goal at x = 100, y = 50 its centre). */
export function shotGeometry(p: PitchPoint): ShotGeometry {
  const dx = ((100 - p.x) / 100) * PITCH_LENGTH_M;
  const dy = ((p.y - 50) / 100) * PITCH_WIDTH_M;
  const distanceM = Math.hypot(dx, dy);
  const half = GOAL_WIDTH_M / 2;
  // Angle between the lines to both posts; atan2 form stays valid on the goal line.
  const angleRad = Math.abs(Math.atan2(dy + half, dx) - Math.atan2(dy - half, dx));
  return { distanceM, angleRad };
}

export function shotXg(p: PitchPoint, bodyPart: BodyPart, situation: ShotSituation): number {
  if (situation === "penalty") return PENALTY_XG;
  const { distanceM, angleRad } = shotGeometry(p);
  const body = bodyPart === "head" ? HEAD : bodyPart === "other" ? OTHER_BODY : 0;
  const logit = INTERCEPT + DIST * distanceM + ANGLE * angleRad + body + SITUATION[situation];
  return 1 / (1 + Math.exp(-logit));
}
