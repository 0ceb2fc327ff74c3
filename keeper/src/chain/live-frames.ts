/**
 * A live match as the frames the oracle publishes, driven by the wall clock and the feed: one
 * Live frame per second of match time as it passes, a HalfTime frame between periods, one Ended
 * (or Abandoned) frame when the feed ends. Where `matchFrames` walks a finished match, this one
 * answers "wait" until the next second is due.
 *
 * The match clock: period p's kick-off in wall ms is when the feed first showed it (its status
 * says p is being played, or an event of p arrived), moved earlier whenever an event of p
 * arrives with a later match time than the clock shows — the clock is never behind the feed.
 *
 * Lifecycle (the oracle's status machine is `Scheduled → Live ⇄ HalfTime`, `Live → Ended`, any
 * non-final → `Abandoned`):
 * - kick-off = the first Live frame of the first period seen;
 * - a period stops ticking at its period-end event or, heard before it, where the clock was when
 *   a later period started, the feed said the match is in a break or over, or the feed ended
 *   (ticks due until then are still published); "playing" again in the same period after a
 *   break status resumes it (an interrupted match);
 * - HalfTime after the end of period 1 or 3, or of period 2/4 when the feed says a break follows
 *   (extra time) or a later period starts; after period 2/4 without such a sign the status stays
 *   Live (not ticking) until the feed ends (Ended) or extra time starts;
 * - Ended / Abandoned when the feed ends (`end`); Ended is preceded by one more Live frame when
 *   changes are still unapplied or the last status was HalfTime (HalfTime → Ended is illegal).
 *
 * Changes are applied to the engine only in Live frames, all that arrived so far, so the stored
 * log replays exactly (`recomputeTicks`: each change before the tick it was applied before).
 * Pure apart from `nowMs`: the caller feeds `receive` and `end`, the keeper loop takes frames.
 */
import { type EngineIssue, MomentumEngine, type MomentumTick } from "../engine/index.js";
import type { LiveStatus } from "../feeds/aggregator/live-status.js";
import type { FeedChange, Period } from "../feeds/model.js";
import { type Frame, type FrameSource, recomputeTicks, tickKey } from "./match-frames.js";
import { FeedStatus, type FeedStatusCode } from "./oracle-codec.js";

/** Periods with a running clock the oracle publishes (the shoot-out has none). */
const LAST_CLOCKED_PERIOD = 4;

export type LiveEnd = "ended" | "abandoned";

export class LiveFrames implements FrameSource {
  private readonly engine = new MomentumEngine();
  private queue: FeedChange[] = [];
  private status: LiveStatus | null = null;
  private over: LiveEnd | null = null;
  /** Period → its kick-off in wall ms. */
  private readonly starts = new Map<number, number>();
  /** Period → match time of its end: its period-end event, else the clock when an end was first signalled. */
  private readonly ends = new Map<number, number>();
  /** Periods whose end is the clock at a signal, not an event: what signalled it. */
  private readonly estimatedEnds = new Map<number, "status" | "feed">();
  private phase: "pre" | "live" | "break" | "done" = "pre";
  private period: Period = 1;
  private nextTMs = 0;
  private last: MomentumTick | null = null;
  private lastStatus: FeedStatusCode = FeedStatus.Scheduled;
  /** Period → latest match time of its events received (and of the resumed tick). */
  private readonly latestEvent = new Map<number, number>();
  /** After `resume`, until the feed is heard again: the resumed tick's match time. */
  private resumedAt: number | null = null;

  /** `statusOf`: the feed's match status (read at every frame; it may change without events). */
  constructor(private readonly nowMs: () => number, private readonly statusOf: () => LiveStatus | null = () => null, readonly issues: EngineIssue[] = []) {}

