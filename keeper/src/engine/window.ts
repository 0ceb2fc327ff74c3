/**
 * Decayed sums over a rolling window, kept exactly in O(1) per event and per evaluation.
 *
 * An event of value v at played time g has, at time T (g ≤ T < g + W), the weight
 * (W − (T − g)) / W — linear decay from 1 on arrival to 0 at the window edge, so an event leaving
 * the window changes nothing at that instant (no jump). Summed over the window:
 *
 *     W · Σ v·weight = (W − T)·Σ v + Σ v·g
 *
 * so each (component, side) keeps two integers, Σv and Σv·g. Values and times are integers below
 * 2^53, so the sums are exact: adding and later removing an event restores the state bit for bit,
 * whatever the order. (Bound: v ≤ 10000 and g ≤ 5 periods × MAX_PERIOD_MS ≈ 5.4·10^7 ms, so a
 * window stays exact up to ~16,000 xG-bearing shots; real windows hold a few hundred events.)
 */
import { COMPONENT_COUNT, type EngineConfig } from "./config.js";
import { I_POSSESSION, I_RECENT, I_RECENT_SIDE, I_SHOTS, I_SIDE, I_STRIDE, I_TILT, I_XG } from "./held-events.js";
import { BALANCED } from "./ratio.js";

/** Sums layout: Σv of (component c, side) at 2c + side, Σv·g at SLOTS + 2c + side. */
const SLOTS = COMPONENT_COUNT * 2;
// addSlot and components spell these offsets as literals (an imported or module constant is
// reloaded and checked at every use); this fails at load time if the layout ever changes.
if (SLOTS !== 10 || I_STRIDE !== 10 || I_SIDE !== 2 || I_POSSESSION !== 3 || I_SHOTS !== 4 || I_XG !== 5 || I_TILT !== 6 || I_RECENT !== 7 || I_RECENT_SIDE !== 8) {
  throw new Error("engine window: held-event layout changed; update the literal offsets in window.ts");
}

export class DecayedWindow {
  /** [0, SLOTS): Σv per (component × 2 + side); [SLOTS, 2·SLOTS): Σv·g. */
  private readonly sums = new Float64Array(SLOTS * 2);
  private readonly windowMs: number;
  /**
   * [0, 5): per component 2 · prior · windowMs (the prior of both sides in the sums' W-scaled
   * units); [5, 10): per component its index weight in percent.
   */
  private readonly model = new Float64Array(2 * COMPONENT_COUNT);

  constructor(config: EngineConfig) {
    this.windowMs = config.windowMs;
    for (let c = 0; c < COMPONENT_COUNT; c++) {
      this.model[c] = 2 * (config.priors[c] as number) * config.windowMs;
      this.model[COMPONENT_COUNT + c] = config.weightsPct[c] as number;
    }
  }

  /**
   * Adds (sign = 1) or removes (sign = −1) held slot `i` of `ints` (held-events.ts layout) at
   * played time g. Zero values add exact zeros; branch-free is faster than testing each.
   */
  addSlot(ints: Int32Array, i: number, g: number, sign: number): void {
    const s = this.sums;
    // Literal offsets: see the layout check at the top of this file.
    const b = i * 10; // I_STRIDE
    const side = ints[b + 2] as number; // I_SIDE
    const possession = sign * (ints[b + 3] as number); // I_POSSESSION
    const shots = sign * (ints[b + 4] as number); // I_SHOTS
    const xg = sign * (ints[b + 5] as number); // I_XG
    const tilt = sign * (ints[b + 6] as number); // I_TILT
    const recent = sign * (ints[b + 7] as number); // I_RECENT
    const recentAt = 8 + (ints[b + 8] as number); // RECENT + I_RECENT_SIDE
    s[side] = (s[side] as number) + possession;
    s[10 + side] = (s[10 + side] as number) + possession * g;
    s[2 + side] = (s[2 + side] as number) + shots;
    s[12 + side] = (s[12 + side] as number) + shots * g;
    s[4 + side] = (s[4 + side] as number) + xg;
    s[14 + side] = (s[14 + side] as number) + xg * g;
    s[6 + side] = (s[6 + side] as number) + tilt;
    s[16 + side] = (s[16 + side] as number) + tilt * g;
    s[recentAt] = (s[recentAt] as number) + recent;
    s[10 + recentAt] = (s[10 + recentAt] as number) + recent * g;
  }

  /** Makes this window's sums equal to `other`'s. */
  copyFrom(other: DecayedWindow): void {
    this.sums.set(other.sums);
  }

  /** Empties the window. */
  clear(): void {
    this.sums.fill(0);
  }

  /**
   * Writes each component's home share in bps at time `t` into `out` and returns the index
   * blended with the weights. Same arithmetic as `shareBps` / `blendBps` in ratio.ts, unrolled over the five components
   * (a loop over them measured twice as slow).
   */
  components(t: number, out: Float64Array): number {
    const s = this.sums;
    const m = this.model;
    const balanced = BALANCED; // a local folds to an immediate; the import is reloaded per use
    const lead = this.windowMs - t;
    const possession = shareDeviation(lead, s[0] as number, s[1] as number, s[10] as number, s[11] as number, m[0] as number);
    const shots = shareDeviation(lead, s[2] as number, s[3] as number, s[12] as number, s[13] as number, m[1] as number);
    const xg = shareDeviation(lead, s[4] as number, s[5] as number, s[14] as number, s[15] as number, m[2] as number);
    const tilt = shareDeviation(lead, s[6] as number, s[7] as number, s[16] as number, s[17] as number, m[3] as number);
    const recent = shareDeviation(lead, s[8] as number, s[9] as number, s[18] as number, s[19] as number, m[4] as number);
    out[0] = balanced + possession;
    out[1] = balanced + shots;
    out[2] = balanced + xg;
    out[3] = balanced + tilt;
    out[4] = balanced + recent;
    // An integer |deviation| ≤ 100 · 5000, so round-half-away(deviation / 100) is exactly
    // (|deviation| + 50) div 100 with the sign put back: integer division by a constant.
    const deviation = (m[5] as number) * possession + (m[6] as number) * shots + (m[7] as number) * xg + (m[8] as number) * tilt + (m[9] as number) * recent;
    const magnitude = ((((deviation < 0 ? -deviation : deviation) | 0) + 50) | 0) / 100;
    return deviation < 0 ? balanced - (magnitude | 0) : balanced + (magnitude | 0);
  }
}

/**
 * `shareBps(home, away, prior) − 5000` for decayed sums home = lead·Σv_home + Σ(v·g)_home (same
 * for away): 5000·(home − away) / (home + away + prior), rounded half away from zero.
 */
function shareDeviation(lead: number, vHome: number, vAway: number, vgHome: number, vgAway: number, prior: number): number {
  // Nothing of this component in the window (values are ≥ 0, sums exact): the formula gives
  // exactly 0; skip its division.
  if (vHome + vAway === 0) return 0;
  const home = lead * vHome + vgHome;
  const away = lead * vAway + vgAway;
  const x = (5000 * (home - away)) / (home + away + prior); // 5000 = BALANCED, as a literal
  // = roundHalfAwayFromZero(x), spelled so that it inlines into one branch.
  return x < 0 ? -Math.floor(0.5 - x) : Math.floor(x + 0.5);
}
