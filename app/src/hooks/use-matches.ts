"use client";
import { fetchAllOracle, poolPda } from "@futstar/sdk";
import { PublicKey } from "@solana/web3.js";
import { useConnection } from "@solana/wallet-adapter-react";

import { feedToView } from "@/lib/futstar/to-view";
import type { MatchView } from "@/lib/futstar/model";

import { usePolledQuery, type Query } from "./use-polled-query";
import { useProgramIds } from "./use-program-ids";

/** Every feed on the cluster (the match list), refreshed every few seconds. */
export function useMatches(intervalMs = 4000): Query<MatchView[]> & { configError: string | null } {
  const { connection } = useConnection();
  const { ids, error } = useProgramIds();
  const query = usePolledQuery(ids === null ? null : "matches", async () => {
    if (ids === null) return [];
    const feeds = await fetchAllOracle(connection, ids, "feed", [], "confirmed");
    return feeds.map((f) => feedToView(f.address, f.account));
  }, intervalMs);
  return { ...query, configError: error };
}

/** Pool address → its match, so positions (which name their pool) find their match's index. */
export function useMatchesByPool(): Map<string, MatchView> {
  const { data } = useMatches();
  const { ids } = useProgramIds();
  const map = new Map<string, MatchView>();
  if (ids === null) return map;
  for (const m of data ?? []) map.set(poolPda(ids.futstar, new PublicKey(m.feed))[0].toBase58(), m);
  return map;
}
