/**
 * The real SDAPI client against a local node:http server that replays the shared MA1/MA3 files
 * as if live: each MA3 poll advances the match clock (every second poll is unchanged → 304),
 * polls 3–5 answer HTTP 500, one revealed pass is later edited and two revealed events are
 * deleted (one replaced by typeId 43, one dropped from the document).
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EventLog } from "../../src/feeds/event-log.js";
import { loadMatch } from "../../src/feeds/feed.js";
import type { FeedChange } from "../../src/feeds/model.js";
import { StatsPerformFeed } from "../../src/feeds/statsperform/feed.js";
import { dataFile, missingData } from "./data-dir.js";
import { type SdapiServer, type SdapiServerLog, startSdapiServer } from "./sdapi-live-server.js";

interface RawEvent {
  id: number;
  typeId: number;
  periodId: number;
  timeMin: number;
  timeSec: number;
  outcome?: number;
  [k: string]: unknown;
}

const skip = missingData("statsperform live replay", ["statsperform", "ma1_match_info.json"], ["statsperform", "ma3_match_events.json"]);

describe.skipIf(skip)("Stats Perform SDAPI client, live replay over local HTTP", () => {
  let server: SdapiServer;
  let base = "";
  let log: SdapiServerLog;
  let ma3: { matchInfo: unknown; liveData: { matchDetails: Record<string, unknown>; event: RawEvent[] } };
  let ma1Text = "";
  let editedId = 0;
  let deletedId = 0;
  let droppedId = 0;

  beforeAll(async () => {
    ma1Text = readFileSync(dataFile("statsperform", "ma1_match_info.json"), "utf8");
    ma3 = JSON.parse(readFileSync(dataFile("statsperform", "ma3_match_events.json"), "utf8"));
    const inPlay = ma3.liveData.event.filter((e) => e.periodId === 1 && e.timeMin < 20);
    editedId = inPlay.find((e) => e.typeId === 1 && e.outcome === 1)!.id;
    deletedId = inPlay.find((e) => e.typeId === 12)!.id;
    droppedId = inPlay.find((e) => e.typeId === 44)!.id;
    server = await startSdapiServer({
      outletKey: "OUTLET",
      fixtureId: "71pif9hi2vwzp6q0xzilyxst0",
      ma1: () => ma1Text,
      // The clock moves on every second successful poll: 15 match minutes a step.
      ma3: (poll) => documentAt(Math.floor(poll / 2) * 15),
      fail: (request) => request >= 3 && request <= 5,
    });
    base = server.base;
    log = server.log;
  });

  afterAll(() => server.close());

  function documentAt(clockMin: number): unknown {
    const done = clockMin > 100;
    const events: RawEvent[] = [];
    for (const e of ma3.liveData.event) {
      if (!done && e.periodId <= 2 && e.timeMin >= clockMin) continue;
      if (e.id === droppedId && clockMin >= 45) continue;
      if (e.id === deletedId && clockMin >= 45) events.push({ ...e, typeId: 43, qualifier: [{ qualifierId: 144, value: "12" }] });
      else if (e.id === editedId && clockMin >= 30) events.push({ ...e, outcome: 0 });
      else events.push(e);
    }
    return { matchInfo: ma3.matchInfo, liveData: { matchDetails: { ...ma3.liveData.matchDetails, matchStatus: done ? "Played" : "Playing" }, event: events } };
  }

  it("yields upserts as events appear, applies the edit and both deletions, honours 304 and backs off on 500", async () => {
    const feed = new StatsPerformFeed({ outletKey: "OUTLET", fixtureId: "71pif9hi2vwzp6q0xzilyxst0", baseUrl: base, pollIntervalMs: 1, backoffInitialMs: 5, backoffMaxMs: 40 });
    const info = await feed.info();
    expect(info.home.name).toBe("Hamburger SV");
    const batches: FeedChange[][] = [];
    for await (const batch of feed.changes()) batches.push(batch);

    const all = batches.flat();
    const editedUpserts = all.filter((c) => c.op === "upsert" && c.event.id === `statsperform:${editedId}`);
    expect(editedUpserts).toHaveLength(2);
    const [first, second] = editedUpserts;
    expect(first!.op === "upsert" && first!.event.kind.type === "pass" && first!.event.kind.successful).toBe(true);
    expect(second!.op === "upsert" && second!.event.kind.type === "pass" && second!.event.kind.successful).toBe(false);
    expect(all).toContainEqual(expect.objectContaining({ op: "delete", id: `statsperform:${deletedId}` }));
    expect(all).toContainEqual(expect.objectContaining({ op: "delete", id: `statsperform:${droppedId}` }));

    // The live log ends equal to the whole-file load, minus the two deletions, with the edit.
    const live = new EventLog();
    live.apply(all);
    const whole = await loadMatch(dataFile("statsperform", "ma3_match_events.json"));
    expect(live.size).toBe(whole.events.length - 2);
    expect(live.get(`statsperform:${deletedId}`)).toBeUndefined();
    const goals = live.events().filter((e) => e.kind.type === "goal");
    expect(goals.map((g) => [g.side, Math.floor((45 * 60_000 + g.tMs) / 60_000)])).toEqual([["home", 73], ["away", 86], ["home", 95]]);
    expect(batches.length).toBeGreaterThan(4);

    const stats = feed.stats();
    expect(log.served500).toBe(3);
    expect(stats.errors).toBe(3);
    expect(stats.backoffsMs).toEqual([5, 10, 20]);
    expect(feed.issues().filter((i) => i.field === "ma3").map((i) => i.message)).toEqual(Array(3).fill(expect.stringContaining("HTTP 500")));
    expect(log.conditional).toBeGreaterThan(0);
    expect(log.served304).toBeGreaterThan(0);
    expect(stats.notModified).toBe(log.served304);
    expect(log.paths.every((p) => p.endsWith("?_rt=b&_fmt=json"))).toBe(true);
  });

  it("reports a malformed MA3 body as an issue and keeps polling", async () => {
    let calls = 0;
    const local = createServer((req, res) => {
      if ((req.url ?? "").includes("/matchinfo/")) return void res.writeHead(200).end(ma1Text);
      calls += 1;
      if (calls === 1) return void res.writeHead(200).end("{ not json");
      if (calls === 2) return void res.writeHead(200).end(JSON.stringify({ liveData: { event: "nope" } }));
      res.writeHead(200).end(JSON.stringify({ liveData: { matchDetails: { matchStatus: "Played" }, event: [{ id: 5, typeId: 1 }] } }));
    });
    await new Promise<void>((r) => local.listen(0, "127.0.0.1", r));
    const port = (local.address() as AddressInfo).port;
    const feed = new StatsPerformFeed({ outletKey: "K", fixtureId: "F", baseUrl: `http://127.0.0.1:${port}/`, pollIntervalMs: 1, backoffInitialMs: 1 });
    const batches: FeedChange[][] = [];
    for await (const b of feed.changes()) batches.push(b);
    await new Promise<void>((r) => local.close(() => r()));
    expect(batches).toEqual([]);
    expect(feed.issues().map((i) => [i.eventId, i.field])).toEqual([
      [null, "ma3"],
      [null, "ma3.liveData.event"],
      ["5", "event.periodId"],
    ]);
    expect(feed.stats().errors).toBe(2);
  });
});
