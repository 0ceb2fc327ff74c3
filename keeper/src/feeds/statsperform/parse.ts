/** Whole-file Stats Perform MA3 (with its embedded matchInfo, or an MA1 given beside it). */
import type { LoadedMatch } from "../feed.js";
import { EventLog } from "../event-log.js";
import type { MatchInfo } from "../model.js";
import { FeedParseError, ParseLog, describeError } from "../parse-log.js";
import { validateItem } from "../validate.js";
import { matchInfoFromSdapi, teamSides } from "./ma1.js";
import { ma3Changes } from "./ma3.js";
import { ma1Schema, ma3Schema } from "./schemas.js";

export function parseJsonOrThrow(text: string, provider: "statsperform" | "statsbomb", what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new FeedParseError({ provider, eventId: null, field: what, message: describeError(err) });
  }
}

export function parseMa1(text: string): MatchInfo {
  const log = new ParseLog("statsperform");
  const ma1 = validateItem(ma1Schema, parseJsonOrThrow(text, "statsperform", "ma1"), log, null, "ma1");
  if (!ma1) throw new FeedParseError(log.issues[0]!);
  return matchInfoFromSdapi(ma1.matchInfo);
}

/** `ma1Text` supplies the fixture when the MA3 document carries no matchInfo. */
export function parseStatsPerform(ma3Text: string, ma1Text?: string): LoadedMatch {
  const log = new ParseLog("statsperform");
  const ma3 = validateItem(ma3Schema, parseJsonOrThrow(ma3Text, "statsperform", "ma3"), log, null, "ma3");
  if (!ma3) throw new FeedParseError(log.issues[0]!);
  let info: MatchInfo;
  if (ma1Text !== undefined) info = parseMa1(ma1Text);
  else if (ma3.matchInfo) info = matchInfoFromSdapi(ma3.matchInfo);
  else throw new FeedParseError({ provider: "statsperform", eventId: null, field: "ma3.matchInfo", message: "missing; supply the MA1 document" });
  const eventLog = new EventLog();
  eventLog.apply(ma3Changes(ma3.liveData.event, teamSides(info), log));
  return { info, events: eventLog.events(), issues: log.issues, unmapped: log.unmapped };
}
