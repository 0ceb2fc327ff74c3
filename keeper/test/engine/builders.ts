/** Hand-made events in the normalized model, and a seeded random match, for engine tests. */
import type { EventKind, MatchEvent, Period, Side } from "../../src/feeds/model.js";

let serial = 0;

export function ev(side: Side, period: Period, tMs: number, kind: EventKind, id?: string): MatchEvent {
  const eventId = id ?? `t${++serial}`;
  return { id: eventId, provider: "synthetic", providerEventId: eventId, side, period, tMs, kind };
}

export const pass = (x: number, successful = true): EventKind => ({ type: "pass", start: { x, y: 50 }, end: { x: Math.min(100, x + 10), y: 50 }, successful });
export const shot = (x: number, xg: number, outcome: "goal" | "saved" | "off_target" = "saved"): EventKind => ({
  type: "shot",
  location: { x, y: 50 },
  bodyPart: "foot",
  situation: "open_play",
  xg,
  providerXg: true,
  outcome,
});
export const goal: EventKind = { type: "goal", location: { x: 90, y: 50 } };
export const ownGoal: EventKind = { type: "own_goal" };
export const redCard: EventKind = { type: "card", colour: "red" };
export const yellowCard: EventKind = { type: "card", colour: "yellow" };
export const corner: EventKind = { type: "corner" };
export const penaltyAwarded: EventKind = { type: "penalty_awarded" };

/** Mulberry32: small, seeded, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random match over two halves with integer coordinates (so mirroring is exact). */
export function randomMatch(seed: number, perHalf = 300, halfMs = 2_820_000): MatchEvent[] {
  const r = rng(seed);
  const events: MatchEvent[] = [];
  for (const period of [1, 2] as const) {
    for (let i = 0; i < perHalf; i++) {
      const side: Side = r() < 0.5 ? "home" : "away";
      const tMs = Math.floor(r() * halfMs);
      const x = Math.floor(r() * 101);
      const roll = r();
      let kind: EventKind;
      if (roll < 0.6) kind = pass(x, r() < 0.8);
      else if (roll < 0.7) kind = shot(x, Math.floor(r() * 100) / 100, r() < 0.1 ? "goal" : "saved");
      else if (roll < 0.75) kind = corner;
      else if (roll < 0.78) kind = r() < 0.8 ? yellowCard : redCard;
      else if (roll < 0.8) kind = goal;
      else if (roll < 0.9) kind = { type: "duel", location: { x, y: 30 }, won: r() < 0.5 };
      else kind = { type: "ball_touch", location: { x, y: 70 } };
      events.push(ev(side, period, tMs, kind, `s${seed}-${period}-${i}`));
    }
  }
  return events;
}

/** The same match seen from the other bench: sides swapped, pitch rotated. */
export function mirror(event: MatchEvent): MatchEvent {
  const side: Side = event.side === "home" ? "away" : "home";
  const flip = (p: { x: number; y: number }) => ({ x: 100 - p.x, y: 100 - p.y });
  const k = event.kind;
  let kind: EventKind = k;
  if (k.type === "pass") kind = { ...k, start: flip(k.start), end: k.end ? flip(k.end) : null };
  else if (k.type === "shot") kind = { ...k, location: flip(k.location) };
  else if ((k.type === "duel" || k.type === "ball_touch" || k.type === "free_kick" || k.type === "goal") && k.location) kind = { ...k, location: flip(k.location) };
  return { ...event, side, kind };
}

/** Ticks every second of both halves (and a bit past), in order. */
export function* secondsOf(halfMs = 2_820_000, periods: readonly Period[] = [1, 2]): Generator<[Period, number]> {
  for (const period of periods) for (let t = 0; t <= halfMs; t += 1000) yield [period, t];
}

export function sortByTime(events: readonly MatchEvent[]): MatchEvent[] {
  return [...events].sort((a, b) => a.period - b.period || a.tMs - b.tMs);
}
