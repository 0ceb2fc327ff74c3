/** Bad input: an issue naming the field, never an exception and never a silent change. */
import { describe, expect, it } from "vitest";
import type { MatchEvent } from "../../src/feeds/model.js";
import { DEFAULT_ENGINE_CONFIG, EngineClockError, MomentumEngine, validateEngineConfig } from "../../src/engine/index.js";
import { ev, pass, shot } from "./builders.js";

describe("engine input checks", () => {
  it.each([
    ["id", { id: "" }],
    ["side", { side: "left" }],
    ["period", { period: 6 }],
    ["tMs", { tMs: 1.5 }],
    ["tMs", { tMs: -1 }],
    ["kind.xg", { kind: shot(90, 1.2) }],
    ["kind.location.x", { kind: shot(101, 0.2) }],
    ["kind.start.y", { kind: { type: "pass", start: { x: 1, y: Number.NaN }, end: null, successful: true } }],
  ])("reports %s", (field, patch) => {
    const engine = new MomentumEngine();
    const event = { ...ev("home", 1, 1000, pass(50)), ...patch } as unknown as MatchEvent;
    const issue = engine.apply({ op: "upsert", event });
    expect(issue?.field).toBe(field);
    expect(engine.heldEvents).toBe(0);
  });

  it("rejects a late event past the end of a closed period, naming tMs", () => {
    const engine = new MomentumEngine();
    engine.apply({ op: "upsert", event: ev("home", 1, 2_700_000, pass(50)) });
    engine.tick(1, 2_700_000);
    engine.tick(2, 0);
    expect(engine.apply({ op: "upsert", event: ev("home", 1, 2_750_000, pass(50)) })?.field).toBe("tMs");
    expect(engine.apply({ op: "upsert", event: ev("home", 1, 2_690_000, pass(90)) })).toBeNull();
    expect(engine.tick(2, 1000).index).toBeGreaterThan(5000);
  });

  it("ignores deletion of an id it does not hold", () => {
    const engine = new MomentumEngine();
    expect(engine.apply({ op: "delete", id: "nope", period: 1, tMs: 0 })).toBeNull();
  });

  it("throws EngineClockError naming the field when the clock goes backwards or is invalid", () => {
    const engine = new MomentumEngine();
    engine.tick(2, 5000);
    expect(() => engine.tick(2, 4000)).toThrow(EngineClockError);
    expect(() => engine.tick(2, 4000)).toThrow(/tMs/);
    expect(() => engine.tick(1, 9000)).toThrow(/period/);
    expect(() => engine.tick(0, 0)).toThrow(/period/);
    expect(() => engine.tick(2, Number.NaN)).toThrow(/tMs/);
  });

  it("forgets events that have left both windows", () => {
    const engine = new MomentumEngine();
    for (let t = 0; t < 3_000_000; t += 500) {
      engine.apply({ op: "upsert", event: ev(t % 1000 === 0 ? "home" : "away", 1, t, pass(50)) });
      if (t % 1000 === 0) engine.tick(1, t);
    }
    expect(engine.heldEvents).toBeLessThan(1000 + 2 * 1024);
  });

  it.each([
    ["windowMs", { windowMs: 0 }],
    ["weightsPct", { weightsPct: [20, 20, 30, 20, 20] }],
    ["priors[2]", { priors: [3, 1, 0, 3, 3] }],
    ["points.goal", { points: { ...DEFAULT_ENGINE_CONFIG.points, goal: -1 } }],
    ["suspendMaxMs", { suspendMaxMs: 400_000 }],
    ["settleLagMs", { settleLagMs: 300_000 }],
  ])("validates the config field %s", (field, patch) => {
    expect(() => validateEngineConfig({ ...DEFAULT_ENGINE_CONFIG, ...patch })).toThrow(field);
  });
});
