/**
 * Faults at the process level, on the real localnet: the keeper (CLI, child process) replays a
 * real match with a 10-minute feed gap in the first half; it is killed with SIGKILL mid-match and
 * started again. No update lands twice or out of order, the gap is pushed through (the index
 * keeps being published every frame), and the feed on chain audits as identical to the stored log.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { decodeOracleAccount, feedSamples } from "@futstar/sdk";
import { Connection, Keypair, PublicKey } from "@solana/web3.js";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { initOracle } from "../../scripts/demo/market.js";
import { programIds } from "../localnet/exchange-init.js";
import { type Localnet, repoRoot, startLocalnet } from "../localnet/spawn.js";
import { stepChainClock } from "./chain-clock.js";
import { runKeeperCli, startKeeper } from "./keeper-process.js";

const DATA_DIR = process.env.FUTSTAR_DATA_DIR ?? join(repoRoot, "..", "shared", "data");
const MATCH_FILE = join(DATA_DIR, "wyscout", "2058003.json");
const GAP = [1200, 1800] as const; // seconds of the first half with no events

let net: Localnet;
let connection: Connection;
const dir = mkdtempSync(join(tmpdir(), "futstar-restart-"));
const signers = [Keypair.generate()];

beforeAll(async () => {
  net = await startLocalnet({ slotTimeMs: 40 });
  connection = new Connection(net.rpcUrl, { commitment: "confirmed", wsEndpoint: net.wsUrl });
  await initOracle(connection, programIds(net), net.authority, signers.map((s) => s.publicKey));
  writeFileSync(join(dir, "signer0.json"), JSON.stringify([...signers[0]!.secretKey]));
  // The feed gap: the same match without ten minutes of first-half events (key order kept: the
  // Wyscout adapter reads the home team from the text).
  const text = readFileSync(MATCH_FILE, "utf8");
  const match = JSON.parse(text) as { events: { matchPeriod: string; eventSec: number }[] };
  const kept = match.events.filter((e) => !(e.matchPeriod === "1H" && e.eventSec >= GAP[0] && e.eventSec < GAP[1]));
  const open = text.indexOf("[", text.indexOf('"events"'));
  const close = matchingBracket(text, open);
  writeFileSync(join(dir, "gap.json"), `${text.slice(0, open)}${JSON.stringify(kept)}${text.slice(close + 1)}`);
}, 900_000);

afterAll(async () => {
  await net?.stop();
});

/** Index of the `]` closing the `[` at `open`, skipping brackets inside strings. */
function matchingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; text[i] !== '"'; i++) if (text[i] === "\\") i++;
    } else if (c === "[") depth++;
    else if (c === "]" && --depth === 0) return i;
  }
  throw new Error("events array is not closed");
}

describe("keeper killed and restarted mid-match, through a feed gap", () => {
  it("lands every update once and in order, and the chain audits identical", async () => {
    const configPath = join(dir, "keeper.json");
    writeFileSync(configPath, JSON.stringify({
      rpcUrls: [net.rpcUrl],
      dbPath: join(dir, "keeper.db"),
      keypairs: { payer: net.upgradeAuthorityKeypair, operator: net.upgradeAuthorityKeypair, oracleSigners: ["signer0.json"] },
      programs: { oracle: net.programs.momentum_oracle.programId, futstar: net.programs.futstar.programId },
      oracleClock: "chain",
      priorityFee: { source: "none" },
      http: { port: 0 },
      pushIntervalMs: 20,
      crankIntervalMs: 200,
      matches: [{ key: "gap-match", source: join(dir, "gap.json"), speed: 30 }],
    }));
    const clock = stepChainClock(net.rpcUrl, connection, 50);

    const count = (): number => {
      const db = new Database(join(dir, "keeper.db"), { readonly: true, fileMustExist: true });
      try {
        return (db.prepare("SELECT COUNT(*) AS n FROM pushed_updates WHERE state = 'landed'").get() as { n: number }).n;
      } finally {
        db.close();
      }
    };
    const first = startKeeper(configPath);
    await first.ready;
    while (count() < 60) await new Promise((r) => setTimeout(r, 100));
    first.child.kill("SIGKILL");
    expect((await first.exited).signal).toBe("SIGKILL");

    const second = startKeeper(configPath, ["--exit-when-done"]);
    await second.ready;
    const exit = await second.exited;
    await clock.stop();
    expect(exit, second.lines.slice(-20).join("\n")).toEqual({ code: 0, signal: null });
    expect(second.lines.some((l) => l.includes('"msg":"following match"') && l.includes('"resumeAfter":"'))).toBe(true);

    const db = new Database(join(dir, "keeper.db"), { readonly: true });
    const rows = db.prepare("SELECT seq, period, t_ms, ts, index_bps, suspended, status, state, feed FROM pushed_updates ORDER BY seq").all() as {
      seq: number; period: number; t_ms: number; ts: number; index_bps: number; suspended: number; status: number; state: string; feed: string;
    }[];
    db.close();
    const landed = rows.filter((r) => r.state === "landed");
    // Strictly increasing numbers, never reused; match time and oracle time never go back.
    expect(new Set(rows.map((r) => r.seq)).size).toBe(rows.length);
    for (let i = 1; i < landed.length; i++) {
      const [a, b] = [landed[i - 1]!, landed[i]!];
      expect(b.seq).toBeGreaterThan(a.seq);
      expect(b.ts).toBeGreaterThan(a.ts);
      expect(b.period * 1e7 + b.t_ms).toBeGreaterThanOrEqual(a.period * 1e7 + a.t_ms);
      if (b.status === 1 && a.status === 1) expect(`${b.period}/${b.t_ms}`).not.toBe(`${a.period}/${a.t_ms}`);
    }
    // Through the gap, the index kept being published.
    const inGap = landed.filter((r) => r.period === 1 && r.t_ms >= GAP[0] * 1000 && r.t_ms < GAP[1] * 1000);
    expect(inGap.length).toBeGreaterThanOrEqual(Math.floor((GAP[1] - GAP[0]) / 30) - 1);
    // The chain holds exactly the landed series, in order.
    const feed = new PublicKey(landed[0]!.feed);
    const account = decodeOracleAccount("feed", (await connection.getAccountInfo(feed, "confirmed"))!.data);
    expect(BigInt(account.seq.toString())).toBe(BigInt(landed.at(-1)!.seq));
    const ring = feedSamples(account);
    expect(ring.map((s) => [Number(s.ts), s.indexBps])).toEqual(landed.slice(-ring.length).map((r) => [r.ts, r.index_bps]));
    const audit = await runKeeperCli(["recompute", "gap-match", "--db", join(dir, "keeper.db"), "--rpc", net.rpcUrl]);
    expect(audit.stdout + audit.stderr).toMatch(/identical/);
    expect(audit.code).toBe(0);
  }, 900_000);
});
