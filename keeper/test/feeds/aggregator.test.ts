import { describe, expect, it } from "vitest";
import { AggregatorCore } from "../../src/feeds/aggregator/core.js";
import { AggregatedFeed } from "../../src/feeds/aggregator/feed.js";
import { EventLog } from "../../src/feeds/event-log.js";
import type { EventKind, FeedChange, MatchEvent, ProviderName, Side } from "../../src/feeds/model.js";
import { ReplayFeed } from "../../src/feeds/replay-feed.js";
import { StatsPerformFeed } from "../../src/feeds/statsperform/feed.js";
import { generateSyntheticMatch } from "../../src/feeds/synthetic/generator.js";

const OPTS = { staleAfterMs: 10_000, reorderDelayMs: 5_000, dedupToleranceMs: 3_000, gapMs: 120_000 };

function ev(provider: ProviderName, n: number, tMs: number, side: Side = "home", kind: EventKind = { type: "corner" }): MatchEvent {
  return { id: `${provider}:${n}`, provider, providerEventId: String(n), side, period: 1, tMs, kind };
}
const up = (e: MatchEvent): FeedChange => ({ op: "upsert", event: e });
const ids = (cs: FeedChange[]): string[] => cs.map((c) => (c.op === "upsert" ? `+${c.event.id}@${c.event.tMs}` : `-${c.id}`));

describe("aggregator core", () => {
  it("Given out-of-order primary events, when match time passes the delay, then they leave in order", () => {
    const core = new AggregatorCore(OPTS);
    expect(ids(core.onBatch("primary", [up(ev("statsperform", 2, 4_000)), up(ev("statsperform", 1, 1_000))], 0))).toEqual([]);
    expect(ids(core.onBatch("primary", [up(ev("statsperform", 3, 9_500))], 1)).sort()).toEqual(["+statsperform:1@1000", "+statsperform:2@4000"]);
    expect(ids(core.finish())).toEqual(["+statsperform:3@9500"]);
  });

  it("Given an event far older than what was published, then it is published late and reported (clock backwards)", () => {
    const core = new AggregatorCore(OPTS);
    core.onBatch("primary", [up(ev("statsperform", 1, 60_000)), up(ev("statsperform", 2, 70_000))], 0);
    const out = core.onBatch("primary", [up(ev("statsperform", 3, 10_000))], 1);
    expect(ids(out)).toEqual(["+statsperform:3@10000"]);
    expect(core.issues.at(-1)).toMatchObject({ provider: "statsperform", eventId: "3", field: "tMs" });
    expect(core.issues.at(-1)!.message).toMatch(/clock went backwards/);
  });

  it("Given the same corner from both providers, then it is published once, and the backup's copy is aliased", () => {
    const core = new AggregatorCore(OPTS);
    core.onBatch("backup", [up(ev("opta", 50, 20_500))], 0);
    core.onBatch("primary", [up(ev("statsperform", 1, 20_000))], 0);
    const all = [...core.onBatch("primary", [up(ev("statsperform", 2, 40_000))], 1), ...core.finish()];
    expect(ids(all)).toEqual(["+statsperform:1@20000", "+statsperform:2@40000"]);
  });

  it("Given a primary error, then it fails over to backup, publishes its unseen events, and fails back when primary delivers", () => {
    const core = new AggregatorCore(OPTS);
    core.onBatch("primary", [up(ev("statsperform", 1, 10_000))], 0);
    core.onBatch("backup", [up(ev("opta", 100, 10_400)), up(ev("opta", 101, 30_000, "away"))], 0);
    expect(core.active).toBe("primary");
    core.onError("primary", { provider: "statsperform", eventId: null, field: "ma3", message: "GET x: HTTP 500" }, 5);
    expect(core.active).toBe("backup");
    const during = [...core.onBatch("backup", [up(ev("opta", 102, 50_000))], 6)];
    const back = core.onBatch("primary", [up(ev("statsperform", 2, 50_200)), up(ev("statsperform", 3, 70_000))], 10);
    expect(core.active).toBe("primary");
    const rest = core.finish();
    const published = ids([...during, ...back, ...rest]);
    expect(published).toContain("+opta:101@30000");
    // The primary's copy of the 50 s corner takes over the published id, with primary content.
    expect(published).toContain("+opta:102@50200");
    expect(published.some((p) => p.startsWith("+statsperform:2"))).toBe(false);
    expect(published).toContain("+statsperform:3@70000");
    expect(core.switches.map((s) => s.to)).toEqual(["backup", "primary"]);
  });

  it("Given a silent primary and a live backup, then staleness fails over", () => {
    const core = new AggregatorCore(OPTS);
    core.onBatch("primary", [up(ev("statsperform", 1, 1_000))], 0);
    core.onBatch("backup", [up(ev("opta", 9, 1_200))], 8_000);
    expect(ids(core.tick(9_000))).toEqual([]);
    expect(core.active).toBe("primary");
    core.tick(10_001);
    expect(core.active).toBe("backup");
    expect(core.switches[0]!.reason).toMatch(/silent/);
  });

  it("Given corrections and deletions from the active provider, then they reach the published id", () => {
    const core = new AggregatorCore(OPTS);
    core.onBatch("backup", [up(ev("opta", 7, 20_000))], 0);
    const first = core.onBatch("primary", [up(ev("statsperform", 1, 20_000)), up(ev("statsperform", 2, 60_000))], 0);
    expect(ids(first)).toEqual(["+statsperform:1@20000"]);
    const fixed = core.onBatch("primary", [up(ev("statsperform", 1, 21_000, "away"))], 1);
    expect(ids(fixed)).toEqual(["+statsperform:1@21000"]);
    expect(ids(core.onBatch("primary", [{ op: "delete", id: "statsperform:1", period: 1, tMs: 21_000 }], 2))).toEqual(["-statsperform:1"]);
    // Deleting an event still held in the reorder buffer means it is never published.
    expect(ids(core.onBatch("primary", [{ op: "delete", id: "statsperform:2", period: 1, tMs: 60_000 }], 3))).toEqual([]);
    expect(core.finish()).toEqual([]);
  });

  it("Given two minutes without events, then a gap is reported", () => {
    const core = new AggregatorCore(OPTS);
    core.onBatch("primary", [up(ev("statsperform", 1, 0)), up(ev("statsperform", 2, 200_000))], 0);
    core.finish();
    expect(core.gaps).toEqual([{ period: 1, fromMs: 0, toMs: 200_000 }]);
    expect(core.issues[0]).toMatchObject({ field: "tMs", eventId: "2" });
  });
});

