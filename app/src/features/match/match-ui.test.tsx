import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import type { PoolView, PositionView } from "@/lib/futstar/model";

import { previewOpen } from "./match-math";
import { MarketStateUi } from "./match-stats-ui";
import { OpenPositionFormUi } from "./open-position-form-ui";
import { OpenPositionsUi, PendingRequestsUi, partitionPositions } from "./positions-ui";

afterEach(cleanup);

const pool: PoolView = {
  address: "P", feed: "F", collateralMint: "M", lpMint: "L", decimals: 6, liquidity: 10n ** 12n, reserved: 0n, oiLong: 0n, oiShort: 0n, entrySumLong: 0n, entrySumShort: 0n, collateralLocked: 0n, lpSupply: 10n ** 12n, status: "open",
  limits: { maxLeverage: 10, inplayDelayS: 5, maxStalenessS: 10, maxOpenPositions: 5, minCollateral: 1_000_000n, maxNotional: 10n ** 11n, maxPayout: 10n ** 11n, durations: [300, null] },
  openFeeBps: 10, closeFeeBps: 10,
};

function form(blockedReason: string | null, onSubmit: (i: unknown) => void = () => undefined) {
  return render(
    <OpenPositionFormUi limits={pool.limits} decimals={6} symbol="USDC" homeTeam="France" preview={(i) => previewOpen(i, pool, 5000, 100_000_000n)} blockedReason={blockedReason} busy={false} onSubmit={onSubmit} />,
  );
}

describe("open-position form", () => {
  it("previews cost and max payout, and submits the typed order", () => {
    const submitted: unknown[] = [];
    form(null, (i) => submitted.push(i));
    expect(screen.getByTestId("preview-cost").textContent).toBe("10.05 USDC");
    fireEvent.change(screen.getByRole("textbox"), { target: { value: "20" } });
    fireEvent.click(screen.getByRole("radio", { name: "Short France" }));
    expect(screen.getByTestId("preview-cost").textContent).toBe("20.1 USDC");
    fireEvent.click(screen.getByTestId("open-submit"));
    expect(submitted).toEqual([{ side: "short", collateral: 20_000_000n, leverage: 5, durationS: 300 }]);
  });
  it("shows the failing field and keeps submit disabled", () => {
    form(null);
    fireEvent.change(screen.getByRole("textbox"), { target: { value: "500" } });
    expect(screen.getByTestId("form-error").textContent).toBe("Insufficient balance for collateral plus fee");
    expect((screen.getByTestId("open-submit") as HTMLButtonElement).disabled).toBe(true);
  });
  it("says why the market does not take orders", () => {
    form("Market not open");
    expect(screen.getByTestId("open-submit").textContent).toBe("Market not open");
  });
});

const pos = (status: PositionView["status"], id: bigint): PositionView => ({
  address: `pos${id}`, pool: "P", id, side: "long", status, leverage: 5, collateral: 10_000_000n, notional: 50_000_000n, openFee: 50_000n, maxProfit: 25_000_000n,
  entryIndexBps: 5000, exitIndexBps: 0, requestTs: 100, entryTs: 106, expiryTs: 406, closeRequestTs: 0, payout: 0n, realizedPnl: 0n,
});

describe("positions", () => {
  it("pending requests count down and can be cancelled only before they are fillable", () => {
    const cancelled: string[] = [];
    render(<PendingRequestsUi rows={[{ position: pos("pendingOpen", 1n), secondsToFill: 4 }, { position: pos("pendingOpen", 2n), secondsToFill: 0 }]} decimals={6} busy={false} onCancel={(p) => cancelled.push(p.address)} />);
    const cells = screen.getAllByTestId("fill-countdown").map((c) => c.textContent);
    expect(cells).toEqual(["0:04", "filling…"]);
    const buttons = screen.getAllByRole("button", { name: "Cancel" });
    expect(buttons).toHaveLength(1);
    fireEvent.click(buttons[0]!);
    expect(cancelled).toEqual(["pos1"]);
  });
  it("open positions show live PnL with sign and a close button", () => {
    render(<OpenPositionsUi rows={[{ position: pos("open", 3n), pnl: -1_250_000n, secondsToExpiry: 65 }]} decimals={6} busy={false} onClose={() => undefined} />);
    expect(screen.getByTestId("live-pnl").textContent).toBe("−1.25");
    expect(screen.getByTestId("close-position")).toBeTruthy();
  });
  it("partitions into pending, open and history", () => {
    const parts = partitionPositions([pos("pendingOpen", 1n), pos("open", 2n), pos("pendingClose", 3n), pos("settled", 4n), pos("cancelled", 5n)]);
    expect(parts.pending.map((p) => p.id)).toEqual([1n, 3n]);
    expect(parts.open.map((p) => p.id)).toEqual([2n, 3n]);
    expect(parts.history.map((p) => p.id)).toEqual([5n, 4n]);
  });
  it("market banner states suspension clearly", () => {
    render(<MarketStateUi block="suspended" />);
    expect(screen.getByTestId("market-state").textContent).toMatch(/^Market suspended/);
  });
});
