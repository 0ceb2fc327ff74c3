/**
 * LiteSVM harness for TypeScript program tests: loads the real SBF builds from target/deploy and
 * sends `@solana/web3.js` 1.x transactions by decoding their wire bytes into `@solana/kit` form.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { getTransactionDecoder } from "@solana/kit";
import { Keypair, PublicKey, Transaction, type TransactionInstruction } from "@solana/web3.js";
import { FailedTransactionMetadata, LiteSVM, type TransactionMetadata } from "litesvm";
import { address, lamports } from "@solana/kit";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "../..");

export type ProgramName = "futstar" | "momentum_oracle";

/** Bytes of a program's SBF build (`scripts/build-programs.sh`). */
export function programBytes(name: ProgramName): Uint8Array {
  const path = join(repoRoot, "target/deploy", `${name}.so`);
  if (!existsSync(path)) throw new Error(`${path} missing: run scripts/build-programs.sh first`);
  return readFileSync(path);
}

export function newSvm(): LiteSVM {
  return new LiteSVM().withPrecompiles();
}

export function deploy(svm: LiteSVM, name: ProgramName, programId: PublicKey = Keypair.generate().publicKey): PublicKey {
  svm.addProgram(address(programId.toBase58()), programBytes(name));
  return programId;
}

export function fund(svm: LiteSVM, who: PublicKey, sol = 10): void {
  svm.airdrop(address(who.toBase58()), lamports(BigInt(sol) * 1_000_000_000n));
}

export type SendResult =
  | { ok: true; meta: TransactionMetadata; computeUnits: bigint; logs: string[] }
  | { ok: false; failure: FailedTransactionMetadata; customCode: number | null; logs: string[] };

export function send(svm: LiteSVM, ixs: TransactionInstruction[], payer: Keypair, signers: Keypair[] = []): SendResult {
  const tx = new Transaction();
  tx.add(...ixs);
  tx.feePayer = payer.publicKey;
  tx.recentBlockhash = svm.latestBlockhash();
  tx.sign(payer, ...signers);
  const kitTx = getTransactionDecoder().decode(tx.serialize());
  const result = svm.sendTransaction(kitTx);
  svm.expireBlockhash();
  if (result instanceof FailedTransactionMetadata) {
    return { ok: false, failure: result, customCode: customErrorCode(result), logs: result.meta().logs() };
  }
  return { ok: true, meta: result, computeUnits: result.computeUnitsConsumed(), logs: result.logs() };
}

export function customErrorCode(failure: FailedTransactionMetadata): number | null {
  // litesvm does not export its error classes: read the InstructionError(Custom) shape instead.
  const err: unknown = failure.err();
  if (typeof err === "object" && err !== null && "index" in err && "err" in err && typeof err.err === "function") {
    const inner: unknown = err.err();
    if (typeof inner === "object" && inner !== null && "code" in inner && typeof inner.code === "number") return inner.code;
  }
  return null;
}

export function accountData(svm: LiteSVM, who: PublicKey): { owner: string; data: Uint8Array } | null {
  const account = svm.getAccount(address(who.toBase58()));
  if (!account.exists) return null;
  return { owner: account.programAddress, data: account.data };
}
