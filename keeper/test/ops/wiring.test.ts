import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Keypair } from "@solana/web3.js";
import { describe, expect, it } from "vitest";
import { clockUnixTimestamp } from "../../src/chain/sdk-adapter.js";
import { parseRunArgs } from "../../src/cli/commands/run.js";
import { runCli } from "../../src/cli/run.js";
import { parseConfig } from "../../src/ops/config.js";
import { configuredAdapter, onChainMatchId } from "../../src/ops/keeper-app.js";
import { loadKeypair } from "../../src/ops/keypair-file.js";
import { recordingIo } from "../cli/fake-io.js";

const dir = mkdtempSync(join(tmpdir(), "keeper-wiring-"));

describe("keeper wiring", () => {
  it("derives the on-chain match id from provider and match id", () => {
    const id = onChainMatchId("wyscout", "2058017");
    expect(id).toHaveLength(32);
    expect(id.equals(onChainMatchId("wyscout", "2058017"))).toBe(true);
    expect(id.equals(onChainMatchId("statsperform", "2058017"))).toBe(false);
  });

  it("loads Solana CLI keypair files and names the field of a bad one", () => {
    const kp = Keypair.generate();
    writeFileSync(join(dir, "ok.json"), JSON.stringify([...kp.secretKey]));
    writeFileSync(join(dir, "short.json"), JSON.stringify([1, 2, 3]));
    expect(loadKeypair(join(dir, "ok.json"), "keypairs.payer").publicKey.equals(kp.publicKey)).toBe(true);
    expect(() => loadKeypair(join(dir, "short.json"), "keypairs.oracleSigners.0")).toThrow(/keypairs\.oracleSigners\.0: .* not a keypair file/);
    expect(() => loadKeypair(join(dir, "missing.json"), "keypairs.payer")).toThrow(/keypairs\.payer: cannot read keypair/);
  });

  it("reads the clock sysvar's unix time", () => {
    const data = Buffer.alloc(40);
    data.writeBigInt64LE(1_780_000_000n, 32);
    expect(clockUnixTimestamp(data)).toBe(1_780_000_000n);
    expect(() => clockUnixTimestamp(new Uint8Array(8))).toThrow(/clock sysvar: 8 bytes/);
  });

  it("parses run arguments and refuses a config without program ids", async () => {
    expect(parseRunArgs(["--config", "k.json", "--exit-when-done"], "/srv")).toEqual({ config: "/srv/k.json", exitWhenDone: true });
    expect(parseRunArgs([], "/srv")).toEqual({ config: undefined, exitWhenDone: false });
    expect(() => parseRunArgs(["--nope"], "/srv")).toThrow(/nope/);
    const config = parseConfig({ rpcUrls: ["http://127.0.0.1:1"], keypairs: { payer: "p.json", oracleSigners: ["s.json"] } });
    expect(() => configuredAdapter({ config } as Parameters<typeof configuredAdapter>[0])).toThrow(/programs: missing/);
    const io = recordingIo(dir);
    expect(await runCli(["run", "--bogus"], io)).toBe(2);
    writeFileSync(join(dir, "keeper.json"), JSON.stringify({ rpcUrls: ["http://127.0.0.1:1"], keypairs: { payer: "missing.json", oracleSigners: ["s.json"] }, http: { port: 0 } }));
    expect(await runCli(["run", "--config", "keeper.json"], io)).toBe(1);
    expect(io.err.join("")).toMatch(/keypairs\.payer: cannot read keypair/);
  });
});
