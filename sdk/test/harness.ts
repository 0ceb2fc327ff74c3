/**
 * LiteSVM harness for the SDK tests: deploys the real SBF builds (target/deploy, or
 * FUTSTAR_DEPLOY_DIR) and sends web3.js transactions by re-decoding their wire bytes for
 * litesvm. Self-contained on purpose (the SDK's tests do not import the repo's other suites).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { address, getTransactionDecoder, lamports } from "@solana/kit";
import {
  ACCOUNT_SIZE,
  MINT_SIZE,
  TOKEN_PROGRAM_ID,
  createInitializeAccount3Instruction,
  createInitializeMint2Instruction,
  createMintToInstruction,
} from "@solana/spl-token";
import { Keypair, PublicKey, SystemProgram, Transaction, type TransactionInstruction } from "@solana/web3.js";
import { Clock, FailedTransactionMetadata, LiteSVM } from "litesvm";

import type { ProgramIds } from "../src/index.js";

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "../..");
const deployDir = process.env["FUTSTAR_DEPLOY_DIR"] ?? join(repoRoot, "target/deploy");

/** Bytes of a program's SBF build. */
export function programBytes(name: "futstar" | "momentum_oracle"): Uint8Array {
  const path = join(deployDir, `${name}.so`);
  if (!existsSync(path)) throw new Error(`${path} missing: run scripts/build-programs.sh first`);
  return readFileSync(path);
}

export interface Chain {
  readonly svm: LiteSVM;
  readonly ids: ProgramIds;
  readonly payer: Keypair;
}

/** A fresh chain with both programs deployed (unless `deploy` is false) at random addresses and a funded payer. */
export function newChain(deploy = true): Chain {
  const svm = new LiteSVM().withPrecompiles();
  const ids: ProgramIds = { futstar: Keypair.generate().publicKey, momentumOracle: Keypair.generate().publicKey };
  if (deploy) {
    svm.addProgram(address(ids.futstar.toBase58()), programBytes("futstar"));
    svm.addProgram(address(ids.momentumOracle.toBase58()), programBytes("momentum_oracle"));
  }
  const payer = Keypair.generate();
  fund(svm, payer.publicKey);
  return { svm, ids, payer };
}

export function fund(svm: LiteSVM, who: PublicKey, sol = 100n): void {
  svm.airdrop(address(who.toBase58()), lamports(sol * 1_000_000_000n));
}

export type Sent = { ok: true; logs: string[]; computeUnits: bigint } | { ok: false; logs: string[]; err: unknown };

/** Signs with `payer` (+ signers) and executes; never throws on a program failure. */
export function send(svm: LiteSVM, ixs: readonly TransactionInstruction[], payer: Keypair, signers: readonly Keypair[] = []): Sent {
  const tx = new Transaction().add(...ixs);
  tx.feePayer = payer.publicKey;
  tx.recentBlockhash = svm.latestBlockhash();
  tx.sign(payer, ...signers);
  const result = svm.sendTransaction(getTransactionDecoder().decode(tx.serialize()));
  svm.expireBlockhash();
  if (result instanceof FailedTransactionMetadata) return { ok: false, logs: result.meta().logs(), err: result.err() };
  return { ok: true, logs: result.logs(), computeUnits: result.computeUnitsConsumed() };
}

/** Like `send`, but throws with the logs when the transaction fails. */
export function sendOk(svm: LiteSVM, ixs: readonly TransactionInstruction[], payer: Keypair, signers: readonly Keypair[] = []): bigint {
  const sent = send(svm, ixs, payer, signers);
  if (!sent.ok) throw new Error(`transaction failed:\n${sent.logs.join("\n")}`);
  return sent.computeUnits;
}

/** Raw account data, or null. */
export function accountData(svm: LiteSVM, who: PublicKey): Uint8Array | null {
  const account = svm.getAccount(address(who.toBase58()));
  return account.exists ? Uint8Array.from(account.data) : null;
}

/** Writes an account directly (test setup only). */
export function setAccount(svm: LiteSVM, who: PublicKey, owner: PublicKey, data: Uint8Array): void {
  svm.setAccount({
    address: address(who.toBase58()),
    data,
    executable: false,
    lamports: lamports(svm.minimumBalanceForRentExemption(BigInt(data.length))),
    programAddress: address(owner.toBase58()),
    space: BigInt(data.length),
  });
}

/** Sets the Clock's unix time (and advances the slot so rate limits see time pass). */
export function setTime(svm: LiteSVM, unixTimestamp: bigint): void {
  const clock = svm.getClock();
  svm.setClock(new Clock(clock.slot + 10n, clock.epochStartTimestamp, clock.epoch, clock.leaderScheduleEpoch, unixTimestamp));
}

/** Creates an SPL mint with `authority` as mint authority. */
export function createMint(chain: Chain, authority: PublicKey, decimals = 6): PublicKey {
  const mint = Keypair.generate();
  sendOk(
    chain.svm,
    [
      SystemProgram.createAccount({ fromPubkey: chain.payer.publicKey, newAccountPubkey: mint.publicKey, lamports: Number(chain.svm.minimumBalanceForRentExemption(BigInt(MINT_SIZE))), space: MINT_SIZE, programId: TOKEN_PROGRAM_ID }),
      createInitializeMint2Instruction(mint.publicKey, decimals, authority, null),
    ],
    chain.payer,
    [mint],
  );
  return mint.publicKey;
}

/** Creates a token account of `mint` owned by `owner`. */
export function createTokenAccount(chain: Chain, mint: PublicKey, owner: PublicKey): PublicKey {
  const account = Keypair.generate();
  sendOk(
    chain.svm,
    [
      SystemProgram.createAccount({ fromPubkey: chain.payer.publicKey, newAccountPubkey: account.publicKey, lamports: Number(chain.svm.minimumBalanceForRentExemption(BigInt(ACCOUNT_SIZE))), space: ACCOUNT_SIZE, programId: TOKEN_PROGRAM_ID }),
      createInitializeAccount3Instruction(account.publicKey, mint, owner),
    ],
    chain.payer,
    [account],
  );
  return account.publicKey;
}

/** Mints `amount` to `destination` (the chain payer must be the mint authority). */
export function mintTo(chain: Chain, mint: PublicKey, destination: PublicKey, amount: bigint): void {
  sendOk(chain.svm, [createMintToInstruction(mint, destination, chain.payer.publicKey, amount)], chain.payer);
}

/** Token balance of a token account (amount at offset 64). */
export function tokenBalance(svm: LiteSVM, account: PublicKey): bigint {
  const data = accountData(svm, account);
  if (data === null) throw new Error(`token account ${account.toBase58()} missing`);
  return Buffer.from(data).readBigUInt64LE(64);
}

const UPGRADEABLE_LOADER = new PublicKey("BPFLoaderUpgradeab1e11111111111111111111111");

/**
 * LiteSVM's `addProgram` leaves the ProgramData without an upgrade authority; `config_init` wants
 * the deployer's key there, so write it into the header (`UpgradeableLoaderState::ProgramData`:
 * tag u32, slot u64, Option<Pubkey> at 12).
 */
export function setUpgradeAuthority(svm: LiteSVM, programId: PublicKey, authority: PublicKey): void {
  const [programData] = PublicKey.findProgramAddressSync([programId.toBuffer()], UPGRADEABLE_LOADER);
  const account = svm.getAccount(address(programData.toBase58()));
  if (!account.exists) throw new Error(`program data of ${programId.toBase58()} missing`);
  const data = Uint8Array.from(account.data);
  data[12] = 1;
  data.set(authority.toBytes(), 13);
  svm.setAccount({ ...account, data });
}
