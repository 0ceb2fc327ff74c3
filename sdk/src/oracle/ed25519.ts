/**
 * Ed25519 precompile instructions carrying the oracle quorum's signatures, in the compact shape
 * `feed_push_update` reads (programs/momentum_oracle/src/ed25519): ONE instruction holding every
 * signature and one copy of the message, every instruction index `0xFFFF` (= this instruction).
 * Signing uses @noble/curves (browser-safe, no Node built-ins).
 */
import { ed25519 } from "@noble/curves/ed25519";
import { type Keypair, PublicKey, TransactionInstruction } from "@solana/web3.js";
import { Buffer } from "buffer";

import { OracleMessageError } from "./message.js";

/** The Ed25519 signature-verify precompile. */
export const ED25519_PROGRAM_ID = new PublicKey("Ed25519SigVerify111111111111111111111111111");
/** Most signatures per transaction the runtime verifies (and the oracle's signer-set size). */
export const ED25519_MAX_SIGNATURES = 8;
const OFFSETS_LEN = 14;
const ENTRY_LEN = 32 + 64;
const THIS_INSTRUCTION = 0xffff;

/** One signer's public key and its signature over the message. */
export interface Ed25519Signature {
  readonly publicKey: PublicKey;
  readonly signature: Uint8Array;
}

/** Signs `message` with a Solana keypair (its 64-byte secret key holds the 32-byte seed first). */
export function signOracleMessage(signer: Keypair, message: Uint8Array): Ed25519Signature {
  return { publicKey: signer.publicKey, signature: ed25519.sign(message, signer.secretKey.subarray(0, 32)) };
}

/** True when `signature` is `publicKey`'s valid signature of `message`. */
export function verifyOracleSignature(entry: Ed25519Signature, message: Uint8Array): boolean {
  return ed25519.verify(entry.signature, message, entry.publicKey.toBytes());
}

/**
 * The compact precompile instruction: `count u8 | pad u8 | count × offsets (14 bytes) |
 * count × (pubkey 32 | signature 64) | message`.
 */
export function ed25519MultiSigInstruction(message: Uint8Array, signatures: readonly Ed25519Signature[]): TransactionInstruction {
  const count = signatures.length;
  if (count < 1 || count > ED25519_MAX_SIGNATURES) throw new OracleMessageError("signatures", null, `${count} signatures, expected 1..=${ED25519_MAX_SIGNATURES}`);
  if (message.length > 0xffff) throw new OracleMessageError("message", null, `${message.length} bytes do not fit a u16 size`);
  const tableEnd = 2 + OFFSETS_LEN * count;
  const messageOffset = tableEnd + ENTRY_LEN * count;
  const data = Buffer.alloc(messageOffset + message.length);
  data[0] = count;
  signatures.forEach((entry, i) => {
    if (entry.signature.length !== 64) throw new OracleMessageError(`signatures.${i}.signature`, null, `${entry.signature.length} bytes, expected 64`);
    const keyOffset = tableEnd + ENTRY_LEN * i;
    const signatureOffset = keyOffset + 32;
    const offsets = [signatureOffset, THIS_INSTRUCTION, keyOffset, THIS_INSTRUCTION, messageOffset, message.length, THIS_INSTRUCTION];
    offsets.forEach((value, k) => data.writeUInt16LE(value, 2 + OFFSETS_LEN * i + 2 * k));
    data.set(entry.publicKey.toBytes(), keyOffset);
    data.set(entry.signature, signatureOffset);
  });
  data.set(message, messageOffset);
  return new TransactionInstruction({ programId: ED25519_PROGRAM_ID, keys: [], data });
}

/** Signs `message` with every signer and builds the compact precompile instruction. */
export function ed25519InstructionFromSigners(message: Uint8Array, signers: readonly Keypair[]): TransactionInstruction {
  return ed25519MultiSigInstruction(message, signers.map((signer) => signOracleMessage(signer, message)));
}
