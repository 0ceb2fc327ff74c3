/**
 * The SDK's math against the program's: the shared vectors in tests/vectors/*.json (the file the
 * Rust tests check) and the Rust unit-test cases of programs/futstar/src/math/.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { math } from "../src/index.js";
import { repoRoot } from "./harness.js";

const { Side } = math;
const vectorsDir = join(repoRoot, "tests/vectors");

describe("math mirrors programs/futstar/src/math (Rust unit cases)", () => {
  it("fees round up and split exhaustively", () => {
    expect(math.fee(10_001n, 10n)).toBe(11n);
    expect(math.fee(10_000n, 10n)).toBe(10n);
    expect(math.fee(1n, 1n)).toBe(1n);
    expect(math.split(11n, 7_000n)).toEqual({ lp: 8n, treasury: 3n });
    expect(math.split(11n, 10_000n)).toEqual({ lp: 11n, treasury: 0n });
    expect(math.split(11n, 0n)).toEqual({ lp: 0n, treasury: 11n });
  });

  it("notional is bounded, errors name the field", () => {
    expect(math.notional(1_000n, 5n)).toBe(5_000n);
    expect(() => math.notional(math.MAX_AMOUNT, 2n)).toThrow(/Overflow in notional/);
    expect(() => math.notional(1n, 0n)).toThrow(/OutOfBounds in leverage/);
    expect(() => math.notional(1n, 101n)).toThrow(/OutOfBounds in leverage/);
  });

  it("pnl: mirror images, rounding in the pool's favour, floor and cap", () => {
    const t = (side: math.Side, entry: bigint) => ({ side, collateral: 1_000n, notional: 10_000n, entryBps: entry, maxProfit: 5_000n });
    expect(math.pnl(t(Side.Long, 5000n), 5100n)).toBe(100n);
    expect(math.pnl(t(Side.Short, 5000n), 5100n)).toBe(-100n);
    expect(math.pnl(t(Side.Short, 5000n), 4900n)).toBe(100n);
    const small = { side: Side.Long, collateral: 1_000n, notional: 3n, entryBps: 5000n, maxProfit: 10n };
    expect(math.pnl(small, 5001n)).toBe(0n);
    expect(math.pnl(small, 4999n)).toBe(-1n);
    expect(math.pnl(t(Side.Long, 5000n), 0n)).toBe(-1_000n);
    expect(math.pnl(t(Side.Long, 0n), 10_000n)).toBe(5_000n);
    expect(() => math.pnl(t(Side.Long, 10_001n), 0n)).toThrow(/entryBps/);
    expect(() => math.pnl(t(Side.Long, 0n), 10_001n)).toThrow(/exitBps/);
    expect(() => math.pnl({ ...t(Side.Long, 0n), notional: math.MAX_AMOUNT + 1n }, 1n)).toThrow(/notional/);
    expect(math.sideFromU8(1)).toBe(Side.Short);
    expect(() => math.sideFromU8(2)).toThrow(/side/);
  });

  it("max profit and settlement", () => {
    expect(math.maxProfit(Side.Long, 10_000n, 6_000n, (1n << 64n) >> 14n > math.MAX_AMOUNT ? math.MAX_AMOUNT : 1n << 50n)).toBe(4_000n);
    expect(math.maxProfit(Side.Short, 10_000n, 6_000n, 100_000n)).toBe(6_000n);
    expect(math.maxProfit(Side.Short, 10_000n, 6_000n, 1_000n)).toBe(1_000n);
    expect(math.maxProfit(Side.Long, 3n, 5_001n, 10n)).toBe(2n);
    const t = { side: Side.Long, collateral: 1_000n, notional: 10_000n, entryBps: 5_000n, maxProfit: 5_000n };
    expect(math.settle(t, 5_100n, 10n)).toEqual({ pnl: 100n, fee: 10n, payout: 1_090n });
    expect(math.settle(t, 4_000n, 10n)).toEqual({ pnl: -1_000n, fee: 0n, payout: 0n });
    expect(math.settle(t, 4_005n, 100n)).toEqual({ pnl: -995n, fee: 5n, payout: 0n });
  });

  it("LP shares round down; a round trip never gains", () => {
    expect(math.sharesForDeposit(1_000n, 0n, 0n)).toBe(1_000n);
    expect(math.sharesForDeposit(10n, 3n, 7n)).toBe(4n);
    expect(math.amountForWithdraw(1n, 3n, 7n)).toBe(2n);
    expect(math.amountForWithdraw(3n, 3n, 7n)).toBe(7n);
    expect(() => math.amountForWithdraw(4n, 3n, 7n)).toThrow(/OutOfBounds in shares/);
    expect(() => math.sharesForDeposit(1n, 5n, 0n)).toThrow(/DivisionByZero/);
    let x = 88172645463325252n;
    const mask = (1n << 64n) - 1n;
    for (let i = 0; i < 2_000; i += 1) {
      x ^= (x << 13n) & mask;
      x ^= x >> 7n;
      x ^= (x << 17n) & mask;
      const supply = 1n + (x % 1_000_000_000n);
      const value = 1n + ((x >> 20n) % 1_000_000_000n);
      const amount = 1n + ((x >> 40n) % 1_000_000n);
      const shares = math.sharesForDeposit(amount, supply, value);
      expect(math.amountForWithdraw(shares, supply + shares, value + amount)).toBeLessThanOrEqual(amount);
    }
  });

  it("mulDiv: exact, rounding both ways, u64 overflow and zero divisor", () => {
    expect(math.mulDivFloor(7n, 3n, 2n)).toBe(10n);
    expect(math.mulDivCeil(7n, 3n, 2n)).toBe(11n);
    expect(math.mulDivCeil(6n, 3n, 2n)).toBe(9n);
    expect(math.mulDivFloor(math.U64_MAX, math.U64_MAX, math.U64_MAX)).toBe(math.U64_MAX);
    expect(() => math.mulDivFloor(math.U64_MAX, 2n, 1n)).toThrow(/Overflow/);
    expect(() => math.mulDivFloor(1n, 1n, 0n)).toThrow(/DivisionByZero/);
    expect(() => math.mulDivCeil(math.U64_MAX, 3n, 2n)).toThrow(/Overflow/);
    expect(() => math.mulDivFloor(-1n, 1n, 1n)).toThrow(/OutOfBounds/);
  });
});

type Vector = Readonly<Record<string, unknown>>;

/** Vector files the Rust tests (programs/futstar/tests/math_vectors.rs) check; all must exist. */
const VECTOR_FILES = ["pnl.json", "fees.json", "payout.json", "lp.json", "pool_value.json"] as const;

