/**
 * The keeper's embedded database (SQLite through better-sqlite3): each match's event log, the
 * updates it signed and where they landed, the sequence numbers per feed, and crank work.
 *
 * Durability: WAL with `synchronous = FULL`, so a sequence number reserved by `reserveSeqs` is on
 * disk before the caller signs a message with it — a keeper killed at any point never signs the
 * same number twice after a restart.
 */
import Database from "better-sqlite3";
import type { FeedChange } from "../feeds/model.js";
import { MIGRATIONS } from "./schema.js";

export interface MatchRecord {
  readonly matchKey: string;
  /** 32-byte on-chain match id, hex. */
  readonly matchId: string;
  readonly provider: string;
  readonly home: string;
  readonly away: string;
  readonly source: string | null;
  readonly feed: string | null;
  readonly pool: string | null;
  readonly status: number;
}

export type PushState = "signed" | "landed" | "rejected";

/** One signed update as stored. `components` in on-chain order. */
export interface PushedUpdate {
  readonly feed: string;
  readonly seq: number;
  readonly matchKey: string;
  readonly period: number;
  readonly tMs: number;
  readonly ts: number;
  readonly status: number;
  readonly suspended: boolean;
  readonly indexBps: number;
  readonly components: readonly number[];
  readonly state: PushState;
  readonly signature: string | null;
  readonly error: string | null;
}

/**
 * `void_position`: a live position refunded by `pool_void` when its match was abandoned;
 * `void_pool`: the empty `pool_void` that closes a pool with no live position.
 */
export type CrankKind = "fill_open" | "fill_close" | "settle_position" | "settle_pool" | "void_position" | "void_pool";
export type CrankState = "done" | "skipped" | "failed";

export interface CrankRecord {
  readonly kind: CrankKind;
  readonly account: string;
  readonly dueTs: number;
  readonly state: CrankState;
  readonly signature: string | null;
  readonly attempts: number;
  readonly lastError: string | null;
}

interface MatchRow {
  match_key: string;
  match_id: string;
  provider: string;
  home: string;
  away: string;
  source: string | null;
  feed: string | null;
  pool: string | null;
  status: number;
}

interface PushedRow {
  feed: string;
  seq: number;
  match_key: string;
  period: number;
  t_ms: number;
  ts: number;
  status: number;
  suspended: number;
  index_bps: number;
  components: string;
  state: PushState;
  signature: string | null;
  error: string | null;
}

interface CrankRow {
  kind: CrankKind;
  account: string;
  due_ts: number;
  state: CrankState;
  signature: string | null;
  attempts: number;
  last_error: string | null;
}

/** Thrown for a request the store cannot satisfy, naming the field at fault. */
export class StoreError extends Error {
  constructor(readonly field: string, message: string) {
    super(`store: ${field}: ${message}`);
    this.name = "StoreError";
  }
}

const toMatch = (r: MatchRow): MatchRecord => ({
  matchKey: r.match_key,
  matchId: r.match_id,
  provider: r.provider,
  home: r.home,
  away: r.away,
  source: r.source,
  feed: r.feed,
  pool: r.pool,
  status: r.status,
});

const toPushed = (r: PushedRow): PushedUpdate => ({
  feed: r.feed,
  seq: r.seq,
  matchKey: r.match_key,
  period: r.period,
  tMs: r.t_ms,
  ts: r.ts,
  status: r.status,
  suspended: r.suspended !== 0,
  indexBps: r.index_bps,
  components: JSON.parse(r.components) as number[],
  state: r.state,
  signature: r.signature,
  error: r.error,
});

const toCrank = (r: CrankRow): CrankRecord => ({
  kind: r.kind,
  account: r.account,
  dueTs: r.due_ts,
  state: r.state,
  signature: r.signature,
  attempts: r.attempts,
  lastError: r.last_error,
});

export class KeeperStore {
  private readonly db: Database.Database;

  /** Opens (creating if needed) the database at `path`; ":memory:" for a throwaway one. */
  constructor(path: string, private readonly now: () => number = Date.now) {
    this.db = new Database(path);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = FULL");
    this.db.pragma("foreign_keys = ON");
    this.migrate();
  }

