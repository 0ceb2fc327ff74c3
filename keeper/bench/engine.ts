/**
 * Momentum engine benchmark (not a test). Prints, each on its own line:
 *   events_per_sec <n>   full-match replays (events applied one by one, one tick per second of
 *                        match time, every tick computing the index, all five components and the
 *                        suspension flag via `tickInto`), parsing excluded: match events / replay
 *                        wall time
 *   tick_p99_us <n>      p99 over 100 concurrent live matches of one keeper tick: for every match,
 *                        apply the events of that second and compute its tick
 *   bytes_per_match <n>  memory retained per live match (engine mid-second-half, fed live): the
 *                        JS heap plus ArrayBuffer backing stores. The engine keeps its events and
 *                        id table in typed arrays, whose storage V8 keeps outside `heapUsed`, so
 *                        the heap alone (what this line counted until Nov 2026) under-reports it;
 *                        both are summed here and also printed separately.
 * plus a few more detailed lines: the same replay through the allocating `tick()` API, the
 * replay rate per CPU-second of this process (the machine is shared, so wall time includes time
 * spent waiting for a core), and the floor under `events_per_sec` on this machine
 * (engine-floor.ts): `floor_arithmetic_events_per_sec` (window sums and shares only) and
 * `floor_with_input_events_per_sec` (plus reading, encoding and indexing each event). Real matches from FUTSTAR_DATA_DIR when present; the 100 live
 * matches are seeded synthetic matches (labelled).
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { MomentumEngine, planReplay } from "../src/engine/index.js";
import { encodeMatch, floorReplay } from "./engine-floor.js";
import { loadMatch } from "../src/feeds/feed.js";
import type { MatchEvent } from "../src/feeds/model.js";
import { generateSyntheticMatch } from "../src/feeds/synthetic/generator.js";

setFlagsFromString("--expose_gc");
const gc = runInNewContext("gc") as () => void;

const DATA_DIR = process.env.FUTSTAR_DATA_DIR ?? resolve(import.meta.dirname, "..", "..", "..", "shared", "data");
const REAL = ["wyscout/2058017.json", "wyscout/2058003.json", "wyscout/1694440.json", "statsperform/ma3_match_events.json"];

const sorted = (events: readonly MatchEvent[]) => [...events].sort((a, b) => a.period - b.period || a.tMs - b.tMs);

const buffer = MomentumEngine.tickBuffer();

/** One live-style replay: each event applied just before the first tick that reaches it. */
function replay(events: readonly MatchEvent[], periods: ReturnType<typeof planReplay>["periods"]): number {
  const engine = new MomentumEngine();
  let next = 0;
  let checksum = 0;
  for (const { period, lastTickMs } of periods) {
    for (let tMs = 0; tMs <= lastTickMs; tMs += 1000) {
      while (next < events.length) {
        const e = events[next] as MatchEvent;
        if (e.period > period || (e.period === period && e.tMs > tMs)) break;
        engine.apply({ op: "upsert", event: e });
        next++;
      }
      const tick = engine.tickInto(period, tMs, buffer);
      checksum += tick.index + tick.components.xgRatio + (tick.suspended ? 1 : 0);
    }
  }
  return checksum;
}

/** The same replay through `tick()`, which returns a fresh object per tick. */
function replayAllocating(events: readonly MatchEvent[], periods: ReturnType<typeof planReplay>["periods"]): number {
  const engine = new MomentumEngine();
  let next = 0;
  let checksum = 0;
  for (const { period, lastTickMs } of periods) {
    for (let tMs = 0; tMs <= lastTickMs; tMs += 1000) {
      while (next < events.length) {
        const e = events[next] as MatchEvent;
        if (e.period > period || (e.period === period && e.tMs > tMs)) break;
        engine.apply({ op: "upsert", event: e });
        next++;
      }
      const tick = engine.tick(period, tMs);
      checksum += tick.index + tick.components.xgRatio + (tick.suspended ? 1 : 0);
    }
  }
  return checksum;
}

