/**
 * Turns any failure a trader can meet into one clear sentence. Program errors arrive already
 * decoded by the SDK's error decoder (name + code); wallet and RPC failures are recognised here.
 */

/** What the SDK's decoder tells us about a program error. */
export interface DecodedProgramError {
  readonly code: number;
  readonly name: string;
  readonly message?: string;
}

export type TraderErrorKind =
  | "walletRejected"
  | "walletNotConnected"
  | "insufficientBalance"
  | "marketUnavailable"
  | "limitReached"
  | "expired"
  | "program"
  | "network"
  | "unknown";

export interface TraderMessage {
  readonly kind: TraderErrorKind;
  readonly title: string;
  readonly detail: string;
}

/** Program error name → what the trader should read. Names are the program's stable enum. */
const PROGRAM_MESSAGES: Readonly<Record<string, { kind: TraderErrorKind; title: string; detail: string }>> = {
  FeedStale: { kind: "marketUnavailable", title: "Feed is stale", detail: "The momentum feed has no fresh update, so the market does not take orders right now." },
  FeedNotLive: { kind: "marketUnavailable", title: "Match not live", detail: "Orders are accepted only while the match is live." },
  FeedSuspended: { kind: "marketUnavailable", title: "Market suspended", detail: "A goal, penalty or red card is being absorbed by the index; try again in a few seconds." },
  PoolNotOpen: { kind: "marketUnavailable", title: "Market closed", detail: "This match's pool is not open for trading." },
  ExchangePaused: { kind: "marketUnavailable", title: "Exchange paused", detail: "Trading is paused by the exchange's guardian." },
  DailyLossLimit: { kind: "limitReached", title: "Daily loss limit reached", detail: "Your own daily loss limit is reached; you can trade again tomorrow." },
  DailyDepositLimit: { kind: "limitReached", title: "Daily deposit limit reached", detail: "This order would take you past your own daily deposit limit." },
  SelfExcluded: { kind: "limitReached", title: "Self-excluded", detail: "You are self-excluded from trading until the date you chose." },
  TooManyOpenPositions: { kind: "limitReached", title: "Open-position limit reached", detail: "Close or settle a position before opening another." },
  RateLimited: { kind: "limitReached", title: "Too fast", detail: "Wait a moment between orders." },
  OpenInterestLimit: { kind: "limitReached", title: "Open-interest limit reached", detail: "The pool's maximum open interest on this side is reached." },
  SkewLimit: { kind: "limitReached", title: "Skew limit reached", detail: "Too much of the pool is on this side; try a smaller size or the other side." },
  NotionalTooLarge: { kind: "limitReached", title: "Position too large", detail: "Collateral × leverage is above the pool's maximum position size." },
  InsufficientFreeLiquidity: { kind: "limitReached", title: "Pool liquidity limit reached", detail: "The pool cannot reserve this position's maximum payout; try a smaller size." },
  LeverageOutOfRange: { kind: "program", title: "Leverage not allowed", detail: "Choose a leverage within the pool's range." },
  CollateralTooSmall: { kind: "program", title: "Collateral too small", detail: "Collateral is below the pool's minimum." },
  DurationNotAllowed: { kind: "program", title: "Duration not offered", detail: "Choose one of the durations this market offers." },
  RequestFillable: { kind: "program", title: "Too late to cancel", detail: "The in-play delay has passed; the request is being filled." },
  NotYetFillable: { kind: "program", title: "Not fillable yet", detail: "The in-play delay has not passed yet." },
  InvalidPositionStatus: { kind: "program", title: "Position changed", detail: "The position is no longer in a state that allows this; refresh." },
  NotPositionOwner: { kind: "program", title: "Not your position", detail: "Only the owner can do this." },
  SelfExclusionCannotShorten: { kind: "program", title: "Cannot shorten self-exclusion", detail: "A self-exclusion period can be extended but never shortened." },
  ZeroShares: { kind: "program", title: "Amount too small", detail: "The amount is too small to mint or redeem a single LP share." },
};

function textOf(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    return `${error.name}: ${error.message}${cause instanceof Error ? ` | ${cause.name}: ${cause.message}` : ""}`;
  }
  return typeof error === "string" ? error : JSON.stringify(error) ?? String(error);
}

function nameOf(error: unknown): string {
  return error instanceof Error ? error.name : "";
}

/**
 * Classifies `error`. `decoded` is the SDK decoder's answer for the same error (null when it is
 * not a program error); it wins over text matching.
 */
export function traderMessage(error: unknown, decoded: DecodedProgramError | null): TraderMessage {
  if (decoded !== null) {
    // The SDK's IDL copy is camelCase ("feedStale"); the program enum is PascalCase.
    const known = PROGRAM_MESSAGES[decoded.name.charAt(0).toUpperCase() + decoded.name.slice(1)];
    if (known !== undefined) return known;
    return { kind: "program", title: `Rejected by the program: ${decoded.name}`, detail: decoded.message ?? `Error code ${decoded.code}.` };
  }
  const name = nameOf(error);
  const text = textOf(error);
  if (name === "WalletNotConnectedError" || /wallet not connected/i.test(text)) {
    return { kind: "walletNotConnected", title: "Wallet not connected", detail: "Connect a wallet first." };
  }
  if (/User rejected|rejected the request|WalletSignTransactionError|WalletSendTransactionError: .*reject|code":?\s*4001/i.test(text)) {
    return { kind: "walletRejected", title: "Request rejected in your wallet", detail: "Nothing was sent. Approve the transaction in your wallet to continue." };
  }
  if (/TransactionExpired|block height exceeded|blockhash not found|has expired/i.test(text)) {
    return { kind: "expired", title: "Transaction expired", detail: "It was not confirmed in time and nothing changed. Please try again." };
  }
  if (/insufficient (funds|lamports)|no record of a prior credit|custom program error: 0x1\b/i.test(text)) {
    return { kind: "insufficientBalance", title: "Insufficient balance", detail: "Your wallet does not hold enough tokens (or SOL for fees) for this." };
  }
  if (/Failed to fetch|NetworkError|ECONNREFUSED|fetch failed/i.test(text)) {
    return { kind: "network", title: "Cannot reach the network", detail: "The RPC endpoint did not answer. Check your connection and try again." };
  }
  return { kind: "unknown", title: "Something went wrong", detail: text };
}
