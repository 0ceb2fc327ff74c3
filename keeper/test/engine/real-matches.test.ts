/** The engine on every shared real match: plausible series, goals, extra time, suspensions. */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type EngineIssue, type MomentumTick, replayMatch } from "../../src/engine/index.js";
import { loadMatch } from "../../src/feeds/feed.js";
import type { MatchEvent } from "../../src/feeds/model.js";
import { DATA_DIR, haveData, SHARED_MATCHES } from "./real-data.js";

const GOAL_WINDOW_MS = 20_000;

interface Replayed {
  readonly events: MatchEvent[];
  readonly ticks: MomentumTick[];
  readonly issues: EngineIssue[];
}

async function replayFile(file: string): Promise<Replayed> {
  const { events } = await loadMatch(join(DATA_DIR, file));
  const issues: EngineIssue[] = [];
  return { events, ticks: [...replayMatch(events, issues)], issues };
}

const tickAt = (ticks: readonly MomentumTick[], period: number, tMs: number) => ticks.findIndex((t) => t.period === period && t.tMs === tMs);

for (const file of SHARED_MATCHES) {
  describe.runIf(haveData(file, `engine on ${file}`))(`engine on ${file}`, () => {
    let replayed: Promise<Replayed> | null = null;
    const get = () => (replayed ??= replayFile(file));

    it("uses every event and covers every second of every period", async () => {
      const { events, ticks, issues } = await get();
      expect(issues).toEqual([]);
      const periods = [...new Set(events.map((e) => e.period))];
      for (const p of periods) {
        const last = Math.max(...events.filter((e) => e.period === p).map((e) => e.tMs));
        const own = ticks.filter((t) => t.period === p);
        expect(own.length).toBe(Math.ceil(last / 1000) + 1);
        own.forEach((t, i) => expect(t.tMs).toBe(i * 1000));
      }
      expect([...new Set(ticks.map((t) => t.period))]).toEqual(periods);
      const bad = ticks.filter((t) => !(t.index >= 0 && t.index <= 10_000));
      expect(bad).toEqual([]);
    });

    it("moves toward the scorer within 20 s of each goal, and suspends", async () => {
      const { events, ticks } = await get();
      const goals = events.filter((e) => e.kind.type === "goal" || e.kind.type === "own_goal");
      expect(goals.length).toBeGreaterThan(0);
      for (const goal of goals) {
        const beforeAt = tickAt(ticks, goal.period, Math.floor(goal.tMs / 1000) * 1000 - (goal.tMs % 1000 === 0 ? 1000 : 0));
        const before = ticks[beforeAt] as MomentumTick;
        const after = ticks.slice(beforeAt + 1, beforeAt + 1 + GOAL_WINDOW_MS / 1000);
        const best = goal.side === "home" ? Math.max(...after.map((t) => t.index)) : Math.min(...after.map((t) => t.index));
        const label = `${file} goal ${goal.id} (${goal.side}) at ${goal.period}/${goal.tMs}: ${before.index} → ${best}`;
        if (goal.side === "home") expect(best, label).toBeGreaterThan(before.index);
        else expect(best, label).toBeLessThan(before.index);
        expect(after[0]?.suspended, `${label}: suspended right after`).toBe(true);
        expect(after.slice(0, 25).every((t) => t.suspended), `${label}: held at least 25 s`).toBe(true);
      }
    });
  });
}

describe.runIf(haveData("wyscout/1694440.json", "extra time on the Euro 2016 final"))("extra time (Portugal 1–0 France a.e.t.)", () => {
  it("covers periods 3 and 4, carries the window across the break, and Éder's goal lifts Portugal", async () => {
    const { events, ticks } = await replayFile("wyscout/1694440.json");
    expect([...new Set(ticks.map((t) => t.period))]).toEqual([1, 2, 3, 4]);
    const et1 = ticks.filter((t) => t.period === 3);
    const et2 = ticks.filter((t) => t.period === 4);
    expect(et1.length).toBeGreaterThan(14 * 60);
    expect(et2.length).toBeGreaterThan(14 * 60);
    // The window runs across the break before extra time: its first second is not reset to 5000.
    expect(et1[0]?.index).not.toBe(5000);
    const goal = events.find((e) => e.kind.type === "goal");
    expect(goal?.period).toBe(4);
    expect(goal?.side).toBe("home");
  });
});

describe.runIf(haveData("opta/f24_events.xml", "engine on the Opta F24 fragment"))("engine on the Opta F24 fragment", () => {
  it("replays the fragment without engine issues", async () => {
    const { ticks, issues } = await replayFile("opta/f24_events.xml");
    expect(issues).toEqual([]);
    expect(ticks.length).toBeGreaterThan(0);
  });
});
