/**
 * The momentum oracle's signed update message and the two instructions that carry it
 * (programs/momentum_oracle/src/message and ed25519): an Ed25519 precompile instruction holding
 * every signer's signature over ONE copy of the message (all offsets point into that same
 * instruction, index 0xFFFF), immediately followed by `feed_push_update(message)`.
 *
 * Kept here until the SDK's oracle module provides the same builders; the layout is checked
 * byte for byte by test/chain/oracle-message.test.ts and accepted by the real program in the
 * localnet tests.
 */
import { createHash, createPrivateKey, sign } from "node:crypto";
import { feedPda } from "@futstar/sdk";
import { type Keypair, PublicKey, SystemProgram, SYSVAR_INSTRUCTIONS_PUBKEY, TransactionInstruction } from "@solana/web3.js";
import type { MatchIdentity } from "./chain-adapter.js";
import type { OracleCodec, OracleUpdate } from "./oracle-codec.js";

export const ED25519_PROGRAM_ID = new PublicKey("Ed25519SigVerify111111111111111111111111111");
export const MAGIC = Buffer.from("MOMORACL", "ascii");
export const VERSION = 1;
export const HEADER_LEN = 42;
export const UPDATE_LEN = 62;
export const MAX_UPDATES = 16;
const THIS_INSTRUCTION = 0xffff;

/**
 * `["oracle_config"]` (programs/momentum_oracle/src/state/oracle_config.rs `CONFIG_SEED`).
 * The SDK's `oracleConfigPda` derives from "config" at the time of writing, which is not the
 * program's seed.
 */
export function oracleConfigAddress(programId: PublicKey): PublicKey {
  return PublicKey.findProgramAddressSync([Buffer.from("oracle_config")], programId)[0];
}

const discriminator = (name: string): Buffer => createHash("sha256").update(`global:${name}`).digest().subarray(0, 8);

export class OracleMessageError extends RangeError {
  constructor(readonly field: string, message: string) {
    super(`oracle message: ${field}: ${message}`);
    this.name = "OracleMessageError";
  }
}

function checkBps(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 0 || value > 10_000) throw new OracleMessageError(field, `${value} is not an integer in 0..=10000`);
  return value;
}

/** `MOMORACL` | version | program id | count | 62-byte updates. */
export function encodeMessage(programId: PublicKey, updates: readonly OracleUpdate[]): Buffer {
  if (updates.length < 1 || updates.length > MAX_UPDATES) throw new OracleMessageError("updates", `${updates.length} updates, expected 1..=${MAX_UPDATES}`);
  const out = Buffer.alloc(HEADER_LEN + UPDATE_LEN * updates.length);
  MAGIC.copy(out, 0);
  out[8] = VERSION;
  programId.toBuffer().copy(out, 9);
  out[41] = updates.length;
  updates.forEach((u, i) => {
    const at = HEADER_LEN + i * UPDATE_LEN;
    if (u.seq < 1n || u.seq >= 1n << 64n) throw new OracleMessageError(`updates.${i}.seq`, `${u.seq} is not a positive u64`);
    u.feed.toBuffer().copy(out, at);
    out.writeBigUInt64LE(u.seq, at + 32);
    out.writeBigInt64LE(u.ts, at + 40);
    out[at + 48] = u.status;
    out[at + 49] = u.suspended ? 1 : 0;
    out.writeUInt16LE(checkBps(u.indexBps, `updates.${i}.indexBps`), at + 50);
    u.components.forEach((c, k) => out.writeUInt16LE(checkBps(c, `updates.${i}.components.${k}`), at + 52 + 2 * k));
  });
  return out;
}

// PKCS#8 DER prefix of an Ed25519 private key: the 32-byte seed follows.
const PKCS8_ED25519 = Buffer.from("302e020100300506032b657004220420", "hex");

export function signEd25519(signer: Keypair, message: Uint8Array): Buffer {
  const key = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519, Buffer.from(signer.secretKey.subarray(0, 32))]), format: "der", type: "pkcs8" });
  return sign(null, message, key);
}

/** One precompile instruction: every signer's key and signature, then the message once. */
export function ed25519Instruction(message: Buffer, signers: readonly Keypair[]): TransactionInstruction {
  const count = signers.length;
  if (count < 1 || count > 8) throw new OracleMessageError("signers", `${count} signers, expected 1..=8`);
  const tableEnd = 2 + 14 * count;
  const messageOffset = tableEnd + 96 * count;
  const data = Buffer.alloc(messageOffset + message.length);
  data[0] = count;
  signers.forEach((signer, i) => {
    const keyOffset = tableEnd + 96 * i;
    const signatureOffset = keyOffset + 32;
    const at = 2 + 14 * i;
    for (const [k, v] of [signatureOffset, THIS_INSTRUCTION, keyOffset, THIS_INSTRUCTION, messageOffset, message.length, THIS_INSTRUCTION].entries()) data.writeUInt16LE(v, at + 2 * k);
    signer.publicKey.toBuffer().copy(data, keyOffset);
    signEd25519(signer, message).copy(data, signatureOffset);
  });
  message.copy(data, messageOffset);
  return new TransactionInstruction({ programId: ED25519_PROGRAM_ID, keys: [], data });
}

/** `feed_push_update(message: bytes)`: config, instructions sysvar, then one writable feed per update. */
export function feedPushUpdateInstruction(programId: PublicKey, feeds: readonly PublicKey[], message: Buffer): TransactionInstruction {
  const length = Buffer.alloc(4);
  length.writeUInt32LE(message.length);
  return new TransactionInstruction({
    programId,
    keys: [
      { pubkey: oracleConfigAddress(programId), isSigner: false, isWritable: false },
      { pubkey: SYSVAR_INSTRUCTIONS_PUBKEY, isSigner: false, isWritable: false },
      ...feeds.map((pubkey) => ({ pubkey, isSigner: false, isWritable: true })),
    ],
    data: Buffer.concat([discriminator("feed_push_update"), length, message]),
  });
}

function padded(text: string, field: string): Buffer {
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length === 0 || bytes.length > 32) throw new OracleMessageError(field, `'${text}' is ${bytes.length} bytes of UTF-8, expected 1..=32`);
  const out = Buffer.alloc(32);
  bytes.copy(out);
  return out;
}

/** `feed_create(match_id, home_team, away_team)` by the oracle admin. */
export function feedCreateInstruction(programId: PublicKey, admin: PublicKey, match: MatchIdentity): { feed: PublicKey; instruction: TransactionInstruction } {
  if (match.matchId.length !== 32) throw new OracleMessageError("matchId", `${match.matchId.length} bytes, expected 32`);
  const feed = feedPda(programId, match.matchId)[0];
  return {
    feed,
    instruction: new TransactionInstruction({
      programId,
      keys: [
        { pubkey: admin, isSigner: true, isWritable: true },
        { pubkey: oracleConfigAddress(programId), isSigner: false, isWritable: false },
        { pubkey: feed, isSigner: false, isWritable: true },
        { pubkey: SystemProgram.programId, isSigner: false, isWritable: false },
      ],
      data: Buffer.concat([discriminator("feed_create"), Buffer.from(match.matchId), padded(match.home, "home"), padded(match.away, "away")]),
    }),
  };
}

/** The pusher's codec over these builders. */
export function oracleCodec(programId: PublicKey): OracleCodec {
  return {
    pushInstructions(updates, signers) {
      const message = encodeMessage(programId, updates);
      return [ed25519Instruction(message, signers), feedPushUpdateInstruction(programId, updates.map((u) => u.feed), message)];
    },
  };
}
