/**
 * `replay <file|url>|synthetic[:seed] [--provider p] [--speed N|max] [--chart out.svg] [--json]`:
 * replays a whole match (or the seeded synthetic one) through the momentum engine as if live.
 */
import { resolve } from "node:path";
import { renderMomentumSvg } from "../../chart/momentum-svg.js";
import { type EngineIssue, type MomentumTick, planReplay, replayMatch } from "../../engine/index.js";
import { loadMatch } from "../../feeds/feed.js";
import { DEFAULT_SYNTHETIC_SEED, type MatchSource, MatchSourceError, parseMatchSource, type ReplayProvider } from "../../feeds/load.js";
import { parseCommandArgs } from "../args.js";
import type { CliCommand } from "../command.js";
import { minuteLine, progressLine, tickJson } from "../format.js";
import { type CliIo, UsageError } from "../io.js";

const PROVIDERS: readonly ReplayProvider[] = ["wyscout", "statsperform", "opta", "statsbomb"];
const SOURCE_ARG = "<file|url>|synthetic[:seed]";

export interface ReplayOptions {
  readonly source: string;
  readonly provider: ReplayProvider | undefined;
  /** Match seconds per wall-clock second; null = as fast as possible. */
  readonly speed: number | null;
  readonly chart: string | undefined;
  readonly json: boolean;
}

/** Parses the replay arguments; a bad one throws UsageError naming the flag. */
export function parseReplayArgs(args: readonly string[]): ReplayOptions {
  // node's messages already name the flag ("Unknown option '--x'", "Option '--speed <value>' argument missing").
  const { values, positionals } = parseCommandArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      provider: { type: "string" },
      speed: { type: "string" },
      chart: { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  if (positionals.length === 0) throw new UsageError(`missing ${SOURCE_ARG} to replay`);
  if (positionals.length > 1) throw new UsageError(`expected one ${SOURCE_ARG}, got ${positionals.length}: ${positionals.join(" ")}`);
  const source = positionals[0] as string;
  let parsedSource: MatchSource;
  try {
    parsedSource = parseMatchSource(source, SOURCE_ARG);
  } catch (err) {
    if (err instanceof MatchSourceError) throw new UsageError(err.message);
    throw err;
  }
  const provider = values.provider;
  if (provider !== undefined && !PROVIDERS.includes(provider as ReplayProvider)) {
    throw new UsageError(`--provider must be one of ${PROVIDERS.join("|")}, got '${provider}'`);
  }
  if (provider !== undefined && parsedSource.kind === "synthetic") throw new UsageError(`--provider does not apply to the synthetic match, got '${provider}'`);
  let speed: number | null = null;
  if (values.speed !== undefined && values.speed !== "max") {
    speed = Number(values.speed);
    if (!Number.isFinite(speed) || speed <= 0) throw new UsageError(`--speed must be a positive number or 'max', got '${values.speed}'`);
  }
  if (values.chart !== undefined && values.chart.trim() === "") throw new UsageError("--chart needs an output path");
  return { source, provider: provider as ReplayProvider | undefined, speed, chart: values.chart, json: values.json };
}

async function replay(options: ReplayOptions, io: CliIo): Promise<number> {
  const parsed = parseMatchSource(options.source, SOURCE_ARG);
  const source: MatchSource = parsed.kind === "synthetic" || /^https?:\/\//i.test(parsed.location) ? parsed : { kind: "file", location: resolve(io.cwd, parsed.location) };
  const match = await loadMatch(source, options.provider);
  const { info, events } = match;
  // stdout carries only JSON lines with --json; everything for people then goes to stderr.
  const human = options.json ? io.stderr : io.stdout;
  const progress = options.json ? io.stderr : io.stdout;
  human.write(`${info.home.name} vs ${info.away.name} · ${info.provider} match ${info.matchId}${info.synthetic ? " · SYNTHETIC" : ""} · ${events.length} events\n`);
  if (match.issues.length > 0) {
    io.stderr.write(`feed issues: ${match.issues.length}\n`);
    for (const issue of match.issues.slice(0, 10)) io.stderr.write(`  ${issue.provider} event ${issue.eventId ?? "-"} field ${issue.field}: ${issue.message}\n`);
  }
  const unmapped = Object.entries(match.unmapped);
  if (unmapped.length > 0) io.stderr.write(`unmapped provider types: ${unmapped.map(([k, n]) => `${k} ×${n}`).join(", ")}\n`);

  const total = planReplay(events).totalTicks;
  const engineIssues: EngineIssue[] = [];
  const ticks: MomentumTick[] = [];
  const pauseMs = options.speed === null ? 0 : 1000 / options.speed;
  const redrawEvery = options.speed === null ? 60 : 1;
  let pendingJson: string[] = [];
  let lastPeriod: number | null = null;
  const clearProgress = () => {
    if (progress.isTTY) progress.write("\r\x1b[K");
  };
  for (const tick of replayMatch(events, engineIssues)) {
    const previous = ticks[ticks.length - 1];
    ticks.push(tick);
    if (options.json) {
      pendingJson.push(tickJson(tick));
      if (pendingJson.length >= 600 || pauseMs > 0) {
        io.stdout.write(`${pendingJson.join("\n")}\n`);
        pendingJson = [];
      }
    } else {
      if (previous && previous.period !== tick.period && previous.tMs % 60_000 !== 0) {
        clearProgress();
        human.write(`${minuteLine(previous, info)}\n`);
      }
      if (tick.period !== lastPeriod) {
        clearProgress();
        human.write(`— ${["", "1st half", "2nd half", "extra time 1", "extra time 2", "penalties"][tick.period]} —\n`);
      }
      if (tick.tMs > 0 && tick.tMs % 60_000 === 0) {
        clearProgress();
        human.write(`${minuteLine(tick, info)}\n`);
      }
    }
    lastPeriod = tick.period;
    if (progress.isTTY && ticks.length % redrawEvery === 0) progress.write(`\r${progressLine(ticks.length, total, tick)}`);
    if (pauseMs > 0) await io.sleep(pauseMs);
  }
  if (pendingJson.length > 0) io.stdout.write(`${pendingJson.join("\n")}\n`);
  const last = ticks[ticks.length - 1];
  clearProgress();
  if (last && !options.json && last.tMs % 60_000 !== 0) human.write(`${minuteLine(last, info)}\n`);
  for (const issue of engineIssues) io.stderr.write(`engine issue: event ${issue.eventId} field ${issue.field}: ${issue.message}\n`);
  if (options.chart !== undefined) {
    await io.writeFile(resolve(io.cwd, options.chart), renderMomentumSvg({ info, ticks, events }));
    human.write(`chart written to ${options.chart}\n`);
  }
  human.write(`${ticks.length} seconds of match time replayed${last ? `, final index ${last.index}` : ""}\n`);
  return 0;
}

export const replayCommand: CliCommand = {
  name: "replay",
  usage: `replay ${SOURCE_ARG} [--provider wyscout|statsperform|opta|statsbomb] [--speed N|max] [--chart out.svg] [--json]`,
  summary: `replay a recorded match through the momentum engine (auto-detects the provider; --speed max by default); \`synthetic[:seed]\` replays the generated match (seed ${DEFAULT_SYNTHETIC_SEED} by default)`,
  run: (args, io) => replay(parseReplayArgs(args), io),
};