describe("aggregator live bounds", () => {
  it("Given a hold bound in wall time, then the last events before a pause leave without waiting for later ones", () => {
    const core = new AggregatorCore({ ...OPTS, maxHoldWallMs: 8_000 });
    expect(ids(core.onBatch("primary", [up(ev("statsperform", 1, 60_000)), up(ev("statsperform", 2, 61_000))], 100_000))).toEqual([]);
    expect(ids(core.tick(107_999))).toEqual([]);
    expect(ids(core.tick(108_000))).toEqual(["+statsperform:1@60000", "+statsperform:2@61000"]);
    // Without the bound (replays) the same events wait for match time to pass them.
    const replay = new AggregatorCore(OPTS);
    replay.onBatch("primary", [up(ev("statsperform", 1, 60_000))], 100_000);
    expect(replay.tick(1_000_000)).toEqual([]);
  });
});

describe("aggregated feed over two replay feeds", () => {
  it("follows a primary alone (no backup configured), and ends with it", async () => {
    const match = generateSyntheticMatch({ seed: 12 });
    const feed = new AggregatedFeed(new ReplayFeed(match, 100), null, { ...OPTS, tickMs: 5 });
    expect((await feed.info()).home.name).toBe(match.info.home.name);
    const log = new EventLog();
    for await (const batch of feed.changes()) log.apply(batch);
    expect(log.size).toBe(match.events.length);
    expect(feed.liveStatus()).toBeNull();
    expect(Object.keys(feed.unmapped())).toEqual([]);
    feed.close();
  });

  it("ends when the backup finishes while it is the source published (the primary is down)", async () => {
    const match = generateSyntheticMatch({ seed: 13 });
    const asBackup = { ...match, info: { ...match.info, provider: "opta" as const }, events: match.events.map((e) => ({ ...e, id: e.id.replace("synthetic:", "opta:"), provider: "opta" as const })) };
    // The real SDAPI client against a port nothing listens on: its MA1 requests fail and are reported.
    const down = new StatsPerformFeed({ outletKey: "K", fixtureId: "F", baseUrl: "http://127.0.0.1:1/soccerdata", backoffInitialMs: 1, backoffMaxMs: 5 });
    const feed = new AggregatedFeed(down, new ReplayFeed(asBackup, 100), { ...OPTS, tickMs: 5 });
    const log = new EventLog();
    for await (const batch of feed.changes()) log.apply(batch);
    expect(feed.core.active).toBe("backup");
    expect(log.size).toBe(match.events.length);
    expect(feed.issues()[0]).toMatchObject({ provider: "statsperform", field: "ma1" });
    feed.close();
  });


  it("publishes the primary's match once even though the backup carries the same events", async () => {
    const match = generateSyntheticMatch({ seed: 11 });
    const asBackup = { ...match, info: { ...match.info, provider: "opta" as const }, events: match.events.map((e) => ({ ...e, id: e.id.replace("synthetic:", "opta:"), provider: "opta" as const, tMs: e.tMs + 700 })) };
    const feed = new AggregatedFeed(new ReplayFeed(match, 40), new ReplayFeed(asBackup, 40), { ...OPTS, tickMs: 5 });
    expect((await feed.info()).synthetic).toBe(true);
    const log = new EventLog();
    for await (const batch of feed.changes()) log.apply(batch);
    const out = log.events();
    expect(out.filter((e) => e.provider === "synthetic").length).toBeGreaterThan(match.events.length * 0.9);
    expect(out.length).toBeLessThanOrEqual(match.events.length + 5);
    expect(feed.issues().filter((i) => /backwards/.test(i.message))).toEqual([]);
    feed.close();
  });
});
