"use client";
import { decodeOracleAccount, fetchOracleAccount } from "@futstar/sdk";
import { useConnection } from "@solana/wallet-adapter-react";
import { PublicKey } from "@solana/web3.js";
import { useEffect, useState } from "react";

import { feedToView } from "@/lib/futstar/to-view";
import type { MatchView } from "@/lib/futstar/model";

import { useProgramIds } from "./use-program-ids";

/** One feed, fetched once then kept current by the account subscription (WebSocket). */
export function useFeed(feedAddress: string): { match: MatchView | null; error: string | null; updates: number } {
  const { connection } = useConnection();
  const { ids, error: idsError } = useProgramIds();
  const [state, setState] = useState<{ match: MatchView | null; error: string | null; updates: number }>({ match: null, error: null, updates: 0 });

  useEffect(() => {
    if (ids === null) return;
    let address: PublicKey;
    try {
      address = new PublicKey(feedAddress);
    } catch {
      setState({ match: null, error: `"${feedAddress}" is not a feed address`, updates: 0 });
      return;
    }
    let live = true;
    fetchOracleAccount(connection, ids, "feed", address, "confirmed").then(
      (feed) => {
        if (!live) return;
        if (feed === null) setState({ match: null, error: "This match feed does not exist on this cluster.", updates: 0 });
        else setState((s) => (s.match !== null ? s : { match: feedToView(address, feed), error: null, updates: 0 }));
      },
      (e: unknown) => live && setState({ match: null, error: e instanceof Error ? e.message : String(e), updates: 0 }),
    );
    const sub = connection.onAccountChange(
      address,
      (info) => {
        if (!live || !info.owner.equals(ids.momentumOracle)) return;
        try {
          const view = feedToView(address, decodeOracleAccount("feed", info.data));
          setState((s) => ({ match: view, error: null, updates: s.updates + 1 }));
        } catch (e) {
          setState((s) => ({ ...s, error: `feed decode failed: ${e instanceof Error ? e.message : String(e)}` }));
        }
      },
      { commitment: "confirmed" },
    );
    return () => {
      live = false;
      void connection.removeAccountChangeListener(sub);
    };
  }, [connection, ids, feedAddress]);

  return ids === null ? { match: null, error: idsError, updates: 0 } : state;
}
