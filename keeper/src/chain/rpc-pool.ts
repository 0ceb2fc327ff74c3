/**
 * Several RPC URLs with failover. Calls go to the current URL; a transport failure (connection
 * refused, timeout, HTTP 5xx/429, a body that is not JSON-RPC) moves to the next URL and retries
 * there, round-robin, until every URL has failed once for this call. JSON-RPC errors (e.g. a
 * simulation failure) are answers, not outages: they are thrown to the caller unchanged.
 */
import { type Commitment, Connection } from "@solana/web3.js";

export class RpcUnavailableError extends Error {
  constructor(readonly failures: readonly { url: string; error: string }[]) {
    super(`every RPC URL failed: ${failures.map((f) => `${f.url}: ${f.error}`).join("; ")}`);
    this.name = "RpcUnavailableError";
  }
}

/** True for errors that say the endpoint is unreachable or unhealthy, not that the request was refused. */
export function isTransportError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (err.name === "SolanaJSONRPCError") return false;
  const text = `${err.name} ${err.message} ${err.cause instanceof Error ? err.cause.message : ""}`;
  return /fetch failed|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|ENOTFOUND|socket hang up|other side closed|timed? ?out|aborted|\b(5\d\d|429)\b|Unexpected token|not valid JSON|Unexpected end of JSON|failed to get .*: .*(5\d\d|429)/i.test(text);
}

export interface RpcPoolOptions {
  readonly commitment?: Commitment;
  /** Per-request timeout in ms. */
  readonly timeoutMs?: number;
  readonly onFailover?: (from: string, to: string, error: unknown) => void;
  /** WebSocket endpoint per URL (web3.js derives it from the HTTP URL by default). */
  readonly wsEndpoint?: (url: string) => string | undefined;
}

export class RpcPool {
  private readonly connections: Connection[];
  private current = 0;

  constructor(readonly urls: readonly string[], private readonly options: RpcPoolOptions = {}) {
    if (urls.length === 0) throw new RangeError("rpcUrls: at least one URL is needed");
    const timeoutMs = options.timeoutMs ?? 10_000;
    this.connections = urls.map(
      (url) =>
        new Connection(url, {
          commitment: options.commitment ?? "confirmed",
          disableRetryOnRateLimit: true,
          wsEndpoint: options.wsEndpoint?.(url),
          fetch: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) }),
        }),
    );
  }

  /** The connection calls go to now. */
  get connection(): Connection {
    return this.connections[this.current] as Connection;
  }

  get currentUrl(): string {
    return this.urls[this.current] as string;
  }

  /** Runs `op` on the current connection, failing over on transport errors. */
  async call<T>(op: (connection: Connection, url: string) => Promise<T>): Promise<T> {
    const failures: { url: string; error: string }[] = [];
    for (let tried = 0; tried < this.connections.length; tried++) {
      const index = this.current;
      const url = this.urls[index] as string;
      try {
        return await op(this.connections[index] as Connection, url);
      } catch (err) {
        if (!isTransportError(err)) throw err;
        failures.push({ url, error: err instanceof Error ? err.message : String(err) });
        const next = (index + 1) % this.connections.length;
        // Another call may already have moved on; only move from where we failed.
        if (this.current === index && next !== index) {
          this.current = next;
          this.options.onFailover?.(url, this.urls[next] as string, err);
        }
      }
    }
    throw new RpcUnavailableError(failures);
  }
}
