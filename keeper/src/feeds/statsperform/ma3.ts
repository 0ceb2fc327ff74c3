/**
 * Stats Perform MA3 (match events, Opta event model) → FeedChanges, in feed order.
 * An event seen again with the same id is an update (upsert replaces it); typeId 43 deletes it.
 */
import type { FeedChange } from "../model.js";
import { type DerivedIds, changesFor } from "../opta/changes.js";
import { type OptaEvent, type TeamSides, mapOptaEvent } from "../opta/event-model.js";
import type { ParseLog } from "../parse-log.js";
import { rawId, validateItem } from "../validate.js";
import { type Ma3Event, ma3EventSchema } from "./schemas.js";

export function ma3ToOpta(ev: Ma3Event): OptaEvent {
  const qualifiers = new Map<number, string | null>();
  for (const q of ev.qualifier ?? []) qualifiers.set(q.qualifierId, q.value ?? null);
  return {
    id: String(ev.id),
    typeId: ev.typeId,
    periodId: ev.periodId,
    min: ev.timeMin,
    sec: ev.timeSec,
    teamId: ev.contestantId,
    outcome: ev.outcome ?? null,
    x: ev.x,
    y: ev.y,
    qualifiers,
  };
}

/**
 * One change list per raw event that maps; an upsert per model event. An event whose
 * derived markers disappear on update (e.g. a goal downgraded to a save) also gets deletes
 * for those markers, so corrections never leave stale events behind.
 */
export function ma3Changes(
  rawEvents: readonly unknown[],
  teams: TeamSides,
  log: ParseLog,
  derived: Map<string, DerivedIds> = new Map(),
): FeedChange[] {
  const out: FeedChange[] = [];
  for (const raw of rawEvents) {
    const id = rawId(raw, "id");
    const ev = validateItem(ma3EventSchema, raw, log, id, "event");
    if (!ev) continue;
    out.push(...changesFor(`statsperform:${ev.id}`, mapOptaEvent(ma3ToOpta(ev), teams, "statsperform", log), derived));
  }
  return out;
}
