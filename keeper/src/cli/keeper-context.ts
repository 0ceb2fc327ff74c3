/** What the chain commands (`run`, `abandon`) start from: the keeper config and its JSON logger. */
import { type KeeperConfig, loadConfig } from "../ops/config.js";
import { type Logger, jsonLogger } from "../ops/log.js";
import type { CliIo } from "./io.js";

/** Loads the config (file + env; `extraMatches` from flags) and logs JSON lines to stderr at its level. */
export async function loadKeeperContext(
  configPath: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  io: CliIo,
  extraMatches: readonly Record<string, unknown>[] = [],
): Promise<{ config: KeeperConfig; log: Logger }> {
  const config = await loadConfig(configPath, env, extraMatches);
  return { config, log: jsonLogger((line) => io.stderr.write(line), config.logLevel) };
}
