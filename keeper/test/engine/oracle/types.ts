import type { Period } from "../../../src/feeds/model.js";

/** Each component's home share in bps, 0..=10000 (5000 balanced). */
export interface MomentumComponents {
  readonly possession: number;
  readonly shotsRatio: number;
  readonly xgRatio: number;
  readonly fieldTilt: number;
  readonly recentEvents: number;
}

/** The engine's output for one instant of match time. All numbers are integers (u16 on chain). */
export interface MomentumTick {
  readonly period: Period;
  /** Milliseconds since the start of `period`. */
  readonly tMs: number;
  /** 0..=10000 bps; 5000 balanced, above favours home. */
  readonly index: number;
  readonly components: MomentumComponents;
  /** True while a goal, penalty award or red card has not yet been absorbed by the index. */
  readonly suspended: boolean;
}

/** An input change the engine could not use; the change was not applied. */
export interface EngineIssue {
  readonly eventId: string;
  readonly field: string;
  readonly message: string;
}

/** Thrown when the caller's clock is misused (ticks going backwards, bad period or time). */
export class EngineClockError extends RangeError {
  constructor(
    readonly field: "period" | "tMs",
    message: string,
  ) {
    super(`engine clock: ${field} ${message}`);
    this.name = "EngineClockError";
  }
}
