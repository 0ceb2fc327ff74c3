import { formatAmount, formatCountdown, formatIndex, formatSignedAmount, shortAddress } from "@/lib/format";
import type { PositionStatus, PositionView } from "@/lib/futstar/model";

const STATUS_TEXT: Readonly<Record<PositionStatus, string>> = {
  pendingOpen: "Opening",
  open: "Open",
  pendingClose: "Closing",
  closed: "Closed",
  cancelled: "Cancelled",
  rejected: "Rejected at fill",
  settled: "Settled",
  stoppedOut: "Stopped out",
  voided: "Voided (refunded)",
};

export interface PendingRow {
  readonly position: PositionView;
  /** Seconds until fillable; ≤ 0 means waiting for the keeper's fill. */
  readonly secondsToFill: number;
}

export function PendingRequestsUi({ rows, decimals, busy, onCancel }: { rows: readonly PendingRow[]; decimals: number; busy: boolean; onCancel: (p: PositionView) => void }) {
  return (
    <section className="card" aria-label="Pending requests">
      <h2>Pending requests</h2>
      {rows.length === 0 ? (
        <p className="muted">No pending requests.</p>
      ) : (
        <table>
          <thead>
            <tr><th>#</th><th>Request</th><th>Collateral</th><th>Fill in</th><th /></tr>
          </thead>
          <tbody>
            {rows.map(({ position: p, secondsToFill }) => (
              <tr key={p.address} data-testid="pending-row">
                <td>{p.id.toString()}</td>
                <td>{p.status === "pendingOpen" ? `Open ${p.side} ${p.leverage}×` : `Close ${p.side}`}</td>
                <td>{formatAmount(p.collateral, decimals)}</td>
                <td data-testid="fill-countdown">{secondsToFill > 0 ? formatCountdown(secondsToFill) : "filling…"}</td>
                <td>
                  {p.status === "pendingOpen" && secondsToFill > 0 ? (
                    <button type="button" disabled={busy} onClick={() => onCancel(p)}>Cancel</button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export interface OpenRow {
  readonly position: PositionView;
  readonly pnl: bigint;
  /** Seconds to expiry, null for match-end positions. */
  readonly secondsToExpiry: number | null;
}

export function OpenPositionsUi({ rows, decimals, busy, onClose }: { rows: readonly OpenRow[]; decimals: number; busy: boolean; onClose: (p: PositionView) => void }) {
  return (
    <section className="card" aria-label="Open positions">
      <h2>Open positions</h2>
      {rows.length === 0 ? (
        <p className="muted">No open positions.</p>
      ) : (
        <table>
          <thead>
            <tr><th>#</th><th>Side</th><th>Entry</th><th>Size</th><th>PnL</th><th>Expires</th><th /></tr>
          </thead>
          <tbody>
            {rows.map(({ position: p, pnl, secondsToExpiry }) => (
              <tr key={p.address} data-testid="open-row">
                <td>{p.id.toString()}</td>
                <td className={`side-${p.side}`}>{p.side} {p.leverage}×</td>
                <td>{formatIndex(p.entryIndexBps)}</td>
                <td>{formatAmount(p.notional, decimals)}</td>
                <td className={pnl >= 0n ? "gain" : "loss"} data-testid="live-pnl">{formatSignedAmount(pnl, decimals)}</td>
                <td>{secondsToExpiry === null ? "match end" : formatCountdown(secondsToExpiry)}</td>
                <td>
                  {p.status === "open" ? (
                    <button type="button" disabled={busy} onClick={() => onClose(p)} data-testid="close-position">Close</button>
                  ) : (
                    <span className="muted">{STATUS_TEXT[p.status]}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function HistoryUi({ positions, decimals }: { positions: readonly PositionView[]; decimals: number }) {
  return (
    <section className="card" aria-label="History">
      <h2>History</h2>
      {positions.length === 0 ? (
        <p className="muted">No settled positions yet.</p>
      ) : (
        <table>
          <thead>
            <tr><th>#</th><th>Side</th><th>Entry → exit</th><th>PnL</th><th>Paid</th><th>Outcome</th></tr>
          </thead>
          <tbody>
            {positions.map((p) => (
              <tr key={p.address} data-testid="history-row">
                <td title={p.address}>{p.id.toString()} <span className="muted small">{shortAddress(p.address)}</span></td>
                <td className={`side-${p.side}`}>{p.side} {p.leverage}×</td>
                <td>{p.entryTs === 0 ? "—" : `${formatIndex(p.entryIndexBps)} → ${formatIndex(p.exitIndexBps)}`}</td>
                <td className={p.realizedPnl >= 0n ? "gain" : "loss"}>{formatSignedAmount(p.realizedPnl, decimals)}</td>
                <td>{formatAmount(p.payout, decimals)}</td>
                <td>{STATUS_TEXT[p.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Splits a trader's positions into the three tables. */
export function partitionPositions(positions: readonly PositionView[]): { pending: PositionView[]; open: PositionView[]; history: PositionView[] } {
  const pending = positions.filter((p) => p.status === "pendingOpen" || p.status === "pendingClose");
  const open = positions.filter((p) => p.status === "open" || p.status === "pendingClose");
  const history = positions.filter((p) => !["pendingOpen", "open", "pendingClose"].includes(p.status)).sort((a, b) => Number(b.id - a.id));
  return { pending, open, history };
}
