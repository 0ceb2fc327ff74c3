/** Property tests of the momentum engine over seeded random matches and hand-made events. */
import { describe, expect, it } from "vitest";
import type { FeedChange, MatchEvent } from "../../src/feeds/model.js";
import { MomentumEngine, type MomentumTick } from "../../src/engine/index.js";
import { corner, ev, goal, mirror, ownGoal, pass, randomMatch, rng, secondsOf, shot, sortByTime } from "./builders.js";

const upsert = (event: MatchEvent): FeedChange => ({ op: "upsert", event });

function replayBatch(events: readonly MatchEvent[]): MomentumTick[] {
  const engine = new MomentumEngine();
  expect(engine.applyAll(events.map(upsert))).toEqual([]);
  return [...secondsOf()].map(([p, t]) => engine.tick(p, t));
}

/** Feeds each event just before the first tick that reaches it, one by one. */
function replayOneByOne(events: readonly MatchEvent[]): MomentumTick[] {
  const engine = new MomentumEngine();
  const sorted = sortByTime(events);
  let next = 0;
  const out: MomentumTick[] = [];
  for (const [p, t] of secondsOf()) {
    while (next < sorted.length) {
      const e = sorted[next] as MatchEvent;
      if (e.period > p || (e.period === p && e.tMs > t)) break;
      expect(engine.apply(upsert(e))).toBeNull();
      next++;
    }
    out.push(engine.tick(p, t));
  }
  return out;
}

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

