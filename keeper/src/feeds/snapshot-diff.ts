/**
 * Live providers (Stats Perform MA3, Opta F24) serve the whole match document on every poll.
 * A SnapshotDiff remembers each raw event's text by its provider id, so each poll yields only
 * what is new or changed since the previous one, and the ids that vanished from the document
 * (a deletion even without an explicit delete marker).
 */
export interface SnapshotChanges {
  /** Raw events not seen before, or whose content differs from the last poll, in document order. */
  readonly changed: unknown[];
  /** Ids present in the previous poll and gone from this one. */
  readonly removed: string[];
}

export class SnapshotDiff {
  private readonly seen = new Map<string, string>();

  /** `idOf` reads a raw event's provider id (as a string). */
  constructor(private readonly idOf: (raw: unknown) => string) {}

  /** Compares one full document's events with the previous one's and remembers this one. */
  next(events: readonly unknown[]): SnapshotChanges {
    const present = new Set<string>();
    const changed: unknown[] = [];
    for (const raw of events) {
      const id = this.idOf(raw);
      present.add(id);
      const text = JSON.stringify(raw);
      if (this.seen.get(id) === text) continue;
      this.seen.set(id, text);
      changed.push(raw);
    }
    const removed: string[] = [];
    for (const id of this.seen.keys()) if (!present.has(id)) removed.push(id);
    for (const id of removed) this.seen.delete(id);
    return { changed, removed };
  }
}
