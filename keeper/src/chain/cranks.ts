/**
 * Fill and settlement cranks. Each round asks a `CrankSource` (the SDK's account fetchers) for
 * the work that exists on chain, sends what is due, and records the outcome. Idempotent: work
 * another keeper (or the trader) already did is refused by the program with an "already done"
 * error, which counts as skipped, never as a failure; failed work is simply found again next round.
 */
import type { Keypair, PublicKey, TransactionInstruction } from "@solana/web3.js";
import type { Logger } from "../ops/log.js";
import type { KeeperMetrics } from "../ops/metrics.js";
import type { CrankKind, KeeperStore } from "../store/keeper-store.js";
import type { ProgramFailure } from "./tx-error.js";
import type { TxSender } from "./tx-sender.js";

export interface CrankTask {
  readonly kind: CrankKind;
  readonly account: PublicKey;
  /** Unix seconds (chain clock) from which the work may be done. */
  readonly dueTs: number;
  readonly instructions: () => TransactionInstruction[];
  /** Accounts written (priority fee estimate). */
  readonly writable: readonly PublicKey[];
  /** Signers besides the fee payer (cranks are permissionless: usually none). */
  readonly signers?: readonly Keypair[];
}

export interface CrankSource {
  /** Work that exists on chain now (due or not). */
  tasks(): Promise<CrankTask[]>;
}

export interface CrankDeps {
  readonly store: KeeperStore;
  readonly sender: TxSender;
  readonly source: CrankSource;
  /** True when the failure means the work was already done by someone else. */
  readonly alreadyDone: (failure: ProgramFailure) => boolean;
  readonly describe?: (failure: ProgramFailure) => string;
  readonly metrics?: KeeperMetrics;
  readonly log?: Logger;
  /** Transactions in flight at once. */
  readonly concurrency?: number;
}

export interface CrankRoundResult {
  readonly done: number;
  readonly skipped: number;
  readonly failed: number;
  readonly notDue: number;
}

const isFill = (kind: CrankKind): boolean => kind === "fill_open" || kind === "fill_close";

export class Cranker {
  constructor(private readonly deps: CrankDeps) {}

  /** One pass over the work on chain at chain time `nowTs`. */
  async round(nowTs: number): Promise<CrankRoundResult> {
    const tasks = await this.deps.source.tasks();
    const due = tasks.filter((t) => t.dueTs <= nowTs);
    const result = { done: 0, skipped: 0, failed: 0, notDue: tasks.length - due.length };
    const queue = [...due];
    const worker = async (): Promise<void> => {
      for (let task = queue.shift(); task !== undefined; task = queue.shift()) {
        const outcome = await this.run(task);
        result[outcome]++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.deps.concurrency ?? 8, queue.length) }, worker));
    return result;
  }

  private async run(task: CrankTask): Promise<"done" | "skipped" | "failed"> {
    const { store, sender, metrics, log } = this.deps;
    const account = task.account.toBase58();
    const label = { kind: task.kind };
    try {
      const outcome = await sender.send({ instructions: task.instructions(), writable: task.writable, signers: task.signers ?? [] });
      if (outcome.status === "landed") {
        store.recordCrank(task.kind, account, task.dueTs, "done", outcome.signature, null);
        (isFill(task.kind) ? metrics?.fills : metrics?.settlements)?.inc({ kind: task.kind });
        return "done";
      }
      const reason = this.deps.describe?.(outcome.failure) ?? outcome.failure.text;
      if (this.deps.alreadyDone(outcome.failure)) {
        store.recordCrank(task.kind, account, task.dueTs, "skipped", null, reason);
        metrics?.crankSkipped.inc(label);
        log?.info("crank work already done", { kind: task.kind, account, reason });
        return "skipped";
      }
      store.recordCrank(task.kind, account, task.dueTs, "failed", outcome.signature, reason);
      metrics?.crankFailures.inc(label);
      log?.error("crank refused", { kind: task.kind, account, reason });
      return "failed";
    } catch (err) {
      store.recordCrank(task.kind, account, task.dueTs, "failed", null, err instanceof Error ? err.message : String(err));
      metrics?.crankFailures.inc(label);
      log?.warn("crank attempt failed", { kind: task.kind, account, err });
      return "failed";
    }
  }
}
