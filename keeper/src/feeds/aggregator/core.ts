/**
 * The aggregator's pure core (no I/O, no clock: `now` is passed in).
 *
 * - Two sources, primary and backup. The active one's events are published; the other's are
 *   kept on standby for de-duplication and failover.
 * - Failover to backup when the primary reports an error or has been silent for
 *   `staleAfterMs`; back to primary as soon as it delivers again.
 * - The same real event from both providers (period, side, kind, time within
 *   `dedupToleranceMs`) is published once, under the id it was first published with
 *   ("canonical id"); later corrections/deletions from either provider are applied to it.
 * - Upserts pass a bounded reorder buffer (`reorderDelayMs` of match time, and at most
 *   `maxHoldWallMs` of wall time when set — live feeds); an event behind what already left is
 *   published at once and reported (clock went backwards).
 * - Gaps longer than `gapMs` of match time between published events are reported.
 */
import type { FeedChange, FeedIssue, MatchEvent, Period } from "../model.js";
import { DuplicateIndex } from "./dedup.js";
import { ReorderBuffer, matchClock } from "./reorder.js";

export type Role = "primary" | "backup";

export interface AggregatorOptions {
  readonly staleAfterMs: number;
  readonly reorderDelayMs: number;
  readonly dedupToleranceMs: number;
  readonly gapMs: number;
  /** Wall ms an upsert may wait in the reorder buffer at most (live feeds); unset = no bound. */
  readonly maxHoldWallMs?: number;
}

export const DEFAULT_AGGREGATOR_OPTIONS: AggregatorOptions = {
  staleAfterMs: 15_000,
  reorderDelayMs: 5_000,
  dedupToleranceMs: 3_000,
  gapMs: 120_000,
};

export interface Switch {
  readonly to: Role;
  readonly atMs: number;
  readonly reason: string;
}

export interface Gap {
  readonly period: Period;
  readonly fromMs: number;
  readonly toMs: number;
}

export class AggregatorCore {
  active: Role = "primary";
  readonly issues: FeedIssue[] = [];
  readonly switches: Switch[] = [];
  readonly gaps: Gap[] = [];
  /** Standby events dropped at failover because they were older than what was published. */
  standbyTooOld = 0;

  private readonly published = new Map<string, MatchEvent>();
  private readonly alias = new Map<string, string>();
  private readonly claimed = new Set<string>();
  private readonly index: DuplicateIndex;
  private readonly standby: Record<Role, Map<string, MatchEvent>> = { primary: new Map(), backup: new Map() };
  private readonly standbyIndex: DuplicateIndex;
  private readonly reorder: ReorderBuffer;
  private readonly lastBatchAt: Record<Role, number | null> = { primary: null, backup: null };
  private lastReleased: MatchEvent | null = null;
  /** Wall time of the latest call (the reorder buffer's hold bound is in wall ms). */
  private nowMs = 0;

  constructor(private readonly opts: AggregatorOptions = DEFAULT_AGGREGATOR_OPTIONS) {
    this.index = new DuplicateIndex(opts.dedupToleranceMs);
    this.standbyIndex = new DuplicateIndex(opts.dedupToleranceMs);
    this.reorder = new ReorderBuffer(opts.reorderDelayMs, opts.maxHoldWallMs);
  }

  onBatch(role: Role, changes: readonly FeedChange[], nowMs: number): FeedChange[] {
    this.nowMs = nowMs;
    this.lastBatchAt[role] = nowMs;
    if (role === "primary" && this.active === "backup") this.switchTo("primary", nowMs, "primary delivers again");
    const out: FeedChange[] = [];
    for (const c of changes) {
      if (c.op === "upsert") out.push(...this.upsert(role, c.event));
      else out.push(...this.remove(role, c.id));
    }
    return [...out, ...this.releaseReady(false)];
  }

  onError(role: Role, issue: FeedIssue, nowMs: number): FeedChange[] {
    this.nowMs = nowMs;
    this.issues.push(issue);
    if (role === "primary" && this.active === "primary") return this.switchTo("backup", nowMs, `primary error: ${issue.field}: ${issue.message}`);
    return [];
  }

  tick(nowMs: number): FeedChange[] {
    this.nowMs = nowMs;
    const last = this.lastBatchAt.primary;
    const backupFresher = (this.lastBatchAt.backup ?? -Infinity) > (last ?? -Infinity);
    if (this.active === "primary" && last !== null && nowMs - last > this.opts.staleAfterMs && backupFresher) {
      return this.switchTo("backup", nowMs, `primary silent for ${nowMs - last} ms`);
    }
    return this.opts.maxHoldWallMs === undefined ? [] : this.releaseReady(false);
  }

