import { TOKEN_PROGRAM_ID } from "@solana/spl-token";
import type { PublicKey, TransactionInstruction } from "@solana/web3.js";

import { exchangePda, lpMintPda, vaultPda } from "../pda.js";
import type { ProgramIds } from "../programs.js";
import { futstarInstruction, u64Arg } from "./futstar.js";

/** `pool_deposit(amount)`: a provider adds `amount` collateral tokens for LP shares (rounded down). */
export function poolDeposit(
  ids: ProgramIds,
  p: { provider: PublicKey; pool: PublicKey; providerToken: PublicKey; providerLp: PublicKey; amount: bigint },
): TransactionInstruction {
  return futstarInstruction(
    ids,
    "poolDeposit",
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
    { amount: u64Arg(p.amount, "amount") },
  );
}
