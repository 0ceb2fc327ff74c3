/**
 * JSON-RPC methods the product uses, called with the unmodified web3.js `Connection` against the
 * real surfnet started by `futstar-localnet` (one localnet for this file, 50 ms slots).
 */
import {
  ComputeBudgetProgram,
  type Connection,
  Keypair,
  LAMPORTS_PER_SOL,
  PublicKey,
  SystemProgram,
  Transaction,
  sendAndConfirmTransaction,
} from "@solana/web3.js";
import { getBase58Decoder, getBase58Encoder } from "@solana/kit";
import { describe, expect, it } from "vitest";

import { discriminator, exchangeInitIx, exchangePda, programIds } from "./exchange-init.js";
import { localnetForFile } from "./for-file.js";
import type { Localnet } from "./spawn.js";

const SLOT_TIME_MS = 50;
let net: Localnet;
let connection: Connection;
let futstar: PublicKey;
localnetForFile(SLOT_TIME_MS, (started, rpc) => ([net, connection, futstar] = [started, rpc, programIds(started).futstar]));

async function send(tx: Transaction, signers: Keypair[]): Promise<string> {
  return sendAndConfirmTransaction(connection, tx, signers, { commitment: "confirmed" });
}

describe("futstar-localnet JSON-RPC (web3.js Connection)", () => {
  it("getLatestBlockhash: a 32-byte hash valid for more blocks than the current height", async () => {
    const { blockhash, lastValidBlockHeight } = await connection.getLatestBlockhash();
    expect(getBase58Encoder().encode(blockhash)).toHaveLength(32);
    expect(lastValidBlockHeight).toBeGreaterThan(await connection.getBlockHeight());
  });

  it("getBalance: the upgrade authority starts with 1,000 SOL less what deploying cost", async () => {
    const balance = await connection.getBalance(net.authority.publicKey);
    expect(balance).toBeLessThan(1_000 * LAMPORTS_PER_SOL);
    expect(balance).toBeGreaterThan(990 * LAMPORTS_PER_SOL);
  });

  it("requestAirdrop: lamports arrive and the airdrop confirms", async () => {
    const who = Keypair.generate().publicKey;
    const signature = await connection.requestAirdrop(who, 2 * LAMPORTS_PER_SOL);
    const latest = await connection.getLatestBlockhash();
    const confirmation = await connection.confirmTransaction({ signature, ...latest }, "confirmed");
    expect(confirmation.value.err).toBeNull();
    expect(await connection.getBalance(who)).toBe(2 * LAMPORTS_PER_SOL);
  });

  it("getSignatureStatuses: a landed transaction has a status, an unknown signature none", async () => {
    const to = Keypair.generate().publicKey;
    const signature = await send(
      new Transaction().add(SystemProgram.transfer({ fromPubkey: net.authority.publicKey, toPubkey: to, lamports: 1_000_000 })),
      [net.authority],
    );
    const unknown = getBase58Decoder().decode(new Uint8Array(64).fill(7));
    const { value } = await connection.getSignatureStatuses([signature, unknown], { searchTransactionHistory: true });
    expect(value[0]?.err).toBeNull();
    expect(["confirmed", "finalized"]).toContain(value[0]?.confirmationStatus);
    expect(value[0]?.slot).toBeGreaterThan(0);
    expect(value[1]).toBeNull();
  });

  it("getAccountInfo: the futstar program account is executable and owned by the upgradeable loader", async () => {
    const account = await connection.getAccountInfo(futstar);
    expect(account?.executable).toBe(true);
    expect(account?.owner.toBase58()).toBe("BPFLoaderUpgradeab1e11111111111111111111111");
    // UpgradeableLoaderState::Program { programdata_address }: tag 2 (u32 LE), then the address.
    expect(account?.data.readUInt32LE(0)).toBe(2);
    expect(new PublicKey(account!.data.subarray(4, 36)).toBase58()).toBe(net.programs.futstar.programData);
    expect(await connection.getAccountInfo(Keypair.generate().publicKey)).toBeNull();
  });

  it("getMultipleAccountsInfo: program, its ProgramData (holding the ELF), and a missing account", async () => {
    const programData = new PublicKey(net.programs.futstar.programData);
    const [program, data, missing] = await connection.getMultipleAccountsInfo([futstar, programData, Keypair.generate().publicKey]);
    expect(program?.executable).toBe(true);
    // UpgradeableLoaderState::ProgramData { slot, upgrade_authority: Some(..) }: tag 3, u64 slot, option, key.
    expect(data?.data.readUInt32LE(0)).toBe(3);
    expect(data?.data[12]).toBe(1);
    expect(new PublicKey(data!.data.subarray(13, 45)).equals(net.authority.publicKey)).toBe(true);
    expect(data!.data.length - 45).toBeGreaterThanOrEqual(net.programs.futstar.soBytes);
    expect(missing).toBeNull();
  });

  it("getProgramAccounts: memcmp and dataSize filters select program-owned accounts", async () => {
    const small = [Keypair.generate(), Keypair.generate()];
    const large = Keypair.generate();
    const rent = await connection.getMinimumBalanceForRentExemption(24);
    const create = (account: Keypair, space: number) =>
      SystemProgram.createAccount({ fromPubkey: net.authority.publicKey, newAccountPubkey: account.publicKey, lamports: rent, space, programId: futstar });
    await send(new Transaction().add(create(small[0]!, 16), create(small[1]!, 16), create(large, 24)), [net.authority, ...small, large]);
    await send(new Transaction().add(exchangeInitIx(programIds(net), net.authority.publicKey)), [net.authority]);
    const [exchange] = exchangePda(futstar);
    const exchangeSize = (await connection.getAccountInfo(exchange))!.data.length;

    const sized = await connection.getProgramAccounts(futstar, { filters: [{ dataSize: 16 }] });
    expect(sized.map((a) => a.pubkey.toBase58()).sort()).toEqual(small.map((k) => k.publicKey.toBase58()).sort());

    const exchangeDiscriminator = { memcmp: { offset: 0, bytes: getBase58Decoder().decode(discriminator("account:Exchange")) } };
    const exchanges = await connection.getProgramAccounts(futstar, { filters: [exchangeDiscriminator, { dataSize: exchangeSize }] });
    expect(exchanges.map((a) => a.pubkey.toBase58())).toEqual([exchange.toBase58()]);
    expect(await connection.getProgramAccounts(futstar, { filters: [exchangeDiscriminator, { dataSize: 16 }] })).toEqual([]);

    const all = await connection.getProgramAccounts(futstar);
    expect(all).toHaveLength(4);
  });

  it("getRecentPrioritizationFees: reports the compute-unit price a landed transaction paid", async () => {
    const to = Keypair.generate().publicKey;
    await send(
      new Transaction().add(
        ComputeBudgetProgram.setComputeUnitPrice({ microLamports: 4242 }),
        SystemProgram.transfer({ fromPubkey: net.authority.publicKey, toPubkey: to, lamports: 1_000_000 }),
      ),
      [net.authority],
    );
    const fees = await connection.getRecentPrioritizationFees({ lockedWritableAccounts: [to] });
    expect(fees.length).toBeGreaterThan(0);
    expect(fees.map((f) => f.prioritizationFee)).toContain(4242);
  });

  it("getSlot: slots advance with wall time at the configured slot time", async () => {
    const t0 = Date.now();
    const s0 = await connection.getSlot("processed");
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const s1 = await connection.getSlot("processed");
    const expected = (Date.now() - t0) / SLOT_TIME_MS;
    console.log(`getSlot advanced ${s1 - s0} slots in ${Date.now() - t0} ms (expected ~${expected.toFixed(0)})`);
    // Surfnet's clock sleeps one slot time between ticks, so under load it runs slow, never fast.
    expect(s1 - s0).toBeGreaterThan(expected * 0.5);
    expect(s1 - s0).toBeLessThanOrEqual(Math.ceil(expected) + 1);
  });

  it("offline: a mainnet account (the USDC mint) is not fetched from any remote RPC", async () => {
    const usdcMint = new PublicKey("EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v");
    expect(await connection.getAccountInfo(usdcMint)).toBeNull();
    expect(net.offline).toBe(true);
  });
});
