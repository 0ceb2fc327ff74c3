import { describe, expect, it } from "vitest";
import { audit, type ChainFeedSnapshot } from "../../src/chain/audit.js";
import { matchFrames, tickKey } from "../../src/chain/match-frames.js";
import { componentsTuple } from "../../src/chain/oracle-codec.js";
import { KeeperStore } from "../../src/store/keeper-store.js";
import { ev, goal, pass } from "../engine/builders.js";

const events = [ev("home", 1, 1500, pass(80), "a"), ev("home", 1, 3000, goal, "g"), ev("away", 1, 4000, pass(30), "b")];

function recorded(): KeeperStore {
  const store = new KeeperStore(":memory:");
  store.upsertMatch({ matchKey: "m", matchId: "ef".repeat(32), provider: "wyscout", home: "H", away: "A", source: null });
  let seq = 1;
  for (const f of matchFrames(events)) {
    store.appendChanges("m", f.changes, tickKey(f.period, f.tMs));
    const row = { feed: "F", seq, matchKey: "m", period: f.period, tMs: f.tMs, ts: 100 + seq, status: f.status, suspended: f.tick.suspended, indexBps: f.tick.index, components: componentsTuple(f.tick.components) };
    store.recordSigned([row], `sig${seq}`);
    store.markLanded("F", [seq], `sig${seq}`);
    seq++;
  }
  return store;
}

function chainOf(store: KeeperStore, ring: number): ChainFeedSnapshot {
  const pushed = store.pushed("m");
  const last = pushed.at(-1)!;
  return {
    seq: BigInt(last.seq),
    lastUpdateTs: BigInt(last.ts),
    indexBps: last.indexBps,
    components: last.components,
    suspended: last.suspended,
    status: last.status,
    samples: pushed.slice(-ring).map((u) => ({ ts: BigInt(u.ts), indexBps: u.indexBps, suspended: u.suspended, status: u.status })),
  };
}

describe("feed audit", () => {
  it("finds no difference when the log, the signed series and the chain agree", () => {
    const store = recorded();
    const report = audit(store.changesWithTick("m"), store.pushed("m"), chainOf(store, 3));
    expect(report).toEqual({ checkedUpdates: 6, checkedSamples: 3, differences: [] });
  });

  it("reports a signed value the engine would not give, and a chain that differs", () => {
    const store = recorded();
    const pushed = store.pushed("m").map((u) => (u.seq === 4 ? { ...u, indexBps: u.indexBps + 1 } : u));
    const chain = { ...chainOf(store, 2), indexBps: 1234 };
    const samples = [...chain.samples];
    samples[0] = { ...samples[0]!, suspended: !samples[0]!.suspended };
    const report = audit(store.changesWithTick("m"), pushed, { ...chain, samples });
    expect(report.differences.map((d) => `${d.where} ${d.seq} ${d.at} ${d.field}`)).toEqual(["engine 4 1/3000 index", "chain 6 latest index", "chain 5 ring[0] suspended"]);
  });

  it("says so when nothing landed but the chain moved, or the ring is longer than what was signed", () => {
    const store = recorded();
    const empty = { seq: 3n, lastUpdateTs: 0n, indexBps: 5000, components: [5000, 5000, 5000, 5000, 5000], suspended: false, status: 1, samples: [] };
    expect(audit([], [], empty).differences.map((d) => d.field)).toEqual(["seq"]);
    const long = chainOf(store, 7);
    const report = audit(store.changesWithTick("m"), store.pushed("m").slice(2), long);
    expect(report.differences.some((d) => d.at === "ring" && d.field === "length")).toBe(true);
    expect(audit([], [], null).differences).toEqual([]);
  });
});
