/** `futstar-keeper replay synthetic[:seed]`: in-process and as the installed bin (what `npm run demo` probes). */
import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { parseReplayArgs } from "../../src/cli/commands/replay.js";
import { UsageError } from "../../src/cli/io.js";
import { runCli } from "../../src/cli/run.js";
import { planReplay } from "../../src/engine/index.js";
import { generateSyntheticMatch } from "../../src/feeds/synthetic/generator.js";
import { recordingIo } from "./fake-io.js";

const run = promisify(execFile);
const KEEPER = resolve(import.meta.dirname, "..", "..");

describe("replay of the synthetic match", () => {
  it("prints the header labelled SYNTHETIC and one line per match minute", async () => {
    const io = recordingIo(KEEPER);
    expect(await runCli(["replay", "synthetic:7"], io)).toBe(0);
    const text = io.out.join("");
    expect(text.split("\n")[0]).toMatch(/^Synthetic Home \(synthetic\) vs Synthetic Away \(synthetic\) · synthetic match .* · SYNTHETIC · \d+ events$/);
    expect(text).toMatch(/^— 1st half —$/m);
    expect(text).toMatch(/^— 2nd half —$/m);
    const minutes = text.split("\n").filter((l) => /^ +\d+(\+\d+)?' +\d+ /.test(l));
    expect(minutes.length).toBeGreaterThanOrEqual(90);
    expect(minutes[0]).toMatch(/^ +1' +\d+ /);
    expect(text).toMatch(/SUSPENDED$/m); // seed 7 has goals
    const total = planReplay(generateSyntheticMatch({ seed: 7 }).events).totalTicks;
    expect(text).toContain(`${total} seconds of match time replayed, final index `);
  });

  it("--json writes one object per second of match time, people's text on stderr", async () => {
    const io = recordingIo(KEEPER);
    expect(await runCli(["replay", "synthetic", "--json"], io)).toBe(0);
    const lines = io.out.join("").trimEnd().split("\n");
    expect(lines[0]).toBe('{"period":1,"t_ms":0,"index":5000,"components":{"possession":5000,"shots_ratio":5000,"xg_ratio":5000,"field_tilt":5000,"recent_events":5000},"suspended":false}');
    const rows = lines.map((l) => JSON.parse(l) as { period: number; t_ms: number; index: number });
    expect(new Set(rows.map((r) => r.period))).toEqual(new Set([1, 2]));
    expect(new Set(rows.map((r) => r.index)).size).toBeGreaterThan(100);
    expect(io.err.join("")).toMatch(/SYNTHETIC/);
  });

  it("refuses a bad seed or a provider, naming the argument (exit 2)", async () => {
    expect(() => parseReplayArgs(["synthetic:-4"])).toThrow(UsageError);
    expect(() => parseReplayArgs(["synthetic:-4"])).toThrow(/^<file\|url>\|synthetic\[:seed\]: synthetic seed must be/);
    expect(() => parseReplayArgs(["synthetic", "--provider", "wyscout"])).toThrow(/--provider does not apply to the synthetic match/);
    const io = recordingIo(KEEPER);
    expect(await runCli(["replay", "synthetic:1.5", "--json"], io)).toBe(2);
    expect(io.err.join("")).toMatch(/synthetic seed must be a whole number 0\.\.4294967295 without sign or leading zeros, got '1\.5'/);
    expect(io.out).toEqual([]);
  });

  it("runs as the installed bin: `replay synthetic --speed max --json`", async () => {
    const { stdout, stderr } = await run(process.execPath, [resolve(KEEPER, "bin", "futstar-keeper.js"), "replay", "synthetic", "--speed", "max", "--json"], { cwd: KEEPER, maxBuffer: 64 * 1024 * 1024 });
    expect(stdout.trimEnd().split("\n").length).toBeGreaterThan(5000);
    expect(stderr).toMatch(/SYNTHETIC/);
  });
});
