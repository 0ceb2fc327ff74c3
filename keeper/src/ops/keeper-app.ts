/**
 * `futstar-keeper run` as a library: wires config → store, RPC pool, fee source, sender, chain
 * adapter, pusher, loop and cranker; serves /metrics and /healthz; stops gracefully when
 * `signal` aborts (the current round finishes, nothing is left half-written).
 */
import { type PublicKey, PublicKey as PublicKeyClass } from "@solana/web3.js";
import { Cranker } from "../chain/cranks.js";
import type { ChainAdapter } from "../chain/chain-adapter.js";
import { KeeperLoop } from "../chain/keeper-loop.js";
import { matchFrames, tickKey } from "../chain/match-frames.js";
import { FeedStatus } from "../chain/oracle-codec.js";
import { OraclePusher } from "../chain/oracle-pusher.js";
import type { RpcPool } from "../chain/rpc-pool.js";
import { failureFromStatusErr } from "../chain/tx-error.js";
import { feedCreateInstruction, oracleCodec } from "../chain/oracle-message.js";
import { sdkChainAdapter } from "../chain/sdk-adapter.js";
import { KeeperStore } from "../store/keeper-store.js";
import { type AdapterContext, openChainContext } from "./chain-context.js";
import { ConfigError, type KeeperConfig } from "./config.js";
import { startOpsServer } from "./http.js";
import { loadKeypair } from "./keypair-file.js";
import type { Logger } from "./log.js";
import { type LiveMatch, openLiveMatch } from "./live-match.js";
import { loadConfiguredMatch } from "./match-id.js";
import { KeeperMetrics } from "./metrics.js";
import { sleepUnlessAborted } from "./shutdown.js";

export type { AdapterContext } from "./chain-context.js";

export interface KeeperApp {
  readonly opsUrl: string;
  readonly store: KeeperStore;
  readonly metrics: KeeperMetrics;
  readonly loop: KeeperLoop;
  /** Resolves when the keeper has stopped (signal aborted, or every match ended and `exitWhenDone`). */
  readonly done: Promise<void>;
}

export interface AppOptions {
  readonly log: Logger;
  readonly signal: AbortSignal;
  readonly adapter: (ctx: AdapterContext) => ChainAdapter;
  /** Stop once every match has ended and no crank work is due (tests, one-off replays). */
  readonly exitWhenDone?: boolean;
  /**
   * Oracle time for each round: the wall clock (default), the chain's clock, or a function
   * (tests: a simulated match clock that also moves the local chain's clock).
   */
  readonly oracleClock?: "wall" | "chain" | (() => Promise<bigint>);
  /**
   * Wall clock (ms) of live matches' match clock and of the store's timestamps — a restarted live
   * match continues its clock from when its last update was signed (tests: a simulated clock).
   */
  readonly liveClock?: () => number;
}

export { onChainMatchId, syntheticMatchId } from "./match-id.js";

async function reconcile(store: KeeperStore, pool: RpcPool, feed: string, log: Logger): Promise<void> {
  const open = store.unresolved(feed).filter((u) => u.signature);
  if (open.length === 0) return;
  const signatures = [...new Set(open.map((u) => u.signature as string))];
  const { value } = await pool.call((c) => c.getSignatureStatuses(signatures, { searchTransactionHistory: true }));
  signatures.forEach((signature, i) => {
    const seqs = open.filter((u) => u.signature === signature).map((u) => u.seq);
    const status = value[i];
    if (status && status.err === null) store.markLanded(feed, seqs, signature);
    else store.markRejected(feed, seqs, status ? failureFromStatusErr(status.err).text : "not found after restart (expired unconfirmed)");
  });
  log.info("reconciled updates left unconfirmed by the previous run", { feed, count: open.length });
}

export async function startKeeperApp(config: KeeperConfig, options: AppOptions): Promise<KeeperApp> {
  const store = new KeeperStore(config.dbPath, options.liveClock ?? Date.now);
  try {
    return await startWithStore(config, options, store);
  } catch (err) {
    // Nothing runs yet: release the database before reporting the failure.
    store.close();
    throw err;
  }
}

