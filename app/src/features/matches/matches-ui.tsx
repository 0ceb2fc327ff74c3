import Link from "next/link";

import { formatIndex } from "@/lib/format";
import { STATUS_LABEL, type MatchView } from "@/lib/futstar/model";

import type { MatchGroups } from "./matches-model";

/** Horizontal index bar: home share on the left in the home colour. */
export function IndexBar({ indexBps, label }: { indexBps: number; label: string }) {
  return (
    <div className="index-bar" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={indexBps / 100}>
      <div className="index-bar-home" style={{ width: `${indexBps / 100}%` }} />
    </div>
  );
}

export function SyntheticBadge() {
  return (
    <span className="badge badge-synthetic" title="Generated match (calibrated on real matches), not a real fixture">
      Synthetic match
    </span>
  );
}

export function MatchCard({ match }: { match: MatchView }) {
  return (
    <Link href={`/match/${match.feed}`} className="card match-card" data-testid="match-card">
      <div className="match-card-head">
        <span className={`badge badge-${match.status}`}>{STATUS_LABEL[match.status]}</span>
        {match.suspended && match.status === "live" ? <span className="badge badge-suspended">Suspended</span> : null}
        {match.synthetic ? <SyntheticBadge /> : null}
      </div>
      <div className="match-card-teams">
        <span>{match.homeTeam}</span>
        <span className="muted">vs</span>
        <span>{match.awayTeam}</span>
      </div>
      <div className="match-card-index">
        <span className="index-value">{formatIndex(match.indexBps)}</span>
        <IndexBar indexBps={match.indexBps} label={`Momentum ${match.homeTeam} vs ${match.awayTeam}`} />
      </div>
    </Link>
  );
}

function Group({ title, matches, empty }: { title: string; matches: readonly MatchView[]; empty: string }) {
  return (
    <section className="match-group" aria-label={title}>
      <h2>{title}</h2>
      {matches.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <div className="card-grid">
          {matches.map((m) => (
            <MatchCard key={m.feed} match={m} />
          ))}
        </div>
      )}
    </section>
  );
}

export function MatchListUi({ groups }: { groups: MatchGroups }) {
  return (
    <div className="match-list">
      <Group title="Live" matches={groups.live} empty="No match is live right now." />
      <Group title="Scheduled" matches={groups.scheduled} empty="Nothing scheduled." />
      <Group title="Ended" matches={groups.ended} empty="No ended matches." />
    </div>
  );
}

/** Same footprint as a loaded list, so nothing moves when data arrives. */
export function MatchListSkeleton() {
  return (
    <div className="match-list" aria-busy="true">
      <section className="match-group">
        <h2>Live</h2>
        <div className="card-grid">
          {[0, 1, 2].map((i) => (
            <div key={i} className="card match-card skeleton" />
          ))}
        </div>
      </section>
    </div>
  );
}
