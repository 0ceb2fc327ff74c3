/**
 * A Wallet Standard wallet injected into the page: it registers itself the way Phantom or
 * Solflare do (the `wallet-standard:register-wallet` / `app-ready` handshake), and signs in Node
 * with a test key through Playwright bindings. `rejectNext()` makes the next request fail the way
 * a person pressing "Reject" does.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { Keypair, VersionedTransaction } from "@solana/web3.js";
import type { Page } from "playwright-core";

/** The in-page half, kept as plain JS so no transpiler helper leaks into the page. */
const PAGE_SCRIPT = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "test-wallet-page.js"), "utf8").trim();

export interface TestWallet {
  readonly keypair: Keypair;
  /** The next connect/sign request is rejected by the "user". */
  rejectNext(): void;
  /** Requests answered so far (signed or rejected). */
  readonly log: string[];
}

export const TEST_WALLET_NAME = "Futstar Test Wallet";

export async function installTestWallet(page: Page, keypair: Keypair = Keypair.generate()): Promise<TestWallet> {
  let reject = false;
  const log: string[] = [];
  const takeReject = (what: string) => {
    if (!reject) return false;
    reject = false;
    log.push(`rejected ${what}`);
    return true;
  };
  await page.exposeFunction("__futstarWalletConnect", () => {
    if (takeReject("connect")) throw new Error("User rejected the request.");
    log.push("connected");
    return keypair.publicKey.toBase58();
  });
  await page.exposeFunction("__futstarWalletSign", (base64: string) => {
    if (takeReject("signTransaction")) throw new Error("User rejected the request.");
    const tx = VersionedTransaction.deserialize(Buffer.from(base64, "base64"));
    tx.sign([keypair]);
    log.push("signed");
    return Buffer.from(tx.serialize()).toString("base64");
  });
  await page.addInitScript({ content: `${PAGE_SCRIPT}(${JSON.stringify(TEST_WALLET_NAME)}, ${JSON.stringify(Array.from(keypair.publicKey.toBytes()))});` });
  return { keypair, rejectNext: () => { reject = true; }, log };
}
