/**
 * `recompute <match> [--db path] [--rpc url] [--json]`: recomputes the momentum series from the
 * match's stored event log and reports every difference from what the keeper signed and, with
 * `--rpc`, from what the chain holds (latest update and ring). Exit 0 = identical, 1 = differences
 * (or an error), 2 = bad arguments.
 */
import { resolve } from "node:path";
import { PublicKey } from "@solana/web3.js";
import { audit, type AuditReport } from "../../chain/audit.js";
import { readFeed } from "../../chain/feed-reader.js";
import { RpcPool } from "../../chain/rpc-pool.js";
import { KeeperStore } from "../../store/keeper-store.js";
import { matchPositional, parseCommandArgs } from "../args.js";
import type { CliCommand } from "../command.js";
import { type CliIo, UsageError } from "../io.js";

export interface RecomputeOptions {
  readonly match: string;
  readonly db: string;
  readonly rpc: string[];
  readonly json: boolean;
}

export function parseRecomputeArgs(args: readonly string[], cwd: string, env: Readonly<Record<string, string | undefined>> = process.env): RecomputeOptions {
  const parsed = parseCommandArgs({ args: [...args], allowPositionals: true, strict: true, options: { db: { type: "string" }, rpc: { type: "string", multiple: true }, json: { type: "boolean", default: false } } });
  const match = matchPositional(parsed.positionals);
  const db = parsed.values.db ?? env.FUTSTAR_KEEPER_DB;
  if (db === undefined) throw new UsageError("--db: missing (or set FUTSTAR_KEEPER_DB)");
  const rpc = parsed.values.rpc ?? (env.FUTSTAR_KEEPER_RPC_URLS ? env.FUTSTAR_KEEPER_RPC_URLS.split(",") : []);
  for (const url of rpc) if (!/^https?:\/\//.test(url)) throw new UsageError(`--rpc: '${url}' is not an http(s) URL`);
  return { match, db: resolve(cwd, db), rpc, json: parsed.values.json };
}

function render(report: AuditReport, match: string, chainChecked: boolean): string {
  const lines = [`match ${match}: ${report.checkedUpdates} landed updates recomputed${chainChecked ? `, ${report.checkedSamples} ring samples and the latest update compared with the chain` : " (no --rpc: chain not compared)"}`];
  for (const d of report.differences) lines.push(`  DIFF ${d.where} seq=${d.seq ?? "-"} at=${d.at} ${d.field}: expected ${d.expected}, found ${d.actual}`);
  lines.push(report.differences.length === 0 ? "identical" : `${report.differences.length} difference(s)`);
  return `${lines.join("\n")}\n`;
}

export const recomputeCommand: CliCommand = {
  name: "recompute",
  usage: "futstar-keeper recompute <match> [--db keeper.db] [--rpc URL]... [--json]",
  summary: "recompute a match's series from the stored event log; report differences from what was signed and what is on chain",
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const options = parseRecomputeArgs(args, io.cwd);
    const store = new KeeperStore(options.db);
    try {
      const match = store.match(options.match);
      if (!match) throw new Error(`match '${options.match}' is not in ${options.db} (known: ${store.matches().map((m) => m.matchKey).join(", ") || "none"})`);
      let chain = null;
      if (options.rpc.length > 0) {
        if (match.feed === null) throw new Error(`match '${options.match}' has no feed account recorded`);
        chain = await readFeed(new RpcPool(options.rpc), new PublicKey(match.feed));
        if (chain === null) throw new Error(`feed ${match.feed} does not exist on ${options.rpc.join(", ")}`);
      }
      const report = audit(store.changesWithTick(options.match), store.pushed(options.match), chain);
      io.stdout.write(options.json ? `${JSON.stringify({ match: options.match, ...report })}\n` : render(report, options.match, chain !== null));
      return report.differences.length === 0 ? 0 : 1;
    } finally {
      store.close();
    }
  },
};
