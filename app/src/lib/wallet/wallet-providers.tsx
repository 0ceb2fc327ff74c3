"use client";
/**
 * Connection + wallet. Wallets come from Wallet Standard discovery only (Phantom, Solflare,
 * Backpack… register themselves), so `wallets` is empty on purpose.
 */
import { ConnectionProvider, WalletProvider } from "@solana/wallet-adapter-react";
import { WalletModalProvider } from "@solana/wallet-adapter-react-ui";
import type { WalletError } from "@solana/wallet-adapter-base";
import { useCallback, type ReactNode } from "react";

import { appConfig } from "@/lib/config";
import { useNotifier } from "@/features/notifications/notifications-provider";
import { traderMessage } from "@/lib/errors/trader-message";

import "@solana/wallet-adapter-react-ui/styles.css";

export function WalletProviders({ children }: { children: ReactNode }) {
  const { notify } = useNotifier();
  const onError = useCallback(
    (error: WalletError) => {
      const m = traderMessage(error, null);
      notify("error", m.title, m.detail);
    },
    [notify],
  );
  return (
    <ConnectionProvider endpoint={appConfig.rpcUrl} config={{ commitment: "confirmed", wsEndpoint: appConfig.wsUrl }}>
      <WalletProvider wallets={[]} autoConnect onError={onError}>
        <WalletModalProvider>{children}</WalletModalProvider>
      </WalletProvider>
    </ConnectionProvider>
  );
}
