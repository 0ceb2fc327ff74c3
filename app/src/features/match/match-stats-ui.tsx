import { formatIndex } from "@/lib/format";
import { STATUS_LABEL, type MatchView, type MomentumComponents } from "@/lib/futstar/model";
import { IndexBar, SyntheticBadge } from "@/features/matches/matches-ui";

import { MARKET_BLOCK_TEXT, type MarketBlock } from "../matches/matches-model";

const COMPONENTS: readonly { key: keyof MomentumComponents; label: string; weight: string }[] = [
  { key: "possession", label: "Possession", weight: "20 %" },
  { key: "shots", label: "Shots ratio", weight: "20 %" },
  { key: "xg", label: "xG ratio", weight: "30 %" },
  { key: "fieldTilt", label: "Field tilt", weight: "20 %" },
  { key: "recentEvents", label: "Recent events", weight: "10 %" },
];

export function MatchHeaderUi({ match, nowS }: { match: MatchView; nowS: number }) {
  const age = match.lastUpdateTs === 0 ? null : Math.max(0, nowS - match.lastUpdateTs);
  return (
    <header className="match-header">
      <div className="match-title">
        <h1>
          {match.homeTeam} <span className="muted">vs</span> {match.awayTeam}
        </h1>
        <div className="match-badges">
          <span className={`badge badge-${match.status}`} data-testid="match-status">{STATUS_LABEL[match.status]}</span>
          {match.synthetic ? <SyntheticBadge /> : null}
        </div>
      </div>
      <div className="match-index">
        <span className="index-big" data-testid="index-value">{formatIndex(match.indexBps)}</span>
        <IndexBar indexBps={match.indexBps} label="Momentum index" />
        <span className="muted small">
          seq {match.seq.toString()} · {age === null ? "no update yet" : `updated ${age}s ago`}
        </span>
      </div>
    </header>
  );
}

export function ComponentsUi({ components }: { components: MomentumComponents }) {
  return (
    <section className="card components" aria-label="Momentum components">
      <h2>Components</h2>
      <ul>
        {COMPONENTS.map((c) => (
          <li key={c.key}>
            <span className="component-label">
              {c.label} <span className="muted small">{c.weight}</span>
            </span>
            <IndexBar indexBps={components[c.key]} label={c.label} />
            <span className="component-value">{formatIndex(components[c.key])}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The one banner that says why orders are not accepted; reserved height so nothing shifts. */
export function MarketStateUi({ block }: { block: MarketBlock | null }) {
  return (
    <div className={`market-state ${block === null ? "market-open" : `market-${block}`}`} role="status" data-testid="market-state">
      {block === null ? "Market open — orders fill at the first oracle sample after the in-play delay." : MARKET_BLOCK_TEXT[block]}
    </div>
  );
}
