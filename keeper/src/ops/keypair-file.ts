/** Keypairs in the Solana CLI's file format (a JSON array of 64 bytes). */
import { readFileSync } from "node:fs";
import { Keypair } from "@solana/web3.js";
import { ConfigError } from "./config.js";

export function loadKeypair(path: string, field: string): Keypair {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new ConfigError(field, `cannot read keypair ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!Array.isArray(raw) || raw.length !== 64 || !raw.every((b) => Number.isInteger(b) && b >= 0 && b <= 255)) {
    throw new ConfigError(field, `${path} is not a keypair file (a JSON array of 64 bytes)`);
  }
  return Keypair.fromSecretKey(Uint8Array.from(raw as number[]));
}
