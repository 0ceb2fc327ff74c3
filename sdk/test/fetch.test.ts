/**
 * Fetchers, filters and the client facade over accounts held by LiteSVM, read through a
 * Connection-shaped adapter that serves getAccountInfo / getProgramAccounts from the SVM and
 * applies dataSize + memcmp filters byte for byte (as an RPC node does).
 */
import { address } from "@solana/kit";
import { type AccountInfo, type Connection, type GetProgramAccountsConfig, Keypair, type PublicKey } from "@solana/web3.js";
import { utils } from "@anchor-lang/core";
import BN from "bn.js";
import { describe, expect, it } from "vitest";

import { FeedStatus, FutstarClient, PositionStatus, futstarProgram, isExpired } from "../src/index.js";
import { writeFeed } from "./feed-fixture.js";
import { type Chain, newChain, setAccount } from "./harness.js";

function svmConnection(chain: Chain): Connection {
  const info = (owner: string, data: Uint8Array): AccountInfo<Buffer> => ({ data: Buffer.from(data), executable: false, lamports: 1, owner: new (Keypair.generate().publicKey.constructor as new (k: string) => PublicKey)(owner), rentEpoch: 0 });
  const adapter = {
    getAccountInfo: async (key: PublicKey) => {
      const account = chain.svm.getAccount(address(key.toBase58()));
      return account.exists ? info(account.programAddress, Uint8Array.from(account.data)) : null;
    },
    getProgramAccounts: async (program: PublicKey, config?: GetProgramAccountsConfig) => {
      return chain.svm
        .getProgramAccounts(address(program.toBase58()))
        .filter((a) =>
          (config?.filters ?? []).every((f) => {
            if ("dataSize" in f) return a.data.length === f.dataSize;
            const want = utils.bytes.bs58.decode(f.memcmp.bytes);
            return Buffer.from(a.data.subarray(f.memcmp.offset, f.memcmp.offset + want.length)).equals(want);
          }),
        )
        .map((a) => ({ pubkey: new (program.constructor as new (k: string) => PublicKey)(a.address), account: info(a.programAddress, Uint8Array.from(a.data)) }));
    },
  };
  return adapter as unknown as Connection;
}

async function writePosition(chain: Chain, owner: PublicKey, pool: PublicKey, status: PositionStatus, expiryTs: number): Promise<PublicKey> {
  const where = Keypair.generate().publicKey;
  const zero = new BN(0);
  const data = await futstarProgram.coder.accounts.encode("position", {
    owner, pool, trader: Keypair.generate().publicKey, id: zero, side: 0, status, bump: 255, leverage: 2, entryIndex: 5000, exitIndex: 0, durationS: 60,
    collateral: new BN(10), notional: new BN(20), openFee: zero, maxProfit: new BN(10), requestTs: zero, entryTs: zero, expiryTs: new BN(expiryTs), closeRequestTs: zero, payout: zero, realizedPnl: zero,
  });
  setAccount(chain.svm, where, chain.ids.futstar, data.subarray(0, 205));
  return where;
}

describe("fetchers and FutstarClient over LiteSVM accounts", () => {
  it("filters positions by owner, pool, status and expiry; feeds by status", async () => {
    // Accounts are written directly: no program needs to run here.
    const chain = newChain(false);
    const client = new FutstarClient({ connection: svmConnection(chain), programIds: chain.ids });
    const [alice, bob, pool, otherPool] = [0, 1, 2, 3].map(() => Keypair.generate().publicKey) as [PublicKey, PublicKey, PublicKey, PublicKey];
    const pendingOpen = await writePosition(chain, alice, pool, PositionStatus.PendingOpen, 0);
    const expired = await writePosition(chain, alice, pool, PositionStatus.Open, 1_000);
    const live = await writePosition(chain, bob, otherPool, PositionStatus.Open, 5_000);
    const closing = await writePosition(chain, bob, pool, PositionStatus.PendingClose, 2_000);
    const addresses = (list: { address: PublicKey }[]) => list.map((p) => p.address.toBase58()).sort();

    expect(addresses(await client.positionsByOwner(alice))).toEqual([pendingOpen, expired].map((k) => k.toBase58()).sort());
    expect(addresses(await client.positionsByPool(otherPool))).toEqual([live.toBase58()]);
    expect(addresses(await client.requestsAwaitingFill())).toEqual([pendingOpen, closing].map((k) => k.toBase58()).sort());
    expect(addresses(await client.requestsAwaitingFill(pool))).toEqual([pendingOpen, closing].map((k) => k.toBase58()).sort());
    expect(addresses(await client.expiredPositions(2_000n))).toEqual([expired, closing].map((k) => k.toBase58()).sort());
    expect(addresses(await client.expiredPositions(2_000n, otherPool))).toEqual([]);

    const position = await client.fetch("position", live);
    expect(position !== null && isExpired(position, 5_000n)).toBe(true);
    expect(await client.fetch("position", Keypair.generate().publicKey)).toBeNull();
    await expect(client.fetchOracle("feed", live)).rejects.toThrow(/not the oracle program/);

    const feedLive = writeFeed(chain, "live-match", [{ ts: 10n, indexBps: 6100 }]);
    writeFeed(chain, "done-match", [{ ts: 10n, indexBps: 4000 }], FeedStatus.Ended);
    expect(addresses(await client.feedsByStatus(FeedStatus.Live))).toEqual([feedLive.toBase58()]);
    expect((await client.fetchOracle("feed", client.feedAddress("live-match")))?.indexBps).toBe(6100);
    expect(client.poolAddress(feedLive).equals(client.poolAddress(feedLive))).toBe(true);
    expect(client.positionAddress(client.traderAddress(pool, alice), 0n)).toBeDefined();
    expect(client.exchangeAddress()).toBeDefined();
    expect(client.decodeError([`Program ${chain.ids.futstar.toBase58()} failed: custom program error: 0x179b`])?.name).toBe("InsufficientFreeLiquidity");
  });
});
