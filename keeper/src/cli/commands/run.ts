/**
 * `run [--config keeper.json] [--exit-when-done]`: the keeper service — pushes every configured
 * match to the oracle, creates missing feeds and pools, runs the fill and settlement cranks,
 * serves /metrics and /healthz, logs JSON lines to stderr, stops cleanly on SIGINT/SIGTERM.
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import type { ChainAdapter } from "../../chain/chain-adapter.js";
import { loadConfig } from "../../ops/config.js";
import { type AdapterContext, startKeeperApp } from "../../ops/keeper-app.js";
import { jsonLogger } from "../../ops/log.js";
import { onShutdown } from "../../ops/shutdown.js";
import type { CliCommand } from "../command.js";
import { type CliIo, UsageError } from "../io.js";

export interface RunOptions {
  readonly config: string | undefined;
  readonly exitWhenDone: boolean;
}

export function parseRunArgs(args: readonly string[], cwd: string): RunOptions {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], allowPositionals: false, strict: true, options: { config: { type: "string" }, "exit-when-done": { type: "boolean", default: false } } });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  return { config: parsed.values.config === undefined ? undefined : resolve(cwd, parsed.values.config), exitWhenDone: parsed.values["exit-when-done"] };
}

/** The run command over a chain adapter factory (the SDK's in production, injectable in tests). */
export function makeRunCommand(adapter: (ctx: AdapterContext) => ChainAdapter, env: Readonly<Record<string, string | undefined>> = process.env): CliCommand {
  return {
    name: "run",
    usage: "futstar-keeper run [--config keeper.json] [--exit-when-done]",
    summary: "run the keeper: oracle pusher, match lifecycle, fill and settlement cranks, /metrics and /healthz",
    async run(args: readonly string[], io: CliIo): Promise<number> {
      const options = parseRunArgs(args, io.cwd);
      const config = await loadConfig(options.config, env);
      const log = jsonLogger((line) => io.stderr.write(line), config.logLevel);
      const shutdown = onShutdown(["SIGINT", "SIGTERM"], (s) => log.info("shutting down", { signal: s }));
      try {
        const app = await startKeeperApp(config, { log, signal: shutdown.signal, adapter, exitWhenDone: options.exitWhenDone });
        io.stdout.write(`${JSON.stringify({ event: "ready", ops: app.opsUrl })}\n`);
        await app.done;
        return 0;
      } finally {
        shutdown.dispose();
      }
    },
  };
}
