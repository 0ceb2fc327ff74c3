/**
 * Public configuration read from `NEXT_PUBLIC_*` env at build time. Bad values throw an error
 * naming the variable; nothing is silently replaced.
 */
export type Cluster = "localnet" | "devnet" | "mainnet";

export interface AppConfig {
  readonly cluster: Cluster;
  readonly rpcUrl: string;
  /** WebSocket endpoint; derived from `rpcUrl` (port + 1 on localnet, like solana-test-validator) when unset. */
  readonly wsUrl: string;
  readonly futstarProgramId: string | null;
  readonly oracleProgramId: string | null;
}

const CLUSTERS: readonly Cluster[] = ["localnet", "devnet", "mainnet"];
const BASE58 = /^[1-9A-HJ-NP-Za-km-z]{32,44}$/;

/** Env values as plain strings; Next inlines `process.env.NEXT_PUBLIC_X` only when written literally. */
export interface PublicEnv {
  NEXT_PUBLIC_CLUSTER?: string | undefined;
  NEXT_PUBLIC_RPC_URL?: string | undefined;
  NEXT_PUBLIC_WS_URL?: string | undefined;
  NEXT_PUBLIC_FUTSTAR_PROGRAM_ID?: string | undefined;
  NEXT_PUBLIC_ORACLE_PROGRAM_ID?: string | undefined;
}

function parseCluster(raw: string | undefined): Cluster {
  const value = (raw ?? "localnet").trim();
  if ((CLUSTERS as readonly string[]).includes(value)) return value as Cluster;
  throw new Error(`NEXT_PUBLIC_CLUSTER: "${value}" is not one of ${CLUSTERS.join(", ")}`);
}

function parseUrl(name: string, raw: string, protocols: readonly string[]): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${name}: "${raw}" is not a URL`);
  }
  if (!protocols.includes(url.protocol)) throw new Error(`${name}: "${raw}" must use ${protocols.join(" or ")}`);
  return raw;
}

function parseProgramId(name: string, raw: string | undefined): string | null {
  if (raw === undefined || raw.trim() === "") return null;
  if (!BASE58.test(raw.trim())) throw new Error(`${name}: "${raw}" is not a base58 public key`);
  return raw.trim();
}

/** WebSocket URL for an RPC URL: same host, ws(s), and on localnet the next port (8899 → 8900). */
export function deriveWsUrl(rpcUrl: string, cluster: Cluster): string {
  const url = new URL(rpcUrl);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  if (cluster === "localnet" && url.port !== "") url.port = String(Number(url.port) + 1);
  return url.toString().replace(/\/$/, "");
}

/** Parses and validates the public env. */
export function parseConfig(env: PublicEnv): AppConfig {
  const cluster = parseCluster(env.NEXT_PUBLIC_CLUSTER);
  const rpcUrl = parseUrl("NEXT_PUBLIC_RPC_URL", env.NEXT_PUBLIC_RPC_URL ?? "http://127.0.0.1:8899", ["http:", "https:"]);
  const wsUrl =
    env.NEXT_PUBLIC_WS_URL !== undefined && env.NEXT_PUBLIC_WS_URL !== ""
      ? parseUrl("NEXT_PUBLIC_WS_URL", env.NEXT_PUBLIC_WS_URL, ["ws:", "wss:"])
      : deriveWsUrl(rpcUrl, cluster);
  return {
    cluster,
    rpcUrl,
    wsUrl,
    futstarProgramId: parseProgramId("NEXT_PUBLIC_FUTSTAR_PROGRAM_ID", env.NEXT_PUBLIC_FUTSTAR_PROGRAM_ID),
    oracleProgramId: parseProgramId("NEXT_PUBLIC_ORACLE_PROGRAM_ID", env.NEXT_PUBLIC_ORACLE_PROGRAM_ID),
  };
}

/** The app's configuration (each variable written out so Next inlines it into the client bundle). */
export const appConfig: AppConfig = parseConfig({
  NEXT_PUBLIC_CLUSTER: process.env.NEXT_PUBLIC_CLUSTER,
  NEXT_PUBLIC_RPC_URL: process.env.NEXT_PUBLIC_RPC_URL,
  NEXT_PUBLIC_WS_URL: process.env.NEXT_PUBLIC_WS_URL,
  NEXT_PUBLIC_FUTSTAR_PROGRAM_ID: process.env.NEXT_PUBLIC_FUTSTAR_PROGRAM_ID,
  NEXT_PUBLIC_ORACLE_PROGRAM_ID: process.env.NEXT_PUBLIC_ORACLE_PROGRAM_ID,
});

/** Display symbol of the pools' collateral token. */
export const COLLATERAL_SYMBOL: string = process.env.NEXT_PUBLIC_COLLATERAL_SYMBOL ?? "USDC";
