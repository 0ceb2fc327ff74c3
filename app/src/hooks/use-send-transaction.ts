"use client";
/**
 * Sends instructions through the connected wallet and waits for confirmation; any failure is
 * decoded (SDK error decoder for program errors) and reported as one clear toast.
 */
import { decodeTransactionError } from "@futstar/sdk";
import { useConnection, useWallet } from "@solana/wallet-adapter-react";
import { Transaction, type TransactionInstruction } from "@solana/web3.js";
import { useCallback, useState } from "react";

import { useNotifier } from "@/features/notifications/notifications-provider";
import { traderMessage, type TraderMessage } from "@/lib/errors/trader-message";

import { useProgramIds } from "./use-program-ids";

export type SendResult = { ok: true; signature: string } | { ok: false; message: TraderMessage };

export function useSendTransaction(): { send: (label: string, instructions: TransactionInstruction[]) => Promise<SendResult>; busy: boolean } {
  const { connection } = useConnection();
  const wallet = useWallet();
  const { ids } = useProgramIds();
  const { notify } = useNotifier();
  const [busy, setBusy] = useState(false);

  const send = useCallback(
    async (label: string, instructions: TransactionInstruction[]): Promise<SendResult> => {
      setBusy(true);
      try {
        if (wallet.publicKey === null) throw Object.assign(new Error("Wallet not connected"), { name: "WalletNotConnectedError" });
        const { blockhash, lastValidBlockHeight } = await connection.getLatestBlockhash("confirmed");
        const tx = new Transaction({ feePayer: wallet.publicKey, blockhash, lastValidBlockHeight }).add(...instructions);
        const signature = await wallet.sendTransaction(tx, connection, { preflightCommitment: "confirmed" });
        const result = await connection.confirmTransaction({ signature, blockhash, lastValidBlockHeight }, "confirmed");
        if (result.value.err !== null) {
          const logs = (await connection.getTransaction(signature, { commitment: "confirmed", maxSupportedTransactionVersion: 0 }))?.meta?.logMessages ?? [];
          throw Object.assign(new Error(`transaction ${signature} failed: ${JSON.stringify(result.value.err)}`), { logs, err: result.value.err });
        }
        notify("success", `${label} sent`, `Confirmed: ${signature.slice(0, 12)}…`);
        return { ok: true, signature };
      } catch (error) {
        const decoded = ids === null ? null : decodeTransactionError(error, ids, instructions.map((ix) => ix.programId));
        const message = traderMessage(error, decoded !== null && decoded.name !== null && decoded.code !== null ? { code: decoded.code, name: decoded.name, message: decoded.message } : null);
        notify("error", message.title, message.detail);
        return { ok: false, message };
      } finally {
        setBusy(false);
      }
    },
    [connection, wallet, ids, notify],
  );
  return { send, busy };
}
