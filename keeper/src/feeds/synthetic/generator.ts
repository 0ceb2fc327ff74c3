/**
 * Seeded synthetic match: the embedded default for demos and load tests when no real match is
 * given. Always labelled synthetic (MatchInfo.synthetic, team names). Rates come from
 * CALIBRATION; a shot's xG comes from the shot model and it is scored with probability
 * xG·k, where k makes the expected goals per match equal the measured goals per match.
 */
import type { LoadedMatch } from "../feed.js";
import type { EventKind, MatchEvent, Period, PitchPoint, Side } from "../model.js";
import { sortEvents } from "../order.js";
import { attackingToModel, kindToModelFrame } from "../pitch.js";
import { shotXg } from "../xg/shot-model.js";
import { CALIBRATION as C } from "./calibration.js";
import { Prng } from "./prng.js";

export interface SyntheticOptions {
  readonly seed: number;
  /** 0..1 share of possessions won by the home side (0.5 = even). */
  readonly homeStrength?: number;
  /** Regulation minutes per half (stoppage time is added at random, 1–5 min). */
  readonly halfMinutes?: number;
}

/**
 * Mean shot-model xG over the generator's own shot-location distribution (fixed-seed Monte
 * Carlo, computed once), so that goals per match come out at the measured figure.
 */
let meanShotXg: number | null = null;
function meanXg(): number {
  if (meanShotXg === null) {
    const rng = new Prng(1);
    let sum = 0;
    const n = 20_000;
    for (let i = 0; i < n; i += 1) sum += shotXg(shotLocation(rng), rng.chance(HEADER_SHARE) ? "head" : "foot", "open_play");
    meanShotXg = sum / n;
  }
  return meanShotXg;
}

const HEADER_SHARE = 0.2;

function shotLocation(rng: Prng): PitchPoint {
  return { x: 100 - Math.min(40, rng.exponential(C.shotDistanceX)), y: clamp01(rng.normal(50, 12)) };
}

export function generateSyntheticMatch(opts: SyntheticOptions): LoadedMatch {
  const rng = new Prng(opts.seed);
  const homeStrength = opts.homeStrength ?? 0.5;
  const half = opts.halfMinutes ?? 45;
  const events: MatchEvent[] = [];
  const perAction = (perMatch: number): number => perMatch / (C.actionsPerMin * 90);
  const goalScale = C.goalsPerMatch / (C.shotsPerMatch * meanXg());
  let n = 0;
  let side: Side = "home";
  for (const period of [1, 2] as Period[]) {
    const endMs = (half + 1 + Math.floor(rng.next() * 5)) * 60_000;
    const push = (s: Side, tMs: number, kind: EventKind, suffix = ""): void => {
      n += suffix ? 0 : 1;
      events.push({ id: `synthetic:${n}${suffix}`, provider: "synthetic", providerEventId: String(n), side: s, period, tMs, kind });
    };
    push("home", 0, { type: "period_start" });
    let t = rng.exponential(60_000 / C.actionsPerMin);
    while (t < endMs) {
      const tMs = Math.round(t);
      if (rng.chance(1 / C.actionsPerPossession)) side = rng.chance(homeStrength) ? "home" : "away";
      const other: Side = side === "home" ? "away" : "home";
      const at: PitchPoint = { x: clamp01(rng.normal(55, 22)), y: clamp01(rng.normal(50, 28)) };
      const r = rng.next();
      if (rng.chance(perAction(C.shotsPerMatch))) {
        const loc = shotLocation(rng);
        const bodyPart = rng.chance(HEADER_SHARE) ? "head" : "foot";
        const xg = shotXg(loc, bodyPart, "open_play");
        const goal = rng.chance(Math.min(1, xg * goalScale));
        const outcome = goal ? "goal" : rng.chance(0.35) ? "saved" : rng.chance(0.4) ? "blocked" : "off_target";
        push(side, tMs, kindToModelFrame({ type: "shot", location: loc, bodyPart, situation: "open_play", xg, providerXg: false, outcome }, side));
        if (goal) {
          push(side, tMs, { type: "goal", location: attackingToModel(loc, side) }, ":goal");
          side = other; // kick-off
        }
      } else if (rng.chance(perAction(C.cornersPerMatch))) {
        push(side, tMs, { type: "corner" });
      } else if (rng.chance(perAction(C.foulsPerMatch))) {
        push(other, tMs, kindToModelFrame({ type: "foul", location: at }, other));
        if (rng.chance(C.cardsPerMatch / C.foulsPerMatch)) push(other, tMs, { type: "card", colour: rng.chance(0.06) ? "red" : "yellow" }, ":card");
      } else if (r < C.passShare) {
        const end = { x: clamp01(at.x + rng.normal(6, 15)), y: clamp01(at.y + rng.normal(0, 18)) };
        push(side, tMs, kindToModelFrame({ type: "pass", start: at, end, successful: rng.chance(0.8) }, side));
      } else if (r < C.passShare + C.duelShare) {
        push(side, tMs, kindToModelFrame({ type: "duel", location: at, won: rng.chance(0.5) }, side));
      } else {
        push(side, tMs, kindToModelFrame({ type: "ball_touch", location: at }, side));
      }
      t += rng.exponential(60_000 / C.actionsPerMin);
    }
    push("home", endMs, { type: "period_end" });
  }
  return {
    info: {
      provider: "synthetic",
      matchId: `synthetic-${opts.seed}`,
      home: { name: "Synthetic Home (synthetic)", providerTeamId: "synthetic-home" },
      away: { name: "Synthetic Away (synthetic)", providerTeamId: "synthetic-away" },
      kickoffUnixMs: null,
      synthetic: true,
    },
    events: sortEvents(events),
    issues: [],
    unmapped: {},
  };
}

/** Generated positions are drawn from wide normals; keep them on the pitch by construction. */
function clamp01(v: number): number {
  return Math.min(100, Math.max(0, v));
}
