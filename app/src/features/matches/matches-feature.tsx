"use client";
import { useMatches } from "@/hooks/use-matches";

import { groupMatches } from "./matches-model";
import { MatchListSkeleton, MatchListUi } from "./matches-ui";

export function MatchesFeature() {
  const { data, error, configError } = useMatches();
  if (configError !== null) return <div className="banner banner-error" role="alert">{configError}</div>;
  if (error !== null && data === undefined) return <div className="banner banner-error" role="alert">Cannot load matches: {error.message}</div>;
  if (data === undefined) return <MatchListSkeleton />;
  return <MatchListUi groups={groupMatches(data)} />;
}
