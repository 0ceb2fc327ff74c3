/**
 * A configured live match, started: the Stats Perform client (primary) and, when configured, the
 * Opta F24 poller (backup) behind the aggregator; a pump that hands every published batch to the
 * match's LiveFrames and ends them when the feed ends (Abandoned when the provider says so);
 * feed problems logged as they appear. The on-chain match id is the one a replay of the same
 * fixture gets: sha256("statsperform:<fixtureId>").
 */
import { LiveFrames } from "../chain/live-frames.js";
import { AggregatedFeed } from "../feeds/aggregator/feed.js";
import { DEFAULT_AGGREGATOR_OPTIONS } from "../feeds/aggregator/core.js";
import { OptaF24LiveFeed } from "../feeds/opta/f24-live.js";
import type { MatchInfo } from "../feeds/model.js";
import { StatsPerformFeed } from "../feeds/statsperform/feed.js";
import type { KeeperConfig, MatchConfig } from "./config.js";
import { ConfigError } from "./config.js";
import type { Logger } from "./log.js";
import { onChainMatchId } from "./match-id.js";

/** Live events wait at most this long (wall ms) for later ones to reorder against. */
export const LIVE_MAX_HOLD_MS = 8000;

export interface LiveMatch {
  readonly info: MatchInfo;
  readonly matchId: Buffer;
  readonly frames: LiveFrames;
  /** Starts pulling the feed into the frames; resolves when the feed has ended or was closed. */
  start(): Promise<void>;
  close(): void;
}

export interface LiveOptions {
  readonly log: Logger;
  /** Wall clock for the match clock and the aggregator (tests: a simulated clock). */
  readonly nowMs: () => number;
}

/** Opens the feeds of `matches[index]` (a `live` entry) and waits for the match info (MA1). */
export async function openLiveMatch(config: KeeperConfig, match: MatchConfig, index: number, options: LiveOptions, onOpened: (m: { close(): void }) => void = () => {}): Promise<LiveMatch> {
  const live = match.live;
  if (!live) throw new ConfigError(`matches.${index}.live`, "missing");
  const outletKey = config.statsperform.outletKey;
  if (outletKey === undefined) throw new ConfigError("statsperform.outletKey", "missing: a live Stats Perform match needs the outlet key");
  const { log, nowMs } = options;
  const primary = new StatsPerformFeed({ outletKey, fixtureId: live.fixtureId, baseUrl: config.statsperform.baseUrl, pollIntervalMs: config.statsperform.pollIntervalMs });
  const backup = live.backupF24Url ? new OptaF24LiveFeed({ url: live.backupF24Url, pollIntervalMs: live.backupPollIntervalMs }) : null;
  const feed = new AggregatedFeed(primary, backup, { ...DEFAULT_AGGREGATOR_OPTIONS, maxHoldWallMs: LIVE_MAX_HOLD_MS, tickMs: 250, now: nowMs });
  let closed = false;
  const close = (): void => {
    closed = true;
    feed.close();
  };
  onOpened({ close });
  const info = await feed.info();
  const frames = new LiveFrames(nowMs, () => feed.liveStatus());
  const start = async (): Promise<void> => {
    let seenIssues = 0;
    let seenSwitches = 0;
    // Issues and source switches are logged as they happen, so an operator sees a failover live.
    const reportNews = (): void => {
      for (const issue of feed.issues().slice(seenIssues)) log.warn("live feed issue", { match: match.key, ...issue });
      seenIssues = feed.issues().length;
      const switches = feed.core.switches;
      for (const { to, atMs, reason } of switches.slice(seenSwitches)) log.warn("live feed switched", { match: match.key, to, atMs, reason });
      seenSwitches = switches.length;
    };
    try {
      for await (const batch of feed.changes()) {
        frames.receive(batch);
        reportNews();
      }
      reportNews();
      if (closed) return;
      const how = feed.liveStatus()?.phase === "abandoned" ? "abandoned" : "ended";
      frames.end(how);
      log.info("live feed ended", { match: match.key, how, switches: feed.core.switches, gaps: feed.core.gaps.length, engineIssues: frames.issues.length });
    } catch (err) {
      // The match stays live (nothing is published for it) until an operator decides.
      log.error("live feed failed", { match: match.key, err });
    } finally {
      feed.close();
    }
  };
  return { info, matchId: onChainMatchId("statsperform", live.fixtureId), frames, start, close };
}
