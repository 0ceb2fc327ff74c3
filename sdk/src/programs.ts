/** Program ids are configuration (localnet, devnet, mainnet each bring their own), never constants. */
import { PublicKey } from "@solana/web3.js";

/** The deployed addresses of the two programs. */
export interface ProgramIds {
  /** The Futstar exchange program. */
  readonly futstar: PublicKey;
  /** The momentum oracle program. */
  readonly momentumOracle: PublicKey;
}

/** A cluster as the keeper, the dApp or an integrator configures it. */
export interface ClusterConfig {
  readonly name: string;
  readonly rpcUrl: string;
  readonly wsUrl?: string;
  readonly programIds: ProgramIds;
}

function parseKey(value: unknown, field: string): PublicKey {
  if (typeof value !== "string") throw new TypeError(`${field}: expected a base58 address string`);
  try {
    return new PublicKey(value);
  } catch {
    throw new TypeError(`${field}: "${value}" is not a base58 address`);
  }
}

function parseUrl(value: unknown, field: string, schemes: readonly string[]): string {
  if (typeof value !== "string") throw new TypeError(`${field}: expected a URL string`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`${field}: "${value}" is not a URL`);
  }
  if (!schemes.includes(url.protocol)) throw new TypeError(`${field}: scheme ${url.protocol} not in ${schemes.join(", ")}`);
  return value;
}

/**
 * Parses a cluster config from JSON-like input:
 * `{ name, rpcUrl, wsUrl?, programIds: { futstar, momentumOracle } }`. Errors name the field.
 */
export function parseClusterConfig(input: unknown): ClusterConfig {
  if (typeof input !== "object" || input === null) throw new TypeError("cluster config: expected an object");
  const record = input as Record<string, unknown>;
  const name = record["name"];
  if (typeof name !== "string" || name.length === 0) throw new TypeError("name: expected a non-empty string");
  const ids = record["programIds"];
  if (typeof ids !== "object" || ids === null) throw new TypeError("programIds: expected an object");
  const idRecord = ids as Record<string, unknown>;
  const wsUrl = record["wsUrl"];
  return {
    name,
    rpcUrl: parseUrl(record["rpcUrl"], "rpcUrl", ["http:", "https:"]),
    ...(wsUrl === undefined ? {} : { wsUrl: parseUrl(wsUrl, "wsUrl", ["ws:", "wss:"]) }),
    programIds: {
      futstar: parseKey(idRecord["futstar"], "programIds.futstar"),
      momentumOracle: parseKey(idRecord["momentumOracle"], "programIds.momentumOracle"),
    },
  };
}
