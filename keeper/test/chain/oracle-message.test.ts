import { createPublicKey, verify } from "node:crypto";
import { Ed25519Program, Keypair, PublicKey, SYSVAR_INSTRUCTIONS_PUBKEY } from "@solana/web3.js";
import { describe, expect, it } from "vitest";
import { FeedStatus, type OracleUpdate } from "../../src/chain/oracle-codec.js";
import { ED25519_PROGRAM_ID, ed25519Instruction, encodeMessage, feedCreateInstruction, feedPushUpdateInstruction, oracleCodec, signEd25519 } from "../../src/chain/oracle-message.js";

const program = Keypair.generate().publicKey;
const update = (feed: PublicKey, seq: bigint): OracleUpdate => ({ feed, seq, ts: 1_780_000_123n, status: FeedStatus.Live, suspended: true, indexBps: 6123, components: [1, 2, 3, 4, 10_000] });

describe("oracle message", () => {
  it("lays out header and updates as the program reads them", () => {
    const feed = Keypair.generate().publicKey;
    const m = encodeMessage(program, [update(feed, 7n)]);
    expect(m.length).toBe(42 + 62);
    expect(m.subarray(0, 8).toString("ascii")).toBe("MOMORACL");
    expect(m[8]).toBe(1);
    expect(new PublicKey(m.subarray(9, 41)).equals(program)).toBe(true);
    expect(m[41]).toBe(1);
    expect(new PublicKey(m.subarray(42, 74)).equals(feed)).toBe(true);
    expect(m.readBigUInt64LE(74)).toBe(7n);
    expect(m.readBigInt64LE(82)).toBe(1_780_000_123n);
    expect([m[90], m[91], m.readUInt16LE(92)]).toEqual([1, 1, 6123]);
    expect([0, 1, 2, 3, 4].map((k) => m.readUInt16LE(94 + 2 * k))).toEqual([1, 2, 3, 4, 10_000]);
  });

  it("names the field of a value the program would refuse", () => {
    const feed = Keypair.generate().publicKey;
    expect(() => encodeMessage(program, [])).toThrow(/updates: 0 updates/);
    expect(() => encodeMessage(program, Array.from({ length: 17 }, (_, i) => update(feed, BigInt(i + 1))))).toThrow(/17 updates/);
    expect(() => encodeMessage(program, [{ ...update(feed, 1n), indexBps: 10_001 }])).toThrow(/updates\.0\.indexBps/);
    expect(() => encodeMessage(program, [{ ...update(feed, 1n), components: [0, 0, 0, -1, 0] }])).toThrow(/updates\.0\.components\.3/);
    expect(() => encodeMessage(program, [{ ...update(feed, 0n) }])).toThrow(/updates\.0\.seq/);
    expect(() => ed25519Instruction(Buffer.alloc(1), [])).toThrow(/signers/);
    expect(() => feedCreateInstruction(program, program, { matchId: new Uint8Array(31), home: "a", away: "b" })).toThrow(/matchId/);
    expect(() => feedCreateInstruction(program, program, { matchId: new Uint8Array(32), home: "x".repeat(33), away: "b" })).toThrow(/home/);
  });

  it("builds the same Ed25519 instruction as web3.js for one signer, and valid signatures for several", () => {
    const signer = Keypair.generate();
    const message = encodeMessage(program, [update(Keypair.generate().publicKey, 1n)]);
    const ours = ed25519Instruction(message, [signer]);
    const theirs = Ed25519Program.createInstructionWithPrivateKey({ privateKey: signer.secretKey, message });
    expect(ours.programId.equals(ED25519_PROGRAM_ID)).toBe(true);
    expect(Buffer.from(ours.data).equals(Buffer.from(theirs.data))).toBe(true);
    const signers = [Keypair.generate(), Keypair.generate(), Keypair.generate()];
    const data = ed25519Instruction(message, signers).data;
    expect(data[0]).toBe(3);
    for (let i = 0; i < 3; i++) {
      const at = 2 + 14 * i;
      const [sigOff, sigIx, keyOff, keyIx, msgOff, msgLen, msgIx] = [0, 1, 2, 3, 4, 5, 6].map((k) => data.readUInt16LE(at + 2 * k));
      expect([sigIx, keyIx, msgIx]).toEqual([0xffff, 0xffff, 0xffff]);
      const key = createPublicKey({ key: Buffer.concat([Buffer.from("302a300506032b6570032100", "hex"), data.subarray(keyOff as number, (keyOff as number) + 32)]), format: "der", type: "spki" });
      expect(verify(null, data.subarray(msgOff as number, (msgOff as number) + (msgLen as number)), key, data.subarray(sigOff as number, (sigOff as number) + 64))).toBe(true);
      expect(new PublicKey(data.subarray(keyOff as number, (keyOff as number) + 32)).equals(signers[i]!.publicKey)).toBe(true);
    }
    expect(signEd25519(signer, message).length).toBe(64);
  });

  it("carries the message and feeds in feed_push_update, and creates feeds at their PDA", () => {
    const feeds = [Keypair.generate().publicKey, Keypair.generate().publicKey];
    const [ed, push] = oracleCodec(program).pushInstructions([update(feeds[0]!, 1n), update(feeds[1]!, 9n)], [Keypair.generate()]);
    expect(ed!.programId.equals(ED25519_PROGRAM_ID)).toBe(true);
    expect(push!.keys.map((k) => [k.isWritable, k.isSigner])).toEqual([[false, false], [false, false], [true, false], [true, false]]);
    expect(push!.keys[1]!.pubkey.equals(SYSVAR_INSTRUCTIONS_PUBKEY)).toBe(true);
    expect(push!.data.readUInt32LE(8)).toBe(42 + 2 * 62);
    expect(push!.data.subarray(12).equals(encodeMessage(program, [update(feeds[0]!, 1n), update(feeds[1]!, 9n)]))).toBe(true);
    expect(feedPushUpdateInstruction(program, feeds, Buffer.alloc(3)).keys).toHaveLength(4);
    const admin = Keypair.generate().publicKey;
    const { feed, instruction } = feedCreateInstruction(program, admin, { matchId: new Uint8Array(32).fill(9), home: "France", away: "Croatia" });
    const [expected] = PublicKey.findProgramAddressSync([Buffer.from("feed"), Buffer.alloc(32, 9)], program);
    expect(feed.equals(expected)).toBe(true);
    expect(instruction.data.length).toBe(8 + 96);
    expect(instruction.data.subarray(40, 46).toString()).toBe("France");
    expect(instruction.keys[0]).toMatchObject({ isSigner: true, isWritable: true });
  });
});

