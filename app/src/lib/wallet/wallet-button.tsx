"use client";
import dynamic from "next/dynamic";

/** The adapter's button renders wallet state known only in the browser: no SSR, fixed-size slot. */
const WalletMultiButton = dynamic(async () => (await import("@solana/wallet-adapter-react-ui")).WalletMultiButton, {
  ssr: false,
  loading: () => <span className="wallet-slot-placeholder" />,
});

export function WalletButton() {
  return (
    <span className="wallet-slot">
      <WalletMultiButton />
    </span>
  );
}
