/**
 * Draws a momentum series as a standalone SVG, by hand: the index curve (shaded toward the side
 * it favours), periods, goals, cards and suspensions, team names and the data credit.
 * Pure: text in, text out.
 */
import type { MatchEvent, MatchInfo, Period } from "../feeds/model.js";
import type { MomentumTick } from "../engine/index.js";
import { clockLabel, matchMinute, periodName } from "./match-clock.js";

export interface MomentumChartInput {
  readonly info: MatchInfo;
  readonly ticks: readonly MomentumTick[];
  /** The match's events; goals, own goals and cards are marked. */
  readonly events: readonly MatchEvent[];
}

/** Credit required by CC BY 4.0 wherever results computed from the Wyscout set are shown. */
export const WYSCOUT_CREDIT =
  "Data: Wyscout public soccer-logs (CC BY 4.0), Pappalardo et al., A public data set of spatio-temporal match events in soccer competitions, Scientific Data 6, 236 (2019)";

const WIDTH = 1200;
const HEIGHT = 560;
const LEFT = 70;
const RIGHT = 30;
const TOP = 90;
const PLOT_HEIGHT = 340;
const PLOT_WIDTH = WIDTH - LEFT - RIGHT;
const HOME_COLOUR = "#1f5fbf";
const AWAY_COLOUR = "#c8372d";

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] as string);
}

const fmt = (n: number): string => (Math.round(n * 10) / 10).toString();
const yOf = (index: number): number => TOP + PLOT_HEIGHT * (1 - index / 10_000);

/** Maps (period, tMs) to x, periods laid side by side in proportion to their length. */
function timeAxis(ticks: readonly MomentumTick[]) {
  const spans = new Map<Period, { start: number; length: number }>();
  let total = 0;
  for (const t of ticks) {
    const span = spans.get(t.period);
    if (!span) spans.set(t.period, { start: 0, length: t.tMs });
    else span.length = Math.max(span.length, t.tMs);
  }
  for (const span of spans.values()) {
    span.start = total;
    total += span.length + 1000;
  }
  const scale = PLOT_WIDTH / Math.max(total, 1);
  const x = (period: Period, tMs: number): number | null => {
    const span = spans.get(period);
    return span ? LEFT + (span.start + Math.min(tMs, span.length)) * scale : null;
  };
  return { spans, x };
}

