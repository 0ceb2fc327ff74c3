/**
 * RPC faults against the real localnet (Surfpool surfnet) through a fault-injecting proxy:
 * failover between URLs, RPC down then back, an unknown (expired) blockhash, a transaction the
 * chain receives twice, an answer lost after the chain took the transaction. Each transfer must
 * land exactly once: the recipient's balance says how many times it did.
 */
import { Keypair, LAMPORTS_PER_SOL, PublicKey, SystemProgram } from "@solana/web3.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Cranker, type CrankTask } from "../../src/chain/cranks.js";
import { KeeperMetrics } from "../../src/ops/metrics.js";
import { KeeperStore } from "../../src/store/keeper-store.js";
import { RecentFeesSource, ZeroFeeSource } from "../../src/chain/priority-fee.js";
import { RpcPool, RpcUnavailableError } from "../../src/chain/rpc-pool.js";
import { SendTimeoutError, TxSender } from "../../src/chain/tx-sender.js";
import { FaultProxy } from "./fault-proxy.js";
import { type RunningLocalnet, startLocalnet } from "./localnet.js";

let net: RunningLocalnet;
const proxies: FaultProxy[] = [];

beforeAll(async () => {
  net = await startLocalnet(50);
}, 600_000);

afterAll(async () => {
  for (const p of proxies) await p.close();
  await net?.stop();
});

async function proxy(): Promise<FaultProxy> {
  const p = await FaultProxy.start(net.rpcUrl);
  proxies.push(p);
  return p;
}

function transfer(to: PublicKey, lamports: number) {
  return { instructions: [SystemProgram.transfer({ fromPubkey: net.authority.publicKey, toPubkey: to, lamports })], writable: [net.authority.publicKey, to] };
}

async function balance(key: PublicKey): Promise<number> {
  return new RpcPool([net.rpcUrl]).connection.getBalance(key, "confirmed");
}

describe("tx sender and RPC pool on the real localnet", () => {
  it("fails over from a dead URL and from a 503 to a healthy one", async () => {
    const [dead, unhealthy, healthy] = [await proxy(), await proxy(), await proxy()];
    dead.mode = "refuse";
    unhealthy.mode = "http503";
    const failovers: string[] = [];
    const pool = new RpcPool([dead.url, unhealthy.url, healthy.url], { onFailover: (from, to) => failovers.push(`${from}->${to}`) });
    const sender = new TxSender(pool, net.authority, new ZeroFeeSource(), { pollMs: 50 });
    const to = Keypair.generate().publicKey;
    const outcome = await sender.send(transfer(to, LAMPORTS_PER_SOL / 100));
    expect(outcome.status).toBe("landed");
    expect(failovers).toEqual([`${dead.url}->${unhealthy.url}`, `${unhealthy.url}->${healthy.url}`]);
    expect(pool.currentUrl).toBe(healthy.url);
    expect(await balance(to)).toBe(LAMPORTS_PER_SOL / 100);
  });

  it("rides out an RPC that is down, then back, and lands once", async () => {
    const p = await proxy();
    const pool = new RpcPool([p.url], { timeoutMs: 500 });
    const sender = new TxSender(pool, net.authority, new ZeroFeeSource(), { pollMs: 50 });
    const to = Keypair.generate().publicKey;
    p.mode = "refuse";
    setTimeout(() => (p.mode = "pass"), 1500);
    const started = Date.now();
    const outcome = await sender.send(transfer(to, 1_000_000));
    expect(outcome.status).toBe("landed");
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    expect(await balance(to)).toBe(1_000_000);
    p.mode = "hang";
    await expect(pool.call((c) => c.getSlot())).rejects.toBeInstanceOf(RpcUnavailableError);
    p.mode = "pass";
  });

  it("gives up with SendTimeoutError when the RPC never comes back", async () => {
    const p = await proxy();
    p.mode = "http503";
    const sender = new TxSender(new RpcPool([p.url]), net.authority, new ZeroFeeSource(), { pollMs: 20, deadlineMs: 400 });
    await expect(sender.send(transfer(Keypair.generate().publicKey, 1000))).rejects.toBeInstanceOf(SendTimeoutError);
  });

  it("signs again with a fresh blockhash when the first one is unknown to the chain", async () => {
    const p = await proxy();
    p.inject("getLatestBlockhash", "unknown-blockhash");
    const signatures: string[] = [];
    const sender = new TxSender(new RpcPool([p.url]), net.authority, new ZeroFeeSource(), { pollMs: 50 });
    const to = Keypair.generate().publicKey;
    const outcome = await sender.send({ ...transfer(to, 2_000_000), onSigned: (s) => signatures.push(s) });
    expect(outcome).toMatchObject({ status: "landed", attempts: 2 });
    expect(signatures).toHaveLength(2);
    expect(await balance(to)).toBe(2_000_000);
  });

  it("lands once when the chain receives the transaction twice or the answer is lost", async () => {
    const p = await proxy();
    p.inject("sendTransaction", "duplicate", 3);
    const sender = new TxSender(new RpcPool([p.url]), net.authority, new ZeroFeeSource(), { pollMs: 50, resendMs: 100 });
    const to = Keypair.generate().publicKey;
    expect((await sender.send(transfer(to, 3_000_000))).status).toBe("landed");
    p.inject("sendTransaction", "drop-response", 1);
    expect((await sender.send(transfer(to, 3_000_000))).status).toBe("landed");
    expect(await balance(to)).toBe(6_000_000);
  });

  it("reports a refused transaction with its error and estimates fees from getRecentPrioritizationFees", async () => {
    const pool = new RpcPool([net.rpcUrl]);
    const poor = Keypair.generate();
    const sender = new TxSender(pool, poor, new RecentFeesSource(pool, 75), { pollMs: 50 });
    const outcome = await sender.send({ instructions: [SystemProgram.transfer({ fromPubkey: poor.publicKey, toPubkey: Keypair.generate().publicKey, lamports: 1 })], writable: [poor.publicKey] });
    expect(outcome.status).toBe("rejected");
    const fee = await new RecentFeesSource(pool, 75).microLamportsPerCu([net.authority.publicKey]);
    expect(Number.isInteger(fee) && fee >= 0).toBe(true);
  });
});

