/**
 * The oracle pusher against the real momentum_oracle on the localnet, with RPC faults injected by
 * the proxy: several feeds per transaction, a refused feed split out of its batch, RPC down then
 * back, a transaction the chain receives twice, a transaction that lands while the keeper thinks
 * it expired (re-signed, refused as a replay, reported as landed), a restart with a store that
 * lags the chain. After each: the chain's seq is the last landed one and nothing landed twice or
 * out of order.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { programError } from "@futstar/sdk";
import { Connection, Keypair, PublicKey, SYSVAR_CLOCK_PUBKEY } from "@solana/web3.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFeed } from "../../src/chain/feed-reader.js";
import { FeedStatus, type FeedStatusCode } from "../../src/chain/oracle-codec.js";
import { feedCreateInstruction, oracleCodec } from "../../src/chain/oracle-message.js";
import { OraclePusher, type PushItem } from "../../src/chain/oracle-pusher.js";
import { RecentFeesSource } from "../../src/chain/priority-fee.js";
import { RpcPool } from "../../src/chain/rpc-pool.js";
import { TxSender } from "../../src/chain/tx-sender.js";
import { KeeperMetrics } from "../../src/ops/metrics.js";
import { KeeperStore } from "../../src/store/keeper-store.js";
import { FaultProxy } from "./fault-proxy.js";
import { initOracle, type RunningLocalnet, sendOk, startLocalnet, timeTravel } from "./localnet.js";

let net: RunningLocalnet;
let oracle: PublicKey;
let connection: Connection;
const signers = [Keypair.generate(), Keypair.generate()];
const proxies: FaultProxy[] = [];
const dir = mkdtempSync(join(tmpdir(), "keeper-pusher-"));
let ts = 0n;
let feedCount = 0;

beforeAll(async () => {
  net = await startLocalnet(50);
  oracle = await initOracle(net, signers, 10_000);
  connection = new Connection(net.rpcUrl, "confirmed");
  const clock = await connection.getAccountInfo(SYSVAR_CLOCK_PUBKEY);
  ts = clock!.data.readBigInt64LE(32);
}, 600_000);

afterAll(async () => {
  for (const p of proxies) await p.close();
  await net?.stop();
});

async function newFeed(): Promise<PublicKey> {
  const matchId = new Uint8Array(32);
  matchId[0] = ++feedCount;
  matchId[1] = 0xaa;
  const { feed, instruction } = feedCreateInstruction({ futstar: new PublicKey(net.programs.futstar.programId), momentumOracle: oracle }, net.authority.publicKey, { matchId, home: `Home ${feedCount}`, away: `Away ${feedCount}` });
  await sendOk(net, [instruction], []);
  return feed;
}

/** Moves the chain clock one second on and returns it (updates need time to move the index). */
async function tick(): Promise<bigint> {
  const now = (await connection.getAccountInfo(SYSVAR_CLOCK_PUBKEY, "processed"))!.data.readBigInt64LE(32);
  ts = ts + 1n > now ? ts + 1n : now;
  await timeTravel(net, ts);
  return ts;
}

function item(matchKey: string, feed: PublicKey, at: bigint, indexBps: number, status: FeedStatusCode = FeedStatus.Live): PushItem {
  return { matchKey, feed, period: 1, tMs: Number(at), computedAtMs: Date.now(), update: { ts: at, status, suspended: false, indexBps, components: [indexBps, 5000, 5000, 5000, 5000] } };
}

function pusher(url: string, store: KeeperStore, metrics = new KeeperMetrics()): OraclePusher {
  const pool = new RpcPool([url], { timeoutMs: 1000 });
  const sender = new TxSender(pool, net.authority, new RecentFeesSource(pool), { pollMs: 40, resendMs: 300 });
  return new OraclePusher({
    store,
    sender,
    codec: oracleCodec({ futstar: new PublicKey(net.programs.futstar.programId), momentumOracle: oracle }),
    signers,
    chainSeq: async (feed) => (await readFeed(pool, feed))?.seq ?? 0n,
    describe: (f) => (f.code === null ? f.text : programError("momentumOracle", f.code)?.name ?? String(f.code)),
    metrics,
  });
}

async function proxy(): Promise<FaultProxy> {
  const p = await FaultProxy.start(net.rpcUrl);
  proxies.push(p);
  return p;
}

const chainSeq = async (feed: PublicKey): Promise<bigint> => (await readFeed(new RpcPool([net.rpcUrl]), feed))!.seq;