function cases(file: string): Vector[] {
  const parsed = JSON.parse(readFileSync(join(vectorsDir, file), "utf8")) as { cases?: Vector[] };
  if (!Array.isArray(parsed.cases) || parsed.cases.length === 0) throw new Error(`${file}: no cases`);
  return parsed.cases;
}

function n(c: Vector, key: string): bigint {
  const v = c[key];
  if (typeof v === "string" || typeof v === "number") return BigInt(v);
  throw new Error(`vector ${JSON.stringify(c)}: ${key} missing`);
}

/** The MathError kind `run` throws, or its value. */
function outcome<T>(run: () => T): { ok: T } | { error: string } {
  try {
    return { ok: run() };
  } catch (error) {
    if (error instanceof math.MathError) return { error: error.kind };
    throw error;
  }
}

function expectCase<T>(c: Vector, run: () => T, expected: () => T): void {
  const got = outcome(run);
  if (typeof c["error"] === "string") expect(got, JSON.stringify(c)).toEqual({ error: c["error"] });
  else expect(got, JSON.stringify(c)).toEqual({ ok: expected() });
}

const terms = (c: Vector, maxProfit: bigint): math.PositionTerms => ({ side: math.sideFromU8(Number(n(c, "side"))), collateral: n(c, "collateral"), notional: n(c, "notional"), entryBps: n(c, "entry_bps"), maxProfit });

