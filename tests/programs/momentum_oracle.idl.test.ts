/**
 * Drives every momentum_oracle instruction through @anchor-lang/core's Program built from the
 * hand-written IDL, against the real SBF build in npm litesvm, and decodes every account type
 * and event — so the IDL cannot drift from the program.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { AnchorProvider, BN, type Idl, Program, Wallet, web3 } from "@anchor-lang/core";
import { address } from "@solana/kit";
import {
  Ed25519Program,
  Keypair,
  PublicKey,
  SYSVAR_INSTRUCTIONS_PUBKEY,
  SystemProgram,
  type TransactionInstruction,
} from "@solana/web3.js";
import { Clock, type LiteSVM } from "litesvm";
import { describe, expect, it } from "vitest";

import { accountData, deploy, fund, newSvm, send, type SendResult } from "./harness.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const idlJson: unknown = JSON.parse(readFileSync(join(root, "programs/momentum_oracle/idl/momentum_oracle.json"), "utf8"));
const messageVectors = JSON.parse(readFileSync(join(root, "tests/vectors/oracle_message.json"), "utf8")) as {
  cases: { program_id: string; updates: VectorUpdate[]; message_hex: string }[];
};
const UPGRADEABLE_LOADER = new PublicKey("BPFLoaderUpgradeab1e11111111111111111111111");
const T0 = 1_750_000_000n;
const STATUS = { Scheduled: 0, Live: 1, HalfTime: 2, Ended: 3, Abandoned: 4 } as const;

interface VectorUpdate {
  feed: string;
  seq: string;
  ts: string;
  status: keyof typeof STATUS;
  suspended: boolean;
  index_bps: number;
  components: number[];
}

/** The signed message (programs/momentum_oracle/README.md#message-format). */
function encodeMessage(programId: PublicKey, updates: VectorUpdate[]): Buffer {
  const header = Buffer.alloc(42);
  header.write("MOMORACL", 0, "ascii");
  header[8] = 1;
  programId.toBuffer().copy(header, 9);
  header[41] = updates.length;
  const body = updates.map((u) => {
    const out = Buffer.alloc(62);
    new PublicKey(u.feed).toBuffer().copy(out, 0);
    out.writeBigUInt64LE(BigInt(u.seq), 32);
    out.writeBigInt64LE(BigInt(u.ts), 40);
    out[48] = STATUS[u.status];
    out[49] = u.suspended ? 1 : 0;
    out.writeUInt16LE(u.index_bps, 50);
    u.components.forEach((c, i) => out.writeUInt16LE(c, 52 + 2 * i));
    return out;
  });
  return Buffer.concat([header, ...body]);
}

function padded(text: string): number[] {
  const out = new Array<number>(32).fill(0);
  Buffer.from(text, "utf8").forEach((b, i) => (out[i] = b));
  return out;
}

function setClock(svm: LiteSVM, unix: bigint): void {
  const clock = svm.getClock();
  svm.setClock(new Clock(clock.slot + 10n, clock.epochStartTimestamp, clock.epoch, clock.leaderScheduleEpoch, unix));
}

function expectOk(result: SendResult): Extract<SendResult, { ok: true }> {
  if (!result.ok) throw new Error(`transaction failed (${String(result.customCode)}):\n${result.logs.join("\n")}`);
  return result;
}

interface Fixture {
  svm: LiteSVM;
  program: Program;
  programId: PublicKey;
  authority: Keypair;
  admin: Keypair;
  signer: Keypair;
  config: PublicKey;
}

function fixture(): Fixture {
  const svm = newSvm();
  const programId = deploy(svm, "momentum_oracle");
  const authority = Keypair.generate();
  const admin = Keypair.generate();
  const signer = Keypair.generate();
  fund(svm, authority.publicKey);
  fund(svm, admin.publicKey);
  // LiteSVM deploys with no upgrade authority: write ours into the ProgramData header.
  const [programData] = PublicKey.findProgramAddressSync([programId.toBuffer()], UPGRADEABLE_LOADER);
  const account = svm.getAccount(address(programData.toBase58()));
  if (!account.exists) throw new Error("program data missing");
  const data = Uint8Array.from(account.data);
  data[12] = 1;
  data.set(authority.publicKey.toBytes(), 13);
  svm.setAccount({ ...account, data });
  setClock(svm, T0);
  // Anchor only builds and decodes here; the dummy connection is never used.
  const provider = new AnchorProvider(new web3.Connection("http://127.0.0.1:1"), new Wallet(web3.Keypair.fromSecretKey(admin.secretKey)), {});
  const program = new Program({ ...(idlJson as Idl), address: programId.toBase58() }, provider);
  const [config] = PublicKey.findProgramAddressSync([Buffer.from("oracle_config")], programId);
  return { svm, program, programId, authority, admin, signer, config };
}

