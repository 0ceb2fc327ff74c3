/**
 * Live Stats Perform SDAPI feed: MA1 for the fixture, MA3 polled for events.
 *
 * URLs: `${baseUrl}/matchinfo/${outletKey}/${fixtureId}?_rt=b&_fmt=json` and
 * `${baseUrl}/matchevent/${outletKey}/${fixtureId}?_rt=b&_fmt=json`. Each MA3 poll is a
 * conditional GET (304 = nothing new). Each returned event is compared with what was last seen
 * under its id: new → upsert, changed → upsert (markers it lost are deleted), typeId 43 or gone
 * from the document → delete. Errors (network, HTTP ≥ 400, bad JSON, schema) become FeedIssues
 * and the next poll waits with exponential backoff; the feed never stops on bad input.
 */
import type { LiveStatus, LiveStatusSource } from "../aggregator/live-status.js";
import type { MatchFeed } from "../feed.js";
import type { FeedChange, FeedIssue, MatchInfo } from "../model.js";
import { type DerivedIds, vanishedChanges } from "../opta/changes.js";
import { ParseLog, describeError } from "../parse-log.js";
import { SnapshotDiff } from "../snapshot-diff.js";
import { rawId, validateItem } from "../validate.js";
import { type Fetch, ConditionalGetter } from "./http.js";
import { matchInfoFromSdapi, teamSides } from "./ma1.js";
import { ma3Changes } from "./ma3.js";
import { ma1Schema, ma3Schema } from "./schemas.js";
import { sdapiLiveStatus } from "./status.js";

export const DEFAULT_SDAPI_BASE = "https://api.performfeeds.com/soccerdata";

export interface StatsPerformFeedOptions {
  readonly outletKey: string;
  readonly fixtureId: string;
  readonly baseUrl?: string;
  readonly pollIntervalMs?: number;
  readonly backoffInitialMs?: number;
  readonly backoffMaxMs?: number;
  readonly fetchImpl?: Fetch;
}

export interface PollStats {
  readonly requests: number;
  readonly notModified: number;
  readonly errors: number;
  /** Every backoff wait chosen after an error, in order. */
  readonly backoffsMs: readonly number[];
}

const FINISHED = new Set(["Played", "Abandoned", "Cancelled", "Postponed"]);

export class StatsPerformFeed implements MatchFeed, LiveStatusSource {
  readonly provider = "statsperform" as const;
  private readonly http: ConditionalGetter;
  private readonly log = new ParseLog("statsperform");
  private readonly snapshots = new SnapshotDiff((raw) => rawId(raw, "id") ?? "");
  private readonly derived = new Map<string, DerivedIds>();
  private readonly abort = new AbortController();
  private cachedInfo: MatchInfo | null = null;
  private pendingInfo: Promise<MatchInfo> | null = null;
  private status: LiveStatus | null = null;
  private errors = 0;
  private readonly backoffsMs: number[] = [];
  private readonly base: string;
  private readonly pollMs: number;
  private readonly backoffInitialMs: number;
  private readonly backoffMaxMs: number;

  constructor(private readonly opts: StatsPerformFeedOptions) {
    this.http = new ConditionalGetter(opts.fetchImpl ?? fetch);
    this.base = (opts.baseUrl ?? DEFAULT_SDAPI_BASE).replace(/\/$/, "");
    this.pollMs = opts.pollIntervalMs ?? 2000;
    this.backoffInitialMs = opts.backoffInitialMs ?? 1000;
    this.backoffMaxMs = opts.backoffMaxMs ?? 60_000;
  }

  url(feed: "matchinfo" | "matchevent"): string {
    const q = "?_rt=b&_fmt=json";
    return `${this.base}/${feed}/${encodeURIComponent(this.opts.outletKey)}/${encodeURIComponent(this.opts.fixtureId)}${q}`;
  }

  stats(): PollStats {
    return { requests: this.http.requests, notModified: this.http.notModified, errors: this.errors, backoffsMs: [...this.backoffsMs] };
  }

  /** The match status from the latest MA1/MA3 `matchDetails` (null until one said something). */
  liveStatus(): LiveStatus | null {
    return this.status;
  }

  issues(): readonly FeedIssue[] {
    return this.log.issues;
  }

  unmapped(): Readonly<Record<string, number>> {
    return this.log.unmapped;
  }

  close(): void {
    this.abort.abort();
  }

  /** Fetches MA1, retrying with backoff until it is readable (or the feed is closed). */
  info(): Promise<MatchInfo> {
    // One fetch loop however many callers wait (the aggregator at start-up, then `changes`).
    this.pendingInfo ??= this.fetchInfo();
    return this.pendingInfo;
  }

  private async fetchInfo(): Promise<MatchInfo> {
    let failures = 0;
    while (!this.cachedInfo) {
      try {
        const res = await this.http.get(this.url("matchinfo"), this.abort.signal);
        if (res.status === 200) {
          const ma1 = validateItem(ma1Schema, JSON.parse(res.text), this.log, null, "ma1");
          if (ma1) {
            this.cachedInfo = matchInfoFromSdapi(ma1.matchInfo);
            const d = ma1.liveData?.matchDetails;
            this.status = sdapiLiveStatus(d?.matchStatus, d?.periodId) ?? this.status;
          }
        }
      } catch (err) {
        this.failed("ma1", err);
      }
      if (this.cachedInfo) break;
      if (this.abort.signal.aborted) throw new Error("statsperform feed closed before match info arrived");
      failures += 1;
      await this.wait(this.backoff(failures));
    }
    return this.cachedInfo;
  }

  async *changes(): AsyncIterable<FeedChange[]> {
    const teams = teamSides(await this.info());
    let failures = 0;
    while (!this.abort.signal.aborted) {
      let finished = false;
      try {
        const res = await this.http.get(this.url("matchevent"), this.abort.signal);
        if (res.status === 304) failures = 0;
        else {
          // Parsed inside the try: a malformed body is an issue plus backoff, not a crash.
          const doc = validateItem(ma3Schema, JSON.parse(res.text), this.log, null, "ma3");
          if (doc) {
            failures = 0;
            const details = doc.liveData.matchDetails;
            this.status = sdapiLiveStatus(details?.matchStatus, details?.periodId) ?? this.status;
            const batch = this.diff(doc.liveData.event, teams);
            if (batch.length > 0) yield batch;
            finished = FINISHED.has(details?.matchStatus ?? "");
          } else {
            this.errors += 1;
            failures += 1;
          }
        }
      } catch (err) {
        if (this.abort.signal.aborted) return;
        this.failed("ma3", err);
        failures += 1;
      }
      if (finished) return;
      await this.wait(failures > 0 ? this.backoff(failures) : this.pollMs);
    }
  }

  private diff(events: readonly unknown[], teams: { home: string; away: string }): FeedChange[] {
    const { changed, removed } = this.snapshots.next(events);
    return [...ma3Changes(changed, teams, this.log, this.derived), ...vanishedChanges("statsperform", removed, this.derived)];
  }

  private failed(what: string, err: unknown): void {
    this.errors += 1;
    this.log.issue(null, what, describeError(err));
  }

  private backoff(failures: number): number {
    const ms = Math.min(this.backoffMaxMs, this.backoffInitialMs * 2 ** (failures - 1));
    this.backoffsMs.push(ms);
    return ms;
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.abort.signal.aborted) return resolve();
      const onAbort = (): void => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.abort.signal.removeEventListener("abort", onAbort);
        resolve();
      }, ms);
      this.abort.signal.addEventListener("abort", onAbort, { once: true });
    });
  }
}
