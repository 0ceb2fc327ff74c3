/**
 * Start-up while Stats Perform is unreachable: the aggregator takes the match info (teams) from
 * the Opta F24 backup after its failover rule — at once when the primary reports an error, after
 * `staleAfterMs` when it does not answer at all — and follows the backup's events.
 */
import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AggregatedFeed } from "../../src/feeds/aggregator/feed.js";
import { EventLog } from "../../src/feeds/event-log.js";
import { OptaF24LiveFeed } from "../../src/feeds/opta/f24-live.js";
import { StatsPerformFeed } from "../../src/feeds/statsperform/feed.js";
import { ma3AsF24, ma3Event as ev } from "./ma3-as-f24.js";
import { type SdapiServer, startSdapiServer } from "./sdapi-live-server.js";

const OPTS = { staleAfterMs: 60_000, reorderDelayMs: 0, dedupToleranceMs: 3_000, gapMs: 120_000, tickMs: 5 };
const f24 = ma3AsF24([ev(1, 32, 1, 0), ev(2, 6, 1, 3), ev(3, 6, 1, 4, "A"), ev(4, 30, 14, 0)], "H", "A");

async function followBackup(feed: AggregatedFeed): Promise<string[]> {
  const log = new EventLog();
  for await (const batch of feed.changes()) log.apply(batch);
  return log.events().map((e) => `${e.id} ${e.kind.type} ${e.side}`);
}

describe("aggregated feed start-up with the primary unreachable", () => {
  let backupServer: SdapiServer;
  /** Accepts MA1 requests and never answers them (a hung upstream). */
  let silent: Server;
  let silentBase = "";
  beforeAll(async () => {
    backupServer = await startSdapiServer({ outletKey: "K", fixtureId: "F", ma1: () => "{}", ma3: () => ({}), documents: { "/f24.xml": { type: "application/xml", body: () => f24 } } });
    silent = createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    silentBase = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/soccerdata`;
  });
  afterAll(async () => {
    silent.closeAllConnections();
    await new Promise<void>((r) => silent.close(() => r()));
    await backupServer.close();
  });

  const backup = (): OptaF24LiveFeed => new OptaF24LiveFeed({ url: backupServer.url("/f24.xml"), pollIntervalMs: 5, backoffInitialMs: 5 });

  it("Given MA1 refused (an error), then the backup's teams are used at once and its events followed", async () => {
    const primary = new StatsPerformFeed({ outletKey: "K", fixtureId: "F", baseUrl: "http://127.0.0.1:1/soccerdata", backoffInitialMs: 20, backoffMaxMs: 50 });
    const feed = new AggregatedFeed(primary, backup(), OPTS);
    const info = await feed.info();
    expect(info).toMatchObject({ provider: "opta", home: { providerTeamId: "H" }, away: { providerTeamId: "A" } });
    expect(feed.core.active).toBe("backup");
    expect(feed.core.switches[0]?.reason).toMatch(/^primary error: ma1: /);
    expect(await followBackup(feed)).toEqual(["opta:1 period_start home", "opta:2 corner home", "opta:3 corner away"]);
    // The MA1 error that caused the switch is reported once, first.
    expect(feed.issues()[0]).toMatchObject({ provider: "statsperform", field: "ma1" });
    expect(feed.issues().filter((i) => i === feed.issues()[0])).toHaveLength(1);
    feed.close();
  });

  it("Given MA1 never answered, then the backup's teams are used after staleAfterMs, not before", async () => {
    const primary = new StatsPerformFeed({ outletKey: "K", fixtureId: "F", baseUrl: silentBase });
    const feed = new AggregatedFeed(primary, backup(), { ...OPTS, staleAfterMs: 300 });
    const started = Date.now();
    const info = await feed.info();
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(info.provider).toBe("opta");
    expect(feed.core.switches.map((s) => s.reason)).toEqual(["primary error: info: no match info within 300 ms"]);
    expect(await followBackup(feed)).toHaveLength(3);
    feed.close();
  });

  it("Given MA1 answering before staleAfterMs, then the primary's info is used and nothing switches", async () => {
    const ma1 = JSON.stringify({
      matchInfo: { id: "F", contestant: [{ id: "H", name: "Home FC", position: "home" }, { id: "A", name: "Away FC", position: "away" }] },
    });
    const primaryServer = await startSdapiServer({ outletKey: "K", fixtureId: "F", ma1: () => ma1, ma3: () => ({}) });
    const feed = new AggregatedFeed(new StatsPerformFeed({ outletKey: "K", fixtureId: "F", baseUrl: primaryServer.base }), backup(), OPTS);
    const info = await feed.info();
    feed.close();
    await primaryServer.close();
    expect(info).toMatchObject({ provider: "statsperform", home: { name: "Home FC" } });
    expect(feed.core.switches).toEqual([]);
  });
});
