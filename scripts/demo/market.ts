/**
 * The demo market on a running local chain, over JSON-RPC: momentum-oracle config (signer
 * quorum), futstar exchange, a 6-decimal collateral mint, LP liquidity in the pool the keeper
 * creates for the match's feed, and funded traders (SOL + collateral in their associated token
 * account; the app itself sends `trader_init` with a trader's first order).
 */
import { createHash } from "node:crypto";

import { type ExchangeConfigInput, type ProgramIds, exchangeInit, lpMintPda, poolDeposit, poolPda } from "@futstar/sdk";
import {
  MINT_SIZE,
  TOKEN_PROGRAM_ID,
  createAssociatedTokenAccountIdempotentInstruction,
  createInitializeMint2Instruction,
  createMintToInstruction,
  getAssociatedTokenAddressSync,
} from "@solana/spl-token";
import {
  type Connection,
  Keypair,
  LAMPORTS_PER_SOL,
  PublicKey,
  SystemProgram,
  Transaction,
  TransactionInstruction,
  sendAndConfirmTransaction,
} from "@solana/web3.js";

/** Collateral units per whole token (6 decimals, like USDC). */
export const UNIT = 1_000_000n;
/** Seconds between an order and its fill: the keeper fills at a later oracle sample. */
export const IN_PLAY_DELAY_S = 5;

async function send(connection: Connection, payer: Keypair, ixs: TransactionInstruction[], extra: Keypair[] = []): Promise<void> {
  await sendAndConfirmTransaction(connection, new Transaction().add(...ixs), [payer, ...extra], { commitment: "confirmed" });
}

/** `config_init` arguments of the momentum oracle (programs/momentum_oracle/src/state/config_params.rs). */
export interface OracleParams {
  readonly admin: PublicKey;
  readonly signers: readonly PublicKey[];
  readonly quorum: number;
  readonly maxMoveBpsPerSec: number;
  readonly maxStalenessS: number;
  readonly maxFutureSkewS: number;
  readonly timelockDelayS: number;
}

/** The 304-byte `ConfigParams` layout: admin, 8 signer slots, count, quorum, u16, 3 × u32. */
export function encodeOracleParams(p: OracleParams): Buffer {
  if (p.signers.length < 1 || p.signers.length > 8) throw new RangeError(`signers: ${p.signers.length}, expected 1..8`);
  const out = Buffer.alloc(304);
  p.admin.toBuffer().copy(out, 0);
  p.signers.forEach((s, i) => s.toBuffer().copy(out, 32 + 32 * i));
  out[288] = p.signers.length;
  out[289] = p.quorum;
  out.writeUInt16LE(p.maxMoveBpsPerSec, 290);
  out.writeUInt32LE(p.maxStalenessS, 292);
  out.writeUInt32LE(p.maxFutureSkewS, 296);
  out.writeUInt32LE(p.timelockDelayS, 300);
  return out;
}

/** `config_init`, signed by the oracle program's upgrade authority (it proves itself with the ProgramData account). */
export async function initOracle(connection: Connection, oracle: PublicKey, programData: PublicKey, authority: Keypair, signers: readonly PublicKey[]): Promise<void> {
  const [config] = PublicKey.findProgramAddressSync([Buffer.from("oracle_config")], oracle);
  const params = encodeOracleParams({
    admin: authority.publicKey,
    signers,
    quorum: signers.length,
    maxMoveBpsPerSec: 10_000,
    maxStalenessS: 600,
    maxFutureSkewS: 30,
    timelockDelayS: 60,
  });
  const ix = new TransactionInstruction({
    programId: oracle,
    keys: [
      { pubkey: authority.publicKey, isSigner: true, isWritable: true },
      { pubkey: config, isSigner: false, isWritable: true },
      { pubkey: programData, isSigner: false, isWritable: false },
      { pubkey: SystemProgram.programId, isSigner: false, isWritable: false },
    ],
    data: Buffer.concat([createHash("sha256").update("global:config_init").digest().subarray(0, 8), params]),
  });
  await send(connection, authority, [ix]);
}

