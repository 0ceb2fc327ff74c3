import Link from "next/link";

import { formatAmount, formatIndex, formatSignedAmount } from "@/lib/format";
import type { MatchView, PositionView } from "@/lib/futstar/model";

export interface PortfolioRow {
  readonly position: PositionView;
  readonly match: MatchView | null;
  /** Live PnL for open positions (null when the match's index is unknown or the position is not open). */
  readonly pnl: bigint | null;
}

export interface PortfolioTotals {
  readonly atRisk: bigint;
  readonly livePnl: bigint;
  readonly realizedPnl: bigint;
}

/** Sums over the rows: collateral at risk, live PnL of open positions, realised PnL of finished ones. */
export function portfolioTotals(rows: readonly PortfolioRow[]): PortfolioTotals {
  let atRisk = 0n, livePnl = 0n, realizedPnl = 0n;
  for (const r of rows) {
    const s = r.position.status;
    if (s === "pendingOpen" || s === "open" || s === "pendingClose") atRisk += r.position.collateral;
    if (r.pnl !== null) livePnl += r.pnl;
    if (!(s === "pendingOpen" || s === "open" || s === "pendingClose")) realizedPnl += r.position.realizedPnl;
  }
  return { atRisk, livePnl, realizedPnl };
}

export function PortfolioUi({ rows, decimals, symbol }: { rows: readonly PortfolioRow[]; decimals: number; symbol: string }) {
  const t = portfolioTotals(rows);
  return (
    <>
      <section className="card">
        <dl className="stats">
          <dt>At risk</dt><dd>{formatAmount(t.atRisk, decimals)} {symbol}</dd>
          <dt>Live PnL</dt><dd className={t.livePnl >= 0n ? "gain" : "loss"}>{formatSignedAmount(t.livePnl, decimals)} {symbol}</dd>
          <dt>Realised PnL</dt><dd className={t.realizedPnl >= 0n ? "gain" : "loss"}>{formatSignedAmount(t.realizedPnl, decimals)} {symbol}</dd>
        </dl>
      </section>
      <section className="card">
        <h2>Positions</h2>
        {rows.length === 0 ? <p className="muted">No positions yet.</p> : (
          <table>
            <thead><tr><th>Match</th><th>#</th><th>Side</th><th>Entry</th><th>Collateral</th><th>PnL</th><th>Status</th></tr></thead>
            <tbody>
              {rows.map(({ position: p, match, pnl }) => (
                <tr key={p.address} data-testid="portfolio-row">
                  <td>{match === null ? "—" : <Link href={`/match/${match.feed}`}>{match.homeTeam} vs {match.awayTeam}</Link>}</td>
                  <td>{p.id.toString()}</td>
                  <td className={`side-${p.side}`}>{p.side} {p.leverage}×</td>
                  <td>{p.entryTs === 0 ? "—" : formatIndex(p.entryIndexBps)}</td>
                  <td>{formatAmount(p.collateral, decimals)}</td>
                  <td>{pnl !== null ? formatSignedAmount(pnl, decimals) : p.status === "open" || p.status === "pendingOpen" || p.status === "pendingClose" ? "—" : formatSignedAmount(p.realizedPnl, decimals)}</td>
                  <td>{p.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
