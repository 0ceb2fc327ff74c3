/**
 * `futstar-keeper abandon` against the real localnet and programs. Given a keeper that created a
 * synthetic match's feed and pool and pushed its first seconds Live, and a trader with an open
 * request in the pool, when the operator abandons the match, then the feed is Abandoned, the
 * request is voided with its whole escrow refunded and the pool is closed; abandoning again
 * skips both steps; the stored series still audits identical against the chain.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { PositionStatus, fetchFutstarAccount, math, poolCreate, poolPda, positionPda, positionRequestOpen, positionStatusOf, traderInit, traderPda } from "@futstar/sdk";
import { Connection, PublicKey } from "@solana/web3.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFeed } from "../../src/chain/feed-reader.js";
import { FeedStatus, type FeedStatusCode } from "../../src/chain/oracle-codec.js";
import { feedCreateInstruction, oracleCodec } from "../../src/chain/oracle-message.js";
import { OraclePusher } from "../../src/chain/oracle-pusher.js";
import { ZeroFeeSource } from "../../src/chain/priority-fee.js";
import { TxSender } from "../../src/chain/tx-sender.js";
import { PoolStatus } from "../../src/chain/pool-void.js";
import { RpcPool } from "../../src/chain/rpc-pool.js";
import { runCli } from "../../src/cli/run.js";
import { parseConfig } from "../../src/ops/config.js";
import { configuredAdapter, startKeeperApp } from "../../src/ops/keeper-app.js";
import { jsonLogger } from "../../src/ops/log.js";
import { KeeperStore } from "../../src/store/keeper-store.js";
import { recordingIo } from "../cli/fake-io.js";
import { fundedWallet, sendOk, timeTravel } from "../chain/localnet.js";
import { type KeeperLocalnet, chainNowTs, keeperConfigFor, secondPerRoundClock, startKeeperLocalnet } from "./keeper-localnet.js";

let k: KeeperLocalnet;
let connection: Connection;

beforeAll(async () => {
  k = await startKeeperLocalnet("keeper-abandon-");
  connection = new Connection(k.net.rpcUrl, "confirmed");
}, 600_000);

afterAll(async () => {
  await k?.net.stop();
});

function keeperConfig(operator: string | undefined): Record<string, unknown> {
  const config = keeperConfigFor(k, { oracleClock: "chain", matches: [{ key: "synthetic-7", source: "synthetic:7", speed: 1 }] });
  return { ...config, keypairs: { payer: k.net.upgradeAuthorityKeypair, ...(operator ? { operator } : {}), oracleSigners: ["signer0.json", "signer1.json"] } };
}

/** Runs the keeper until `rounds` oracle seconds were pushed (the chain clock moved one second each). */
async function runKeeperFor(rounds: number): Promise<void> {
  const config = parseConfig(keeperConfig(k.net.upgradeAuthorityKeypair), {}, k.dir);
  const stop = new AbortController();
  let calls = 0;
  const app = await startKeeperApp(config, {
    log: jsonLogger(() => {}, "error"),
    signal: stop.signal,
    adapter: configuredAdapter,
    oracleClock: await secondPerRoundClock(k.net, () => {
      if (++calls >= rounds) stop.abort();
    }),
  });
  await app.done;
}

async function tokenBalance(account: PublicKey): Promise<bigint> {
  return BigInt((await connection.getTokenAccountBalance(account, "confirmed")).value.amount);
}

