"use client";
import { useWallet } from "@solana/wallet-adapter-react";
import { useEffect, useMemo, useRef, useState } from "react";

import { useFeed } from "@/hooks/use-feed";
import { useMyPositions, usePool, useTrader } from "@/hooks/use-futstar-accounts";
import { useNowSeconds } from "@/hooks/use-now";
import { useTokenBalance } from "@/hooks/use-token-balance";
import { COLLATERAL_SYMBOL } from "@/lib/config";
import { formatAmount } from "@/lib/format";
import type { MomentumSample } from "@/lib/futstar/model";
import { marketBlock } from "@/features/matches/matches-model";
import { useSettlementNotifications } from "@/features/notifications/use-settlement-notifications";

import { previewOpen, livePnl, secondsToFill } from "./match-math";
import { useMatchMutations } from "./match-data-access";
import { ComponentsUi, MarketStateUi, MatchHeaderUi } from "./match-stats-ui";
import { mergeSamples, toChartPoints } from "./momentum-series";
import { MomentumChartUi } from "./momentum-chart-ui";
import { OpenPositionFormUi } from "./open-position-form-ui";
import { HistoryUi, OpenPositionsUi, PendingRequestsUi, partitionPositions } from "./positions-ui";

export function MatchFeature({ feed }: { feed: string }) {
  const now = useNowSeconds();
  const { publicKey } = useWallet();
  const { match, error } = useFeed(feed);
  const pool = usePool(feed);
  const poolView = pool.data ?? null;
  const positions = useMyPositions(publicKey, poolView?.address ?? null);
  const trader = useTrader(publicKey, poolView?.address ?? null);
  const balance = useTokenBalance(publicKey, poolView?.collateralMint ?? null);
  const mutations = useMatchMutations(poolView, trader.data ?? null);
  useSettlementNotifications(positions.data, poolView?.decimals ?? 6);

  // The chart series: the ring's samples at load, then every pushed update.
  const [series, setSeries] = useState<MomentumSample[]>([]);
  const lastSeq = useRef<bigint>(-1n);
  useEffect(() => {
    if (match === null || match.seq === lastSeq.current) return;
    lastSeq.current = match.seq;
    setSeries((s) => mergeSamples(s, match.samples.length > 0 ? match.samples : [{ ts: match.lastUpdateTs, indexBps: match.indexBps, suspended: match.suspended }]));
  }, [match]);
  const points = useMemo(() => toChartPoints(series), [series]);

  if (error !== null) return <div className="banner banner-error" role="alert" data-testid="page-error">{error}</div>;
  if (match === null) return <MatchSkeleton />;

  const decimals = poolView?.decimals ?? 6;
  const block = marketBlock(match, poolView?.status === "open", poolView?.limits.maxStalenessS ?? 0, now);
  const parts = partitionPositions(positions.data ?? []);
  const blockedReason = publicKey === null ? "Connect a wallet" : block !== null ? "Market not open" : poolView === null ? "No pool for this match" : null;

  return (
    <div className="match-page">
      <MatchHeaderUi match={match} nowS={now} />
      <MarketStateUi block={block} />
      <div className="match-grid">
        <div className="match-main">
          <MomentumChartUi points={points} homeTeam={match.homeTeam} awayTeam={match.awayTeam} />
          <ComponentsUi components={match.components} />
        </div>
        <aside className="match-side">
          {poolView !== null ? (
            <>
              <p className="muted small" data-testid="wallet-balance">
                Wallet: {balance.data === undefined ? "—" : `${formatAmount(balance.data, decimals)} ${COLLATERAL_SYMBOL}`}
              </p>
              <OpenPositionFormUi
                limits={poolView.limits}
                decimals={decimals}
                symbol={COLLATERAL_SYMBOL}
                homeTeam={match.homeTeam}
                preview={(input) => previewOpen(input, poolView, match.indexBps, balance.data ?? null)}
                blockedReason={blockedReason}
                busy={mutations.busy}
                onSubmit={(input) => {
                  void mutations.requestOpen(input).then(() => { positions.refresh(); trader.refresh(); balance.refresh(); });
                }}
              />
            </>
          ) : (
            <div className="card open-form">{pool.loading ? "Loading market…" : pool.error !== null ? pool.error.message : "No pool is open for this match."}</div>
          )}
        </aside>
      </div>
      <PendingRequestsUi
        rows={parts.pending.map((p) => ({ position: p, secondsToFill: secondsToFill(p.status === "pendingClose" ? p.closeRequestTs : p.requestTs, poolView?.limits.inplayDelayS ?? 0, now) }))}
        decimals={decimals}
        busy={mutations.busy}
        onCancel={(p) => void mutations.cancel(p).then(() => positions.refresh())}
      />
      <OpenPositionsUi
        rows={parts.open.map((p) => ({ position: p, pnl: livePnl(p, match.indexBps), secondsToExpiry: p.expiryTs === null ? null : p.expiryTs - now }))}
        decimals={decimals}
        busy={mutations.busy}
        onClose={(p) => void mutations.requestClose(p).then(() => positions.refresh())}
      />
      <HistoryUi positions={parts.history} decimals={decimals} />
    </div>
  );
}

function MatchSkeleton() {
  return (
    <div className="match-page" aria-busy="true">
      <header className="match-header skeleton" style={{ height: 96 }} />
      <div className="market-state skeleton" />
      <div className="match-grid">
        <div className="match-main">
          <div className="chart skeleton" style={{ height: 312 }} />
        </div>
        <aside className="match-side">
          <div className="card open-form skeleton" />
        </aside>
      </div>
    </div>
  );
}
