/**
 * `npm run bench:localnet` (benchmark, not a test): on the real localnet,
 *   tx_per_sec — open/close transactions (request open, fill open, request close, fill close)
 *                sent through JSON-RPC and confirmed, sustained over several rounds;
 *   ws_p99_ms  — oracle update sent (sendTransaction) → account notification on the WebSocket.
 * Each line says the slot time used. Env: BENCH_SLOT_MS (default 20), BENCH_TRADERS (200),
 * BENCH_ROUNDS (3), BENCH_PUSHES (200).
 */
import { performance } from "node:perf_hooks";

import {
  FeedStatus,
  type ProgramIds,
  decodeOracleAccount,
  feedCreate,
  feedPda,
  oraclePushInstructions,
  poolCreate,
  poolPda,
  positionFillClose,
  positionFillOpen,
  positionPda,
  positionRequestClose,
  positionRequestOpen,
  sendInstructions,
  traderInit,
  traderPda,
} from "@futstar/sdk";
import { createAssociatedTokenAccountIdempotentInstruction, createMintToInstruction, getAssociatedTokenAddressSync } from "@solana/spl-token";
import { Connection, Keypair, SystemProgram, Transaction, type TransactionInstruction, sendAndConfirmTransaction } from "@solana/web3.js";

import { IN_PLAY_DELAY_S, createExchange, initOracle, provideLiquidity, retryingExpiry } from "../../scripts/demo/market.js";
import { timeTravel } from "../localnet/cheatcodes.js";
import { programIds } from "../localnet/exchange-init.js";
import { startLocalnet } from "../localnet/spawn.js";
import { chainNow } from "./chain-clock.js";
import { E2E_ADMIN_TOKENS, E2E_LIMITS } from "./market.js";

const env = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);
const SLOT_MS = env("BENCH_SLOT_MS", 20);
const TRADERS = env("BENCH_TRADERS", 200);
const ROUNDS = env("BENCH_ROUNDS", 3);
const PUSHES = env("BENCH_PUSHES", 200);

const net = await startLocalnet({ slotTimeMs: SLOT_MS });
const connection = new Connection(net.rpcUrl, { commitment: "confirmed", wsEndpoint: net.wsUrl });
const admin = net.authority;
const ids: ProgramIds = programIds(net);
const signer = Keypair.generate();

/** Polls statuses until every signature is confirmed or `windowMs` passes; throws on a failed one. */
async function confirmAll(signatures: readonly string[], windowMs: number): Promise<Set<string>> {
  const done = new Set<string>();
  const deadline = performance.now() + windowMs;
  while (done.size < signatures.length && performance.now() < deadline) {
    const pending = signatures.filter((s) => !done.has(s));
    for (let k = 0; k < pending.length; k += 256) {
      const batch = pending.slice(k, k + 256);
      const { value } = await connection.getSignatureStatuses(batch);
      value.forEach((st, j) => {
        if (!st || (st.confirmationStatus !== "confirmed" && st.confirmationStatus !== "finalized")) return;
        if (st.err !== null) throw new Error(`transaction ${batch[j]} failed on chain: ${JSON.stringify(st.err)}`);
        done.add(batch[j]!);
      });
    }
    if (done.size < signatures.length) await new Promise((r) => setTimeout(r, 5));
  }
  if (signatures.length === 1 && done.size === 0) throw new Error("Blockhash not found (not confirmed in time)");
  return done;
}

