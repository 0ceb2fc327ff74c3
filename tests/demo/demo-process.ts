/**
 * `scripts/demo.sh` as a person runs it, in its own process group (like a terminal's foreground
 * job, so Ctrl-C = SIGINT to the group). Shared by the demo smoke test and the app's browser test.
 *
 * Tests use fixed ports (the app inlines the RPC URL at build time, so one build serves every
 * test run) and their own state dir, apart from a demo someone may be running on the defaults.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "../..");

export interface DemoReady {
  readonly appUrl: string;
  readonly rpcUrl: string;
  readonly wsUrl: string;
  readonly keeperUrl: string;
  readonly feed: string;
  readonly pool: string;
  readonly trader: string;
  readonly traderKeypair: string;
  readonly programs: { readonly futstar: string; readonly oracle: string };
  readonly match: string;
  readonly processGroups: { readonly localnet: number; readonly keeper: number; readonly app: number };
}

export interface DemoPorts {
  readonly app: number;
  readonly rpc: number;
  readonly ws: number;
  readonly keeper: number;
}

/** The test ports (env FUTSTAR_TEST_DEMO_PORTS="app,rpc,ws,keeper" overrides). */
export function testPorts(env: Readonly<Record<string, string | undefined>> = process.env): DemoPorts {
  const text = env.FUTSTAR_TEST_DEMO_PORTS ?? "13000,18899,18900,19464";
  const parts = text.split(",").map(Number);
  if (parts.length !== 4 || !parts.every((p) => Number.isInteger(p) && p > 0 && p < 65536)) {
    throw new Error(`FUTSTAR_TEST_DEMO_PORTS: expected "app,rpc,ws,keeper" ports, got '${text}'`);
  }
  const [app, rpc, ws, keeper] = parts as [number, number, number, number];
  return { app, rpc, ws, keeper };
}

export interface DemoProcess {
  readonly child: ChildProcess;
  /** stdout and stderr lines so far. */
  readonly lines: string[];
  readonly ready: Promise<DemoReady>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Ctrl-C: SIGINT to the demo's process group; resolves with how it exited. */
  interrupt(timeoutMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The caller's env without tsx's own settings (a relative TSX_TSCONFIG_PATH breaks the demo's tsx steps). */
function cleanEnv(extra: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const k of Object.keys(out)) if (k.startsWith("TSX_")) delete out[k];
  return out;
}

export function startDemo(args: readonly string[], env: Readonly<Record<string, string>> = {}): DemoProcess {
  const child = spawn("bash", [join(repoRoot, "scripts/demo.sh"), ...args], {
    cwd: repoRoot,
    detached: true, // its own process group, as a terminal job
    env: cleanEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  createInterface({ input: child.stderr! }).on("line", (l) => lines.push(l));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  const ready = new Promise<DemoReady>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on("line", (line) => {
      lines.push(line);
      if (line.startsWith('{"event":"demo-ready"')) resolve(JSON.parse(line) as DemoReady);
    });
    void exited.then((e) => reject(new Error(`demo exited before ready (${JSON.stringify(e)}):\n${lines.slice(-40).join("\n")}`)));
  });
  ready.catch(() => undefined); // observed by the caller; avoid an unhandled rejection after a stop
  return {
    child,
    lines,
    ready,
    exited,
    async interrupt(timeoutMs = 60_000) {
      if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) process.kill(-child.pid, "SIGINT");
      const timeout = new Promise<never>((_, reject) =>
        setTimeout(() => {
          if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
          reject(new Error(`demo did not stop within ${timeoutMs} ms of SIGINT:\n${lines.slice(-20).join("\n")}`));
        }, timeoutMs).unref(),
      );
      return Promise.race([exited, timeout]);
    },
  };
}

/** True while any process of group `pgid` exists. */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ESRCH") return false;
    throw err;
  }
}
