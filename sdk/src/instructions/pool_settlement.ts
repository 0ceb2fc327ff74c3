import { TOKEN_PROGRAM_ID } from "@solana/spl-token";
import type { AccountMeta, PublicKey, TransactionInstruction } from "@solana/web3.js";

import { exchangePda, vaultPda } from "../pda.js";
import type { ProgramIds } from "../programs.js";
import { futstarInstruction } from "./futstar.js";

/** One position in a settlement batch. */
export interface SettlementEntry {
  readonly position: PublicKey;
  readonly trader: PublicKey;
  /** The position owner's token account of the collateral mint. */
  readonly ownerToken: PublicKey;
}

/** Batch input shared by `poolSettleAll` and `poolVoid`. */
export interface PoolSettlementInput {
  readonly pool: PublicKey;
  readonly feed: PublicKey;
  readonly entries: readonly SettlementEntry[];
}

function triples(entries: readonly SettlementEntry[]): AccountMeta[] {
  return entries.flatMap((e) => [
    { pubkey: e.position, isSigner: false, isWritable: true },
    { pubkey: e.trader, isSigner: false, isWritable: true },
    { pubkey: e.ownerToken, isSigner: false, isWritable: true },
  ]);
}

/** Builds `pool_settle_all` or `pool_void` (same accounts; positions as writable triples). */
export function poolSettlementInstruction(ids: ProgramIds, name: "poolSettleAll" | "poolVoid", p: PoolSettlementInput): TransactionInstruction {
  const accounts = {
    exchange: exchangePda(ids.futstar)[0],
    pool: p.pool,
    feed: p.feed,
    vault: vaultPda(ids.futstar, p.pool)[0],
    tokenProgram: TOKEN_PROGRAM_ID,
  };
  return name === "poolSettleAll"
    ? futstarInstruction(ids, "poolSettleAll", accounts, {}, triples(p.entries))
    : futstarInstruction(ids, "poolVoid", accounts, {}, triples(p.entries));
}
