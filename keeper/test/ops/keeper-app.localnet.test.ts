/**
 * The keeper app in-process against the real localnet and the real programs: it creates the
 * feed and the pool, replays the World Cup 2018 final (60 match seconds per oracle second, the
 * chain clock moved one second per round), every update lands in order, the chain's feed equals
 * what the engine recomputes from the stored log, /metrics and /healthz answer.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ProgramIds, poolPda } from "@futstar/sdk";
import { Keypair, PublicKey, SYSVAR_CLOCK_PUBKEY } from "@solana/web3.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audit } from "../../src/chain/audit.js";
import { readFeed } from "../../src/chain/feed-reader.js";
import { FeedStatus } from "../../src/chain/oracle-codec.js";
import { RpcPool } from "../../src/chain/rpc-pool.js";
import { parseConfig } from "../../src/ops/config.js";
import { configuredAdapter, startKeeperApp } from "../../src/ops/keeper-app.js";
import { jsonLogger } from "../../src/ops/log.js";
import { initExchange, initOracle, type RunningLocalnet, startLocalnet, timeTravel } from "../chain/localnet.js";
import { dataFile, missingData } from "../feeds/data-dir.js";

const FINAL = ["wyscout", "2058017.json"];
const skip = missingData("keeper app on the localnet", FINAL);
let net: RunningLocalnet;
let ids: ProgramIds;
let mint: PublicKey;
const signers = [Keypair.generate(), Keypair.generate()];
const dir = mkdtempSync(join(tmpdir(), "keeper-app-"));

beforeAll(async () => {
  if (skip) return;
  net = await startLocalnet(50);
  await initOracle(net, signers);
  ({ ids, mint } = await initExchange(net));
  signers.forEach((s, i) => writeFileSync(join(dir, `signer${i}.json`), JSON.stringify([...s.secretKey])));
}, 600_000);

afterAll(async () => {
  await net?.stop();
});

describe.skipIf(skip)("keeper app on the real localnet", () => {
  it("creates feed and pool, pushes the whole final in order, and the chain equals the engine", async () => {
    const config = parseConfig(
      {
        rpcUrls: [net.rpcUrl],
        dbPath: join(dir, "keeper.db"),
        keypairs: { payer: net.upgradeAuthorityKeypair, operator: net.upgradeAuthorityKeypair, oracleSigners: ["signer0.json", "signer1.json"] },
        programs: { oracle: ids.momentumOracle.toBase58(), futstar: ids.futstar.toBase58() },
        collateralMint: mint.toBase58(),
        priorityFee: { source: "recent" },
        http: { port: 0 },
        pushIntervalMs: 10,
        crankIntervalMs: 200,
        matches: [{ key: "wc2018-final", source: dataFile(...FINAL), speed: 60 }],
      },
      {},
      dir,
    );
    const pool = new RpcPool([net.rpcUrl]);
    const clockInfo = await pool.connection.getAccountInfo(SYSVAR_CLOCK_PUBKEY);
    let ts = clockInfo!.data.readBigInt64LE(32);
    const lines: string[] = [];
    const app = await startKeeperApp(config, {
      log: jsonLogger((l) => lines.push(l), "info"),
      signal: new AbortController().signal,
      adapter: configuredAdapter,
      exitWhenDone: true,
      oracleClock: async () => {
        ts += 1n;
        await timeTravel(net, ts);
        return ts;
      },
    });
    const health = await fetch(`${app.opsUrl}/healthz`);
    expect(health.status).toBe(200);
    const metricsText = await (await fetch(`${app.opsUrl}/metrics`)).text();
    expect(metricsText).toMatch(/futstar_keeper_live_matches 1/);
    await app.done;

    const { KeeperStore } = await import("../../src/store/keeper-store.js");
    const store = new KeeperStore(config.dbPath);
    const match = store.match("wc2018-final")!;
    expect(match.feed).not.toBeNull();
    expect(match.pool).toBe(poolPda(ids.futstar, new PublicKey(match.feed!))[0].toBase58());
    expect(match.status).toBe(FeedStatus.Ended);
    const pushed = store.pushed("wc2018-final");
    expect(pushed.length).toBeGreaterThan(90);
    expect(pushed.filter((u) => u.state !== "landed").map((u) => `${u.seq} ${u.period}/${u.tMs} ${u.state} ${u.error}`)).toEqual([]);
    expect(pushed.map((u) => u.seq)).toEqual(pushed.map((_, i) => i + 1));
    const chain = await readFeed(pool, new PublicKey(match.feed!));
    expect(chain?.seq).toBe(BigInt(pushed.length));
    expect(chain?.status).toBe(FeedStatus.Ended);
    const report = audit(store.changesWithTick("wc2018-final"), pushed, chain);
    expect(report.differences).toEqual([]);
    expect(report.checkedSamples).toBe(pushed.length);
    store.close();
    expect(lines.some((l) => l.includes('"msg":"keeper stopped"'))).toBe(true);
  });
});