  /** Changes that arrived from the feed, in arrival order. */
  receive(changes: readonly FeedChange[]): void {
    const now = this.nowMs();
    for (const c of changes) {
      this.queue.push(c);
      if (c.op !== "upsert" || c.event.period > LAST_CLOCKED_PERIOD) continue;
      const { period, tMs } = c.event;
      this.latestEvent.set(period, Math.max(this.latestEvent.get(period) ?? 0, tMs));
      const start = this.starts.get(period);
      if (start === undefined || now - tMs < start) this.starts.set(period, now - tMs);
      if (c.event.kind.type === "period_end") {
        this.ends.set(period, tMs);
        this.estimatedEnds.delete(period);
      }
    }
    this.readStatus(now);
    if (this.nextStartedAfter(this.period) !== null) this.signalEnd(now, "feed");
    this.resumedAt = null;
  }

  /**
   * Something says the period being played is over (a break or final status, a later period, the
   * feed's end) before its period-end event came: it ends where the clock was when that was first
   * heard, so the ticks due until then are still published and none after.
   */
  private signalEnd(now: number, by: "status" | "feed"): void {
    if (this.phase !== "live" || this.ends.has(this.period)) return;
    const start = this.starts.get(this.period) as number;
    // Heard first after a restart, the signal may be long stale: the end is the latest the feed
    // shows of the period (never before the resumed tick), so no tick of the downtime is invented.
    const clock = this.resumedAt === null ? now - start : Math.max(this.resumedAt, this.latestEvent.get(this.period) ?? 0);
    this.ends.set(this.period, Math.max(0, Math.floor(clock / 1000) * 1000));
    this.estimatedEnds.set(this.period, by);
  }

  private readStatus(now: number): void {
    const status = this.statusOf();
    if (status === null) return;
    this.status = status;
    const p = status.period;
    if (status.phase === "playing" && p !== null && p <= LAST_CLOCKED_PERIOD && !this.starts.has(p)) this.starts.set(p, now);
    if (status.phase === "break" || status.phase === "finished") this.signalEnd(now, "status");
    // Play resumed in the period a break status had stopped (an interrupted match): tick on.
    if (status.phase === "playing" && p === this.period && this.estimatedEnds.get(p) === "status" && this.over === null) {
      this.ends.delete(p);
      this.estimatedEnds.delete(p);
      if (this.phase === "break") this.phase = "live";
    }
  }

  /**
   * A restarted keeper whose last landed update was Live (or HalfTime) at `period`/`tMs`, signed
   * at wall `signedAtMs`: the engine replays the stored `log` up to that tick (the ticks `landed`
   * say the first run reached in each period, as `recompute` does) and no earlier tick or period
   * is published again. After Live the period's clock continues from when that update was signed
   * (moved earlier only if the feed is ahead of it) and the next frame is the second after; after
   * HalfTime the frames stay in the break until the feed shows the next period's kick-off (or play
   * resuming in that period, when the stored log has no end event for it: an interrupted match).
   * Nothing ticks until the feed has been heard again (`receive`): what it sends again is applied
   * before the next frame (identical events change nothing), and an end it already shows is taken
   * at its latest event, not at the clock (which ran on while the keeper was down). Call before
   * the first `receive`.
   */
  resume(r: { period: number; tMs: number; signedAtMs: number; status?: number; log: readonly { change: FeedChange; appliedAt: string | null }[]; landed: readonly string[] }): void {
    if (this.phase !== "pre" || this.queue.length > 0) throw new RangeError("resume: the frames have already started");
    const status = r.status ?? FeedStatus.Live;
    if (status !== FeedStatus.Live && status !== FeedStatus.HalfTime) throw new RangeError(`resume: status: must be Live (${FeedStatus.Live}) or HalfTime (${FeedStatus.HalfTime}), got ${status}`);
    const clocked = Number.isInteger(r.period) && r.period >= 1 && r.period <= LAST_CLOCKED_PERIOD;
    const key = tickKey(r.period, r.tMs);
    if (!clocked || !Number.isInteger(r.tMs) || r.tMs < 0 || r.tMs % 1000 !== 0 || !r.landed.includes(key)) throw new RangeError(`resume: no landed Live tick at ${key}`);
    const tick = recomputeTicks(r.log, r.landed, this.engine).get(key) as MomentumTick;
    this.starts.set(r.period, r.signedAtMs - r.tMs);
    this.period = r.period as Period;
    this.nextTMs = r.tMs + 1000;
    this.last = tick;
    this.lastStatus = status;
    this.resumedAt = r.tMs;
    this.latestEvent.set(r.period, r.tMs);
    if (status === FeedStatus.Live) {
      this.phase = "live";
      return;
    }
    this.phase = "break";
    const endEvent = r.log.some(({ change: c }) => c.op === "upsert" && c.event.period === r.period && c.event.kind.type === "period_end");
    this.ends.set(r.period, r.tMs);
    // No end event stored: the break was a status (or the event was still unapplied; the feed sends it again).
    if (!endEvent) this.estimatedEnds.set(r.period, "status");
  }

