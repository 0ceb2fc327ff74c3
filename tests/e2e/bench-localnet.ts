/**
 * `npm run bench:localnet` (benchmark, not a test): on the real localnet,
 *   tx_per_sec — open/close transactions (request open, fill open, request close, fill close)
 *                sent through JSON-RPC and confirmed, sustained over several rounds;
 *   ws_p99_ms  — oracle update sent (sendTransaction) → account notification on the WebSocket.
 * Each line says the slot time used. Env: BENCH_SLOT_MS (default 20), BENCH_TRADERS (200),
 * BENCH_ROUNDS (3), BENCH_PUSHES (200), BENCH_SEND_BATCH (25), BENCH_SEND_IN_FLIGHT (4),
 * BENCH_TRACE=1 (per burst timings, CPU per transaction of client and localnet, on stderr).
 *
 * How tx_per_sec is measured (the timed window covers all of it, per transaction):
 *   - one transaction per trader and phase, each with the product's one instruction built by the
 *     SDK's wrapper, a fresh blockhash per burst;
 *   - a position's address is derived (findProgramAddress) when its open is requested; the
 *     exchange, vault and trader addresses come from the SDK's PDA memo, as for any client;
 *   - compiled (bench-message.ts) and signed with Node's native Ed25519 inside the window;
 *   - sent with skipPreflight (the node still verifies every signature and executes each
 *     transaction once; preflight would execute it twice) as JSON-RPC batches, signing overlapping
 *     the node's execution (bench-wire.ts);
 *   - counted only once `getSignatureStatuses` reports it confirmed without error; a transaction
 *     the chain never saw is signed again and sent again, inside the window.
 * Setup (market, traders) and the oracle pushes between phases are outside the window.
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
import { Connection, Keypair, type PublicKey, SystemProgram, Transaction, type TransactionInstruction, sendAndConfirmTransaction } from "@solana/web3.js";

import { IN_PLAY_DELAY_S, createExchange, initOracle, provideLiquidity, retryingExpiry } from "../../scripts/demo/market.js";
import { timeTravel } from "../localnet/cheatcodes.js";
import { programIds } from "../localnet/exchange-init.js";
import { startLocalnet } from "../localnet/spawn.js";
import { blockhashBytes } from "./bench-message.js";
import { processCpuMs, selfCpuMs } from "./bench-cpu.js";
import { type NativeSigner, nativeSigner, signAndSend, signWire, signatureStatuses } from "./bench-wire.js";
import { chainNow } from "./chain-clock.js";
import { E2E_ADMIN_TOKENS, E2E_LIMITS } from "./market.js";

const env = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);
const SLOT_MS = env("BENCH_SLOT_MS", 20);
const TRADERS = env("BENCH_TRADERS", 200);
const ROUNDS = env("BENCH_ROUNDS", 3);
const PUSHES = env("BENCH_PUSHES", 200);
const SEND_BATCH = env("BENCH_SEND_BATCH", 25);
const SEND_IN_FLIGHT = env("BENCH_SEND_IN_FLIGHT", 4);
/** BENCH_TRACE=1: per burst, how long the blockhash, building + signing, sending and confirming took (stderr). */
const TRACE = process.env.BENCH_TRACE === "1";

const net = await startLocalnet({ slotTimeMs: SLOT_MS });
const connection = new Connection(net.rpcUrl, { commitment: "confirmed", wsEndpoint: net.wsUrl });
const admin = net.authority;
const ids: ProgramIds = programIds(net);
const signer = Keypair.generate();

/**
 * Polls statuses every `pollMs` until every signature is confirmed or `windowMs` passes; throws on
 * a failed one. Surfnet reports a transaction only once its slot is confirmed (about one slot after
 * it executed), so bursts poll every half slot, starting half a slot after the last send: polling
 * earlier only costs both sides status lookups of 200 signatures that cannot be confirmed yet.
 */
