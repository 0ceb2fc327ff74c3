"use client";
import { traderInit, traderSetLimits } from "@futstar/sdk";
import { useWallet } from "@solana/wallet-adapter-react";
import { PublicKey, type TransactionInstruction } from "@solana/web3.js";
import { useCallback } from "react";

import { useProgramIds } from "@/hooks/use-program-ids";
import { useSendTransaction } from "@/hooks/use-send-transaction";
import type { TraderView } from "@/lib/futstar/model";

import type { LimitsInput } from "./responsible-play-ui";

/** Writes the trader's limits and self-exclusion on chain (creating the trader account first if needed). */
export function useResponsiblePlayMutation(pool: string | null, trader: TraderView | null) {
  const { publicKey } = useWallet();
  const { ids } = useProgramIds();
  const { send, busy } = useSendTransaction();
  const save = useCallback(
    async (input: LimitsInput) => {
      if (ids === null || publicKey === null || pool === null) return;
      const poolKey = new PublicKey(pool);
      const ixs: TransactionInstruction[] = [];
      if (trader === null) ixs.push(traderInit(ids, { owner: publicKey, pool: poolKey }));
      const keep = trader?.selfExcludedUntil ?? 0;
      ixs.push(
        traderSetLimits(ids, {
          owner: publicKey,
          pool: poolKey,
          dailyLossLimit: input.dailyLossLimit,
          dailyDepositLimit: input.dailyDepositLimit,
          selfExcludedUntil: BigInt(Math.max(keep, input.selfExcludeUntil)),
        }),
      );
      await send("Responsible-play settings", ixs);
    },
    [ids, publicKey, pool, trader, send],
  );
  return { save, busy };
}
