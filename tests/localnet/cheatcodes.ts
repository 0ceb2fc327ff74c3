/**
 * Surfnet's test-only cheatcodes, called over plain JSON-RPC (web3.js has no binding for them).
 * Each throws with the method name and surfnet's error message when surfnet refuses.
 */
import type { PublicKey } from "@solana/web3.js";

/** Surfnet's clock after a time travel (the JSON-RPC `EpochInfo`). */
export interface EpochInfo {
  absoluteSlot: number;
  blockHeight: number;
  epoch: number;
  slotIndex: number;
  slotsInEpoch: number;
}

/** Where to travel: exactly one key, as surfnet's `TimeTravelConfig`. */
export type TimeTravel =
  | { absoluteSlot: number }
  | { absoluteTimestamp: number } // UNIX milliseconds
  | { absoluteEpoch: number };

/** Fields `surfnet_setAccount` overwrites; omitted fields keep their value. */
export interface AccountUpdate {
  lamports?: number;
  data?: Uint8Array;
  owner?: PublicKey;
  executable?: boolean;
}

let nextId = 1;

/** One JSON-RPC call; returns `result` or throws naming the method. */
export async function rpcCall(rpcUrl: string, method: string, params: unknown[]): Promise<unknown> {
  const response = await fetch(rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: nextId++, method, params }),
  });
  if (!response.ok) throw new Error(`${method}: HTTP ${response.status}`);
  const body: unknown = await response.json();
  if (typeof body !== "object" || body === null) throw new Error(`${method}: malformed response`);
  if ("error" in body) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  if (!("result" in body)) throw new Error(`${method}: response without result`);
  return body.result;
}

/** `surfnet_timeTravel`: moves the clock forward (never back). */
export async function timeTravel(rpcUrl: string, to: TimeTravel): Promise<EpochInfo> {
  const result = await rpcCall(rpcUrl, "surfnet_timeTravel", [to]);
  if (typeof result !== "object" || result === null) throw new Error(`surfnet_timeTravel: unexpected result ${JSON.stringify(result)}`);
  const fields = result as Record<string, unknown>;
  const number = (name: keyof EpochInfo): number => {
    const value = fields[name];
    if (typeof value !== "number") throw new Error(`surfnet_timeTravel: result.${name} is ${JSON.stringify(value)}, expected a number`);
    return value;
  };
  return {
    absoluteSlot: number("absoluteSlot"),
    blockHeight: number("blockHeight"),
    epoch: number("epoch"),
    slotIndex: number("slotIndex"),
    slotsInEpoch: number("slotsInEpoch"),
  };
}

/** `surfnet_setAccount`: overwrites (or creates) an account; data travels hex-encoded. */
export async function setAccount(rpcUrl: string, address: PublicKey, update: AccountUpdate): Promise<void> {
  const params: Record<string, unknown> = {};
  if (update.lamports !== undefined) params.lamports = update.lamports;
  if (update.data !== undefined) params.data = Buffer.from(update.data).toString("hex");
  if (update.owner !== undefined) params.owner = update.owner.toBase58();
  if (update.executable !== undefined) params.executable = update.executable;
  await rpcCall(rpcUrl, "surfnet_setAccount", [address.toBase58(), params]);
}
