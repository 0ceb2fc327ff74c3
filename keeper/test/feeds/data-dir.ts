/** Locates the shared real-match data (env FUTSTAR_DATA_DIR, default <repo>/../shared/data). */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const DATA_DIR = process.env.FUTSTAR_DATA_DIR ?? resolve(repoRoot, "..", "shared", "data");

export function dataFile(...parts: string[]): string {
  return join(DATA_DIR, ...parts);
}

/** True when the real files are missing; prints which suite is skipped, loudly. */
export function missingData(suite: string, ...files: string[][]): boolean {
  const missing = files.map((f) => dataFile(...f)).filter((f) => !existsSync(f));
  if (missing.length > 0) {
    console.warn(`\n!!! SKIPPED real-data suite "${suite}": missing ${missing.join(", ")} (set FUTSTAR_DATA_DIR)\n`);
    return true;
  }
  return false;
}

export const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), "..", "fixtures");
