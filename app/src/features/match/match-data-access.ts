"use client";
/** Mutations of the match page: request open, request close, cancel a pending request. */
import {
  DURATION_MATCH_END, math, positionCancelRequest, positionRequestClose, positionRequestOpen, traderInit, traderPda,
} from "@futstar/sdk";
import { getAssociatedTokenAddressSync } from "@solana/spl-token";
import { useWallet } from "@solana/wallet-adapter-react";
import { PublicKey, type TransactionInstruction } from "@solana/web3.js";
import { useCallback } from "react";

import { useProgramIds } from "@/hooks/use-program-ids";
import { useSendTransaction, type SendResult } from "@/hooks/use-send-transaction";
import type { PoolView, PositionView, TraderView } from "@/lib/futstar/model";

import type { OpenInput } from "./match-math";

const NOT_READY: SendResult = { ok: false, message: { kind: "walletNotConnected", title: "Wallet not connected", detail: "Connect a wallet first." } };

export function useMatchMutations(pool: PoolView | null, trader: TraderView | null) {
  const { publicKey } = useWallet();
  const { ids } = useProgramIds();
  const { send, busy } = useSendTransaction();

  const requestOpen = useCallback(
    async (input: OpenInput): Promise<SendResult> => {
      if (ids === null || publicKey === null || pool === null) return NOT_READY;
      const poolKey = new PublicKey(pool.address);
      const ixs: TransactionInstruction[] = [];
      if (trader === null) ixs.push(traderInit(ids, { owner: publicKey, pool: poolKey }));
      const positionId = trader === null ? 0n : trader.nextPositionId;
      ixs.push(
        positionRequestOpen(ids, {
          owner: publicKey,
          pool: poolKey,
          feed: new PublicKey(pool.feed),
          positionId,
          ownerToken: getAssociatedTokenAddressSync(new PublicKey(pool.collateralMint), publicKey, true),
          side: input.side === "long" ? math.Side.Long : math.Side.Short,
          leverage: input.leverage,
          collateral: input.collateral,
          durationS: input.durationS ?? DURATION_MATCH_END,
        }),
      );
      return send(`Open ${input.side} request`, ixs);
    },
    [ids, publicKey, pool, trader, send],
  );

  const requestClose = useCallback(
    (position: PositionView) => {
      if (ids === null || publicKey === null) return Promise.resolve(NOT_READY);
      return send(`Close #${position.id}`, [positionRequestClose(ids, { owner: publicKey, position: new PublicKey(position.address) })]);
    },
    [ids, publicKey, send],
  );

  const cancel = useCallback(
    (position: PositionView) => {
      if (ids === null || publicKey === null || pool === null) return Promise.resolve(NOT_READY);
      const poolKey = new PublicKey(pool.address);
      return send(`Cancel #${position.id}`, [
        positionCancelRequest(ids, {
          owner: publicKey,
          pool: poolKey,
          feed: new PublicKey(pool.feed),
          position: new PublicKey(position.address),
          trader: traderPda(ids.futstar, poolKey, publicKey)[0],
          ownerToken: getAssociatedTokenAddressSync(new PublicKey(pool.collateralMint), publicKey, true),
        }),
      ]);
    },
    [ids, publicKey, pool, send],
  );

  return { requestOpen, requestClose, cancel, busy };
}

