/**
 * `run` following a LIVE Stats Perform match: the real SDAPI client polls a local server that
 * reveals the shared MA1/MA3 match (Hamburger SV 2–1 Sandhausen) as a simulated clock advances
 * (200 match ms per wall ms: before kick-off, first half, half-time break, second half, final
 * whistle, "Played"), with an Opta F24 copy of the same match served as the backup and the SDAPI
 * host failing (HTTP 500) for ten minutes of the first half. The keeper app runs against the real
 * localnet and programs: it waits for kick-off, ticks from the feed, pushes HalfTime and Live
 * again, Ended after the final whistle, and stops on its own; every update lands in order and the
 * chain audits identical against the stored log. The keeper is stopped at 15' and started again
 * (a restart mid-match): it goes on from its last landed tick and stores no change twice; it is
 * stopped again once HalfTime has landed and started in the break: it publishes nothing until the
 * second half kicks off, then goes on in the second half.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PublicKey } from "@solana/web3.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FeedStatus } from "../../src/chain/oracle-codec.js";
import { EventLog } from "../../src/feeds/event-log.js";
import { parseConfig } from "../../src/ops/config.js";
import { configuredAdapter, startKeeperApp } from "../../src/ops/keeper-app.js";
import { jsonLogger } from "../../src/ops/log.js";
import { KeeperStore } from "../../src/store/keeper-store.js";
import { dataFile, missingData } from "../feeds/data-dir.js";
import { type Ma3RawEvent, ma3AsF24 } from "../feeds/ma3-as-f24.js";
import { type SdapiServer, startSdapiServer } from "../feeds/sdapi-live-server.js";
import { type KeeperLocalnet, expectLandedInOrderAndAudited, keeperConfigFor, secondPerRoundClock, startKeeperLocalnet } from "./keeper-localnet.js";

const skip = missingData("keeper live run on the localnet", ["statsperform", "ma1_match_info.json"], ["statsperform", "ma3_match_events.json"]);
const FIXTURE = "71pif9hi2vwzp6q0xzilyxst0";
/** Match ms per wall ms. */
const SPEED = 200;
/** 10 s of wall time before kick-off: start-up (localnet accounts, first polls) has to fit in it. */
const KICK_OFF = 2_000_000;
const FIRST_HALF = 2_702_000;
/** A real 15-minute break (4.5 s of wall time): the restart in the break has to fit in it. */
const BREAK = 900_000;
const SECOND_HALF = 3_158_000;
const KICK_OFF_2 = KICK_OFF + FIRST_HALF + BREAK;
const FINAL_WHISTLE = KICK_OFF_2 + SECOND_HALF;
const PLAYED = FINAL_WHISTLE + 20_000;
/** How far past a whistle the match clock may run before the keeper hears of it (match ms). */
const LATE = 300_000;
/** The keeper is stopped at 15' and started again. */
const KILL_AT = KICK_OFF + 15 * 60_000;
/** The SDAPI host answers HTTP 500 from 20' to 30' of the first half. */
const OUTAGE = [KICK_OFF + 20 * 60_000, KICK_OFF + 30 * 60_000];

let k: KeeperLocalnet;
let server: SdapiServer;
let started = 0;
const simNow = (): number => (started === 0 ? 0 : (performance.now() - started) * SPEED);

interface Ma3Doc {
  matchInfo: { contestant: { id: string; position: string }[] };
  liveData: { matchDetails: Record<string, unknown>; event: (Ma3RawEvent & Record<string, unknown>)[] };
}

/** When an event happens on the simulated clock (pre- and post-match housekeeping: before / after). */
function eventAt(e: Ma3RawEvent): number {
  const s = e.timeMin * 60 + e.timeSec;
  if (e.periodId === 1) return KICK_OFF + s * 1000;
  if (e.periodId === 2) return KICK_OFF_2 + (s - 45 * 60) * 1000;
  return e.periodId === 14 ? PLAYED : -1;
}

function details(t: number): Record<string, unknown> {
  if (t < KICK_OFF) return { matchStatus: "Fixture", periodId: 16 };
  if (t < KICK_OFF + FIRST_HALF) return { matchStatus: "Playing", periodId: 1 };
  if (t < KICK_OFF_2) return { matchStatus: "Playing", periodId: 10 };
  if (t < PLAYED) return { matchStatus: "Playing", periodId: 2 };
  return { matchStatus: "Played", periodId: 14 };
}

