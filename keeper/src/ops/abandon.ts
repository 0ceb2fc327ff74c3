/**
 * `futstar-keeper abandon <match>` as a library: the operator declares a match Abandoned. The
 * oracle signers push the Abandoned status for its feed (numbered from the keeper's store like
 * every other update, so a running keeper and this command never reuse a sequence number), then
 * the pool is voided (`pool_void`: every live position refunded, the pool closed).
 *
 * Idempotent: a feed already Abandoned is not pushed again, a pool already voided (Closed, no
 * live position) is left alone; both are reported as skipped. Each voided position is recorded in
 * the store's crank work (`void_position`; `void_pool` for the empty batch that closes a pool). A feed that Ended cannot be
 * abandoned (the oracle's status machine: Ended and Abandoned are final) — that is an error.
 */
import { PublicKey } from "@solana/web3.js";
import type { ChainAdapter } from "../chain/chain-adapter.js";
import { readFeed } from "../chain/feed-reader.js";
import { FeedStatus } from "../chain/oracle-codec.js";
import { OraclePusher } from "../chain/oracle-pusher.js";
import { type VoidPlan, planPoolVoid } from "../chain/pool-void.js";
import type { RpcPool } from "../chain/rpc-pool.js";
import type { TxSender } from "../chain/tx-sender.js";
import { type CrankKind, KeeperStore } from "../store/keeper-store.js";
import { ConfigError, type KeeperConfig } from "./config.js";
import { type AdapterContext, openChainContext } from "./chain-context.js";
import { loadKeypair } from "./keypair-file.js";
import type { Logger } from "./log.js";

export type AbandonPush = { readonly state: "pushed"; readonly seq: number; readonly signature: string } | { readonly state: "skipped"; readonly reason: string };
export type AbandonVoid =
  | { readonly state: "voided"; readonly pool: string; readonly positions: number; readonly transactions: number; readonly skippedTransactions: number }
  | { readonly state: "skipped"; readonly pool: string; readonly reason: string };

export interface AbandonReport {
  readonly match: string;
  readonly feed: string;
  readonly push: AbandonPush;
  readonly void: AbandonVoid;
}

export interface AbandonOptions {
  readonly log: Logger;
  readonly adapter: (ctx: AdapterContext) => ChainAdapter;
  /** Wall clock, ms (oracle time when `oracleClock` is `wall`). */
  readonly nowMs?: () => number;
}

/** A refusal that is not "already done": the command fails with the program's reason. */
export class AbandonError extends Error {
  override name = "AbandonError";
}

export async function abandonMatch(config: KeeperConfig, matchKey: string, options: AbandonOptions): Promise<AbandonReport> {
  if (!config.programs) throw new ConfigError("programs", "missing: { oracle, futstar } program ids are needed to abandon a match");
  if (!config.keypairs.operator) throw new ConfigError("keypairs.operator", "missing: abandoning a match needs the operator key");
  const operator = loadKeypair(config.keypairs.operator, "keypairs.operator");
  const { pool, sender, signers, adapter } = openChainContext(config, { log: options.log, payer: operator, operator, adapter: options.adapter });
  const store = new KeeperStore(config.dbPath);
  try {
    const record = store.match(matchKey);
    if (!record) throw new AbandonError(`match '${matchKey}' is not in ${config.dbPath} (known: ${store.matches().map((m) => m.matchKey).join(", ") || "none"})`);
    if (record.feed === null) throw new AbandonError(`match '${matchKey}' has no feed account recorded`);
    const feed = new PublicKey(record.feed);
    const { push, abandonedTs } = await pushAbandoned({ config, store, adapter, rpc: pool, sender, signers, matchKey, feed, log: options.log, nowMs: options.nowMs ?? Date.now });
    const ids = { futstar: new PublicKey(config.programs.futstar), momentumOracle: new PublicKey(config.programs.oracle) };
    const plan = await planPoolVoid(pool, ids, feed);
    let voided: AbandonVoid;
    if (plan.kind === "no-pool") voided = { state: "skipped", pool: plan.pool.toBase58(), reason: "no pool for this feed" };
    else if (plan.kind === "nothing-left") voided = { state: "skipped", pool: plan.pool.toBase58(), reason: "already voided (pool closed, no live position)" };
    else voided = await voidPool(plan, { store, sender, adapter, log: options.log, dueTs: abandonedTs });
    options.log.info("match abandoned", { match: matchKey, feed: record.feed, push: push.state, void: voided.state });
    return { match: matchKey, feed: record.feed, push, void: voided };
  } finally {
    store.close();
  }
}

interface VoidContext {
  readonly store: KeeperStore;
  readonly sender: TxSender;
  readonly adapter: ChainAdapter;
  readonly log: Logger;
  /** Oracle time the match was abandoned at: the work is due from then. */
  readonly dueTs: number;
}

