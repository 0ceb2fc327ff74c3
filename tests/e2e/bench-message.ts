/**
 * A lean compiler of legacy Solana messages for the benchmark's client. web3.js's
 * `Transaction.compileMessage` base58-encodes every account key several times (O(keys²)
 * encodings to deduplicate, then a sort by base58): ~0.5–0.8 ms per transaction, most of the
 * client's time once signing is native. This one keys accounts by their raw bytes (cached per
 * `PublicKey` object) and writes the same wire format: header, compact-u16 counts, keys,
 * blockhash, compiled instructions. `tests/e2e/bench-localnet.ts` checks once that web3.js
 * decodes what it writes back into the same instructions.
 */
import { PublicKey, type TransactionInstruction } from "@solana/web3.js";

/** Raw bytes of key objects already seen: the bench reuses the same `PublicKey` instances. */
const keyBytes = new WeakMap<PublicKey, Buffer>();

function bytesOf(key: PublicKey): Buffer {
  let bytes = keyBytes.get(key);
  if (bytes === undefined) {
    bytes = key.toBuffer();
    keyBytes.set(key, bytes);
  }
  return bytes;
}

/** Solana's compact-u16 (shortvec) length prefix. */
function compactU16(value: number): number[] {
  if (!Number.isInteger(value) || value < 0 || value > 0xffff) throw new RangeError(`compact-u16: ${value} is out of range`);
  const out: number[] = [];
  let rest = value;
  for (;;) {
    const low = rest & 0x7f;
    rest >>= 7;
    if (rest === 0) {
      out.push(low);
      return out;
    }
    out.push(low | 0x80);
  }
}

interface KeyEntry {
  bytes: Buffer;
  signer: boolean;
  writable: boolean;
}

/** A compiled legacy message: its bytes and the keys that must sign it, in order. */
export interface CompiledMessage {
  readonly bytes: Buffer;
  readonly signerKeys: readonly Buffer[];
}

/**
 * Compiles `ixs` paid by `payer` against `blockhash` (32 bytes) into a legacy message. Key order:
 * the payer, other writable signers, read-only signers, writable non-signers, read-only
 * non-signers (programs included), each key once with the union of its flags.
 */
export function compileLegacyMessage(payer: PublicKey, ixs: readonly TransactionInstruction[], blockhash: Buffer): CompiledMessage {
  if (blockhash.length !== 32) throw new RangeError(`blockhash: ${blockhash.length} bytes, expected 32`);
  const entries = new Map<string, KeyEntry>();
  const add = (key: PublicKey, signer: boolean, writable: boolean): void => {
    const bytes = bytesOf(key);
    const id = bytes.toString("latin1");
    const entry = entries.get(id);
    if (entry === undefined) entries.set(id, { bytes, signer, writable });
    else {
      entry.signer ||= signer;
      entry.writable ||= writable;
    }
  };
  add(payer, true, true);
  for (const ix of ixs) {
    for (const meta of ix.keys) add(meta.pubkey, meta.isSigner, meta.isWritable);
    add(ix.programId, false, false);
  }
  const [first, ...rest] = [...entries.values()];
  const rank = (e: KeyEntry): number => (e.signer ? 0 : 2) + (e.writable ? 0 : 1);
  const ordered = [first!, ...rest.sort((a, b) => rank(a) - rank(b))];
  const index = new Map(ordered.map((e, k) => [e.bytes.toString("latin1"), k]));
  const signerKeys = ordered.filter((e) => e.signer).map((e) => e.bytes);
  const readonlySigned = ordered.filter((e) => e.signer && !e.writable).length;
  const readonlyUnsigned = ordered.filter((e) => !e.signer && !e.writable).length;
  if (ordered.length > 256) throw new RangeError(`message: ${ordered.length} accounts, at most 256`);

  const parts: Buffer[] = [
    Buffer.from([signerKeys.length, readonlySigned, readonlyUnsigned, ...compactU16(ordered.length)]),
    ...ordered.map((e) => e.bytes),
    blockhash,
    Buffer.from(compactU16(ixs.length)),
  ];
  for (const ix of ixs) {
    const at = (key: PublicKey): number => index.get(bytesOf(key).toString("latin1"))!;
    parts.push(Buffer.from([at(ix.programId), ...compactU16(ix.keys.length), ...ix.keys.map((m) => at(m.pubkey)), ...compactU16(ix.data.length)]), ix.data);
  }
  return { bytes: Buffer.concat(parts), signerKeys };
}

/** A base58 blockhash as 32 bytes (decoded once per burst by the caller). */
export function blockhashBytes(blockhash: string): Buffer {
  return new PublicKey(blockhash).toBuffer();
}
