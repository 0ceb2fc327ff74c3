/**
 * What the keeper's localnet suites (keeper app, live run, abandon) share: a localnet with the
 * oracle (two signers, their key files in a temp dir) and the exchange initialised, the keeper
 * config they start from, an oracle clock that moves the chain one second per round, and the
 * end-of-match check that every signed update landed in order and the chain audits identical.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ProgramIds } from "@futstar/sdk";
import { Keypair, type PublicKey, SYSVAR_CLOCK_PUBKEY } from "@solana/web3.js";
import { expect } from "vitest";
import { type AuditReport, type ChainFeedSnapshot, audit } from "../../src/chain/audit.js";
import { readFeed } from "../../src/chain/feed-reader.js";
import { RpcPool } from "../../src/chain/rpc-pool.js";
import { clockUnixTimestamp } from "../../src/chain/sdk-adapter.js";
import type { KeeperStore, PushedUpdate } from "../../src/store/keeper-store.js";
import { initExchange, initOracle, type RunningLocalnet, startLocalnet, timeTravel } from "../chain/localnet.js";

export interface KeeperLocalnet {
  readonly net: RunningLocalnet;
  readonly ids: ProgramIds;
  readonly mint: PublicKey;
  readonly signers: readonly Keypair[];
  /** Temp dir holding `signer0.json`, `signer1.json`; relative config paths resolve here. */
  readonly dir: string;
}

export async function startKeeperLocalnet(dirPrefix: string): Promise<KeeperLocalnet> {
  const signers = [Keypair.generate(), Keypair.generate()];
  const dir = mkdtempSync(join(tmpdir(), dirPrefix));
  const net = await startLocalnet(50);
  await initOracle(net, signers);
  const { ids, mint } = await initExchange(net);
  signers.forEach((s, i) => writeFileSync(join(dir, `signer${i}.json`), JSON.stringify([...s.secretKey])));
  return { net, ids, mint, signers, dir };
}

/** The raw keeper config (as in keeper.json) for this localnet; `fields` add or replace keys. */
export function keeperConfigFor(k: KeeperLocalnet, fields: Record<string, unknown>): Record<string, unknown> {
  return {
    rpcUrls: [k.net.rpcUrl],
    dbPath: "keeper.db",
    keypairs: { payer: k.net.upgradeAuthorityKeypair, operator: k.net.upgradeAuthorityKeypair, oracleSigners: ["signer0.json", "signer1.json"] },
    programs: { oracle: k.ids.momentumOracle.toBase58(), futstar: k.ids.futstar.toBase58() },
    collateralMint: k.mint.toBase58(),
    priorityFee: { source: "recent" },
    http: { port: 0 },
    pushIntervalMs: 10,
    crankIntervalMs: 200,
    ...fields,
  };
}

/** The chain clock's unix time. */
export async function chainNowTs(net: RunningLocalnet): Promise<bigint> {
  const clock = await new RpcPool([net.rpcUrl]).connection.getAccountInfo(SYSVAR_CLOCK_PUBKEY);
  if (!clock) throw new Error("Clock sysvar not found");
  return clockUnixTimestamp(clock.data);
}

/** An oracle clock for the keeper app: each round moves the chain one second on (`onRound` first). */
export async function secondPerRoundClock(net: RunningLocalnet, onRound: () => void = () => {}): Promise<() => Promise<bigint>> {
  let ts = await chainNowTs(net);
  return async () => {
    onRound();
    ts += 1n;
    await timeTravel(net, ts);
    return ts;
  };
}

/**
 * Every update signed for the match landed, numbered 1, 2, 3, ...; the chain's feed holds the
 * last one with `status`; the stored log recomputes to the pushed series and the chain's ring.
 */
export async function expectLandedInOrderAndAudited(net: RunningLocalnet, store: KeeperStore, matchKey: string, feed: PublicKey, status: number): Promise<{ pushed: PushedUpdate[]; chain: ChainFeedSnapshot | null; report: AuditReport }> {
  const pushed = store.pushed(matchKey);
  expect(pushed.filter((u) => u.state !== "landed").map((u) => `${u.seq} ${u.period}/${u.tMs} ${u.state} ${u.error}`)).toEqual([]);
  expect(pushed.map((u) => u.seq)).toEqual(pushed.map((_, i) => i + 1));
  const chain = await readFeed(new RpcPool([net.rpcUrl]), feed);
  expect(chain?.seq).toBe(BigInt(pushed.length));
  expect(chain?.status).toBe(status);
  const report = audit(store.changesWithTick(matchKey), pushed, chain);
  expect(report.differences).toEqual([]);
  return { pushed, chain, report };
}