export function renderMomentumSvg({ info, ticks, events }: MomentumChartInput): string {
  const { spans, x } = timeAxis(ticks);
  const home = escapeXml(info.home.name);
  const away = escapeXml(info.away.name);
  const goals = events.filter((e) => e.kind.type === "goal" || e.kind.type === "own_goal");
  const score = { home: goals.filter((g) => g.side === "home").length, away: goals.filter((g) => g.side === "away").length };
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="Helvetica, Arial, sans-serif" font-size="12">`,
    `<title>${home} ${score.home}–${score.away} ${away}: momentum index</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${LEFT}" y="30" font-size="20" font-weight="bold" class="match-title">${home} ${score.home}–${score.away} ${away}</text>`,
    `<text x="${LEFT}" y="52" fill="#555">Futstar momentum index (0–10000 bps, 5000 balanced, above favours ${home}) · ${escapeXml(info.provider)} match ${escapeXml(info.matchId)}</text>`,
  );
  if (info.synthetic) out.push(`<text x="${WIDTH - RIGHT}" y="30" text-anchor="end" font-size="16" font-weight="bold" fill="#b00" class="synthetic">SYNTHETIC MATCH</text>`);
  out.push(
    `<defs><clipPath id="above"><rect x="${LEFT}" y="${TOP}" width="${PLOT_WIDTH}" height="${PLOT_HEIGHT / 2}"/></clipPath>`,
    `<clipPath id="below"><rect x="${LEFT}" y="${TOP + PLOT_HEIGHT / 2}" width="${PLOT_WIDTH}" height="${PLOT_HEIGHT / 2}"/></clipPath></defs>`,
    `<rect x="${LEFT}" y="${TOP}" width="${PLOT_WIDTH}" height="${PLOT_HEIGHT}" fill="#fafafa" stroke="#ccc"/>`,
  );
  // Suspensions first, so the curve draws over them.
  let openAt: number | null = null;
  const closeSuspension = (endX: number) => {
    if (openAt === null) return;
    out.push(`<rect class="suspension" x="${fmt(openAt)}" y="${TOP}" width="${fmt(Math.max(endX - openAt, 1))}" height="${PLOT_HEIGHT}" fill="#888" fill-opacity="0.22"/>`);
    openAt = null;
  };
  let previousPeriod: Period | null = null;
  for (const t of ticks) {
    const tx = x(t.period, t.tMs) as number;
    if (previousPeriod !== null && t.period !== previousPeriod && openAt !== null) closeSuspension(x(previousPeriod, spans.get(previousPeriod)?.length ?? 0) as number);
    if (t.suspended && openAt === null) openAt = tx;
    if (!t.suspended) closeSuspension(tx);
    previousPeriod = t.period;
  }
  if (previousPeriod !== null) closeSuspension(x(previousPeriod, spans.get(previousPeriod)?.length ?? 0) as number);

  // The curve, one path per period, shaded toward the side it favours.
  const mid = yOf(5000);
  for (const [period] of spans) {
    const points = ticks.filter((t) => t.period === period).map((t) => `${fmt(x(period, t.tMs) as number)},${fmt(yOf(t.index))}`);
    if (points.length === 0) continue;
    const first = (points[0] as string).split(",")[0];
    const last = (points[points.length - 1] as string).split(",")[0];
    const area = `M${first},${fmt(mid)} L${points.join(" L")} L${last},${fmt(mid)} Z`;
    out.push(
      `<path d="${area}" fill="${HOME_COLOUR}" fill-opacity="0.25" clip-path="url(#above)"/>`,
      `<path d="${area}" fill="${AWAY_COLOUR}" fill-opacity="0.25" clip-path="url(#below)"/>`,
      `<path class="momentum-curve" d="M${points.join(" L")}" fill="none" stroke="#222" stroke-width="1.2"/>`,
    );
  }
  out.push(`<line x1="${LEFT}" y1="${fmt(mid)}" x2="${LEFT + PLOT_WIDTH}" y2="${fmt(mid)}" stroke="#999" stroke-dasharray="4 3"/>`);

  // Periods: separators, names and minute ticks every 15'.
  for (const [period, span] of spans) {
    const x0 = x(period, 0) as number;
    const x1 = x(period, span.length) as number;
    if (span.start > 0) out.push(`<line class="period-start" x1="${fmt(x0)}" y1="${TOP}" x2="${fmt(x0)}" y2="${TOP + PLOT_HEIGHT}" stroke="#444"/>`);
    out.push(`<text class="period" x="${fmt((x0 + x1) / 2)}" y="${TOP - 8}" text-anchor="middle" fill="#333">${periodName(period)}</text>`);
    for (let m = 0; m * 60_000 <= span.length; m += 15) {
      const mx = x(period, m * 60_000) as number;
      out.push(`<text x="${fmt(mx)}" y="${TOP + PLOT_HEIGHT + 16}" text-anchor="middle" fill="#666" font-size="10">${clockLabel(period, m)}</text>`);
    }
  }
  out.push(
    `<text x="${LEFT - 8}" y="${fmt(yOf(10_000) + 4)}" text-anchor="end" fill="#666">10000</text>`,
    `<text x="${LEFT - 8}" y="${fmt(mid + 4)}" text-anchor="end" fill="#666">5000</text>`,
    `<text x="${LEFT - 8}" y="${fmt(yOf(0) + 4)}" text-anchor="end" fill="#666">0</text>`,
    // Team names sit outside the plot, level with the side of the curve they stand for.
    `<text class="team home" x="${WIDTH - RIGHT}" y="${TOP - 26}" text-anchor="end" font-weight="bold" fill="${HOME_COLOUR}">▲ ${home} (home)</text>`,
    `<text class="team away" x="${WIDTH - RIGHT}" y="${TOP + PLOT_HEIGHT + 42}" text-anchor="end" font-weight="bold" fill="${AWAY_COLOUR}">▼ ${away} (away)</text>`,
  );

  // Goals: a line across the plot and a labelled ball on the scorer's side.
  goals.forEach((g, i) => {
    const gx = x(g.period, g.tMs);
    if (gx === null) return;
    const isHome = g.side === "home";
    const y = isHome ? TOP + 30 + (i % 2) * 14 : TOP + PLOT_HEIGHT - 30 - (i % 2) * 14;
    const label = `${matchMinute(g.period, g.tMs)} ${isHome ? home : away}${g.kind.type === "own_goal" ? " (own goal)" : ""}`;
    out.push(
      `<g class="goal" data-side="${g.side}"><title>Goal ${label}</title>`,
      `<line x1="${fmt(gx)}" y1="${TOP}" x2="${fmt(gx)}" y2="${TOP + PLOT_HEIGHT}" stroke="${isHome ? HOME_COLOUR : AWAY_COLOUR}" stroke-width="1"/>`,
      `<circle cx="${fmt(gx)}" cy="${fmt(y)}" r="6" fill="#fff" stroke="#000" stroke-width="1.5"/>`,
      // Labels near the right edge go to the left of the marker.
      gx > WIDTH - RIGHT - 160
        ? `<text x="${fmt(gx - 9)}" y="${fmt(y + 4)}" text-anchor="end" font-size="11">${label}</text></g>`
        : `<text x="${fmt(gx + 9)}" y="${fmt(y + 4)}" font-size="11">${label}</text></g>`,
    );
  });
  // Cards: a small card on the booked side's edge.
  for (const c of events) {
    if (c.kind.type !== "card") continue;
    const cx = x(c.period, c.tMs);
    if (cx === null) continue;
    const colour = c.kind.colour === "yellow" ? "#f2c200" : "#d00000";
    const y = c.side === "home" ? TOP + 2 : TOP + PLOT_HEIGHT - 16;
    const label = `${matchMinute(c.period, c.tMs)} ${c.kind.colour.replace("_", " ")} card, ${c.side === "home" ? home : away}`;
    out.push(`<rect class="card card-${c.kind.colour}" x="${fmt(cx - 4)}" y="${y}" width="8" height="12" rx="1" fill="${colour}" stroke="#333" stroke-width="0.5"><title>${label}</title></rect>`);
  }

  // Legend and credit.
  const legendY = TOP + PLOT_HEIGHT + 42;
  out.push(
    `<circle cx="${LEFT + 6}" cy="${legendY - 4}" r="5" fill="#fff" stroke="#000"/><text x="${LEFT + 16}" y="${legendY}">goal</text>`,
    `<rect x="${LEFT + 60}" y="${legendY - 11}" width="8" height="12" fill="#f2c200" stroke="#333" stroke-width="0.5"/><rect x="${LEFT + 70}" y="${legendY - 11}" width="8" height="12" fill="#d00000" stroke="#333" stroke-width="0.5"/><text x="${LEFT + 84}" y="${legendY}">card (on the booked side)</text>`,
    `<rect x="${LEFT + 250}" y="${legendY - 11}" width="20" height="12" fill="#888" fill-opacity="0.22"/><text x="${LEFT + 276}" y="${legendY}">suspended (trading paused until the index absorbs a goal, penalty or red card)</text>`,
  );
  if (info.provider === "wyscout") out.push(`<text class="credit" x="${LEFT}" y="${HEIGHT - 14}" fill="#555" font-size="10">${escapeXml(WYSCOUT_CREDIT)}</text>`);
  if (info.synthetic) out.push(`<text class="credit" x="${LEFT}" y="${HEIGHT - 14}" fill="#b00" font-size="10">Synthetic match generated by Futstar: not real play.</text>`);
  out.push("</svg>");
  return `${out.join("\n")}\n`;
}