describe("oracle message vectors (tests/vectors/oracle_message.json, shared with the program)", () => {
  it("builds exactly the vector bytes for every case", async () => {
    const { readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { repoRoot } = await import("./localnet.js");
    const vectors = JSON.parse(readFileSync(join(repoRoot, "tests/vectors/oracle_message.json"), "utf8")) as {
      cases: { name: string; program_id: string; updates: { feed: string; seq: string; ts: string; status: keyof typeof FeedStatus; suspended: boolean; index_bps: number; components: number[] }[]; message_hex: string }[];
    };
    expect(vectors.cases.length).toBeGreaterThanOrEqual(6);
    const checked: boolean[] = [];
    for (const c of vectors.cases) {
      const updates: OracleUpdate[] = c.updates.map((u) => ({
        feed: new PublicKey(u.feed),
        seq: BigInt(u.seq),
        ts: BigInt(u.ts),
        status: FeedStatus[u.status],
        suspended: u.suspended,
        indexBps: u.index_bps,
        components: u.components as unknown as OracleUpdate["components"],
      }));
      // The wire format carries any u16/u64; the keeper refuses to sign what the program refuses.
      const signable = updates.every((u) => u.seq >= 1n && u.indexBps <= 10_000 && u.components.every((x) => x <= 10_000));
      if (signable) expect(encodeMessage(new PublicKey(c.program_id), updates).toString("hex"), c.name).toBe(c.message_hex);
      else expect(() => encodeMessage(new PublicKey(c.program_id), updates), c.name).toThrow(/updates\.\d+\.(seq|indexBps|components)/);
      checked.push(signable);
    }
    expect(checked.filter(Boolean).length).toBeGreaterThanOrEqual(5);
  });
});
