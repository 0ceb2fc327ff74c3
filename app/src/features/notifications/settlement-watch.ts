/** Pure: which positions reached a final state between two snapshots of the trader's positions. */
import { formatAmount, formatSignedAmount } from "@/lib/format";
import type { PositionStatus, PositionView } from "@/lib/futstar/model";

const FINAL: ReadonlySet<PositionStatus> = new Set(["closed", "settled", "stoppedOut", "voided", "rejected", "cancelled"]);

/** Positions final in `next` that were not final (or absent while live) in `prev`. */
export function newlyFinal(prev: readonly PositionView[], next: readonly PositionView[]): PositionView[] {
  const before = new Map(prev.map((p) => [p.address, p.status]));
  return next.filter((p) => {
    const was = before.get(p.address);
    return FINAL.has(p.status) && was !== undefined && !FINAL.has(was);
  });
}

/** Notification text for a finished position. */
export function settlementMessage(p: PositionView, decimals: number, symbol: string): { title: string; detail: string } {
  const paid = `${formatAmount(p.payout, decimals)} ${symbol}`;
  switch (p.status) {
    case "cancelled":
      return { title: `Request #${p.id} cancelled`, detail: `Refunded ${paid}.` };
    case "rejected":
      return { title: `Request #${p.id} not filled`, detail: `The market changed before the fill; refunded ${paid}.` };
    case "voided":
      return { title: `Position #${p.id} voided`, detail: `Match abandoned; refunded ${paid}.` };
    case "stoppedOut":
      return { title: `Position #${p.id} stopped out`, detail: `Equity reached zero (${formatSignedAmount(p.realizedPnl, decimals)} ${symbol}).` };
    default:
      return { title: `Position #${p.id} settled`, detail: `PnL ${formatSignedAmount(p.realizedPnl, decimals)} ${symbol}, paid ${paid}.` };
  }
}
