"use client";
import { useWallet } from "@solana/wallet-adapter-react";

import { usePool } from "@/hooks/use-futstar-accounts";
import { useSelectedMatch } from "@/hooks/use-selected-match";
import { useTokenBalance } from "@/hooks/use-token-balance";
import { COLLATERAL_SYMBOL } from "@/lib/config";
import { formatAmount } from "@/lib/format";
import { MatchPickerUi } from "@/features/matches/match-picker-ui";

import { useLiquidityMutations } from "./liquidity-data-access";
import { liquidityStats } from "./liquidity-stats";
import { LiquidityFormUi, PoolStatsUi } from "./liquidity-ui";

export function LiquidityFeature() {
  const { publicKey } = useWallet();
  const { matches, selected, select, loading, error } = useSelectedMatch();
  const pool = usePool(selected?.feed ?? null);
  const poolView = pool.data ?? null;
  const lp = useTokenBalance(publicKey, poolView?.lpMint ?? null);
  const collateral = useTokenBalance(publicKey, poolView?.collateralMint ?? null);
  const { deposit, withdraw, busy } = useLiquidityMutations(poolView);
  const refresh = () => { pool.refresh(); lp.refresh(); collateral.refresh(); };

  if (error !== null) return <div className="page"><h1>Liquidity</h1><div className="banner banner-error" role="alert">{error}</div></div>;
  return (
    <div className="page">
      <h1>Liquidity</h1>
      {loading ? <div className="picker skeleton" /> : <MatchPickerUi matches={matches} selected={selected?.feed ?? null} onSelect={select} />}
      <div className="two-col">
        {poolView === null ? (
          <div className="card skeleton-card">{pool.loading || loading ? "Loading pool…" : "No pool for this match."}</div>
        ) : (
          <PoolStatsUi pool={poolView} stats={liquidityStats(poolView, lp.data ?? 0n, selected?.indexBps ?? null)} symbol={COLLATERAL_SYMBOL} />
        )}
        <div>
          <p className="muted small" data-testid="wallet-balance">
            Wallet: {collateral.data === undefined ? "—" : `${formatAmount(collateral.data, poolView?.decimals ?? 6)} ${COLLATERAL_SYMBOL}`}
          </p>
          <LiquidityFormUi
            decimals={poolView?.decimals ?? 6}
            symbol={COLLATERAL_SYMBOL}
            busy={busy}
            blockedReason={publicKey === null ? "Connect a wallet" : poolView === null ? "No pool" : null}
            onDeposit={(amount) => void deposit(amount).then(refresh)}
            onWithdraw={(shares) => void withdraw(shares).then(refresh)}
          />
        </div>
      </div>
    </div>
  );
}
