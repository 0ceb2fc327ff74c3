/**
 * Drives an AggregatorCore from two live MatchFeeds: pulls both concurrently, forwards each
 * feed's new issues as errors (which trigger failover), ticks for staleness, and publishes
 * the merged, de-duplicated, reordered changes as one MatchFeed.
 */
import type { MatchFeed } from "../feed.js";
import type { FeedChange, FeedIssue, MatchInfo } from "../model.js";
import { AggregatorCore, type AggregatorOptions, DEFAULT_AGGREGATOR_OPTIONS, type Role } from "./core.js";
import { type LiveStatus, type LiveStatusSource, hasLiveStatus } from "./live-status.js";

export interface AggregatedFeedOptions extends AggregatorOptions {
  /** How often staleness is checked, in wall-clock ms. */
  readonly tickMs: number;
  readonly now: () => number;
}

type Pulled = { role: Role; result?: IteratorResult<FeedChange[]>; error?: unknown } | { role: "tick" };

export class AggregatedFeed implements MatchFeed, LiveStatusSource {
  readonly provider;
  readonly core: AggregatorCore;
  private closed = false;
  private readonly opts: AggregatedFeedOptions;
  private readonly seenIssues: Record<Role, number> = { primary: 0, backup: 0 };

  constructor(private readonly primary: MatchFeed, private readonly backup: MatchFeed, opts: Partial<AggregatedFeedOptions> = {}) {
    this.opts = { ...DEFAULT_AGGREGATOR_OPTIONS, tickMs: 1000, now: Date.now, ...opts };
    this.core = new AggregatorCore(this.opts);
    this.provider = primary.provider;
  }

  async info(): Promise<MatchInfo> {
    try {
      return await this.primary.info();
    } catch (err) {
      this.core.onError("primary", { provider: this.primary.provider, eventId: null, field: "info", message: String(err) }, this.opts.now());
      return this.backup.info();
    }
  }

  /** The match status from the active source when it has one, else from the other. */
  liveStatus(): LiveStatus | null {
    const [first, second] = this.core.active === "primary" ? [this.primary, this.backup] : [this.backup, this.primary];
    return (hasLiveStatus(first) ? first.liveStatus() : null) ?? (hasLiveStatus(second) ? second.liveStatus() : null);
  }

  issues(): readonly FeedIssue[] {
    return this.core.issues;
  }

  unmapped(): Readonly<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const feed of [this.primary, this.backup]) {
      for (const [k, v] of Object.entries(feed.unmapped())) out[`${feed.provider}: ${k}`] = (out[`${feed.provider}: ${k}`] ?? 0) + v;
    }
    return out;
  }

  close(): void {
    this.closed = true;
    this.primary.close();
    this.backup.close();
  }

  async *changes(): AsyncIterable<FeedChange[]> {
    const feeds: Record<Role, MatchFeed> = { primary: this.primary, backup: this.backup };
    const iters = { primary: this.primary.changes()[Symbol.asyncIterator](), backup: this.backup.changes()[Symbol.asyncIterator]() };
    const pull = (role: Role): Promise<Pulled> => iters[role].next().then((result) => ({ role, result }), (error: unknown) => ({ role, error }));
    const pending = new Map<Role, Promise<Pulled>>([["primary", pull("primary")], ["backup", pull("backup")]]);
    let timer: NodeJS.Timeout | undefined;
    while (pending.size > 0 && !this.closed) {
      const tick = new Promise<Pulled>((resolve) => {
        timer = setTimeout(() => resolve({ role: "tick" }), this.opts.tickMs);
      });
      const got = await Promise.race([...pending.values(), tick]);
      clearTimeout(timer);
      const now = this.opts.now();
      const out: FeedChange[] = [];
      for (const role of ["primary", "backup"] as const) {
        const all = feeds[role].issues();
        for (const issue of all.slice(this.seenIssues[role])) out.push(...this.core.onError(role, issue, now));
        this.seenIssues[role] = all.length;
      }
      if (got.role === "tick") out.push(...this.core.tick(now));
      else if (got.error !== undefined || !got.result || got.result.done) {
        pending.delete(got.role);
        if (got.error !== undefined) {
          out.push(...this.core.onError(got.role, { provider: feeds[got.role].provider, eventId: null, field: "feed", message: String(got.error) }, now));
        } else if (got.role === "primary" || this.core.active === "backup") {
          // The source we publish finished (the match is over): the other has nothing to add.
          pending.delete(got.role === "primary" ? "backup" : "primary");
        }
      } else {
        out.push(...this.core.onBatch(got.role, got.result.value, now));
        pending.set(got.role, pull(got.role));
      }
      if (out.length > 0) yield out;
    }
    const rest = this.core.finish();
    if (rest.length > 0) yield rest;
  }
}
