/**
 * Integer, side-symmetric arithmetic for components and the index.
 *
 * Symmetry is exact by construction: swapping home and away negates every difference below, IEEE
 * arithmetic is sign-symmetric, and `roundHalfAwayFromZero(-x) = -roundHalfAwayFromZero(x)`. So a
 * mirrored match yields `10000 − component` and `10000 − index` to the unit, not approximately.
 */
export const BALANCED = 5_000;
export const FULL_SCALE = 10_000;

/** Rounds half away from zero, so rounding never favours one side. */
export function roundHalfAwayFromZero(x: number): number {
  const r = Math.floor(Math.abs(x) + 0.5);
  return x < 0 ? -r : r;
}

/**
 * Home share of a component in bps: `5000 + 5000·(home − away) / (home + away + 2·prior)`.
 * Inputs are non-negative decayed sums; the prior keeps an empty window at exactly 5000 and a thin
 * one close to it. The result is in 0..=10000 because |home − away| ≤ home + away.
 */
export function shareBps(home: number, away: number, priorBothSides: number): number {
  const denominator = home + away + priorBothSides;
  return BALANCED + roundHalfAwayFromZero((BALANCED * (home - away)) / denominator);
}

/** Weighted blend of components (weights in percent summing to 100), rounded symmetrically. */
export function blendBps(components: ArrayLike<number>, weightsPct: readonly number[]): number {
  let deviation = 0;
  for (let i = 0; i < weightsPct.length; i++) deviation += (weightsPct[i] ?? 0) * ((components[i] ?? BALANCED) - BALANCED);
  return BALANCED + roundHalfAwayFromZero(deviation / 100);
}
