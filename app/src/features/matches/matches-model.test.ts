import { describe, expect, it } from "vitest";

import type { MatchView } from "@/lib/futstar/model";
import { isSyntheticMatchId, ringSamples } from "@/lib/futstar/to-view";

import { groupMatches, marketBlock } from "./matches-model";

const base: MatchView = {
  feed: "F", homeTeam: "France", awayTeam: "Croatia", status: "live", indexBps: 5000,
  components: { possession: 5000, shots: 5000, xg: 5000, fieldTilt: 5000, recentEvents: 5000 },
  suspended: false, seq: 1n, lastUpdateTs: 100, synthetic: false, samples: [],
};

describe("match list", () => {
  it("groups live (with half-time), scheduled, ended (with abandoned)", () => {
    const g = groupMatches([
      { ...base, feed: "a", status: "ended" }, { ...base, feed: "b", status: "halftime" },
      { ...base, feed: "c", status: "scheduled" }, { ...base, feed: "d", status: "abandoned" }, { ...base, feed: "e" },
    ]);
    expect(g.live.map((m) => m.feed).sort()).toEqual(["b", "e"]);
    expect(g.scheduled.map((m) => m.feed)).toEqual(["c"]);
    expect(g.ended.map((m) => m.feed).sort()).toEqual(["a", "d"]);
  });
});

describe("market state", () => {
  it("open only when live, pool open, not suspended and fresh", () => {
    expect(marketBlock(base, true, 10, 105)).toBeNull();
    expect(marketBlock({ ...base, suspended: true }, true, 10, 105)).toBe("suspended");
    expect(marketBlock(base, true, 10, 111)).toBe("stale");
    expect(marketBlock({ ...base, status: "halftime" }, true, 10, 105)).toBe("notLive");
    expect(marketBlock(base, false, 10, 105)).toBe("poolNotOpen");
  });
});

describe("feed decoding helpers", () => {
  it("labels synthetic match ids", () => {
    expect(isSyntheticMatchId(new TextEncoder().encode("synthetic-42"))).toBe(true);
    expect(isSyntheticMatchId(new TextEncoder().encode("wyscout-2058017"))).toBe(false);
  });
  it("reads the ring oldest first across the wrap", () => {
    const ring = [0, 1, 2, 3].map((i) => ({ ts: 10 + i, indexBps: 5000 + i, suspended: 0 }));
    // head = 1, len = 3: samples at slots 2, 3, 0
    expect(ringSamples(ring, 1, 3).map((s) => s.ts)).toEqual([12, 13, 10]);
    expect(ringSamples(ring, 0, 0)).toEqual([]);
  });
});
