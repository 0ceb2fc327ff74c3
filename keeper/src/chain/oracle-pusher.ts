/**
 * The oracle pusher: one round per second sends the latest frame of every live match as signed
 * updates, several feeds per transaction.
 *
 * Ordering guarantees:
 * - a sequence number is reserved and committed to the store before the message is signed, and
 *   never below the feed's on-chain seq + 1, so a restarted keeper cannot reuse one;
 * - rounds never overlap and each round carries at most one update per feed, so a feed's updates
 *   are sent in order; a late landing of an older transaction is refused on chain
 *   (SeqNotIncreasing), never applied out of order;
 * - a refused batch of several feeds is split in halves and re-sent with fresh numbers, so one
 *   bad feed does not hold back the others.
 */
import type { Keypair, PublicKey } from "@solana/web3.js";
import type { Logger } from "../ops/log.js";
import type { KeeperMetrics } from "../ops/metrics.js";
import type { KeeperStore } from "../store/keeper-store.js";
import { fitsInPacket, packBatches } from "./batch.js";
import type { OracleCodec, OracleUpdate } from "./oracle-codec.js";
import type { SendOutcome, TxSender } from "./tx-sender.js";
import { SendTimeoutError } from "./tx-sender.js";
import type { ProgramFailure } from "./tx-error.js";

/** One feed's update for this round, before it gets its sequence number. */
export interface PushItem {
  readonly matchKey: string;
  readonly feed: PublicKey;
  readonly period: number;
  readonly tMs: number;
  readonly update: Omit<OracleUpdate, "seq" | "feed">;
  /** Wall ms when the engine computed it (push lag is measured from here). */
  readonly computedAtMs: number;
}

export type PushResult =
  | { readonly matchKey: string; readonly seq: bigint; readonly status: "landed"; readonly signature: string }
  | { readonly matchKey: string; readonly seq: bigint; readonly status: "rejected"; readonly failure: ProgramFailure; readonly reason: string }
  | { readonly matchKey: string; readonly seq: bigint; readonly status: "unconfirmed"; readonly reason: string };

export interface PusherDeps {
  readonly store: KeeperStore;
  readonly sender: TxSender;
  readonly codec: OracleCodec;
  readonly signers: readonly Keypair[];
  /** The feed's last sequence number on chain (read once per feed, at its first push). */
  readonly chainSeq: (feed: PublicKey) => Promise<bigint>;
  readonly metrics?: KeeperMetrics;
  readonly log?: Logger;
  /** Names a program failure for logs and the store (the SDK's error table). */
  readonly describe?: (failure: ProgramFailure) => string;
  readonly now?: () => number;
}

export class OraclePusher {
  private readonly floors = new Map<string, number>();
  private readonly now: () => number;

  constructor(private readonly deps: PusherDeps) {
    this.now = deps.now ?? Date.now;
  }

  private async floor(feed: PublicKey): Promise<number> {
    const key = feed.toBase58();
    const known = this.floors.get(key);
    if (known !== undefined) return known;
    const onChain = await this.deps.chainSeq(feed);
    const floor = Number(onChain) + 1;
    this.floors.set(key, floor);
    return floor;
  }

  private reason(failure: ProgramFailure): string {
    return this.deps.describe?.(failure) ?? (failure.code === null ? failure.text : `custom error ${failure.code}`);
  }

  /** Pushes one round; resolves with each item's outcome. Rounds must not overlap. */
  async pushRound(items: readonly PushItem[]): Promise<PushResult[]> {
    const seen = new Set<string>();
    for (const item of items) {
      const key = item.feed.toBase58();
      if (seen.has(key)) throw new RangeError(`feed ${key}: more than one update in one round`);
      seen.add(key);
    }
    const payer = this.deps.sender.payer;
    const fits = (batch: readonly PushItem[]): boolean =>
      fitsInPacket(payer, this.deps.codec.pushInstructions(batch.map((i) => ({ ...i.update, feed: i.feed, seq: 1n })), this.deps.signers), 0);
    const batches = packBatches(items, fits, (i) => `${i.matchKey} ${i.period}/${i.tMs}`);
    const results = await Promise.all(batches.map((b) => this.pushBatch(b)));
    return results.flat();
  }

  private async pushBatch(batch: readonly PushItem[]): Promise<PushResult[]> {
    const { store, sender, codec, signers, metrics, log } = this.deps;
    const updates: OracleUpdate[] = [];
    for (const item of batch) {
      const seq = store.reserveSeqs(item.feed.toBase58(), 1, await this.floor(item.feed));
      updates.push({ ...item.update, feed: item.feed, seq: BigInt(seq) });
    }
    const rows = batch.map((item, i) => {
      const u = updates[i] as OracleUpdate;
      return {
        feed: item.feed.toBase58(),
        seq: Number(u.seq),
        matchKey: item.matchKey,
        period: item.period,
        tMs: item.tMs,
        ts: Number(u.ts),
        status: u.status,
        suspended: u.suspended,
        indexBps: u.indexBps,
        components: [...u.components],
      };
    });
    const byFeed = (f: (feed: string, seqs: number[]) => void): void => {
      for (const r of rows) f(r.feed, [r.seq]);
    };
    let recorded = false;
    let outcome: SendOutcome;
    try {
      outcome = await sender.send({
        instructions: codec.pushInstructions(updates, signers),
        writable: batch.map((i) => i.feed),
        onSigned: (signature) => {
          if (recorded) byFeed((feed, seqs) => store.setSignature(feed, seqs, signature));
          else store.recordSigned(rows, signature);
          recorded = true;
        },
      });
    } catch (err) {
      if (!(err instanceof SendTimeoutError) && !(err instanceof Error && err.name === "RpcUnavailableError")) throw err;
      metrics?.pushFailures.inc({ reason: "unconfirmed" }, batch.length);
      log?.warn("oracle push unconfirmed", { matches: batch.map((b) => b.matchKey), err });
      // Left `signed` in the store; reconciled from the chain's seq at the next start.
      return batch.map((item, i) => ({ matchKey: item.matchKey, seq: (updates[i] as OracleUpdate).seq, status: "unconfirmed", reason: err instanceof Error ? err.message : String(err) }));
    }
    if (outcome.status === "landed") {
      byFeed((feed, seqs) => store.markLanded(feed, seqs, outcome.signature));
      const now = this.now();
      for (const item of batch) {
        metrics?.updatesPushed.inc({ match: item.matchKey });
        metrics?.pushLag.observe((now - item.computedAtMs) / 1000);
      }
      metrics?.lastPushUnix.set(now / 1000);
      return batch.map((item, i) => ({ matchKey: item.matchKey, seq: (updates[i] as OracleUpdate).seq, status: "landed", signature: outcome.signature }));
    }
    const reason = this.reason(outcome.failure);
    if (!recorded) store.recordSigned(rows, null);
    byFeed((feed, seqs) => store.markRejected(feed, seqs, reason));
    if (batch.length > 1) {
      // One bad feed refuses the whole message: split and retry with fresh numbers.
      const middle = Math.ceil(batch.length / 2);
      const halves = await Promise.all([this.pushBatch(batch.slice(0, middle)), this.pushBatch(batch.slice(middle))]);
      return halves.flat();
    }
    metrics?.pushFailures.inc({ reason });
    log?.error("oracle update refused", { match: batch[0]?.matchKey, seq: updates[0]?.seq, reason });
    return batch.map((item, i) => ({ matchKey: item.matchKey, seq: (updates[i] as OracleUpdate).seq, status: "rejected", failure: outcome.failure, reason }));
  }
}
