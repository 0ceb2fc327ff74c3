import type { Contribution } from "./contribution.js";

/** An event as the engine holds it: its time, its precomputed contribution, its played time. */
export interface HeldEvent {
  readonly id: string;
  readonly period: number;
  readonly tMs: number;
  /** (period, tMs) as one sortable number. */
  readonly key: number;
  readonly contribution: Contribution;
  /** Played time in ms; NaN until the event is due (its period's start is known by then). */
  g: number;
}
