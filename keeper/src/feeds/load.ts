/**
 * Whole-match loading for replays: the one place a match source string becomes a match. A path or
 * URL is read, its provider detected from the content when not given, and parsed with that
 * provider's adapter; `synthetic` / `synthetic:<seed>` is the seeded generated match.
 */
import type { LoadedMatch } from "./feed.js";
import type { ProviderName } from "./model.js";
import { readdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { parseOpta } from "./opta/f24.js";
import { isUrl, readSource } from "./source.js";
import { parseStatsPerform } from "./statsperform/parse.js";
import { parseStatsBomb } from "./statsbomb/parse.js";
import { generateSyntheticMatch } from "./synthetic/generator.js";
import { parseWyscout } from "./wyscout/parse.js";

export type ReplayProvider = Exclude<ProviderName, "synthetic">;

/**
 * Seed of the generated match when the source is plain `synthetic`: a 4–1 whose first goal comes
 * at 6', so a demo at live pace shows a goal early.
 */
export const DEFAULT_SYNTHETIC_SEED = 2;
/** mulberry32 keeps a 32-bit state: a larger seed would silently alias a smaller one. */
export const MAX_SYNTHETIC_SEED = 0xffff_ffff;

/** A match source that cannot be used, with the field it came from (`source`, `matches.0.source`). */
export class MatchSourceError extends Error {
  constructor(readonly field: string, readonly detail: string) {
    super(`${field}: ${detail}`);
    this.name = "MatchSourceError";
  }
}

/** What a source string names: the generated match and its seed, or a file path / URL. */
export type MatchSource = { readonly kind: "synthetic"; readonly seed: number } | { readonly kind: "file"; readonly location: string };

/**
 * `synthetic` (seed DEFAULT_SYNTHETIC_SEED) or `synthetic:<seed>` (0..2^32−1, decimal, no sign or
 * leading zeros, so each match has one spelling) → the generated match; anything else is a path or
 * URL (a file really called `synthetic` is `./synthetic`). A bad seed throws naming `field`.
 */
export function parseMatchSource(source: string, field = "source"): MatchSource {
  if (source === "synthetic") return { kind: "synthetic", seed: DEFAULT_SYNTHETIC_SEED };
  if (!source.startsWith("synthetic:")) return { kind: "file", location: source };
  const text = source.slice("synthetic:".length);
  const seed = Number(text);
  if (!/^(0|[1-9][0-9]*)$/.test(text) || seed > MAX_SYNTHETIC_SEED) {
    throw new MatchSourceError(field, `synthetic seed must be a whole number 0..${MAX_SYNTHETIC_SEED} without sign or leading zeros, got '${text}'`);
  }
  return { kind: "synthetic", seed };
}

/** Guesses the provider from a file's content; null when nothing matches. */
export function detectProvider(text: string): ReplayProvider | null {
  const head = text.trimStart().slice(0, 4096);
  if (head.startsWith("<")) return /<Games?[\s>]|<Event\s/.test(text.slice(0, 200_000)) ? "opta" : null;
  if (head.startsWith("[")) return /"possession"\s*:/.test(head) || /"type"\s*:\s*\{/.test(head) ? "statsbomb" : null;
  if (head.startsWith("{")) {
    if (/"liveData"\s*:/.test(text) && /"matchInfo"\s*:/.test(text)) return "statsperform";
    if (/"events"\s*:/.test(text) && /"teams"\s*:/.test(text)) return "wyscout";
  }
  return null;
}

/**
 * Parses already-read text. `companion` is the second document some formats need for team
 * names: the F7 for an Opta F24 without team ids, the MA1 for an MA3 without matchInfo.
 */
export function parseMatch(text: string, provider: ReplayProvider, companion?: string): LoadedMatch {
  switch (provider) {
    case "wyscout":
      return parseWyscout(text);
    case "statsperform":
      return parseStatsPerform(text, companion);
    case "opta":
      return parseOpta(text, companion);
    case "statsbomb":
      return parseStatsBomb(text);
  }
}

/** For local Opta files, an F7 beside the F24 (any *f7*.xml in the same folder). */
async function findCompanion(source: string, provider: ReplayProvider, text: string): Promise<string | undefined> {
  if (provider !== "opta" || isUrl(source) || /home_team_id=/.test(text.slice(0, 4096))) return undefined;
  const dir = dirname(source);
  const f7 = (await readdir(dir)).find((f) => /f7.*\.xml$/i.test(f));
  return f7 ? readFile(join(dir, f7), "utf8") : undefined;
}

/**
 * Loads a whole match from a local path or http(s) URL (downloaded once and cached with its
 * sha256), or generates the synthetic one (see parseMatchSource). `provider` is auto-detected
 * from the content when omitted; the synthetic match takes none.
 */
export async function loadMatch(source: string | MatchSource, provider?: ReplayProvider): Promise<LoadedMatch> {
  const parsed = typeof source === "string" ? parseMatchSource(source) : source;
  if (parsed.kind === "synthetic") {
    if (provider !== undefined) throw new MatchSourceError("provider", `the synthetic match is generated, not read from a provider's file; got '${provider}'`);
    return generateSyntheticMatch({ seed: parsed.seed });
  }
  return loadFile(parsed.location, provider);
}

async function loadFile(source: string, provider: ReplayProvider | undefined): Promise<LoadedMatch> {
  const { text } = await readSource(source);
  const chosen = provider ?? detectProvider(text);
  if (!chosen) {
    throw new Error(`provider: cannot detect the provider of ${source}; pass one of wyscout|statsperform|opta|statsbomb`);
  }
  return parseMatch(text, chosen, await findCompanion(source, chosen, text));
}