async function confirmAll(signatures: readonly string[], windowMs: number, pollMs = 5, firstPollAfterMs = 0): Promise<Set<string>> {
  const done = new Set<string>();
  const deadline = performance.now() + windowMs;
  if (firstPollAfterMs > 0) await new Promise((r) => setTimeout(r, firstPollAfterMs));
  while (done.size < signatures.length && performance.now() < deadline) {
    const pending = signatures.filter((s) => !done.has(s));
    for (let k = 0; k < pending.length; k += 256) {
      const batch = pending.slice(k, k + 256);
      const value = await signatureStatuses(net.rpcUrl, batch);
      value.forEach((st, j) => {
        if (!st || (st.confirmationStatus !== "confirmed" && st.confirmationStatus !== "finalized")) return;
        if (st.err !== null) throw new Error(`transaction ${batch[j]} failed on chain: ${JSON.stringify(st.err)}`);
        done.add(batch[j]!);
      });
    }
    if (done.size < signatures.length) await new Promise((r) => setTimeout(r, pollMs));
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
  await provideLiquidity(connection, ids, admin, market.adminToken, pool, feed, 5_000_000_000n);

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
   * Signs one transaction per trader (natively, inside the timed window), sends them all as
   * JSON-RPC batches, waits until every one is confirmed; those the chain never saw (blockhash
   * gone) are signed again with a fresh one.
   */
  const burst = async (build: (i: number) => { ixs: TransactionInstruction[]; signers: NativeSigner[] }): Promise<number> => {
    let todo = traders.map((_, i) => i);
    while (todo.length > 0) {
      const t0 = performance.now();
      const { blockhash } = await connection.getLatestBlockhash("confirmed");
      const t1 = performance.now();
      const hash = blockhashBytes(blockhash);
      const signatures = await signAndSend(net.rpcUrl, todo.length, (k) => {
        const { ixs, signers } = build(todo[k]!);
        return signWire(ixs, signers, hash);
      }, SEND_BATCH, SEND_IN_FLIGHT);
      const t2 = performance.now();
      const landed = await confirmAll(signatures, 4000, Math.max(5, SLOT_MS / 2), Math.max(5, SLOT_MS / 2));
      if (TRACE) console.error(`burst ${todo.length} tx: blockhash ${(t1 - t0).toFixed(1)} sign+send ${(t2 - t1).toFixed(1)} confirm ${(performance.now() - t2).toFixed(1)} ms`);
      todo = todo.filter((_, k) => !landed.has(signatures[k]!));
    }
    return traders.length;
  };
  const adminSigner = nativeSigner(admin);
  const traderSigners = traders.map(nativeSigner);

  // The SDK's builders, as a client uses them: its PDA memo (sdk/src/pda-cache.ts) derives the
  // exchange, vault and trader addresses once for the whole run. A position's address is derived
  // when its open is requested (in the timed window) and read back from the memo after.
  const traderAccounts = traders.map((t) => traderPda(ids.futstar, pool, t.publicKey)[0]);
  const requestOpen = (i: number, id: bigint): { ix: TransactionInstruction; position: PublicKey } => {
    const ix = positionRequestOpen(ids, { owner: traders[i]!.publicKey, pool, feed, positionId: id, ownerToken: tokens[i]!, side: i % 2, leverage: 2, collateral: 100_000n, durationS: 300 });
    return { ix, position: positionPda(ids.futstar, traderAccounts[i]!, id)[0] };
  };
  const positionAccountSet = (i: number, position: PublicKey) => ({ pool, feed, position, trader: traderAccounts[i]!, ownerToken: tokens[i]! });
  // What bench-message.ts + native signing write, web3.js reads back: same instruction, valid
  // signature (checked once, untimed).
  {
    const probe = requestOpen(0, 999n);
    const ixs = [probe.ix, positionFillOpen(ids, positionAccountSet(0, probe.position)), positionFillClose(ids, positionAccountSet(0, probe.position))];
    ixs.forEach((ix, k) => {
      const same = (a: TransactionInstruction, b: TransactionInstruction) => a.programId.equals(b.programId) && a.data.equals(b.data) && JSON.stringify(a.keys) === JSON.stringify(b.keys);
      const signer = k === 0 ? traderSigners[0]! : adminSigner;
      const decoded = Transaction.from(signWire([ix], [signer], Buffer.alloc(32, 9)));
      const back = decoded.instructions[0];
      if (decoded.instructions.length !== 1 || back === undefined || !same(back, ix) || !decoded.feePayer?.equals(signer.publicKey) || !decoded.verifySignatures()) {
        throw new Error(`bench wire encoding of instruction ${k} does not decode back (web3.js Transaction.from)`);
      }
    });
  }

  let confirmed = 0;
  let busyMs = 0;
  let clientCpuMs = 0;
  let nodeCpuMs = 0;
  const localnetPid = net.pid;
  const windowStart = process.hrtime.bigint();
  for (let round = 0; round < ROUNDS; round++) {
    const id = BigInt(round);
    const positions: PublicKey[] = [];
    const timed = async (work: () => Promise<number>): Promise<void> => {
      const t0 = performance.now();
      const [client0, node0] = [selfCpuMs(), processCpuMs(localnetPid)];
      confirmed += await work();
      busyMs += performance.now() - t0;
      clientCpuMs += selfCpuMs() - client0;
      nodeCpuMs += processCpuMs(localnetPid) - node0;
    };
    await timed(() => burst((i) => {
      const { ix, position } = requestOpen(i, id);
      positions[i] = position;
      return { ixs: [ix], signers: [traderSigners[i]!] };
    }));
    await push(BigInt(IN_PLAY_DELAY_S)); // a sample past the in-play delay: fills may price
    await timed(() => burst((i) => ({ ixs: [positionFillOpen(ids, positionAccountSet(i, positions[i]!))], signers: [adminSigner] })));
    await timed(() => burst((i) => ({ ixs: [positionRequestClose(ids, { owner: traders[i]!.publicKey, position: positions[i]! })], signers: [traderSigners[i]!] })));
    await push(BigInt(IN_PLAY_DELAY_S));
    await timed(() => burst((i) => ({ ixs: [positionFillClose(ids, positionAccountSet(i, positions[i]!))], signers: [adminSigner] })));
  }
  if (TRACE) console.error(`timed window: CLOCK_MONOTONIC ${(Number(windowStart) / 1e9).toFixed(3)}..${(Number(process.hrtime.bigint()) / 1e9).toFixed(3)} s (perf record -k CLOCK_MONOTONIC), ${Math.round(busyMs)} ms wall; CPU per transaction: bench client ${(clientCpuMs / confirmed).toFixed(3)} ms, localnet ${(nodeCpuMs / confirmed).toFixed(3)} ms`);
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
