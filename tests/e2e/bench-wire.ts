/**
 * The benchmark's client path for many transactions at once, every step still done per
 * transaction inside the timed window:
 *   - signing with Node's native Ed25519 (OpenSSL) instead of web3.js's pure-JS one (~1 ms each,
 *     most of the client's time in a profile);
 *   - the message compiled by `bench-message.ts` (web3.js's compiler base58-encodes every key
 *     many times) and the wire bytes written once, without web3.js `serialize()`'s
 *     re-verification of the signatures just made (the chain verifies every one of them);
 *   - `sendTransaction` calls posted as JSON-RPC 2.0 batches, the next batch signed while earlier
 *     ones are being executed (the client's and the node's work overlap, as with many clients).
 */
import { type KeyObject, createPrivateKey, sign } from "node:crypto";

import { type Keypair, PublicKey, type TransactionInstruction } from "@solana/web3.js";

import { rpcCall } from "../localnet/cheatcodes.js";
import { compileLegacyMessage } from "./bench-message.js";

/** PKCS#8 DER header of an Ed25519 private key; the 32-byte seed follows (RFC 8410). */
const ED25519_PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

/** A keypair with its private key loaded into OpenSSL once. */
export interface NativeSigner {
  readonly publicKey: PublicKey;
  readonly publicKeyBytes: Buffer;
  readonly key: KeyObject;
}

export function nativeSigner(keypair: Keypair): NativeSigner {
  const seed = keypair.secretKey.subarray(0, 32);
  const key = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: "der", type: "pkcs8" });
  return { publicKey: keypair.publicKey, publicKeyBytes: keypair.publicKey.toBuffer(), key };
}

/**
 * Compiles `ixs` into a legacy message paid by `signers[0]`, signs it with every signer, and
 * returns the wire format: compact-u16 signature count, the signatures in the message's signer
 * order, the message.
 */
export function signWire(ixs: readonly TransactionInstruction[], signers: readonly NativeSigner[], blockhash: Buffer): Buffer {
  const payer = signers[0];
  if (payer === undefined) throw new Error("signWire: signers is empty (the fee payer signs first)");
  const message = compileLegacyMessage(payer.publicKey, ixs, blockhash);
  if (message.signerKeys.length >= 0x80) throw new Error(`signWire: ${message.signerKeys.length} signatures do not fit one compact-u16 byte`);
  const signatures = message.signerKeys.map((keyBytes) => {
    const signer = signers.find((s) => s.publicKeyBytes.equals(keyBytes));
    if (signer === undefined) throw new Error(`signWire: no signer for required signature of ${new PublicKey(keyBytes).toBase58()}`);
    return sign(null, message.bytes, signer.key);
  });
  return Buffer.concat([Buffer.from([signatures.length]), ...signatures, message.bytes]);
}

interface RpcReply {
  id: number;
  result?: string;
  error?: { code: number; message: string };
}

/** Posts one JSON-RPC batch of `sendTransaction` calls; returns the signatures in order. */
async function postBatch(rpcUrl: string, wires: readonly Buffer[]): Promise<string[]> {
  const body = wires.map((wire, id) => ({
    jsonrpc: "2.0",
    id,
    method: "sendTransaction",
    params: [wire.toString("base64"), { encoding: "base64", skipPreflight: true, maxRetries: 0 }],
  }));
  const response = await fetch(rpcUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`sendTransaction batch: HTTP ${response.status} ${await response.text()}`);
  const replies = (await response.json()) as RpcReply[];
  if (!Array.isArray(replies) || replies.length !== body.length) throw new Error(`sendTransaction batch: expected ${body.length} replies, got ${JSON.stringify(replies).slice(0, 200)}`);
  const signatures = new Array<string>(wires.length);
  for (const reply of replies) {
    if (reply.error !== undefined || typeof reply.result !== "string") throw new Error(`sendTransaction in a batch: ${JSON.stringify(reply.error ?? reply)}`);
    signatures[reply.id] = reply.result;
  }
  return signatures;
}

/**
 * Signs transaction `k` with `signOne(k)` for k in 0..count and sends them as JSON-RPC batches of
 * `batchSize` (`sendTransaction`, base64, skipPreflight, maxRetries 0), signing the next batch
 * while up to `inFlight` earlier ones are being executed by the node. Returns the signature the
 * node reported for each transaction, in order; any RPC error is thrown.
 */
export async function signAndSend(rpcUrl: string, count: number, signOne: (k: number) => Buffer, batchSize: number, inFlight: number): Promise<string[]> {
  type Outcome = { start: number; signatures: string[] } | { error: unknown };
  const pending = new Map<number, Promise<Outcome>>();
  const signatures = new Array<string>(count);
  const settle = (outcome: Outcome): void => {
    if ("error" in outcome) throw outcome.error;
    outcome.signatures.forEach((s, k) => (signatures[outcome.start + k] = s));
  };
  for (let start = 0; start < count; start += batchSize) {
    const wires: Buffer[] = [];
    for (let k = start; k < Math.min(count, start + batchSize); k++) wires.push(signOne(k));
    // Never rejects: an error is kept as a value and thrown when the batch is collected.
    const outcome = postBatch(rpcUrl, wires).then(
      (sigs): Outcome => ({ start, signatures: sigs }),
      (error: unknown): Outcome => ({ error }),
    );
    pending.set(start, outcome.then((o) => (pending.delete(start), o)));
    if (pending.size >= inFlight) settle(await Promise.race(pending.values()));
  }
  for (const outcome of await Promise.all(pending.values())) settle(outcome);
  return signatures;
}

/** A signature's status as `getSignatureStatuses` reports it (the fields the bench reads). */
export interface SignatureStatus {
  readonly confirmationStatus: "processed" | "confirmed" | "finalized" | null;
  readonly err: unknown;
}

/**
 * `getSignatureStatuses` over plain JSON-RPC: the same call web3.js makes, without validating
 * every reply through superstruct (a tenth of the client's CPU when polling 200 signatures).
 */
export async function signatureStatuses(rpcUrl: string, signatures: readonly string[]): Promise<(SignatureStatus | null)[]> {
  const result = (await rpcCall(rpcUrl, "getSignatureStatuses", [signatures])) as { value?: unknown } | null;
  const value = result?.value;
  if (!Array.isArray(value) || value.length !== signatures.length) {
    throw new Error(`getSignatureStatuses: unexpected result ${JSON.stringify(result).slice(0, 300)}`);
  }
  return value as (SignatureStatus | null)[];
}
