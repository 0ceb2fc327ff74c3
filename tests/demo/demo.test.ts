/**
 * Smoke test of `npm run demo` (scripts/demo.sh): started like a terminal job with short slots,
 * it prints its ready line; then the local chain answers JSON-RPC, the app serves the home and
 * match pages, the keeper is healthy, the feed's sequence number and update time move on chain,
 * the pool holds the liquidity and the demo trader its tokens. Ctrl-C (SIGINT to the group)
 * stops it with exit 0, and none of its process groups or ports is left.
 *
 * The first run builds the app for the test ports (about 1–2 min on 2 cores); later runs reuse it.
 */
import { existsSync } from "node:fs";
import { createConnection } from "node:net";
import { join } from "node:path";

import { decodeOracleAccount } from "@futstar/sdk";
import { Connection, PublicKey } from "@solana/web3.js";
import { afterAll, describe, expect, it } from "vitest";

import { type DemoProcess, type DemoReady, groupAlive, repoRoot, startDemo, testPorts } from "./demo-process.js";

const ports = testPorts();
const DATA_DIR = process.env.FUTSTAR_DATA_DIR ?? join(repoRoot, "..", "shared", "data");
const FINAL = join(DATA_DIR, "wyscout", "2058017.json");

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    socket.once("connect", () => { socket.destroy(); resolve(true); });
    socket.once("error", () => resolve(false));
  });
}

let demo: DemoProcess | undefined;

afterAll(async () => {
  if (demo && demo.child.exitCode === null) await demo.interrupt();
}, 90_000);

describe("npm run demo", () => {
  it("starts chain, keeper and app, the feed moves, Ctrl-C leaves nothing behind", async () => {
    if (!existsSync(FINAL)) console.warn(`REAL DATA MISSING: ${FINAL}; the demo replays its default match`);
    demo = startDemo([
      "--no-install",
      "--dir", join(repoRoot, "target/demo-test"),
      "--port", String(ports.app), "--rpc-port", String(ports.rpc), "--ws-port", String(ports.ws), "--keeper-port", String(ports.keeper),
      "--slot-time-ms", "100",
      "--speed", "5",
      ...(existsSync(FINAL) ? ["--match", FINAL] : []),
    ]);
    const ready: DemoReady = await demo.ready;
    expect(ready.rpcUrl).toBe(`http://127.0.0.1:${ports.rpc}`);

    // JSON-RPC and the deployed programs.
    const connection = new Connection(ready.rpcUrl, "confirmed");
    expect((await connection.getVersion())["solana-core"]).toBeTruthy();
    for (const id of [ready.programs.futstar, ready.programs.oracle]) expect((await connection.getAccountInfo(new PublicKey(id)))?.executable).toBe(true);

    // The app: home and match page.
    const base = `http://127.0.0.1:${ports.app}`;
    expect((await fetch(`${base}/`, { headers: { "cf-ipcountry": "FR" } })).status).toBe(200);
    const matchPage = await fetch(`${base}/match/${ready.feed}`, { headers: { "cf-ipcountry": "FR" } });
    expect(matchPage.status).toBe(200);

    // The keeper: healthy, pushing; the feed on chain moves.
    const health = (await (await fetch(`${ready.keeperUrl}/healthz`)).json()) as { ok: boolean; liveMatches: number };
    expect(health).toMatchObject({ ok: true, liveMatches: 1 });
    const read = async () => decodeOracleAccount("feed", (await connection.getAccountInfo(new PublicKey(ready.feed), "confirmed"))!.data);
    const first = await read();
    await new Promise((r) => setTimeout(r, 4000));
    const later = await read();
    expect(BigInt(later.seq.toString())).toBeGreaterThan(BigInt(first.seq.toString()));
    expect(BigInt(later.lastUpdateTs.toString())).toBeGreaterThan(BigInt(first.lastUpdateTs.toString()));

    // Liquidity in the pool's vault and the demo trader's tokens.
    const traderAccounts = await connection.getParsedTokenAccountsByOwner(new PublicKey(ready.trader), { programId: new PublicKey("TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA") });
    expect(traderAccounts.value.map((a) => (a.account.data.parsed as { info: { tokenAmount: { amount: string } } }).info.tokenAmount.amount)).toEqual(["1000000000"]);
    expect(await connection.getBalance(new PublicKey(ready.trader))).toBeGreaterThanOrEqual(10e9);

    // Ctrl-C: clean exit, no process group and no port left.
    const exit = await demo.interrupt();
    expect(exit, demo.lines.slice(-20).join("\n")).toEqual({ code: 0, signal: null });
    expect(demo.lines.join("\n")).toMatch(/demo: stopped \(nothing left running\)/);
    for (const [name, pgid] of Object.entries(ready.processGroups)) expect({ name, alive: groupAlive(pgid) }).toEqual({ name, alive: false });
    for (const port of Object.values(ports)) expect({ port, listening: await listening(port) }).toEqual({ port, listening: false });
    expect(demo.child.pid !== undefined && groupAlive(demo.child.pid)).toBe(false);
  }, 900_000);
});
