/** Text renderings of momentum ticks for the terminal and for JSON lines. */
import type { MomentumTick } from "../engine/index.js";
import type { MatchInfo } from "../feeds/model.js";
import { matchMinute, periodName } from "../chart/match-clock.js";

/** One JSON object per tick, keys in a fixed order, snake_case like `t_ms`. */
export function tickJson(tick: MomentumTick): string {
  const c = tick.components;
  return `{"period":${tick.period},"t_ms":${tick.tMs},"index":${tick.index},"components":{"possession":${c.possession},"shots_ratio":${c.shotsRatio},"xg_ratio":${c.xgRatio},"field_tilt":${c.fieldTilt},"recent_events":${c.recentEvents}},"suspended":${tick.suspended}}`;
}

/** A 41-cell bar centred on 5000: filled toward the right for home, the left for away. */
export function leanBar(index: number): string {
  const half = 20;
  const cells = Math.round(((index - 5000) / 5000) * half);
  const left = " ".repeat(half - Math.max(0, -cells)) + "█".repeat(Math.max(0, -cells));
  const right = "█".repeat(Math.max(0, cells)) + " ".repeat(half - Math.max(0, cells));
  return `${left}|${right}`;
}

/** The line printed for each completed minute (the tick at its end). */
export function minuteLine(tick: MomentumTick, info: MatchInfo): string {
  const c = tick.components;
  const minute = matchMinute(tick.period, Math.max(0, tick.tMs - 1)).padStart(6);
  const lean = `${info.away.name} ${leanBar(tick.index)} ${info.home.name}`;
  const parts = `pos ${c.possession} shots ${c.shotsRatio} xg ${c.xgRatio} tilt ${c.fieldTilt} recent ${c.recentEvents}`;
  return `${minute} ${String(tick.index).padStart(5)}  ${lean}  ${parts}${tick.suspended ? "  SUSPENDED" : ""}`;
}

/** A one-line progress bar, to be redrawn in place with a carriage return. */
export function progressLine(done: number, total: number, tick: MomentumTick, width = 30): string {
  const share = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(share * width);
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}% ${periodName(tick.period)} ${matchMinute(tick.period, tick.tMs)} index ${tick.index}`;
}
