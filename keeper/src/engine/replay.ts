/**
 * Replays a whole, known match through the engine as if live: one tick per second of each
 * period present, each event applied just before the first tick at or after its time.
 * Pure: the caller decides how fast to consume the ticks.
 */
import type { MatchEvent, Period } from "../feeds/model.js";
import { DEFAULT_ENGINE_CONFIG, type EngineConfig } from "./config.js";
import { MomentumEngine } from "./engine.js";
import type { EngineIssue, MomentumTick } from "./types.js";

export interface ReplayPlan {
  /** Periods in order, each with its last tick (whole seconds, covering its last event). */
  readonly periods: readonly { readonly period: Period; readonly lastTickMs: number }[];
  readonly totalTicks: number;
}

/** Which seconds a replay ticks: 0 … ceil(last event) of every period that has events. */
export function planReplay(events: readonly MatchEvent[]): ReplayPlan {
  const last = new Map<Period, number>();
  for (const e of events) last.set(e.period, Math.max(last.get(e.period) ?? 0, e.tMs));
  const periods = [...last.entries()]
    .sort(([a], [b]) => a - b)
    .map(([period, tMs]) => ({ period, lastTickMs: Math.ceil(tMs / 1000) * 1000 }));
  return { periods, totalTicks: periods.reduce((n, p) => n + p.lastTickMs / 1000 + 1, 0) };
}

/** Yields the momentum for every second of the match; `issues` receives unusable events. */
export function* replayMatch(events: readonly MatchEvent[], issues: EngineIssue[] = [], config: EngineConfig = DEFAULT_ENGINE_CONFIG): Generator<MomentumTick> {
  const engine = new MomentumEngine(config);
  const sorted = [...events].sort((a, b) => a.period - b.period || a.tMs - b.tMs);
  let next = 0;
  for (const { period, lastTickMs } of planReplay(sorted).periods) {
    for (let tMs = 0; tMs <= lastTickMs; tMs += 1000) {
      while (next < sorted.length) {
        const e = sorted[next] as MatchEvent;
        if (e.period > period || (e.period === period && e.tMs > tMs)) break;
        const issue = engine.apply({ op: "upsert", event: e });
        if (issue) issues.push(issue);
        next++;
      }
      yield engine.tick(period, tMs);
    }
  }
}
