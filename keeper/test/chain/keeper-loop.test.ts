import { Keypair, type PublicKey } from "@solana/web3.js";
import { describe, expect, it } from "vitest";
import { KeeperLoop } from "../../src/chain/keeper-loop.js";
import { matchFrames } from "../../src/chain/match-frames.js";
import { FeedStatus } from "../../src/chain/oracle-codec.js";
import type { PushItem } from "../../src/chain/oracle-pusher.js";
import { KeeperStore } from "../../src/store/keeper-store.js";
import { ev, goal, pass } from "../engine/builders.js";
import { RecordingPublisher } from "./recording-publisher.js";

const MATCH_ID = "cd".repeat(32);
const events = [ev("home", 1, 1500, pass(60), "a"), ev("home", 1, 3000, goal, "g"), ev("away", 2, 500, pass(40), "b"), ev("away", 2, 2000, pass(40), "c")];

function setup(): { store: KeeperStore; publisher: RecordingPublisher; loop: KeeperLoop; feed: PublicKey } {
  const store = new KeeperStore(":memory:");
  store.upsertMatch({ matchKey: "m", matchId: MATCH_ID, provider: "wyscout", home: "H", away: "A", source: null });
  const publisher = new RecordingPublisher();
  let ts = 1000n;
  const loop = new KeeperLoop({ store, pusher: publisher, oracleTs: () => ts++ });
  return { store, publisher, loop, feed: Keypair.generate().publicKey };
}

const shape = (rounds: PushItem[][]): string[] => rounds.map((r) => r.map((i) => `${i.update.status}:${i.period}/${i.tMs}`).join(","));

describe("keeper loop", () => {
  it("publishes every frame in order with increasing oracle time, then retires the match", async () => {
    const { store, publisher, loop, feed } = setup();
    loop.addMatch("m", feed, matchFrames(events), { framesPerRound: 1 });
    while (loop.liveCount > 0) await loop.round();
    expect(shape(publisher.rounds)).toEqual(["1:1/0", "1:1/1000", "1:1/2000", "1:1/3000", "2:1/3000", "1:2/0", "1:2/1000", "1:2/2000", "3:2/2000"]);
    const ts = publisher.rounds.map((r) => r[0]?.update.ts);
    expect(ts).toEqual([...ts].sort((a, b) => Number((a as bigint) - (b as bigint))));
    expect(store.changes("m")).toHaveLength(4);
    expect(store.changesWithTick("m").map((c) => c.appliedAt)).toEqual(["1/2000", "1/3000", "2/1000", "2/2000"]);
    expect(store.match("m")?.status).toBe(FeedStatus.Ended);
  });

  it("skips frames at speed but never a status change, and stores every change", async () => {
    const { store, publisher, loop, feed } = setup();
    loop.addMatch("m", feed, matchFrames(events), { framesPerRound: 10 });
    while (loop.liveCount > 0) await loop.round();
    expect(shape(publisher.rounds)).toEqual(["1:1/3000", "2:1/3000", "1:2/2000", "3:2/2000"]);
    expect(store.changeCount("m")).toBe(4);
  });

  it("stops following a match whose feed was made final on chain by someone else", async () => {
    const { publisher, loop, feed } = setup();
    loop.addMatch("m", feed, matchFrames(events), { framesPerRound: 1 });
    await loop.round();
    publisher.pushRound = async (items) => items.map((i) => ({ matchKey: i.matchKey, seq: 9n, status: "rejected", failure: { instruction: 1, code: 6036, text: "custom program error: 0x1794" }, reason: "FeedFinalized (6036): no further update" }));
    await loop.round();
    expect(loop.liveCount).toBe(0);
  });

  it("re-sends a status change that did not land and publishes Abandoned on request", async () => {
    const { publisher, loop, feed } = setup();
    let refusals = 2;
    publisher.refuse = (i) => i.update.status === FeedStatus.HalfTime && refusals-- > 0;
    loop.addMatch("m", feed, matchFrames(events), { framesPerRound: 10 });
    await loop.round();
    await loop.round();
    await loop.round();
    await loop.round();
    expect(shape(publisher.rounds)).toEqual(["1:1/3000", "2:1/3000", "2:1/3000", "2:1/3000"]);
    loop.abandon("m");
    await loop.round();
    expect(shape(publisher.rounds.slice(-1))).toEqual(["4:1/3000"]);
    expect(loop.liveCount).toBe(0);
    expect(() => loop.abandon("m")).toThrow(/not live/);
  });

  it("resumes after a restart without re-publishing or re-storing what was done", async () => {
    const { store, publisher, loop, feed } = setup();
    loop.addMatch("m", feed, matchFrames(events), { framesPerRound: 1 });
    for (let i = 0; i < 4; i++) await loop.round();
    // Killed here: the last landed frame was 1/3000 (Live); the log holds "a" and "g".
    const again = new KeeperLoop({ store, pusher: publisher, oracleTs: () => 5000n });
    again.addMatch("m", feed, matchFrames(events), { framesPerRound: 1 }, { period: 1, tMs: 3000, status: FeedStatus.Live });
    while (again.liveCount > 0) await again.round();
    expect(shape(publisher.rounds)).toEqual(["1:1/0", "1:1/1000", "1:1/2000", "1:1/3000", "2:1/3000", "1:2/0", "1:2/1000", "1:2/2000", "3:2/2000"]);
    expect(store.changes("m").map((c) => (c.op === "upsert" ? c.event.id : c.id))).toEqual(["a", "g", "b", "c"]);
  });

  it("runs rounds until the match ends or shutdown, and refuses bad pacing", async () => {
    const { publisher, loop, feed } = setup();
    expect(() => loop.addMatch("x", feed, [], { framesPerRound: 0 })).toThrow(/framesPerRound/);
    loop.addMatch("m", feed, matchFrames(events), { framesPerRound: 3 });
    const controller = new AbortController();
    await loop.run(0, controller.signal, async () => {});
    expect(publisher.rounds.length).toBeGreaterThan(2);
    expect(loop.liveCount).toBe(0);
  });
});
