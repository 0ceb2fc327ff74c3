/**
 * The real localnet for keeper tests: `tests/localnet/spawn.ts` (owned by the localnet work),
 * loaded at run time so the keeper's tsconfig stays within keeper/.
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Keypair } from "@solana/web3.js";

export interface RunningLocalnet {
  readonly rpcUrl: string;
  readonly wsUrl: string;
  readonly authority: Keypair;
  readonly programs: { readonly futstar: { readonly programId: string }; readonly momentum_oracle: { readonly programId: string } };
  readonly output: string[];
  stop(): Promise<unknown>;
}

interface SpawnModule {
  startLocalnet(options: { slotTimeMs?: number; timeoutMs?: number }): Promise<RunningLocalnet>;
  ensureBuilt(): void;
}

const spawnPath = resolve(dirname(fileURLToPath(import.meta.url)), "../../../tests/localnet/spawn.ts");

export function localnetAvailable(): boolean {
  return existsSync(spawnPath);
}

export async function startLocalnet(slotTimeMs = 50): Promise<RunningLocalnet> {
  const mod = (await import(pathToFileURL(spawnPath).href)) as SpawnModule;
  return mod.startLocalnet({ slotTimeMs, timeoutMs: 120_000 });
}

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "../../..");