describe("cranker on the real localnet", () => {
  it("does due work once, skips work someone else did, leaves work not yet due, records failures", async () => {
    const p = await proxy();
    const pool = new RpcPool([p.url]);
    const sender = new TxSender(pool, net.authority, new ZeroFeeSource(), { pollMs: 50 });
    const store = new KeeperStore(":memory:");
    const metrics = new KeeperMetrics();
    // Each task pays out of a one-shot account: once drained, paying again fails like a settled position.
    const oneShot = Keypair.generate();
    await sender.send(transfer(oneShot.publicKey, LAMPORTS_PER_SOL / 10));
    const sink = Keypair.generate().publicKey;
    const drain = (kind: CrankTask["kind"], dueTs: number): CrankTask => ({
      kind,
      account: oneShot.publicKey,
      dueTs,
      writable: [oneShot.publicKey, sink],
      instructions: () => [SystemProgram.transfer({ fromPubkey: oneShot.publicKey, toPubkey: sink, lamports: LAMPORTS_PER_SOL / 10 })],
      signers: [oneShot],
    });
    let tasks: CrankTask[] = [drain("settle_position", 100), drain("fill_open", 500)];
    const cranker = new Cranker({
      store,
      sender,
      source: { tasks: async () => tasks },
      alreadyDone: (f) => /insufficient|debit|0x1\b|custom program error: 0x1/i.test(f.text) || f.code === 1,
      metrics,
    });
    expect(await cranker.round(200)).toEqual({ done: 1, skipped: 0, failed: 0, notDue: 1 });
    expect(await balance(sink)).toBe(LAMPORTS_PER_SOL / 10);
    // Another keeper already drained it: the same work is skipped, not an error.
    tasks = [drain("settle_position", 100)];
    expect(await cranker.round(200)).toMatchObject({ done: 0, skipped: 1, failed: 0 });
    expect(store.crank("settle_position", oneShot.publicKey.toBase58())).toMatchObject({ state: "skipped", attempts: 2 });
    p.mode = "http503";
    const failing = new Cranker({ store, sender: new TxSender(new RpcPool([p.url]), net.authority, new ZeroFeeSource(), { pollMs: 20, deadlineMs: 300 }), source: { tasks: async () => [drain("fill_close", 1)] }, alreadyDone: () => false, metrics });
    expect(await failing.round(5)).toMatchObject({ failed: 1 });
    p.mode = "pass";
    const text = await metrics.text();
    expect(text).toMatch(/futstar_keeper_settlements_total\{kind="settle_position"\} 1/);
    expect(text).toMatch(/futstar_keeper_crank_skipped_total\{kind="settle_position"\} 1/);
    expect(text).toMatch(/futstar_keeper_crank_failures_total\{kind="fill_close"\} 1/);
  });
});
