import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { FeedChange } from "../../src/feeds/model.js";
import { ev, goal as goalKind } from "../engine/builders.js";
import { KeeperStore, StoreError } from "../../src/store/keeper-store.js";

const MATCH_ID = "ab".repeat(32);
const dbPath = () => join(mkdtempSync(join(tmpdir(), "keeper-store-")), "keeper.db");

function goal(id: string, tMs: number): FeedChange {
  return { op: "upsert", event: ev("home", 1, tMs, goalKind, id) };
}

describe("KeeperStore", () => {
  it("keeps matches, their accounts and status", () => {
    const store = new KeeperStore(":memory:");
    store.upsertMatch({ matchKey: "m1", matchId: MATCH_ID, provider: "wyscout", home: "France", away: "Croatia", source: "x.json" });
    store.setMatchAccounts("m1", "Feed111", "Pool111");
    store.setMatchStatus("m1", 1);
    store.upsertMatch({ matchKey: "m1", matchId: MATCH_ID, provider: "wyscout", home: "France", away: "Croatia", source: "y.json" });
    expect(store.match("m1")).toMatchObject({ feed: "Feed111", pool: "Pool111", status: 1, source: "y.json" });
    expect(store.matches()).toHaveLength(1);
    expect(store.match("nope")).toBeNull();
    expect(() => store.setMatchStatus("nope", 1)).toThrow(/matchKey: no match 'nope'/);
    expect(() => store.upsertMatch({ matchKey: "m2", matchId: "xyz", provider: "w", home: "a", away: "b", source: null })).toThrow(StoreError);
    store.close();
  });

  it("appends the event log in arrival order, deletions included", () => {
    const store = new KeeperStore(":memory:");
    store.upsertMatch({ matchKey: "m1", matchId: MATCH_ID, provider: "wyscout", home: "A", away: "B", source: null });
    store.appendChanges("m1", [goal("e1", 1000), goal("e2", 2000)]);
    store.appendChanges("m1", []);
    store.appendChanges("m1", [{ op: "delete", id: "e1", period: 1, tMs: 1000 }]);
    const log = store.changes("m1");
    expect(log.map((c) => (c.op === "upsert" ? c.event.id : `-${c.id}`))).toEqual(["e1", "e2", "-e1"]);
    expect(store.changeCount("m1")).toBe(3);
  });

  it("skips a change identical to the latest stored for its event, keeps corrections and re-appearances", () => {
    const store = new KeeperStore(":memory:");
    store.upsertMatch({ matchKey: "m1", matchId: MATCH_ID, provider: "wyscout", home: "A", away: "B", source: null });
    expect(store.appendChanges("m1", [goal("e1", 1000), goal("e2", 2000)])).toBe(2);
    expect(store.appendChanges("m1", [goal("e1", 1000), goal("e2", 2000), goal("e2", 2000)])).toBe(0);
    expect(store.appendChanges("m1", [goal("e1", 1500)])).toBe(1);
    const del = { op: "delete", id: "e1", period: 1, tMs: 1500 } as const;
    expect(store.appendChanges("m1", [del, del])).toBe(1);
    // The event comes back as it first was: not identical to its latest change (the delete).
    expect(store.appendChanges("m1", [goal("e1", 1000)])).toBe(1);
    // Other matches keep their own logs.
    store.upsertMatch({ matchKey: "m2", matchId: MATCH_ID, provider: "wyscout", home: "A", away: "B", source: null });
    expect(store.appendChanges("m2", [goal("e1", 1000)])).toBe(1);
    expect(store.changes("m1").map((c) => (c.op === "upsert" ? `${c.event.id}@${c.event.tMs}` : `-${c.id}`))).toEqual(["e1@1000", "e2@2000", "e1@1500", "-e1", "e1@1000"]);
    store.close();
  });

  it("never hands out a sequence number twice, across a reopen, and honours the chain's floor", () => {
    const path = dbPath();
    let store = new KeeperStore(path);
    expect(store.reserveSeqs("F", 3)).toBe(1);
    expect(store.reserveSeqs("F", 1)).toBe(4);
    store.close();
    // A keeper killed right after reserving: the reopened store continues after what was reserved.
    store = new KeeperStore(path);
    expect(store.nextSeq("F")).toBe(5);
    expect(store.reserveSeqs("F", 2, 3)).toBe(5);
    expect(store.reserveSeqs("F", 1, 100)).toBe(100);
    expect(store.nextSeq("F")).toBe(101);
    expect(store.reserveSeqs("G", 1)).toBe(1);
    expect(() => store.reserveSeqs("F", 0)).toThrow(/count/);
    expect(() => store.reserveSeqs("F", 1, 0)).toThrow(/floor/);
    store.close();
  });

  it("tracks signed updates until they land or are rejected", () => {
    const store = new KeeperStore(":memory:", () => 42_000);
    const base = { feed: "F", matchKey: "m1", period: 1, tMs: 0, ts: 100, status: 1, suspended: false, indexBps: 5000, components: [5000, 5000, 5000, 5000, 5000] };
    store.recordSigned([{ ...base, seq: 1 }, { ...base, seq: 2, tMs: 1000, ts: 101, suspended: true }], "sigA");
    expect(store.unresolved("F").map((u) => u.seq)).toEqual([1, 2]);
    store.setSignature("F", [1, 2], "sigB");
    store.markLanded("F", [1], "sigB");
    store.markRejected("F", [2], "SeqNotIncreasing");
    const pushed = store.pushed("m1");
    expect(pushed.map((u) => [u.seq, u.state, u.signature, u.error])).toEqual([
      [1, "landed", "sigB", null],
      [2, "rejected", "sigB", "SeqNotIncreasing"],
    ]);
    expect(pushed[1]?.suspended).toBe(true);
    expect(store.lastLanded("F")?.seq).toBe(1);
    expect(store.lastLanded("G")).toBeNull();
    expect(store.unresolved("F")).toEqual([]);
    expect(() => store.recordSigned([{ ...base, seq: 1 }], "again")).toThrow(/UNIQUE/);
    // When it was signed: a restarted live keeper continues the match clock from there.
    expect(store.signedAtMs("F", 1)).toBe(42_000);
    expect(store.signedAtMs("F", 9)).toBeNull();
  });

  it("records crank attempts per account", () => {
    let t = 10;
    const store = new KeeperStore(":memory:", () => t++);
    store.recordCrank("fill_open", "P1", 50, "failed", null, "rpc down");
    store.recordCrank("fill_open", "P1", 50, "done", "sig1", null);
    store.recordCrank("settle_position", "P1", 80, "skipped", null, "already settled");
    expect(store.crank("fill_open", "P1")).toEqual({ kind: "fill_open", account: "P1", dueTs: 50, state: "done", signature: "sig1", attempts: 2, lastError: null });
    expect(store.cranks().map((c) => c.kind)).toEqual(["fill_open", "settle_position"]);
    expect(store.crank("fill_close", "P1")).toBeNull();
  });

  it("records voids of an abandoned match as crank kinds of their own", () => {
    let t = 10;
    const store = new KeeperStore(":memory:", () => t++);
    store.recordCrank("void_position", "P1", 70, "done", "sigV", null);
    store.recordCrank("void_position", "P2", 70, "skipped", null, "PositionNotLive");
    store.recordCrank("void_pool", "Pool1", 70, "done", "sigE", null);
    expect(store.crank("void_position", "P1")).toEqual({ kind: "void_position", account: "P1", dueTs: 70, state: "done", signature: "sigV", attempts: 1, lastError: null });
    expect(store.cranks().map((c) => `${c.kind} ${c.account} ${c.state}`)).toEqual(["void_position P1 done", "void_position P2 skipped", "void_pool Pool1 done"]);
  });
});