describe("oracle pusher on the real oracle", () => {
  it("batches several feeds per transaction and splits a refused feed out of its batch", async () => {
    const store = new KeeperStore(join(dir, "batch.db"));
    const feeds = [await newFeed(), await newFeed(), await newFeed()];
    const p = pusher(net.rpcUrl, store);
    const at = await tick();
    const first = await p.pushRound(feeds.map((f, i) => item(`m${i}`, f, at, 5000)));
    expect(first.map((r) => r.status)).toEqual(["landed", "landed", "landed"]);
    const signatures = new Set(first.map((r) => (r.status === "landed" ? r.signature : "")));
    expect(signatures.size).toBe(1);
    // Feed 1 ends; in the next round its update is refused (FeedFinalized), the others land.
    await p.pushRound([item("m1", feeds[1]!, await tick(), 5000, FeedStatus.Ended)]);
    const next = await tick();
    const results = await p.pushRound(feeds.map((f, i) => item(`m${i}`, f, next, 5100)));
    expect(results.map((r) => r.status).sort()).toEqual(["landed", "landed", "rejected"]);
    const refused = results.find((r) => r.status === "rejected");
    expect(refused).toMatchObject({ matchKey: "m1", reason: "FeedFinalized" });
    expect(await chainSeq(feeds[0]!)).toBe(BigInt(store.lastLanded(feeds[0]!.toBase58())!.seq));
    expect((await readFeed(new RpcPool([net.rpcUrl]), feeds[2]!))!.indexBps).toBe(5100);
  });

  it("rides out an RPC outage, a duplicate delivery and a lost answer without a duplicate landing", async () => {
    const store = new KeeperStore(join(dir, "faults.db"));
    const feed = await newFeed();
    const faults = await proxy();
    const metrics = new KeeperMetrics();
    const p = pusher(faults.url, store, metrics);
    let index = 5000;
    const round = async () => (await p.pushRound([item("m", feed, await tick(), (index += 10))]))[0]!;

    expect((await round()).status).toBe("landed");
    faults.mode = "refuse";
    setTimeout(() => (faults.mode = "pass"), 1500);
    expect((await round()).status).toBe("landed");
    faults.inject("sendTransaction", "duplicate", 2);
    expect((await round()).status).toBe("landed");
    faults.inject("sendTransaction", "drop-response", 1);
    expect((await round()).status).toBe("landed");
    faults.inject("getLatestBlockhash", "unknown-blockhash", 1);
    expect((await round()).status).toBe("landed");

    const pushed = store.pushed("m");
    expect(pushed.map((u) => [u.seq, u.state])).toEqual([1, 2, 3, 4, 5].map((s) => [s, "landed"]));
    expect(await chainSeq(feed)).toBe(5n);
    const chain = (await readFeed(new RpcPool([net.rpcUrl]), feed))!;
    expect(chain.samples.map((s) => s.indexBps)).toEqual([5010, 5020, 5030, 5040, 5050]);
    expect(await metrics.text()).toMatch(/futstar_keeper_updates_pushed_total\{match="m"\} 5/);
  });

  it("reports as landed an update that landed while the keeper believed it expired", async () => {
    const store = new KeeperStore(join(dir, "late.db"));
    const feed = await newFeed();
    const faults = await proxy();
    const p = pusher(faults.url, store);
    // The first signature lands, but the RPC hides it and claims the blockhash expired: the
    // keeper signs again; the chain refuses the replay (same seq), the earlier landing is found.
    faults.inject("getSignatureStatuses", "hide-status", 3);
    faults.inject("getBlockHeight", "height-past-expiry", 1);
    const result = (await p.pushRound([item("m", feed, await tick(), 5000)]))[0]!;
    expect(result.status).toBe("landed");
    const [row] = store.pushed("m");
    expect(row).toMatchObject({ seq: 1, state: "landed" });
    expect(await chainSeq(feed)).toBe(1n);
    expect(faults.count("sendTransaction")).toBeGreaterThanOrEqual(1);
  });

  it("never reuses a sequence number after a restart, even with a store that lags the chain", async () => {
    const feed = await newFeed();
    const path = join(dir, "restart.db");
    let store = new KeeperStore(path);
    await pusher(net.rpcUrl, store).pushRound([item("m", feed, await tick(), 5000)]);
    // Killed right after reserving the next number (before signing): the number is burnt, not reused.
    store.reserveSeqs(feed.toBase58(), 1);
    store.close();
    store = new KeeperStore(path);
    const again = (await pusher(net.rpcUrl, store).pushRound([item("m", feed, await tick(), 5000)]))[0]!;
    expect(again).toMatchObject({ status: "landed", seq: 3n });
    // A fresh store (lost disk): numbering restarts above the chain's seq.
    const fresh = new KeeperStore(join(dir, "fresh.db"));
    const third = (await pusher(net.rpcUrl, fresh).pushRound([item("m", feed, await tick(), 5000)]))[0]!;
    expect(third).toMatchObject({ status: "landed", seq: 4n });
    expect(await chainSeq(feed)).toBe(4n);
  });
});
