/**
 * The backup live feed: an Opta F24 XML document polled at a URL (the same match the primary
 * follows, in the format Opta pushes/serves to its customers). Each poll is a conditional GET;
 * events are compared with what was last seen under their id: new or changed → upserts through
 * the Opta event model, typeId 43 or gone from the document → delete. The full-time marker
 * (End, type 30, in period 14) ends the feed. Errors (network, HTTP, malformed XML, a Game
 * without team ids) become FeedIssues and the next poll backs off; the feed never stops on bad
 * input. Team sides come from the Game's `home_team_id` / `away_team_id`.
 */
import type { FeedChange, MatchInfo } from "../model.js";
import { describeError } from "../parse-log.js";
import { PolledFeed, type PollTiming } from "../polled-feed.js";
import { SnapshotDiff } from "../snapshot-diff.js";
import { rawId } from "../validate.js";
import { type DerivedIds, vanishedChanges } from "./changes.js";
import { f24Changes, f24Info, readF24 } from "./f24.js";

export interface OptaF24LiveOptions extends PollTiming {
  readonly url: string;
}

export class OptaF24LiveFeed extends PolledFeed {
  readonly provider = "opta" as const;
  private readonly snapshots = new SnapshotDiff((raw) => rawId(raw, "id") ?? "");
  private readonly derived = new Map<string, DerivedIds>();
  /** The events of the document read for the match info, diffed by the first poll instead of fetched again. */
  private firstEvents: unknown[] | null = null;

  constructor(private readonly opts: OptaF24LiveOptions) {
    super("opta", opts);
  }

  /** Teams from the first readable document. */
  protected fetchInfo(): Promise<MatchInfo> {
    return this.fetchInfoUntilRead({
      url: () => this.opts.url,
      read: (text) => {
        const doc = readF24(text);
        const info = f24Info(doc.game);
        this.firstEvents = doc.events;
        return info;
      },
      failed: (err) => this.failed(err),
      closedMessage: "opta F24 feed closed before match info arrived",
    });
  }

  async *changes(): AsyncIterable<FeedChange[]> {
    const info = await this.info();
    const teams = { home: info.home.providerTeamId, away: info.away.providerTeamId };
    let failures = 0;
    while (!this.closed) {
      let finished = false;
      try {
        const events = this.firstEvents ?? (await this.poll());
        this.firstEvents = null;
        if (events !== null) {
          failures = 0;
          const batch = this.diff(events, teams);
          if (batch.length > 0) yield batch;
          finished = events.some((e) => rawId(e, "type_id") === "30" && rawId(e, "period_id") === "14");
        } else failures = 0;
      } catch (err) {
        if (this.closed) return;
        this.failed(err);
        failures += 1;
      }
      if (finished) return;
      await this.pause(failures);
    }
  }

  /** The document's events when it changed, null on 304. */
  private async poll(): Promise<unknown[] | null> {
    const res = await this.get(this.opts.url);
    return res.status === 200 ? readF24(res.text).events : null;
  }

  private diff(events: readonly unknown[], teams: { home: string; away: string }): FeedChange[] {
    const { changed, removed } = this.snapshots.next(events);
    return [...f24Changes(changed, teams, this.log, this.derived), ...vanishedChanges("opta", removed, this.derived)];
  }

  private failed(err: unknown): void {
    this.log.issue(null, "f24", describeError(err));
  }
}