export function exchangeConfig(admin: PublicKey, ids: ProgramIds, treasury: PublicKey): ExchangeConfigInput {
  return {
    admin,
    guardian: admin,
    oracleProgram: ids.momentumOracle,
    treasury,
    openFeeBps: 10,
    closeFeeBps: 10,
    lpFeeShareBps: 7000,
    timelockDelayS: 3600,
    defaultLimits: {
      maxLeverage: 20,
      inplayDelayS: IN_PLAY_DELAY_S,
      maxStalenessS: 60,
      minOpenIntervalSlots: 0,
      maxOpenPositions: 50,
      minCollateral: UNIT / 1000n,
      maxNotional: 100_000n * UNIT,
      maxOiPerSide: 1_000_000n * UNIT,
      maxSkew: 1_000_000n * UNIT,
      maxPayout: 10_000n * UNIT,
      // 1 min, 5 min, 15 min, match end.
      durations: [60, 300, 900, 0xffff_ffff],
    },
  };
}

export interface Exchange {
  readonly mint: PublicKey;
  readonly treasury: PublicKey;
  /** The admin's collateral account (mint authority = admin). */
  readonly adminToken: PublicKey;
}

/** `exchange_init` plus the collateral mint, the treasury's and the admin's token accounts. */
export async function createExchange(connection: Connection, ids: ProgramIds, admin: Keypair, adminTokens: bigint): Promise<Exchange> {
  const treasury = Keypair.generate().publicKey;
  await send(connection, admin, [exchangeInit(ids, { payer: admin.publicKey, config: exchangeConfig(admin.publicKey, ids, treasury) })]);
  const mint = Keypair.generate();
  const rent = await connection.getMinimumBalanceForRentExemption(MINT_SIZE);
  await send(connection, admin, [
    SystemProgram.createAccount({ fromPubkey: admin.publicKey, newAccountPubkey: mint.publicKey, lamports: rent, space: MINT_SIZE, programId: TOKEN_PROGRAM_ID }),
    createInitializeMint2Instruction(mint.publicKey, 6, admin.publicKey, null),
  ], [mint]);
  const adminToken = getAssociatedTokenAddressSync(mint.publicKey, admin.publicKey, true);
  await send(connection, admin, [
    createAssociatedTokenAccountIdempotentInstruction(admin.publicKey, getAssociatedTokenAddressSync(mint.publicKey, treasury, true), treasury, mint.publicKey),
    createAssociatedTokenAccountIdempotentInstruction(admin.publicKey, adminToken, admin.publicKey, mint.publicKey),
    createMintToInstruction(mint.publicKey, adminToken, admin.publicKey, adminTokens),
  ]);
  return { mint: mint.publicKey, treasury, adminToken };
}

/** SOL for fees and rent, an associated token account with `tokens` of collateral. Returns the token account. */
export async function fundTrader(connection: Connection, admin: Keypair, mint: PublicKey, owner: PublicKey, sol: number, tokens: bigint): Promise<PublicKey> {
  const ata = getAssociatedTokenAddressSync(mint, owner, true);
  await send(connection, admin, [
    SystemProgram.transfer({ fromPubkey: admin.publicKey, toPubkey: owner, lamports: Math.round(sol * LAMPORTS_PER_SOL) }),
    createAssociatedTokenAccountIdempotentInstruction(admin.publicKey, ata, owner, mint),
    createMintToInstruction(mint, ata, admin.publicKey, tokens),
  ]);
  return ata;
}

/** Polls until the pool of `feed` exists (the keeper creates feed and pool when it starts). */
export async function waitForPool(connection: Connection, ids: ProgramIds, feed: PublicKey, timeoutMs: number): Promise<PublicKey> {
  const pool = poolPda(ids.futstar, feed)[0];
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await connection.getAccountInfo(pool, "confirmed")) !== null) return pool;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`pool ${pool.toBase58()} of feed ${feed.toBase58()} not created within ${timeoutMs} ms (is the keeper running? see its log)`);
}

/** LP deposit by the admin into `pool`; the LP shares go to the admin's associated LP account. */
export async function provideLiquidity(connection: Connection, ids: ProgramIds, admin: Keypair, adminToken: PublicKey, pool: PublicKey, amount: bigint): Promise<void> {
  const lpMint = lpMintPda(ids.futstar, pool)[0];
  const providerLp = getAssociatedTokenAddressSync(lpMint, admin.publicKey, true);
  await send(connection, admin, [
    createAssociatedTokenAccountIdempotentInstruction(admin.publicKey, providerLp, admin.publicKey, lpMint),
    poolDeposit(ids, { provider: admin.publicKey, pool, providerToken: adminToken, providerLp, amount }),
  ]);
}
