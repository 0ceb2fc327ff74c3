/**
 * LiveFrames, the live match clock and lifecycle, on a hand-driven wall clock: ticks only as
 * time passes, HalfTime between halves, extra time, Ended after the feed ends (never straight
 * from HalfTime), Abandoned, and the stored changes replaying to the same ticks; a restart
 * resumed mid-period or in a break publishes nothing that goes back in match time, never skips
 * a break, and ticks as an uninterrupted run does.
 */
import { describe, expect, it } from "vitest";
import { LiveFrames } from "../../src/chain/live-frames.js";
import { recomputeTicks, tickKey, type Frame } from "../../src/chain/match-frames.js";
import { FeedStatus } from "../../src/chain/oracle-codec.js";
import type { LiveStatus } from "../../src/feeds/aggregator/live-status.js";
import type { EventKind, FeedChange, Period, Side } from "../../src/feeds/model.js";

let n = 0;
const up = (period: Period, tMs: number, kind: EventKind = { type: "corner" }, side: Side = "home"): FeedChange => ({
  op: "upsert",
  event: { id: `t:${++n}`, provider: "statsperform", providerEventId: String(n), side, period, tMs, kind },
});

function drive() {
  let now = 1_000_000;
  let status: LiveStatus | null = null;
  const frames = new LiveFrames(() => now, () => status);
  const taken: Frame[] = [];
  const take = (): (Frame | "wait" | null)[] => {
    const out: (Frame | "wait" | null)[] = [];
    for (;;) {
      const f = frames.next();
      out.push(f);
      if (f === "wait" || f === null) return out;
      taken.push(f);
    }
  };
  const receive = (changes: FeedChange[], s: LiveStatus | null): void => {
    status = s ?? status;
    frames.receive(changes);
  };
  return { frames, taken, take, receive, advance: (ms: number) => void (now += ms) };
}

const statuses = (fs: (Frame | "wait" | null)[]): string[] => fs.map((f) => (f === null ? "null" : f === "wait" ? "wait" : `${["S", "L", "H", "E", "A"][f.status]}${f.period}/${f.tMs / 1000}`));

