import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { matchFrames, tickKey } from "../../src/chain/match-frames.js";
import { componentsTuple } from "../../src/chain/oracle-codec.js";
import { runCli } from "../../src/cli/run.js";
import { KeeperStore } from "../../src/store/keeper-store.js";
import { recordingIo } from "../cli/fake-io.js";
import { ev, goal, pass } from "../engine/builders.js";

function storedMatch(tamper: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), "keeper-recompute-"));
  const store = new KeeperStore(join(dir, "keeper.db"));
  store.upsertMatch({ matchKey: "wc", matchId: "01".repeat(32), provider: "wyscout", home: "H", away: "A", source: null });
  let seq = 1;
  for (const f of matchFrames([ev("home", 1, 1500, pass(80), "a"), ev("home", 1, 3000, goal, "g")])) {
    store.appendChanges("wc", f.changes, tickKey(f.period, f.tMs));
    const index = tamper && seq === 3 ? f.tick.index + 7 : f.tick.index;
    store.recordSigned([{ feed: "F", seq, matchKey: "wc", period: f.period, tMs: f.tMs, ts: seq, status: f.status, suspended: f.tick.suspended, indexBps: index, components: componentsTuple(f.tick.components) }], `s${seq}`);
    store.markLanded("F", [seq], `s${seq}`);
    seq++;
  }
  store.close();
  return dir;
}

describe("futstar-keeper recompute", () => {
  it("reports an identical series with exit 0", async () => {
    const dir = storedMatch(false);
    const io = recordingIo(dir);
    expect(await runCli(["recompute", "wc", "--db", "keeper.db"], io)).toBe(0);
    expect(io.out.join("")).toMatch(/5 landed updates recomputed .*chain not compared\)\nidentical\n$/);
  });

  it("reports each difference, as text or JSON, with exit 1", async () => {
    const dir = storedMatch(true);
    const io = recordingIo(dir);
    expect(await runCli(["recompute", "wc", "--db", join(dir, "keeper.db")], io)).toBe(1);
    expect(io.out.join("")).toMatch(/DIFF engine seq=3 at=1\/2000 index: expected \d+, found \d+\n1 difference\(s\)/);
    const json = recordingIo(dir);
    expect(await runCli(["recompute", "wc", "--db", "keeper.db", "--json"], json)).toBe(1);
    expect(JSON.parse(json.out.join("")).differences).toHaveLength(1);
  });

  it("names what is missing or wrong", async () => {
    const dir = storedMatch(false);
    const io = recordingIo(dir);
    expect(await runCli(["recompute"], io)).toBe(2);
    expect(await runCli(["recompute", "wc"], { ...io, cwd: dir })).toBe(process.env.FUTSTAR_KEEPER_DB ? 1 : 2);
    expect(await runCli(["recompute", "wc", "--db", "keeper.db", "--rpc", "ftp://x"], io)).toBe(2);
    expect(await runCli(["recompute", "nope", "--db", "keeper.db"], io)).toBe(1);
    expect(await runCli(["recompute", "wc", "--db", "keeper.db", "--rpc", "http://127.0.0.1:9"], io)).toBe(1);
    expect(io.err.join("")).toMatch(/<match>: missing/);
    expect(io.err.join("")).toMatch(/--rpc: 'ftp:\/\/x'/);
    expect(io.err.join("")).toMatch(/match 'nope' is not in .*known: wc/);
    expect(io.err.join("")).toMatch(/no feed account recorded/);
  });
});
