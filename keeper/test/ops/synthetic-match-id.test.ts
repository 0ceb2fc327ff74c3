/**
 * `run` with a synthetic match in its config: the source survives config parsing, the on-chain
 * match id is "synthetic:<seed>" zero-padded (what the app labels), bad seeds are refused naming
 * the field; real matches keep sha256("provider:matchId").
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run.js";
import { ConfigError, parseConfig } from "../../src/ops/config.js";
import { loadConfiguredMatch, onChainMatchId } from "../../src/ops/match-id.js";
import { recordingIo } from "../cli/fake-io.js";
import { dataFile, missingData } from "../feeds/data-dir.js";

// The app's own reading of a feed's match id (loaded at run time: the keeper's typecheck does not
// cover the app's sources, whose imports follow Next's conventions).
interface AppMatchId {
  paddedText(bytes: Uint8Array): string;
  isSyntheticMatchId(bytes: Uint8Array): boolean;
}
const appToView = resolve(import.meta.dirname, "..", "..", "..", "app", "src", "lib", "futstar", "to-view.ts");
const { paddedText, isSyntheticMatchId } = (await import(appToView)) as AppMatchId;

const dir = mkdtempSync(join(tmpdir(), "keeper-synthetic-"));
const base = { rpcUrls: ["http://127.0.0.1:1"], keypairs: { payer: "p.json", oracleSigners: ["s.json"] } };
const withMatches = (matches: unknown[]): unknown => ({ ...base, matches });

describe("synthetic match in the run config", () => {
  it("keeps `synthetic:7` as the source and derives the match id bytes from it", async () => {
    const config = parseConfig(withMatches([{ key: "s7", source: "synthetic:7" }, { key: "sd", source: "synthetic" }]), {}, dir);
    expect(config.matches.map((m) => m.source)).toEqual(["synthetic:7", "synthetic"]);
    const { loaded, matchId } = await loadConfiguredMatch(config.matches[0]!, 0);
    const expected = Buffer.alloc(32);
    expected.write("synthetic:7", "utf8");
    expect(matchId).toEqual(expected);
    expect([...matchId.subarray(0, 11)]).toEqual([0x73, 0x79, 0x6e, 0x74, 0x68, 0x65, 0x74, 0x69, 0x63, 0x3a, 0x37]);
    expect(matchId.subarray(11).every((b) => b === 0)).toBe(true);
    expect(loaded.info.synthetic).toBe(true);
    expect(loaded.info.home.name).toBe("Synthetic Home (synthetic)");
    expect(loaded.info.away.name).toBe("Synthetic Away (synthetic)");
    // What the app reads from the feed account.
    expect(paddedText(matchId)).toBe("synthetic:7");
    expect(isSyntheticMatchId(matchId)).toBe(true);
    // Plain `synthetic` names its seed on chain too.
    expect(paddedText((await loadConfiguredMatch(config.matches[1]!, 1)).matchId)).toBe("synthetic:2");
  });

  it.each([
    ["synthetic:-1", /^config: matches\.1\.source: synthetic seed must be a whole number 0\.\.4294967295 .* got '-1'$/],
    ["synthetic:abc", /^config: matches\.1\.source: synthetic seed .* got 'abc'$/],
    ["synthetic:4294967296", /^config: matches\.1\.source: synthetic seed/],
    ["synthetic:", /^config: matches\.1\.source: synthetic seed/],
  ])("refuses %j naming matches.1.source", (source, message) => {
    const raw = withMatches([{ key: "ok", source: "synthetic:1" }, { key: "bad", source }]);
    expect(() => parseConfig(raw, {}, dir)).toThrow(ConfigError);
    expect(() => parseConfig(raw, {}, dir)).toThrow(message);
  });

  it("refuses a provider for the synthetic match, naming matches.0.provider", () => {
    expect(() => parseConfig(withMatches([{ key: "s", source: "synthetic:3", provider: "opta" }]), {}, dir)).toThrow(/^config: matches\.0\.provider: does not apply to the synthetic match, got 'opta'$/);
  });

  it("`futstar-keeper run` with a bad seed exits 1 naming the field, before touching the chain", async () => {
    writeFileSync(join(dir, "bad-seed.json"), JSON.stringify({ ...base, http: { port: 0 }, matches: [{ key: "s", source: "synthetic:07" }] }));
    const io = recordingIo(dir);
    expect(await runCli(["run", "--config", "bad-seed.json"], io)).toBe(1);
    expect(io.err.join("")).toMatch(/config: matches\.0\.source: synthetic seed must be .* got '07'/);
  });

  it.skipIf(missingData("real match id next to the synthetic one", ["wyscout", "2058017.json"]))("keeps sha256(provider:matchId) for a real match", async () => {
    const config = parseConfig(withMatches([{ key: "final", source: dataFile("wyscout", "2058017.json") }]), {}, dir);
    const { matchId, loaded } = await loadConfiguredMatch(config.matches[0]!, 0);
    expect(matchId).toEqual(onChainMatchId("wyscout", "2058017"));
    expect(loaded.info.synthetic).toBe(false);
    expect(isSyntheticMatchId(matchId)).toBe(false);
  });
});
