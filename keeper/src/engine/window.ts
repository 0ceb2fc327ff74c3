/**
 * Decayed sums over a rolling window, kept exactly in O(1) per event and per evaluation.
 *
 * An event of value v at played time g has, at time T (g ≤ T < g + W), the weight
 * (W − (T − g)) / W — linear decay from 1 on arrival to 0 at the window edge, so an event leaving
 * the window changes nothing at that instant (no jump). Summed over the window:
 *
 *     W · Σ v·weight = (W − T)·Σ v + Σ v·g
 *
 * so each slot keeps two integers, Σv and Σv·g. Values and times are integers below 2^53, so the
 * sums are exact: adding and later removing an event restores the state bit for bit, whatever
 * the order. (Bound: v ≤ 10000 and g ≤ 5 periods × MAX_PERIOD_MS ≈ 5.4·10^7 ms, so a window stays
 * exact up to ~16,000 xG-bearing shots; real windows hold a few hundred events.)
 */
import { COMPONENT_COUNT } from "./config.js";
import type { Contribution } from "./contribution.js";
import { shareBps } from "./ratio.js";

const SLOTS = COMPONENT_COUNT * 2;

export class DecayedWindow {
  /** [0, SLOTS): Σv per slot; [SLOTS, 2·SLOTS): Σv·g per slot. */
  private readonly sums = new Float64Array(SLOTS * 2);

  add(contribution: Contribution, g: number): void {
    const { slots, values } = contribution;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i] as number;
      const v = values[i] as number;
      this.sums[slot] = (this.sums[slot] as number) + v;
      this.sums[SLOTS + slot] = (this.sums[SLOTS + slot] as number) + v * g;
    }
  }

  remove(contribution: Contribution, g: number): void {
    const { slots, values } = contribution;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i] as number;
      const v = values[i] as number;
      this.sums[slot] = (this.sums[slot] as number) - v;
      this.sums[SLOTS + slot] = (this.sums[SLOTS + slot] as number) - v * g;
    }
  }

  clear(): void {
    this.sums.fill(0);
  }

  /** Writes each component's home share in bps at time `t` into `out`. */
  components(t: number, windowMs: number, priors: readonly number[], out: Int32Array): void {
    const lead = windowMs - t;
    for (let c = 0; c < COMPONENT_COUNT; c++) {
      const home = lead * (this.sums[2 * c] as number) + (this.sums[SLOTS + 2 * c] as number);
      const away = lead * (this.sums[2 * c + 1] as number) + (this.sums[SLOTS + 2 * c + 1] as number);
      out[c] = shareBps(home, away, 2 * (priors[c] as number) * windowMs);
    }
  }
}
