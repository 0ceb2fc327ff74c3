/**
 * futstar through its IDL: every instruction is built by @anchor-lang/core's `Program` from
 * `programs/futstar/idl/futstar.json`, sent into npm litesvm running the real SBF build, and every
 * account type and the emitted events are decoded with the same IDL — so the IDL cannot drift.
 * Feeds are Feed account bytes written with `setAccount` (owner = the oracle program id).
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { BN, Program, type Idl, type Provider } from "@anchor-lang/core";
import { address, lamports } from "@solana/kit";
import { Connection, Keypair, PublicKey, SystemProgram, type TransactionInstruction } from "@solana/web3.js";
import type { LiteSVM } from "litesvm";
import { describe, expect, it } from "vitest";

import { accountData, deploy, fund, newSvm, send } from "./harness.js";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "../..");
const idl = JSON.parse(readFileSync(join(repoRoot, "programs/futstar/idl/futstar.json"), "utf8")) as Idl;
const TOKEN_PROGRAM = new PublicKey("TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA");
const USDC = 1_000_000n;
const T0 = 1_750_000_000n;
const LIVE = 1;
const ENDED = 3;
const ABANDONED = 4;

interface FeedSample { ts: bigint; index: number; suspended: boolean; status: number }

/** Feed bytes in the layout fixed with momentum_oracle (discriminator, status, index, ring). */
function feedBytes(samples: FeedSample[]): Uint8Array {
  const ring = 720;
  const data = Buffer.alloc(184 + 12 * ring);
  Buffer.from([69, 191, 16, 227, 132, 187, 84, 227]).copy(data, 0);
  const last = samples[samples.length - 1];
  if (last === undefined) throw new Error("feed needs samples");
  data[136] = last.status;
  data[137] = last.suspended ? 1 : 0;
  data.writeUInt16LE(last.index, 140);
  data.writeBigUInt64LE(BigInt(samples.length), 152);
  data.writeBigInt64LE(last.ts, 160);
  data.writeUInt16LE(samples.length % ring, 176);
  data.writeUInt16LE(Math.min(samples.length, ring), 178);
  samples.forEach((s, i) => {
    if (i < samples.length - ring) return;
    const off = 184 + 12 * (i % ring);
    data.writeBigInt64LE(s.ts, off);
    data.writeUInt16LE(s.index, off + 8);
    data[off + 10] = s.suspended ? 1 : 0;
    data[off + 11] = s.status;
  });
  return data;
}

function mintBytes(authority: PublicKey): Uint8Array {
  const d = Buffer.alloc(82);
  d.writeUInt32LE(1, 0);
  authority.toBuffer().copy(d, 4);
  d[44] = 6;
  d[45] = 1;
  return d;
}

function tokenAccountBytes(mint: PublicKey, owner: PublicKey, amount: bigint): Uint8Array {
  const d = Buffer.alloc(165);
  mint.toBuffer().copy(d, 0);
  owner.toBuffer().copy(d, 32);
  d.writeBigUInt64LE(amount, 64);
  d[108] = 1;
  return d;
}

function setRaw(svm: LiteSVM, who: PublicKey, data: Uint8Array, owner: PublicKey): void {
  svm.setAccount({
    address: address(who.toBase58()),
    data,
    executable: false,
    lamports: lamports(svm.minimumBalanceForRentExemption(BigInt(data.length))),
    programAddress: address(owner.toBase58()),
    space: BigInt(data.length),
  });
}

const pda = (seeds: (Buffer | Uint8Array)[], programId: PublicKey): PublicKey => PublicKey.findProgramAddressSync(seeds, programId)[0];
const le64 = (n: bigint): Buffer => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(n);
  return b;
};

class Chain {
  readonly svm = newSvm();
  readonly programId = deploy(this.svm, "futstar", new PublicKey(idl.address));
  // Only builds instructions and decodes: a provider with a connection that is never called.
  readonly program = new Program(idl, { connection: new Connection("http://127.0.0.1:1") } as unknown as Provider);
  readonly oracle = Keypair.generate().publicKey;
  now = T0;
  slot = 1_000n;
  readonly events: string[] = [];

  constructor() {
    this.setClock();
  }

  setClock(): void {
    const clock = this.svm.getClock();
    clock.unixTimestamp = this.now;
    clock.slot = this.slot;
    this.svm.setClock(clock);
  }

