/**
 * Every PDA of both programs, mirroring `programs/futstar/src/seeds.rs` and the oracle's seeds.
 * Each helper returns `[address, bump]` (canonical bump, as the programs use at creation).
 */
import type { PublicKey } from "@solana/web3.js";
import { Buffer } from "buffer";

import { type Pda, PdaCache } from "./pda-cache.js";

/** Seed prefixes, byte for byte as the programs spell them. */
export const SEEDS = {
  exchange: "exchange",
  pool: "pool",
  vault: "vault",
  lpMint: "lp_mint",
  trader: "trader",
  position: "position",
  oracleConfig: "oracle_config",
  feed: "feed",
} as const;

export type { Pda } from "./pda-cache.js";

/** Every helper below derives through this cache (positions are many, so it is bounded). */
const derived = new PdaCache(16_384);

const seed = (text: string): Buffer => Buffer.from(text, "utf8");

/** u64 little-endian seed bytes (position ids). */
export function u64Seed(value: bigint, field = "id"): Buffer {
  if (value < 0n || value >= 1n << 64n) throw new RangeError(`${field}: ${value} is not a u64`);
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64LE(value);
  return bytes;
}

/** 32-byte match id seed; a string is UTF-8 zero padded, bytes must be exactly 32. */
export function matchIdBytes(matchId: string | Uint8Array): Buffer {
  if (typeof matchId === "string") {
    const text = Buffer.from(matchId, "utf8");
    if (text.length === 0 || text.length > 32) throw new RangeError(`matchId: "${matchId}" must be 1..=32 UTF-8 bytes`);
    const padded = Buffer.alloc(32);
    text.copy(padded);
    return padded;
  }
  if (matchId.length !== 32) throw new RangeError(`matchId: ${matchId.length} bytes, expected 32`);
  return Buffer.from(matchId);
}

/** Futstar `Exchange` singleton: `["exchange"]`. */
export function exchangePda(futstar: PublicKey): Pda {
  return derived.derive([seed(SEEDS.exchange)], futstar);
}

/** Futstar `Pool` of a feed: `["pool", feed]`. */
export function poolPda(futstar: PublicKey, feed: PublicKey): Pda {
  return derived.derive([seed(SEEDS.pool), feed.toBuffer()], futstar);
}

/** A pool's collateral vault (SPL token account): `["vault", pool]`. */
export function vaultPda(futstar: PublicKey, pool: PublicKey): Pda {
  return derived.derive([seed(SEEDS.vault), pool.toBuffer()], futstar);
}

/** A pool's LP share mint: `["lp_mint", pool]`. */
export function lpMintPda(futstar: PublicKey, pool: PublicKey): Pda {
  return derived.derive([seed(SEEDS.lpMint), pool.toBuffer()], futstar);
}

/** A trader's account in a pool: `["trader", pool, owner]`. */
export function traderPda(futstar: PublicKey, pool: PublicKey, owner: PublicKey): Pda {
  return derived.derive([seed(SEEDS.trader), pool.toBuffer(), owner.toBuffer()], futstar);
}

/** A trader's position number `id`: `["position", trader, id u64 LE]`. */
export function positionPda(futstar: PublicKey, trader: PublicKey, id: bigint): Pda {
  return derived.derive([seed(SEEDS.position), trader.toBuffer(), u64Seed(id)], futstar);
}

/** Momentum oracle config singleton: `["oracle_config"]` (`CONFIG_SEED`). */
export function oracleConfigPda(oracle: PublicKey): Pda {
  return derived.derive([seed(SEEDS.oracleConfig)], oracle);
}

/** A match's momentum feed: `["feed", match_id]`. */
export function feedPda(oracle: PublicKey, matchId: string | Uint8Array): Pda {
  return derived.derive([seed(SEEDS.feed), matchIdBytes(matchId)], oracle);
}
