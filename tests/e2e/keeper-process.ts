/** The keeper as people run it: `futstar-keeper run --config <file>` in a child process. */
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";

import { repoRoot } from "../localnet/spawn.js";

export interface KeeperProcess {
  readonly child: ChildProcess;
  /** JSON log lines (stderr) and stdout lines so far. */
  readonly lines: string[];
  readonly ready: Promise<{ ops: string }>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startKeeper(configPath: string, extra: readonly string[] = []): KeeperProcess {
  const child = spawn(process.execPath, [join(repoRoot, "keeper/bin/futstar-keeper.js"), "run", "--config", configPath, ...extra], { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
  const lines: string[] = [];
  createInterface({ input: child.stderr! }).on("line", (l) => lines.push(l));
  const stdout = createInterface({ input: child.stdout! });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  const ready = new Promise<{ ops: string }>((resolve, reject) => {
    stdout.on("line", (line) => {
      lines.push(line);
      if (line.startsWith('{"event":"ready"')) resolve(JSON.parse(line) as { ops: string });
    });
    void exited.then((e) => reject(new Error(`keeper exited before ready (${JSON.stringify(e)}):\n${lines.join("\n")}`)));
  });
  return { child, lines, ready, exited };
}

/** Runs the keeper CLI to completion (recompute, replay) and returns its output and exit code. */
export function runKeeperCli(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [join(repoRoot, "keeper/bin/futstar-keeper.js"), ...args], { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, stdout, stderr })));
}
