import { TOKEN_PROGRAM_ID } from "@solana/spl-token";
import type { PublicKey, TransactionInstruction } from "@solana/web3.js";

import { exchangePda, vaultPda } from "../pda.js";
import type { ProgramIds } from "../programs.js";
import { futstarInstruction, u64Arg } from "./futstar.js";

/** `treasury_withdraw(amount)`: the admin moves fees owed to the treasury's token account. */
export function treasuryWithdraw(ids: ProgramIds, p: { admin: PublicKey; pool: PublicKey; treasuryToken: PublicKey; amount: bigint }): TransactionInstruction {
  return futstarInstruction(
    ids,
    "treasuryWithdraw",
    {
      admin: p.admin,
      exchange: exchangePda(ids.futstar)[0],
      pool: p.pool,
      vault: vaultPda(ids.futstar, p.pool)[0],
      treasuryToken: p.treasuryToken,
      tokenProgram: TOKEN_PROGRAM_ID,
    },
    { amount: u64Arg(p.amount, "amount") },
  );
}