  /** The feed ended: the match is over (or abandoned). */
  end(how: LiveEnd): void {
    this.over ??= how;
    this.signalEnd(this.nowMs(), "feed");
  }

  get finished(): boolean {
    return this.phase === "done";
  }

  next(): Frame | "wait" | null {
    if (this.phase === "done") return null;
    this.readStatus(this.nowMs());
    if (this.phase === "pre") {
      const first = this.nextStartedAfter(0);
      if (first === null) return this.over ? this.finish() : "wait";
      this.enter(first);
    }
    // Resumed: nothing ticks before the feed is heard again (its document may end the period).
    if (this.resumedAt !== null && this.over === null) return "wait";
    if (this.phase === "break") {
      const next = this.nextStartedAfter(this.period);
      if (next !== null) this.enter(next);
      else return this.over ? this.finish() : "wait";
    }
    const start = this.starts.get(this.period) as number;
    const endT = this.ends.get(this.period);
    const later = this.nextStartedAfter(this.period);
    const stopped = later !== null || this.over !== null || this.status?.phase === "break" || this.status?.phase === "finished";
    // (a stop signal without an end can only come before this period ticked: `signalEnd` needs "live")
    const inPeriod = endT === undefined ? !stopped : this.nextTMs <= endT;
    if (inPeriod && this.nextTMs <= this.nowMs() - start) return this.liveFrame();
    const periodOver = (endT !== undefined && this.nextTMs > endT) || stopped;
    if (!periodOver) return "wait";
    if (this.over) return this.finish();
    if (this.last === null || this.last.period !== this.period) {
      // A later period started before this one ever ticked: follow the later one.
      if (later === null) return "wait";
      this.enter(later);
      return this.next();
    }
    const breakFollows = this.period % 2 === 1 || later !== null || this.status?.phase === "break";
    if (!breakFollows) return "wait";
    this.phase = "break";
    return this.frame(FeedStatus.HalfTime, this.last, []);
  }

  private nextStartedAfter(period: number): Period | null {
    let best: number | null = null;
    for (const p of this.starts.keys()) if (p > period && (best === null || p < best)) best = p;
    return best as Period | null;
  }

  private enter(period: Period): void {
    this.phase = "live";
    this.period = period;
    this.nextTMs = 0;
  }

  private liveFrame(): Frame {
    const changes = this.queue;
    this.queue = [];
    for (const c of changes) {
      const issue = this.engine.apply(c);
      if (issue) this.issues.push(issue);
    }
    const tick = this.engine.tick(this.period, this.nextTMs);
    this.nextTMs += 1000;
    return this.frame(FeedStatus.Live, tick, changes);
  }

  private finish(): Frame | null {
    const status = this.over === "abandoned" ? FeedStatus.Abandoned : FeedStatus.Ended;
    if (this.last === null) {
      // Never kicked off: Scheduled → Abandoned is allowed, Scheduled → Ended is not.
      this.phase = "done";
      return status === FeedStatus.Abandoned ? this.frame(status, this.engine.tick(1, 0), []) : null;
    }
    if (this.queue.length > 0 || (status === FeedStatus.Ended && this.lastStatus === FeedStatus.HalfTime)) {
      this.phase = "live";
      return this.liveFrame();
    }
    this.phase = "done";
    return this.frame(status, this.last, []);
  }

  private frame(status: FeedStatusCode, tick: MomentumTick, changes: readonly FeedChange[]): Frame {
    this.last = tick;
    this.lastStatus = status;
    return { period: tick.period, tMs: tick.tMs, status, tick, changes };
  }
}
