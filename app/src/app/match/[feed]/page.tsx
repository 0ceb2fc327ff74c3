import { MatchFeature } from "@/features/match/match-feature";

export default async function MatchPage({ params }: { params: Promise<{ feed: string }> }) {
  const { feed } = await params;
  return <MatchFeature feed={feed} />;
}
