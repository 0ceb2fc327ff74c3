"use client";
import { useEffect, useRef } from "react";

import { COLLATERAL_SYMBOL } from "@/lib/config";
import type { PositionView } from "@/lib/futstar/model";

import { useNotifier } from "./notifications-provider";
import { newlyFinal, settlementMessage } from "./settlement-watch";

/** Toast + browser notification when one of the trader's positions settles. */
export function useSettlementNotifications(positions: readonly PositionView[] | undefined, decimals: number): void {
  const { notify } = useNotifier();
  const previous = useRef<readonly PositionView[] | null>(null);
  useEffect(() => {
    if (positions === undefined) return;
    if (previous.current !== null) {
      for (const p of newlyFinal(previous.current, positions)) {
        const m = settlementMessage(p, decimals, COLLATERAL_SYMBOL);
        notify(p.status === "stoppedOut" ? "error" : "success", m.title, m.detail, { browser: true });
      }
    }
    previous.current = positions;
  }, [positions, decimals, notify]);
}
