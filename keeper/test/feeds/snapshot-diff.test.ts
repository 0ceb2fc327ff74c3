/** The poll-to-poll comparison both live feeds (Stats Perform MA3, Opta F24) share. */
import { describe, expect, it } from "vitest";
import { SnapshotDiff } from "../../src/feeds/snapshot-diff.js";

interface Raw {
  readonly id: string;
  readonly x: number;
}
const ev = (id: string, x: number): Raw => ({ id, x });
const diff = (): SnapshotDiff => new SnapshotDiff((raw) => (raw as Raw).id);

describe("SnapshotDiff", () => {
  it("yields every event of the first document as new, in document order", () => {
    expect(diff().next([ev("2", 1), ev("1", 1)])).toEqual({ changed: [ev("2", 1), ev("1", 1)], removed: [] });
  });

  it("yields nothing for an identical document", () => {
    const d = diff();
    d.next([ev("1", 1), ev("2", 1)]);
    expect(d.next([ev("1", 1), ev("2", 1)])).toEqual({ changed: [], removed: [] });
  });

  it("yields new and changed events, and the ids that vanished", () => {
    const d = diff();
    d.next([ev("1", 1), ev("2", 1), ev("3", 1)]);
    expect(d.next([ev("1", 1), ev("2", 9), ev("4", 1)])).toEqual({ changed: [ev("2", 9), ev("4", 1)], removed: ["3"] });
  });

  it("forgets a vanished id: it is new again if it comes back, and not removed twice", () => {
    const d = diff();
    d.next([ev("1", 1), ev("2", 1)]);
    expect(d.next([ev("1", 1)]).removed).toEqual(["2"]);
    expect(d.next([ev("1", 1)]).removed).toEqual([]);
    expect(d.next([ev("1", 1), ev("2", 1)])).toEqual({ changed: [ev("2", 1)], removed: [] });
  });

  it("an empty document removes everything seen", () => {
    const d = diff();
    d.next([ev("1", 1), ev("2", 1)]);
    expect(d.next([])).toEqual({ changed: [], removed: ["1", "2"] });
  });
});
