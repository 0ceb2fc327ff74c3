/**
 * Keeper configuration: a JSON file, then environment variables on top (env wins).
 *
 * | env | field |
 * |---|---|
 * | FUTSTAR_KEEPER_RPC_URLS (comma separated) | rpcUrls |
 * | FUTSTAR_KEEPER_WS_URL | wsUrl |
 * | FUTSTAR_KEEPER_DB | dbPath |
 * | FUTSTAR_KEEPER_HTTP_HOST / _HTTP_PORT | http.host / http.port |
 * | FUTSTAR_KEEPER_LOG_LEVEL | logLevel |
 * | FUTSTAR_KEEPER_PAYER / _OPERATOR | keypairs.payer / keypairs.operator |
 * | FUTSTAR_KEEPER_ORACLE_SIGNERS (comma separated) | keypairs.oracleSigners |
 * | HELIUS_API_KEY | priorityFee.heliusApiKey |
 * | FUTSTAR_STATSPERFORM_OUTLET_KEY / _BASE_URL / _POLL_MS | statsperform.outletKey / baseUrl / pollIntervalMs |
 * | FUTSTAR_STATSPERFORM_FIXTURE (+ FUTSTAR_OPTA_F24_BACKUP_URL) | one more live match (key `statsperform-<fixture>`) |
 *
 * Every error names the field (`rpcUrls.1`, `http.port`, ...).
 */
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { z } from "zod";
import { MatchSourceError, parseMatchSource } from "../feeds/load.js";
import { DEFAULT_SDAPI_BASE } from "../feeds/statsperform/feed.js";
import { LOG_LEVELS } from "./log.js";

const url = z.string().refine((s) => /^(https?|wss?):\/\/[^\s]+$/.test(s), "must be an http(s) or ws(s) URL");

/** An http(s) URL (also checks `run --backup-f24`). */
export const httpUrl = z.string().refine((s) => /^https?:\/\/[^\s]+$/.test(s), "must be an http(s) URL");

/** A match followed live: Stats Perform SDAPI (MA1 + MA3 polled), optionally an Opta F24 URL as backup. */
export const liveSchema = z.object({
  provider: z.literal("statsperform"),
  fixtureId: z.string().min(1).max(64),
  /** Opta F24 XML of the same match, polled as the aggregator's backup. */
  backupF24Url: httpUrl.optional(),
  backupPollIntervalMs: z.number().int().min(10).max(600_000).default(5000),
});

const matchSchema = z
  .object({
    key: z.string().min(1).max(64),
    /** A path, an http(s) URL, or `synthetic` / `synthetic:<seed>` (the generated match). */
    source: z.string().min(1).optional(),
    /** Instead of `source`: follow the match live. */
    live: liveSchema.optional(),
    provider: z.enum(["wyscout", "statsperform", "opta", "statsbomb"]).optional(),
    /** Match seconds per wall second for replays (1 = real time). */
    speed: z.number().positive().default(1),
  })
  .superRefine((m, ctx) => {
    if ((m.source === undefined) === (m.live === undefined)) {
      ctx.addIssue({ code: "custom", path: ["source"], message: "give exactly one of 'source' (a replay) or 'live' (a live feed)" });
      return;
    }
    if (m.source === undefined) return;
    let synthetic: boolean;
    try {
      synthetic = parseMatchSource(m.source).kind === "synthetic";
    } catch (err) {
      if (!(err instanceof MatchSourceError)) throw err;
      ctx.addIssue({ code: "custom", path: ["source"], message: err.detail });
      return;
    }
    if (synthetic && m.provider !== undefined) ctx.addIssue({ code: "custom", path: ["provider"], message: `does not apply to the synthetic match, got '${m.provider}'` });
  });

