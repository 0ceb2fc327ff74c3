"use client";
import { useState } from "react";

import type { MatchView } from "@/lib/futstar/model";

import { useMatches } from "./use-matches";

/** A chosen match for per-pool pages: the user's pick, else the first live one, else the first. */
export function useSelectedMatch() {
  const matches = useMatches();
  const [picked, setPicked] = useState<string | null>(null);
  const list: MatchView[] = matches.data ?? [];
  const fallback = list.find((m) => m.status === "live") ?? list[0] ?? null;
  const selected = list.find((m) => m.feed === picked) ?? fallback;
  return { matches: list, selected, select: setPicked, loading: matches.data === undefined, error: matches.configError ?? matches.error?.message ?? null };
}
