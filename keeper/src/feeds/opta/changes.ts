/** Mapped Opta events → FeedChanges, tracking which model ids each raw event produced. */
import type { FeedChange, Period } from "../model.js";
import type { OptaMapped } from "./event-model.js";

/**
 * Turns one mapped raw event into changes. `derived` remembers which model ids each raw event
 * produced, so a deletion removes all of them and an update removes the ones it no longer has.
 */
export function changesFor(root: string, mapped: OptaMapped, derived: Map<string, DerivedIds>): FeedChange[] {
  const before = derived.get(root);
  if (mapped.op === "delete") {
    derived.delete(root);
    const ids = before ? before.ids : [root];
    const where = before ?? { period: mapped.period, tMs: mapped.tMs };
    return ids.map((id) => ({ op: "delete", id, period: where.period, tMs: where.tMs }));
  }
  const now = mapped.events.map((e) => e.id);
  const first = mapped.events[0];
  if (first) derived.set(root, { ids: now, period: first.period, tMs: first.tMs });
  else derived.delete(root);
  const stale: FeedChange[] = (before?.ids ?? [])
    .filter((id) => !now.includes(id))
    .map((id) => ({ op: "delete", id, period: before!.period, tMs: before!.tMs }));
  return [...stale, ...mapped.events.map((event): FeedChange => ({ op: "upsert", event }))];
}

/** Model ids produced by one raw event, and where they sat (deletes carry the old position). */
export interface DerivedIds {
  readonly ids: string[];
  readonly period: Period;
  readonly tMs: number;
}

/** Deletions for raw events that vanished from a live document (no explicit delete marker). */
export function vanishedChanges(provider: "opta" | "statsperform", rawIds: readonly string[], derived: Map<string, DerivedIds>): FeedChange[] {
  return rawIds.flatMap((rawId) => {
    const root = `${provider}:${rawId}`;
    return changesFor(root, { op: "delete", id: root, period: 1, tMs: 0 }, derived);
  });
}
