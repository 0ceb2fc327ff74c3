"use client";
import { useCallback, useEffect, useRef, useState } from "react";

export interface Query<T> {
  readonly data: T | undefined;
  readonly error: Error | null;
  readonly loading: boolean;
  /** Re-runs the fetch now (after a transaction). */
  refresh(): void;
}

/**
 * Runs `fetcher` when `key` changes and every `intervalMs`; keeps the last data while refreshing
 * (no flicker). A null key disables the query.
 */
export function usePolledQuery<T>(key: string | null, fetcher: () => Promise<T>, intervalMs: number): Query<T> {
  const [state, setState] = useState<{ key: string | null; data: T | undefined; error: Error | null }>({ key: null, data: undefined, error: null });
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;
  const [tick, setTick] = useState(0);
  const refresh = useCallback(() => setTick((t) => t + 1), []);

  useEffect(() => {
    if (key === null) return;
    let live = true;
    const run = () => {
      fetcherRef.current().then(
        (data) => live && setState({ key, data, error: null }),
        (error: unknown) => live && setState((s) => ({ key, data: s.key === key ? s.data : undefined, error: error instanceof Error ? error : new Error(String(error)) })),
      );
    };
    run();
    const id = intervalMs > 0 ? setInterval(run, intervalMs) : null;
    return () => {
      live = false;
      if (id !== null) clearInterval(id);
    };
  }, [key, intervalMs, tick]);

  const current = state.key === key;
  return { data: current ? state.data : undefined, error: current ? state.error : null, loading: key !== null && (!current || (state.data === undefined && state.error === null)), refresh };
}