  /** End of match: everything still held leaves. */
  finish(): FeedChange[] {
    return this.releaseReady(true);
  }

  private upsert(role: Role, e: MatchEvent): FeedChange[] {
    const canonical = this.alias.get(e.id);
    if (canonical !== undefined) {
      return role === this.active ? this.correct(canonical, e) : [];
    }
    const dup = this.index.match(e, this.claimed);
    if (dup) {
      this.alias.set(e.id, dup.id);
      this.claimed.add(dup.id);
      return role === this.active ? this.correct(dup.id, e) : [];
    }
    if (role !== this.active) {
      this.standby[role].set(e.id, e);
      this.standbyIndex.add(e);
      return [];
    }
    // A new event from the active source may be one the other source sent earlier while on standby.
    const other: Role = role === "primary" ? "backup" : "primary";
    const standbyDup = this.standbyIndex.match(e, this.claimed);
    if (standbyDup && this.standby[other].has(standbyDup.id)) {
      this.standby[other].delete(standbyDup.id);
      this.standbyIndex.remove(standbyDup.id, standbyDup);
      this.alias.set(standbyDup.id, e.id);
      this.claimed.add(e.id);
    }
    this.publish(e);
    return [];
  }

  /** A correction of a published (or held) event, published under its canonical id. */
  private correct(canonical: string, e: MatchEvent): FeedChange[] {
    const fixed: MatchEvent = { ...e, id: canonical };
    if (this.reorder.has(canonical)) {
      this.reorder.push(fixed, this.nowMs);
      return [];
    }
    if (!this.published.has(canonical)) return [];
    this.published.set(canonical, fixed);
    return [{ op: "upsert", event: fixed }];
  }

  private publish(e: MatchEvent): void {
    this.index.add(e);
    if (this.reorder.push(e, this.nowMs) === "late") {
      const last = this.lastReleased;
      this.issues.push({
        provider: e.provider,
        eventId: e.providerEventId,
        field: "tMs",
        message: `clock went backwards: ${clock(e)} arrived after ${last ? clock(last) : "?"} was published`,
      });
    }
  }

  private remove(role: Role, id: string): FeedChange[] {
    if (this.standby[role].has(id)) {
      const e = this.standby[role].get(id)!;
      this.standby[role].delete(id);
      this.standbyIndex.remove(id, e);
      return [];
    }
    const canonical = this.alias.get(id) ?? id;
    this.alias.delete(id);
    const held = this.reorder.has(canonical);
    const e = this.published.get(canonical);
    if (held) {
      this.reorder.drop(canonical);
      return [];
    }
    if (!e || role !== this.active) return [];
    this.published.delete(canonical);
    this.index.remove(canonical, e);
    return [{ op: "delete", id: canonical, period: e.period, tMs: e.tMs }];
  }

  private switchTo(role: Role, nowMs: number, reason: string): FeedChange[] {
    this.active = role;
    this.switches.push({ to: role, atMs: nowMs, reason });
    const floor = this.lastReleased ? matchClock(this.lastReleased) - this.opts.reorderDelayMs : -Infinity;
    for (const e of this.standby[role].values()) {
      if (matchClock(e) >= floor) this.publish(e);
      else this.standbyTooOld += 1;
      this.standbyIndex.remove(e.id, e);
    }
    this.standby[role].clear();
    return this.releaseReady(false);
  }

  private releaseReady(all: boolean): FeedChange[] {
    const out: FeedChange[] = [];
    for (const e of this.reorder.release(all, this.nowMs)) {
      const prev = this.lastReleased;
      if (prev && prev.period === e.period && e.tMs - prev.tMs > this.opts.gapMs) {
        this.gaps.push({ period: e.period, fromMs: prev.tMs, toMs: e.tMs });
        this.issues.push({ provider: e.provider, eventId: e.providerEventId, field: "tMs", message: `gap: no events between ${clock(prev)} and ${clock(e)}` });
      }
      if (!prev || matchClock(e) >= matchClock(prev)) this.lastReleased = e;
      this.published.set(e.id, e);
      out.push({ op: "upsert", event: e });
    }
    return out;
  }
}

function clock(e: MatchEvent): string {
  const s = Math.floor(e.tMs / 1000);
  return `P${e.period} ${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}
