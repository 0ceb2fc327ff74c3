import { TOKEN_PROGRAM_ID } from "@solana/spl-token";
import type { PublicKey, TransactionInstruction } from "@solana/web3.js";

import { exchangePda, lpMintPda, vaultPda } from "../pda.js";
import type { ProgramIds } from "../programs.js";
import { futstarInstruction, u64Arg } from "./futstar.js";

/** `pool_withdraw(shares)`: a provider burns `shares` LP shares for collateral out of unreserved liquidity. */
export function poolWithdraw(
  ids: ProgramIds,
  p: { provider: PublicKey; pool: PublicKey; providerToken: PublicKey; providerLp: PublicKey; shares: bigint },
): TransactionInstruction {
  return futstarInstruction(
    ids,
    "poolWithdraw",
    {
      provider: p.provider,
      exchange: exchangePda(ids.futstar)[0],
      pool: p.pool,
      vault: vaultPda(ids.futstar, p.pool)[0],
      lpMint: lpMintPda(ids.futstar, p.pool)[0],
      providerToken: p.providerToken,
      providerLp: p.providerLp,
      tokenProgram: TOKEN_PROGRAM_ID,
    },
    { shares: u64Arg(p.shares, "shares") },
  );
}
