/** `futstar-keeper replay`, run in-process and as a child process. */
import { execFile } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { parseReplayArgs } from "../../src/cli/commands/replay.js";
import { UsageError } from "../../src/cli/io.js";
import { runCli } from "../../src/cli/run.js";
import { DATA_DIR, haveData } from "../engine/real-data.js";
import { recordingIo } from "./fake-io.js";

const run = promisify(execFile);
const KEEPER = resolve(import.meta.dirname, "..", "..");
const REPO = resolve(KEEPER, "..");
const FINAL = join(DATA_DIR, "wyscout/2058017.json");

describe("replay arguments", () => {
  it("parses the documented flags", () => {
    expect(parseReplayArgs(["m.json", "--provider", "wyscout", "--speed", "60", "--chart", "c.svg", "--json"])).toEqual({
      source: "m.json",
      provider: "wyscout",
      speed: 60,
      chart: "c.svg",
      json: true,
    });
    expect(parseReplayArgs(["m.json", "--speed", "max"]).speed).toBeNull();
    expect(parseReplayArgs(["m.json"]).speed).toBeNull();
  });

  it.each([
    [["m.json", "--colour"], /--colour/],
    [["m.json", "--speed", "fast"], /--speed/],
    [["m.json", "--speed", "0"], /--speed/],
    [["m.json", "--speed"], /--speed/],
    [["m.json", "--provider", "opt"], /--provider/],
    [["m.json", "--chart", " "], /--chart/],
    [[], /file\|url/],
    [["a.json", "b.json"], /one <file\|url>/],
  ])("rejects %j naming the problem", (args, message) => {
    expect(() => parseReplayArgs(args)).toThrow(UsageError);
    expect(() => parseReplayArgs(args)).toThrow(message);
  });

  it("exits 2 with the usage for a bad flag or unknown command", async () => {
    const io = recordingIo(REPO);
    expect(await runCli(["replay", "x.json", "--bogus"], io)).toBe(2);
    expect(io.err.join("")).toMatch(/--bogus[\s\S]*usage: replay/);
    expect(await runCli(["launch"], io)).toBe(2);
    expect(io.err.join("")).toMatch(/unknown command 'launch'/);
    expect(await runCli([], io)).toBe(2);
    expect(await runCli(["--help"], io)).toBe(0);
    expect(io.out.join("")).toMatch(/replay <file\|url>/);
  });

  it("exits 1 naming the file when it cannot be read", async () => {
    const io = recordingIo(REPO);
    expect(await runCli(["replay", "no/such/match.json"], io)).toBe(1);
    expect(io.err.join("")).toMatch(/no\/such\/match\.json/);
  });
});

