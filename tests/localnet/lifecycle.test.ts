/**
 * The `futstar-localnet` process itself: what it prints, its flags, its state dir, and a clean
 * exit on SIGINT / SIGTERM that frees its ports.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { Keypair } from "@solana/web3.js";
import { describe, expect, it } from "vitest";

import { ensureBuilt, freePort, localnetBinary, startLocalnet } from "./spawn.js";

function keypairFile(dir: string, name: string, keypair: Keypair): string {
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(Array.from(keypair.secretKey)));
  return path;
}

/** True when something can listen on `port` again. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

describe("futstar-localnet process", () => {
  it("prints what runs where, then stops on SIGINT with exit 0, a stopped line, and free ports", async () => {
    const net = await startLocalnet({ slotTimeMs: 100 });
    expect(net.slotTimeMs).toBe(100);
    const text = net.output.join("\n");
    expect(text).toContain(`JSON-RPC   ${net.rpcUrl}`);
    expect(text).toContain(`WebSocket  ${net.wsUrl}`);
    expect(text).toContain(net.programs.futstar.programId);
    expect(text).toContain(net.programs.momentum_oracle.programId);
    expect(text).toContain("slot time  100 ms");
    console.log(`futstar-localnet ready in ${net.startupMs} ms (deploys included)`);

    expect(await net.stop("SIGINT")).toEqual({ code: 0, signal: null });
    expect(net.output).toContain('{"event":"stopped","signal":"SIGINT"}');
    const rpcPort = Number(new URL(net.rpcUrl).port);
    const wsPort = Number(new URL(net.wsUrl).port);
    expect(await portIsFree(rpcPort)).toBe(true);
    expect(await portIsFree(wsPort)).toBe(true);
  });

  it("uses program and authority keypairs given on the command line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "futstar-keys-"));
    const [futstar, oracle, authority] = [Keypair.generate(), Keypair.generate(), Keypair.generate()];
    const net = await startLocalnet({
      args: [
        "--program-keypair", `futstar=${keypairFile(dir, "futstar", futstar)}`,
        "--program-keypair", `momentum_oracle=${keypairFile(dir, "oracle", oracle)}`,
        "--upgrade-authority", keypairFile(dir, "authority", authority),
      ],
    });
    try {
      expect(net.programs.futstar.programId).toBe(futstar.publicKey.toBase58());
      expect(net.programs.momentum_oracle.programId).toBe(oracle.publicKey.toBase58());
      expect(net.upgradeAuthority).toBe(authority.publicKey.toBase58());
    } finally {
      expect((await net.stop()).code).toBe(0);
    }
  });

  it("keeps generated program ids across restarts that share a state dir", async () => {
    const stateDir = mkdtempSync(join(tmpdir(), "futstar-state-"));
    const first = await startLocalnet({ stateDir });
    expect((await first.stop()).code).toBe(0);
    const second = await startLocalnet({ stateDir });
    expect((await second.stop()).code).toBe(0);
    expect(second.programs.futstar.programId).toBe(first.programs.futstar.programId);
    expect(second.upgradeAuthority).toBe(first.upgradeAuthority);
  });

  it("fails naming the port when the RPC port is taken", async () => {
    const busy = createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => busy.listen(port, "127.0.0.1", resolve));
    try {
      await expect(startLocalnet({ args: ["--rpc-port", String(port)] })).rejects.toThrow(new RegExp(String(port)));
    } finally {
      busy.close();
    }
  });

  it("rejects an unknown flag with exit code 2, naming it", () => {
    ensureBuilt();
    let failure: { status: number | null; stderr: string } | null = null;
    try {
      execFileSync(localnetBinary, ["--slot-time", "5"], { encoding: "utf8", stdio: "pipe" });
    } catch (error) {
      const e = error as { status: number | null; stderr: string };
      failure = { status: e.status, stderr: e.stderr };
    }
    expect(failure?.status).toBe(2);
    expect(failure?.stderr).toContain("--slot-time");
  });
});
