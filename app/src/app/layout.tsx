import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";

import { Providers } from "@/providers";
import { WalletButton } from "@/lib/wallet/wallet-button";
import { appConfig } from "@/lib/config";

import "./globals.css";

export const metadata: Metadata = {
  title: "Futstar — trade match momentum",
  description: "Long or short the momentum of a live football match, settled on Solana.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>
          <header className="topbar">
            <Link href="/" className="brand">Futstar</Link>
            <nav>
              <Link href="/">Matches</Link>
              <Link href="/portfolio">Portfolio</Link>
              <Link href="/liquidity">Liquidity</Link>
              <Link href="/responsible-play">Responsible play</Link>
            </nav>
            <span className="cluster" data-testid="cluster">{appConfig.cluster}</span>
            <WalletButton />
          </header>
          <main>{children}</main>
          <footer className="footer muted small">
            18+ only. Trading on match momentum can lose your whole stake. Set limits under Responsible play.
            <br />
            Replays of Wyscout public match data: Pappalardo et al., Scientific Data 6, 236 (2019), CC BY 4.0.
          </footer>
        </Providers>
      </body>
    </html>
  );
}