async function startWithStore(config: KeeperConfig, options: AppOptions, store: KeeperStore): Promise<KeeperApp> {
  const { log, signal } = options;
  const metrics = new KeeperMetrics();
  const payer = loadKeypair(config.keypairs.payer, "keypairs.payer");
  const operator = config.keypairs.operator ? loadKeypair(config.keypairs.operator, "keypairs.operator") : null;
  const { pool, sender, signers, adapter } = openChainContext(config, { log, payer, operator, adapter: options.adapter, onFailover: () => metrics.rpcFailovers.inc() });
  const pusher = new OraclePusher({ store, sender, codec: adapter.codec, signers, chainSeq: (f) => adapter.chainSeq(f), metrics, log, describe: (f) => adapter.describe(f, "momentumOracle") });
  let lastTs = 0n;
  const oracleClock = options.oracleClock ?? config.oracleClock;
  let chainTs = 0n;
  const loop = new KeeperLoop({
    store,
    pusher,
    metrics,
    log,
    oracleTs: () => {
      const candidate = oracleClock === "wall" ? BigInt(Math.floor(Date.now() / 1000)) : chainTs;
      lastTs = candidate > lastTs ? candidate : lastTs;
      return lastTs;
    },
  });
  const cranker = new Cranker({ store, sender, source: adapter.crankSource, alreadyDone: (f) => adapter.alreadyDone(f), describe: (f) => adapter.describe(f, "futstar"), metrics, log });

  // Live feeds opened so far are closed on shutdown, even while waiting for their match info.
  const liveMatches: LiveMatch[] = [];
  const opened: { close(): void }[] = [];
  const closeFeeds = (): void => opened.forEach((f) => f.close());
  signal.addEventListener("abort", closeFeeds, { once: true });
  try {
    await followMatches();
  } catch (err) {
    closeFeeds();
    signal.removeEventListener("abort", closeFeeds);
    throw err;
  }
  async function followMatches(): Promise<void> {
    for (const [i, m] of config.matches.entries()) {
      let identity: { matchId: Buffer; provider: string; home: string; away: string; source: string };
      let live: LiveMatch | null = null;
      let events: ReturnType<typeof matchFrames> | null = null;
      if (m.live) {
        live = await openLiveMatch(config, m, i, { log, nowMs: options.liveClock ?? Date.now }, (f) => opened.push(f));
        identity = { matchId: live.matchId, provider: "statsperform", home: live.info.home.name, away: live.info.away.name, source: `live:statsperform:${m.live.fixtureId}` };
      } else {
        const { loaded, matchId } = await loadConfiguredMatch(m, i);
        identity = { matchId, provider: loaded.info.provider, home: loaded.info.home.name, away: loaded.info.away.name, source: m.source as string };
        events = matchFrames(loaded.events);
      }
      store.upsertMatch({ matchKey: m.key, matchId: identity.matchId.toString("hex"), provider: identity.provider, home: identity.home, away: identity.away, source: identity.source });
      const feed: PublicKey = await adapter.ensureFeed({ matchId: identity.matchId, home: identity.home, away: identity.away });
      const poolKey = await adapter.ensurePool(feed);
      store.setMatchAccounts(m.key, feed.toBase58(), poolKey?.toBase58() ?? null);
      await reconcile(store, pool, feed.toBase58(), log);
      const state = await adapter.feedState(feed);
      const status = state?.status ?? null;
      // The oracle lets the index move only as its time passes: nothing before the feed's last
      // update time (its creation time at first) may be pushed.
      if (state && state.lastUpdateTs > lastTs) lastTs = state.lastUpdateTs;
      if (status === FeedStatus.Ended || status === FeedStatus.Abandoned) {
        log.info("match already finished on chain", { match: m.key, status });
        live?.close();
        continue;
      }
      const last = store.lastLanded(feed.toBase58());
      if (live) {
        // Live: frames come as the feed and the clock allow. A restart mid-period (or in a break)
        // replays the stored log into the engine and continues from the last landed Live (or
        // HalfTime) update (the store and the live clock are both the wall clock); the feed's
        // current document is applied before the next frame.
        const resumable = last !== null && (last.status === FeedStatus.Live || last.status === FeedStatus.HalfTime);
        const signedAtMs = last && resumable ? store.signedAtMs(last.feed, last.seq) : null;
        if (last && signedAtMs !== null) {
          const landed = store.pushed(m.key).filter((u) => u.state === "landed").map((u) => tickKey(u.period, u.tMs));
          live.frames.resume({ period: last.period, tMs: last.tMs, signedAtMs, status: last.status, log: store.changesWithTick(m.key), landed });
        }
        loop.addMatch(m.key, feed, live.frames, { framesPerRound: Number.MAX_SAFE_INTEGER });
        liveMatches.push(live);
      } else {
        loop.addMatch(m.key, feed, events as ReturnType<typeof matchFrames>, { framesPerRound: Math.max(1, Math.round(m.speed)) }, last ? { period: last.period, tMs: last.tMs, status: last.status } : null);
      }
      log.info("following match", { match: m.key, live: live !== null, feed: feed.toBase58(), pool: poolKey?.toBase58() ?? null, resumeAfter: last ? `${last.period}/${last.tMs}` : null });
    }
  }
  const pumps = liveMatches.map((l) => l.start());

  let lastRoundMs = Date.now();
  let lastCrankMs = Date.now();
  const server = await startOpsServer(config.http.host, config.http.port, {
    metrics: () => metrics.text(),
    metricsContentType: metrics.registry.contentType,
    health: () => {
      const now = Date.now();
      const pushAge = now - lastRoundMs;
      const crankAge = now - lastCrankMs;
      const ok = !signal.aborted && pushAge < 5 * config.pushIntervalMs + 10_000 && crankAge < 5 * config.crankIntervalMs + 30_000;
      return { ok, liveMatches: loop.liveCount, lastRoundAgeMs: pushAge, lastCrankAgeMs: crankAge, rpc: pool.currentUrl };
    },
  });
  log.info("keeper started", { ops: server.url, rpc: config.rpcUrls, matches: config.matches.map((m) => m.key), signers: signers.map((s) => s.publicKey.toBase58()) });

  const stopAll = new AbortController();
  const onAbort = (): void => stopAll.abort();
  signal.addEventListener("abort", onAbort, { once: true });

  const pushing = (async () => {
    while (!stopAll.signal.aborted && loop.liveCount > 0) {
      const started = Date.now();
      try {
        if (oracleClock === "chain") chainTs = await adapter.chainNowTs();
        else if (typeof oracleClock === "function") chainTs = await oracleClock();
        const ts = oracleClock === "wall" ? BigInt(Math.floor(Date.now() / 1000)) : chainTs;
        // One update per feed per oracle second: the oracle lets the index move only with time.
        if (ts > lastTs || lastTs === 0n) {
          await loop.round();
          lastRoundMs = Date.now();
        }
      } catch (err) {
        metrics.pushFailures.inc({ reason: "round" });
        log.error("push round failed", { err });
      }
      await sleepUnlessAborted(Math.max(0, config.pushIntervalMs - (Date.now() - started)), stopAll.signal);
    }
    lastRoundMs = Number.MAX_SAFE_INTEGER;
  })();
  const cranking = (async () => {
    for (;;) {
      if (stopAll.signal.aborted) return;
      const started = Date.now();
      try {
        const now = await adapter.chainNowTs();
        const r = await cranker.round(Number(now));
        lastCrankMs = Date.now();
        if (r.done + r.skipped + r.failed > 0) log.info("crank round", { ...r });
        if (options.exitWhenDone && loop.liveCount === 0 && r.done + r.failed + r.notDue === 0 && r.skipped === 0) return;
      } catch (err) {
        metrics.crankFailures.inc({ kind: "round" });
        log.error("crank round failed", { err });
      }
      await sleepUnlessAborted(Math.max(0, config.crankIntervalMs - (Date.now() - started)), stopAll.signal);
    }
  })();

  const done = (async () => {
    await pushing;
    closeFeeds();
    signal.removeEventListener("abort", closeFeeds);
    await Promise.all(pumps);
    if (!options.exitWhenDone) await new Promise<void>((resolve) => (stopAll.signal.aborted ? resolve() : stopAll.signal.addEventListener("abort", () => resolve(), { once: true })));
    await cranking.then(() => stopAll.abort());
    signal.removeEventListener("abort", onAbort);
    await server.close();
    store.close();
    log.info("keeper stopped");
  })();
  return { opsUrl: server.url, store, metrics, loop, done };
}

/** The production adapter: the SDK over the configured program ids. */
export function configuredAdapter(ctx: AdapterContext): ChainAdapter {
  const programs = ctx.config.programs;
  if (!programs) throw new ConfigError("programs", "missing: { oracle, futstar } program ids are needed to run");
  const ids = { futstar: new PublicKeyClass(programs.futstar), momentumOracle: new PublicKeyClass(programs.oracle) };
  return sdkChainAdapter({
    ids,
    pool: ctx.pool,
    sender: ctx.sender,
    operator: ctx.operator,
    collateralMint: ctx.config.collateralMint ? new PublicKeyClass(ctx.config.collateralMint) : null,
    oracle: { codec: oracleCodec(ids), feedCreate: (admin, match) => feedCreateInstruction(ids, admin, match) },
  });
}