/** The IDL method builder `name` (camelCase), failing loudly if the IDL lacks it. */
function method(f: Fixture, name: string): NonNullable<Program["methods"][string]> {
  const build = f.program.methods[name];
  if (build === undefined) throw new Error(`IDL has no instruction ${name}`);
  return build;
}

function params(f: Fixture, quorum: number, delay: number): Record<string, unknown> {
  const signers = Array.from({ length: 8 }, (_, i) => (i === 0 ? f.signer.publicKey : PublicKey.default));
  return {
    admin: f.admin.publicKey,
    signers,
    signerCount: 1,
    quorum,
    maxMoveBpsPerSec: 100,
    maxStalenessS: 60,
    maxFutureSkewS: 5,
    timelockDelayS: delay,
  };
}

async function initialized(): Promise<Fixture> {
  const f = fixture();
  const [programData] = PublicKey.findProgramAddressSync([f.programId.toBuffer()], UPGRADEABLE_LOADER);
  const ix = await method(f, "configInit")(params(f, 1, 3600))
    .accountsStrict({ authority: f.authority.publicKey, config: f.config, programData, systemProgram: SystemProgram.programId })
    .instruction();
  expectOk(send(f.svm, [ix], f.authority));
  return f;
}

async function createFeed(f: Fixture, matchId: string): Promise<PublicKey> {
  const id = padded(matchId);
  const [feed] = PublicKey.findProgramAddressSync([Buffer.from("feed"), Buffer.from(id)], f.programId);
  const ix = await method(f, "feedCreate")(id, padded("Arsenal"), padded("Chelsea"))
    .accountsStrict({ admin: f.admin.publicKey, config: f.config, feed, systemProgram: SystemProgram.programId })
    .instruction();
  const result = expectOk(send(f.svm, [ix], f.admin));
  console.log(`feed_create ${result.computeUnits} CU (npm litesvm)`);
  return feed;
}

async function pushIxs(f: Fixture, feed: PublicKey, update: Omit<VectorUpdate, "feed">): Promise<TransactionInstruction[]> {
  const message = encodeMessage(f.programId, [{ ...update, feed: feed.toBase58() }]);
  const verify = Ed25519Program.createInstructionWithPrivateKey({ privateKey: f.signer.secretKey, message });
  const push = await method(f, "feedPushUpdate")(message)
    .accountsStrict({ config: f.config, instructionsSysvar: SYSVAR_INSTRUCTIONS_PUBKEY })
    .remainingAccounts([{ pubkey: feed, isSigner: false, isWritable: true }])
    .instruction();
  return [verify, push];
}

function decode<T>(f: Fixture, name: string, who: PublicKey): T {
  const account = accountData(f.svm, who);
  if (account === null) throw new Error(`${who.toBase58()} missing`);
  return f.program.coder.accounts.decode<T>(name, Buffer.from(account.data));
}

function eventNames(f: Fixture, logs: string[]): { name: string; data: Record<string, unknown> }[] {
  return logs
    .filter((line) => line.startsWith("Program data: "))
    .map((line) => f.program.coder.events.decode(line.slice("Program data: ".length)))
    .filter((e): e is NonNullable<typeof e> => e !== null)
    .map((e) => ({ name: e.name.toLowerCase(), data: e.data as Record<string, unknown> }));
}

interface DecodedConfig {
  bump: number;
  paused: boolean;
  hasPending: boolean;
  pendingApplyAfter: BN;
  current: { admin: PublicKey; signers: PublicKey[]; quorum: number; timelockDelayS: number };
}

interface DecodedFeed {
  config: PublicKey;
  status: number;
  suspended: boolean;
  indexBps: number;
  components: number[];
  seq: BN;
  lastUpdateTs: BN;
  ringLen: number;
  ring: { ts: BN; indexBps: number; suspended: boolean; status: number }[];
}