/**
 * Sends the plan's `pool_void` batches; each position (or, for the empty batch, the pool) is
 * recorded as crank work: `done` with the signature, or `skipped` when someone voided it first.
 */
async function voidPool(plan: Extract<VoidPlan, { kind: "void" }>, c: VoidContext): Promise<AbandonVoid> {
  let transactions = 0;
  let skippedTransactions = 0;
  const poolKey = plan.pool.toBase58();
  for (const batch of plan.batches) {
    const outcome = await c.sender.send({ instructions: [batch.instruction], writable: batch.writable, signers: [] });
    const work: [CrankKind, string][] = batch.positions.length > 0 ? batch.positions.map((p) => ["void_position", p.toBase58()]) : [["void_pool", poolKey]];
    if (outcome.status === "landed") {
      for (const [kind, account] of work) c.store.recordCrank(kind, account, c.dueTs, "done", outcome.signature, null);
      transactions++;
      continue;
    }
    const reason = c.adapter.describe(outcome.failure, "futstar");
    // Another operator or keeper voided these positions first.
    if (!c.adapter.alreadyDone(outcome.failure)) {
      for (const [kind, account] of work) c.store.recordCrank(kind, account, c.dueTs, "failed", outcome.signature, reason);
      throw new AbandonError(`pool_void refused: ${reason}`);
    }
    // Idempotent: a void this keeper recorded as done stays done.
    for (const [kind, account] of work) if (c.store.crank(kind, account)?.state !== "done") c.store.recordCrank(kind, account, c.dueTs, "skipped", null, reason);
    skippedTransactions++;
    c.log.info("pool_void batch already done", { pool: poolKey, reason });
  }
  return { state: "voided", pool: poolKey, positions: plan.livePositions, transactions, skippedTransactions };
}

interface PushContext {
  readonly config: KeeperConfig;
  readonly store: KeeperStore;
  readonly adapter: ChainAdapter;
  readonly rpc: RpcPool;
  readonly sender: TxSender;
  readonly signers: ReturnType<typeof loadKeypair>[];
  readonly matchKey: string;
  readonly feed: PublicKey;
  readonly log: Logger;
  readonly nowMs: () => number;
}

/** The push's outcome and the oracle time the feed is Abandoned from (unix seconds). */
async function pushAbandoned(c: PushContext): Promise<{ push: AbandonPush; abandonedTs: number }> {
  const state = await readFeed(c.rpc, c.feed);
  if (state === null) throw new AbandonError(`feed ${c.feed.toBase58()} does not exist on ${c.config.rpcUrls.join(", ")}`);
  if (state.status === FeedStatus.Abandoned) return { push: { state: "skipped", reason: "feed already Abandoned" }, abandonedTs: Number(state.lastUpdateTs) };
  if (state.status === FeedStatus.Ended) throw new AbandonError(`feed ${c.feed.toBase58()} has Ended: an ended match is final and cannot be abandoned (its pool settles)`);
  const clock = c.config.oracleClock === "chain" ? await c.adapter.chainNowTs() : BigInt(Math.floor(c.nowMs() / 1000));
  const ts = clock > state.lastUpdateTs ? clock : state.lastUpdateTs;
  // Stored at the last landed tick with the chain's own values, so `recompute` still agrees.
  const last = c.store.lastLanded(c.feed.toBase58());
  const pusher = new OraclePusher({ store: c.store, sender: c.sender, codec: c.adapter.codec, signers: c.signers, chainSeq: async () => state.seq, log: c.log, describe: (f) => c.adapter.describe(f, "momentumOracle") });
  const [result] = await pusher.pushRound([
    {
      matchKey: c.matchKey,
      feed: c.feed,
      period: last?.period ?? 1,
      tMs: last?.tMs ?? 0,
      computedAtMs: c.nowMs(),
      update: { ts, status: FeedStatus.Abandoned, suspended: state.suspended, indexBps: state.indexBps, components: componentsOf(state.components) },
    },
  ]);
  if (result === undefined || result.status !== "landed") throw new AbandonError(`Abandoned update not landed: ${result === undefined ? "no result" : result.reason}`);
  c.store.setMatchStatus(c.matchKey, FeedStatus.Abandoned);
  return { push: { state: "pushed", seq: Number(result.seq), signature: result.signature }, abandonedTs: Number(ts) };
}

function componentsOf(c: readonly number[]): [number, number, number, number, number] {
  if (c.length !== 5) throw new AbandonError(`feed components: expected 5, found ${c.length}`);
  return [c[0] as number, c[1] as number, c[2] as number, c[3] as number, c[4] as number];
}
