"use client";
import { useState } from "react";

import { formatAmount, formatDuration, parseAmount, formatSignedAmount } from "@/lib/format";
import type { PoolLimitsView, Side } from "@/lib/futstar/model";

import type { OpenInput, Validation } from "./match-math";

export interface OpenPositionFormProps {
  readonly limits: PoolLimitsView;
  readonly decimals: number;
  readonly symbol: string;
  readonly homeTeam: string;
  /** Pure preview (SDK math), supplied by the feature. */
  readonly preview: (input: OpenInput) => Validation;
  /** Why the form cannot submit right now (market state, wallet), or null. */
  readonly blockedReason: string | null;
  readonly busy: boolean;
  readonly onSubmit: (input: OpenInput) => void;
}

export function OpenPositionFormUi(props: OpenPositionFormProps) {
  const { limits, decimals, symbol } = props;
  const [side, setSide] = useState<Side>("long");
  const [collateralText, setCollateralText] = useState("10");
  const [leverage, setLeverage] = useState(Math.min(5, limits.maxLeverage));
  const [durationIndex, setDurationIndex] = useState(0);
  const durationS = limits.durations[durationIndex] ?? null;

  const parsed = parseAmount(collateralText, decimals, "Collateral");
  const result: Validation | { ok: false; field: "collateral"; error: string } = parsed.ok
    ? props.preview({ side, collateral: parsed.units, leverage, durationS })
    : { ok: false, field: "collateral", error: parsed.error };
  const canSubmit = result.ok && props.blockedReason === null && !props.busy;

  return (
    <form
      className="card open-form"
      aria-label="Open a position"
      onSubmit={(e) => {
        e.preventDefault();
        if (canSubmit && parsed.ok) props.onSubmit({ side, collateral: parsed.units, leverage, durationS });
      }}
    >
      <h2>Open a position</h2>
      <div className="side-toggle" role="radiogroup" aria-label="Side">
        {(["long", "short"] as const).map((s) => (
          <button
            key={s}
            type="button"
            role="radio"
            aria-checked={side === s}
            className={`side side-${s} ${side === s ? "selected" : ""}`}
            onClick={() => setSide(s)}
          >
            {s === "long" ? `Long ${props.homeTeam}` : `Short ${props.homeTeam}`}
          </button>
        ))}
      </div>
      <label>
        Collateral ({symbol})
        <input
          name="collateral"
          inputMode="decimal"
          value={collateralText}
          onChange={(e) => setCollateralText(e.target.value)}
          aria-invalid={!result.ok && result.field === "collateral"}
        />
        <span className="muted small">min {formatAmount(limits.minCollateral, decimals, decimals)}</span>
      </label>
      <label>
        Leverage: {leverage}×
        <input name="leverage" type="range" min={1} max={limits.maxLeverage} step={1} value={leverage} onChange={(e) => setLeverage(Number(e.target.value))} />
      </label>
      <label>
        Duration
        <select name="duration" value={durationIndex} onChange={(e) => setDurationIndex(Number(e.target.value))}>
          {limits.durations.map((d, i) => (
            <option key={i} value={i}>
              {formatDuration(d)}
            </option>
          ))}
        </select>
      </label>
      <dl className="preview" data-testid="open-preview">
        {result.ok ? (
          <>
            <dt>Size</dt>
            <dd>{formatAmount(result.preview.notional, decimals)} {symbol}</dd>
            <dt>Open fee</dt>
            <dd>{formatAmount(result.preview.openFee, decimals, 6)} {symbol}</dd>
            <dt>Total cost</dt>
            <dd data-testid="preview-cost">{formatAmount(result.preview.totalCost, decimals, 6)} {symbol}</dd>
            <dt>PnL per 10 pts in your favour</dt>
            <dd>{formatSignedAmount(result.preview.pnlPer10Points, decimals)} {symbol}</dd>
            <dt>Max payout</dt>
            <dd data-testid="preview-max-payout">{formatAmount(result.preview.maxPayout, decimals)} {symbol}</dd>
          </>
        ) : (
          <>
            <dt>Check</dt>
            <dd className="error-text" data-testid="form-error">{result.error}</dd>
          </>
        )}
      </dl>
      <p className="muted small">Fills at the first oracle sample {limits.inplayDelayS}s after your request (in-play delay).</p>
      <button type="submit" className="primary" disabled={!canSubmit} data-testid="open-submit">
        {props.busy ? "Confirm in wallet…" : props.blockedReason ?? `Request ${side}`}
      </button>
    </form>
  );
}
