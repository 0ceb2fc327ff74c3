import type { MatchView } from "@/lib/futstar/model";

/** Select a match (pages whose accounts are per pool: liquidity, responsible play). */
export function MatchPickerUi({ matches, selected, onSelect }: { matches: readonly MatchView[]; selected: string | null; onSelect: (feed: string) => void }) {
  return (
    <label className="picker">
      Match
      <select value={selected ?? ""} onChange={(e) => onSelect(e.target.value)} name="match">
        {selected === null ? <option value="">Choose a match</option> : null}
        {matches.map((m) => (
          <option key={m.feed} value={m.feed}>
            {m.homeTeam} vs {m.awayTeam}{m.synthetic ? " (synthetic)" : ""}
          </option>
        ))}
      </select>
    </label>
  );
}
