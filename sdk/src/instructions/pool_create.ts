import { TOKEN_PROGRAM_ID } from "@solana/spl-token";
import { type PublicKey, SystemProgram, type TransactionInstruction } from "@solana/web3.js";

import { exchangePda, lpMintPda, poolPda, vaultPda } from "../pda.js";
import type { ProgramIds } from "../programs.js";
import { futstarInstruction } from "./futstar.js";

/** `pool_create`: the admin opens a pool on `feed` for `collateralMint` (pool, vault, LP mint PDAs derived). */
export function poolCreate(ids: ProgramIds, p: { admin: PublicKey; feed: PublicKey; collateralMint: PublicKey }): TransactionInstruction {
  const pool = poolPda(ids.futstar, p.feed)[0];
  return futstarInstruction(
    ids,
    "poolCreate",
    {
      admin: p.admin,
      exchange: exchangePda(ids.futstar)[0],
      feed: p.feed,
      collateralMint: p.collateralMint,
      pool,
      vault: vaultPda(ids.futstar, pool)[0],
      lpMint: lpMintPda(ids.futstar, pool)[0],
      systemProgram: SystemProgram.programId,
      tokenProgram: TOKEN_PROGRAM_ID,
    },
    {},
  );
}
