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
import { COMPONENT_COUNT } from "./config.js";
import type { Contribution } from "./contribution.js";
import { shareBps } from "./ratio.js";

const SLOTS = COMPONENT_COUNT * 2;
const POSSESSION = 0;
const SHOTS = 2;
const XG = 4;
const TILT = 6;
const RECENT = 8;

function bump(sums: Float64Array, at: number, by: number): void {
  sums[at] = (sums[at] as number) + by;
}

export class DecayedWindow {
  /** [0, SLOTS): Σv per (component × 2 + side); [SLOTS, 2·SLOTS): Σv·g. */
  private readonly sums = new Float64Array(SLOTS * 2);

  add(c: Contribution, g: number): void {
    this.addSigned(c, g, 1);
  }

  remove(c: Contribution, g: number): void {
    this.addSigned(c, g, -1);
  }

  private addSigned(c: Contribution, g: number, sign: number): void {
    const s = this.sums;
    const side = c.side;
    // Zero values add exact zeros; branch-free is faster than testing each.
    bump(s, POSSESSION + side, sign * c.possession);
    bump(s, SLOTS + POSSESSION + side, sign * c.possession * g);
    bump(s, SHOTS + side, sign * c.shots);
    bump(s, SLOTS + SHOTS + side, sign * c.shots * g);
    bump(s, XG + side, sign * c.xgE4);
    bump(s, SLOTS + XG + side, sign * c.xgE4 * g);
    bump(s, TILT + side, sign * c.tilt);
    bump(s, SLOTS + TILT + side, sign * c.tilt * g);
    bump(s, RECENT + c.recentSide, sign * c.recent);
    bump(s, SLOTS + RECENT + c.recentSide, sign * c.recent * g);
  }

  /**
   * Writes each component's home share in bps at time `t` into `out`; `priorTerms[c]` is
   * 2 · prior[c] · windowMs (the prior of both sides in the same W-scaled units as the sums).
   */
  components(t: number, windowMs: number, priorTerms: Float64Array, out: Int32Array): void {
    const s = this.sums;
    const lead = windowMs - t;
    for (let c = 0; c < COMPONENT_COUNT; c++) {
      const home = lead * (s[2 * c] as number) + (s[SLOTS + 2 * c] as number);
      const away = lead * (s[2 * c + 1] as number) + (s[SLOTS + 2 * c + 1] as number);
      out[c] = shareBps(home, away, priorTerms[c] as number);
    }
  }
}
