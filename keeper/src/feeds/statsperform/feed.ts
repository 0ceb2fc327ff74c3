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
import type { FeedChange, MatchInfo } from "../model.js";
import { type DerivedIds, vanishedChanges } from "../opta/changes.js";
import { describeError } from "../parse-log.js";
import { PolledFeed, type PollTiming } from "../polled-feed.js";
import { SnapshotDiff } from "../snapshot-diff.js";
import { rawId, validateItem } from "../validate.js";
import { matchInfoFromSdapi, teamSides } from "./ma1.js";
import { ma3Changes } from "./ma3.js";
import { ma1Schema, ma3Schema } from "./schemas.js";
import { sdapiLiveStatus } from "./status.js";

export const DEFAULT_SDAPI_BASE = "https://api.performfeeds.com/soccerdata";

export interface StatsPerformFeedOptions extends PollTiming {
  readonly outletKey: string;
  readonly fixtureId: string;
  readonly baseUrl?: string;
}

export interface PollStats {
  readonly requests: number;
  readonly notModified: number;
  readonly errors: number;
  /** Every backoff wait chosen after an error, in order. */
  readonly backoffsMs: readonly number[];
}

const FINISHED = new Set(["Played", "Abandoned", "Cancelled", "Postponed"]);

export class StatsPerformFeed extends PolledFeed implements LiveStatusSource {
  readonly provider = "statsperform" as const;
  private readonly snapshots = new SnapshotDiff((raw) => rawId(raw, "id") ?? "");
  private readonly derived = new Map<string, DerivedIds>();
  private status: LiveStatus | null = null;
  private errors = 0;
  private readonly base: string;

  constructor(private readonly opts: StatsPerformFeedOptions) {
    super("statsperform", opts);
    this.base = (opts.baseUrl ?? DEFAULT_SDAPI_BASE).replace(/\/$/, "");
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

  /** Fetches MA1 until it is readable. */
  protected fetchInfo(): Promise<MatchInfo> {
    return this.fetchInfoUntilRead({
      url: () => this.url("matchinfo"),
      read: (text) => {
        const ma1 = validateItem(ma1Schema, JSON.parse(text), this.log, null, "ma1");
        if (!ma1) return null;
        const d = ma1.liveData?.matchDetails;
        this.status = sdapiLiveStatus(d?.matchStatus, d?.periodId) ?? this.status;
        return matchInfoFromSdapi(ma1.matchInfo);
      },
      failed: (err) => this.failed("ma1", err),
      closedMessage: "statsperform feed closed before match info arrived",
    });
  }

  async *changes(): AsyncIterable<FeedChange[]> {
    const teams = teamSides(await this.info());
    let failures = 0;
    while (!this.closed) {
      let finished = false;
      try {
        const res = await this.get(this.url("matchevent"));
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
        if (this.closed) return;
        this.failed("ma3", err);
        failures += 1;
      }
      if (finished) return;
      await this.pause(failures);
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
}
