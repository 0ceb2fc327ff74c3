import { describe, expect, it } from "vitest";
import { loadMatch } from "../../src/feeds/feed.js";
import type { LoadedMatch } from "../../src/feeds/feed.js";
import type { MatchEvent } from "../../src/feeds/model.js";
import { parseWyscout } from "../../src/feeds/wyscout/parse.js";
import { topLevelObjectKeys } from "../../src/feeds/wyscout/key-order.js";
import { dataFile, missingData } from "./data-dir.js";

const MATCHES = [
  { id: "2058017", home: "France", away: "Croatia", raw: 1462, score: [4, 2], periods: [1, 2] },
  { id: "2058003", home: "France", away: "Argentina", raw: 1426, score: [4, 3], periods: [1, 2] },
  { id: "1694440", home: "Portugal", away: "France", raw: 2076, score: [1, 0], periods: [1, 2, 3, 4] },
] as const;

function score(m: LoadedMatch): [number, number] {
  const goals = m.events.filter((e) => e.kind.type === "goal" || e.kind.type === "own_goal");
  return [goals.filter((g) => g.side === "home").length, goals.filter((g) => g.side === "away").length];
}

const skip = missingData("wyscout real matches", ...MATCHES.map((m) => ["wyscout", `${m.id}.json`]));

describe.skipIf(skip)("Wyscout adapter on the shared real matches", () => {
  for (const spec of MATCHES) {
    it(`${spec.id} ${spec.home}–${spec.away}: teams, every raw event mapped, real score`, async () => {
      const m = await loadMatch(dataFile("wyscout", `${spec.id}.json`));
      expect(m.info.provider).toBe("wyscout");
      expect(m.info.matchId).toBe(spec.id);
      expect(m.info.home.name).toBe(spec.home);
      expect(m.info.away.name).toBe(spec.away);
      expect(m.issues).toEqual([]);
      const mainEvents = new Set(m.events.map((e) => e.providerEventId));
      const unmappedCount = Object.values(m.unmapped).reduce((a, b) => a + b, 0);
      expect(mainEvents.size + unmappedCount).toBe(spec.raw);
      expect(score(m)).toEqual(spec.score);
      expect([...new Set(m.events.map((e) => e.period))].sort()).toEqual(spec.periods);
      for (const e of m.events) assertInFrame(e);
    });
  }

  it("2058017: the own goal (Croatia clearance tagged 102 at 18') counts for France", async () => {
    const m = await loadMatch(dataFile("wyscout", "2058017.json"));
    const og = m.events.filter((e) => e.kind.type === "own_goal");
    expect(og).toHaveLength(1);
    expect(og[0]!.side).toBe("home");
    expect(og[0]!.period).toBe(1);
    expect(Math.floor(og[0]!.tMs / 60_000)).toBe(17);
    const clearance = m.events.find((e) => e.providerEventId === og[0]!.providerEventId && e.kind.type === "clearance");
    expect(clearance?.side).toBe("away");
  });

  it("2058017: the 38' penalty is a penalty shot at the fixed xG, with a penalty-awarded marker", async () => {
    const m = await loadMatch(dataFile("wyscout", "2058017.json"));
    const pens = m.events.filter((e) => e.kind.type === "shot" && e.kind.situation === "penalty");
    expect(pens).toHaveLength(1);
    const pen = pens[0]!;
    expect(pen.side).toBe("home");
    expect(pen.kind.type === "shot" && pen.kind.xg).toBeCloseTo(0.76);
    expect(m.events.some((e) => e.kind.type === "penalty_awarded" && e.providerEventId === pen.providerEventId)).toBe(true);
    expect(m.events.filter((e) => e.kind.type === "card")).toHaveLength(3);
  });

  it("1694440: the only goal is in the second extra-time half (period 4), for Portugal", async () => {
    const m = await loadMatch(dataFile("wyscout", "1694440.json"));
    const goals = m.events.filter((e) => e.kind.type === "goal");
    expect(goals.map((g) => [g.period, g.side])).toEqual([[4, "home"]]);
    // Portugal's id 9905 is written first although JSON.parse would order 4418 first.
    expect(m.info.home.providerTeamId).toBe("9905");
  });

  it("home attacks to the right: home shots are near x = 100, away shots near x = 0", async () => {
    const m = await loadMatch(dataFile("wyscout", "2058017.json"));
    for (const e of m.events) {
      if (e.kind.type !== "shot") continue;
      if (e.side === "home") expect(e.kind.location.x).toBeGreaterThan(50);
      else expect(e.kind.location.x).toBeLessThan(50);
    }
  });
});

function assertInFrame(e: MatchEvent): void {
  expect(e.tMs).toBeGreaterThanOrEqual(0);
  if (e.kind.type === "pass") {
    expect(e.kind.start.x).toBeGreaterThanOrEqual(0);
    expect(e.kind.start.x).toBeLessThanOrEqual(100);
  }
}

