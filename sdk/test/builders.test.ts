/**
 * Every futstar builder: the instruction decodes back (Anchor coder) to its name and arguments,
 * and its accounts follow the IDL's order and flags with the PDAs the programs derive.
 */
import { Keypair, PublicKey, SYSVAR_INSTRUCTIONS_PUBKEY, SystemProgram, type TransactionInstruction } from "@solana/web3.js";
import { TOKEN_PROGRAM_ID } from "@solana/spl-token";
import { describe, expect, it } from "vitest";

import * as sdk from "../src/index.js";

const key = () => Keypair.generate().publicKey;
const ids = { futstar: key(), momentumOracle: key() };
const [owner, pool, feed, position, trader, ownerToken, mint] = [key(), key(), key(), key(), key(), key(), key()];
const positionAccounts = { pool, feed, position, trader, ownerToken };
const config: sdk.ExchangeConfigInput = {
  admin: owner, guardian: owner, oracleProgram: ids.momentumOracle, treasury: key(), openFeeBps: 10, closeFeeBps: 10, lpFeeShareBps: 7000, timelockDelayS: 60,
  defaultLimits: { maxLeverage: 10, inplayDelayS: 5, maxStalenessS: 30, minOpenIntervalSlots: 0, maxOpenPositions: 5, minCollateral: 1n, maxNotional: 10n ** 12n, maxOiPerSide: 10n ** 12n, maxSkew: 10n ** 12n, maxPayout: 10n ** 12n, durations: [60, sdk.DURATION_MATCH_END] },
};
const entries = [{ position, trader, ownerToken }];
const PROGRAM_ACCOUNTS: Readonly<Record<string, string>> = {
  systemProgram: SystemProgram.programId.toBase58(),
  tokenProgram: TOKEN_PROGRAM_ID.toBase58(),
  instructionsSysvar: SYSVAR_INSTRUCTIONS_PUBKEY.toBase58(),
};

const built: Record<string, TransactionInstruction> = {
  exchangeInit: sdk.exchangeInit(ids, { payer: owner, config }),
  exchangeProposeConfig: sdk.exchangeProposeConfig(ids, { admin: owner, config }),
  exchangeApplyConfig: sdk.exchangeApplyConfig(ids),
  exchangeSetPaused: sdk.exchangeSetPaused(ids, { authority: owner, paused: true }),
  poolCreate: sdk.poolCreate(ids, { admin: owner, feed, collateralMint: mint }),
  poolDeposit: sdk.poolDeposit(ids, { provider: owner, pool, feed, providerToken: ownerToken, providerLp: key(), amount: 5n }),
  poolWithdraw: sdk.poolWithdraw(ids, { provider: owner, pool, feed, providerToken: ownerToken, providerLp: key(), shares: 5n }),
  poolSetLimits: sdk.poolSetLimits(ids, { admin: owner, pool, limits: config.defaultLimits }),
  poolSettleAll: sdk.poolSettleAll(ids, { pool, feed, entries }),
  poolVoid: sdk.poolVoid(ids, { pool, feed, entries }),
  positionRequestOpen: sdk.positionRequestOpen(ids, { owner, pool, feed, positionId: 3n, ownerToken, side: sdk.math.Side.Short, leverage: 4, collateral: 1_000n, durationS: 60 }),
  positionFillOpen: sdk.positionFillOpen(ids, positionAccounts),
  positionFillClose: sdk.positionFillClose(ids, positionAccounts),
  positionSettle: sdk.positionSettle(ids, positionAccounts),
  positionCancelRequest: sdk.positionCancelRequest(ids, { owner, ...positionAccounts }),
  positionRequestClose: sdk.positionRequestClose(ids, { owner, position }),
  positionStopOut: sdk.positionStopOut(ids, { pool, feed, position, trader }),
  traderInit: sdk.traderInit(ids, { owner, pool }),
  traderSetLimits: sdk.traderSetLimits(ids, { owner, pool, dailyLossLimit: 1n, dailyDepositLimit: 2n, selfExcludedUntil: -3n }),
  treasuryWithdraw: sdk.treasuryWithdraw(ids, { admin: owner, pool, treasuryToken: ownerToken, amount: 9n }),
};

