/** The shape every subcommand has; `run.ts` dispatches on the name. */
import type { CliIo } from "./io.js";

export interface CliCommand {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  /** Returns the process exit code. Throws UsageError for bad arguments. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}