describe("Wyscout adapter on written fixtures", () => {
  // Written as text: a JS object literal would itself reorder the integer-like keys.
  const teams = '{"20":{"team":{"name":"Zeta","wyId":20}},"3":{"team":{"name":"Alpha","wyId":3}}}';
  const file = (events: unknown[]): string => `{"events":${JSON.stringify(events)},"teams":${teams},"players":{}}`;
  const ev = (over: Record<string, unknown>): Record<string, unknown> => ({
    id: 1, eventName: "Pass", subEventName: "Simple pass", teamId: 20, matchPeriod: "1H", eventSec: 1.5,
    tags: [{ id: 1801 }], positions: [{ x: 10, y: 20 }, { x: 30, y: 40 }], matchId: 7, ...over,
  });

  it("takes home from the first key as written, not JSON.parse's integer order", () => {
    const m = parseWyscout(file([ev({})]));
    expect(m.info.home.name).toBe("Zeta");
    expect(m.info.away.name).toBe("Alpha");
    expect(topLevelObjectKeys('{"a":{"x":{"teams":1}},"teams":{"9":{},"1":{"k":[1,{"z":2}]}}}', "teams")).toEqual(["9", "1"]);
  });

  it("converts the away side's positions and flips y into the model frame", () => {
    const m = parseWyscout(file([ev({ id: 1 }), ev({ id: 2, teamId: 3 })]));
    const [home, away] = m.events;
    expect(home!.kind).toEqual({ type: "pass", start: { x: 10, y: 80 }, end: { x: 30, y: 60 }, successful: true });
    expect(away!.kind).toEqual({ type: "pass", start: { x: 90, y: 20 }, end: { x: 70, y: 40 }, successful: true });
  });

  it("reports bad items with event id and field and keeps going", () => {
    const m = parseWyscout(
      file([
          ev({ id: 1, teamId: 99 }),
          ev({ id: 2, matchPeriod: "X" }),
          ev({ id: 3, eventSec: "soon" }),
          ev({ id: 4, tags: undefined }),
          ev({ id: 5, eventName: "Interruption", subEventName: "Ball out of the field" }),
          ev({ id: 6 }),
      ]),
    );
    expect(m.issues.map((i) => [i.eventId, i.field])).toEqual([
      ["1", "teamId"],
      ["2", "matchPeriod"],
      ["3", "event.eventSec"],
      ["4", "event.tags"],
    ]);
    expect(m.unmapped).toEqual({ "Interruption/Ball out of the field": 1 });
    expect(m.events.map((e) => e.providerEventId)).toEqual(["6"]);
  });

  it("rejects a file that is not JSON, naming the field", () => {
    expect(() => parseWyscout("{ not json")).toThrow(/wyscout: json:/);
    expect(() => parseWyscout(JSON.stringify({ events: [] }))).toThrow(/file\.teams/);
  });

  it("maps tags: blocked, post, second yellow, red, duel won, counter", () => {
    const m = parseWyscout(
      file([
          ev({ id: 1, eventName: "Shot", subEventName: "Shot", tags: [{ id: 2101 }, { id: 403 }, { id: 1901 }], positions: [{ x: 90, y: 50 }] }),
          ev({ id: 2, eventName: "Shot", subEventName: "Shot", tags: [{ id: 1218 }, { id: 401 }], positions: [{ x: 85, y: 40 }] }),
          ev({ id: 3, eventName: "Foul", subEventName: "Foul", tags: [{ id: 1703 }] }),
          ev({ id: 4, eventName: "Foul", subEventName: "Foul", tags: [{ id: 1701 }] }),
          ev({ id: 5, eventName: "Duel", subEventName: "Air duel", tags: [{ id: 703 }] }),
          ev({ id: 6, eventName: "Free Kick", subEventName: "Free kick shot", tags: [{ id: 101 }, { id: 401 }], positions: [{ x: 75, y: 50 }] }),
      ]),
    );
    const kinds = m.events.map((e) => e.kind);
    expect(kinds).toContainEqual(expect.objectContaining({ type: "shot", outcome: "blocked", bodyPart: "head", situation: "counter" }));
    expect(kinds).toContainEqual(expect.objectContaining({ type: "shot", outcome: "post", bodyPart: "foot" }));
    expect(kinds).toContainEqual({ type: "card", colour: "second_yellow" });
    expect(kinds).toContainEqual({ type: "card", colour: "red" });
    expect(kinds).toContainEqual(expect.objectContaining({ type: "duel", won: true }));
    expect(kinds).toContainEqual(expect.objectContaining({ type: "shot", situation: "free_kick", outcome: "goal" }));
    expect(kinds.filter((k) => k.type === "goal")).toHaveLength(1);
  });
});