describe("futstar instruction builders", () => {
  it("cover every instruction of the IDL", () => {
    expect(Object.keys(built).sort()).toEqual(sdk.futstarIdl.instructions.map((ix) => ix.name).sort());
  });

  for (const def of sdk.futstarIdl.instructions) {
    it(`${def.name}: discriminator, accounts and flags from the IDL`, () => {
      const ix = built[def.name]!;
      expect(ix.programId.equals(ids.futstar)).toBe(true);
      expect([...ix.data.subarray(0, 8)]).toEqual(def.discriminator);
      const decoded = sdk.futstarProgram.coder.instruction.decode(Buffer.from(ix.data));
      expect(decoded?.name).toBe(def.name);
      def.accounts.forEach((account, i) => {
        const meta = ix.keys[i]!;
        expect(meta.isWritable, `${account.name} writable`).toBe("writable" in account && account.writable === true);
        expect(meta.isSigner, `${account.name} signer`).toBe("signer" in account && account.signer === true);
        if ("address" in account) expect(meta.pubkey.toBase58()).toBe(account.address);
        // Program accounts are pinned in the IDL, and the builders fill in the same ids.
        const program = PROGRAM_ACCOUNTS[account.name];
        if (program !== undefined) expect(meta.pubkey.toBase58(), account.name).toBe(program);
      });
    });
  }

  it("derive the PDAs and convert arguments", () => {
    const open = built["positionRequestOpen"]!;
    const traderAddress = sdk.traderPda(ids.futstar, pool, owner)[0];
    expect(open.keys[4]!.pubkey.equals(traderAddress)).toBe(true);
    expect(open.keys[5]!.pubkey.equals(sdk.positionPda(ids.futstar, traderAddress, 3n)[0])).toBe(true);
    expect(open.keys[7]!.pubkey.equals(sdk.vaultPda(ids.futstar, pool)[0])).toBe(true);
    expect(open.keys[8]!.pubkey.equals(TOKEN_PROGRAM_ID)).toBe(true);
    expect(open.keys[9]!.pubkey.equals(SystemProgram.programId)).toBe(true);
    const args = sdk.futstarProgram.coder.instruction.decode(Buffer.from(open.data))?.data as Record<string, { toString(): string } | number>;
    expect(args["side"]).toBe(1);
    expect(args["collateral"]?.toString()).toBe("1000");
    expect(args["positionBump"]).toBe(sdk.positionPda(ids.futstar, traderAddress, 3n)[1]);
    expect(built["poolSettleAll"]!.keys).toHaveLength(5 + 3);
    const limits = sdk.futstarProgram.coder.instruction.decode(Buffer.from(built["traderSetLimits"]!.data))?.data as Record<string, { toString(): string }>;
    expect(limits["selfExcludedUntil"]?.toString()).toBe("-3");
  });

  it("reject arguments outside their wire types, naming the field", () => {
    expect(() => sdk.poolDeposit(ids, { provider: owner, pool, feed, providerToken: ownerToken, providerLp: key(), amount: -1n })).toThrow(/amount/);
    expect(() => sdk.traderSetLimits(ids, { owner, pool, dailyLossLimit: 0n, dailyDepositLimit: 0n, selfExcludedUntil: 1n << 63n })).toThrow(/selfExcludedUntil/);
    expect(() => sdk.exchangeInit(ids, { payer: owner, config: { ...config, defaultLimits: { ...config.defaultLimits, durations: [1, 2, 3, 4, 5] } } })).toThrow(/durations/);
    expect(() => sdk.poolSetLimits(ids, { admin: owner, pool, limits: { ...config.defaultLimits, durations: [1, 2, 3, 4, 5] } })).toThrow(/limits.durations/);
    expect(() => sdk.buildInstruction(sdk.futstarProgram, ids.futstar, "positionRequestClose", { owner } as unknown as sdk.IxAccounts<sdk.Futstar, "positionRequestClose">, {})).toThrow(/account "position" is missing/);
  });
});

