/**
 * Whole-match loading for replays: read a path or URL, detect the provider from the content when
 * not given, and parse with that provider's adapter.
 */
import type { LoadedMatch } from "./feed.js";
import type { ProviderName } from "./model.js";
import { readdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { parseOpta } from "./opta/f24.js";
import { isUrl, readSource } from "./source.js";
import { parseStatsPerform } from "./statsperform/parse.js";
import { parseStatsBomb } from "./statsbomb/parse.js";
import { parseWyscout } from "./wyscout/parse.js";

export type ReplayProvider = Exclude<ProviderName, "synthetic">;

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
 * sha256). `provider` is auto-detected from the content when omitted.
 */
export async function loadMatch(source: string, provider?: ReplayProvider): Promise<LoadedMatch> {
  const { text } = await readSource(source);
  const chosen = provider ?? detectProvider(text);
  if (!chosen) {
    throw new Error(`provider: cannot detect the provider of ${source}; pass one of wyscout|statsperform|opta|statsbomb`);
  }
  return parseMatch(text, chosen, await findCompanion(source, chosen, text));
}
