"use client";
/** Queries of futstar accounts (pool + exchange fees, the wallet's positions and trader account). */
import { exchangePda, fetchFutstarAccount, fetchPositionsByOwner, poolPda, traderPda } from "@futstar/sdk";
import { useConnection } from "@solana/wallet-adapter-react";
import { PublicKey } from "@solana/web3.js";

import { poolToView, positionToView, traderToView } from "@/lib/futstar/to-view";
import type { PoolView, PositionView, TraderView } from "@/lib/futstar/model";

import { usePolledQuery, type Query } from "./use-polled-query";
import { useProgramIds } from "./use-program-ids";

/** The pool of a match (PDA from the feed), with the exchange's fee settings; null if none. */
export function usePool(feed: string | null, intervalMs = 3000): Query<PoolView | null> {
  const { connection } = useConnection();
  const { ids } = useProgramIds();
  return usePolledQuery(ids === null || feed === null ? null : `pool:${feed}`, async () => {
    if (ids === null || feed === null) return null;
    const [address] = poolPda(ids.futstar, new PublicKey(feed));
    const [pool, exchange] = await Promise.all([
      fetchFutstarAccount(connection, ids, "pool", address, "confirmed"),
      fetchFutstarAccount(connection, ids, "exchange", exchangePda(ids.futstar)[0], "confirmed"),
    ]);
    if (pool === null) return null;
    if (exchange === null) throw new Error("The exchange account does not exist on this cluster.");
    return poolToView(address, pool, exchange);
  }, intervalMs);
}

/** Every position of `owner` (optionally in one pool), newest first. */
export function useMyPositions(owner: PublicKey | null, pool: string | null, intervalMs = 2000): Query<PositionView[]> {
  const { connection } = useConnection();
  const { ids } = useProgramIds();
  return usePolledQuery(ids === null || owner === null ? null : `positions:${owner.toBase58()}:${pool ?? "*"}`, async () => {
    if (ids === null || owner === null) return [];
    const found = await fetchPositionsByOwner(connection, ids, owner);
    return found
      .map((k) => positionToView(k.address, k.account))
      .filter((p) => pool === null || p.pool === pool)
      .sort((a, b) => (a.id === b.id ? a.pool.localeCompare(b.pool) : Number(b.id - a.id)));
  }, intervalMs);
}

/** The owner's trader account in `pool`; null before its first order. */
export function useTrader(owner: PublicKey | null, pool: string | null, intervalMs = 4000): Query<TraderView | null> {
  const { connection } = useConnection();
  const { ids } = useProgramIds();
  return usePolledQuery(ids === null || owner === null || pool === null ? null : `trader:${owner.toBase58()}:${pool}`, async () => {
    if (ids === null || owner === null || pool === null) return null;
    const [address] = traderPda(ids.futstar, new PublicKey(pool), owner);
    const t = await fetchFutstarAccount(connection, ids, "trader", address, "confirmed");
    return t === null ? null : traderToView(address, t);
  }, intervalMs);
}
