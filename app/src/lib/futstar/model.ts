/**
 * View models: what the pure UI components render. Data-access hooks build them from the SDK's
 * decoded accounts; components never see an account or a connection.
 */

/** Feed lifecycle as the oracle publishes it. */
export type MatchStatus = "scheduled" | "live" | "halftime" | "ended" | "abandoned";

/** The five momentum components, each 0..=10000 bps (above 5000 = home on top). */
export interface MomentumComponents {
  readonly possession: number;
  readonly shots: number;
  readonly xg: number;
  readonly fieldTilt: number;
  readonly recentEvents: number;
}

/** One point of the momentum series. */
export interface MomentumSample {
  /** Unix seconds (oracle time). */
  readonly ts: number;
  readonly indexBps: number;
  readonly suspended: boolean;
}

/** A match as listed and as shown on its page. */
export interface MatchView {
  /** Feed account address (base58): the match's identity in URLs. */
  readonly feed: string;
  readonly homeTeam: string;
  readonly awayTeam: string;
  readonly status: MatchStatus;
  readonly indexBps: number;
  readonly components: MomentumComponents;
  readonly suspended: boolean;
  readonly seq: bigint;
  /** Unix seconds of the oracle's last update (0 = never). */
  readonly lastUpdateTs: number;
  /** Replays of the built-in generated match, labelled in the UI. */
  readonly synthetic: boolean;
  /** Recent samples, oldest first. */
  readonly samples: readonly MomentumSample[];
}

export type PoolStatus = "open" | "paused" | "settling" | "closed";

/** Pool risk limits (amounts in base units). */
export interface PoolLimitsView {
  readonly maxLeverage: number;
  readonly inplayDelayS: number;
  readonly maxStalenessS: number;
  readonly maxOpenPositions: number;
  readonly minCollateral: bigint;
  readonly maxNotional: bigint;
  readonly maxPayout: bigint;
  /** Allowed durations in seconds; `null` stands for "until the match ends". */
  readonly durations: readonly (number | null)[];
}

/** A pool for one match. */
export interface PoolView {
  readonly address: string;
  readonly feed: string;
  readonly collateralMint: string;
  readonly lpMint: string;
  readonly decimals: number;
  readonly liquidity: bigint;
  readonly reserved: bigint;
  readonly oiLong: bigint;
  readonly oiShort: bigint;
  /** Σ notional × entry index of open longs / shorts: with the OI they mark the open positions. */
  readonly entrySumLong: bigint;
  readonly entrySumShort: bigint;
  /** Collateral of filled positions (floors the traders' aggregate loss). */
  readonly collateralLocked: bigint;
  readonly lpSupply: bigint;
  readonly status: PoolStatus;
  readonly limits: PoolLimitsView;
  readonly openFeeBps: number;
  readonly closeFeeBps: number;
}

export type Side = "long" | "short";

export type PositionStatus =
  | "pendingOpen"
  | "open"
  | "pendingClose"
  | "closed"
  | "cancelled"
  | "rejected"
  | "settled"
  | "stoppedOut"
  | "voided";

/** One position of the connected trader. */
export interface PositionView {
  readonly address: string;
  readonly pool: string;
  readonly id: bigint;
  readonly side: Side;
  readonly status: PositionStatus;
  readonly leverage: number;
  readonly collateral: bigint;
  readonly notional: bigint;
  readonly openFee: bigint;
  readonly maxProfit: bigint;
  readonly entryIndexBps: number;
  readonly exitIndexBps: number;
  readonly requestTs: number;
  readonly entryTs: number;
  /** Unix seconds; `null` = until the match ends. */
  readonly expiryTs: number | null;
  readonly closeRequestTs: number;
  readonly payout: bigint;
  readonly realizedPnl: bigint;
}

/** Responsible-play settings of a trader on one pool (amounts in base units, 0 = no limit). */
export interface TraderView {
  readonly address: string;
  /** Seed of the trader's next position PDA. */
  readonly nextPositionId: bigint;
  readonly openPositions: number;
  readonly dailyLossLimit: bigint;
  readonly dailyDepositLimit: bigint;
  readonly pendingLossLimit: bigint;
  readonly pendingDepositLimit: bigint;
  /** Unix seconds when a pending (raised) limit takes effect; 0 = none pending. */
  readonly pendingEffectiveTs: number;
  readonly selfExcludedUntil: number;
  readonly dayDeposited: bigint;
  readonly dayLost: bigint;
}

export const STATUS_LABEL: Readonly<Record<MatchStatus, string>> = {
  scheduled: "Scheduled",
  live: "Live",
  halftime: "Half-time",
  ended: "Ended",
  abandoned: "Abandoned",
};
