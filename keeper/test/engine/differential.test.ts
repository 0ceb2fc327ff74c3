/**
 * Differential test: the optimized engine against a frozen copy of the original, object-based
 * engine (test/engine/oracle/), on seeded random streams of upserts, corrections, deletions, late
 * events, bad events and irregular ticks. Every returned issue, tick, thrown clock error and held
 * count must be identical.
 */
import { describe, expect, it } from "vitest";
import type { EventKind, FeedChange, MatchEvent, Period, Side } from "../../src/feeds/model.js";
import { MomentumEngine } from "../../src/engine/index.js";
import { MomentumEngine as OracleEngine } from "./oracle/index.js";
import { ev, pass, rng, shot } from "./builders.js";

type Op = { kind: "change"; change: FeedChange } | { kind: "tick"; period: number; tMs: number } | { kind: "tickInto"; period: number; tMs: number };

function randomKind(r: () => number, triggerRate: number): EventKind {
  const x = Math.floor(r() * 101);
  const roll = r();
  if (roll < triggerRate) {
    const t = r();
    if (t < 0.4) return { type: "goal", location: r() < 0.5 ? null : { x, y: 50 } };
    if (t < 0.55) return { type: "own_goal" };
    if (t < 0.7) return { type: "penalty_awarded" };
    if (t < 0.85) return { type: "card", colour: "red" };
    return { type: "card", colour: "second_yellow" };
  }
  const u = r();
  if (u < 0.5) return pass(x, r() < 0.8);
  if (u < 0.62) return shot(x, Math.floor(r() * 101) / 100);
  if (u < 0.67) return { type: "corner" };
  if (u < 0.7) return { type: "card", colour: "yellow" };
  if (u < 0.78) return { type: "duel", location: r() < 0.1 ? null : { x, y: 30 }, won: r() < 0.5 };
  if (u < 0.84) return { type: "ball_touch", location: r() < 0.1 ? null : { x, y: 70 } };
  if (u < 0.88) return { type: "free_kick", location: r() < 0.2 ? null : { x, y: 20 } };
  if (u < 0.91) return { type: "foul", location: null };
  if (u < 0.93) return { type: "clearance", location: { x, y: 40 } };
  if (u < 0.95) return { type: "save" };
  if (u < 0.97) return { type: "offside" };
  return { type: "period_end" };
}

/** A live-ish stream: mostly in-order events, some late, corrected, deleted, invalid; ticks at irregular steps. */
function randomStream(seed: number): Op[] {
  const r = rng(seed);
  const ops: Op[] = [];
  const periods = r() < 0.3 ? [1, 2, 3, 4] : [1, 2];
  const triggerRate = r() < 0.5 ? 0.01 : 0.06;
  const seen: MatchEvent[] = [];
  let serial = 0;
  const newEvent = (period: number, tMs: number): MatchEvent => {
    const side: Side = r() < 0.5 ? "home" : "away";
    return ev(side, period as Period, Math.max(0, Math.round(tMs)), randomKind(r, triggerRate), `d${seed}-${serial++}`);
  };
  for (const period of periods) {
    const length = period <= 2 ? 2_700_000 + Math.floor(r() * 300_000) : 900_000 + Math.floor(r() * 120_000);
    let clock = 0;
    while (clock <= length) {
      // Events due around now, a few ahead of the clock.
      const burst = Math.floor(r() * 3);
      for (let i = 0; i < burst; i++) {
        const e = newEvent(period, clock + Math.floor(r() * 3000) - 500);
        seen.push(e);
        ops.push({ kind: "change", change: { op: "upsert", event: e } });
      }
      const roll = r();
      if (roll < 0.03 && seen.length > 0) {
        // Late event, up to 8 minutes back (may land before the keep threshold or in a closed period).
        const back = Math.floor(r() * 480_000);
        const lateP = clock - back < 0 && period > 1 ? period - 1 : period;
        const lateT = clock - back < 0 && period > 1 ? 2_700_000 + Math.floor(r() * 400_000) - (back - clock) : Math.max(0, clock - back);
        const e = newEvent(lateP, lateT);
        seen.push(e);
        ops.push({ kind: "change", change: { op: "upsert", event: e } });
      } else if (roll < 0.05 && seen.length > 0) {
        const victim = seen[Math.floor(r() * seen.length)] as MatchEvent;
        ops.push({ kind: "change", change: { op: "delete", id: victim.id, period: victim.period, tMs: victim.tMs } });
      } else if (roll < 0.07 && seen.length > 0) {
        // Correction of a seen id: new time (maybe), side or kind.
        const victim = seen[Math.floor(r() * seen.length)] as MatchEvent;
        const moved = Math.max(0, victim.tMs + Math.floor(r() * 20_000) - 10_000);
        const fresh = newEvent(victim.period, moved);
        const corrected: MatchEvent = { ...fresh, id: victim.id, providerEventId: victim.id };
        seen.push(corrected);
        ops.push({ kind: "change", change: { op: "upsert", event: corrected } });
      } else if (roll < 0.075) {
        const bad = { ...newEvent(period, clock), ...(r() < 0.5 ? { side: "left" } : { kind: shot(120, 0.3) }) } as unknown as MatchEvent;
        ops.push({ kind: "change", change: { op: "upsert", event: bad } });
      } else if (roll < 0.08) {
        ops.push({ kind: "change", change: { op: "delete", id: `unknown-${serial++}`, period: period as Period, tMs: clock } });
      }
      const step = r() < 0.9 ? 1000 : r() < 0.5 ? Math.floor(r() * 1000) : Math.floor(r() * 20_000);
      ops.push({ kind: r() < 0.5 ? "tick" : "tickInto", period, tMs: clock });
      if (r() < 0.002) ops.push({ kind: "tick", period, tMs: Math.max(0, clock - 1 - Math.floor(r() * 5000)) }); // backwards
      clock += step;
    }
  }
  return ops;
}

