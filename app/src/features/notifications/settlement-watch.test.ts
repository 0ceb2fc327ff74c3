import { describe, expect, it } from "vitest";

import type { PositionView } from "@/lib/futstar/model";

import { newlyFinal, settlementMessage } from "./settlement-watch";

const p = (address: string, status: PositionView["status"], extra: Partial<PositionView> = {}) => ({ address, id: 7n, status, payout: 12_500_000n, realizedPnl: 2_500_000n, ...extra }) as PositionView;

describe("settlement notifications", () => {
  it("fires once, only for positions that just became final", () => {
    const before = [p("a", "open"), p("b", "pendingClose"), p("c", "settled")];
    const after = [p("a", "settled"), p("b", "pendingClose"), p("c", "settled"), p("d", "settled")];
    expect(newlyFinal(before, after).map((x) => x.address)).toEqual(["a"]);
    expect(newlyFinal(after, after)).toEqual([]);
  });
  it("says what was paid", () => {
    expect(settlementMessage(p("a", "settled"), 6, "USDC")).toEqual({ title: "Position #7 settled", detail: "PnL +2.5 USDC, paid 12.5 USDC." });
    expect(settlementMessage(p("a", "voided"), 6, "USDC").title).toBe("Position #7 voided");
  });
});
