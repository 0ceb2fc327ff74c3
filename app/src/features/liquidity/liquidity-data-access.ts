"use client";
import { poolDeposit, poolWithdraw } from "@futstar/sdk";
import { createAssociatedTokenAccountIdempotentInstruction, getAssociatedTokenAddressSync } from "@solana/spl-token";
import { useWallet } from "@solana/wallet-adapter-react";
import { PublicKey } from "@solana/web3.js";
import { useCallback } from "react";

import { useProgramIds } from "@/hooks/use-program-ids";
import { useSendTransaction } from "@/hooks/use-send-transaction";
import type { PoolView } from "@/lib/futstar/model";

export function useLiquidityMutations(pool: PoolView | null) {
  const { publicKey } = useWallet();
  const { ids } = useProgramIds();
  const { send, busy } = useSendTransaction();
  const accounts = useCallback(() => {
    if (ids === null || publicKey === null || pool === null) return null;
    const lpMint = new PublicKey(pool.lpMint);
    const providerLp = getAssociatedTokenAddressSync(lpMint, publicKey, true);
    return {
      ids,
      publicKey,
      poolKey: new PublicKey(pool.address),
      feed: new PublicKey(pool.feed),
      providerToken: getAssociatedTokenAddressSync(new PublicKey(pool.collateralMint), publicKey, true),
      providerLp,
      createLp: createAssociatedTokenAccountIdempotentInstruction(publicKey, providerLp, publicKey, lpMint),
    };
  }, [ids, publicKey, pool]);

  const deposit = useCallback(async (amount: bigint) => {
    const a = accounts();
    if (a === null) return;
    await send("Deposit", [a.createLp, poolDeposit(a.ids, { provider: a.publicKey, pool: a.poolKey, feed: a.feed, providerToken: a.providerToken, providerLp: a.providerLp, amount })]);
  }, [accounts, send]);

  const withdraw = useCallback(async (shares: bigint) => {
    const a = accounts();
    if (a === null) return;
    await send("Withdraw", [poolWithdraw(a.ids, { provider: a.publicKey, pool: a.poolKey, feed: a.feed, providerToken: a.providerToken, providerLp: a.providerLp, shares })]);
  }, [accounts, send]);

  return { deposit, withdraw, busy };
}
