import { TOKEN_PROGRAM_ID } from "@solana/spl-token";
import { type PublicKey, SystemProgram, type TransactionInstruction } from "@solana/web3.js";

import type { Side } from "../math/pnl.js";
import { exchangePda, positionPda, traderPda, vaultPda } from "../pda.js";
import type { ProgramIds } from "../programs.js";
import { futstarInstruction, u64Arg } from "./futstar.js";

/** Duration meaning "until the match ends". */
export const DURATION_MATCH_END = 0xffff_ffff;

/** Inputs of `positionRequestOpen`. */
export interface PositionRequestOpenInput {
  readonly owner: PublicKey;
  readonly pool: PublicKey;
  readonly feed: PublicKey;
  /** The trader's `nextPositionId` (the new position's PDA seed). */
  readonly positionId: bigint;
  /** The owner's token account of the collateral mint. */
  readonly ownerToken: PublicKey;
  readonly side: Side;
  readonly leverage: number;
  readonly collateral: bigint;
  /** Seconds, one of the pool's allowed durations, or `DURATION_MATCH_END`. */
  readonly durationS: number;
}

/** `position_request_open(side, leverage, collateral, duration_s, position_bump)`: escrows collateral + open fee. */
export function positionRequestOpen(ids: ProgramIds, p: PositionRequestOpenInput): TransactionInstruction {
  const trader = traderPda(ids.futstar, p.pool, p.owner)[0];
  // The program re-derives the position PDA with this bump (one sha256, constant CU) instead of searching for it.
  const [position, positionBump] = positionPda(ids.futstar, trader, p.positionId);
  return futstarInstruction(
    ids,
    "positionRequestOpen",
    {
      owner: p.owner,
      exchange: exchangePda(ids.futstar)[0],
      pool: p.pool,
      feed: p.feed,
      trader,
      position,
      ownerToken: p.ownerToken,
      vault: vaultPda(ids.futstar, p.pool)[0],
      tokenProgram: TOKEN_PROGRAM_ID,
      systemProgram: SystemProgram.programId,
    },
    { side: p.side, leverage: p.leverage, collateral: u64Arg(p.collateral, "collateral"), durationS: p.durationS, positionBump },
  );
}
