/**
 * Priority fee per compute unit (micro-lamports), from `getRecentPrioritizationFees` on any
 * RPC, or from Helius's `getPriorityFeeEstimate` (through `helius-sdk`) when the RPC is Helius.
 * Both sit behind `PriorityFeeSource`; `pickFeeSource` chooses from the config and the URL.
 */
import { PublicKey } from "@solana/web3.js";
import { createHelius, type HeliusClient } from "helius-sdk";
import type { RpcPool } from "./rpc-pool.js";

export interface PriorityFeeSource {
  readonly name: string;
  /** Micro-lamports per compute unit for a transaction writing `writable`. */
  microLamportsPerCu(writable: readonly PublicKey[]): Promise<number>;
}

export class FeeEstimateError extends Error {
  constructor(readonly source: string, readonly field: string, message: string) {
    super(`${source}: ${field}: ${message}`);
    this.name = "FeeEstimateError";
  }
}

/** Percentile (nearest rank) of `values`; 0 for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number;
}

function capped(source: string, fee: number, max: number): number {
  if (!Number.isFinite(fee) || fee < 0) throw new FeeEstimateError(source, "priorityFee", `not a non-negative number: ${fee}`);
  // A cap is a budget the operator set, not a silent clamp of bad data: the estimate was valid.
  return Math.min(Math.ceil(fee), max);
}

/** `getRecentPrioritizationFees` over the accounts the transaction writes; the p-th percentile. */
export class RecentFeesSource implements PriorityFeeSource {
  readonly name = "recent";
  constructor(private readonly pool: RpcPool, private readonly pct = 75, private readonly max = 1_000_000) {}

  async microLamportsPerCu(writable: readonly PublicKey[]): Promise<number> {
    const fees = await this.pool.call((c) => c.getRecentPrioritizationFees({ lockedWritableAccounts: [...writable] }));
    return capped(this.name, percentile(fees.map((f) => f.prioritizationFee), this.pct), this.max);
  }
}

export type HeliusLevel = "Min" | "Low" | "Medium" | "High" | "VeryHigh" | "UnsafeMax";

/** Helius's estimate for the accounts, at a priority level. */
export class HeliusFeeSource implements PriorityFeeSource {
  readonly name = "helius";
  private readonly client: HeliusClient;

  constructor(url: string, apiKey: string | undefined, private readonly level: HeliusLevel = "Medium", private readonly max = 1_000_000) {
    const parsed = new URL(url);
    // A URL that already carries its key is used as is; otherwise the SDK appends `api-key`.
    const keyInUrl = parsed.searchParams.has("api-key");
    this.client = createHelius({ baseUrl: url, apiKey: keyInUrl ? undefined : apiKey });
  }

  async microLamportsPerCu(writable: readonly PublicKey[]): Promise<number> {
    const response = await this.client.getPriorityFeeEstimate({
      accountKeys: writable.map((k) => k.toBase58()),
      options: { priorityLevel: this.level, includeAllPriorityFeeLevels: false },
    });
    const estimate = response.priorityFeeEstimate;
    if (estimate === undefined) throw new FeeEstimateError(this.name, "result.priorityFeeEstimate", "missing from the response");
    return capped(this.name, estimate, this.max);
  }
}

/** No priority fee (local chains). */
export class ZeroFeeSource implements PriorityFeeSource {
  readonly name = "none";
  async microLamportsPerCu(): Promise<number> {
    return 0;
  }
}

export function isHeliusUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === "helius-rpc.com" || host.endsWith(".helius-rpc.com") || host.endsWith(".helius.xyz");
  } catch {
    return false;
  }
}

export interface FeeConfig {
  readonly source: "auto" | "recent" | "helius" | "none";
  readonly percentile: number;
  readonly maxMicroLamports: number;
  readonly heliusApiKey?: string | undefined;
  readonly heliusLevel: HeliusLevel;
}

/** `auto`: Helius when the first RPC URL is a Helius one, else recent fees. */
export function pickFeeSource(config: FeeConfig, pool: RpcPool): PriorityFeeSource {
  const first = pool.urls[0] as string;
  const source = config.source === "auto" ? (isHeliusUrl(first) ? "helius" : "recent") : config.source;
  if (source === "helius") return new HeliusFeeSource(first, config.heliusApiKey, config.heliusLevel, config.maxMicroLamports);
  if (source === "recent") return new RecentFeesSource(pool, config.percentile, config.maxMicroLamports);
  return new ZeroFeeSource();
}
