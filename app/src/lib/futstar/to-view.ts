/**
 * Maps the SDK's decoded accounts (Anchor coder: BN numbers, number arrays) to the view models.
 * Unknown enum bytes throw naming the field, so a layout drift is loud.
 */
import { DURATION_MATCH_END, type FutstarAccounts, type OracleAccounts } from "@futstar/sdk";
import type { PublicKey } from "@solana/web3.js";

import type { MatchStatus, MatchView, MomentumSample, PoolStatus, PoolView, PositionStatus, PositionView, TraderView } from "./model";

type Feed = OracleAccounts["feed"];
type Pool = FutstarAccounts["pool"];
type Position = FutstarAccounts["position"];
type Trader = FutstarAccounts["trader"];
type Exchange = FutstarAccounts["exchange"];

/** Anything with a decimal `toString()` (BN) or a plain number. */
type Int = { toString(): string } | number;
const big = (v: Int): bigint => BigInt(v.toString());
const num = (v: Int): number => Number(v.toString());
/** On-chain 0/1 flags: the SDK decodes them as booleans (IDL `bool`); older decoders gave numbers. */
export const flag = (v: boolean | Int): boolean => (typeof v === "boolean" ? v : num(v) !== 0);

const MATCH_STATUS: readonly MatchStatus[] = ["scheduled", "live", "halftime", "ended", "abandoned"];
const POOL_STATUS: readonly PoolStatus[] = ["open", "paused", "settling", "closed"];
const POSITION_STATUS: readonly PositionStatus[] = ["pendingOpen", "open", "pendingClose", "closed", "cancelled", "rejected", "settled", "stoppedOut", "voided"];

function pick<T>(table: readonly T[], byte: number, field: string): T {
  const value = table[byte];
  if (value === undefined) throw new Error(`${field}: unknown value ${byte}`);
  return value;
}

/** Zero-padded UTF-8 bytes → text. */
export function paddedText(bytes: readonly number[] | Uint8Array): string {
  const arr = Uint8Array.from(bytes);
  const end = arr.indexOf(0);
  return new TextDecoder().decode(end === -1 ? arr : arr.subarray(0, end));
}

/**
 * A feed replays the built-in generated match when its match id starts with "synthetic"
 * (the keeper names synthetic feeds that way), so the app can label it.
 */
export function isSyntheticMatchId(matchId: readonly number[] | Uint8Array): boolean {
  return paddedText(matchId).toLowerCase().startsWith("synthetic");
}

/** Ring samples oldest first: the ring holds `ringLen` samples ending just before `ringHead`. */
export function ringSamples(ring: readonly { ts: Int; indexBps: Int; suspended: boolean | Int }[], head: number, len: number): MomentumSample[] {
  const cap = ring.length;
  const out: MomentumSample[] = [];
  for (let i = 0; i < Math.min(len, cap); i++) {
    const s = ring[(head - len + i + cap * 2) % cap];
    if (s !== undefined) out.push({ ts: num(s.ts), indexBps: num(s.indexBps), suspended: flag(s.suspended) });
  }
  return out;
}

export function feedToView(address: PublicKey, f: Feed): MatchView {
  const c = f.components.map(num);
  return {
    feed: address.toBase58(),
    homeTeam: paddedText(f.homeTeam),
    awayTeam: paddedText(f.awayTeam),
    status: pick(MATCH_STATUS, num(f.status), "feed.status"),
    indexBps: num(f.indexBps),
    components: { possession: c[0] ?? 5000, shots: c[1] ?? 5000, xg: c[2] ?? 5000, fieldTilt: c[3] ?? 5000, recentEvents: c[4] ?? 5000 },
    suspended: flag(f.suspended),
    seq: big(f.seq),
    lastUpdateTs: num(f.lastUpdateTs),
    synthetic: isSyntheticMatchId(f.matchId),
    samples: ringSamples(f.ring, num(f.ringHead), num(f.ringLen)),
  };
}

export function poolToView(address: PublicKey, p: Pool, exchange: Exchange): PoolView {
  const l = p.limits;
  return {
    address: address.toBase58(),
    feed: p.feed.toBase58(),
    collateralMint: p.collateralMint.toBase58(),
    lpMint: p.lpMint.toBase58(),
    decimals: num(p.decimals),
    liquidity: big(p.liquidity),
    reserved: big(p.reserved),
    oiLong: big(p.oiLong),
    oiShort: big(p.oiShort),
    entrySumLong: big(p.entrySumLong),
    entrySumShort: big(p.entrySumShort),
    collateralLocked: big(p.collateralLocked),
    lpSupply: big(p.lpSupply),
    status: pick(POOL_STATUS, num(p.status), "pool.status"),
    limits: {
      maxLeverage: num(l.maxLeverage),
      inplayDelayS: num(l.inplayDelayS),
      maxStalenessS: num(l.maxStalenessS),
      maxOpenPositions: num(l.maxOpenPositions),
      minCollateral: big(l.minCollateral),
      maxNotional: big(l.maxNotional),
      maxPayout: big(l.maxPayout),
      durations: l.durations.map(num).filter((d) => d !== 0).map((d) => (d === DURATION_MATCH_END ? null : d)),
    },
    openFeeBps: num(exchange.config.openFeeBps),
    closeFeeBps: num(exchange.config.closeFeeBps),
  };
}

export function positionToView(address: PublicKey, p: Position): PositionView {
  const expiry = num(p.expiryTs);
  return {
    address: address.toBase58(),
    pool: p.pool.toBase58(),
    id: big(p.id),
    side: num(p.side) === 0 ? "long" : "short",
    status: pick(POSITION_STATUS, num(p.status), "position.status"),
    leverage: num(p.leverage),
    collateral: big(p.collateral),
    notional: big(p.notional),
    openFee: big(p.openFee),
    maxProfit: big(p.maxProfit),
    entryIndexBps: num(p.entryIndex),
    exitIndexBps: num(p.exitIndex),
    requestTs: num(p.requestTs),
    entryTs: num(p.entryTs),
    expiryTs: num(p.durationS) === DURATION_MATCH_END ? null : expiry,
    closeRequestTs: num(p.closeRequestTs),
    payout: big(p.payout),
    realizedPnl: big(p.realizedPnl),
  };
}

export function traderToView(address: PublicKey, t: Trader): TraderView {
  return {
    address: address.toBase58(),
    nextPositionId: big(t.nextPositionId),
    openPositions: num(t.openPositions),
    dailyLossLimit: big(t.dailyLossLimit),
    dailyDepositLimit: big(t.dailyDepositLimit),
    pendingLossLimit: big(t.pendingLossLimit),
    pendingDepositLimit: big(t.pendingDepositLimit),
    pendingEffectiveTs: num(t.pendingEffectiveTs),
    selfExcludedUntil: num(t.selfExcludedUntil),
    dayDeposited: big(t.dayDeposited),
    dayLost: big(t.dayLost),
  };
}