  advance(secs: number, feeds: { feed: PublicKey; samples: FeedSample[] }[], index: number, status = LIVE): void {
    for (let i = 0; i < secs; i++) {
      this.now += 1n;
      for (const f of feeds) f.samples.push({ ts: this.now, index, suspended: false, status });
    }
    for (const f of feeds) setRaw(this.svm, f.feed, feedBytes(f.samples), this.oracle);
    this.slot += BigInt(2 * secs);
    this.setClock();
  }

  async run(ix: Promise<TransactionInstruction>, payer: Keypair, signers: Keypair[] = []): Promise<bigint> {
    const result = send(this.svm, [await ix], payer, signers);
    if (!result.ok) throw new Error(`failed (${result.customCode}):\n${result.logs.join("\n")}`);
    for (const line of result.logs) {
      const data = line.startsWith("Program data: ") ? line.slice("Program data: ".length) : null;
      if (data === null) continue;
      const event = this.program.coder.events.decode(data);
      if (event === null) throw new Error(`undecodable event ${data}`);
      this.events.push(event.name);
    }
    return result.computeUnits;
  }

  decode(name: string, who: PublicKey): Record<string, unknown> {
    const account = accountData(this.svm, who);
    if (account === null) throw new Error(`${who.toBase58()} missing`);
    return this.program.coder.accounts.decode(name.charAt(0).toLowerCase() + name.slice(1), Buffer.from(account.data)) as Record<string, unknown>;
  }
}

function limits(): Record<string, unknown> {
  return {
    maxLeverage: 10, inplayDelayS: 5, maxStalenessS: 30, minOpenIntervalSlots: 1, maxOpenPositions: 8,
    minCollateral: new BN(1_000_000), maxNotional: new BN(100_000_000_000), maxOiPerSide: new BN(1_000_000_000_000),
    maxSkew: new BN(1_000_000_000_000), maxPayout: new BN(100_000_000_000), durations: [300, 600, 1800, 4294967295],
  };
}

