/** Football minute labels: 18', 45+2', 105+1'. */
import type { Period } from "../feeds/model.js";

/** Minute at which each period starts and its regulation length, in minutes. */
const PERIOD_MINUTES: Record<Period, { readonly start: number; readonly length: number; readonly name: string }> = {
  1: { start: 0, length: 45, name: "1st half" },
  2: { start: 45, length: 45, name: "2nd half" },
  3: { start: 90, length: 15, name: "Extra time 1" },
  4: { start: 105, length: 15, name: "Extra time 2" },
  5: { start: 120, length: 0, name: "Penalties" },
};

export function periodName(period: Period): string {
  return PERIOD_MINUTES[period].name;
}

/** Label of the clock reading `minutes` into a period: 60', 45+2'. */
export function clockLabel(period: Period, minutes: number): string {
  const { start, length } = PERIOD_MINUTES[period];
  if (period === 5) return `pens ${minutes}'`;
  return minutes > length ? `${start + length}+${minutes - length}'` : `${start + minutes}'`;
}

/** The conventional minute of an instant: the minute being played, stoppage time as 45+n. */
export function matchMinute(period: Period, tMs: number): string {
  return clockLabel(period, Math.floor(tMs / 60_000) + 1);
}