describe("live frames", () => {
  it("Given no kick-off yet, then it waits; then one Live frame per second as wall time passes", () => {
    const d = drive();
    expect(statuses(d.take())).toEqual(["wait"]);
    d.receive([], { phase: "playing", period: 1 });
    expect(statuses(d.take())).toEqual(["L1/0", "wait"]);
    d.advance(2500);
    expect(statuses(d.take())).toEqual(["L1/1", "L1/2", "wait"]);
  });

  it("Given an event ahead of the clock, then the clock jumps to it (never behind the feed)", () => {
    const d = drive();
    d.receive([up(1, 0, { type: "period_start" }), up(1, 5000)], null);
    expect(statuses(d.take()).at(-2)).toBe("L1/5");
  });

  it("half-time, second half, end: HalfTime after period 1, Live after 2 until the feed ends, then Ended", () => {
    const d = drive();
    d.receive([up(1, 0, { type: "period_start" })], null);
    d.advance(3000);
    d.receive([up(1, 3000, { type: "period_end" })], null);
    d.advance(10_000);
    expect(statuses(d.take())).toEqual(["L1/0", "L1/1", "L1/2", "L1/3", "H1/3", "wait"]);
    d.receive([up(2, 0, { type: "period_start" })], { phase: "playing", period: 2 });
    d.advance(1000);
    d.receive([up(2, 1000, { type: "period_end" })], null);
    expect(statuses(d.take())).toEqual(["L2/0", "L2/1", "wait"]);
    d.advance(5000);
    expect(statuses(d.take())).toEqual(["wait"]);
    d.frames.end("ended");
    expect(statuses(d.take())).toEqual(["E2/1", "null"]);
    expect(d.frames.finished).toBe(true);
  });

  it("extra time: a break after period 2 (feed status) is HalfTime; periods 3 and 4 tick", () => {
    const d = drive();
    d.receive([up(1, 0), up(1, 1000, { type: "period_end" })], null);
    d.advance(1000);
    d.receive([up(2, 0), up(2, 1000, { type: "period_end" })], { phase: "break", period: null });
    d.advance(1000);
    expect(statuses(d.take())).toEqual(["L1/0", "L1/1", "H1/1", "L2/0", "L2/1", "H2/1", "wait"]);
    d.receive([up(3, 0)], { phase: "playing", period: 3 });
    expect(statuses(d.take())).toEqual(["L3/0", "wait"]);
    d.receive([up(4, 0)], { phase: "playing", period: 4 });
    expect(statuses(d.take())).toEqual(["H3/0", "L4/0", "wait"]);
    // Shoot-out events start no clocked period: period 4 keeps ticking.
    d.receive([up(5 as Period, 0)], null);
    d.advance(1000);
    expect(statuses(d.take())).toEqual(["L4/1", "wait"]);
  });

  it("a feed that ends during a break publishes one more Live frame before Ended; late changes are applied first", () => {
    const d = drive();
    d.receive([up(1, 0), up(1, 1000, { type: "period_end" })], null);
    d.advance(1000);
    expect(statuses(d.take())).toEqual(["L1/0", "L1/1", "H1/1", "wait"]);
    d.receive([up(1, 500, { type: "shot", location: { x: 90, y: 50 }, bodyPart: "foot", situation: "open_play", xg: 0.3, providerXg: true, outcome: "saved" })], { phase: "finished", period: null });
    d.frames.end("ended");
    const tail = d.take();
    expect(statuses(tail)).toEqual(["L1/2", "E1/2", "null"]);
    // The stored log (changes with the tick they were applied before) replays to the same ticks.
    const log = d.taken.flatMap((f) => f.changes.map((change) => ({ change, appliedAt: tickKey(f.period, f.tMs) })));
    const live = d.taken.filter((f) => f.status === FeedStatus.Live);
    const again = recomputeTicks(log, live.map((f) => tickKey(f.period, f.tMs)));
    for (const f of live) expect(again.get(tickKey(f.period, f.tMs))).toEqual(f.tick);
    expect(live.at(-1)!.tick.components.shotsRatio).toBeGreaterThan(5000);
  });

  it("a break heard before the period-end event: ticks due until then are published, none after; play resuming in the same period ticks on", () => {
    const d = drive();
    d.receive([up(1, 0, { type: "period_start" })], { phase: "playing", period: 1 });
    expect(statuses(d.take())).toEqual(["L1/0", "wait"]);
    // The keeper was slow: 3 s passed, then the feed said "interrupted" before it took a frame.
    d.advance(3000);
    d.receive([], { phase: "break", period: null });
    d.advance(5000);
    expect(statuses(d.take())).toEqual(["L1/1", "L1/2", "L1/3", "H1/3", "wait"]);
    d.receive([], { phase: "playing", period: 1 });
    expect(statuses(d.take())).toEqual(["L1/4", "L1/5", "L1/6", "L1/7", "L1/8", "wait"]);
  });

  it("abandoned: from Live, and before kick-off (Scheduled → Abandoned); ended before kick-off publishes nothing", () => {
    const live = drive();
    live.receive([up(1, 0)], null);
    expect(statuses(live.take())).toEqual(["L1/0", "wait"]);
    live.frames.end("abandoned");
    expect(statuses(live.take())).toEqual(["A1/0", "null"]);
    const early = drive();
    early.frames.end("abandoned");
    expect(statuses(early.take())).toEqual(["A1/0", "null"]);
    const never = drive();
    never.frames.end("ended");
    expect(statuses(never.take())).toEqual(["null"]);
  });

  it("resumed after a restart in the second half: the engine replays the stored log, the clock continues from the last landed tick, the first half is not walked again", () => {
    const firstRun = [up(1, 0, { type: "period_start" }), up(1, 2_700_000, { type: "period_end" }), up(2, 0, { type: "period_start" }), up(2, 20_000, { type: "corner" }, "away")];
    const log = firstRun.map((change) => ({ change, appliedAt: change.op === "upsert" ? tickKey(change.event.period, change.event.tMs) : null }));
    const landed = ["1/0", "1/2700000", "2/0", "2/20000", "2/60000"];
    const d = drive();
    d.frames.resume({ period: 2, tMs: 60_000, signedAtMs: 1_000_000 - 3000, log, landed });
    // The feed's current document: what the first run had, and one event more.
    const more = up(2, 30_000);
    d.receive([...firstRun, more], { phase: "playing", period: 2 });
    expect(statuses(d.take())).toEqual(["L2/61", "L2/62", "L2/63", "wait"]);
    const first = d.taken[0] as Frame;
    expect(first.changes).toHaveLength(5);
    // The same tick `recompute` gets from the stored log (the first run's, then the restart's new event).
    const recomputed = recomputeTicks([...log, { change: more, appliedAt: "2/61000" }], [...landed, "2/61000"]).get("2/61000");
    expect(first.tick).toEqual(recomputed);
    d.frames.end("ended");
    expect(statuses(d.take())).toEqual(["E2/63", "null"]);
    expect(() => d.frames.resume({ period: 1, tMs: 0, signedAtMs: 0, log: [], landed: ["1/0"] })).toThrow(/already started/);
  });

  it("resumed and ended before a frame was due: Ended at the last landed tick; a resume point must be a landed Live tick", () => {
    const d = drive();
    d.frames.resume({ period: 1, tMs: 10_000, signedAtMs: 1_000_000, log: [], landed: ["1/10000"] });
    d.frames.end("ended");
    expect(statuses(d.take())).toEqual(["E1/10", "null"]);
    expect(() => drive().frames.resume({ period: 1, tMs: 5000, signedAtMs: 0, log: [], landed: ["1/10000"] })).toThrow(/no landed Live tick at 1\/5000/);
    expect(() => drive().frames.resume({ period: 5, tMs: 0, signedAtMs: 0, log: [], landed: ["5/0"] })).toThrow(/no landed Live tick/);
  });

  /** The stored log of a run's frames: every change under the tick it was published with, as the keeper loop stores it. */
  const storedLog = (fs: readonly Frame[]) => fs.flatMap((f) => f.changes.map((change) => ({ change, appliedAt: tickKey(f.period, f.tMs) })));
  const landedKeys = (fs: readonly Frame[]) => fs.map((f) => tickKey(f.period, f.tMs));

  it("restarted during half-time (last landed HalfTime): nothing is published until the second half kicks off, then it ticks as an uninterrupted run; recompute agrees", () => {
    const firstHalf = [up(1, 0, { type: "period_start" }), up(1, 1000, { type: "shot", location: { x: 88, y: 45 }, bodyPart: "foot", situation: "open_play", xg: 0.2, providerXg: true, outcome: "saved" }), up(1, 3000, { type: "period_end" })];
    const secondHalf = [up(2, 0, { type: "period_start" }), up(2, 1000, { type: "corner" }, "away")];
    // The uninterrupted run.
    const ref = drive();
    ref.receive(firstHalf.slice(0, 2), { phase: "playing", period: 1 });
    ref.advance(3000);
    ref.receive(firstHalf.slice(2), { phase: "break", period: null });
    expect(statuses(ref.take())).toEqual(["L1/0", "L1/1", "L1/2", "L1/3", "H1/3", "wait"]);
    const beforeRestart = [...ref.taken];
    const halfTimeSignedAt = 1_003_000;
    ref.advance(60_000);
    ref.receive(secondHalf, { phase: "playing", period: 2 });
    ref.advance(2000);
    expect(statuses(ref.take())).toEqual(["L2/0", "L2/1", "L2/2", "L2/3", "wait"]);

    // The keeper killed after HalfTime landed, started again 40 s into the break.
    const d = drive();
    d.advance(43_000);
    d.frames.resume({ period: 1, tMs: 3000, signedAtMs: halfTimeSignedAt, status: FeedStatus.HalfTime, log: storedLog(beforeRestart), landed: landedKeys(beforeRestart) });
    expect(statuses(d.take())).toEqual(["wait"]);
    // The feed's current document: the whole first half again, the break.
    d.receive(firstHalf, { phase: "break", period: null });
    d.advance(20_000);
    expect(statuses(d.take())).toEqual(["wait"]);
    // A stale "playing 1" does not restart the first half: its end event is in the stored log.
    d.receive([], { phase: "playing", period: 1 });
    expect(statuses(d.take())).toEqual(["wait"]);
    d.receive([...firstHalf, ...secondHalf], { phase: "playing", period: 2 });
    d.advance(2000);
    expect(statuses(d.take())).toEqual(["L2/0", "L2/1", "L2/2", "L2/3", "wait"]);
    const secondRun = ref.taken.slice(beforeRestart.length);
    expect(d.taken.map((f) => f.tick)).toEqual(secondRun.map((f) => f.tick));
    // The store keeps only what is new (the second half's events) under the tick that applied them.
    const log = [...storedLog(beforeRestart), ...secondHalf.map((change) => ({ change, appliedAt: "2/0" }))];
    const all = [...beforeRestart, ...d.taken].filter((f) => f.status === FeedStatus.Live);
    const again = recomputeTicks(log, landedKeys(all));
    for (const f of all) expect(again.get(tickKey(f.period, f.tMs))).toEqual(f.tick);
    d.frames.end("ended");
    expect(statuses(d.take())).toEqual(["E2/3", "null"]);
  });

  it("restarted in the break before extra time: waits for period 3; ended instead, one Live frame after the last landed tick, then Ended", () => {
    const played = [up(1, 0), up(1, 1000, { type: "period_end" }), up(2, 0), up(2, 1000, { type: "period_end" })];
    const first = drive();
    first.receive(played, { phase: "break", period: null });
    first.advance(1000);
    expect(statuses(first.take())).toEqual(["L1/0", "L1/1", "H1/1", "L2/0", "L2/1", "H2/1", "wait"]);
    const resume = { period: 2, tMs: 1000, signedAtMs: 1_001_000, status: FeedStatus.HalfTime, log: storedLog(first.taken), landed: landedKeys(first.taken) };

    const extra = drive();
    extra.advance(300_000);
    extra.frames.resume(resume);
    extra.receive(played, { phase: "break", period: null });
    expect(statuses(extra.take())).toEqual(["wait"]);
    extra.receive([up(3, 0)], { phase: "playing", period: 3 });
    extra.advance(1000);
    expect(statuses(extra.take())).toEqual(["L3/0", "L3/1", "wait"]);

    const over = drive();
    over.frames.resume(resume);
    over.receive(played, { phase: "finished", period: null });
    over.frames.end("ended");
    // HalfTime → Ended is illegal: one more Live frame, the second after the last landed one.
    expect(statuses(over.take())).toEqual(["L2/2", "E2/2", "null"]);
  });

  it("restarted in a break the feed called (no end event stored): play resuming in that period ticks on from the last landed tick", () => {
    const first = drive();
    first.receive([up(1, 0, { type: "period_start" })], { phase: "playing", period: 1 });
    expect(statuses(first.take())).toEqual(["L1/0", "wait"]);
    first.advance(3000);
    first.receive([], { phase: "break", period: null });
    expect(statuses(first.take())).toEqual(["L1/1", "L1/2", "L1/3", "H1/3", "wait"]);
    const d = drive();
    d.advance(10_000);
    d.frames.resume({ period: 1, tMs: 3000, signedAtMs: 1_003_000, status: FeedStatus.HalfTime, log: storedLog(first.taken), landed: landedKeys(first.taken) });
    d.receive([up(1, 0, { type: "period_start" })], { phase: "break", period: null });
    expect(statuses(d.take())).toEqual(["wait"]);
    d.receive([], { phase: "playing", period: 1 });
    const resumed = statuses(d.take());
    expect(resumed.slice(0, 2)).toEqual(["L1/4", "L1/5"]);
    expect(resumed.at(-1)).toBe("wait");
  });

  it("restarted mid-half while the feed already shows that half over and the next one kicked off: ticks up to the end, HalfTime, then the next half — nothing for the downtime", () => {
    const firstRun = [up(1, 0, { type: "period_start" }), up(1, 40_000)];
    const log = firstRun.map((change) => ({ change, appliedAt: "1/40000" }));
    const resume = { period: 1, tMs: 40_000, signedAtMs: 1_000_000, log, landed: ["1/40000"] };

    // The end as an event: Live up to it, then the break, then the second half where the feed is.
    const byEvent = drive();
    byEvent.frames.resume(resume);
    byEvent.advance(600_000);
    // Not heard from the feed yet: the clock alone does not tick (the period may be over).
    expect(statuses(byEvent.take())).toEqual(["wait"]);
    byEvent.receive([...firstRun, up(1, 45_000, { type: "period_end" }), up(2, 0, { type: "period_start" }), up(2, 3000)], { phase: "playing", period: 2 });
    expect(statuses(byEvent.take())).toEqual(["L1/41", "L1/42", "L1/43", "L1/44", "L1/45", "H1/45", "L2/0", "L2/1", "L2/2", "L2/3", "wait"]);

    // The end only as the feed's status: the half ends at its latest event, not where the clock ran to.
    const byStatus = drive();
    byStatus.frames.resume(resume);
    byStatus.advance(600_000);
    byStatus.receive([...firstRun, up(1, 43_000)], { phase: "break", period: null });
    expect(statuses(byStatus.take())).toEqual(["L1/41", "L1/42", "L1/43", "H1/43", "wait"]);
    byStatus.receive([up(2, 0, { type: "period_start" })], { phase: "playing", period: 2 });
    expect(statuses(byStatus.take())).toEqual(["L2/0", "wait"]);

    // A later period already started, the feed having nothing newer of this one: HalfTime at once.
    const byLater = drive();
    byLater.frames.resume(resume);
    byLater.advance(600_000);
    byLater.receive([...firstRun, up(2, 0, { type: "period_start" })], { phase: "playing", period: 2 });
    expect(statuses(byLater.take())).toEqual(["H1/40", "L2/0", "wait"]);
  });

  it("a resume status other than Live or HalfTime is refused, naming the field", () => {
    expect(() => drive().frames.resume({ period: 1, tMs: 0, signedAtMs: 0, status: FeedStatus.Ended, log: [], landed: ["1/0"] })).toThrow(/resume: status: must be Live \(1\) or HalfTime \(2\), got 3/);
  });
});
