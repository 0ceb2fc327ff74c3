/** Configuring live matches and the operator's abandon command: config file, env, flags; every error names its field or flag. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAbandonArgs } from "../../src/cli/commands/abandon.js";
import { parseRunArgs } from "../../src/cli/commands/run.js";
import { runCli } from "../../src/cli/run.js";
import { loadConfig, parseConfig } from "../../src/ops/config.js";
import { recordingIo } from "../cli/fake-io.js";

const base = { rpcUrls: ["http://127.0.0.1:1"], keypairs: { payer: "p.json", oracleSigners: ["s.json"] } };
const dir = mkdtempSync(join(tmpdir(), "keeper-live-config-"));

describe("live match configuration", () => {
  it("reads a live match from the file with the outlet key from env; SDAPI defaults apply", () => {
    const c = parseConfig({ ...base, matches: [{ key: "hsv", live: { provider: "statsperform", fixtureId: "71pif", backupF24Url: "https://opta.example/f24.xml" } }] }, { FUTSTAR_STATSPERFORM_OUTLET_KEY: "KEY" });
    expect(c.statsperform).toEqual({ outletKey: "KEY", baseUrl: "https://api.performfeeds.com/soccerdata", pollIntervalMs: 2000 });
    expect(c.matches[0]).toMatchObject({ key: "hsv", live: { provider: "statsperform", fixtureId: "71pif", backupF24Url: "https://opta.example/f24.xml", backupPollIntervalMs: 5000 } });
    expect(c.matches[0]!.source).toBeUndefined();
  });

  it("env alone adds a live match: fixture, backup URL, base URL and poll interval", () => {
    const c = parseConfig(base, { FUTSTAR_STATSPERFORM_OUTLET_KEY: "KEY", FUTSTAR_STATSPERFORM_FIXTURE: "fx1", FUTSTAR_OPTA_F24_BACKUP_URL: "http://127.0.0.1:9/f24.xml", FUTSTAR_STATSPERFORM_BASE_URL: "http://127.0.0.1:9/soccerdata", FUTSTAR_STATSPERFORM_POLL_MS: "500" });
    expect(c.matches).toEqual([expect.objectContaining({ key: "statsperform-fx1", live: expect.objectContaining({ fixtureId: "fx1", backupF24Url: "http://127.0.0.1:9/f24.xml" }) })]);
    expect(c.statsperform).toMatchObject({ baseUrl: "http://127.0.0.1:9/soccerdata", pollIntervalMs: 500 });
  });

  it("names the field: no outlet key, both source and live, neither, a bad backup URL, a bad poll interval", () => {
    const live = { key: "m", live: { provider: "statsperform", fixtureId: "f" } };
    expect(() => parseConfig({ ...base, matches: [live] })).toThrow(/config: statsperform\.outletKey: missing/);
    expect(() => parseConfig({ ...base, matches: [{ ...live, source: "synthetic" }] }, { FUTSTAR_STATSPERFORM_OUTLET_KEY: "K" })).toThrow(/matches\.0\.source: give exactly one of 'source'/);
    expect(() => parseConfig({ ...base, matches: [{ key: "m" }] })).toThrow(/matches\.0\.source: give exactly one/);
    expect(() => parseConfig({ ...base, matches: [{ key: "m", live: { provider: "statsperform", fixtureId: "f", backupF24Url: "ftp://x" } }] }, { FUTSTAR_STATSPERFORM_OUTLET_KEY: "K" })).toThrow(/matches\.0\.live\.backupF24Url: must be an http\(s\) URL/);
    expect(() => parseConfig({ ...base, matches: [{ key: "m", live: { provider: "opta", fixtureId: "f" } }] })).toThrow(/matches\.0\.live\.provider/);
    expect(() => parseConfig(base, { FUTSTAR_STATSPERFORM_POLL_MS: "soon" })).toThrow(/statsperform\.pollIntervalMs/);
  });

  it("--live adds the match to the configured ones and implies --exit-when-done", async () => {
    expect(parseRunArgs(["--live", "statsperform", "--fixture", "fx", "--backup-f24", "https://o.example/f24.xml", "--match-key", "derby"], "/srv")).toEqual({
      config: undefined,
      exitWhenDone: true,
      live: { fixtureId: "fx", backupF24Url: "https://o.example/f24.xml", key: "derby" },
    });
    writeFileSync(join(dir, "keeper.json"), JSON.stringify({ ...base, matches: [{ key: "replay", source: "synthetic:3" }] }));
    const c = await loadConfig(join(dir, "keeper.json"), { FUTSTAR_STATSPERFORM_OUTLET_KEY: "K" }, [{ key: "derby", live: { provider: "statsperform", fixtureId: "fx" } }]);
    expect(c.matches.map((m) => m.key)).toEqual(["replay", "derby"]);
  });

  it("refuses bad run and abandon flags, naming the flag", async () => {
    expect(() => parseRunArgs(["--live", "opta", "--fixture", "f"], "/")).toThrow(/--live: the live provider is 'statsperform', got 'opta'/);
    expect(() => parseRunArgs(["--live", "statsperform"], "/")).toThrow(/--fixture: missing/);
    expect(() => parseRunArgs(["--fixture", "f"], "/")).toThrow(/--fixture: only with --live statsperform/);
    expect(() => parseRunArgs(["--live", "statsperform", "--fixture", "f", "--backup-f24", "f24.xml"], "/")).toThrow(/--backup-f24: 'f24.xml' is not an http\(s\) URL/);
    expect(parseAbandonArgs(["m1", "--config", "k.json", "--json"], "/srv")).toEqual({ match: "m1", config: "/srv/k.json", json: true });
    expect(() => parseAbandonArgs([], "/")).toThrow(/<match>: missing/);
    expect(() => parseAbandonArgs(["a", "b"], "/")).toThrow(/unexpected argument 'b'/);
    const io = recordingIo(dir);
    expect(await runCli(["abandon", "--bogus"], io)).toBe(2);
    expect(io.err.join("")).toMatch(/usage: futstar-keeper abandon <match>/);
    // Without program ids nothing is sent.
    writeFileSync(join(dir, "no-programs.json"), JSON.stringify(base));
    expect(await runCli(["abandon", "m", "--config", "no-programs.json"], io)).toBe(1);
    expect(io.err.join("")).toMatch(/config: programs: missing/);
  });
});

describe("Stats Perform matchDetails → live status", () => {
  it("maps every matchStatus and the periodIds that mean play, a break or the end", async () => {
    const { sdapiLiveStatus } = await import("../../src/feeds/statsperform/status.js");
    const cases: [string | undefined, number | undefined, string | null][] = [
      ["Fixture", 16, "pre_match"],
      ["Playing", 16, "pre_match"],
      ["Playing", 1, "playing 1"],
      ["Playing", 4, "playing 4"],
      ["Playing", 10, "break"],
      ["Playing", 11, "break"],
      ["Playing", 12, "break"],
      ["Playing", 13, null],
      ["Playing", 14, "finished"],
      ["Played", 14, "finished"],
      ["Suspended", 1, "break"],
      ["Abandoned", 1, "abandoned"],
      ["Cancelled", undefined, "abandoned"],
      ["Postponed", undefined, "abandoned"],
      ["Something new", 1, null],
      [undefined, 1, null],
    ];
    for (const [matchStatus, periodId, want] of cases) {
      const s = sdapiLiveStatus(matchStatus, periodId);
      expect(s === null ? null : s.phase === "playing" ? `playing ${s.period}` : s.phase, `${matchStatus}/${periodId}`).toBe(want);
    }
  });
});
