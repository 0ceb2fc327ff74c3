/**
 * The futstar `exchange_init` instruction, built by the product's SDK (`@futstar/sdk`, IDL-driven):
 * the smallest real call that proves a program deployed on the localnet executes and writes state.
 */
import { createHash } from "node:crypto";

import { type ExchangeConfigInput, type ProgramIds, exchangeInit, exchangePda } from "@futstar/sdk";
import { Keypair, PublicKey, type TransactionInstruction } from "@solana/web3.js";

import type { ReadyEvent } from "./ready-line.js";

/** Anchor-style 8-byte discriminator: sha256(preimage)[0..8]. */
export const discriminator = (preimage: string): Buffer => createHash("sha256").update(preimage).digest().subarray(0, 8);

/** The program ids the localnet reported, in the SDK's shape. */
export function programIds(ready: ReadyEvent): ProgramIds {
  return { futstar: new PublicKey(ready.programs.futstar.programId), momentumOracle: new PublicKey(ready.programs.momentum_oracle.programId) };
}

/** A valid exchange config with `admin` as admin and guardian. */
export function exchangeConfig(ids: ProgramIds, admin: PublicKey): ExchangeConfigInput {
  return {
    admin,
    guardian: admin,
    oracleProgram: ids.momentumOracle,
    treasury: Keypair.generate().publicKey,
    openFeeBps: 10,
    closeFeeBps: 10,
    lpFeeShareBps: 7_000,
    timelockDelayS: 3_600,
    defaultLimits: {
      maxLeverage: 10,
      inplayDelayS: 5,
      maxStalenessS: 60,
      minOpenIntervalSlots: 0,
      maxOpenPositions: 10,
      minCollateral: 1_000n,
      maxNotional: 1_000_000_000n,
      maxOiPerSide: 10_000_000_000n,
      maxSkew: 10_000_000_000n,
      maxPayout: 100_000_000n,
      durations: [60, 300],
    },
  };
}

/** `exchange_init`, paid by `admin`, creating the exchange PDA. */
export function exchangeInitIx(ids: ProgramIds, admin: PublicKey): TransactionInstruction {
  return exchangeInit(ids, { payer: admin, config: exchangeConfig(ids, admin) });
}

export { exchangePda };
