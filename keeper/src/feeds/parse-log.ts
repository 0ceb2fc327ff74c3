/**
 * What a parser reports besides events: problems with single input items (never fatal) and
 * provider types it saw but does not translate (counted, never silently dropped).
 */
import type { FeedIssue, ProviderName } from "./model.js";

export class ParseLog {
  readonly issues: FeedIssue[] = [];
  readonly unmapped: Record<string, number> = {};

  constructor(readonly provider: ProviderName) {}

  issue(eventId: string | null, field: string, message: string): void {
    this.issues.push({ provider: this.provider, eventId, field, message });
  }

  /** Counts one occurrence of a provider type that produced no model event. */
  skip(providerType: string): void {
    this.unmapped[providerType] = (this.unmapped[providerType] ?? 0) + 1;
  }
}

/** A whole input could not be read (e.g. the file is not JSON); carries the issue. */
export class FeedParseError extends Error {
  constructor(readonly issue: FeedIssue) {
    super(`${issue.provider}: ${issue.field}: ${issue.message}`);
    this.name = "FeedParseError";
  }
}

export function describeError(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
