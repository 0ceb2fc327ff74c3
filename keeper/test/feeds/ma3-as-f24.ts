/** Stats Perform MA3 events re-written as an Opta F24 XML document (same ids, types, qualifiers). */

export interface Ma3RawEvent {
  readonly id: number;
  readonly typeId: number;
  readonly periodId: number;
  readonly timeMin: number;
  readonly timeSec: number;
  readonly contestantId: string;
  readonly outcome?: number;
  readonly x: number;
  readonly y: number;
  readonly qualifier?: readonly { readonly qualifierId: number; readonly value?: string }[];
}

/** A minimal MA3 event: outcome 1 at (80, 50), on the minute. */
export const ma3Event = (id: number, typeId: number, periodId: number, min: number, team = "H"): Ma3RawEvent => ({ id, typeId, periodId, timeMin: min, timeSec: 0, contestantId: team, outcome: 1, x: 80, y: 50 });

const escape = (v: string): string => v.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

export function ma3AsF24(events: readonly Ma3RawEvent[], home: string, away: string): string {
  return [
    `<?xml version="1.0" encoding="UTF-8"?><Games><Game id="1" home_team_id="${home}" away_team_id="${away}">`,
    ...events.map((e) => {
      const attrs = `id="${e.id}" type_id="${e.typeId}" period_id="${e.periodId}" min="${e.timeMin}" sec="${e.timeSec}" team_id="${e.contestantId}"${e.outcome !== undefined ? ` outcome="${e.outcome}"` : ""} x="${e.x}" y="${e.y}"`;
      const qs = (e.qualifier ?? []).map((q) => `<Q qualifier_id="${q.qualifierId}"${q.value !== undefined ? ` value="${escape(q.value)}"` : ""}/>`);
      return `<Event ${attrs}>${qs.join("")}</Event>`;
    }),
    "</Game></Games>",
  ].join("\n");
}