describe("momentum engine properties", () => {
  it("an empty window is exactly 5000 in the index and every component", () => {
    const engine = new MomentumEngine();
    const tick = engine.tick(1, 0);
    expect(tick).toEqual({
      period: 1,
      tMs: 0,
      index: 5000,
      components: { possession: 5000, shotsRatio: 5000, xgRatio: 5000, fieldTilt: 5000, recentEvents: 5000 },
      suspended: false,
    });
    // And again once every event has left the window.
    engine.apply(upsert(ev("home", 1, 10_000, pass(80))));
    expect(engine.tick(1, 11_000).index).toBeGreaterThan(5000);
    expect(engine.tick(1, 310_000).index).toBe(5000);
  });

  it.each(SEEDS)("stays in 0..=10000 with integer outputs (seed %i)", (seed) => {
    const outOfRange = replayBatch(randomMatch(seed))
      .flatMap((tick) => [tick.index, ...Object.values(tick.components)])
      .filter((value) => !Number.isInteger(value) || value < 0 || value > 10_000);
    expect(outOfRange).toEqual([]);
  });

  it("reaches the bounds for one-sided play", () => {
    const engine = new MomentumEngine();
    const events: MatchEvent[] = [];
    for (let t = 0; t < 300_000; t += 500) events.push(ev("away", 1, t, pass(10)), ev("away", 1, t, shot(8, 1)));
    for (let t = 0; t < 300_000; t += 10_000) events.push(ev("away", 1, t, goal));
    engine.applyAll(events.map(upsert));
    const tick = engine.tick(1, 300_000);
    expect(tick.index).toBeLessThan(200);
    expect(tick.index).toBeGreaterThanOrEqual(0);
  });

  it.each(SEEDS)("swapping home and away gives exactly 10000 − index (seed %i)", (seed) => {
    const match = randomMatch(seed);
    const straight = replayBatch(match);
    const swapped = replayBatch(match.map(mirror));
    expect(straight.some((t) => t.index !== 5000)).toBe(true);
    straight.forEach((tick, i) => {
      const other = swapped[i] as MomentumTick;
      expect(other.index).toBe(10_000 - tick.index);
      for (const [name, value] of Object.entries(tick.components)) {
        expect(other.components[name as keyof typeof tick.components]).toBe(10_000 - value);
      }
      expect(other.suspended).toBe(tick.suspended);
    });
  });

  it.each(SEEDS)("batch, one-by-one and shuffled chunks give the same series (seed %i)", (seed) => {
    const match = randomMatch(seed);
    const batch = replayBatch(match);
    expect(replayOneByOne(match)).toEqual(batch);
    const shuffled = [...match];
    const r = rng(seed * 7919);
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j] as MatchEvent, shuffled[i] as MatchEvent];
    }
    expect(replayBatch(shuffled)).toEqual(batch);
  });

  it.each(SEEDS)("deleting events equals never having seen them, before or after they count (seed %i)", (seed) => {
    const match = randomMatch(seed);
    const r = rng(seed + 100);
    const doomed = new Set(match.filter(() => r() < 0.15).map((e) => e.id));
    const kept = match.filter((e) => !doomed.has(e.id));
    const expected = replayBatch(kept);
    // Deletions arrive at random ticks: some before the event is due, some while it is in the
    // window, some after it has left; from the deletion tick on, the series must match.
    const deleteAt = new Map<number, MatchEvent[]>();
    const ticks = [...secondsOf()];
    for (const e of match) {
      if (!doomed.has(e.id)) continue;
      const at = Math.floor(r() * ticks.length);
      deleteAt.set(at, [...(deleteAt.get(at) ?? []), e]);
    }
    const engine = new MomentumEngine();
    engine.applyAll(match.map(upsert));
    const deletedBy = new Map<string, number>();
    ticks.forEach(([p, t], i) => {
      for (const e of deleteAt.get(i) ?? []) {
        expect(engine.apply({ op: "delete", id: e.id, period: e.period, tMs: e.tMs })).toBeNull();
        deletedBy.set(e.id, i);
      }
      const tick = engine.tick(p, t);
      const pendingDeletes = [...doomed].filter((id) => !deletedBy.has(id)).length;
      if (pendingDeletes === 0) expect(tick).toEqual(expected[i]);
    });
    expect(deletedBy.size).toBe(doomed.size);
  });

  it("a correction (upsert of a seen id) equals having seen only the corrected event", () => {
    const match = randomMatch(11);
    const target = match.findIndex((e) => e.kind.type === "shot" && e.period === 1 && e.tMs > 600_000);
    const original = match[target] as MatchEvent;
    const corrected: MatchEvent = { ...original, side: original.side === "home" ? "away" : "home", tMs: original.tMs + 2_000, kind: shot(50, 0.77) };
    const expected = replayBatch(match.map((e, i) => (i === target ? corrected : e)));
    const engine = new MomentumEngine();
    engine.applyAll(match.map(upsert));
    const ticks = [...secondsOf()];
    ticks.forEach(([p, t], i) => {
      if (p === 1 && t === original.tMs + 5_000 - (original.tMs % 1000)) engine.apply(upsert(corrected));
      const tick = engine.tick(p, t);
      if (p === 2) expect(tick).toEqual(expected[i]);
    });
  });

  it.each([
    ["goal", goal],
    ["own goal (side = benefiting side)", ownGoal],
  ] as const)("a %s moves the index toward the scorer at once", (_name, kind) => {
    for (const seed of SEEDS) {
      const match = randomMatch(seed).filter((e) => e.period === 1);
      for (const scorer of ["home", "away"] as const) {
        const at = 1_200_000 + seed * 1000;
        const without = new MomentumEngine();
        const withGoal = new MomentumEngine();
        without.applyAll(match.map(upsert));
        withGoal.applyAll([...match, ev(scorer, 1, at, kind, "the-goal")].map(upsert));
        const before = without.tick(1, at).index;
        const after = withGoal.tick(1, at).index;
        if (scorer === "home") expect(after).toBeGreaterThan(before);
        else expect(after).toBeLessThan(before);
      }
    }
  });

  it("an event leaving the window causes no jump (linear decay to 0 at the edge)", () => {
    const engine = new MomentumEngine();
    engine.applyAll([ev("home", 1, 0, shot(90, 0.5)), ev("away", 1, 100_000, pass(40))].map(upsert));
    let previous = engine.tick(1, 1_000).index;
    let largestStep = 0;
    for (let t = 2_000; t <= 420_000; t += 1_000) {
      const index = engine.tick(1, t).index;
      if (t >= 250_000) largestStep = Math.max(largestStep, Math.abs(index - previous));
      previous = index;
    }
    expect(largestStep).toBeLessThanOrEqual(40);
    expect(previous).toBe(5000);
  });

  it("the window runs across half-time: late first-half play still counts early in the second", () => {
    const engine = new MomentumEngine();
    engine.applyAll([ev("home", 1, 2_800_000, corner), ev("home", 1, 2_810_000, pass(70)), ev("home", 1, 2_815_000, { type: "period_end" })].map(upsert));
    engine.tick(1, 2_805_000);
    const second = engine.tick(2, 60_000);
    expect(second.index).toBeGreaterThan(5000);
    expect(engine.tick(2, 300_000).index).toBe(5000);
  });

  it("matches an independent from-scratch computation of every component", () => {
    const match = randomMatch(42);
    const series = replayBatch(match);
    const W = 300_000;
    const half = 2_820_000;
    const gOf = (p: number, t: number) => (p === 1 ? t : half + t);
    const priors = [3, 1, 1000, 3, 3];
    const valueOf = (e: MatchEvent, c: number): [number, number] => {
      const k = e.kind;
      const s = e.side === "home" ? 0 : 1;
      const depth = e.side === "home" ? (x: number) => x : (x: number) => 100 - x;
      const third = (x: number) => depth(x) * 3 >= 200;
      const v = [0, 0];
      if (c === 0 && k.type === "pass" && k.successful) v[s] = 1;
      if (c === 1 && k.type === "shot") v[s] = 1;
      if (c === 2 && k.type === "shot") v[s] = Math.round(k.xg * 10_000);
      if (c === 3 && ((k.type === "pass" && third(k.start.x)) || (k.type === "shot" && third(k.location.x)) || k.type === "corner" || (k.type === "duel" && k.won && k.location && third(k.location.x)) || (k.type === "ball_touch" && k.location && third(k.location.x)))) v[s] = 1;
      if (c === 4) {
        if (k.type === "goal" || k.type === "own_goal") v[s] = 10;
        if (k.type === "shot" && Math.round(k.xg * 10_000) >= 2500) v[s] = 3;
        if (k.type === "corner") v[s] = 1;
        if (k.type === "card") v[1 - s] = k.colour === "yellow" ? 1 : 5;
      }
      return [v[0] as number, v[1] as number];
    };
    const ticks = [...secondsOf()];
    for (let i = 0; i < ticks.length; i += 37) {
      const [p, t] = ticks[i] as [1 | 2, number];
      const now = gOf(p, t);
      const names = ["possession", "shotsRatio", "xgRatio", "fieldTilt", "recentEvents"] as const;
      names.forEach((name, c) => {
        let home = 0;
        let away = 0;
        for (const e of match) {
          const age = now - gOf(e.period, e.tMs);
          if (age < 0 || age >= W) continue;
          const [h, a] = valueOf(e, c);
          home += h * (1 - age / W);
          away += a * (1 - age / W);
        }
        const expected = 5000 + (5000 * (home - away)) / (home + away + 2 * (priors[c] as number));
        expect(Math.abs((series[i] as MomentumTick).components[name] - expected)).toBeLessThanOrEqual(0.5 + 1e-6);
      });
    }
  });
});
