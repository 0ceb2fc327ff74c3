import { readFileSync } from "node:fs";
import { join } from "node:path";
import { encodeOracleMessage } from "@futstar/sdk";
import { Ed25519Program, Keypair, PublicKey, SYSVAR_INSTRUCTIONS_PUBKEY } from "@solana/web3.js";
import { describe, expect, it } from "vitest";
import { FeedStatus, type OracleUpdate } from "../../src/chain/oracle-codec.js";
import { feedCreateInstruction, oracleCodec } from "../../src/chain/oracle-message.js";
import { repoRoot } from "./localnet.js";

const ids = { futstar: Keypair.generate().publicKey, momentumOracle: Keypair.generate().publicKey };
const update = (feed: PublicKey, seq: bigint): OracleUpdate => ({ feed, seq, ts: 1_780_000_123n, status: FeedStatus.Live, suspended: true, indexBps: 6123, components: [1, 2, 3, 4, 10_000] });

describe("oracle codec (the SDK's oracle module, as the pusher uses it)", () => {
  it("emits one Ed25519 instruction over the message then feed_push_update with the feeds", () => {
    const feeds = [Keypair.generate().publicKey, Keypair.generate().publicKey];
    const updates = [update(feeds[0]!, 1n), update(feeds[1]!, 9n)];
    const [ed, push] = oracleCodec(ids).pushInstructions(updates, [Keypair.generate(), Keypair.generate()]);
    expect(ed!.programId.equals(Ed25519Program.programId)).toBe(true);
    expect(ed!.data[0]).toBe(2);
    expect(push!.programId.equals(ids.momentumOracle)).toBe(true);
    expect(push!.keys.map((k) => k.isWritable)).toEqual([false, false, true, true]);
    expect(push!.keys[1]!.pubkey.equals(SYSVAR_INSTRUCTIONS_PUBKEY)).toBe(true);
    const message = encodeOracleMessage(ids.momentumOracle, updates);
    expect(Buffer.from(push!.data).subarray(12).equals(message)).toBe(true);
    expect(Buffer.from(ed!.data).subarray(ed!.data.length - message.length).equals(message)).toBe(true);
  });

  it("is byte-identical to web3.js's Ed25519 instruction for one signer", () => {
    const signer = Keypair.generate();
    const updates = [update(Keypair.generate().publicKey, 3n)];
    const [ed] = oracleCodec(ids).pushInstructions(updates, [signer]);
    const theirs = Ed25519Program.createInstructionWithPrivateKey({ privateKey: signer.secretKey, message: encodeOracleMessage(ids.momentumOracle, updates) });
    expect(Buffer.from(ed!.data).equals(Buffer.from(theirs.data))).toBe(true);
  });

  it("refuses to sign a value the program refuses, naming the field", () => {
    const feed = Keypair.generate().publicKey;
    expect(() => oracleCodec(ids).pushInstructions([{ ...update(feed, 1n), indexBps: 10_001 }], [Keypair.generate()])).toThrow(/updates\.0\.indexBps/);
    expect(() => oracleCodec(ids).pushInstructions([{ ...update(feed, 1n), components: [0, 0, 0, 10_001, 0] }], [Keypair.generate()])).toThrow(/updates\.0\.components\.3/);
  });

  it("creates feeds at their PDA", () => {
    const { feed, instruction } = feedCreateInstruction(ids, Keypair.generate().publicKey, { matchId: new Uint8Array(32).fill(9), home: "France", away: "Croatia" });
    const [expected] = PublicKey.findProgramAddressSync([Buffer.from("feed"), Buffer.alloc(32, 9)], ids.momentumOracle);
    expect(feed.equals(expected)).toBe(true);
    expect(instruction.keys.some((k) => k.pubkey.equals(feed) && k.isWritable)).toBe(true);
  });

  it("builds exactly the shared vectors' bytes (tests/vectors/oracle_message.json)", () => {
    const vectors = JSON.parse(readFileSync(join(repoRoot, "tests/vectors/oracle_message.json"), "utf8")) as {
      cases: { name: string; program_id: string; updates: { feed: string; seq: string; ts: string; status: keyof typeof FeedStatus; suspended: boolean; index_bps: number; components: number[] }[]; message_hex: string }[];
    };
    expect(vectors.cases.length).toBeGreaterThanOrEqual(6);
    for (const c of vectors.cases) {
      const updates = c.updates.map((u) => ({ feed: new PublicKey(u.feed), seq: BigInt(u.seq), ts: BigInt(u.ts), status: FeedStatus[u.status], suspended: u.suspended, indexBps: u.index_bps, components: u.components }));
      expect(encodeOracleMessage(new PublicKey(c.program_id), updates).toString("hex"), c.name).toBe(c.message_hex);
    }
  });
});
