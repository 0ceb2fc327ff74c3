/**
 * Every tunable figure of the momentum engine, in one place, so the README, the tests and the
 * chain all read the same numbers. All figures are integers: the engine works in exact integer
 * sums so that corrections and deletions restore state bit for bit.
 */

/** The five components, in the order of their weights below. */
export const COMPONENT_NAMES = ["possession", "shotsRatio", "xgRatio", "fieldTilt", "recentEvents"] as const;
export type ComponentName = (typeof COMPONENT_NAMES)[number];
export const COMPONENT_COUNT = COMPONENT_NAMES.length;

export interface EngineConfig {
  /** Rolling window length in ms of played time; an event's weight falls linearly to 0 at its edge. */
  readonly windowMs: number;
  /** Index weight of each component, in percent, summing to 100 (same order as COMPONENT_NAMES). */
  readonly weightsPct: readonly number[];
  /**
   * Pseudo-count added to BOTH sides of each component (in that component's value units, at full
   * weight), so a thin window stays near 5000 and an empty one is exactly 5000.
   */
  readonly priors: readonly number[];
  /** Shots at or above this xG (in 1/10000) count as a big chance in `recentEvents`. */
  readonly bigChanceXgE4: number;
  /** Points of the `recentEvents` component per kind of event. */
  readonly points: {
    readonly goal: number;
    readonly penaltyAwarded: number;
    readonly bigChance: number;
    readonly corner: number;
    /** Credited to the opponent of the booked side. */
    readonly yellowCard: number;
    /** Red or second yellow, credited to the opponent of the sent-off side. */
    readonly redCard: number;
  };
  /** Suspension: always held this long after a trigger (ms of played time). */
  readonly suspendMinMs: number;
  /** Suspension: never held longer than this after a trigger, settled or not. Must be ≤ windowMs. */
  readonly suspendMaxMs: number;
  /** Suspension: the index counts as settled when it moved at most this many bps over `settleLagMs`. */
  readonly settleBps: number;
  /** Suspension: the look-back used to judge whether the index has settled. */
  readonly settleLagMs: number;
}

export const DEFAULT_ENGINE_CONFIG: EngineConfig = {
  windowMs: 300_000,
  weightsPct: [20, 20, 30, 20, 10],
  // possession: 3 completed passes; shots: 1 shot; xG: 0.10; field tilt: 3 actions; recent: 3 points.
  priors: [3, 1, 1_000, 3, 3],
  bigChanceXgE4: 2_500,
  points: { goal: 10, penaltyAwarded: 6, bigChance: 3, corner: 1, yellowCard: 1, redCard: 5 },
  suspendMinMs: 30_000,
  suspendMaxMs: 120_000,
  settleBps: 100,
  settleLagMs: 10_000,
};

/** Throws a RangeError naming the first field of `config` that breaks the engine's assumptions. */
export function validateEngineConfig(config: EngineConfig): void {
  const positiveInt = (name: string, value: number): void => {
    if (!Number.isSafeInteger(value) || value <= 0) throw new RangeError(`engine config: ${name} must be a positive integer, got ${value}`);
  };
  positiveInt("windowMs", config.windowMs);
  positiveInt("suspendMinMs", config.suspendMinMs);
  positiveInt("suspendMaxMs", config.suspendMaxMs);
  positiveInt("settleLagMs", config.settleLagMs);
  positiveInt("bigChanceXgE4", config.bigChanceXgE4);
  if (!Number.isSafeInteger(config.settleBps) || config.settleBps < 0) throw new RangeError(`engine config: settleBps must be a non-negative integer, got ${config.settleBps}`);
  if (config.weightsPct.length !== COMPONENT_COUNT) throw new RangeError(`engine config: weightsPct needs ${COMPONENT_COUNT} entries`);
  if (config.weightsPct.some((w) => !Number.isSafeInteger(w) || w < 0)) throw new RangeError("engine config: weightsPct must be non-negative integers");
  if (config.weightsPct.reduce((a, b) => a + b, 0) !== 100) throw new RangeError("engine config: weightsPct must sum to 100");
  if (config.priors.length !== COMPONENT_COUNT) throw new RangeError(`engine config: priors needs ${COMPONENT_COUNT} entries`);
  config.priors.forEach((p, i) => positiveInt(`priors[${i}]`, p));
  for (const [name, value] of Object.entries(config.points)) {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`engine config: points.${name} must be a non-negative integer, got ${value}`);
  }
  if (config.suspendMinMs > config.suspendMaxMs) throw new RangeError("engine config: suspendMinMs must be ≤ suspendMaxMs");
  if (config.suspendMaxMs > config.windowMs) throw new RangeError("engine config: suspendMaxMs must be ≤ windowMs");
  if (config.settleLagMs >= config.windowMs) throw new RangeError("engine config: settleLagMs must be < windowMs");
}
