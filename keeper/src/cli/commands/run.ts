/**
 * `run [--config keeper.json] [--exit-when-done] [--live statsperform --fixture <id> [--backup-f24 <url>] [--match-key <key>]]`:
 * the keeper service — pushes every configured match to the oracle, creates missing feeds and
 * pools, runs the fill and settlement cranks, serves /metrics and /healthz, logs JSON lines to
 * stderr, stops cleanly on SIGINT/SIGTERM. `--live` adds a live Stats Perform match to the
 * configured ones (outlet key from the config or FUTSTAR_STATSPERFORM_OUTLET_KEY) and implies
 * `--exit-when-done`: the run ends once the match has ended and its crank work is done.
 */
import { resolve } from "node:path";
import type { ChainAdapter } from "../../chain/chain-adapter.js";
import { httpUrl, liveMatch } from "../../ops/config.js";
import { type AdapterContext, startKeeperApp } from "../../ops/keeper-app.js";
import { onShutdown } from "../../ops/shutdown.js";
import { parseCommandArgs } from "../args.js";
import type { CliCommand } from "../command.js";
import { type CliIo, UsageError } from "../io.js";
import { loadKeeperContext } from "../keeper-context.js";

export interface LiveArgs {
  readonly fixtureId: string;
  readonly backupF24Url: string | undefined;
  readonly key: string | undefined;
}

export interface RunOptions {
  readonly config: string | undefined;
  readonly exitWhenDone: boolean;
  /** `--live statsperform --fixture <id>`: one more match, followed live. */
  readonly live?: LiveArgs;
}

export function parseRunArgs(args: readonly string[], cwd: string): RunOptions {
  const parsed = parseCommandArgs({
    args: [...args],
    allowPositionals: false,
    strict: true,
    options: {
      config: { type: "string" },
      "exit-when-done": { type: "boolean", default: false },
      live: { type: "string" },
      fixture: { type: "string" },
      "backup-f24": { type: "string" },
      "match-key": { type: "string" },
    },
  });
  const v = parsed.values;
  const config = v.config === undefined ? undefined : resolve(cwd, v.config);
  if (v.live === undefined) {
    for (const flag of ["fixture", "backup-f24", "match-key"] as const) if (v[flag] !== undefined) throw new UsageError(`--${flag}: only with --live statsperform`);
    return { config, exitWhenDone: v["exit-when-done"] };
  }
  if (v.live !== "statsperform") throw new UsageError(`--live: the live provider is 'statsperform', got '${v.live}'`);
  if (v.fixture === undefined || v.fixture.length === 0) throw new UsageError("--fixture: missing (the Stats Perform fixture id to follow)");
  if (v["backup-f24"] !== undefined && !httpUrl.safeParse(v["backup-f24"]).success) throw new UsageError(`--backup-f24: '${v["backup-f24"]}' is not an http(s) URL`);
  return { config, exitWhenDone: true, live: { fixtureId: v.fixture, backupF24Url: v["backup-f24"], key: v["match-key"] } };
}

/** The run command over a chain adapter factory (the SDK's in production, injectable in tests). */
export function makeRunCommand(adapter: (ctx: AdapterContext) => ChainAdapter, env: Readonly<Record<string, string | undefined>> = process.env): CliCommand {
  return {
    name: "run",
    usage: "futstar-keeper run [--config keeper.json] [--exit-when-done] [--live statsperform --fixture <id> [--backup-f24 <url>] [--match-key <key>]]",
    summary: "run the keeper: oracle pusher, match lifecycle, fill and settlement cranks, /metrics and /healthz; --live follows a Stats Perform match as it is played",
    async run(args: readonly string[], io: CliIo): Promise<number> {
      const options = parseRunArgs(args, io.cwd);
      const { config, log } = await loadKeeperContext(options.config, env, io, options.live ? [liveMatch(options.live)] : []);
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
