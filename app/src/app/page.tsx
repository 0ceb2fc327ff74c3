import { MatchesFeature } from "@/features/matches/matches-feature";

export default function MatchesPage() {
  return (
    <div className="page">
      <h1>Matches</h1>
      <MatchesFeature />
    </div>
  );
}