function run(engine: MomentumEngine | OracleEngine, ops: readonly Op[], useTickInto: boolean): unknown[] {
  const out: unknown[] = [];
  for (const op of ops) {
    if (op.kind === "change") {
      out.push(engine.apply(op.change));
      out.push(engine.heldEvents);
      continue;
    }
    try {
      if (useTickInto && op.kind === "tickInto" && engine instanceof MomentumEngine) {
        const tick = engine.tickInto(op.period, op.tMs, buffer);
        // Copy: the buffer is reused by the next call.
        out.push({ ...tick, components: { ...tick.components } });
      } else {
        out.push(engine.tick(op.period, op.tMs));
      }
    } catch (error) {
      out.push(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    }
  }
  return out;
}

const buffer = MomentumEngine.tickBuffer();

describe("optimized engine = original engine (differential)", () => {
  it.each(Array.from({ length: 24 }, (_, i) => i + 1))("same issues, ticks, errors and held counts (seed %i)", (seed) => {
    const ops = randomStream(seed);
    const expected = run(new OracleEngine(), ops, false);
    expect(run(new MomentumEngine(), ops, true)).toEqual(expected);
  });

  it.each([3, 4])("same output when the ids' tails are all alike (id table falls back to whole-id hashing) (seed %i)", (seed) => {
    // Same stream with every id rewritten to "<id>/same-tail", so the sampled hash clusters.
    const retag = (id: string): string => `${id}/same-tail`;
    const ops = randomStream(seed).map((op): Op => {
      if (op.kind !== "change") return op;
      const change = op.change;
      if (change.op === "delete") return { kind: "change", change: { ...change, id: retag(change.id) } };
      return { kind: "change", change: { op: "upsert", event: { ...change.event, id: retag(change.event.id) } } };
    });
    const expected = run(new OracleEngine(), ops, false);
    expect(run(new MomentumEngine(), ops, true)).toEqual(expected);
  });

  it("the random streams exercise suspensions, late and refused events, and clock errors", () => {
    const all = Array.from({ length: 24 }, (_, i) => run(new OracleEngine(), randomStream(i + 1), false)).flat();
    const ticks = all.filter((x): x is { suspended: boolean } => typeof x === "object" && x !== null && "suspended" in x);
    const issues = all.filter((x): x is { field: string } => typeof x === "object" && x !== null && "field" in x);
    expect(ticks.filter((t) => t.suspended).length).toBeGreaterThan(1000);
    expect(issues.filter((i) => i.field === "tMs").length).toBeGreaterThan(0);
    expect(issues.filter((i) => i.field === "side").length).toBeGreaterThan(0);
    expect(all.filter((x) => typeof x === "string" && x.startsWith("EngineClockError")).length).toBeGreaterThan(0);
  });
});
