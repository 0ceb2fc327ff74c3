/**
 * `abandon <match> [--config keeper.json] [--json]` (operator): pushes the Abandoned status for
 * the match's feed, then voids its pool (every live position refunded). Idempotent: what is
 * already done is reported as skipped. Exit 0 = abandoned (now or before), 1 = refused or
 * failed, 2 = bad arguments.
 */
import { resolve } from "node:path";
import type { ChainAdapter } from "../../chain/chain-adapter.js";
import { type AbandonReport, abandonMatch } from "../../ops/abandon.js";
import type { AdapterContext } from "../../ops/keeper-app.js";
import { matchPositional, parseCommandArgs } from "../args.js";
import type { CliCommand } from "../command.js";
import type { CliIo } from "../io.js";
import { loadKeeperContext } from "../keeper-context.js";

export interface AbandonOptions {
  readonly match: string;
  readonly config: string | undefined;
  readonly json: boolean;
}

export function parseAbandonArgs(args: readonly string[], cwd: string): AbandonOptions {
  const parsed = parseCommandArgs({ args: [...args], allowPositionals: true, strict: true, options: { config: { type: "string" }, json: { type: "boolean", default: false } } });
  const match = matchPositional(parsed.positionals);
  return { match, config: parsed.values.config === undefined ? undefined : resolve(cwd, parsed.values.config), json: parsed.values.json };
}

function render(r: AbandonReport): string {
  const push = r.push.state === "pushed" ? `Abandoned pushed (seq ${r.push.seq}, ${r.push.signature})` : `skipped: ${r.push.reason}`;
  const pool =
    r.void.state === "voided"
      ? `pool ${r.void.pool}: voided ${r.void.positions} live position(s) in ${r.void.transactions} transaction(s)${r.void.skippedTransactions > 0 ? `, ${r.void.skippedTransactions} already done` : ""}`
      : `pool ${r.void.pool}: skipped: ${r.void.reason}`;
  return `match ${r.match}\nfeed ${r.feed}: ${push}\n${pool}\n`;
}

/** The abandon command over a chain adapter factory (the SDK's in production). */
export function makeAbandonCommand(adapter: (ctx: AdapterContext) => ChainAdapter, env: Readonly<Record<string, string | undefined>> = process.env): CliCommand {
  return {
    name: "abandon",
    usage: "futstar-keeper abandon <match> [--config keeper.json] [--json]",
    summary: "operator: push the Abandoned status for a match's feed, then void its pool (refunds); already done = skipped",
    async run(args: readonly string[], io: CliIo): Promise<number> {
      const options = parseAbandonArgs(args, io.cwd);
      const { config, log } = await loadKeeperContext(options.config, env, io);
      const report = await abandonMatch(config, options.match, { log, adapter });
      io.stdout.write(options.json ? `${JSON.stringify(report)}\n` : render(report));
      return 0;
    },
  };
}
