"use client";
import { getAssociatedTokenAddressSync } from "@solana/spl-token";
import { useConnection } from "@solana/wallet-adapter-react";
import { PublicKey } from "@solana/web3.js";

import { usePolledQuery, type Query } from "./use-polled-query";

/** Balance (base units) of `owner`'s associated token account for `mint`; 0 when it does not exist. */
export function useTokenBalance(owner: PublicKey | null, mint: string | null, intervalMs = 3000): Query<bigint> {
  const { connection } = useConnection();
  const key = owner === null || mint === null ? null : `balance:${owner.toBase58()}:${mint}`;
  return usePolledQuery(
    key,
    async () => {
      if (owner === null || mint === null) return 0n;
      const ata = getAssociatedTokenAddressSync(new PublicKey(mint), owner, true);
      const info = await connection.getAccountInfo(ata, "confirmed");
      if (info === null) return 0n;
      const balance = await connection.getTokenAccountBalance(ata, "confirmed");
      return BigInt(balance.value.amount);
    },
    intervalMs,
  );
}
