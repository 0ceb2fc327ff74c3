/**
 * Sends one logical transaction until it lands, is refused, or the deadline passes:
 * sign with a fresh blockhash and the current priority fee, send, poll its status (re-sending the
 * same bytes meanwhile), and when its blockhash expires sign again with a new one. Every
 * signature made is reported before it is sent, and every earlier signature is checked again
 * before a new one is made, so a transaction that lands late is found and never sent twice
 * under a new signature once it has landed.
 */
import { ComputeBudgetProgram, type Keypair, type PublicKey, Transaction, type TransactionInstruction } from "@solana/web3.js";
import bs58 from "bs58";
import type { PriorityFeeSource } from "./priority-fee.js";
import { RpcUnavailableError, type RpcPool } from "./rpc-pool.js";
import { failureFromError, failureFromStatusErr, isAlreadyProcessed, isBlockhashExpired, type ProgramFailure } from "./tx-error.js";

export type SendOutcome =
  | { readonly status: "landed"; readonly signature: string; readonly slot: number; readonly attempts: number }
  | { readonly status: "rejected"; readonly signature: string | null; readonly failure: ProgramFailure; readonly attempts: number };

export class SendTimeoutError extends Error {
  constructor(readonly signatures: readonly string[], readonly lastError: unknown) {
    super(`transaction not confirmed before the deadline (signatures ${signatures.join(", ") || "none"}): ${lastError instanceof Error ? lastError.message : String(lastError ?? "no answer")}`);
    this.name = "SendTimeoutError";
  }
}

export interface SenderOptions {
  /** Compute unit limit set on every transaction (0 = leave the default). */
  readonly computeUnitLimit?: number;
  readonly pollMs?: number;
  /** Re-send the same bytes this often while unconfirmed. */
  readonly resendMs?: number;
  /** Give up (SendTimeoutError) after this long. */
  readonly deadlineMs?: number;
  /** Run the RPC's simulation before sending (refusals then cost no fee). */
  readonly preflight?: boolean;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly onFeeError?: (err: unknown) => void;
}

export interface SendRequest {
  readonly instructions: readonly TransactionInstruction[];
  /** Signers besides the fee payer. */
  readonly signers?: readonly Keypair[];
  /** Accounts the priority fee is estimated for. */
  readonly writable: readonly PublicKey[];
  /** Called with each new signature before its transaction is sent. */
  readonly onSigned?: (signature: string) => void;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export class TxSender {
  private readonly pollMs: number;
  private readonly resendMs: number;
  private readonly deadlineMs: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly pool: RpcPool,
    readonly payer: Keypair,
    private readonly fees: PriorityFeeSource,
    private readonly options: SenderOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 150;
    this.resendMs = options.resendMs ?? 1000;
    this.deadlineMs = options.deadlineMs ?? 60_000;
    this.sleep = options.sleep ?? defaultSleep;
  }

  private async priorityFee(writable: readonly PublicKey[]): Promise<number> {
    try {
      return await this.fees.microLamportsPerCu(writable);
    } catch (err) {
      // No estimate is not a reason to stop pushing: send without a priority fee and say so.
      this.options.onFeeError?.(err);
      return 0;
    }
  }

  /** Builds and signs the transaction with `blockhash`. */
  async sign(request: SendRequest, blockhash: string, lastValidBlockHeight: number): Promise<Transaction> {
    const tx = new Transaction({ feePayer: this.payer.publicKey, blockhash, lastValidBlockHeight });
    const fee = await this.priorityFee(request.writable);
    if (this.options.computeUnitLimit) tx.add(ComputeBudgetProgram.setComputeUnitLimit({ units: this.options.computeUnitLimit }));
    if (fee > 0) tx.add(ComputeBudgetProgram.setComputeUnitPrice({ microLamports: fee }));
    tx.add(...request.instructions);
    tx.sign(this.payer, ...(request.signers ?? []));
    return tx;
  }