beforeAll(async () => {
  if (skip) return;
  k = await startKeeperLocalnet("keeper-live-");
  const ma1 = JSON.parse(readFileSync(dataFile("statsperform", "ma1_match_info.json"), "utf8")) as Record<string, unknown>;
  const ma3 = JSON.parse(readFileSync(dataFile("statsperform", "ma3_match_events.json"), "utf8")) as Ma3Doc;
  const home = ma3.matchInfo.contestant.find((c) => c.position === "home")!.id;
  const away = ma3.matchInfo.contestant.find((c) => c.position === "away")!.id;
  const revealed = (): Ma3RawEvent[] => ma3.liveData.event.filter((e) => eventAt(e) <= simNow());
  server = await startSdapiServer({
    outletKey: "OUTLET",
    fixtureId: FIXTURE,
    ma1: () => JSON.stringify({ ...ma1, liveData: { matchDetails: details(simNow()) } }),
    ma3: () => ({ matchInfo: ma3.matchInfo, liveData: { matchDetails: details(simNow()), event: revealed() } }),
    fail: () => simNow() >= (OUTAGE[0] as number) && simNow() < (OUTAGE[1] as number),
    documents: { "/opta/f24.xml": { type: "application/xml", body: () => ma3AsF24(revealed(), home, away) } },
  });
}, 600_000);

afterAll(async () => {
  await server?.close();
  await k?.net.stop();
});

/** Runs of equal consecutive values: [Live, Live, HalfTime, Live] → [Live, HalfTime, Live]. */
const runs = <T,>(xs: readonly T[]): T[] => xs.filter((x, i) => i === 0 || xs[i - 1] !== x);

