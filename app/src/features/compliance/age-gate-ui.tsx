/** Full-screen age confirmation; the feature decides when it shows and remembers the answer. */
export function AgeGateUi({ minimumAge, onConfirm, onLeave }: { minimumAge: number; onConfirm: () => void; onLeave: () => void }) {
  return (
    <div className="age-gate" role="dialog" aria-modal="true" aria-labelledby="age-gate-title">
      <div className="card age-gate-card">
        <h1 id="age-gate-title">Are you {minimumAge} or older?</h1>
        <p>
          Futstar offers leveraged positions on live match momentum. You must be at least {minimumAge} and allowed to take part
          where you live. Trading can lose your whole stake; set limits under Responsible play.
        </p>
        <div className="row">
          <button type="button" className="primary" onClick={onConfirm} data-testid="age-confirm">I am {minimumAge} or older</button>
          <button type="button" onClick={onLeave}>Leave</button>
        </div>
      </div>
    </div>
  );
}