  private migrate(): void {
    const version = this.db.pragma("user_version", { simple: true }) as number;
    for (let v = version; v < MIGRATIONS.length; v++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[v] as string);
        this.db.pragma(`user_version = ${v + 1}`);
      })();
    }
  }

  close(): void {
    this.db.close();
  }

  // ---- matches -------------------------------------------------------------------------------

  /** Inserts the match or updates its names/source; keeps feed, pool and status. */
  upsertMatch(m: Pick<MatchRecord, "matchKey" | "matchId" | "provider" | "home" | "away" | "source">): void {
    if (!/^[0-9a-f]{64}$/.test(m.matchId)) throw new StoreError("matchId", `expected 64 lowercase hex digits, got '${m.matchId}'`);
    this.db
      .prepare(
        `INSERT INTO matches (match_key, match_id, provider, home, away, source, created_ms)
         VALUES (@matchKey, @matchId, @provider, @home, @away, @source, @created)
         ON CONFLICT(match_key) DO UPDATE SET home = excluded.home, away = excluded.away, source = excluded.source`,
      )
      .run({ ...m, created: this.now() });
  }

  match(matchKey: string): MatchRecord | null {
    const row = this.db.prepare("SELECT * FROM matches WHERE match_key = ?").get(matchKey) as MatchRow | undefined;
    return row ? toMatch(row) : null;
  }

  matches(): MatchRecord[] {
    return (this.db.prepare("SELECT * FROM matches ORDER BY created_ms, match_key").all() as MatchRow[]).map(toMatch);
  }

  setMatchAccounts(matchKey: string, feed: string, pool: string | null): void {
    this.requireChange(this.db.prepare("UPDATE matches SET feed = ?, pool = ? WHERE match_key = ?").run(feed, pool, matchKey).changes, matchKey);
  }

  setMatchStatus(matchKey: string, status: number): void {
    this.requireChange(this.db.prepare("UPDATE matches SET status = ? WHERE match_key = ?").run(status, matchKey).changes, matchKey);
  }

  private requireChange(changes: number, matchKey: string): void {
    if (changes === 0) throw new StoreError("matchKey", `no match '${matchKey}'`);
  }

  // ---- event log -----------------------------------------------------------------------------

  /**
   * Appends changes to the match's log in arrival order; `appliedAt` is the engine tick
   * ('period/tMs') they were applied before, so the series can be recomputed exactly as it ran.
   * A change identical to the latest one stored for the same event (model id, which carries the
   * provider and its event id; same content) is skipped: a restarted live keeper reads the whole
   * current document again, and applying an event the engine already holds changes nothing. A
   * corrected event differs and is appended. Returns how many changes were appended.
   */
  appendChanges(matchKey: string, changes: readonly FeedChange[], appliedAt: string | null = null): number {
    if (changes.length === 0) return 0;
    const received = this.now();
    const insert = this.db.prepare("INSERT INTO match_changes (match_key, ord, change, applied_at, received_ms, event_id) VALUES (?, ?, ?, ?, ?, ?)");
    const latest = this.db.prepare("SELECT change FROM match_changes WHERE match_key = ? AND event_id = ? ORDER BY ord DESC LIMIT 1");
    return this.db.transaction(() => {
      const row = this.db.prepare("SELECT COALESCE(MAX(ord), -1) AS last FROM match_changes WHERE match_key = ?").get(matchKey) as { last: number };
      let ord = row.last + 1;
      let appended = 0;
      for (const c of changes) {
        const eventId = c.op === "upsert" ? c.event.id : c.id;
        const text = JSON.stringify(c);
        const before = latest.get(matchKey, eventId) as { change: string } | undefined;
        if (before?.change === text) continue;
        insert.run(matchKey, ord++, text, appliedAt, received, eventId);
        appended++;
      }
      return appended;
    })();
  }

  /** The match's log as received. */
  changes(matchKey: string): FeedChange[] {
    const rows = this.db.prepare("SELECT change FROM match_changes WHERE match_key = ? ORDER BY ord").all(matchKey) as { change: string }[];
    return rows.map((r) => JSON.parse(r.change) as FeedChange);
  }

  /** The log with the tick each change was applied before. */
  changesWithTick(matchKey: string): { change: FeedChange; appliedAt: string | null }[] {
    const rows = this.db.prepare("SELECT change, applied_at FROM match_changes WHERE match_key = ? ORDER BY ord").all(matchKey) as { change: string; applied_at: string | null }[];
    return rows.map((r) => ({ change: JSON.parse(r.change) as FeedChange, appliedAt: r.applied_at }));
  }

  changeCount(matchKey: string): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM match_changes WHERE match_key = ?").get(matchKey) as { n: number }).n;
  }

  // ---- sequence numbers ----------------------------------------------------------------------

  /**
   * Reserves `count` consecutive sequence numbers for `feed` and commits them before returning
   * the first. `floor` is the lowest acceptable number (the feed's on-chain seq + 1): a store that
   * lags the chain (restored backup, another keeper) jumps ahead instead of reusing numbers.
   */
  reserveSeqs(feed: string, count: number, floor = 1): number {
    if (!Number.isSafeInteger(count) || count < 1) throw new StoreError("count", `must be a positive integer, got ${count}`);
    if (!Number.isSafeInteger(floor) || floor < 1) throw new StoreError("floor", `must be a positive integer, got ${floor}`);
    return this.db.transaction(() => {
      const row = this.db.prepare("SELECT next_seq FROM sequences WHERE feed = ?").get(feed) as { next_seq: number } | undefined;
      const first = Math.max(row?.next_seq ?? 1, floor);
      this.db
        .prepare("INSERT INTO sequences (feed, next_seq) VALUES (?, ?) ON CONFLICT(feed) DO UPDATE SET next_seq = excluded.next_seq")
        .run(feed, first + count);
      return first;
    }).immediate();
  }

  /** The next number `reserveSeqs` would hand out (ignoring any floor). */
  nextSeq(feed: string): number {
    const row = this.db.prepare("SELECT next_seq FROM sequences WHERE feed = ?").get(feed) as { next_seq: number } | undefined;
    return row?.next_seq ?? 1;
  }

  // ---- pushed series -------------------------------------------------------------------------

  /** Records signed updates (state `signed`) before they are sent. */
  recordSigned(updates: readonly Omit<PushedUpdate, "state" | "signature" | "error">[], signature: string | null): void {
    const insert = this.db.prepare(
      `INSERT INTO pushed_updates (feed, seq, match_key, period, t_ms, ts, status, suspended, index_bps, components, state, signature, created_ms)
       VALUES (@feed, @seq, @matchKey, @period, @tMs, @ts, @status, @suspended, @indexBps, @components, 'signed', @signature, @created)`,
    );
    const created = this.now();
    this.db.transaction(() => {
      for (const u of updates) {
        insert.run({ ...u, suspended: u.suspended ? 1 : 0, components: JSON.stringify(u.components), signature, created });
      }
    })();
  }

  /** Re-signed with a fresh blockhash: the same updates now travel under `signature`. */
  setSignature(feed: string, seqs: readonly number[], signature: string): void {
    const update = this.db.prepare("UPDATE pushed_updates SET signature = ? WHERE feed = ? AND seq = ?");
    this.db.transaction(() => {
      for (const seq of seqs) update.run(signature, feed, seq);
    })();
  }

  markLanded(feed: string, seqs: readonly number[], signature: string): void {
    const update = this.db.prepare("UPDATE pushed_updates SET state = 'landed', signature = ?, error = NULL WHERE feed = ? AND seq = ?");
    this.db.transaction(() => {
      for (const seq of seqs) update.run(signature, feed, seq);
    })();
  }

  markRejected(feed: string, seqs: readonly number[], error: string): void {
    const update = this.db.prepare("UPDATE pushed_updates SET state = 'rejected', error = ? WHERE feed = ? AND seq = ?");
    this.db.transaction(() => {
      for (const seq of seqs) update.run(error, feed, seq);
    })();
  }

  /** Every update signed for the match, by feed then seq. */
  pushed(matchKey: string): PushedUpdate[] {
    return (this.db.prepare("SELECT * FROM pushed_updates WHERE match_key = ? ORDER BY feed, seq").all(matchKey) as PushedRow[]).map(toPushed);
  }

  /** The newest landed update of the feed, if any. */
  lastLanded(feed: string): PushedUpdate | null {
    const row = this.db.prepare("SELECT * FROM pushed_updates WHERE feed = ? AND state = 'landed' ORDER BY seq DESC LIMIT 1").get(feed) as PushedRow | undefined;
    return row ? toPushed(row) : null;
  }

  /** When (store clock, ms) the update `seq` of the feed was signed; null if it was not. */
  signedAtMs(feed: string, seq: number): number | null {
    const row = this.db.prepare("SELECT created_ms FROM pushed_updates WHERE feed = ? AND seq = ?").get(feed, seq) as { created_ms: number } | undefined;
    return row?.created_ms ?? null;
  }

  /** Updates signed but not yet known to have landed or failed (after a crash: to reconcile). */
  unresolved(feed: string): PushedUpdate[] {
    return (this.db.prepare("SELECT * FROM pushed_updates WHERE feed = ? AND state = 'signed' ORDER BY seq").all(feed) as PushedRow[]).map(toPushed);
  }

  // ---- crank work ----------------------------------------------------------------------------

  /** Records the outcome of one crank attempt; attempts accumulate per (kind, account). */
  recordCrank(kind: CrankKind, account: string, dueTs: number, state: CrankState, signature: string | null, error: string | null): void {
    this.db
      .prepare(
        `INSERT INTO crank_work (kind, account, due_ts, state, signature, attempts, last_error, updated_ms)
         VALUES (?, ?, ?, ?, ?, 1, ?, ?)
         ON CONFLICT(kind, account) DO UPDATE SET due_ts = excluded.due_ts, state = excluded.state,
           signature = COALESCE(excluded.signature, crank_work.signature), attempts = crank_work.attempts + 1,
           last_error = excluded.last_error, updated_ms = excluded.updated_ms`,
      )
      .run(kind, account, dueTs, state, signature, error, this.now());
  }

  crank(kind: CrankKind, account: string): CrankRecord | null {
    const row = this.db.prepare("SELECT * FROM crank_work WHERE kind = ? AND account = ?").get(kind, account) as CrankRow | undefined;
    return row ? toCrank(row) : null;
  }

  cranks(): CrankRecord[] {
    return (this.db.prepare("SELECT * FROM crank_work ORDER BY updated_ms, kind, account").all() as CrankRow[]).map(toCrank);
  }
}