describe.skipIf(skip)("keeper run following a live Stats Perform match on the real localnet", () => {
  it("waits for kick-off, ticks from the feed through a primary outage, HalfTime, second half, Ended, and stops", async () => {
    const config = parseConfig(
      keeperConfigFor(k, {
        pushIntervalMs: 50,
        statsperform: { baseUrl: server.base, pollIntervalMs: 40 },
        matches: [{ key: "hsv-svs", live: { provider: "statsperform", fixtureId: FIXTURE, backupF24Url: server.url("/opta/f24.xml"), backupPollIntervalMs: 40 } }],
      }),
      { FUTSTAR_STATSPERFORM_OUTLET_KEY: "OUTLET" },
      k.dir,
    );
    const lines: string[] = [];
    const oracleClock = await secondPerRoundClock(k.net);
    const startApp = (signal: AbortSignal) =>
      startKeeperApp(config, { log: jsonLogger((l) => lines.push(l), "info"), signal, adapter: configuredAdapter, exitWhenDone: true, liveClock: simNow, oracleClock });
    started = performance.now();
    // Killed (stopped) at 15' of the first half, restarted at once: it follows the feed again from
    // its current document, the match clock continuing from the last landed tick.
    const kill = new AbortController();
    const first = await startApp(kill.signal);
    expect(simNow()).toBeLessThan(KICK_OFF);
    const killer = setInterval(() => simNow() >= KILL_AT && kill.abort(), 5);
    await first.done;
    clearInterval(killer);
    const killedAt = simNow();
    // Stopped again once its HalfTime has landed, restarted in the break (last landed: HalfTime).
    const killInBreak = new AbortController();
    const second = await startApp(killInBreak.signal);
    let killedInBreakAt = 0;
    const breakKiller = setInterval(() => {
      const feed = second.store.match("hsv-svs")?.feed;
      if (!feed || second.store.lastLanded(feed)?.status !== FeedStatus.HalfTime) return;
      clearInterval(breakKiller);
      killedInBreakAt = simNow();
      killInBreak.abort();
    }, 5);
    await second.done;
    clearInterval(breakKiller);
    expect(killedInBreakAt).toBeGreaterThan(KICK_OFF + FIRST_HALF - 60_000);
    expect(killedInBreakAt).toBeLessThan(KICK_OFF_2);
    const restartedInBreakAt = simNow();
    const app = await startApp(new AbortController().signal);
    await app.done;
    expect(simNow()).toBeGreaterThan(PLAYED);

    const store = new KeeperStore(join(k.dir, "keeper.db"));
    const match = store.match("hsv-svs")!;
    expect(match).toMatchObject({ provider: "statsperform", home: "Hamburger SV", away: "Sandhausen", status: FeedStatus.Ended });
    const { pushed } = await expectLandedInOrderAndAudited(k.net, store, "hsv-svs", new PublicKey(match.feed!), FeedStatus.Ended);
    // The lifecycle followed the feed: kick-off (the keeper was up before it), half-time, second half, end.
    expect(runs(pushed.map((u) => u.status))).toEqual([FeedStatus.Live, FeedStatus.HalfTime, FeedStatus.Live, FeedStatus.Ended]);
    expect(pushed[0]).toMatchObject({ period: 1, status: FeedStatus.Live });
    expect(pushed[0]!.tMs).toBeLessThan(60_000);
    // One HalfTime only: the keeper restarted in the break did not publish it (or the first half) again.
    const halfTimes = pushed.filter((u) => u.status === FeedStatus.HalfTime);
    expect(halfTimes).toHaveLength(1);
    const halfTime = halfTimes[0]!;
    expect(halfTime.period).toBe(1);
    const afterBreakRestart = pushed.filter((u) => (store.signedAtMs(u.feed, u.seq) ?? 0) > restartedInBreakAt);
    expect(afterBreakRestart[0]).toMatchObject({ period: 2, status: FeedStatus.Live });
    expect(store.signedAtMs(afterBreakRestart[0]!.feed, afterBreakRestart[0]!.seq)).toBeGreaterThanOrEqual(KICK_OFF_2);
    // The clock runs until the keeper learns of the whistle: at this speed one aggregator tick
    // (250 wall ms) is 50 match seconds, and a slow poll or push on a loaded machine several
    // times that, so the last tick may pass the period's end by up to LATE (1.5 s of wall time,
    // still well inside the break).
    expect(halfTime.tMs).toBeGreaterThan(FIRST_HALF - 60_000);
    expect(halfTime.tMs).toBeLessThanOrEqual(FIRST_HALF + LATE);
    const ended = pushed.at(-1)!;
    expect(ended.period).toBe(2);
    expect(ended.tMs).toBeGreaterThan(SECOND_HALF - 60_000);
    expect(ended.tMs).toBeLessThanOrEqual(SECOND_HALF + LATE);
    // The restart: the store holds no change twice, and the first update after it continues
    // from where the first run stopped (no tick of the first half published again).
    const restart = pushed.findIndex((u) => (store.signedAtMs(u.feed, u.seq) ?? 0) > killedAt);
    expect(restart).toBeGreaterThan(0);
    expect(pushed[restart]!.period * 1e7 + pushed[restart]!.tMs).toBeGreaterThan(pushed[restart - 1]!.period * 1e7 + pushed[restart - 1]!.tMs);
    const latest = new Map<string, string>();
    const repeated = store.changes("hsv-svs").filter((c) => {
      const id = c.op === "upsert" ? c.event.id : c.id;
      const same = latest.get(id) === JSON.stringify(c);
      latest.set(id, JSON.stringify(c));
      return same;
    });
    expect(repeated).toEqual([]);
    expect(lines.filter((l) => l.includes('"msg":"keeper stopped"'))).toHaveLength(3);
    // Match time and oracle time never go back.
    for (let i = 1; i < pushed.length; i++) {
      const [a, b] = [pushed[i - 1]!, pushed[i]!];
      expect(b.period * 1e7 + b.tMs).toBeGreaterThanOrEqual(a.period * 1e7 + a.tMs);
      expect(b.ts).toBeGreaterThan(a.ts);
    }

    // Through the outage the backup (Opta F24) was published; the primary took over again.
    expect(server.log.served500).toBeGreaterThan(0);
    const changes = store.changes("hsv-svs");
    const log = new EventLog();
    log.apply(changes);
    // (published under the backup's id; the primary's later copy corrects it under that id)
    const viaBackup = log.events().filter((e) => e.id.startsWith("opta:"));
    expect(viaBackup.some((e) => e.period === 1 && e.tMs >= 20 * 60_000 && e.tMs < 30 * 60_000)).toBe(true);
    // Each switch was logged when it happened, across the three runs: to the backup during the
    // outage, and back to the primary after it (a loaded machine may add later flips on staleness).
    const switchedTo = lines.map((l) => JSON.parse(l) as { msg: string; to?: string }).filter((l) => l.msg === "live feed switched").map((l) => l.to);
    const toBackup = switchedTo.indexOf("backup");
    expect(toBackup).toBeGreaterThanOrEqual(0);
    expect(switchedTo.indexOf("primary", toBackup)).toBeGreaterThan(toBackup);
    // Every goal of the match reached the engine once: 2–1, at 73', 86', 95'.
    const goals = log.events().filter((e) => e.kind.type === "goal");
    expect(goals.map((g) => [g.side, Math.floor(g.tMs / 60_000) + 45])).toEqual([["home", 73], ["away", 86], ["home", 95]]);
    store.close();
  }, 240_000);
});
