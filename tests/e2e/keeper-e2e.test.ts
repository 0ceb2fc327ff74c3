/**
 * End to end on the real local chain: localnet (surfnet) + both programs + the keeper CLI
 * replaying the World Cup 2018 final (Wyscout) at 20 match seconds per chain second, while SDK
 * clients open, close and let positions expire. The chain clock is moved one second at a time
 * (time travel), the keeper fills and settles.
 *
 * Then: every position ends settled or closed, token totals are conserved to the unit, and the
 * feed on chain equals the engine's series (the keeper's `replay --json` at every pushed tick,
 * and every ring sample).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import {
  DURATION_MATCH_END,
  FeedStatus,
  PositionStatus,
  type ProgramIds,
  decodeOracleAccount,
  feedSamples,
  fetchAllFutstar,
  math,
  positionPda,
  positionRequestClose,
  positionRequestOpen,
  positionStatusOf,
  sendInstructions,
  traderPda,
  vaultPda,
} from "@futstar/sdk";
import { TOKEN_PROGRAM_ID } from "@solana/spl-token";
import { Connection, Keypair, type PublicKey } from "@solana/web3.js";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type Exchange, createExchange, initOracle, provideLiquidity, retryingExpiry } from "../../scripts/demo/market.js";
import { programIds } from "../localnet/exchange-init.js";
import { type Localnet, repoRoot, startLocalnet } from "../localnet/spawn.js";
import { chainNow, stepChainClock } from "./chain-clock.js";
import { runKeeperCli, startKeeper } from "./keeper-process.js";
import { E2E_ADMIN_TOKENS, E2E_LIMITS, type TraderWallet, newTrader } from "./market.js";

const DATA_DIR = process.env.FUTSTAR_DATA_DIR ?? join(repoRoot, "..", "shared", "data");
const FINAL = join(DATA_DIR, "wyscout", "2058017.json");
const MATCH = "wc2018-final";
const SPEED = 20;

let net: Localnet;
let connection: Connection;
let ids: ProgramIds;
let market: Exchange;
const dir = mkdtempSync(join(tmpdir(), "futstar-e2e-"));
const signers = [Keypair.generate(), Keypair.generate()];

/** An SDK client's send, retried as wallets do when the chain moved past its blockhash (time travel jumps slots). */
async function send(instructions: Parameters<typeof sendInstructions>[2], signers: Keypair[]): Promise<void> {
  await retryingExpiry(() => sendInstructions(connection, ids, instructions, signers));
}

beforeAll(async () => {
  net = await startLocalnet({ slotTimeMs: 40 });
  connection = new Connection(net.rpcUrl, { commitment: "confirmed", wsEndpoint: net.wsUrl });
  ids = programIds(net);
  await initOracle(connection, ids, net.authority, signers.map((s) => s.publicKey));
  market = await createExchange(connection, ids, net.authority, E2E_ADMIN_TOKENS, E2E_LIMITS);
  signers.forEach((s, i) => writeFileSync(join(dir, `signer${i}.json`), JSON.stringify([...s.secretKey])));
}, 900_000);

afterAll(async () => {
  await net?.stop();
});

