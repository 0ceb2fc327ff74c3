"use client";
import { useState } from "react";

import { formatAmount, parseAmount } from "@/lib/format";
import type { PoolView } from "@/lib/futstar/model";

export interface LiquidityStats {
  readonly utilisationBps: number;
  /** Value of one LP share in collateral base units × 10^decimals (scaled to show as a price). */
  readonly shareValue: bigint | null;
  /** The wallet's LP shares and their value in collateral. */
  readonly myShares: bigint;
  readonly myValue: bigint;
  /** Liquidity not reserved for open positions' max payouts (the withdrawable part). */
  readonly free: bigint;
  /** The feed index the open positions are marked at (null: nothing open, or no index yet). */
  readonly markedAt: number | null;
}

export function PoolStatsUi({ pool, stats, symbol }: { pool: PoolView; stats: LiquidityStats; symbol: string }) {
  const d = pool.decimals;
  return (
    <section className="card" aria-label="Pool">
      <h2>Pool</h2>
      <dl className="stats">
        <dt>Liquidity</dt><dd data-testid="pool-liquidity">{formatAmount(pool.liquidity, d)} {symbol}</dd>
        <dt>Reserved for payouts</dt><dd>{formatAmount(pool.reserved, d)} {symbol}</dd>
        <dt>Free</dt><dd>{formatAmount(stats.free, d)} {symbol}</dd>
        <dt>Utilisation</dt><dd data-testid="pool-utilisation">{(stats.utilisationBps / 100).toFixed(2)} %</dd>
        <dt>Open interest long / short</dt><dd>{formatAmount(pool.oiLong, d)} / {formatAmount(pool.oiShort, d)}</dd>
        <dt>LP share value</dt>
        <dd data-testid="share-value">
          {stats.shareValue === null ? "—" : `${formatAmount(stats.shareValue, d, 6)} ${symbol}`}
          {stats.markedAt === null ? null : <span className="muted small"> (open positions marked at {(stats.markedAt / 100).toFixed(2)})</span>}
        </dd>
        <dt>Your LP shares</dt><dd data-testid="my-lp">{formatAmount(stats.myShares, d)} (≈ {formatAmount(stats.myValue, d)} {symbol})</dd>
      </dl>
    </section>
  );
}

export function LiquidityFormUi({
  decimals, symbol, busy, blockedReason, onDeposit, onWithdraw,
}: {
  decimals: number; symbol: string; busy: boolean; blockedReason: string | null;
  onDeposit: (amount: bigint) => void; onWithdraw: (shares: bigint) => void;
}) {
  const [mode, setMode] = useState<"deposit" | "withdraw">("deposit");
  const [text, setText] = useState("");
  const field = mode === "deposit" ? `Amount (${symbol})` : "LP shares";
  const parsed = parseAmount(text, decimals, field);
  return (
    <form
      className="card"
      aria-label="Provide liquidity"
      onSubmit={(e) => {
        e.preventDefault();
        if (!parsed.ok || busy || blockedReason !== null) return;
        if (mode === "deposit") onDeposit(parsed.units);
        else onWithdraw(parsed.units);
      }}
    >
      <h2>{mode === "deposit" ? "Deposit" : "Withdraw"}</h2>
      <div className="side-toggle" role="radiogroup" aria-label="Action">
        {(["deposit", "withdraw"] as const).map((m) => (
          <button key={m} type="button" role="radio" aria-checked={mode === m} className={mode === m ? "side selected" : "side"} onClick={() => setMode(m)}>
            {m === "deposit" ? "Deposit" : "Withdraw"}
          </button>
        ))}
      </div>
      <label>
        {field}
        <input name="amount" inputMode="decimal" value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <p className="error-text small" style={{ minHeight: "1.2em" }}>{text !== "" && !parsed.ok ? parsed.error : ""}</p>
      <p className="muted small">Withdrawals are limited to liquidity not reserved for open positions&apos; maximum payouts. Shares are priced on the pool&apos;s value with open positions marked at the live index: traders&apos; unrealised gains lower it, and while a goal is being absorbed (market suspended) deposits and withdrawals wait.</p>
      <button type="submit" className="primary" disabled={!parsed.ok || busy || blockedReason !== null}>
        {busy ? "Confirm in wallet…" : blockedReason ?? (mode === "deposit" ? "Deposit" : "Withdraw")}
      </button>
    </form>
  );
}
