/** Where the shared real match files are, and a loud skip when they are absent. */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

export const DATA_DIR = process.env.FUTSTAR_DATA_DIR ?? join(repoRoot, "..", "shared", "data");

/** The shared matches the engine is checked on (the Opta F24 file is a fragment, checked separately). */
export const SHARED_MATCHES = ["wyscout/2058017.json", "wyscout/2058003.json", "wyscout/1694440.json", "statsperform/ma3_match_events.json"] as const;

/** True when `file` exists under DATA_DIR; otherwise prints which suite is skipped. */
export function haveData(file: string, suite: string): boolean {
  const present = existsSync(join(DATA_DIR, file));
  if (!present) console.warn(`\n*** SKIPPED real-data suite "${suite}": ${join(DATA_DIR, file)} not found (set FUTSTAR_DATA_DIR) ***\n`);
  return present;
}
