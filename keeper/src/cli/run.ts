/**
 * Subcommand dispatch. To add a command (e.g. `run`, `recompute`, `abandon`), write
 * `commands/<name>.ts` exporting a CliCommand and list it in COMMANDS.
 */
import type { CliCommand } from "./command.js";
import { makeAbandonCommand } from "./commands/abandon.js";
import { recomputeCommand } from "./commands/recompute.js";
import { replayCommand } from "./commands/replay.js";
import { makeRunCommand } from "./commands/run.js";
import { configuredAdapter } from "../ops/keeper-app.js";
import { type CliIo, UsageError } from "./io.js";

export const COMMANDS: readonly CliCommand[] = [replayCommand, makeRunCommand(configuredAdapter), recomputeCommand, makeAbandonCommand(configuredAdapter)];

function help(): string {
  const lines = ["usage: futstar-keeper <command> [options]", "", "commands:"];
  for (const c of COMMANDS) lines.push(`  ${c.usage}`, `      ${c.summary}`);
  return `${lines.join("\n")}\n`;
}

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    (name === undefined ? io.stderr : io.stdout).write(help());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`futstar-keeper: unknown command '${name}'\n${help()}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`futstar-keeper ${command.name}: ${err.message}\nusage: ${command.usage}\n`);
      return 2;
    }
    io.stderr.write(`futstar-keeper ${command.name}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