async function matchesForThroughput(): Promise<{ name: string; events: MatchEvent[] }[]> {
  const present = REAL.filter((f) => existsSync(join(DATA_DIR, f)));
  if (present.length === 0) {
    console.error(`bench: no shared data under ${DATA_DIR}; using SYNTHETIC matches for events_per_sec`);
    return [1, 2, 3].map((seed) => ({ name: `synthetic-${seed}`, events: sorted(generateSyntheticMatch({ seed }).events) }));
  }
  const out = [];
  for (const f of present) out.push({ name: f, events: sorted((await loadMatch(join(DATA_DIR, f))).events) });
  return out;
}

/** Runs `work` repeatedly for about `ms`: units done, wall seconds and CPU seconds taken. */
function timed(ms: number, work: () => number): { units: number; seconds: number; cpuSeconds: number } {
  for (let i = 0; i < 20; i++) work();
  let units = 0;
  const cpuStart = process.cpuUsage();
  const started = process.hrtime.bigint();
  let elapsed = 0n;
  while (elapsed < BigInt(ms) * 1_000_000n) {
    units += work();
    elapsed = process.hrtime.bigint() - started;
  }
  const cpu = process.cpuUsage(cpuStart);
  return { units, seconds: Number(elapsed) / 1e9, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

/** Every event through both windows, with one tick per period end instead of one per second. */
function ingest(events: readonly MatchEvent[], periods: ReturnType<typeof planReplay>["periods"]): number {
  const engine = new MomentumEngine();
  for (const e of events) engine.apply({ op: "upsert", event: e });
  let checksum = 0;
  for (const { period, lastTickMs } of periods) checksum += engine.tick(period, lastTickMs).index;
  return checksum;
}

function throughput(matches: { name: string; events: MatchEvent[] }[]): void {
  const plans = matches.map((m) => planReplay(m.events).periods);
  const eventsPerRound = matches.reduce((n, m) => n + m.events.length, 0);
  const ticksPerRound = plans.reduce((n, plan) => n + plan.reduce((k, p) => k + p.lastTickMs / 1000 + 1, 0), 0);
  let sink = 0;
  const full = timed(2000, () => {
    matches.forEach((m, j) => (sink += replay(m.events, plans[j] ?? [])));
    return 1;
  });
  console.log(`events_per_sec ${Math.round((full.units * eventsPerRound) / full.seconds)}`);
  console.log(`events_per_cpu_sec ${Math.round((full.units * eventsPerRound) / full.cpuSeconds)}`);
  console.log(`replay_ticks_per_sec ${Math.round((full.units * ticksPerRound) / full.seconds)}`);
  console.log(`full_match_replay_us ${Math.round((full.seconds * 1e6) / (full.units * matches.length))}`);
  const allocating = timed(1000, () => {
    matches.forEach((m, j) => (sink += replayAllocating(m.events, plans[j] ?? [])));
    return 1;
  });
  console.log(`events_per_sec_tick_api ${Math.round((allocating.units * eventsPerRound) / allocating.seconds)}`);
  const only = timed(1000, () => {
    matches.forEach((m, j) => (sink += ingest(m.events, plans[j] ?? [])));
    return 1;
  });
  console.log(`events_per_sec_ingest_only ${Math.round((only.units * eventsPerRound) / only.seconds)}`);
  const encoded = matches.map((m, j) => encodeMatch(m.events, plans[j] ?? []));
  for (const [line, withInput] of [["floor_arithmetic_events_per_sec", false], ["floor_with_input_events_per_sec", true]] as const) {
    const floor = timed(1000, () => {
      for (const match of encoded) sink += floorReplay(match, withInput);
      return 1;
    });
    console.log(`${line} ${Math.round((floor.units * eventsPerRound) / floor.seconds)}`);
  }
  if (sink === 0) console.error("unreachable");
}

function percentile(samples: Float64Array, p: number): number {
  const s = Float64Array.from(samples).sort();
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] as number;
}

/** 100 matches advancing together, one keeper tick per second of match time. */
function liveLatency(): void {
  const MATCHES = 100;
  const matches = Array.from({ length: MATCHES }, (_, i) => sorted(generateSyntheticMatch({ seed: 1000 + i }).events));
  const engines = matches.map(() => new MomentumEngine());
  const cursors = new Array<number>(MATCHES).fill(0);
  const perMatch: number[] = [];
  const perRound: number[] = [];
  let sink = 0;
  for (const period of [1, 2] as const) {
    for (let tMs = 0; tMs <= 48 * 60_000; tMs += 1000) {
      const roundStart = process.hrtime.bigint();
      for (let m = 0; m < MATCHES; m++) {
        const start = process.hrtime.bigint();
        const events = matches[m] as MatchEvent[];
        const engine = engines[m] as MomentumEngine;
        let next = cursors[m] as number;
        while (next < events.length) {
          const e = events[next] as MatchEvent;
          if (e.period > period || (e.period === period && e.tMs > tMs)) break;
          engine.apply({ op: "upsert", event: e });
          next++;
        }
        cursors[m] = next;
        sink += engine.tick(period, tMs).index;
        perMatch.push(Number(process.hrtime.bigint() - start) / 1000);
      }
      perRound.push(Number(process.hrtime.bigint() - roundStart) / 1000);
    }
  }
  const p99 = percentile(Float64Array.from(perMatch), 0.99);
  console.log(`tick_p99_us ${p99.toFixed(2)}`);
  console.log(`tick_p50_us ${percentile(Float64Array.from(perMatch), 0.5).toFixed(2)}`);
  console.log(`round_of_100_p99_us ${percentile(Float64Array.from(perRound), 0.99).toFixed(1)}`);
  if (sink === 0) console.error("unreachable");
}

/** Heap retained by live engines fed up to the 70th minute. */
function memory(): void {
  const COUNT = 500;
  const matches = Array.from({ length: 10 }, (_, i) => sorted(generateSyntheticMatch({ seed: 2000 + i }).events));
  const cut = 25 * 60_000;
  gc();
  gc();
  const start = process.memoryUsage();
  const engines: MomentumEngine[] = [];
  for (let i = 0; i < COUNT; i++) {
    const engine = new MomentumEngine();
    const events = matches[i % matches.length] as MatchEvent[];
    let next = 0;
    for (const period of [1, 2] as const) {
      const end = period === 1 ? 45 * 60_000 : cut;
      for (let tMs = 0; tMs <= end; tMs += 1000) {
        while (next < events.length) {
          const e = events[next] as MatchEvent;
          if (e.period > period || (e.period === period && e.tMs > tMs)) break;
          engine.apply({ op: "upsert", event: e });
          next++;
        }
        engine.tick(period, tMs);
      }
    }
    engines.push(engine);
  }
  gc();
  gc();
  const end = process.memoryUsage();
  const held = engines.reduce((n, e) => n + e.heldEvents, 0) / COUNT;
  // The events themselves belong to the feed; the engine holds their ids and its own records.
  const heap = (end.heapUsed - start.heapUsed) / COUNT;
  const buffers = (end.arrayBuffers - start.arrayBuffers) / COUNT;
  console.log(`bytes_per_match ${Math.round(heap + buffers)}`);
  console.log(`heap_bytes_per_match ${Math.round(heap)}`);
  console.log(`array_buffer_bytes_per_match ${Math.round(buffers)}`);
  console.log(`held_events_per_match ${held.toFixed(0)}`);
}

const matches = await matchesForThroughput();
console.error(`bench: ${matches.map((m) => `${m.name} (${m.events.length} events)`).join(", ")}`);
throughput(matches);
liveLatency();
memory();