describe("math vs tests/vectors/*.json (the cases programs/futstar/tests/math_vectors.rs checks)", () => {
  it("every vector file the Rust tests read exists", () => {
    for (const file of VECTOR_FILES) expect(existsSync(join(vectorsDir, file)), file).toBe(true);
    const all = readdirSync(vectorsDir).filter((f) => f.endsWith(".json") && f !== "oracle_message.json");
    expect(all.sort()).toEqual([...VECTOR_FILES].sort());
  });

  it("pnl.json", () => {
    for (const c of cases("pnl.json")) expectCase(c, () => math.pnl(terms(c, n(c, "max_profit")), n(c, "exit_bps")), () => n(c, "pnl"));
  });

  it("fees.json (fee, split, notional)", () => {
    for (const c of cases("fees.json")) {
      switch (c["kind"]) {
        case "fee":
          expectCase(c, () => math.fee(n(c, "notional"), n(c, "fee_bps")), () => n(c, "fee"));
          break;
        case "split":
          expect(math.split(n(c, "fee"), n(c, "lp_share_bps")), JSON.stringify(c)).toEqual({ lp: n(c, "lp"), treasury: n(c, "treasury") });
          break;
        case "notional":
          expectCase(c, () => math.notional(n(c, "collateral"), n(c, "leverage")), () => n(c, "notional"));
          break;
        default:
          throw new Error(`fees.json: unknown kind ${String(c["kind"])}`);
      }
    }
  });

  it("payout.json (max profit, then settlement)", () => {
    for (const c of cases("payout.json")) {
      const side = math.sideFromU8(Number(n(c, "side")));
      const mp = () => math.maxProfit(side, n(c, "notional"), n(c, "entry_bps"), n(c, "cap"));
      if (typeof c["error"] === "string" && c["max_profit"] === undefined) {
        expectCase(c, mp, () => 0n);
        continue;
      }
      expect(mp(), JSON.stringify(c)).toBe(n(c, "max_profit"));
      expectCase(c, () => math.settle(terms(c, mp()), n(c, "exit_bps"), n(c, "close_fee_bps")), () => ({ pnl: n(c, "pnl"), fee: n(c, "fee"), payout: n(c, "payout") }));
    }
  });

  it("lp.json (deposit, withdraw)", () => {
    for (const c of cases("lp.json")) {
      if (c["kind"] === "deposit") expectCase(c, () => math.sharesForDeposit(n(c, "amount"), n(c, "supply"), n(c, "value")), () => n(c, "shares"));
      else if (c["kind"] === "withdraw") expectCase(c, () => math.amountForWithdraw(n(c, "shares"), n(c, "supply"), n(c, "value")), () => n(c, "amount"));
      else throw new Error(`lp.json: unknown kind ${String(c["kind"])}`);
    }
  });

  it("pool_value.json (deposit and withdraw value)", () => {
    for (const c of cases("pool_value.json")) {
      const book: math.OpenBook = {
        liquidity: n(c, "liquidity"),
        reserved: n(c, "reserved"),
        collateralLocked: n(c, "collateral_locked"),
        oiLong: n(c, "oi_long"),
        entrySumLong: n(c, "entry_sum_long"),
        oiShort: n(c, "oi_short"),
        entrySumShort: n(c, "entry_sum_short"),
      };
      const index = n(c, "index_bps");
      expectCase(c, () => ({ deposit: math.depositValue(book, index), withdraw: math.withdrawValue(book, index) }), () => ({ deposit: n(c, "deposit_value"), withdraw: n(c, "withdraw_value") }));
    }
  });
});
