"use client";
import { useWallet } from "@solana/wallet-adapter-react";

import { useMyPositions } from "@/hooks/use-futstar-accounts";
import { useMatchesByPool } from "@/hooks/use-matches";
import { COLLATERAL_SYMBOL } from "@/lib/config";
import { livePnl } from "@/features/match/match-math";
import { useSettlementNotifications } from "@/features/notifications/use-settlement-notifications";

import { PortfolioUi } from "./portfolio-ui";

/** Every position of the wallet across matches, with live PnL at each match's current index. */
export function PortfolioFeature() {
  const { publicKey } = useWallet();
  const positions = useMyPositions(publicKey, null);
  const byPool = useMatchesByPool();
  // Positions span pools; all pools use USDC-like 6-decimal collateral (issue 3).
  const decimals = 6;
  useSettlementNotifications(positions.data, decimals);
  if (publicKey === null) return <div className="page"><h1>Portfolio</h1><p className="muted">Connect a wallet to see your positions.</p></div>;
  if (positions.error !== null) return <div className="banner banner-error" role="alert">{positions.error.message}</div>;
  const rows = (positions.data ?? []).map((p) => {
    const match = byPool.get(p.pool) ?? null;
    return { position: p, match, pnl: match !== null && p.status === "open" ? livePnl(p, match.indexBps) : null };
  });
  return (
    <div className="page">
      <h1>Portfolio</h1>
      {positions.data === undefined ? <div className="card skeleton-card">Loading positions…</div> : <PortfolioUi rows={rows} decimals={decimals} symbol={COLLATERAL_SYMBOL} />}
    </div>
  );
}
