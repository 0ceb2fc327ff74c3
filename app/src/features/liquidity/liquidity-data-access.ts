"use client";
import { math, poolDeposit, poolWithdraw } from "@futstar/sdk";
import { createAssociatedTokenAccountIdempotentInstruction, getAssociatedTokenAddressSync } from "@solana/spl-token";
import { useWallet } from "@solana/wallet-adapter-react";
import { PublicKey } from "@solana/web3.js";
import { useCallback } from "react";

import { useProgramIds } from "@/hooks/use-program-ids";
import { useSendTransaction } from "@/hooks/use-send-transaction";
import type { PoolView } from "@/lib/futstar/model";

import type { LiquidityStats } from "./liquidity-ui";

/** Pool numbers for LPs, with the SDK's LP math (value per share, withdrawable part). */
export function liquidityStats(pool: PoolView, myShares: bigint): LiquidityStats {
  const one = 10n ** BigInt(pool.decimals);
  return {
    utilisationBps: pool.liquidity === 0n ? 0 : Number((pool.reserved * 10_000n) / pool.liquidity),
    shareValue: pool.lpSupply === 0n ? null : math.amountForWithdraw(one, pool.lpSupply, pool.liquidity),
    myShares,
    myValue: pool.lpSupply === 0n || myShares === 0n ? 0n : math.amountForWithdraw(myShares, pool.lpSupply, pool.liquidity),
    free: pool.liquidity - pool.reserved,
  };
}

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
      providerToken: getAssociatedTokenAddressSync(new PublicKey(pool.collateralMint), publicKey, true),
      providerLp,
      createLp: createAssociatedTokenAccountIdempotentInstruction(publicKey, providerLp, publicKey, lpMint),
    };
  }, [ids, publicKey, pool]);

  const deposit = useCallback(async (amount: bigint) => {
    const a = accounts();
    if (a === null) return;
    await send("Deposit", [a.createLp, poolDeposit(a.ids, { provider: a.publicKey, pool: a.poolKey, providerToken: a.providerToken, providerLp: a.providerLp, amount })]);
  }, [accounts, send]);

  const withdraw = useCallback(async (shares: bigint) => {
    const a = accounts();
    if (a === null) return;
    await send("Withdraw", [poolWithdraw(a.ids, { provider: a.publicKey, pool: a.poolKey, providerToken: a.providerToken, providerLp: a.providerLp, shares })]);
  }, [accounts, send]);

  return { deposit, withdraw, busy };
}
