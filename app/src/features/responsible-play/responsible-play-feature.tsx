"use client";
import { useWallet } from "@solana/wallet-adapter-react";

import { usePool, useTrader } from "@/hooks/use-futstar-accounts";
import { useNowSeconds } from "@/hooks/use-now";
import { useSelectedMatch } from "@/hooks/use-selected-match";
import { COLLATERAL_SYMBOL } from "@/lib/config";
import { MatchPickerUi } from "@/features/matches/match-picker-ui";
import { useNotifier } from "@/features/notifications/notifications-provider";

import { useResponsiblePlayMutation } from "./responsible-play-data-access";
import { ResponsiblePlayUi } from "./responsible-play-ui";

export function ResponsiblePlayFeature() {
  const now = useNowSeconds();
  const { publicKey } = useWallet();
  const { requestBrowserPermission } = useNotifier();
  const { matches, selected, select, loading, error } = useSelectedMatch();
  const pool = usePool(selected?.feed ?? null);
  const trader = useTrader(publicKey, pool.data?.address ?? null);
  const { save, busy } = useResponsiblePlayMutation(pool.data?.address ?? null, trader.data ?? null);

  if (error !== null) return <div className="page narrow"><h1>Responsible play</h1><div className="banner banner-error" role="alert">{error}</div></div>;
  return (
    <div className="page narrow">
      <h1>Responsible play</h1>
      {loading ? <div className="picker skeleton" /> : <MatchPickerUi matches={matches} selected={selected?.feed ?? null} onSelect={select} />}
      {trader.data === undefined && publicKey !== null ? (
        <div className="card skeleton-card">Loading your settings…</div>
      ) : (
        <ResponsiblePlayUi
          key={trader.data?.address ?? "new"}
          trader={trader.data ?? null}
          decimals={pool.data?.decimals ?? 6}
          symbol={COLLATERAL_SYMBOL}
          nowS={now}
          busy={busy}
          blockedReason={publicKey === null ? "Connect a wallet" : pool.data === null || pool.data === undefined ? "No pool" : null}
          onSave={(input) => void save(input).then(() => trader.refresh())}
        />
      )}
      <section className="card">
        <h2>Notifications</h2>
        <p className="muted small">Get a browser notification when a position settles.</p>
        <button type="button" onClick={requestBrowserPermission}>Allow notifications</button>
      </section>
    </div>
  );
}
