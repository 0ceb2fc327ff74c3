"use client";
import { useState } from "react";

import { formatAmount, parseAmount } from "@/lib/format";
import type { TraderView } from "@/lib/futstar/model";

export interface LimitsInput {
  readonly dailyLossLimit: bigint;
  readonly dailyDepositLimit: bigint;
  /** Unix seconds; 0 keeps the current self-exclusion. */
  readonly selfExcludeUntil: number;
}

function dateText(ts: number): string {
  return new Date(ts * 1000).toISOString().replace("T", " ").slice(0, 16) + " UTC";
}

export function ResponsiblePlayUi({
  trader, decimals, symbol, nowS, busy, blockedReason, onSave,
}: {
  trader: TraderView | null; decimals: number; symbol: string; nowS: number; busy: boolean; blockedReason: string | null;
  onSave: (input: LimitsInput) => void;
}) {
  const [loss, setLoss] = useState(trader === null || trader.dailyLossLimit === 0n ? "" : formatAmount(trader.dailyLossLimit, decimals, decimals).replace(/,/g, ""));
  const [deposit, setDeposit] = useState(trader === null || trader.dailyDepositLimit === 0n ? "" : formatAmount(trader.dailyDepositLimit, decimals, decimals).replace(/,/g, ""));
  const [excludeDays, setExcludeDays] = useState("0");
  const lossParsed = loss.trim() === "" ? { ok: true as const, units: 0n } : parseAmount(loss, decimals, "Daily loss limit");
  const depositParsed = deposit.trim() === "" ? { ok: true as const, units: 0n } : parseAmount(deposit, decimals, "Daily deposit limit");
  const days = Number(excludeDays);
  const daysOk = Number.isInteger(days) && days >= 0 && days <= 3650;
  const error = !lossParsed.ok ? lossParsed.error : !depositParsed.ok ? depositParsed.error : !daysOk ? "Self-exclusion: whole days from 0 to 3650" : null;
  const excluded = trader !== null && trader.selfExcludedUntil > nowS;

  return (
    <form
      className="card"
      aria-label="Responsible play"
      onSubmit={(e) => {
        e.preventDefault();
        if (error !== null || !lossParsed.ok || !depositParsed.ok || busy || blockedReason !== null) return;
        onSave({ dailyLossLimit: lossParsed.units, dailyDepositLimit: depositParsed.units, selfExcludeUntil: days === 0 ? 0 : nowS + days * 86_400 });
      }}
    >
      <h2>Responsible play</h2>
      <p className="muted small">
        These limits are stored on chain in your trader account and enforced by the program. Lowering a limit applies at once;
        raising or removing one waits 24 hours. A self-exclusion cannot be shortened once set.
      </p>
      {excluded ? <p className="banner banner-warn" data-testid="self-excluded">Self-excluded until {dateText(trader.selfExcludedUntil)}.</p> : null}
      {trader !== null && trader.pendingEffectiveTs > 0 ? (
        <p className="banner">Raised limits take effect {dateText(trader.pendingEffectiveTs)}.</p>
      ) : null}
      <label>
        Daily loss limit ({symbol}, empty = none)
        <input name="loss" inputMode="decimal" value={loss} onChange={(e) => setLoss(e.target.value)} />
      </label>
      <label>
        Daily deposit limit ({symbol}, empty = none)
        <input name="deposit" inputMode="decimal" value={deposit} onChange={(e) => setDeposit(e.target.value)} />
      </label>
      <label>
        Self-exclude for (days, 0 = no change)
        <input name="exclude" inputMode="numeric" value={excludeDays} onChange={(e) => setExcludeDays(e.target.value)} />
      </label>
      {trader !== null ? (
        <p className="muted small">Today: deposited {formatAmount(trader.dayDeposited, decimals)} {symbol}, lost {formatAmount(trader.dayLost, decimals)} {symbol}.</p>
      ) : null}
      <p className="error-text small" style={{ minHeight: "1.2em" }}>{error ?? ""}</p>
      <button type="submit" className="primary" disabled={error !== null || busy || blockedReason !== null}>
        {busy ? "Confirm in wallet…" : blockedReason ?? "Save on chain"}
      </button>
    </form>
  );
}
