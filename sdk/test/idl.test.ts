/** The IDL copies, the layouts derived from them, and the PDA helpers. */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { Keypair, PublicKey } from "@solana/web3.js";
import { describe, expect, it } from "vitest";

import {
  accountSize,
  exchangePda,
  feedPda,
  fieldOffset,
  futstarIdl,
  futstarIdlSourceSha256,
  matchIdBytes,
  momentumOracleIdl,
  momentumOracleIdlSourceSha256,
  positionPda,
  typeSize,
  u64Seed,
} from "../src/index.js";
import { repoRoot } from "./harness.js";

const sources = [
  { name: "futstar", sha: futstarIdlSourceSha256 },
  { name: "momentum_oracle", sha: momentumOracleIdlSourceSha256 },
];

describe("IDL copies", () => {
  for (const { name, sha } of sources) {
    const path = join(repoRoot, "programs", name, "idl", `${name}.json`);
    it.runIf(existsSync(path))(`src/idl/${name}.ts is generated from the current ${name}.json (run npm run sync-idl -w sdk)`, () => {
      expect(createHash("sha256").update(readFileSync(path)).digest("hex")).toBe(sha);
    });
    if (!existsSync(path)) console.warn(`\n*** SKIPPED: ${path} missing; src/idl/${name}.ts is a provisional draft ***\n`);
  }

  it("every instruction and account has an 8-byte Anchor discriminator", () => {
    for (const idl of [futstarIdl, momentumOracleIdl]) {
      for (const item of [...idl.instructions, ...idl.accounts]) expect(item.discriminator).toHaveLength(8);
    }
  });
});

describe("layouts derived from the IDL match the programs' byte tables", () => {
  it("futstar accounts", () => {
    expect(accountSize(futstarIdl, "position")).toBe(205);
    expect(fieldOffset(futstarIdl, "position", "owner")).toBe(8);
    expect(fieldOffset(futstarIdl, "position", "pool")).toBe(40);
    expect(fieldOffset(futstarIdl, "position", "status")).toBe(113);
    expect(fieldOffset(futstarIdl, "position", "expiryTs")).toBe(173);
    expect(accountSize(futstarIdl, "pool")).toBe(295);
    expect(fieldOffset(futstarIdl, "pool", "entrySumLong")).toBe(279);
    expect(fieldOffset(futstarIdl, "pool", "limits.maxPayout")).toBe(208 + 42);
    expect(fieldOffset(futstarIdl, "pool", "status")).toBe(274);
    expect(accountSize(futstarIdl, "exchange")).toBe(8 + 1 + 1 + 204 + 1 + 8 + 204);
  });

  it("the Feed contract (programs.md): status at 136, ring at 184, 8824 bytes", () => {
    expect(fieldOffset(momentumOracleIdl, "feed", "status")).toBe(136);
    expect(fieldOffset(momentumOracleIdl, "feed", "indexBps")).toBe(140);
    expect(fieldOffset(momentumOracleIdl, "feed", "seq")).toBe(152);
    expect(fieldOffset(momentumOracleIdl, "feed", "ring")).toBe(184);
    expect(accountSize(momentumOracleIdl, "feed")).toBe(8824);
  });

  it("names what it cannot lay out", () => {
    expect(() => fieldOffset(futstarIdl, "position", "nope")).toThrow(/no field "nope"/);
    expect(() => fieldOffset(futstarIdl, "position", "owner.x")).toThrow(/not a struct/);
    expect(() => accountSize(futstarIdl, "ghost")).toThrow(/"ghost" is not defined/);
    expect(() => typeSize(futstarIdl, "string")).toThrow(/no fixed size/);
    expect(() => typeSize(futstarIdl, { vec: "u8" })).toThrow(/no fixed size/);
  });
});

describe("PDAs", () => {
  const program = Keypair.generate().publicKey;
  it("use the programs' seeds", () => {
    expect(exchangePda(program)[0].equals(PublicKey.findProgramAddressSync([Buffer.from("exchange")], program)[0])).toBe(true);
    const trader = Keypair.generate().publicKey;
    const id = Buffer.alloc(8);
    id.writeBigUInt64LE(7n);
    expect(positionPda(program, trader, 7n)[0].equals(PublicKey.findProgramAddressSync([Buffer.from("position"), trader.toBuffer(), id], program)[0])).toBe(true);
    expect(feedPda(program, "m1")[0].equals(feedPda(program, matchIdBytes("m1"))[0])).toBe(true);
  });
  it("reject bad seeds naming the field", () => {
    expect(() => u64Seed(-1n)).toThrow(/id: -1 is not a u64/);
    expect(() => matchIdBytes("x".repeat(33))).toThrow(/matchId/);
    expect(() => matchIdBytes(new Uint8Array(31))).toThrow(/31 bytes/);
  });
});
