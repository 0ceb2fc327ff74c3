/**
 * Drives an AggregatorCore from two live MatchFeeds (or a primary alone: reordering and the
 * hold bound still apply): pulls both concurrently, forwards each feed's new issues as errors
 * (which trigger failover), ticks for staleness, and publishes the merged, de-duplicated,
 * reordered changes as one MatchFeed.
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

  constructor(private readonly primary: MatchFeed, private readonly backup: MatchFeed | null, opts: Partial<AggregatedFeedOptions> = {}) {
    this.opts = { ...DEFAULT_AGGREGATOR_OPTIONS, tickMs: 1000, now: Date.now, ...opts };
    this.core = new AggregatorCore(this.opts);
    this.provider = primary.provider;
  }

  /**
   * The primary's match info, unless the primary fails the aggregator's failover rule first — it
   * reports an error, or has not answered within `staleAfterMs` — then the backup's (F24 carries
   * the teams). The primary keeps retrying: the first of the two to answer after the switch is
   * used, and the primary's first batch switches the published source back as usual.
   */
  async info(): Promise<MatchInfo> {
    if (this.backup === null) return this.primary.info();
    const backup = this.backup;
    const startedMs = this.opts.now();
    const issuesBefore = this.primary.issues().length;
    const primary = this.primary.info();
    const settled = primary.then((info) => ({ info }), (error: unknown) => ({ error }));
    let timer: NodeJS.Timeout | undefined;
    let reason: FeedIssue | null = null;
    while (reason === null) {
      const tick = new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), this.opts.tickMs);
      });
      const got = await Promise.race([settled, tick]);
      clearTimeout(timer);
      const now = this.opts.now();
      if (got !== null) {
        if ("info" in got) return got.info;
        reason = { provider: this.primary.provider, eventId: null, field: "info", message: String(got.error) };
      } else if (this.primary.issues().length > issuesBefore) {
        // Reported once, here: the changes loop forwards only the primary's later issues.
        this.seenIssues.primary = this.primary.issues().length;
        reason = this.primary.issues()[issuesBefore] as FeedIssue;
      } else if (now - startedMs > this.opts.staleAfterMs) {
        reason = { provider: this.primary.provider, eventId: null, field: "info", message: `no match info within ${this.opts.staleAfterMs} ms` };
      }
    }
    this.core.onError("primary", reason, this.opts.now());
    // Whichever answers first; a primary that fails for good leaves the backup's answer.
    const primaryAnswer = primary.catch(() => new Promise<MatchInfo>(() => {}));
    return Promise.race([primaryAnswer, backup.info()]);
  }

  /** The match status from the active source when it has one, else from the other. */
  liveStatus(): LiveStatus | null {
    const feeds = this.core.active === "primary" ? [this.primary, this.backup] : [this.backup, this.primary];
    for (const feed of feeds) {
      const status = feed !== null && hasLiveStatus(feed) ? feed.liveStatus() : null;
      if (status !== null) return status;
    }
    return null;
  }

  issues(): readonly FeedIssue[] {
    return this.core.issues;
  }

  unmapped(): Readonly<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const feed of this.feeds()) {
      for (const [k, v] of Object.entries(feed.unmapped())) out[`${feed.provider}: ${k}`] = (out[`${feed.provider}: ${k}`] ?? 0) + v;
    }
    return out;
  }

  private feeds(): MatchFeed[] {
    return this.backup === null ? [this.primary] : [this.primary, this.backup];
  }

  close(): void {
    this.closed = true;
    for (const feed of this.feeds()) feed.close();
  }

  async *changes(): AsyncIterable<FeedChange[]> {
    const feeds = new Map<Role, MatchFeed>([["primary", this.primary]]);
    if (this.backup !== null) feeds.set("backup", this.backup);
    const iters = new Map([...feeds].map(([role, feed]) => [role, feed.changes()[Symbol.asyncIterator]()] as const));
    const pull = (role: Role): Promise<Pulled> => (iters.get(role) as AsyncIterator<FeedChange[]>).next().then((result) => ({ role, result }), (error: unknown) => ({ role, error }));
    const pending = new Map<Role, Promise<Pulled>>([...feeds.keys()].map((role) => [role, pull(role)]));
    let timer: NodeJS.Timeout | undefined;
    while (pending.size > 0 && !this.closed) {
      const tick = new Promise<Pulled>((resolve) => {
        timer = setTimeout(() => resolve({ role: "tick" }), this.opts.tickMs);
      });
      const got = await Promise.race([...pending.values(), tick]);
      clearTimeout(timer);
      const now = this.opts.now();
      const out: FeedChange[] = [];
      for (const [role, feed] of feeds) {
        const all = feed.issues();
        for (const issue of all.slice(this.seenIssues[role])) out.push(...this.core.onError(role, issue, now));
        this.seenIssues[role] = all.length;
      }
      if (got.role === "tick") out.push(...this.core.tick(now));
      else if (got.error !== undefined || !got.result || got.result.done) {
        pending.delete(got.role);
        if (got.error !== undefined) {
          out.push(...this.core.onError(got.role, { provider: (feeds.get(got.role) as MatchFeed).provider, eventId: null, field: "feed", message: String(got.error) }, now));
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
