/**
 * The programs `futstar-localnet` deploys at start: real SBF builds behind the upgradeable loader,
 * callable, upgradeable by the reported authority; IDLs registered when the files exist.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { type Connection, PublicKey, Transaction, sendAndConfirmTransaction } from "@solana/web3.js";
import { describe, expect, it } from "vitest";

import { rpcCall } from "./cheatcodes.js";
import { fetchFutstarAccount } from "@futstar/sdk";

import { discriminator, exchangeInitIx, exchangePda, programIds } from "./exchange-init.js";
import { localnetForFile } from "./for-file.js";
import { type Localnet, repoRoot } from "./spawn.js";

const LOADER = "BPFLoaderUpgradeab1e11111111111111111111111";
let net: Localnet;
let connection: Connection;
localnetForFile(50, (started, rpc) => ([net, connection] = [started, rpc]));

describe("programs deployed by futstar-localnet", () => {
  for (const name of ["momentum_oracle", "futstar"] as const) {
    it(`${name}: the ProgramData holds exactly target/deploy/${name}.so, upgradeable by the reported authority`, async () => {
      const info = net.programs[name];
      const elf = readFileSync(join(repoRoot, "target/deploy", `${name}.so`));
      expect(info.soBytes).toBe(elf.length);
      const [program, programData] = await connection.getMultipleAccountsInfo([new PublicKey(info.programId), new PublicKey(info.programData)]);
      expect(program?.owner.toBase58()).toBe(LOADER);
      expect(program?.executable).toBe(true);
      expect(programData?.owner.toBase58()).toBe(LOADER);
      expect(programData?.data[12]).toBe(1); // Some(upgrade authority)
      expect(new PublicKey(programData!.data.subarray(13, 45)).toBase58()).toBe(net.upgradeAuthority);
      // ProgramData leaves room for upgrades (max_data_len = 2 x the first build).
      const stored = programData!.data.subarray(45);
      expect(stored.length).toBe(2 * elf.length);
      expect(Buffer.from(stored.subarray(0, elf.length)).equals(elf)).toBe(true);
    });
  }

  it("futstar executes: exchange_init (built by the SDK) creates the exchange PDA it owns", async () => {
    const ids = programIds(net);
    const signature = await sendAndConfirmTransaction(
      connection,
      new Transaction().add(exchangeInitIx(ids, net.authority.publicKey)),
      [net.authority],
      { commitment: "confirmed" },
    );
    const landed = await connection.getTransaction(signature, { commitment: "confirmed", maxSupportedTransactionVersion: 0 });
    console.log(`exchange_init ${landed?.meta?.computeUnitsConsumed} CU (surfnet)`);
    const [exchange, bump] = exchangePda(ids.futstar);
    const raw = await connection.getAccountInfo(exchange);
    expect(raw?.owner.equals(ids.futstar)).toBe(true);
    expect(raw!.data.subarray(0, 8).equals(discriminator("account:Exchange"))).toBe(true);
    const decoded = await fetchFutstarAccount(connection, ids, "exchange", exchange);
    expect(decoded?.bump).toBe(bump);
    expect(decoded?.config.admin.equals(net.authority.publicKey)).toBe(true);
    expect(decoded?.config.oracleProgram.equals(ids.momentumOracle)).toBe(true);
  });

  for (const name of ["momentum_oracle", "futstar"] as const) {
    const idlPath = join(repoRoot, "programs", name, "idl", `${name}.json`);
    it(`${name}: IDL ${existsSync(idlPath) ? "registered" : "absent, so nothing registered"} (surfnet_getActiveIdl)`, async () => {
      const active = await rpcCall(net.rpcUrl, "surfnet_getActiveIdl", [net.programs[name].programId]);
      const value = typeof active === "object" && active !== null && "value" in active ? active.value : active;
      if (existsSync(idlPath)) {
        expect(net.programs[name].idl).toBe("registered");
        expect(value).toMatchObject({ address: net.programs[name].programId });
      } else {
        expect(net.programs[name].idl).toBe("absent");
        expect(value).toBeNull();
      }
    });
  }
});