describe("keeper + chain + SDK clients on a real match", () => {
  it("fills, closes, expires and settles every position; tokens conserved; feed = engine", async () => {
    const configPath = join(dir, "keeper.json");
    writeFileSync(
      configPath,
      JSON.stringify({
        rpcUrls: [net.rpcUrl],
        dbPath: join(dir, "keeper.db"),
        keypairs: { payer: net.upgradeAuthorityKeypair, operator: net.upgradeAuthorityKeypair, oracleSigners: ["signer0.json", "signer1.json"] },
        programs: { oracle: ids.momentumOracle.toBase58(), futstar: ids.futstar.toBase58() },
        collateralMint: market.mint.toBase58(),
        oracleClock: "chain",
        priorityFee: { source: "recent" },
        http: { port: 0 },
        pushIntervalMs: 20,
        crankIntervalMs: 100,
        matches: [{ key: MATCH, source: FINAL, speed: SPEED }],
      }),
    );
    const keeper = startKeeper(configPath, ["--exit-when-done"]);
    await keeper.ready;

    // The keeper created the feed and the pool: find them, fund the pool, onboard traders.
    let pools = await fetchAllFutstar(connection, ids, "pool");
    for (let i = 0; pools.length === 0 && i < 100; i++) {
      await new Promise((r) => setTimeout(r, 100));
      pools = await fetchAllFutstar(connection, ids, "pool");
    }
    expect(pools).toHaveLength(1);
    const pool = pools[0]!.address;
    const feed = pools[0]!.account.feed;
    await provideLiquidity(connection, ids, net.authority, market.adminToken, pool, feed, 2_000_000_000n);
    const traders: TraderWallet[] = [];
    for (let i = 0; i < 3; i++) traders.push(await newTrader(connection, ids, net.authority, market.mint, pool, 50_000_000n));

    // The clock: one chain second per step, as long as the match runs.
    const clock = stepChainClock(net.rpcUrl, connection, 60);

    const positions: { address: PublicKey; owner: TraderWallet; closeAfter: bigint | null }[] = [];
    const nextId = new Map<TraderWallet, bigint>();
    const open = async (t: TraderWallet, side: math.Side, durationS: number, closeAfter: bigint | null): Promise<void> => {
      const id = nextId.get(t) ?? 0n;
      for (let attempt = 0; attempt < 40; attempt++) {
        try {
          await send([positionRequestOpen(ids, { owner: t.owner.publicKey, pool, feed, positionId: id, ownerToken: t.token, side, leverage: 5, collateral: 1_000_000n, durationS })], [t.owner]);
          nextId.set(t, id + 1n);
          positions.push({ address: positionPda(ids.futstar, traderPda(ids.futstar, pool, t.owner.publicKey)[0], id)[0], owner: t, closeAfter });
          return;
        } catch (err) {
          // Suspended (goal) or not live yet: the market refuses; try again a second later.
          if (!/FeedSuspended|FeedNotLive|FeedStale|RateLimited/.test(String(err))) throw err;
          await new Promise((r) => setTimeout(r, 150));
        }
      }
      throw new Error("could not open a position in 40 attempts");
    };

    const started = await chainNow(connection);
    const schedule: [bigint, () => Promise<void>][] = [
      [2n, () => open(traders[0]!, math.Side.Long, 60, 20n)], // closed by its owner
      [3n, () => open(traders[1]!, math.Side.Short, 60, null)], // expires, settled by the crank
      [4n, () => open(traders[2]!, math.Side.Long, DURATION_MATCH_END, null)], // settled at the end
      [90n, () => open(traders[0]!, math.Side.Short, 300, null)], // settled at the end (match ends first)
      [100n, () => open(traders[1]!, math.Side.Long, 60, 10n)],
    ];
    const closed = new Set<string>();
    while (keeper.child.exitCode === null) {
      const elapsed = (await chainNow(connection)) - started;
      while (schedule.length > 0 && schedule[0]![0] <= elapsed) await schedule.shift()![1]();
      for (const p of positions) {
        if (p.closeAfter === null || closed.has(p.address.toBase58())) continue;
        const info = await connection.getAccountInfo(p.address, "confirmed");
        if (!info) continue;
        const account = (await fetchAllFutstar(connection, ids, "position")).find((x) => x.address.equals(p.address))?.account;
        if (account && positionStatusOf(account) === PositionStatus.Open && (await chainNow(connection)) >= BigInt(account.entryTs.toString()) + p.closeAfter) {
          await send([positionRequestClose(ids, { owner: p.owner.owner.publicKey, position: p.address })], [p.owner.owner]);
          closed.add(p.address.toBase58());
        }
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    await clock.stop();
    const exit = await keeper.exited;
    expect(exit, keeper.lines.slice(-30).join("\n")).toEqual({ code: 0, signal: null });
    expect(schedule).toHaveLength(0);

    // Every position ends settled or closed.
    const all = await fetchAllFutstar(connection, ids, "position");
    expect(all).toHaveLength(positions.length);
    const statuses = all.map((p) => positionStatusOf(p.account));
    expect(statuses.every((s) => s === PositionStatus.Closed || s === PositionStatus.Settled), JSON.stringify(statuses)).toBe(true);
    expect(statuses.filter((s) => s === PositionStatus.Closed)).toHaveLength(2);

    // Tokens conserved to the unit: every token account of the mint adds up to the supply minted.
    const accounts = await connection.getProgramAccounts(TOKEN_PROGRAM_ID, { filters: [{ dataSize: 165 }, { memcmp: { offset: 0, bytes: market.mint.toBase58() } }] });
    const total = accounts.reduce((n, a) => n + a.account.data.readBigUInt64LE(64), 0n);
    const supply = BigInt((await connection.getTokenSupply(market.mint)).value.amount);
    expect(total).toBe(supply);
    expect(supply).toBe(10_000_000_000n + 3n * 50_000_000n);
    const balance = (key: PublicKey): bigint => accounts.find((a) => a.pubkey.equals(key))!.account.data.readBigUInt64LE(64);
    // Each trader: what they started with, minus collateral and open fees, plus payouts — to the unit.
    for (const t of traders) {
      const own = all.filter((p) => p.account.owner.equals(t.owner.publicKey));
      const spent = own.reduce((n, p) => n + BigInt(p.account.collateral.toString()) + BigInt(p.account.openFee.toString()), 0n);
      const paid = own.reduce((n, p) => n + BigInt(p.account.payout.toString()), 0n);
      expect(balance(t.token)).toBe(50_000_000n - spent + paid);
    }
    // The vault holds exactly the pool's books: liquidity + fees owed, nothing locked or escrowed.
    const poolAfter = (await fetchAllFutstar(connection, ids, "pool"))[0]!.account;
    expect(BigInt(poolAfter.collateralLocked.toString()) + BigInt(poolAfter.escrowed.toString())).toBe(0n);
    expect(balance(vaultPda(ids.futstar, pool)[0])).toBe(BigInt(poolAfter.liquidity.toString()) + BigInt(poolAfter.feesOwed.toString()));

    // The feed on chain equals the engine's series.
    const replay = await runKeeperCli(["replay", FINAL, "--json", "--speed", "max"]);
    expect(replay.code).toBe(0);
    const engine = new Map<string, { index: number; suspended: boolean }>();
    for (const line of replay.stdout.trim().split("\n")) {
      const t = JSON.parse(line) as { period: number; t_ms: number; index: number; suspended: boolean };
      engine.set(`${t.period}/${t.t_ms}`, { index: t.index, suspended: t.suspended });
    }
    const db = new Database(join(dir, "keeper.db"), { readonly: true });
    // The crank's own record: every fill and settlement ended done (or done by someone else).
    const cranks = db.prepare("SELECT kind, state, last_error FROM crank_work").all() as { kind: string; state: string; last_error: string | null }[];
    expect(cranks.filter((c) => c.state === "failed")).toEqual([]);
    expect(new Set(cranks.map((c) => c.kind))).toEqual(new Set(["fill_open", "fill_close", "settle_position", "settle_pool"]));
    const pushed = db.prepare("SELECT seq, period, t_ms, ts, index_bps, suspended, status, state, error FROM pushed_updates WHERE match_key = ? ORDER BY seq").all(MATCH) as {
      seq: number; period: number; t_ms: number; ts: number; index_bps: number; suspended: number; status: number; state: string; error: string | null;
    }[];
    db.close();
    expect(pushed.length).toBeGreaterThan(250);
    expect(pushed.filter((u) => u.state !== "landed").map((u) => `${u.seq} ${u.period}/${u.t_ms} ${u.state} ${u.error}`)).toEqual([]);
    for (const u of pushed) expect({ at: `${u.period}/${u.t_ms}`, index: u.index_bps, suspended: u.suspended === 1 }).toEqual({ at: `${u.period}/${u.t_ms}`, ...engine.get(`${u.period}/${u.t_ms}`) });
    const feedAccount = decodeOracleAccount("feed", (await connection.getAccountInfo(feed, "confirmed"))!.data);
    const ring = feedSamples(feedAccount);
    expect(ring.length).toBe(Math.min(720, pushed.length));
    const tail = pushed.slice(-ring.length);
    expect(ring.map((s) => [Number(s.ts), s.indexBps, s.suspended, s.status])).toEqual(tail.map((u) => [u.ts, u.index_bps, u.suspended === 1, u.status]));
    expect(feedAccount.status).toBe(FeedStatus.Ended);
    const audit = await runKeeperCli(["recompute", MATCH, "--db", join(dir, "keeper.db"), "--rpc", net.rpcUrl]);
    expect(audit.stdout + audit.stderr).toMatch(/identical/);
    expect(audit.code).toBe(0);
  }, 900_000);
});
