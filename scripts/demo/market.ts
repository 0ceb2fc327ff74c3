/**
 * A futstar market on a running local chain, over JSON-RPC: momentum-oracle config (signer
 * quorum), futstar exchange, a 6-decimal collateral mint, LP liquidity in the pool the keeper
 * creates for the match's feed, and funded traders (SOL + collateral in their associated token
 * account; the app itself sends `trader_init` with a trader's first order).
 *
 * The demo (`setup.ts`) and the end-to-end tests (`tests/e2e`) both set their market up here.
 */
import {
  type ExchangeConfigInput,
  type ProgramIds,
  exchangeInit,
  lpMintPda,
  oracleConfigInit,
  poolDeposit,
} from "@futstar/sdk";
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
  type PublicKey,
  type Signer,
  SystemProgram,
  Transaction,
  type TransactionInstruction,
} from "@solana/web3.js";

/** Collateral units per whole token (6 decimals, like USDC). */
export const UNIT = 1_000_000n;
/** Seconds between an order and its fill: the keeper fills at a later oracle sample. */
export const IN_PLAY_DELAY_S = 5;

/**
 * The RPC calls market setup makes. Structural on purpose: the workspace holds more than one
 * web3.js copy (the demo resolves the root one, the tests their own), and either `Connection`
 * fits this, where their classes' private members keep them from fitting each other.
 */
export type MarketRpc = Pick<Connection, "getLatestBlockhash" | "sendRawTransaction" | "confirmTransaction" | "getMinimumBalanceForRentExemption">;

/**
 * Runs a client's send again when the chain moved past its blockhash, as wallets do (a busy
 * local chain with short slots, or a test moving the clock, outruns web3.js's fetch-then-send).
 */
export async function retryingExpiry<T>(send: () => Promise<T>, attempts = 20): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (err) {
      if (attempt >= attempts || !/Blockhash not found|block height exceeded|has expired/i.test(String(err))) throw err;
    }
  }
}

/** Signs (payer first), sends and confirms, like web3.js's `sendAndConfirmTransaction` at "confirmed". */
async function sendOnce(connection: MarketRpc, payer: Signer, ixs: readonly TransactionInstruction[], extra: readonly Signer[]): Promise<void> {
  const latest = await connection.getLatestBlockhash("confirmed");
  const tx = new Transaction({ feePayer: payer.publicKey, ...latest }).add(...ixs);
  tx.sign(payer, ...extra);
  const signature = await connection.sendRawTransaction(tx.serialize(), { preflightCommitment: "confirmed" });
  const status = (await connection.confirmTransaction({ signature, ...latest }, "confirmed")).value;
  if (status.err !== null) throw new Error(`Transaction ${signature} failed (${JSON.stringify(status)})`);
}

async function send(connection: MarketRpc, payer: Signer, ixs: readonly TransactionInstruction[], extra: readonly Signer[] = []): Promise<void> {
  await retryingExpiry(() => sendOnce(connection, payer, ixs, extra));
}

/** `config_init` by the oracle program's upgrade authority: every signer must sign (quorum = their count). */
export async function initOracle(connection: MarketRpc, ids: ProgramIds, authority: Signer, signers: readonly PublicKey[]): Promise<void> {
  const params = {
    admin: authority.publicKey,
    signers,
    quorum: signers.length,
    maxMoveBpsPerSec: 10_000,
    maxStalenessS: 600,
    maxFutureSkewS: 30,
    timelockDelayS: 60,
  };
  await send(connection, authority, [oracleConfigInit(ids, { authority: authority.publicKey, params })]);
}

/** Per-pool limits of an exchange (`ExchangeConfig.default_limits`). */
export type MarketLimits = ExchangeConfigInput["defaultLimits"];

/** The demo market's limits: up to 100k tokens notional, 1 min to match-end positions. */
export const DEMO_LIMITS: MarketLimits = {
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
};

export function exchangeConfig(admin: PublicKey, ids: ProgramIds, treasury: PublicKey, limits: MarketLimits = DEMO_LIMITS): ExchangeConfigInput {
  return {
    admin,
    guardian: admin,
    oracleProgram: ids.momentumOracle,
    treasury,
    openFeeBps: 10,
    closeFeeBps: 10,
    lpFeeShareBps: 7000,
    timelockDelayS: 3600,
    defaultLimits: limits,
  };
}

export interface Exchange {
  readonly mint: PublicKey;
  readonly treasury: PublicKey;
  /** The admin's collateral account (mint authority = admin). */
  readonly adminToken: PublicKey;
}

/** `exchange_init` plus the collateral mint, the treasury's and the admin's token accounts. */
export async function createExchange(connection: MarketRpc, ids: ProgramIds, admin: Signer, adminTokens: bigint, limits: MarketLimits = DEMO_LIMITS): Promise<Exchange> {
  const treasury = Keypair.generate().publicKey;
  await send(connection, admin, [exchangeInit(ids, { payer: admin.publicKey, config: exchangeConfig(admin.publicKey, ids, treasury, limits) })]);
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
export async function fundTrader(connection: MarketRpc, admin: Signer, mint: PublicKey, owner: PublicKey, sol: number, tokens: bigint): Promise<PublicKey> {
  const ata = getAssociatedTokenAddressSync(mint, owner, true);
  await send(connection, admin, [
    SystemProgram.transfer({ fromPubkey: admin.publicKey, toPubkey: owner, lamports: Math.round(sol * LAMPORTS_PER_SOL) }),
    createAssociatedTokenAccountIdempotentInstruction(admin.publicKey, ata, owner, mint),
    createMintToInstruction(mint, ata, admin.publicKey, tokens),
  ]);
  return ata;
}

/** LP deposit by the admin into `pool` (whose oracle feed is `feed`); the LP shares go to the admin's associated LP account. */
export async function provideLiquidity(connection: MarketRpc, ids: ProgramIds, admin: Signer, adminToken: PublicKey, pool: PublicKey, feed: PublicKey, amount: bigint): Promise<void> {
  const lpMint = lpMintPda(ids.futstar, pool)[0];
  const providerLp = getAssociatedTokenAddressSync(lpMint, admin.publicKey, true);
  await send(connection, admin, [
    createAssociatedTokenAccountIdempotentInstruction(admin.publicKey, providerLp, admin.publicKey, lpMint),
    poolDeposit(ids, { provider: admin.publicKey, pool, feed, providerToken: adminToken, providerLp, amount }),
  ]);
}