export const configSchema = z.object({
  rpcUrls: z.array(url).min(1),
  wsUrl: url.optional(),
  commitment: z.enum(["processed", "confirmed", "finalized"]).default("confirmed"),
  dbPath: z.string().min(1).default("futstar-keeper.db"),
  logLevel: z.enum(LOG_LEVELS as unknown as ["debug", "info", "warn", "error"]).default("info"),
  http: z.object({ host: z.string().default("127.0.0.1"), port: z.number().int().min(0).max(65535).default(9464) }).default({ host: "127.0.0.1", port: 9464 }),
  keypairs: z.object({
    payer: z.string().min(1),
    operator: z.string().min(1).optional(),
    oracleSigners: z.array(z.string().min(1)).min(1).max(8),
  }),
  programs: z.object({ oracle: z.string().min(32).max(44), futstar: z.string().min(32).max(44) }).optional(),
  /** Collateral mint for pools the keeper creates for new feeds; none = pools are not created. */
  collateralMint: z.string().min(32).max(44).optional(),
  pushIntervalMs: z.number().int().min(10).max(60_000).default(1000),
  /** Oracle time: the wall clock, or the chain's clock (local chains whose clock is moved by tests). */
  oracleClock: z.enum(["wall", "chain"]).default("wall"),
  crankIntervalMs: z.number().int().min(10).max(60_000).default(1000),
  priorityFee: z
    .object({
      source: z.enum(["auto", "recent", "helius", "none"]).default("auto"),
      percentile: z.number().min(0).max(100).default(75),
      maxMicroLamports: z.number().int().min(0).default(1_000_000),
      heliusApiKey: z.string().optional(),
      heliusLevel: z.enum(["Min", "Low", "Medium", "High", "VeryHigh", "UnsafeMax"]).default("Medium"),
    })
    .default({ source: "auto", percentile: 75, maxMicroLamports: 1_000_000, heliusLevel: "Medium" }),
  /** Stats Perform SDAPI access for live matches. */
  statsperform: z
    .object({
      outletKey: z.string().min(1).optional(),
      baseUrl: httpUrl.default(DEFAULT_SDAPI_BASE),
      pollIntervalMs: z.number().int().min(10).max(600_000).default(2000),
    })
    .default({ baseUrl: DEFAULT_SDAPI_BASE, pollIntervalMs: 2000 }),
  matches: z.array(matchSchema).default([]),
}).superRefine((c, ctx) => {
  if (c.statsperform.outletKey === undefined && c.matches.some((m) => m.live?.provider === "statsperform")) {
    ctx.addIssue({ code: "custom", path: ["statsperform", "outletKey"], message: "missing: a live Stats Perform match needs the outlet key (or set FUTSTAR_STATSPERFORM_OUTLET_KEY)" });
  }
});

export type KeeperConfig = z.infer<typeof configSchema>;
export type MatchConfig = z.infer<typeof matchSchema>;

export class ConfigError extends Error {
  constructor(readonly field: string, message: string) {
    super(`config: ${field}: ${message}`);
    this.name = "ConfigError";
  }
}

type Env = Readonly<Record<string, string | undefined>>;

const list = (s: string): string[] => s.split(",").map((x) => x.trim()).filter((x) => x.length > 0);

/** A number when the text is one; else the text, so validation names the field. */
const numberOrText = (s: string): number | string => (Number.isFinite(Number(s)) ? Number(s) : s);

/** The config entry of a live Stats Perform match (`run --live statsperform --fixture <id>`, env). */
export function liveMatch(o: { fixtureId: string; backupF24Url?: string | undefined; key?: string | undefined }): Record<string, unknown> {
  return { key: o.key ?? `statsperform-${o.fixtureId}`, live: { provider: "statsperform", fixtureId: o.fixtureId, ...(o.backupF24Url ? { backupF24Url: o.backupF24Url } : {}) } };
}

/** `matches` (none if it is not a list) with `more` after them. */
const appendMatches = (matches: unknown, more: readonly unknown[]): unknown[] => [...(Array.isArray(matches) ? matches : []), ...more];

