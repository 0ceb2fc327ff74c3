/**
 * The oracle message and Ed25519 instruction builders against tests/vectors/oracle_message.json
 * (the file programs/momentum_oracle/tests/message_vectors.rs checks): exact bytes for every
 * valid case, the program's error name for every invalid one.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { Keypair, PublicKey } from "@solana/web3.js";
import { describe, expect, it } from "vitest";

import {
  ED25519_PROGRAM_ID,
  FeedStatus,
  OracleMessageError,
  type OracleUpdate,
  decodeOracleMessage,
  ed25519InstructionFromSigners,
  ed25519MultiSigInstruction,
  encodeOracleMessage,
  feedCreate,
  feedPushUpdate,
  oracleConfigInit,
  oracleConfigParams,
  oraclePushInstructions,
  signOracleMessage,
  verifyOracleSignature,
} from "../src/index.js";
import { repoRoot } from "./harness.js";

interface VectorUpdate {
  feed: string;
  seq: string;
  ts: string;
  status: keyof typeof FeedStatus;
  suspended: boolean;
  index_bps: number;
  components: number[];
}
interface Vectors {
  layout: { header_len: number; update_len: number; max_updates: number };
  cases: { name: string; program_id: string; updates: VectorUpdate[]; message_hex: string; message_len: number }[];
  invalid: { name: string; program_id: string; message_hex: string; error: string; code: number }[];
}

const vectors = JSON.parse(readFileSync(join(repoRoot, "tests/vectors/oracle_message.json"), "utf8")) as Vectors;

const update = (u: VectorUpdate): OracleUpdate => ({
  feed: new PublicKey(u.feed),
  seq: BigInt(u.seq),
  ts: BigInt(u.ts),
  status: FeedStatus[u.status],
  suspended: u.suspended,
  indexBps: u.index_bps,
  components: u.components,
});

const sample = (over: Partial<OracleUpdate> = {}): OracleUpdate => ({ feed: Keypair.generate().publicKey, seq: 1n, ts: 1n, status: FeedStatus.Live, suspended: false, indexBps: 5000, components: [1, 2, 3, 4, 5], ...over });
const fieldOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof OracleMessageError) return `${error.field}|${String(error.error)}`;
    throw error;
  }
  return "no error";
};

describe("oracle message vs tests/vectors/oracle_message.json", () => {
  it("has the layout the SDK encodes", () => {
    expect(vectors.layout).toMatchObject({ header_len: 42, update_len: 62, max_updates: 16 });
    expect(vectors.cases.length).toBeGreaterThanOrEqual(6);
    expect(vectors.invalid.length).toBeGreaterThanOrEqual(11);
  });

  for (const c of vectors.cases) {
    it(`encodes "${c.name}" byte for byte, and parses it back`, () => {
      const programId = new PublicKey(c.program_id);
      const updates = c.updates.map(update);
      const bytes = encodeOracleMessage(programId, updates);
      expect(bytes.toString("hex")).toBe(c.message_hex);
      expect(bytes.length).toBe(c.message_len);
      const parsed = decodeOracleMessage(bytes, programId);
      expect(parsed.map((u) => ({ ...u, feed: u.feed.toBase58() }))).toEqual(updates.map((u) => ({ ...u, feed: u.feed.toBase58() })));
    });
  }

  for (const c of vectors.invalid) {
    it(`refuses "${c.name}" with ${c.error}`, () => {
      const run = () => decodeOracleMessage(Buffer.from(c.message_hex, "hex"), new PublicKey(c.program_id));
      expect(run).toThrow(OracleMessageError);
      expect(fieldOf(run).split("|")[1]).toBe(c.error);
    });
  }

  it("refuses what the wire (encode) or the update rules (push) refuse, naming the field", () => {
    const id = Keypair.generate().publicKey;
    expect(fieldOf(() => encodeOracleMessage(id, []))).toBe("updates|MessageMalformed");
    expect(fieldOf(() => encodeOracleMessage(id, Array.from({ length: 17 }, () => sample())))).toBe("updates|MessageMalformed");
    expect(fieldOf(() => encodeOracleMessage(id, [sample(), sample({ indexBps: 0x10000 })]))).toBe("updates.1.indexBps|null");
    expect(fieldOf(() => encodeOracleMessage(id, [sample({ components: [0, 0, -1, 0, 0] })]))).toBe("updates.0.components.2|null");
    expect(fieldOf(() => encodeOracleMessage(id, [sample({ indexBps: 1.5 })]))).toBe("updates.0.indexBps|null");
    const ids = { futstar: id, momentumOracle: id };
    const signer = [Keypair.generate()];
    expect(fieldOf(() => oraclePushInstructions(ids, [sample(), sample({ indexBps: 10_001 })], signer))).toBe("updates.1.indexBps|IndexOutOfRange");
    expect(fieldOf(() => oraclePushInstructions(ids, [sample({ components: [0, 0, 10_001, 0, 0] })], signer))).toBe("updates.0.components.2|ComponentOutOfRange");
    expect(fieldOf(() => encodeOracleMessage(id, [sample({ components: [1, 2, 3] })]))).toBe("updates.0.components|null");
    expect(fieldOf(() => encodeOracleMessage(id, [sample({ status: 5 as FeedStatus })]))).toBe("updates.0.status|InvalidStatus");
    expect(fieldOf(() => encodeOracleMessage(id, [sample({ seq: 1n << 64n })]))).toBe("updates.0.seq|null");
    expect(fieldOf(() => encodeOracleMessage(id, [sample({ ts: 1n << 63n })]))).toBe("updates.0.ts|null");
  });
});

describe("Ed25519 precompile instruction (compact: one instruction, all signatures, one message)", () => {
  it("lays out offsets, keys, signatures and the message; signatures verify", () => {
    const message = encodeOracleMessage(Keypair.generate().publicKey, [sample()]);
    const signers = [Keypair.generate(), Keypair.generate()];
    const ix = ed25519InstructionFromSigners(message, signers);
    expect(ix.programId.equals(ED25519_PROGRAM_ID)).toBe(true);
    expect(ix.keys).toEqual([]);
    const data = ix.data;
    expect(data[0]).toBe(2);
    const tableEnd = 2 + 14 * 2;
    const messageOffset = tableEnd + 96 * 2;
    expect(data.length).toBe(messageOffset + message.length);
    expect(data.subarray(messageOffset).equals(message)).toBe(true);
    signers.forEach((signer, i) => {
      const at = 2 + 14 * i;
      const [sigOff, sigIx, keyOff, keyIx, msgOff, msgLen, msgIx] = Array.from({ length: 7 }, (_, k) => data.readUInt16LE(at + 2 * k));
      expect([sigIx, keyIx, msgIx]).toEqual([0xffff, 0xffff, 0xffff]);
      expect([msgOff, msgLen]).toEqual([messageOffset, message.length]);
      expect(keyOff).toBe(tableEnd + 96 * i);
      expect(sigOff).toBe(keyOff! + 32);
      expect(new PublicKey(data.subarray(keyOff, keyOff! + 32)).equals(signer.publicKey)).toBe(true);
      expect(verifyOracleSignature({ publicKey: signer.publicKey, signature: data.subarray(sigOff, sigOff! + 64) }, message)).toBe(true);
    });
    const forged = signOracleMessage(signers[0]!, message);
    expect(verifyOracleSignature(forged, Buffer.concat([message, Buffer.of(0)]))).toBe(false);
  });

  it("refuses empty or oversized signature sets and bad signatures", () => {
    const message = Buffer.from("x");
    expect(fieldOf(() => ed25519MultiSigInstruction(message, []))).toBe("signatures|null");
    expect(fieldOf(() => ed25519InstructionFromSigners(message, Array.from({ length: 9 }, () => Keypair.generate())))).toBe("signatures|null");
    expect(fieldOf(() => ed25519MultiSigInstruction(message, [{ publicKey: Keypair.generate().publicKey, signature: new Uint8Array(63) }]))).toBe("signatures.0.signature|null");
    expect(fieldOf(() => ed25519MultiSigInstruction(new Uint8Array(0x10000), [signOracleMessage(Keypair.generate(), message)]))).toBe("message|null");
  });

  it("pushes a batch as [Ed25519, feed_push_update] with feeds in message order", () => {
    const ids = { futstar: Keypair.generate().publicKey, momentumOracle: Keypair.generate().publicKey };
    const updates = [sample(), sample()];
    const signer = Keypair.generate();
    const [verify, push] = oraclePushInstructions(ids, updates, [signer]);
    const message = encodeOracleMessage(ids.momentumOracle, updates);
    expect(verify.data.subarray(verify.data.length - message.length).equals(message)).toBe(true);
    expect(push.programId.equals(ids.momentumOracle)).toBe(true);
    expect(push.keys.slice(2).map((k) => [k.pubkey.toBase58(), k.isWritable])).toEqual(updates.map((u) => [u.feed.toBase58(), true]));
    // Anchor `bytes`: u32 LE length, then the message, after the 8-byte discriminator.
    expect(push.data.readUInt32LE(8)).toBe(message.length);
    expect(push.data.subarray(12).equals(message)).toBe(true);
    const [viaSignatures] = oraclePushInstructions(ids, updates, [signOracleMessage(signer, message)]);
    expect(viaSignatures.data.equals(verify.data)).toBe(true);
    expect(fieldOf(() => feedPushUpdate(ids, { message, feeds: [] }))).toBe("feeds|MessageMalformed");
  });

  it("checks config params and team names, naming the field", () => {
    const ids = { futstar: Keypair.generate().publicKey, momentumOracle: Keypair.generate().publicKey };
    const params = { admin: Keypair.generate().publicKey, signers: [Keypair.generate().publicKey], quorum: 1, maxMoveBpsPerSec: 100, maxStalenessS: 60, maxFutureSkewS: 5, timelockDelayS: 3600 };
    expect(oracleConfigParams(params).signers).toHaveLength(8);
    expect(() => oracleConfigParams({ ...params, signers: [] })).toThrow(/params.signers/);
    expect(() => oracleConfigParams({ ...params, quorum: 256 })).toThrow(/params.quorum/);
    expect(() => oracleConfigInit(ids, { authority: params.admin, params: { ...params, maxMoveBpsPerSec: -1 } })).toThrow(/params.maxMoveBpsPerSec/);
    expect(() => feedCreate(ids, { admin: params.admin, matchId: "m", homeTeam: "", awayTeam: "B" })).toThrow(/homeTeam/);
    expect(() => feedCreate(ids, { admin: params.admin, matchId: "m", homeTeam: "A", awayTeam: "B".repeat(33) })).toThrow(/awayTeam/);
  });
});
