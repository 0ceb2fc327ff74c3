"use client";
/** theme → cluster → connection → wallet, plus toasts (wallet errors are reported through them). */
import type { ReactNode } from "react";

import { AgeGateFeature } from "@/features/compliance/age-gate-feature";
import { NotificationsProvider } from "@/features/notifications/notifications-provider";
import { ClusterProvider } from "@/hooks/use-cluster";
import { HydrationMark } from "@/lib/hydration-mark";
import { WalletProviders } from "@/lib/wallet/wallet-providers";

export function Providers({ children }: { children: ReactNode }) {
  // Theme: one dark theme via CSS variables in globals.css (no runtime switch needed).
  return (
    <ClusterProvider>
      <HydrationMark />
      <NotificationsProvider>
        <WalletProviders>
          <AgeGateFeature>{children}</AgeGateFeature>
        </WalletProviders>
      </NotificationsProvider>
    </ClusterProvider>
  );
}