  /** Status of `signature`: landed (with slot or failure), or null when unknown. */
  private async status(signature: string): Promise<{ slot: number; err: unknown } | null> {
    const { value } = await this.pool.call((c) => c.getSignatureStatuses([signature]));
    const s = value[0];
    if (!s || (s.confirmationStatus !== "confirmed" && s.confirmationStatus !== "finalized")) return null;
    return { slot: s.slot, err: s.err };
  }

  async send(request: SendRequest): Promise<SendOutcome> {
    const deadline = Date.now() + this.deadlineMs;
    const signatures: string[] = [];
    let lastError: unknown = null;
    let attempts = 0;
    const landedAmong = async (): Promise<SendOutcome | null> => {
      for (const signature of signatures) {
        const s = await this.status(signature);
        if (s === null) continue;
        if (s.err === null) return { status: "landed", signature, slot: s.slot, attempts };
        return { status: "rejected", signature, failure: failureFromStatusErr(s.err), attempts };
      }
      return null;
    };

    while (Date.now() < deadline) {
      try {
        // A previous signature may have landed while we were not looking (RPC outage, slow node).
        const earlier = await landedAmong();
        if (earlier) return earlier;
        const { blockhash, lastValidBlockHeight } = await this.pool.call((c) => c.getLatestBlockhash("confirmed"));
        const tx = await this.sign(request, blockhash, lastValidBlockHeight);
        const signature = bs58.encode(tx.signature as Buffer);
        attempts++;
        signatures.push(signature);
        request.onSigned?.(signature);
        const raw = tx.serialize();
        const outcome = await this.sendUntilFinal(raw, signature, lastValidBlockHeight, deadline, attempts);
        if (outcome !== "expired") {
          // Refused now, but an earlier signature of the same work may have landed after all
          // (the refusal is then the chain saying "already done"): report the landing.
          if (outcome.status === "rejected" && signatures.length > 1) {
            const earlier = await landedAmong();
            if (earlier?.status === "landed") return earlier;
          }
          return outcome;
        }
        lastError = new Error(`blockhash ${blockhash} expired`);
      } catch (err) {
        if (!(err instanceof RpcUnavailableError)) throw err;
        lastError = err;
        await this.sleep(Math.min(1000, this.pollMs * 4));
      }
    }
    const late = await landedAmong().catch(() => null);
    if (late) return late;
    throw new SendTimeoutError(signatures, lastError);
  }

  /** Sends `raw` and polls until it lands, fails, or its blockhash can no longer land. */
  private async sendUntilFinal(raw: Buffer, signature: string, lastValidBlockHeight: number, deadline: number, attempts: number): Promise<SendOutcome | "expired"> {
    let lastSent = 0;
    while (Date.now() < deadline) {
      if (Date.now() - lastSent >= this.resendMs) {
        lastSent = Date.now();
        try {
          await this.pool.call((c) => c.sendRawTransaction(raw, { skipPreflight: !(this.options.preflight ?? true), preflightCommitment: "confirmed", maxRetries: 0 }));
        } catch (err) {
          if (err instanceof RpcUnavailableError) throw err;
          if (isBlockhashExpired(err)) return "expired";
          if (!isAlreadyProcessed(err)) return { status: "rejected", signature, failure: failureFromError(err), attempts };
        }
      }
      await this.sleep(this.pollMs);
      const s = await this.status(signature);
      if (s !== null) {
        return s.err === null
          ? { status: "landed", signature, slot: s.slot, attempts }
          : { status: "rejected", signature, failure: failureFromStatusErr(s.err), attempts };
      }
      const height = await this.pool.call((c) => c.getBlockHeight("confirmed"));
      if (height > lastValidBlockHeight) {
        // Past its last valid height it can never land; one last look, then a fresh blockhash.
        const final = await this.status(signature);
        if (final !== null) {
          return final.err === null
            ? { status: "landed", signature, slot: final.slot, attempts }
            : { status: "rejected", signature, failure: failureFromStatusErr(final.err), attempts };
        }
        return "expired";
      }
    }
    return "expired";
  }
}