describe("futstar-keeper abandon on the real localnet", () => {
  it("pushes Abandoned, voids the pool's open request with a full refund, and skips the second time", async () => {
    await runKeeperFor(8);
    const store = new KeeperStore(join(k.dir, "keeper.db"));
    const match = store.match("synthetic-7")!;
    store.close();
    const feed = new PublicKey(match.feed!);
    const pool = new PublicKey(match.pool!);
    const before = await readFeed(new RpcPool([k.net.rpcUrl]), feed);
    expect(before?.status).toBe(FeedStatus.Live);
    const seq = Number(before!.seq) + 1;

    // A trader's open request: its collateral + open fee sit in the vault until a fill.
    const { owner, token } = await fundedWallet(k.net, k.mint, 1_000_000n);
    const request = positionRequestOpen(k.ids, { owner: owner.publicKey, pool, feed, positionId: 0n, ownerToken: token, side: math.Side.Long, leverage: 2, collateral: 100_000n, durationS: 60 });
    await sendOk(k.net, [traderInit(k.ids, { owner: owner.publicKey, pool }), request], [owner]);
    expect(await tokenBalance(token)).toBeLessThan(1_000_000n);
    const position = positionPda(k.ids.futstar, traderPda(k.ids.futstar, pool, owner.publicKey)[0], 0n)[0];

    // Given no operator key, the command refuses and names the field.
    writeFileSync(join(k.dir, "no-operator.json"), JSON.stringify(keeperConfig(undefined)));
    const refused = recordingIo(k.dir);
    expect(await runCli(["abandon", "synthetic-7", "--config", "no-operator.json"], refused)).toBe(1);
    expect(refused.err.join("")).toMatch(/keypairs\.operator: missing/);

    writeFileSync(join(k.dir, "keeper.json"), JSON.stringify(keeperConfig(k.net.upgradeAuthorityKeypair)));
    const io = recordingIo(k.dir);
    expect(await runCli(["abandon", "synthetic-7", "--config", "keeper.json"], io)).toBe(0);
    const text = io.out.join("");
    expect(text).toMatch(new RegExp(`Abandoned pushed \\(seq ${seq},`));
    expect(text).toMatch(/voided 1 live position\(s\) in 1 transaction\(s\)/);

    const chain = await readFeed(new RpcPool([k.net.rpcUrl]), feed);
    expect(chain?.status).toBe(FeedStatus.Abandoned);
    expect(chain?.seq).toBe(BigInt(seq));
    expect(await tokenBalance(token)).toBe(1_000_000n);
    const voided = await fetchFutstarAccount(connection, k.ids, "position", position, "confirmed");
    expect(positionStatusOf(voided!)).toBe(PositionStatus.Voided);
    const poolAccount = await fetchFutstarAccount(connection, k.ids, "pool", pool, "confirmed");
    expect(Number(poolAccount!.status)).toBe(PoolStatus.Closed);

    // Again: nothing left to do, nothing fails.
    const again = recordingIo(k.dir);
    expect(await runCli(["abandon", "synthetic-7", "--config", "keeper.json", "--json"], again)).toBe(0);
    const report = JSON.parse(again.out.join(""));
    expect(report.push).toEqual({ state: "skipped", reason: "feed already Abandoned" });
    expect(report.void).toMatchObject({ state: "skipped", reason: expect.stringMatching(/already voided/) });
    expect((await readFeed(new RpcPool([k.net.rpcUrl]), feed))?.seq).toBe(BigInt(seq));

    // The Abandoned update is stored like any other: the audit still says identical.
    const audit = recordingIo(k.dir);
    expect(await runCli(["recompute", "synthetic-7", "--db", "keeper.db", "--rpc", k.net.rpcUrl], audit)).toBe(0);
    expect(audit.out.join("")).toMatch(/identical/);
    const after = new KeeperStore(join(k.dir, "keeper.db"));
    expect(after.match("synthetic-7")?.status).toBe(FeedStatus.Abandoned);
    expect(after.pushed("synthetic-7").at(-1)).toMatchObject({ seq, status: FeedStatus.Abandoned, state: "landed" });
    // The voided position is recorded as crank work, once: the second run left it as it was.
    const voids = after.cranks().filter((c) => c.kind.startsWith("void_"));
    expect(voids).toEqual([{ kind: "void_position", account: position.toBase58(), dueTs: Number(chain!.lastUpdateTs), state: "done", signature: expect.any(String), attempts: 1, lastError: null }]);
    after.close();

    // A match the store does not know is an error naming it.
    const unknown = recordingIo(k.dir);
    expect(await runCli(["abandon", "nope", "--config", "keeper.json"], unknown)).toBe(1);
    expect(unknown.err.join("")).toMatch(/match 'nope' is not in .*known: synthetic-7/);
  });

  it("refuses a feed that Ended; voids the pool of a feed already Abandoned (the push is skipped)", async () => {
    const store = new KeeperStore(join(k.dir, "keeper.db"));
    const pusher = new OraclePusher({ store, sender: new TxSender(new RpcPool([k.net.rpcUrl]), k.net.authority, new ZeroFeeSource(), { pollMs: 30 }), codec: oracleCodec(k.ids), signers: k.signers, chainSeq: async (f) => (await readFeed(new RpcPool([k.net.rpcUrl]), f))?.seq ?? 0n });
    let ts = await chainNowTs(k.net);
    /** A feed (and pool) the store knows under `key`, pushed through `statuses`. */
    const matchWith = async (key: string, statuses: FeedStatusCode[]): Promise<PublicKey> => {
      const matchId = new Uint8Array(32).fill(key.length);
      matchId[0] = key.charCodeAt(0);
      const { feed, instruction } = feedCreateInstruction(k.ids, k.net.authority.publicKey, { matchId, home: "Home", away: "Away" });
      await sendOk(k.net, [instruction, poolCreate(k.ids, { admin: k.net.authority.publicKey, feed, collateralMint: k.mint })], []);
      store.upsertMatch({ matchKey: key, matchId: Buffer.from(matchId).toString("hex"), provider: "synthetic", home: "Home", away: "Away", source: null });
      store.setMatchAccounts(key, feed.toBase58(), poolPda(k.ids.futstar, feed)[0].toBase58());
      for (const [i, status] of statuses.entries()) {
        ts += 1n;
        await timeTravel(k.net, ts);
        const [r] = await pusher.pushRound([{ matchKey: key, feed, period: 1, tMs: i * 1000, computedAtMs: Date.now(), update: { ts, status, suspended: false, indexBps: 5000, components: [5000, 5000, 5000, 5000, 5000] } }]);
        expect(r?.status).toBe("landed");
      }
      return feed;
    };
    await matchWith("ended", [FeedStatus.Live, FeedStatus.Ended]);
    await matchWith("gone", [FeedStatus.Live, FeedStatus.Abandoned]);
    store.close();

    const ended = recordingIo(k.dir);
    expect(await runCli(["abandon", "ended", "--config", "keeper.json"], ended)).toBe(1);
    expect(ended.err.join("")).toMatch(/has Ended: an ended match is final and cannot be abandoned/);

    const gone = recordingIo(k.dir);
    expect(await runCli(["abandon", "gone", "--config", "keeper.json", "--json"], gone)).toBe(0);
    const report = JSON.parse(gone.out.join(""));
    expect(report.push).toEqual({ state: "skipped", reason: "feed already Abandoned" });
    // No position: one empty pool_void closes the pool.
    expect(report.void).toMatchObject({ state: "voided", positions: 0, transactions: 1 });
    const poolAccount = await fetchFutstarAccount(connection, k.ids, "pool", new PublicKey(report.void.pool), "confirmed");
    expect(Number(poolAccount!.status)).toBe(PoolStatus.Closed);
    const after = new KeeperStore(join(k.dir, "keeper.db"));
    expect(after.crank("void_pool", report.void.pool)).toMatchObject({ state: "done", attempts: 1 });
    after.close();
  });
});
