/**
 * The keeper app in-process against the real localnet and the real programs: it creates the
 * feed and the pool, replays the World Cup 2018 final (60 match seconds per oracle second, the
 * chain clock moved one second per round), every update lands in order, the chain's feed equals
 * what the engine recomputes from the stored log, /metrics and /healthz answer.
 */
import { poolPda } from "@futstar/sdk";
import { PublicKey } from "@solana/web3.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FeedStatus } from "../../src/chain/oracle-codec.js";
import { parseConfig } from "../../src/ops/config.js";
import { configuredAdapter, startKeeperApp } from "../../src/ops/keeper-app.js";
import { jsonLogger } from "../../src/ops/log.js";
import { KeeperStore } from "../../src/store/keeper-store.js";
import { dataFile, missingData } from "../feeds/data-dir.js";
import { type KeeperLocalnet, expectLandedInOrderAndAudited, keeperConfigFor, secondPerRoundClock, startKeeperLocalnet } from "./keeper-localnet.js";

const FINAL = ["wyscout", "2058017.json"];
const skip = missingData("keeper app on the localnet", FINAL);
let k: KeeperLocalnet;

beforeAll(async () => {
  if (skip) return;
  k = await startKeeperLocalnet("keeper-app-");
}, 600_000);

afterAll(async () => {
  await k?.net.stop();
});

describe.skipIf(skip)("keeper app on the real localnet", () => {
  it("creates feed and pool, pushes the whole final in order, and the chain equals the engine", async () => {
    const config = parseConfig(keeperConfigFor(k, { matches: [{ key: "wc2018-final", source: dataFile(...FINAL), speed: 60 }] }), {}, k.dir);
    const lines: string[] = [];
    const app = await startKeeperApp(config, {
      log: jsonLogger((l) => lines.push(l), "info"),
      signal: new AbortController().signal,
      adapter: configuredAdapter,
      exitWhenDone: true,
      oracleClock: await secondPerRoundClock(k.net),
    });
    const health = await fetch(`${app.opsUrl}/healthz`);
    expect(health.status).toBe(200);
    const metricsText = await (await fetch(`${app.opsUrl}/metrics`)).text();
    expect(metricsText).toMatch(/futstar_keeper_live_matches 1/);
    await app.done;

    const store = new KeeperStore(config.dbPath);
    const match = store.match("wc2018-final")!;
    expect(match.feed).not.toBeNull();
    expect(match.pool).toBe(poolPda(k.ids.futstar, new PublicKey(match.feed!))[0].toBase58());
    expect(match.status).toBe(FeedStatus.Ended);
    const { pushed, report } = await expectLandedInOrderAndAudited(k.net, store, "wc2018-final", new PublicKey(match.feed!), FeedStatus.Ended);
    expect(pushed.length).toBeGreaterThan(90);
    expect(report.checkedSamples).toBe(pushed.length);
    store.close();
    expect(lines.some((l) => l.includes('"msg":"keeper stopped"'))).toBe(true);
  });
});
