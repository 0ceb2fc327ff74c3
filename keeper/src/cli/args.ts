/** Argument parsing the subcommands share: node's `parseArgs` with its errors as UsageError, and the `<match>` positional. */
import { type ParseArgsConfig, parseArgs } from "node:util";
import { UsageError } from "./io.js";

export function parseCommandArgs<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

/** The single `<match>` positional (the key the keeper stored the match under). */
export function matchPositional(positionals: readonly string[]): string {
  const [match, ...extra] = positionals;
  if (match === undefined) throw new UsageError("<match>: missing (the match key the keeper stored it under)");
  if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
  return match;
}
