/**
 * A configured match, loaded, with its 32-byte on-chain match id (the feed PDA's seed).
 */
import { createHash } from "node:crypto";
import { matchIdBytes } from "@futstar/sdk";
import type { LoadedMatch } from "../feeds/feed.js";
import { loadMatch, parseMatchSource } from "../feeds/load.js";
import type { MatchConfig } from "./config.js";

/** A real match's id: sha256 of "provider:matchId". */
export function onChainMatchId(provider: string, matchId: string): Buffer {
  return createHash("sha256").update(`${provider}:${matchId}`).digest();
}

/**
 * The generated match's id: the UTF-8 text `synthetic:<seed>` zero-padded to 32 bytes, readable
 * on chain; the app labels a feed whose id starts with "synthetic" as a synthetic match.
 */
export function syntheticMatchId(seed: number): Buffer {
  return matchIdBytes(`synthetic:${seed}`);
}

export interface ConfiguredMatch {
  readonly loaded: LoadedMatch;
  readonly matchId: Buffer;
}

/** Loads `matches[index]`; a bad source throws naming `matches.<index>.source`. */
export async function loadConfiguredMatch(match: MatchConfig, index: number): Promise<ConfiguredMatch> {
  if (match.source === undefined) throw new RangeError(`matches.${index}.source: missing (a live match is opened by openLiveMatch)`);
  const source = parseMatchSource(match.source, `matches.${index}.source`);
  const loaded = await loadMatch(source, match.provider);
  const matchId = source.kind === "synthetic" ? syntheticMatchId(source.seed) : onChainMatchId(loaded.info.provider, loaded.info.matchId);
  return { loaded, matchId };
}
