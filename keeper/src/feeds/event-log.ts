/** The current state of a feed's event log: FeedChanges applied in order. */
import type { FeedChange, MatchEvent } from "./model.js";
import { sortEvents } from "./order.js";

export class EventLog {
  private readonly byId = new Map<string, MatchEvent>();

  apply(changes: Iterable<FeedChange>): void {
    for (const c of changes) {
      if (c.op === "upsert") this.byId.set(c.event.id, c.event);
      else this.byId.delete(c.id);
    }
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: string): MatchEvent | undefined {
    return this.byId.get(id);
  }

  /** Events in match-time order. */
  events(): MatchEvent[] {
    return sortEvents([...this.byId.values()]);
  }
}