const params: sdk.OracleConfigParamsInput = { admin: owner, signers: [key(), key()], quorum: 2, maxMoveBpsPerSec: 100, maxStalenessS: 60, maxFutureSkewS: 5, timelockDelayS: 3600 };
const oracleBuilt: Record<string, TransactionInstruction> = {
  configInit: sdk.oracleConfigInit(ids, { authority: owner, params }),
  configProposeChange: sdk.oracleConfigProposeChange(ids, { admin: owner, params }),
  configApplyChange: sdk.oracleConfigApplyChange(ids),
  configCancelChange: sdk.oracleConfigCancelChange(ids, { admin: owner }),
  configSetPaused: sdk.oracleConfigSetPaused(ids, { admin: owner, paused: true }),
  feedCreate: sdk.feedCreate(ids, { admin: owner, matchId: "wc2018-final", homeTeam: "France", awayTeam: "Croatia" }),
  feedPushUpdate: sdk.feedPushUpdate(ids, { message: Uint8Array.of(1, 2, 3), feeds: [feed, position] }),
};

describe("momentum_oracle instruction builders", () => {
  it("cover every instruction of the IDL", () => {
    expect(Object.keys(oracleBuilt).sort()).toEqual(sdk.momentumOracleIdl.instructions.map((ix) => ix.name).sort());
  });

  for (const def of sdk.momentumOracleIdl.instructions) {
    it(`${def.name}: discriminator, accounts and flags from the IDL`, () => {
      const ix = oracleBuilt[def.name]!;
      expect(ix.programId.equals(ids.momentumOracle)).toBe(true);
      expect([...ix.data.subarray(0, 8)]).toEqual(def.discriminator);
      expect(sdk.momentumOracleProgram.coder.instruction.decode(Buffer.from(ix.data))?.name).toBe(def.name);
      def.accounts.forEach((account, i) => {
        const meta = ix.keys[i]!;
        expect(meta.isWritable, `${account.name} writable`).toBe("writable" in account && account.writable === true);
        expect(meta.isSigner, `${account.name} signer`).toBe("signer" in account && account.signer === true);
        if ("address" in account) expect(meta.pubkey.toBase58()).toBe(account.address);
        if (account.name === "config") expect(meta.pubkey.equals(sdk.oracleConfigPda(ids.momentumOracle)[0])).toBe(true);
      });
    });
  }

  it("derive the oracle PDAs, the ProgramData and pad the arguments", () => {
    const init = oracleBuilt["configInit"]!;
    expect(init.keys[2]!.pubkey.equals(sdk.programDataAddress(ids.momentumOracle))).toBe(true);
    const decoded = sdk.momentumOracleProgram.coder.instruction.decode(Buffer.from(init.data))?.data as { params: { signers: { toBase58(): string }[]; signerCount: number } };
    expect(decoded.params.signerCount).toBe(2);
    expect(decoded.params.signers.slice(2).every((k) => k.toBase58() === "11111111111111111111111111111111")).toBe(true);
    const create = oracleBuilt["feedCreate"]!;
    expect(create.keys[2]!.pubkey.equals(sdk.feedPda(ids.momentumOracle, "wc2018-final")[0])).toBe(true);
    const push = oracleBuilt["feedPushUpdate"]!;
    expect(push.keys.slice(2).map((k) => [k.pubkey.toBase58(), k.isWritable])).toEqual([[feed.toBase58(), true], [position.toBase58(), true]]);
    // The seed is the program's CONFIG_SEED, "oracle_config".
    expect(sdk.oracleConfigPda(ids.momentumOracle)[0].equals(PublicKey.findProgramAddressSync([Buffer.from("oracle_config")], ids.momentumOracle)[0])).toBe(true);
  });
});