describe("futstar IDL drives the real program (npm litesvm)", () => {
  it("runs every instruction and decodes every account and event", async () => {
    const c = new Chain();
    const methods = c.program.methods;
    const m = (name: string): NonNullable<(typeof methods)[string]> => {
      const builder = methods[name];
      if (builder === undefined) throw new Error(`IDL has no instruction ${name}`);
      return builder;
    };
    const admin = Keypair.generate();
    const guardian = Keypair.generate();
    const treasury = Keypair.generate();
    const payer = Keypair.generate();
    const lp = Keypair.generate();
    const trader = Keypair.generate();
    for (const k of [admin, guardian, treasury, payer, lp, trader]) fund(c.svm, k.publicKey, 100);
    const mint = Keypair.generate().publicKey;
    setRaw(c.svm, mint, mintBytes(Keypair.generate().publicKey), TOKEN_PROGRAM);
    const exchange = pda([Buffer.from("exchange")], c.programId);
    const config = {
      admin: admin.publicKey, guardian: guardian.publicKey, oracleProgram: c.oracle, treasury: treasury.publicKey,
      openFeeBps: 10, closeFeeBps: 10, lpFeeShareBps: 7000, timelockDelayS: 3600, defaultLimits: limits(),
    };
    const cu: Record<string, bigint> = {};
    cu.exchange_init = await c.run(m("exchangeInit")(config).accountsStrict({ payer: payer.publicKey, exchange, systemProgram: SystemProgram.programId }).instruction(), payer);
    expect(c.decode("Exchange", exchange).paused).toBe(false);

    // Two feeds: one ends normally, one is abandoned.
    const feeds = [0, 1].map((i) => ({ feed: Keypair.generate().publicKey, samples: [] as FeedSample[], i }));
    c.advance(3, feeds, 5000);
    const pools = [];
    for (const f of feeds) {
      const pool = pda([Buffer.from("pool"), f.feed.toBuffer()], c.programId);
      const vault = pda([Buffer.from("vault"), pool.toBuffer()], c.programId);
      const lpMint = pda([Buffer.from("lp_mint"), pool.toBuffer()], c.programId);
      cu.pool_create = await c.run(m("poolCreate")().accountsStrict({
        admin: admin.publicKey, exchange, feed: f.feed, collateralMint: mint, pool, vault, lpMint,
        systemProgram: SystemProgram.programId, tokenProgram: TOKEN_PROGRAM,
      }).instruction(), admin);
      const lpToken = Keypair.generate().publicKey;
      const lpShares = Keypair.generate().publicKey;
      setRaw(c.svm, lpToken, tokenAccountBytes(mint, lp.publicKey, 10_000n * USDC), TOKEN_PROGRAM);
      setRaw(c.svm, lpShares, tokenAccountBytes(lpMint, lp.publicKey, 0n), TOKEN_PROGRAM);
      const lpAccounts = { provider: lp.publicKey, exchange, pool, feed: f.feed, vault, lpMint, providerToken: lpToken, providerLp: lpShares, tokenProgram: TOKEN_PROGRAM };
      cu.pool_deposit = await c.run(m("poolDeposit")(new BN(5_000_000_000)).accountsStrict(lpAccounts).instruction(), lp);
      cu.pool_withdraw = await c.run(m("poolWithdraw")(new BN(1_000_000)).accountsStrict(lpAccounts).instruction(), lp);
      cu.pool_set_limits = await c.run(m("poolSetLimits")({ ...limits(), maxLeverage: 20 }).accountsStrict({ admin: admin.publicKey, exchange, pool }).instruction(), admin);
      expect((c.decode("Pool", pool)["limits"] as { maxLeverage: number }).maxLeverage).toBe(20);
      const traderPda = pda([Buffer.from("trader"), pool.toBuffer(), trader.publicKey.toBuffer()], c.programId);
      cu.trader_init = await c.run(m("traderInit")().accountsStrict({ owner: trader.publicKey, pool, trader: traderPda, systemProgram: SystemProgram.programId }).instruction(), trader);
      const traderToken = Keypair.generate().publicKey;
      setRaw(c.svm, traderToken, tokenAccountBytes(mint, trader.publicKey, 1_000n * USDC), TOKEN_PROGRAM);
      pools.push({ ...f, pool, vault, lpMint, traderPda, traderToken });
    }
    const [p, v] = pools;
    if (p === undefined || v === undefined) throw new Error("pools");
    const liveFeeds = pools.map((x) => ({ feed: x.feed, samples: x.samples }));
    cu.trader_set_limits = await c.run(m("traderSetLimits")(new BN(0), new BN(0), new BN(0)).accountsStrict({ owner: trader.publicKey, trader: p.traderPda }).instruction(), trader);

    let nextId = 0n;
    const requestOpen = async (target: typeof p, side: number, leverage: number, duration: number, id: bigint): Promise<PublicKey> => {
      const [position, bump] = PublicKey.findProgramAddressSync([Buffer.from("position"), target.traderPda.toBuffer(), le64(id)], c.programId);
      c.advance(1, liveFeeds, 5000);
      cu.position_request_open = await c.run(m("positionRequestOpen")(side, leverage, new BN(10_000_000), duration, bump).accountsStrict({
        owner: trader.publicKey, exchange, pool: target.pool, feed: target.feed, trader: target.traderPda, position,
        ownerToken: target.traderToken, vault: target.vault, tokenProgram: TOKEN_PROGRAM, systemProgram: SystemProgram.programId,
      }).instruction(), trader);
      return position;
    };
    const positionAccounts = (target: typeof p, position: PublicKey) => ({
      exchange, pool: target.pool, feed: target.feed, position, trader: target.traderPda, ownerToken: target.traderToken, vault: target.vault, tokenProgram: TOKEN_PROGRAM,
    });

    // Open → close.
    const p0 = await requestOpen(p, 0, 5, 1800, nextId++);
    c.advance(5, liveFeeds, 5200);
    cu.position_fill_open = await c.run(m("positionFillOpen")().accountsStrict(positionAccounts(p, p0)).instruction(), payer);
    cu.position_request_close = await c.run(m("positionRequestClose")().accountsStrict({ owner: trader.publicKey, position: p0 }).instruction(), trader);
    c.advance(5, liveFeeds, 5400);
    cu.position_fill_close = await c.run(m("positionFillClose")().accountsStrict(positionAccounts(p, p0)).instruction(), payer);
    expect(c.decode("Position", p0).realizedPnl?.toString()).toBe("1000000");

    // Cancel.
    const p1 = await requestOpen(p, 1, 2, 300, nextId++);
    cu.position_cancel_request = await c.run(m("positionCancelRequest")().accountsStrict({ owner: trader.publicKey, ...positionAccounts(p, p1) }).instruction(), trader);

    // Settle at expiry.
    const p2 = await requestOpen(p, 0, 2, 300, nextId++);
    c.advance(5, liveFeeds, 5000);
    await c.run(m("positionFillOpen")().accountsStrict(positionAccounts(p, p2)).instruction(), payer);
    c.advance(301, liveFeeds, 5100);
    cu.position_settle = await c.run(m("positionSettle")().accountsStrict(positionAccounts(p, p2)).instruction(), payer);

    // Stop-out.
    const p3 = await requestOpen(p, 0, 10, 1800, nextId++);
    c.advance(5, liveFeeds, 5000);
    await c.run(m("positionFillOpen")().accountsStrict(positionAccounts(p, p3)).instruction(), payer);
    c.advance(1, liveFeeds, 3900);
    cu.position_stop_out = await c.run(m("positionStopOut")().accountsStrict({ exchange, pool: p.pool, feed: p.feed, position: p3, trader: p.traderPda }).instruction(), payer);

    // Treasury, config timelock, pause.
    const treasuryToken = Keypair.generate().publicKey;
    setRaw(c.svm, treasuryToken, tokenAccountBytes(mint, treasury.publicKey, 0n), TOKEN_PROGRAM);
    cu.treasury_withdraw = await c.run(m("treasuryWithdraw")(new BN(1)).accountsStrict({ admin: admin.publicKey, exchange, pool: p.pool, vault: p.vault, treasuryToken, tokenProgram: TOKEN_PROGRAM }).instruction(), admin);
    cu.exchange_propose_config = await c.run(m("exchangeProposeConfig")({ ...config, openFeeBps: 12 }).accountsStrict({ admin: admin.publicKey, exchange }).instruction(), admin);
    c.advance(3600, liveFeeds, 5000);
    cu.exchange_apply_config = await c.run(m("exchangeApplyConfig")().accountsStrict({ exchange }).instruction(), payer);
    const decodedConfig = c.decode("Exchange", exchange).config as { openFeeBps: number };
    expect(decodedConfig.openFeeBps).toBe(12);
    cu.exchange_set_paused = await c.run(m("exchangeSetPaused")(true).accountsStrict({ authority: guardian.publicKey, exchange }).instruction(), guardian);
    await c.run(m("exchangeSetPaused")(false).accountsStrict({ authority: admin.publicKey, exchange }).instruction(), admin);

    // Match end: settle all. Abandoned match: void.
    const p4 = await requestOpen(p, 1, 2, 4294967295, nextId++);
    const v0 = await requestOpen(v, 0, 2, 300, 0n);
    c.advance(5, liveFeeds, 5000);
    await c.run(m("positionFillOpen")().accountsStrict(positionAccounts(p, p4)).instruction(), payer);
    await c.run(m("positionFillOpen")().accountsStrict(positionAccounts(v, v0)).instruction(), payer);
    c.advance(1, [liveFeeds[0]!], 4800, ENDED);
    c.advance(1, [liveFeeds[1]!], 5000, ABANDONED);
    const triple = (target: typeof p, position: PublicKey) => [
      { pubkey: position, isWritable: true, isSigner: false },
      { pubkey: target.traderPda, isWritable: true, isSigner: false },
      { pubkey: target.traderToken, isWritable: true, isSigner: false },
    ];
    cu.pool_settle_all = await c.run(m("poolSettleAll")().accountsStrict({ exchange, pool: p.pool, feed: p.feed, vault: p.vault, tokenProgram: TOKEN_PROGRAM }).remainingAccounts(triple(p, p4)).instruction(), payer);
    cu.pool_void = await c.run(m("poolVoid")().accountsStrict({ exchange, pool: v.pool, feed: v.feed, vault: v.vault, tokenProgram: TOKEN_PROGRAM }).remainingAccounts(triple(v, v0)).instruction(), payer);

    // Every account type decodes through the IDL.
    const pool = c.decode("Pool", p.pool);
    expect(pool.status).toBe(3);
    expect((pool.livePositions as BN).toString()).toBe("0");
    expect(c.decode("Trader", p.traderPda).owner).toEqual(trader.publicKey);
    expect(c.decode("Position", p4).status).toBe(6);
    expect(c.decode("Position", v0).status).toBe(8);

    // Every instruction ran, every event type was decoded.
    const names = (idl.instructions ?? []).map((i) => i.name);
    expect(Object.keys(cu).sort()).toEqual([...names].sort());
    const eventNames = new Set(c.events);
    for (const e of ["ExchangeInitialized", "PoolCreated", "LiquidityDeposited", "LiquidityWithdrawn", "TraderInitialized", "TraderLimitsSet",
      "OpenRequested", "OpenFilled", "CloseRequested", "PositionClosed", "RequestCancelled", "TreasuryWithdrawn", "ConfigProposed",
      "ConfigApplied", "PausedSet", "PositionVoided", "PoolStatusChanged"]) {
      expect(eventNames.has(e.charAt(0).toLowerCase() + e.slice(1)), e).toBe(true);
    }
    for (const [name, units] of Object.entries(cu)) console.log(`${name} ${units} CU (npm litesvm)`);
  });
});
