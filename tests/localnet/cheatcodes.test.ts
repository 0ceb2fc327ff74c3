/**
 * The test-only cheatcodes the localnet exposes (surfnet's own): time travel and set account.
 */
import { type Connection, Keypair, PublicKey, SYSVAR_CLOCK_PUBKEY } from "@solana/web3.js";
import { describe, expect, it } from "vitest";

import { setAccount, timeTravel } from "./cheatcodes.js";
import { localnetForFile } from "./for-file.js";
import type { Localnet } from "./spawn.js";

let net: Localnet;
let connection: Connection;
localnetForFile(50, (started, rpc) => ([net, connection] = [started, rpc]));

/** The Clock sysvar: slot (u64 @0) and unix_timestamp (i64 @32). */
async function clockSysvar(): Promise<{ slot: bigint; unixTimestamp: bigint }> {
  const account = await connection.getAccountInfo(SYSVAR_CLOCK_PUBKEY, "processed");
  if (account === null) throw new Error("Clock sysvar missing");
  return { slot: account.data.readBigUInt64LE(0), unixTimestamp: account.data.readBigInt64LE(32) };
}

describe("futstar-localnet cheatcodes", () => {
  it("surfnet_timeTravel absoluteSlot: the slot jumps forward and keeps advancing", async () => {
    const now = await connection.getSlot("processed");
    const target = now + 10_000;
    const info = await timeTravel(net.rpcUrl, { absoluteSlot: target });
    expect(info.absoluteSlot).toBe(target);
    expect(await connection.getSlot("processed")).toBeGreaterThanOrEqual(target);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await connection.getSlot("processed")).toBeGreaterThan(target);
  });

  it("surfnet_timeTravel absoluteTimestamp: the Clock sysvar programs read moves to that time", async () => {
    const before = await clockSysvar();
    const targetMs = (Number(before.unixTimestamp) + 3_600) * 1000; // one hour ahead
    await timeTravel(net.rpcUrl, { absoluteTimestamp: targetMs });
    const after = await clockSysvar();
    expect(after.unixTimestamp).toBeGreaterThanOrEqual(BigInt(targetMs / 1000));
    expect(after.unixTimestamp).toBeLessThan(BigInt(targetMs / 1000 + 60));
    expect(after.slot).toBeGreaterThan(before.slot);
  });

  it("surfnet_timeTravel to the past is refused", async () => {
    await expect(timeTravel(net.rpcUrl, { absoluteSlot: 1 })).rejects.toThrow(/surfnet_timeTravel/);
  });

  it("surfnet_setAccount: writes lamports, owner and data that getAccountInfo reads back", async () => {
    const address = Keypair.generate().publicKey;
    const owner = new PublicKey(net.programs.futstar.programId);
    const data = Uint8Array.from([1, 2, 3, 4, 250, 251, 252, 253]);
    await setAccount(net.rpcUrl, address, { lamports: 123_456_789, owner, data, executable: false });
    const account = await connection.getAccountInfo(address, "processed");
    expect(account?.lamports).toBe(123_456_789);
    expect(account?.owner.equals(owner)).toBe(true);
    expect(Array.from(account!.data)).toEqual(Array.from(data));

    await setAccount(net.rpcUrl, address, { lamports: 5 });
    const updated = await connection.getAccountInfo(address, "processed");
    expect(updated?.lamports).toBe(5);
    expect(Array.from(updated!.data)).toEqual(Array.from(data));
  });
});
