/**
 * SDAPI `matchDetails` → LiveStatus. `matchStatus`: Fixture, Playing, Played, Suspended,
 * Abandoned, Cancelled, Postponed. `periodId` while playing: 1, 2 halves, 3, 4 extra time,
 * 5 shoot-out, 10 half-time, 11 end of normal time before extra time, 12 extra-time half-time,
 * 13 end of extra time before the shoot-out, 14 full time, 16 pre-match.
 */
import type { LiveStatus } from "../aggregator/live-status.js";

const BREAKS = new Set([10, 11, 12]);

export function sdapiLiveStatus(matchStatus: string | undefined, periodId: number | undefined): LiveStatus | null {
  switch (matchStatus) {
    case "Fixture":
      return { phase: "pre_match", period: null };
    case "Played":
      return { phase: "finished", period: null };
    case "Abandoned":
    case "Cancelled":
    case "Postponed":
      return { phase: "abandoned", period: null };
    // An interrupted match: play has stopped, it may resume.
    case "Suspended":
      return { phase: "break", period: null };
    case "Playing":
      if (periodId !== undefined && periodId >= 1 && periodId <= 5) return { phase: "playing", period: periodId };
      if (periodId !== undefined && BREAKS.has(periodId)) return { phase: "break", period: null };
      if (periodId === 14) return { phase: "finished", period: null };
      if (periodId === 16) return { phase: "pre_match", period: null };
      // 13 (before the shoot-out) and unknown ids say nothing the events do not.
      return null;
    default:
      return null;
  }
}