describe.runIf(haveData("wyscout/2058017.json", "CLI replay of France–Croatia"))("replay of France 4–2 Croatia", () => {
  it("--json writes one object per second of match time in the documented shape", async () => {
    const io = recordingIo(REPO);
    expect(await runCli(["replay", FINAL, "--json"], io)).toBe(0);
    const lines = io.out.join("").trimEnd().split("\n");
    expect(lines[0]).toMatch(/^\{"period":1,"t_ms":0,"index":5000,"components":\{"possession":5000,"shots_ratio":5000,"xg_ratio":5000,"field_tilt":5000,"recent_events":5000\},"suspended":false\}$/);
    const rows = lines.map((l) => JSON.parse(l) as { period: number; t_ms: number; index: number; suspended: boolean });
    expect(new Set(rows.map((r) => r.period))).toEqual(new Set([1, 2]));
    rows.forEach((r, i) => {
      const prev = rows[i - 1];
      if (prev && prev.period === r.period) expect(r.t_ms - prev.t_ms).toBe(1000);
    });
    expect(rows.some((r) => r.suspended)).toBe(true);
    // People-facing text stays off stdout.
    expect(io.err.join("")).toMatch(/France vs Croatia/);
  });

  it("prints the index per minute, with a progress bar on a terminal", async () => {
    const io = recordingIo(REPO, true);
    expect(await runCli(["replay", FINAL], io)).toBe(0);
    const raw = io.out.join("");
    expect(raw).toMatch(/\r\[#+\.*\] +\d+% /);
    // What the terminal shows: each line's text after its last carriage return, without clears.
    const text = raw
      .split("\n")
      .map((line) => (line.split("\r").pop() ?? "").replace(/\x1b\[K/g, ""))
      .join("\n");
    expect(text).toMatch(/^ +18' +\d+ .*SUSPENDED$/m);
    expect(text).toMatch(/^ +90\+\d' +\d+ /m);
    expect(text.split("\n").filter((l) => /^ +\d+(\+\d+)?' /.test(l)).length).toBeGreaterThan(90);
  });

  it("--speed N waits 1/N s of wall time per match second", async () => {
    const io = recordingIo(REPO);
    expect(await runCli(["replay", FINAL, "--speed", "500", "--json"], io)).toBe(0);
    expect(io.sleeps.length).toBe(io.out.join("").trimEnd().split("\n").length);
    expect(io.sleeps.every((ms) => ms === 2)).toBe(true);
  });

  it("--chart draws both teams, six goals, cards, suspensions, periods and the Wyscout credit", async () => {
    const dir = await mkdtemp(join(tmpdir(), "futstar-chart-"));
    const io = recordingIo(dir);
    expect(await runCli(["replay", FINAL, "--chart", "final.svg"], io)).toBe(0);
    const svg = await readFile(join(dir, "final.svg"), "utf8");
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain("France");
    expect(svg).toContain("Croatia");
    expect(svg).toContain("France 4–2 Croatia");
    expect(svg.match(/<g class="goal"/g)?.length).toBe(6);
    expect(svg.match(/<g class="goal" data-side="home"/g)?.length).toBe(4);
    expect(svg).toContain("18' France (own goal)");
    expect(svg.match(/class="card card-/g)?.length).toBeGreaterThan(0);
    expect(svg.match(/class="suspension"/g)?.length).toBeGreaterThanOrEqual(6);
    expect(svg).toContain("1st half");
    expect(svg).toContain("2nd half");
    expect(svg).toContain("Pappalardo et al.");
    expect(svg).toContain("Scientific Data 6, 236 (2019)");
    expect(svg).toContain("CC BY 4.0");
  });

  it("runs from the repository root as `npm run keeper -- replay`", async () => {
    const { stdout } = await run("npm", ["run", "keeper", "--", "replay", "../shared/data/wyscout/2058017.json", "--json"], {
      cwd: REPO,
      env: { ...process.env, FUTSTAR_DATA_DIR: DATA_DIR },
      maxBuffer: 64 * 1024 * 1024,
    });
    const json = stdout.split("\n").filter((l) => l.startsWith("{"));
    expect(json.length).toBeGreaterThan(5000);
    expect(JSON.parse(json[json.length - 1] as string)).toMatchObject({ period: 2 });
  });

  it("runs as the installed bin", async () => {
    const { stdout } = await run(process.execPath, [join(KEEPER, "bin", "futstar-keeper.js"), "replay", FINAL], { cwd: KEEPER, maxBuffer: 16 * 1024 * 1024 });
    expect(stdout).toMatch(/France vs Croatia/);
    expect(stdout).toMatch(/final index \d+/);
  });
});

describe.runIf(haveData("wyscout/1694440.json", "CLI replay with extra time"))("replay with extra time", () => {
  it("--json covers periods 1 to 4", async () => {
    const io = recordingIo(REPO);
    expect(await runCli(["replay", join(DATA_DIR, "wyscout/1694440.json"), "--provider", "wyscout", "--json"], io)).toBe(0);
    const periods = new Set(io.out.join("").trimEnd().split("\n").map((l) => (JSON.parse(l) as { period: number }).period));
    expect(periods).toEqual(new Set([1, 2, 3, 4]));
  });
});
