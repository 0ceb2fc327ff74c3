/** Shared plumbing of the futstar builders: the typed generic call and common account sets. */
import { TOKEN_PROGRAM_ID } from "@solana/spl-token";
import type { AccountMeta, PublicKey, TransactionInstruction } from "@solana/web3.js";
import BN from "bn.js";

import { type Futstar, futstarProgram } from "../idl/index.js";
import { exchangePda, lpMintPda, vaultPda } from "../pda.js";
import type { ProgramIds } from "../programs.js";
import { type IxAccounts, type IxArgs, type IxName, buildInstruction } from "./build.js";

/** Builds futstar instruction `name` (accounts and args checked against the IDL at compile time). */
export function futstarInstruction<N extends IxName<Futstar>>(ids: ProgramIds, name: N, accounts: IxAccounts<Futstar, N>, args: IxArgs<Futstar, N>, remaining: readonly AccountMeta[] = []): TransactionInstruction {
  return buildInstruction(futstarProgram, ids.futstar, name, accounts, args, remaining);
}

/** A u64/i64 argument as Anchor's coder wants it; rejects values outside the wire type. */
export function u64Arg(value: bigint, field: string): BN {
  if (value < 0n || value >= 1n << 64n) throw new RangeError(`${field}: ${value} is not a u64`);
  return new BN(value.toString());
}

/** An i64 argument. */
export function i64Arg(value: bigint, field: string): BN {
  if (value < -(1n << 63n) || value >= 1n << 63n) throw new RangeError(`${field}: ${value} is not an i64`);
  return new BN(value.toString());
}

/** The accounts shared by fill open / fill close / settle / cancel (see `position_accounts.rs`). */
export interface PositionAccountsInput {
  readonly pool: PublicKey;
  readonly feed: PublicKey;
  readonly position: PublicKey;
  readonly trader: PublicKey;
  /** The position owner's token account of the collateral mint. */
  readonly ownerToken: PublicKey;
}

/** Exchange PDA + token program added to a position account set. */
export function positionAccounts(ids: ProgramIds, input: PositionAccountsInput) {
  return {
    exchange: exchangePda(ids.futstar)[0],
    pool: input.pool,
    feed: input.feed,
    position: input.position,
    trader: input.trader,
    ownerToken: input.ownerToken,
    vault: vaultPda(ids.futstar, input.pool)[0],
    tokenProgram: TOKEN_PROGRAM_ID,
  };
}

/** What an LP names for `pool_deposit` / `pool_withdraw` (see `pool_liquidity_accounts.rs`). */
export interface LiquidityAccountsInput {
  readonly provider: PublicKey;
  readonly pool: PublicKey;
  /** The pool's feed: its index marks the open positions that price the shares. */
  readonly feed: PublicKey;
  /** The provider's token account of the collateral mint. */
  readonly providerToken: PublicKey;
  /** The provider's token account of the pool's LP mint. */
  readonly providerLp: PublicKey;
}

/** Exchange, vault, LP mint PDAs and the token program added to an LP account set. */
export function liquidityAccounts(ids: ProgramIds, input: LiquidityAccountsInput) {
  return {
    provider: input.provider,
    exchange: exchangePda(ids.futstar)[0],
    pool: input.pool,
    feed: input.feed,
    vault: vaultPda(ids.futstar, input.pool)[0],
    lpMint: lpMintPda(ids.futstar, input.pool)[0],
    providerToken: input.providerToken,
    providerLp: input.providerLp,
    tokenProgram: TOKEN_PROGRAM_ID,
  };
}
