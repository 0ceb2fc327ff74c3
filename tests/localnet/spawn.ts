/**
 * Starts the real `futstar-localnet` binary for a test file: free ports, a short slot time, a
 * fresh state dir; resolves once the ready line arrives. `stop()` sends SIGTERM and reports how it
 * exited.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, statSync, readdirSync, existsSync } from "node:fs";
import { createServer } from "node:net";
import { homedir, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

import { Keypair } from "@solana/web3.js";

import { parseErrorLine, parseReadyLine, type ReadyEvent } from "./ready-line.js";

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "../..");

/** The release binary in the shared cache (`scripts/localnet.sh` builds it). */
export const localnetBinary =
  process.env.FUTSTAR_LOCALNET_BIN ?? join(process.env.FUTSTAR_CACHE ?? join(homedir(), ".cache/futstar"), "target/release/futstar-localnet");

/** Hook timeout for starting a localnet: covers rebuilding a stale binary (~1 min), not a cold build. */
export const START_TIMEOUT_MS = 180_000;
/** Hook timeout for stopping one (the helper itself gives up after 15 s). */
export const STOP_TIMEOUT_MS = 30_000;

/** A running localnet. */
export interface Localnet extends ReadyEvent {
  /** The upgrade authority, funded at genesis (1,000 SOL): a ready-made payer for tests. */
  authority: Keypair;
  /** Every line the process wrote to stdout and stderr so far. */
  output: string[];
  /** The `futstar-localnet` process id (for CPU accounting from /proc). */
  pid: number;
  /** SIGTERM (or `signal`), then wait for exit; resolves with the exit code and signal. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface StartOptions {
  /** Milliseconds per slot; tests use short slots. */
  slotTimeMs?: number;
  /** Extra flags for the binary. */
  args?: string[];
  /** Reuse a state dir (keys and program ids persist there); a fresh temp dir by default. */
  stateDir?: string;
  /** How long to wait for the ready line. */
  timeoutMs?: number;
}

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

/** Builds the programs and the binary when missing or older than the localnet sources. */
export function ensureBuilt(): void {
  const programsBuilt = ["futstar", "momentum_oracle"].every((p) => existsSync(join(repoRoot, "target/deploy", `${p}.so`)));
  const binaryFresh =
    existsSync(localnetBinary) && statSync(localnetBinary).mtimeMs >= newestMtime(join(repoRoot, "localnet"));
  if (programsBuilt && binaryFresh) return;
  execFileSync("bash", [join(repoRoot, "scripts/localnet.sh"), "--build-only"], { stdio: "inherit" });
}

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const [port] = await freePorts(1);
  if (port === undefined) throw new Error("no port assigned");
  return port;
}

/**
 * `count` distinct TCP ports nobody listens on right now: every probe stays bound until all are
 * assigned, so the kernel cannot hand the same port out twice (separate probes once gave the RPC
 * and the WebSocket the same port).
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers = Array.from({ length: count }, () => createServer());
  try {
    return await Promise.all(
      servers.map(
        (server) =>
          new Promise<number>((resolvePort, reject) => {
            server.once("error", reject);
            server.listen(0, "127.0.0.1", () => {
              const address = server.address();
              if (address === null || typeof address === "string") reject(new Error("no port assigned"));
              else resolvePort(address.port);
            });
          }),
      ),
    );
  } finally {
    await Promise.all(servers.map((server) => new Promise<void>((done) => (server.listening ? server.close(() => done()) : done()))));
  }
}

function waitForExit(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
}

/** A Solana CLI keypair file (JSON array of 64 bytes). */
export function readKeypairFile(path: string): Keypair {
  const bytes: unknown = JSON.parse(readFileSync(path, "utf8"));
  if (!Array.isArray(bytes) || bytes.length !== 64 || !bytes.every((b) => Number.isInteger(b) && b >= 0 && b <= 255)) {
    throw new Error(`${path}: not a keypair file (expected a JSON array of 64 bytes)`);
  }
  return Keypair.fromSecretKey(Uint8Array.from(bytes));
}

/** Spawns `futstar-localnet` and resolves once it is ready. */
export async function startLocalnet(options: StartOptions = {}): Promise<Localnet> {
  ensureBuilt();
  const [rpcPort, wsPort] = await freePorts(2);
  const stateDir = options.stateDir ?? mkdtempSync(join(tmpdir(), "futstar-localnet-"));
  const args = [
    "--root", repoRoot,
    "--rpc-port", String(rpcPort),
    "--ws-port", String(wsPort),
    "--slot-time-ms", String(options.slotTimeMs ?? 50),
    "--state-dir", stateDir,
    ...(options.args ?? []),
  ];
  const child = spawn(localnetBinary, args, { stdio: ["ignore", "pipe", "pipe"] });
  const output: string[] = [];
  createInterface({ input: child.stderr! }).on("line", (line) => output.push(line));
  const stdout = createInterface({ input: child.stdout! });

  const ready = await new Promise<ReadyEvent>((resolve, reject) => {
    const timeoutMs = options.timeoutMs ?? 60_000;
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`futstar-localnet not ready within ${timeoutMs} ms:\n${output.join("\n")}`));
    }, timeoutMs);
    stdout.on("line", (line) => {
      output.push(line);
      try {
        const event = parseReadyLine(line);
        if (event !== null) {
          clearTimeout(timer);
          resolve(event);
        }
      } catch (error) {
        clearTimeout(timer);
        child.kill("SIGKILL");
        reject(error instanceof Error ? error : new Error(String(error)));
      }
      const failure = parseErrorLine(line);
      if (failure !== null) {
        clearTimeout(timer);
        reject(new Error(`futstar-localnet failed: ${failure}`));
      }
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`futstar-localnet exited (code ${code}, signal ${signal}) before ready:\n${output.join("\n")}`));
    });
  });

  const authority = readKeypairFile(ready.upgradeAuthorityKeypair);
  const pid = child.pid;
  if (pid === undefined) throw new Error("futstar-localnet reported ready but has no pid");
  return {
    ...ready,
    authority,
    output,
    pid,
    async stop(signal: NodeJS.Signals = "SIGTERM") {
      const exited = waitForExit(child);
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const timeout = new Promise<never>((_, reject) =>
        setTimeout(() => {
          child.kill("SIGKILL");
          reject(new Error(`futstar-localnet did not exit within 15 s of ${signal}`));
        }, 15_000).unref(),
      );
      return Promise.race([exited, timeout]);
    },
  };
}
