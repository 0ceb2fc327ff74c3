/**
 * WebSocket (PubSub) methods the product relies on, through the unmodified web3.js `Connection`
 * against the real surfnet: signature, account, program-account and log subscriptions.
 */
import {
  type Connection,
  Keypair,
  type Logs,
  PublicKey,
  SystemProgram,
  Transaction,
  sendAndConfirmTransaction,
} from "@solana/web3.js";
import { getBase58Decoder } from "@solana/kit";
import { describe, expect, it } from "vitest";

import { exchangeInitIx, exchangePda, programIds } from "./exchange-init.js";
import { localnetForFile } from "./for-file.js";
import type { Localnet } from "./spawn.js";

let net: Localnet;
let connection: Connection;
let futstar: PublicKey;
localnetForFile(50, (started, rpc) => ([net, connection, futstar] = [started, rpc, programIds(started).futstar]));

/** Resolves with the first notification `subscribe` delivers, or rejects after `timeoutMs`. */
async function firstNotification<T>(
  what: string,
  subscribe: (deliver: (value: T) => void) => Promise<number> | number,
  unsubscribe: (id: number) => Promise<void>,
  trigger: () => Promise<unknown>,
  timeoutMs = 15_000,
): Promise<T> {
  let deliver: (value: T) => void = () => undefined;
  const arrived = new Promise<T>((resolve) => (deliver = resolve));
  const id = await subscribe((value) => deliver(value));
  // Give the server a moment to register the subscription before the change happens.
  await new Promise((resolve) => setTimeout(resolve, 200));
  try {
    await trigger();
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}: no notification within ${timeoutMs} ms`)), timeoutMs));
    return await Promise.race([arrived, timeout]);
  } finally {
    await unsubscribe(id);
  }
}

function transfer(to: PublicKey, lamports: number): Transaction {
  return new Transaction().add(SystemProgram.transfer({ fromPubkey: net.authority.publicKey, toPubkey: to, lamports }));
}

describe("futstar-localnet WebSocket subscriptions (web3.js Connection)", () => {
  it("sendAndConfirmTransaction confirms (web3.js waits on signatureSubscribe over the WebSocket)", async () => {
    const to = Keypair.generate().publicKey;
    const started = Date.now();
    const signature = await sendAndConfirmTransaction(connection, transfer(to, 5_000_000), [net.authority], { commitment: "confirmed" });
    console.log(`sendAndConfirmTransaction confirmed in ${Date.now() - started} ms`);
    expect(typeof signature).toBe("string");
    expect(await connection.getBalance(to)).toBe(5_000_000);
  });

  it("onSignature: the signature notification arrives over the WebSocket", async () => {
    const to = Keypair.generate().publicKey;
    const tx = transfer(to, 1_000_000);
    tx.feePayer = net.authority.publicKey;
    tx.recentBlockhash = (await connection.getLatestBlockhash()).blockhash;
    tx.sign(net.authority);
    if (tx.signature === null) throw new Error("transaction not signed");
    const signature = getBase58Decoder().decode(tx.signature);
    const result = await firstNotification<{ err: unknown }>(
      "onSignature",
      (deliver) => connection.onSignature(signature, (value) => deliver(value), "confirmed"),
      async () => undefined, // one-shot: surfnet removes it after notifying
      () => connection.sendRawTransaction(tx.serialize()),
    );
    expect(result.err).toBeNull();
  });

  it("onAccountChange: a transfer to a watched account notifies its new balance", async () => {
    const watched = Keypair.generate().publicKey;
    const account = await firstNotification<{ lamports: number }>(
      "onAccountChange",
      (deliver) => connection.onAccountChange(watched, (info) => deliver(info), { commitment: "confirmed" }),
      (id) => connection.removeAccountChangeListener(id),
      () => sendAndConfirmTransaction(connection, transfer(watched, 3_000_000), [net.authority]),
    );
    expect(account.lamports).toBe(3_000_000);
  });

  it("onProgramAccountChange: an account created under futstar (dataSize filter) notifies", async () => {
    const created = Keypair.generate();
    const rent = await connection.getMinimumBalanceForRentExemption(40);
    const keyed = await firstNotification<{ accountId: PublicKey; accountInfo: { owner: PublicKey; data: Buffer } }>(
      "onProgramAccountChange",
      (deliver) => connection.onProgramAccountChange(futstar, (info) => deliver(info), { commitment: "confirmed", filters: [{ dataSize: 40 }] }),
      (id) => connection.removeProgramAccountChangeListener(id),
      () =>
        sendAndConfirmTransaction(
          connection,
          new Transaction().add(
            SystemProgram.createAccount({ fromPubkey: net.authority.publicKey, newAccountPubkey: created.publicKey, lamports: rent, space: 40, programId: futstar }),
          ),
          [net.authority, created],
        ),
    );
    expect(keyed.accountId.equals(created.publicKey)).toBe(true);
    expect(keyed.accountInfo.owner.equals(futstar)).toBe(true);
    expect(keyed.accountInfo.data).toHaveLength(40);
  });

  it("onLogs: futstar's logs arrive when exchange_init executes", async () => {
    const logs = await firstNotification<Logs>(
      "onLogs",
      (deliver) => connection.onLogs(futstar, (value) => deliver(value), "confirmed"),
      (id) => connection.removeOnLogsListener(id),
      () => sendAndConfirmTransaction(connection, new Transaction().add(exchangeInitIx(programIds(net), net.authority.publicKey)), [net.authority]),
    );
    expect(logs.err).toBeNull();
    expect(logs.logs[0]).toBe(`Program ${futstar.toBase58()} invoke [1]`);
    expect(logs.logs.at(-1)).toBe(`Program ${futstar.toBase58()} success`);
    const [exchange] = exchangePda(futstar);
    expect((await connection.getAccountInfo(exchange))?.owner.equals(futstar)).toBe(true);
  });
});
