/**
 * The SDK against the real local chain (`futstar-localnet`: surfnet with both programs deployed
 * through the upgradeable loader), through the unmodified web3.js `Connection`:
 * `sendInstructions` (success, and a program failure decoded), feed and position subscriptions
 * over the WebSocket, and the memcmp fetchers over `getProgramAccounts`.
 */
import { ACCOUNT_SIZE, MINT_SIZE, TOKEN_PROGRAM_ID, createInitializeAccount3Instruction, createInitializeMint2Instruction, createMintToInstruction } from "@solana/spl-token";
import { Connection, Keypair, PublicKey, SYSVAR_CLOCK_PUBKEY, SystemProgram } from "@solana/web3.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type Localnet, START_TIMEOUT_MS, STOP_TIMEOUT_MS, startLocalnet } from "../../tests/localnet/spawn.js";
import {
  type ExchangeConfigInput,
  type Feed,
  FeedStatus,
  FutstarClient,
  FutstarTransactionError,
  type OracleUpdate,
  type Position,
  PositionStatus,
  type ProgramIds,
  exchangeInit,
  feedCreate,
  lpMintPda,
  math,
  oracleConfigInit,
  oraclePushInstructions,
  poolCreate,
  poolDeposit,
  positionRequestOpen,
  positionStatusOf,
  sendInstructions,
  traderInit,
} from "../src/index.js";

let net: Localnet;
let connection: Connection;

let ids: ProgramIds;
let client: FutstarClient;
const oracleSigner = Keypair.generate();

beforeAll(async () => {
  net = await startLocalnet({ slotTimeMs: 50 });
  connection = new Connection(net.rpcUrl, { commitment: "confirmed", wsEndpoint: net.wsUrl });
  ids = { futstar: new PublicKey(net.programs.futstar.programId), momentumOracle: new PublicKey(net.programs.momentum_oracle.programId) };
  client = new FutstarClient({ connection, programIds: ids });
}, START_TIMEOUT_MS);

afterAll(async () => {
  if (net === undefined) return;
  expect(await net.stop()).toEqual({ code: 0, signal: null });
}, STOP_TIMEOUT_MS);

/** The chain's Clock unix time (the oracle checks update times against it). */
async function chainNow(): Promise<bigint> {
  const info = await connection.getAccountInfo(SYSVAR_CLOCK_PUBKEY, "confirmed");
  if (info === null) throw new Error("clock sysvar missing");
  return info.data.readBigInt64LE(32);
}