try {
  await initOracle(connection, ids, admin, [signer.publicKey]);
  const matchId = new Uint8Array(32).fill(7);
  const feed = feedPda(ids.momentumOracle, matchId)[0];
  await retryingExpiry(() => sendAndConfirmTransaction(connection, new Transaction().add(feedCreate(ids, { admin: admin.publicKey, matchId, homeTeam: "Bench Home", awayTeam: "Bench Away" })), [admin], { commitment: "confirmed" }));
  let seq = 0n;
  // The feed's creation time: the first update must come later for the index to move.
  let lastTs = await chainNow(connection);
  /** One oracle update at a fresh second; returns the signed transaction bytes (not sent). */
  const nextPush = async (advanceS = 0n): Promise<Buffer> => {
    const now = (await chainNow(connection)) + advanceS;
    const ts = now > lastTs ? now : lastTs + 1n;
    if (ts > now) await timeTravel(net.rpcUrl, { absoluteTimestamp: Number(ts) * 1000 });
    lastTs = ts;
    seq += 1n;
    const tx = new Transaction().add(...oraclePushInstructions(ids, [{ feed, seq, ts, status: FeedStatus.Live, suspended: false, indexBps: 5000 + Number(seq % 50n), components: [5000, 5000, 5000, 5000, 5000] }], [signer]));
    tx.feePayer = admin.publicKey;
    tx.recentBlockhash = (await connection.getLatestBlockhash("confirmed")).blockhash;
    tx.sign(admin);
    return tx.serialize();
  };
  /** Pushes an update `advanceS` seconds ahead of the chain clock (moved there first). */
  const push = async (advanceS = 0n): Promise<void> => {
    const raw = await nextPush(advanceS);
    await retryingExpiry(async () => {
      const sig = await connection.sendRawTransaction(raw, { skipPreflight: false, preflightCommitment: "confirmed" });
      await confirmAll([sig], 3000);
    });
  };
  await push();

  const market = await createExchange(connection, ids, admin, E2E_ADMIN_TOKENS, E2E_LIMITS);
  await retryingExpiry(() => sendInstructions(connection, ids, [poolCreate(ids, { admin: admin.publicKey, feed, collateralMint: market.mint })], [admin]));
  const pool = poolPda(ids.futstar, feed)[0];
  await provideLiquidity(connection, ids, admin, market.adminToken, pool, 5_000_000_000n);

  // Traders: funded, with collateral, registered — a few per setup transaction.
  const traders = Array.from({ length: TRADERS }, () => Keypair.generate());
  const tokens = traders.map((t) => getAssociatedTokenAddressSync(market.mint, t.publicKey));
  for (let i = 0; i < TRADERS; i += 4) {
    const group = traders.slice(i, i + 4);
    const ixs = group.flatMap((t, k) => [
      SystemProgram.transfer({ fromPubkey: admin.publicKey, toPubkey: t.publicKey, lamports: 100_000_000 }),
      createAssociatedTokenAccountIdempotentInstruction(admin.publicKey, tokens[i + k]!, t.publicKey, market.mint),
      createMintToInstruction(market.mint, tokens[i + k]!, admin.publicKey, 100_000_000n),
    ]);
    await retryingExpiry(() => sendAndConfirmTransaction(connection, new Transaction().add(...ixs), [admin], { commitment: "confirmed" }));
    await retryingExpiry(() => sendAndConfirmTransaction(connection, new Transaction().add(...group.map((t) => traderInit(ids, { owner: t.publicKey, pool }))), [admin, ...group], { commitment: "confirmed" }));
  }

  /**
   * Signs one transaction per trader, sends them all, waits until every one is confirmed; those
   * the chain never saw (blockhash gone) are signed again with a fresh one.
   */
  const burst = async (build: (i: number) => { ixs: TransactionInstruction[]; signers: Keypair[] }): Promise<number> => {
    let todo = traders.map((_, i) => i);
    while (todo.length > 0) {
      const { blockhash } = await connection.getLatestBlockhash("confirmed");
      const signed = todo.map((i) => {
        const { ixs, signers } = build(i);
        const tx = new Transaction({ feePayer: signers[0]!.publicKey, recentBlockhash: blockhash }).add(...ixs);
        tx.sign(...signers);
        return { i, raw: tx.serialize() };
      });
      const signatures = await Promise.all(signed.map((s) => connection.sendRawTransaction(s.raw, { skipPreflight: true, maxRetries: 0 })));
      const landed = await confirmAll(signatures, 4000);
      todo = signed.filter((_, k) => !landed.has(signatures[k]!)).map((s) => s.i);
    }
    return traders.length;
  };

  let confirmed = 0;
  let busyMs = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const id = BigInt(round);
    const accounts = (i: number) => {
      const owner = traders[i]!.publicKey;
      const trader = traderPda(ids.futstar, pool, owner)[0];
      return { pool, feed, position: positionPda(ids.futstar, trader, id)[0], trader, ownerToken: tokens[i]! };
    };
    const timed = async (work: () => Promise<number>): Promise<void> => {
      const t0 = performance.now();
      confirmed += await work();
      busyMs += performance.now() - t0;
    };
    await timed(() => burst((i) => ({ ixs: [positionRequestOpen(ids, { owner: traders[i]!.publicKey, pool, feed, positionId: id, ownerToken: tokens[i]!, side: i % 2, leverage: 2, collateral: 100_000n, durationS: 300 })], signers: [traders[i]!] })));
    await push(BigInt(IN_PLAY_DELAY_S)); // a sample past the in-play delay: fills may price
    await timed(() => burst((i) => ({ ixs: [positionFillOpen(ids, accounts(i))], signers: [admin] })));
    await timed(() => burst((i) => ({ ixs: [positionRequestClose(ids, { owner: traders[i]!.publicKey, position: accounts(i).position })], signers: [traders[i]!] })));
    await push(BigInt(IN_PLAY_DELAY_S));
    await timed(() => burst((i) => ({ ixs: [positionFillClose(ids, accounts(i))], signers: [admin] })));
  }
  console.log(`tx_per_sec ${Math.round((confirmed / busyMs) * 1000)} (slot_time_ms ${SLOT_MS}; ${confirmed} open/close transactions confirmed in ${Math.round(busyMs)} ms, ${TRADERS} traders x ${ROUNDS} rounds)`);

  // WebSocket latency: update sent -> subscriber notified.
  const latencies: number[] = [];
  const sendReturned: number[] = [];
  let waiting: { seq: bigint; resolve: () => void } | null = null;
  const sub = connection.onAccountChange(feed, (info) => {
    const current = BigInt(decodeOracleAccount("feed", info.data).seq.toString());
    if (waiting && current >= waiting.seq) waiting.resolve();
  }, { commitment: "processed" });
  for (let i = 0; i < PUSHES; i++) {
    const raw = await nextPush();
    const notified = new Promise<void>((resolve) => (waiting = { seq, resolve }));
    const t0 = performance.now();
    await connection.sendRawTransaction(raw, { skipPreflight: true, maxRetries: 0 });
    sendReturned.push(performance.now() - t0);
    await notified;
    latencies.push(performance.now() - t0);
  }
  await connection.removeAccountChangeListener(sub);
  const pct = (values: number[], q: number): number => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  };
  console.log(
    `ws_p99_ms ${pct(latencies, 0.99).toFixed(1)} (slot_time_ms ${SLOT_MS}; p50 ${pct(latencies, 0.5).toFixed(1)} ms over ${PUSHES} oracle updates, commitment processed; sendTransaction itself returned after p50 ${pct(sendReturned, 0.5).toFixed(1)} / p99 ${pct(sendReturned, 0.99).toFixed(1)} ms)`,
  );
} finally {
  await net.stop();
}
