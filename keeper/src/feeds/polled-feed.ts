/**
 * What the polled live feeds (Stats Perform MA1/MA3, Opta F24) have in common: conditional GETs
 * that the feed's `close()` aborts, one match-info fetch loop however many callers wait for it,
 * exponential backoff after consecutive failures (initial·2ⁿ⁻¹, capped; every wait chosen is
 * kept for the feed's stats), and waits that end at once when the feed is closed. Problems are
 * FeedIssues in the feed's ParseLog; nothing here stops a feed on bad input.
 */
import { sleepUnlessAborted } from "../ops/shutdown.js";
import type { MatchFeed } from "./feed.js";
import type { FeedChange, FeedIssue, MatchInfo, ProviderName } from "./model.js";
import { ParseLog } from "./parse-log.js";
import { ConditionalGetter, type ConditionalResult, type Fetch } from "./statsperform/http.js";

export interface PollTiming {
  readonly pollIntervalMs?: number;
  readonly backoffInitialMs?: number;
  readonly backoffMaxMs?: number;
  readonly fetchImpl?: Fetch;
}

/** How one feed fetches its match info (see `PolledFeed.fetchInfoUntilRead`). */
export interface InfoRequest {
  /** Built at every attempt, inside it: an error building it is recorded like any other. */
  readonly url: () => string;
  /** The match info from a 200 body, or null when it is not readable yet (the feed logs why). */
  readonly read: (text: string) => MatchInfo | null;
  /** Records an error thrown by an attempt (request or `read`). */
  readonly failed: (err: unknown) => void;
  /** The message `fetchInfoUntilRead` rejects with once the feed is closed. */
  readonly closedMessage: string;
}

export abstract class PolledFeed implements MatchFeed {
  abstract readonly provider: ProviderName;
  protected readonly log: ParseLog;
  protected readonly http: ConditionalGetter;
  /** Every backoff wait chosen after a failure, in order. */
  protected readonly backoffsMs: number[] = [];
  private readonly abort = new AbortController();
  private pendingInfo: Promise<MatchInfo> | null = null;
  private readonly pollMs: number;
  private readonly backoffInitialMs: number;
  private readonly backoffMaxMs: number;

  constructor(provider: ProviderName, timing: PollTiming) {
    this.log = new ParseLog(provider);
    this.http = new ConditionalGetter(timing.fetchImpl ?? fetch);
    this.pollMs = timing.pollIntervalMs ?? 2000;
    this.backoffInitialMs = timing.backoffInitialMs ?? 1000;
    this.backoffMaxMs = timing.backoffMaxMs ?? 60_000;
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

  info(): Promise<MatchInfo> {
    // One fetch loop however many callers wait (the aggregator at start-up, then `changes`).
    this.pendingInfo ??= this.fetchInfo();
    return this.pendingInfo;
  }

  abstract changes(): AsyncIterable<FeedChange[]>;

  /** Fetches the match info, retrying until it is readable or the feed is closed (`fetchInfoUntilRead`). */
  protected abstract fetchInfo(): Promise<MatchInfo>;

  /**
   * GETs the match info until `read` returns it, pausing with backoff after each attempt that did
   * not (a 304, an unreadable body, an error); rejects once the feed is closed.
   */
  protected async fetchInfoUntilRead(req: InfoRequest): Promise<MatchInfo> {
    for (let failures = 1; ; failures++) {
      try {
        const res = await this.get(req.url());
        if (res.status === 200) {
          const info = req.read(res.text);
          if (info) return info;
        }
      } catch (err) {
        req.failed(err);
      }
      if (this.closed) throw new Error(req.closedMessage);
      await this.pause(failures);
    }
  }

  protected get closed(): boolean {
    return this.abort.signal.aborted;
  }

  protected get(url: string): Promise<ConditionalResult> {
    return this.http.get(url, this.abort.signal);
  }

  /** Waits the poll interval, or after `failures` consecutive failures the backoff. */
  protected pause(failures: number): Promise<void> {
    if (failures <= 0) return this.wait(this.pollMs);
    const ms = Math.min(this.backoffMaxMs, this.backoffInitialMs * 2 ** (failures - 1));
    this.backoffsMs.push(ms);
    return this.wait(ms);
  }

  private wait(ms: number): Promise<void> {
    return sleepUnlessAborted(ms, this.abort.signal);
  }
}
