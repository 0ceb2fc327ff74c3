/**
 * The backup live feed: an Opta F24 XML document polled at a URL (the same match the primary
 * follows, in the format Opta pushes/serves to its customers). Each poll is a conditional GET;
 * events are compared with what was last seen under their id: new or changed → upserts through
 * the Opta event model, typeId 43 or gone from the document → delete. The full-time marker
 * (End, type 30, in period 14) ends the feed. Errors (network, HTTP, malformed XML, a Game
 * without team ids) become FeedIssues and the next poll backs off; the feed never stops on bad
 * input. Team sides come from the Game's `home_team_id` / `away_team_id`.
 */
import type { MatchFeed } from "../feed.js";
import type { FeedChange, FeedIssue, MatchInfo } from "../model.js";
import { ParseLog, describeError } from "../parse-log.js";
import { SnapshotDiff } from "../snapshot-diff.js";
import { ConditionalGetter, type Fetch } from "../statsperform/http.js";
import { rawId } from "../validate.js";
import { type DerivedIds, vanishedChanges } from "./changes.js";
import { f24Changes, parseOpta, readF24 } from "./f24.js";

export interface OptaF24LiveOptions {
  readonly url: string;
  readonly pollIntervalMs?: number;
  readonly backoffInitialMs?: number;
  readonly backoffMaxMs?: number;
  readonly fetchImpl?: Fetch;
}

const attr = (raw: unknown, key: string): string | null => {
  const v = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>)[key] : undefined;
  return typeof v === "string" ? v : null;
};

export class OptaF24LiveFeed implements MatchFeed {
  readonly provider = "opta" as const;
  private readonly http: ConditionalGetter;
  private readonly log = new ParseLog("opta");
  private readonly snapshots = new SnapshotDiff((raw) => rawId(raw, "id") ?? "");
  private readonly derived = new Map<string, DerivedIds>();
  private readonly abort = new AbortController();
  private cachedInfo: MatchInfo | null = null;
  private pendingInfo: Promise<MatchInfo> | null = null;
  /** A document fetched for the match info, diffed by the first poll instead of fetched again. */
  private firstText: string | null = null;
  private failures = 0;

  constructor(private readonly opts: OptaF24LiveOptions) {
    this.http = new ConditionalGetter(opts.fetchImpl ?? fetch);
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

  /** Teams from the first readable document (retried with backoff until one is). */
  info(): Promise<MatchInfo> {
    // One fetch loop however many callers wait (the aggregator at start-up, then `changes`).
    this.pendingInfo ??= this.fetchInfo();
    return this.pendingInfo;
  }

  private async fetchInfo(): Promise<MatchInfo> {
    while (!this.cachedInfo) {
      try {
        const res = await this.http.get(this.opts.url, this.abort.signal);
        if (res.status === 200) {
          this.cachedInfo = parseOpta(res.text).info;
          this.firstText = res.text;
          this.failures = 0;
          break;
        }
      } catch (err) {
        this.failed(err);
      }
      if (this.abort.signal.aborted) throw new Error("opta F24 feed closed before match info arrived");
      await this.wait(this.backoff());
    }
    return this.cachedInfo;
  }

  async *changes(): AsyncIterable<FeedChange[]> {
    const info = await this.info();
    const teams = { home: info.home.providerTeamId, away: info.away.providerTeamId };
    while (!this.abort.signal.aborted) {
      let finished = false;
      try {
        const text = this.firstText ?? (await this.poll());
        this.firstText = null;
        if (text !== null) {
          const { events } = readF24(text);
          this.failures = 0;
          const batch = this.diff(events, teams);
          if (batch.length > 0) yield batch;
          finished = events.some((e) => attr(e, "type_id") === "30" && attr(e, "period_id") === "14");
        } else this.failures = 0;
      } catch (err) {
        if (this.abort.signal.aborted) return;
        this.failed(err);
      }
      if (finished) return;
      await this.wait(this.failures > 0 ? this.backoff() : (this.opts.pollIntervalMs ?? 2000));
    }
  }

  /** The document when it changed, null on 304. */
  private async poll(): Promise<string | null> {
    const res = await this.http.get(this.opts.url, this.abort.signal);
    return res.status === 200 ? res.text : null;
  }

  private diff(events: readonly unknown[], teams: { home: string; away: string }): FeedChange[] {
    const { changed, removed } = this.snapshots.next(events);
    return [...f24Changes(changed, teams, this.log, this.derived), ...vanishedChanges("opta", removed, this.derived)];
  }

  private failed(err: unknown): void {
    this.failures += 1;
    this.log.issue(null, "f24", describeError(err));
  }

  private backoff(): number {
    const initial = this.opts.backoffInitialMs ?? 1000;
    return Math.min(this.opts.backoffMaxMs ?? 60_000, initial * 2 ** Math.max(0, this.failures - 1));
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