describe("momentum_oracle IDL drives the real program (npm litesvm)", () => {
  it("encodes the message exactly like the shared vectors", () => {
    for (const c of messageVectors.cases) {
      expect(encodeMessage(new PublicKey(c.program_id), c.updates).toString("hex")).toBe(c.message_hex);
    }
  });

  it("config_init, and OracleConfig decodes", async () => {
    const f = await initialized();
    const config = decode<DecodedConfig>(f, "oracleConfig", f.config);
    expect(config.paused).toBe(false);
    expect(config.hasPending).toBe(false);
    expect(config.current.admin.equals(f.admin.publicKey)).toBe(true);
    expect(config.current.signers[0]!.equals(f.signer.publicKey)).toBe(true);
    expect(config.current.quorum).toBe(1);
    expect(config.current.timelockDelayS).toBe(3600);
  });

  it("feed_create and feed_push_update (Ed25519Program instruction), Feed and FeedUpdated decode", async () => {
    const f = await initialized();
    const feed = await createFeed(f, "sr:match:1");
    setClock(f.svm, T0 + 10n);
    const update = { seq: "1", ts: String(T0 + 10n), status: "Live", suspended: true, index_bps: 5600, components: [6000, 5500, 7000, 5200, 3000] } as const;
    const result = expectOk(send(f.svm, await pushIxs(f, feed, { ...update, components: [...update.components] }), f.admin));
    console.log(`feed_push_update ${result.computeUnits} CU (npm litesvm)`);

    const decoded = decode<DecodedFeed>(f, "feed", feed);
    expect(decoded.config.equals(f.config)).toBe(true);
    expect(decoded.status).toBe(1);
    expect(decoded.suspended).toBe(true);
    expect(decoded.indexBps).toBe(5600);
    expect(decoded.components).toEqual([6000, 5500, 7000, 5200, 3000]);
    expect(decoded.seq.toString()).toBe("1");
    expect(decoded.ringLen).toBe(1);
    expect(decoded.ring[0]!.ts.toString()).toBe(String(T0 + 10n));
    expect(decoded.ring[0]!.indexBps).toBe(5600);

    const events = eventNames(f, result.logs);
    expect(events.map((e) => e.name)).toEqual(["feedupdated"]);
    expect(events[0]!.data["indexBps"]).toBe(5600);

    // Replaying the same signed update fails with the IDL's SeqNotIncreasing code
    const replay = send(f.svm, await pushIxs(f, feed, { ...update, components: [...update.components] }), f.admin);
    const seqError = (idlJson as Idl).errors?.find((e) => e.name === "SeqNotIncreasing");
    expect(replay.ok ? null : replay.customCode).toBe(seqError?.code);
  });

  it("config_set_paused, config_propose_change, config_cancel_change, config_apply_change", async () => {
    const f = await initialized();
    const admin = { admin: f.admin.publicKey, config: f.config };

    const pause = await method(f, "configSetPaused")(true).accountsStrict(admin).instruction();
    const paused = expectOk(send(f.svm, [pause], f.admin));
    expect(decode<DecodedConfig>(f, "oracleConfig", f.config).paused).toBe(true);
    expect(eventNames(f, paused.logs)[0]?.name).toBe("configpausedset");
    const feed = await createFeed(f, "m");
    setClock(f.svm, T0 + 5n);
    const blocked = send(f.svm, await pushIxs(f, feed, { seq: "1", ts: String(T0 + 5n), status: "Live", suspended: false, index_bps: 5000, components: [5000, 5000, 5000, 5000, 5000] }), f.admin);
    expect(blocked.ok ? null : blocked.customCode).toBe((idlJson as Idl).errors?.find((e) => e.name === "Paused")?.code);
    const unpause = await method(f, "configSetPaused")(false).accountsStrict(admin).instruction();
    expectOk(send(f.svm, [unpause], f.admin));

    const propose = await method(f, "configProposeChange")(params(f, 1, 120)).accountsStrict(admin).instruction();
    const proposed = expectOk(send(f.svm, [propose], f.admin));
    expect(eventNames(f, proposed.logs)[0]?.name).toBe("configchangeproposed");
    let config = decode<DecodedConfig>(f, "oracleConfig", f.config);
    expect(config.hasPending).toBe(true);
    expect(config.pendingApplyAfter.toString()).toBe(String(T0 + 5n + 3600n));

    const cancel = await method(f, "configCancelChange")().accountsStrict(admin).instruction();
    expectOk(send(f.svm, [cancel], f.admin));
    expect(decode<DecodedConfig>(f, "oracleConfig", f.config).hasPending).toBe(false);

    expectOk(send(f.svm, [await method(f, "configProposeChange")(params(f, 1, 120)).accountsStrict(admin).instruction()], f.admin));
    const apply = await method(f, "configApplyChange")().accountsStrict({ config: f.config }).instruction();
    const early = send(f.svm, [apply], f.admin);
    expect(early.ok ? null : early.customCode).toBe((idlJson as Idl).errors?.find((e) => e.name === "TimelockNotElapsed")?.code);
    setClock(f.svm, T0 + 5n + 3600n);
    const applied = expectOk(send(f.svm, [await method(f, "configApplyChange")().accountsStrict({ config: f.config }).instruction()], f.admin));
    expect(eventNames(f, applied.logs)[0]?.name).toBe("configchangeapplied");
    config = decode<DecodedConfig>(f, "oracleConfig", f.config);
    expect(config.hasPending).toBe(false);
    expect(config.current.timelockDelayS).toBe(120);
  });
});
