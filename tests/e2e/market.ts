/**
 * A futstar market on the real localnet, set up through the SDK over JSON-RPC: exchange, a
 * collateral mint, LP liquidity in the match's pool, traders with tokens. Token totals are read
 * back from the chain so a test can check conservation to the unit.
 */
import {
  type ExchangeConfigInput,
  type ProgramIds,
  exchangeInit,
  exchangePda,
  lpMintPda,
  poolDeposit,
  poolPda,
  sendInstructions,
  traderInit,
  vaultPda,
} from "@futstar/sdk";
import {
  AccountLayout,
  MINT_SIZE,
  TOKEN_PROGRAM_ID,
  createAssociatedTokenAccountIdempotentInstruction,
  createInitializeAccount3Instruction,
  createInitializeMint2Instruction,
  createMintToInstruction,
  getAssociatedTokenAddressSync,
} from "@solana/spl-token";
import { type Connection, Keypair, LAMPORTS_PER_SOL, PublicKey, SystemProgram, Transaction, sendAndConfirmTransaction } from "@solana/web3.js";

export const IN_PLAY_DELAY_S = 5;

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
      minCollateral: 1_000n,
      maxNotional: 1_000_000_000n,
      maxOiPerSide: 100_000_000_000n,
      maxSkew: 100_000_000_000n,
      maxPayout: 100_000_000n,
      durations: [60, 300, 0xffff_ffff],
    },
  };
}

export interface Market {
  readonly mint: PublicKey;
  readonly treasury: Keypair;
  readonly treasuryToken: PublicKey;
  readonly providerToken: PublicKey;
}

export async function fundSol(connection: Connection, payer: Keypair, to: PublicKey, sol = 2): Promise<void> {
  await sendTx(connection, payer, [SystemProgram.transfer({ fromPubkey: payer.publicKey, toPubkey: to, lamports: sol * LAMPORTS_PER_SOL })]);
}

// Token plumbing from @solana/spl-token's instruction builders, sent with our own web3.js
// (spl-token's high-level helpers are typed against another web3.js copy in this workspace).
async function sendTx(connection: Connection, payer: Keypair, ixs: Parameters<Transaction["add"]>, extra: Keypair[] = []): Promise<void> {
  await retryingExpiry(() => sendAndConfirmTransaction(connection, new Transaction().add(...ixs), [payer, ...extra], { commitment: "confirmed" }));
}

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

async function createMint(connection: Connection, payer: Keypair, authority: PublicKey, decimals: number): Promise<PublicKey> {
  const mint = Keypair.generate();
  const lamports = await connection.getMinimumBalanceForRentExemption(MINT_SIZE);
  await sendTx(connection, payer, [SystemProgram.createAccount({ fromPubkey: payer.publicKey, newAccountPubkey: mint.publicKey, lamports, space: MINT_SIZE, programId: TOKEN_PROGRAM_ID }), createInitializeMint2Instruction(mint.publicKey, decimals, authority, null)], [mint]);
  return mint.publicKey;
}

async function ataFor(connection: Connection, payer: Keypair, mint: PublicKey, owner: PublicKey): Promise<PublicKey> {
  const ata = getAssociatedTokenAddressSync(mint, owner, true);
  await sendTx(connection, payer, [createAssociatedTokenAccountIdempotentInstruction(payer.publicKey, ata, owner, mint)]);
  return ata;
}

async function tokenAccount(connection: Connection, payer: Keypair, mint: PublicKey, owner: PublicKey): Promise<PublicKey> {
  const account = Keypair.generate();
  const lamports = await connection.getMinimumBalanceForRentExemption(AccountLayout.span);
  await sendTx(connection, payer, [SystemProgram.createAccount({ fromPubkey: payer.publicKey, newAccountPubkey: account.publicKey, lamports, space: AccountLayout.span, programId: TOKEN_PROGRAM_ID }), createInitializeAccount3Instruction(account.publicKey, mint, owner)], [account]);
  return account.publicKey;
}

async function mintTo(connection: Connection, authority: Keypair, mint: PublicKey, to: PublicKey, amount: bigint): Promise<void> {
  await sendTx(connection, authority, [createMintToInstruction(mint, to, authority.publicKey, amount)]);
}

/** exchange_init and the collateral mint (6 decimals), with the admin as mint authority. */
export async function createExchange(connection: Connection, ids: ProgramIds, admin: Keypair): Promise<Market & { exchange: PublicKey }> {
  const treasury = Keypair.generate();
  await retryingExpiry(() => sendInstructions(connection, ids, [exchangeInit(ids, { payer: admin.publicKey, config: exchangeConfig(admin.publicKey, ids, treasury.publicKey) })], [admin]));
  const mint = await createMint(connection, admin, admin.publicKey, 6);
  const treasuryToken = await ataFor(connection, admin, mint, treasury.publicKey);
  const providerToken = await ataFor(connection, admin, mint, admin.publicKey);
  await mintTo(connection, admin, mint, providerToken, 10_000_000_000n);
  return { exchange: exchangePda(ids.futstar)[0], mint, treasury, treasuryToken, providerToken };
}

/** LP deposit into the feed's pool (created by the keeper). */
export async function provideLiquidity(connection: Connection, ids: ProgramIds, admin: Keypair, market: Market, feed: PublicKey, amount: bigint): Promise<PublicKey> {
  const pool = poolPda(ids.futstar, feed)[0];
  const lpMint = lpMintPda(ids.futstar, pool)[0];
  const providerLp = await tokenAccount(connection, admin, lpMint, admin.publicKey);
  await retryingExpiry(() => sendInstructions(connection, ids, [poolDeposit(ids, { provider: admin.publicKey, pool, providerToken: market.providerToken, providerLp, amount })], [admin]));
  return providerLp;
}

export interface TraderWallet {
  readonly owner: Keypair;
  readonly token: PublicKey;
}

/** A funded trader with `tokens` collateral and its trader account in the pool. */
export async function newTrader(connection: Connection, ids: ProgramIds, admin: Keypair, mint: PublicKey, pool: PublicKey, tokens: bigint): Promise<TraderWallet> {
  const owner = Keypair.generate();
  await fundSol(connection, admin, owner.publicKey, 1);
  const token = await ataFor(connection, admin, mint, owner.publicKey);
  await mintTo(connection, admin, mint, token, tokens);
  await retryingExpiry(() => sendInstructions(connection, ids, [traderInit(ids, { owner: owner.publicKey, pool })], [owner]));
  return { owner, token };
}

export async function tokenBalance(connection: Connection, account: PublicKey): Promise<bigint> {
  const { value } = await connection.getTokenAccountBalance(account, "confirmed");
  return BigInt(value.amount);
}

/** Every token of the mint that the test knows about: wallets, vault, treasury. */
export async function tokenTotal(connection: Connection, accounts: readonly PublicKey[]): Promise<bigint> {
  let total = 0n;
  for (const a of accounts) total += await tokenBalance(connection, a);
  return total;
}

export { getAssociatedTokenAddressSync, vaultPda };