/** Applies environment overrides to a parsed-but-unvalidated config object. */
function withEnv(raw: Record<string, unknown>, env: Env): Record<string, unknown> {
  const out: Record<string, unknown> = { ...raw };
  const obj = (k: string): Record<string, unknown> => {
    const v = out[k];
    const copy = typeof v === "object" && v !== null ? { ...(v as Record<string, unknown>) } : {};
    out[k] = copy;
    return copy;
  };
  if (env.FUTSTAR_KEEPER_RPC_URLS) out.rpcUrls = list(env.FUTSTAR_KEEPER_RPC_URLS);
  if (env.FUTSTAR_KEEPER_WS_URL) out.wsUrl = env.FUTSTAR_KEEPER_WS_URL;
  if (env.FUTSTAR_KEEPER_DB) out.dbPath = env.FUTSTAR_KEEPER_DB;
  if (env.FUTSTAR_KEEPER_LOG_LEVEL) out.logLevel = env.FUTSTAR_KEEPER_LOG_LEVEL;
  if (env.FUTSTAR_KEEPER_HTTP_HOST) obj("http").host = env.FUTSTAR_KEEPER_HTTP_HOST;
  if (env.FUTSTAR_KEEPER_HTTP_PORT) obj("http").port = numberOrText(env.FUTSTAR_KEEPER_HTTP_PORT);
  if (env.FUTSTAR_KEEPER_PAYER) obj("keypairs").payer = env.FUTSTAR_KEEPER_PAYER;
  if (env.FUTSTAR_KEEPER_OPERATOR) obj("keypairs").operator = env.FUTSTAR_KEEPER_OPERATOR;
  if (env.FUTSTAR_KEEPER_ORACLE_SIGNERS) obj("keypairs").oracleSigners = list(env.FUTSTAR_KEEPER_ORACLE_SIGNERS);
  if (env.HELIUS_API_KEY) obj("priorityFee").heliusApiKey = env.HELIUS_API_KEY;
  if (env.FUTSTAR_STATSPERFORM_OUTLET_KEY) obj("statsperform").outletKey = env.FUTSTAR_STATSPERFORM_OUTLET_KEY;
  if (env.FUTSTAR_STATSPERFORM_BASE_URL) obj("statsperform").baseUrl = env.FUTSTAR_STATSPERFORM_BASE_URL;
  if (env.FUTSTAR_STATSPERFORM_POLL_MS) obj("statsperform").pollIntervalMs = numberOrText(env.FUTSTAR_STATSPERFORM_POLL_MS);
  if (env.FUTSTAR_STATSPERFORM_FIXTURE) {
    out.matches = appendMatches(out.matches, [liveMatch({ fixtureId: env.FUTSTAR_STATSPERFORM_FIXTURE, backupF24Url: env.FUTSTAR_OPTA_F24_BACKUP_URL })]);
  }
  return out;
}

/** Validates a config object (file content + env); relative paths resolve against `baseDir`. */
export function parseConfig(raw: unknown, env: Env = {}, baseDir = process.cwd()): KeeperConfig {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new ConfigError("(root)", "must be a JSON object");
  const result = configSchema.safeParse(withEnv(raw as Record<string, unknown>, env));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ConfigError(issue && issue.path.length > 0 ? issue.path.join(".") : "(root)", issue?.message ?? "invalid");
  }
  const c = result.data;
  const at = (p: string): string => resolve(baseDir, p);
  // The synthetic match and URLs are not paths.
  const notAPath = (s: string): boolean => /^https?:\/\//.test(s) || parseMatchSource(s).kind === "synthetic";
  return {
    ...c,
    dbPath: c.dbPath === ":memory:" ? c.dbPath : at(c.dbPath),
    keypairs: {
      payer: at(c.keypairs.payer),
      operator: c.keypairs.operator === undefined ? undefined : at(c.keypairs.operator),
      oracleSigners: c.keypairs.oracleSigners.map(at),
    },
    matches: c.matches.map((m) => (m.source === undefined ? m : { ...m, source: notAPath(m.source) ? m.source : at(m.source) })),
  };
}

/**
 * Reads the config file (optional: env alone may configure the keeper) and applies env; `extraMatches`
 * (command-line matches such as `--live`) are added before validation.
 */
export async function loadConfig(path: string | undefined, env: Env = process.env, extraMatches: readonly Record<string, unknown>[] = []): Promise<KeeperConfig> {
  const withExtra = (raw: unknown): unknown => {
    if (extraMatches.length === 0 || typeof raw !== "object" || raw === null || Array.isArray(raw)) return raw;
    const r = raw as Record<string, unknown>;
    return { ...r, matches: appendMatches(r.matches, extraMatches) };
  };
  if (path === undefined) return parseConfig(withExtra({}), env);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    throw new ConfigError("(file)", `cannot read ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ConfigError("(json)", `${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return parseConfig(withExtra(raw), env, dirname(resolve(path)));
}
