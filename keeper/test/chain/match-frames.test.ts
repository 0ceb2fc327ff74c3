import { describe, expect, it } from "vitest";
import { matchFrames, recomputeTicks, tickKey } from "../../src/chain/match-frames.js";
import { FeedStatus } from "../../src/chain/oracle-codec.js";
import { replayMatch } from "../../src/engine/index.js";
import { loadMatch } from "../../src/feeds/feed.js";
import type { FeedChange } from "../../src/feeds/model.js";
import { ev, goal, pass } from "../engine/builders.js";
import { dataFile, missingData } from "../feeds/data-dir.js";

describe("match frames", () => {
  it("publishes every second Live, a HalfTime between periods and one Ended, with the log as applied", () => {
    const events = [ev("home", 1, 1500, pass(60), "a"), ev("home", 1, 3000, goal, "g"), ev("away", 2, 500, pass(40), "b"), ev("home", 5, 0, goal, "pen")];
    const frames = [...matchFrames(events)];
    expect(frames.map((f) => `${f.status}:${f.period}/${f.tMs}`)).toEqual(["1:1/0", "1:1/1000", "1:1/2000", "1:1/3000", "2:1/3000", "1:2/0", "1:2/1000", "3:2/1000"]);
    expect(frames.flatMap((f) => f.changes.map((c) => (c.op === "upsert" ? c.event.id : "")))).toEqual(["a", "g", "b", "pen"]);
    expect(frames[3]?.tick.suspended).toBe(true);
    expect([...matchFrames([])]).toEqual([]);
  });

  it("recomputes the live series from the stored log, corrections applied when they arrived", () => {
    const events = [ev("home", 1, 1000, pass(80), "a"), ev("home", 1, 2000, goal, "g")];
    const live = [...matchFrames(events)].filter((f) => f.status === FeedStatus.Live);
    const log: { change: FeedChange; appliedAt: string | null }[] = [];
    for (const f of live) for (const change of f.changes) log.push({ change, appliedAt: tickKey(f.period, f.tMs) });
    const keys = live.map((f) => tickKey(f.period, f.tMs));
    const again = recomputeTicks(log, keys);
    expect(live.map((f) => f.tick)).toEqual(keys.map((k) => again.get(k)));
    // A VAR deletion arriving at 1/4000: ticks before it keep the goal, ticks after do not.
    const corrected = [...log, { change: { op: "delete", id: "g", period: 1, tMs: 2000 } as FeedChange, appliedAt: "1/4000" }];
    const series = recomputeTicks(corrected, ["1/2000", "1/3000", "1/4000", "1/5000"]);
    expect(series.get("1/3000")?.suspended).toBe(true);
    expect(series.get("1/4000")?.suspended).toBe(false);
  });

  it.skipIf(missingData("match frames on the World Cup final", ["wyscout", "2058017.json"]))(
    "equals the engine's replay on the World Cup 2018 final",
    async () => {
      const match = await loadMatch(dataFile("wyscout", "2058017.json"));
      const frames = [...matchFrames(match.events)];
      const live = frames.filter((f) => f.status === FeedStatus.Live).map((f) => f.tick);
      expect(live).toEqual([...replayMatch(match.events)].filter((t) => t.period <= 4));
      expect(frames.filter((f) => f.status === FeedStatus.HalfTime)).toHaveLength(1);
      expect(frames.at(-1)?.status).toBe(FeedStatus.Ended);
      expect(frames.reduce((n, f) => n + f.changes.length, 0)).toBe(match.events.length);
      // Regression (found on the localnet): recomputing at every 60th second must tick every
      // second in between, or the suspension latch is judged differently.
      const log = frames.flatMap((f) => f.changes.map((change) => ({ change, appliedAt: tickKey(f.period, f.tMs) })));
      const sparse = frames.filter((_, i) => i % 60 === 0 || _.status !== FeedStatus.Live);
      const again = recomputeTicks(log, [...new Set(sparse.map((f) => tickKey(f.period, f.tMs)))]);
      for (const f of sparse) expect(again.get(tickKey(f.period, f.tMs)), tickKey(f.period, f.tMs)).toEqual(f.tick);
    },
  );
});
