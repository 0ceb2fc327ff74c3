/** The suspension signal: raised by goals, penalty awards and red cards, held until absorbed. */
import { describe, expect, it } from "vitest";
import type { FeedChange, MatchEvent } from "../../src/feeds/model.js";
import { DEFAULT_ENGINE_CONFIG, MomentumEngine } from "../../src/engine/index.js";
import { ev, goal, ownGoal, pass, penaltyAwarded, redCard, yellowCard } from "./builders.js";

const upsert = (event: MatchEvent): FeedChange => ({ op: "upsert", event });
const { suspendMinMs, suspendMaxMs } = DEFAULT_ENGINE_CONFIG;

/** Seconds (from `from`) during which the engine reports suspended. */
function suspendedSeconds(engine: MomentumEngine, from: number, to: number): number[] {
  const out: number[] = [];
  for (let t = from; t <= to; t += 1000) if (engine.tick(1, t).suspended) out.push(t);
  return out;
}

describe("suspension", () => {
  it.each([
    ["goal", goal],
    ["own goal", ownGoal],
    ["penalty award", penaltyAwarded],
    ["red card", redCard],
    ["second yellow", { type: "card", colour: "second_yellow" } as const],
  ] as const)("a %s suspends for at least the minimum and at most the maximum", (_name, kind) => {
    const engine = new MomentumEngine();
    engine.apply(upsert(ev("home", 1, 600_500, kind)));
    const seconds = suspendedSeconds(engine, 590_000, 900_000);
    expect(seconds[0]).toBe(601_000);
    expect(seconds.length).toBeGreaterThanOrEqual(suspendMinMs / 1000);
    expect(seconds[seconds.length - 1]).toBeLessThan(600_500 + suspendMaxMs);
    // Contiguous from the trigger on.
    seconds.forEach((t, i) => expect(t).toBe(601_000 + i * 1000));
  });

  it("a yellow card or a pass does not suspend", () => {
    const engine = new MomentumEngine();
    engine.applyAll([ev("home", 1, 10_000, yellowCard), ev("away", 1, 20_000, pass(60))].map(upsert));
    expect(suspendedSeconds(engine, 0, 200_000)).toEqual([]);
  });

  it("stays suspended past the minimum while the index is still moving, then releases", () => {
    const engine = new MomentumEngine();
    const events: MatchEvent[] = [ev("home", 1, 100_000, goal)];
    // Away had the ball before the goal; home keeps it after, so the index climbs for a while.
    for (let t = 0; t < 100_000; t += 500) events.push(ev("away", 1, t, pass(40)));
    for (let t = 100_000; t < 220_000; t += 500) events.push(ev("home", 1, t, pass(80)));
    engine.applyAll(events.map(upsert));
    const seconds = suspendedSeconds(engine, 100_000, 400_000);
    expect(seconds.length).toBeGreaterThan(suspendMinMs / 1000 + 5);
    expect(seconds[seconds.length - 1]).toBeLessThan(100_000 + suspendMaxMs);
  });

  it("a deleted goal (e.g. overturned) lifts the suspension as if it never happened", () => {
    const engine = new MomentumEngine();
    engine.apply(upsert(ev("away", 1, 50_000, goal, "var-goal")));
    expect(engine.tick(1, 51_000).suspended).toBe(true);
    engine.apply({ op: "delete", id: "var-goal", period: 1, tMs: 50_000 });
    const after = engine.tick(1, 52_000);
    expect(after.suspended).toBe(false);
    expect(after.index).toBe(5000);
  });

  it("a goal reported late suspends from the next tick", () => {
    const engine = new MomentumEngine();
    engine.tick(1, 60_000);
    engine.apply(upsert(ev("home", 1, 58_000, goal)));
    expect(engine.tick(1, 61_000).suspended).toBe(true);
  });
});
