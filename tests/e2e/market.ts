/**
 * The e2e suites' market: the demo's setup (`scripts/demo/market.ts`: oracle config, exchange,
 * collateral mint, LP liquidity, funded traders) with the limits these suites were written
 * against, plus traders registered in a pool up front (the app's traders register with their
 * first order instead).
 */
import { type ProgramIds, sendInstructions, traderInit } from "@futstar/sdk";
import { type Connection, Keypair, type PublicKey } from "@solana/web3.js";

import { DEMO_LIMITS, type MarketLimits, fundTrader, retryingExpiry } from "../../scripts/demo/market.js";

/** Tighter than the demo's: 1 000 tokens notional, 1 min, 5 min or match-end positions. */
export const E2E_LIMITS: MarketLimits = {
  ...DEMO_LIMITS,
  maxNotional: 1_000_000_000n,
  maxOiPerSide: 100_000_000_000n,
  maxSkew: 100_000_000_000n,
  maxPayout: 100_000_000n,
  durations: [60, 300, 0xffff_ffff],
};

/** Collateral minted to the admin, who provides the pools' liquidity. */
export const E2E_ADMIN_TOKENS = 10_000_000_000n;

export interface TraderWallet {
  readonly owner: Keypair;
  readonly token: PublicKey;
}

/** A funded trader (1 SOL, `tokens` collateral) with its trader account in `pool`. */
export async function newTrader(connection: Connection, ids: ProgramIds, admin: Keypair, mint: PublicKey, pool: PublicKey, tokens: bigint): Promise<TraderWallet> {
  const owner = Keypair.generate();
  const token = await fundTrader(connection, admin, mint, owner.publicKey, 1, tokens);
  await retryingExpiry(() => sendInstructions(connection, ids, [traderInit(ids, { owner: owner.publicKey, pool })], [owner]));
  return { owner, token };
}
