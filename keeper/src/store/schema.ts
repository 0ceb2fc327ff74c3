/**
 * The keeper's SQLite schema, applied in order by version (`PRAGMA user_version`).
 * Append a migration, never edit one that has shipped.
 */
export const MIGRATIONS: readonly string[] = [
  `
  -- One row per match the keeper follows. feed/pool are base58 addresses once known.
  CREATE TABLE matches (
    match_key   TEXT PRIMARY KEY,
    match_id    TEXT NOT NULL,          -- 32-byte on-chain id, hex
    provider    TEXT NOT NULL,
    home        TEXT NOT NULL,
    away        TEXT NOT NULL,
    source      TEXT,                   -- path or URL the events come from
    feed        TEXT,
    pool        TEXT,
    status      INTEGER NOT NULL DEFAULT 0,
    created_ms  INTEGER NOT NULL
  );
  -- The normalized event log exactly as received (FeedChange JSON), in arrival order.
  CREATE TABLE match_changes (
    match_key   TEXT NOT NULL REFERENCES matches(match_key),
    ord         INTEGER NOT NULL,
    change      TEXT NOT NULL,
    applied_at  TEXT,                   -- 'period/tMs' of the engine tick it was applied before
    received_ms INTEGER NOT NULL,
    PRIMARY KEY (match_key, ord)
  );
  -- Next sequence number per feed; bumped and committed before a message is signed.
  CREATE TABLE sequences (
    feed     TEXT PRIMARY KEY,
    next_seq INTEGER NOT NULL
  );
  -- Every update the keeper signed, with where it ended up.
  CREATE TABLE pushed_updates (
    feed        TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    match_key   TEXT NOT NULL,
    period      INTEGER NOT NULL,
    t_ms        INTEGER NOT NULL,
    ts          INTEGER NOT NULL,
    status      INTEGER NOT NULL,
    suspended   INTEGER NOT NULL,
    index_bps   INTEGER NOT NULL,
    components  TEXT NOT NULL,          -- JSON [possession, shots, xg, tilt, recent]
    state       TEXT NOT NULL,          -- signed | landed | rejected
    signature   TEXT,
    error       TEXT,
    created_ms  INTEGER NOT NULL,
    PRIMARY KEY (feed, seq)
  );
  CREATE INDEX pushed_by_match ON pushed_updates(match_key, period, t_ms);
  -- Crank work: one row per (kind, account) with its latest outcome.
  CREATE TABLE crank_work (
    kind        TEXT NOT NULL,          -- fill_open | fill_close | settle_position | settle_pool
    account     TEXT NOT NULL,
    due_ts      INTEGER NOT NULL,
    state       TEXT NOT NULL,          -- done | skipped | failed
    signature   TEXT,
    attempts    INTEGER NOT NULL,
    last_error  TEXT,
    updated_ms  INTEGER NOT NULL,
    PRIMARY KEY (kind, account)
  );
  `,
  `
  -- The model event id each change is about, so re-ingesting an identical event (a live keeper
  -- restarted mid-match reads the whole current document again) is found and skipped.
  ALTER TABLE match_changes ADD COLUMN event_id TEXT;
  UPDATE match_changes SET event_id = COALESCE(json_extract(change, '$.event.id'), json_extract(change, '$.id'));
  CREATE INDEX match_changes_by_event ON match_changes(match_key, event_id, ord);
  `,
];
