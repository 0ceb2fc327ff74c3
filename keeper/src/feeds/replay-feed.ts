/** A MatchFeed over an already-loaded match: changes come in batches, in match-time order. */
import type { LoadedMatch, MatchFeed } from "./feed.js";
import type { FeedChange, FeedIssue, MatchInfo } from "./model.js";

export class ReplayFeed implements MatchFeed {
  readonly provider;
  private closed = false;

  constructor(private readonly match: LoadedMatch, private readonly batchSize = 50) {
    this.provider = match.info.provider;
  }

  async info(): Promise<MatchInfo> {
    return this.match.info;
  }

  async *changes(): AsyncIterable<FeedChange[]> {
    for (let i = 0; i < this.match.events.length && !this.closed; i += this.batchSize) {
      yield this.match.events.slice(i, i + this.batchSize).map((event): FeedChange => ({ op: "upsert", event }));
    }
  }

  issues(): readonly FeedIssue[] {
    return this.match.issues;
  }

  unmapped(): Readonly<Record<string, number>> {
    return this.match.unmapped;
  }

  close(): void {
    this.closed = true;
  }
}