/** Resolves with the first value `subscribe` delivers that satisfies `accept`, or rejects after `timeoutMs`. */
function nextValue<T>(what: string, subscribe: (deliver: (value: T) => void) => () => Promise<void>, accept: (value: T) => boolean, timeoutMs = 15_000): { value: Promise<T>; stop: () => Promise<void> } {
  let stop: () => Promise<void> = async () => undefined;
  const value = new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: no notification within ${timeoutMs} ms`)), timeoutMs);
    stop = subscribe((v) => {
      if (!accept(v)) return;
      clearTimeout(timer);
      resolve(v);
    });
  });
  return { value, stop: () => stop() };
}

/** A new SPL mint (authority = payer), created and initialized through the SDK's sender. */
async function newMint(payer: Keypair): Promise<PublicKey> {
  const mint = Keypair.generate();
  const lamports = await connection.getMinimumBalanceForRentExemption(MINT_SIZE);
  await client.send([SystemProgram.createAccount({ fromPubkey: payer.publicKey, newAccountPubkey: mint.publicKey, lamports, space: MINT_SIZE, programId: TOKEN_PROGRAM_ID }), createInitializeMint2Instruction(mint.publicKey, 6, payer.publicKey, null)], [payer, mint]);
  return mint.publicKey;
}

/** A token account of `mint` owned by `owner`, optionally minted `amount` (payer = mint authority). */
async function newTokenAccount(payer: Keypair, mint: PublicKey, owner: PublicKey, amount = 0n): Promise<PublicKey> {
  const account = Keypair.generate();
  const lamports = await connection.getMinimumBalanceForRentExemption(ACCOUNT_SIZE);
  await client.send(
    [
      SystemProgram.createAccount({ fromPubkey: payer.publicKey, newAccountPubkey: account.publicKey, lamports, space: ACCOUNT_SIZE, programId: TOKEN_PROGRAM_ID }),
      createInitializeAccount3Instruction(account.publicKey, mint, owner),
      ...(amount > 0n ? [createMintToInstruction(mint, account.publicKey, payer.publicKey, amount)] : []),
    ],
    [payer, account],
  );
  return account.publicKey;
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let lastTs = 0n;
/** A chain time strictly after the previous update's (the oracle rate-limits index moves per elapsed second). */
async function nextTs(): Promise<bigint> {
  for (let i = 0; i < 50; i += 1) {
    const now = await chainNow();
    if (now > lastTs) return (lastTs = now);
    await settle(100);
  }
  throw new Error(`chain clock stuck at ${lastTs}`);
}

describe("SDK on the real localnet (surfnet + deployed programs)", () => {
  let feed: PublicKey;
  let seq = 0n;
  const update = (ts: bigint, indexBps: number): OracleUpdate => ({ feed, seq: (seq += 1n), ts, status: FeedStatus.Live, suspended: false, indexBps, components: [indexBps, 5000, 5000, 5000, 5000] });

  it("sendInstructions: oracle config + feed, then a signed update arrives on the feed subscription", async () => {
    const admin = net.authority;
    const params = { admin: admin.publicKey, signers: [oracleSigner.publicKey], quorum: 1, maxMoveBpsPerSec: 1000, maxStalenessS: 60, maxFutureSkewS: 5, timelockDelayS: 3600 };
    const initSig = await sendInstructions(connection, ids, [oracleConfigInit(ids, { authority: admin.publicKey, params })], [admin]);
    expect(typeof initSig).toBe("string");
    await client.send([feedCreate(ids, { admin: admin.publicKey, matchId: "localnet-final", homeTeam: "France", awayTeam: "Croatia" })], [admin]);
    feed = client.feedAddress("localnet-final");
    const created = await client.fetchOracle("feed", feed);
    expect(created?.status).toBe(FeedStatus.Scheduled);
    // A new feed's last_update_ts is its creation time: the move limit counts from there.
    lastTs = BigInt(created!.lastUpdateTs.toString());

    const seen = nextValue<Feed>("feed subscription", (deliver) => client.onFeed(feed, { onChange: deliver, onError: (e) => { throw e; } }), (f) => f.indexBps === 5100);
    await settle(300);
    const push = oraclePushInstructions(ids, [update(await nextTs(), 5100)], [oracleSigner]);
    const started = performance.now();
    await client.send(push, [admin]);
    const notified = await seen.value;
    console.log(`feed update sent → subscriber notified: ${(performance.now() - started).toFixed(1)} ms (incl. confirmation)`);
    await seen.stop();
    expect(BigInt(notified.seq.toString())).toBe(seq);
    expect(notified.status).toBe(FeedStatus.Live);
    expect((await client.feedsByStatus(FeedStatus.Live)).map((k) => k.address.toBase58())).toEqual([feed.toBase58()]);
  });

  it("sendInstructions: a program failure throws FutstarTransactionError with the IDL's name", async () => {
    // Same seq, different bytes (an identical transaction would just be the earlier one landing again).
    const replay = { feed, seq, ts: await nextTs(), status: FeedStatus.Live, suspended: false, indexBps: 5099, components: [5099, 5000, 5000, 5000, 5000] };
    const error = await sendInstructions(connection, ids, oraclePushInstructions(ids, [replay], [oracleSigner]), [net.authority]).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FutstarTransactionError);
    expect((error as FutstarTransactionError).decoded).toMatchObject({ program: "momentumOracle", name: "SeqNotIncreasing", code: 6028 });
    // Not a program failure (unknown account as fee payer): rethrown unchanged.
    const unfunded = Keypair.generate();
    await expect(sendInstructions(connection, ids, [oracleConfigInit(ids, { authority: unfunded.publicKey, params: { admin: unfunded.publicKey, signers: [unfunded.publicKey], quorum: 1, maxMoveBpsPerSec: 1, maxStalenessS: 1, maxFutureSkewS: 0, timelockDelayS: 60 } })], [unfunded])).rejects.not.toBeInstanceOf(FutstarTransactionError);
  });

  it("position subscriptions (by address and by owner) and fetchers see a request open", async () => {
    const admin = net.authority;
    const config: ExchangeConfigInput = {
      admin: admin.publicKey,
      guardian: admin.publicKey,
      oracleProgram: ids.momentumOracle,
      treasury: Keypair.generate().publicKey,
      openFeeBps: 10,
      closeFeeBps: 10,
      lpFeeShareBps: 7000,
      timelockDelayS: 3600,
      defaultLimits: { maxLeverage: 20, inplayDelayS: 5, maxStalenessS: 60, minOpenIntervalSlots: 0, maxOpenPositions: 10, minCollateral: 1_000n, maxNotional: 1_000_000_000n, maxOiPerSide: 10_000_000_000n, maxSkew: 10_000_000_000n, maxPayout: 100_000_000n, durations: [60, 300] },
    };
    await client.send([exchangeInit(ids, { payer: admin.publicKey, config })], [admin]);
    const mint = await newMint(admin);
    await client.send([poolCreate(ids, { admin: admin.publicKey, feed, collateralMint: mint })], [admin]);
    const pool = client.poolAddress(feed);
    const providerToken = await newTokenAccount(admin, mint, admin.publicKey, 600_000_000n);
    const providerLp = await newTokenAccount(admin, lpMintPda(ids.futstar, pool)[0], admin.publicKey);
    await client.send([poolDeposit(ids, { provider: admin.publicKey, pool, feed, providerToken, providerLp, amount: 500_000_000n })], [admin]);

    const owner = Keypair.generate();
    const ownerToken = await newTokenAccount(admin, mint, owner.publicKey, 10_000_000n);
    // The owner pays its own rent: fund it from the authority through the SDK's sender.
    await client.send([SystemProgram.transfer({ fromPubkey: admin.publicKey, toPubkey: owner.publicKey, lamports: 1_000_000_000 })], [admin]);
    await client.send([traderInit(ids, { owner: owner.publicKey, pool })], [owner]);
    const trader = client.traderAddress(pool, owner.publicKey);
    const position = client.positionAddress(trader, 0n);

    const byAddress = nextValue<Position>("position subscription", (deliver) => client.onPosition(position, { onChange: deliver }), () => true);
    const byOwner = nextValue<Position>("owner's positions subscription", (deliver) => client.onOwnerPositions(owner.publicKey, { onChange: deliver }), () => true);
    await settle(300);
    // Keep the feed fresh for the exchange's staleness check.
    await client.send(oraclePushInstructions(ids, [update(await nextTs(), 5200)], [oracleSigner]), [admin]);
    await client.send([positionRequestOpen(ids, { owner: owner.publicKey, pool, feed, positionId: 0n, ownerToken, side: math.Side.Long, leverage: 5, collateral: 1_000_000n, durationS: 300 })], [owner]);
    const [one, all] = await Promise.all([byAddress.value, byOwner.value]);
    await Promise.all([byAddress.stop(), byOwner.stop()]);
    for (const p of [one, all]) {
      expect(positionStatusOf(p)).toBe(PositionStatus.PendingOpen);
      expect(p.owner.equals(owner.publicKey)).toBe(true);
    }

    expect((await client.positionsByOwner(owner.publicKey)).map((k) => k.address.toBase58())).toEqual([position.toBase58()]);
    expect((await client.positionsByPool(pool)).length).toBe(1);
    expect((await client.requestsAwaitingFill(pool)).map((k) => k.address.toBase58())).toEqual([position.toBase58()]);
    expect(await client.expiredPositions(await chainNow(), pool)).toEqual([]);
  });
});
