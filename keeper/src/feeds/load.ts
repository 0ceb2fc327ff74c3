/**
 * Whole-match loading for replays: read a path or URL, detect the provider from the content when
 * not given, and parse with that provider's adapter.
 */
import type { LoadedMatch } from "./feed.js";
import type { ProviderName } from "./model.js";
import { FeedParseError } from "./parse-log.js";
import { readSource } from "./source.js";
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

/** Parses already-read text; `origin` names the source in errors. */
export function parseMatch(text: string, provider: ReplayProvider): LoadedMatch {
  switch (provider) {
    case "wyscout":
      return parseWyscout(text);
    default:
      throw new FeedParseError({ provider, eventId: null, field: "provider", message: `no whole-file parser for ${provider} yet` });
  }
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
  return parseMatch(text, chosen);
}
