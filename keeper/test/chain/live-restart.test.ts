/**
 * A live keeper killed and restarted mid-match (in-process: the loop and its frames dropped, the
 * store closed and reopened): the restarted keeper follows the feed from its current document,
 * so it receives again every event it already stored. The store skips the identical ones and
 * records the corrected one; the series recomputed from the stored log equals every update
 * published before and after the restart.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Keypair } from "@solana/web3.js";
import { describe, expect, it } from "vitest";
import { KeeperLoop } from "../../src/chain/keeper-loop.js";
import { LiveFrames } from "../../src/chain/live-frames.js";
import { recomputeTicks, tickKey } from "../../src/chain/match-frames.js";
import { componentsTuple } from "../../src/chain/oracle-codec.js";
import type { FeedChange, MatchEvent } from "../../src/feeds/model.js";
import { KeeperStore } from "../../src/store/keeper-store.js";
import { corner, ev, pass, shot } from "../engine/builders.js";
import { RecordingPublisher } from "./recording-publisher.js";

const MATCH_ID = "ef".repeat(32);
const feed = Keypair.generate().publicKey;
const upserts = (events: readonly MatchEvent[]): FeedChange[] => events.map((event) => ({ op: "upsert", event }));

describe("live keeper restarted mid-match", () => {
  it("stores no duplicate of an event it already has, records the correction, and recomputes the published series", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "live-restart-")), "keeper.db");
    let now = 5_000_000;
    const publisher = new RecordingPublisher();
    let ts = 1000n;
    const firstDocument = [
      ev("home", 1, 0, { type: "period_start" }, "sp:1"),
      ev("home", 1, 2000, pass(60), "sp:2"),
      ev("away", 1, 5000, shot(80, 0.08), "sp:3"),
      ev("home", 1, 8000, corner, "sp:4"),
    ];
    // While the keeper was down (4 s) the provider corrected the shot's xG and added an event.
    const currentDocument = [...firstDocument.slice(0, 2), ev("away", 1, 5000, shot(80, 0.4), "sp:3"), firstDocument[3] as MatchEvent, ev("home", 1, 13_000, pass(70), "sp:5")];

    let lastPublishedAt = 0;
    const follow = async (store: KeeperStore, document: readonly MatchEvent[], seconds: number, restarted: boolean): Promise<LiveFrames> => {
      const frames = new LiveFrames(() => now, () => ({ phase: "playing", period: 1 }));
      const last = publisher.rounds.flat().at(-1);
      // As the keeper app does: the engine replays the stored log, the match clock continues from
      // the last landed Live tick.
      if (restarted && last) {
        const landed = publisher.rounds.flat().map((p) => tickKey(p.period, p.tMs));
        frames.resume({ period: last.period, tMs: last.tMs, signedAtMs: lastPublishedAt, log: store.changesWithTick("m"), landed });
      }
      const loop = new KeeperLoop({ store, pusher: publisher, oracleTs: () => ts++, nowMs: () => now });
      loop.addMatch("m", feed, frames, { framesPerRound: Number.MAX_SAFE_INTEGER });
      frames.receive(upserts(document));
      for (let s = 0; s < seconds; s++) {
        if ((await loop.round()).pushed.length > 0) lastPublishedAt = now;
        now += 1000;
      }
      return frames;
    };

    let store = new KeeperStore(path);
    store.upsertMatch({ matchKey: "m", matchId: MATCH_ID, provider: "statsperform", home: "H", away: "A", source: null });
    await follow(store, firstDocument, 11, false);
    expect(store.changeCount("m")).toBe(4);
    store.close(); // killed

    now += 3000;
    store = new KeeperStore(path);
    await follow(store, currentDocument, 8, true);

    const log = store.changesWithTick("m");
    const texts = log.map((e) => JSON.stringify(e.change));
    expect(new Set(texts).size).toBe(texts.length);
    expect(log.map((e) => (e.change.op === "upsert" ? e.change.event.id : e.change.id))).toEqual(["sp:1", "sp:2", "sp:3", "sp:4", "sp:3", "sp:5"]);
    const corrected = log[4]?.change;
    expect(corrected?.op === "upsert" && corrected.event.kind.type === "shot" && corrected.event.kind.xg).toBe(0.4);

    const published = publisher.rounds.flat();
    const keys = published.map((p) => tickKey(p.period, p.tMs));
    // Both runs published: ticks before the kill, and after the restart where the clock had got
    // to (18 s + 4 s down), though the feed's newest event is at 13 s.
    expect(keys.length).toBeGreaterThan(10);
    expect(published.map((p) => p.tMs)).toEqual([...Array(11).keys()].map((s) => 8000 + s * 1000).concat([...Array(8).keys()].map((s) => 22_000 + s * 1000)));
    const ticks = recomputeTicks(log, keys);
    for (const p of published) {
      const tick = ticks.get(tickKey(p.period, p.tMs));
      expect({ at: tickKey(p.period, p.tMs), index: tick?.index, components: tick && componentsTuple(tick.components), suspended: tick?.suspended }).toEqual({
        at: tickKey(p.period, p.tMs),
        index: p.update.indexBps,
        components: p.update.components,
        suspended: p.update.suspended,
      });
    }
    store.close();
  });
});
