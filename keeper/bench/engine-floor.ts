/**
 * The floor under `events_per_sec`: the same live-style replay (events admitted at the tick that
 * reaches them, one tick per second, every tick computing the five shares and the index) cut
 * down to the parts no replay can skip, built from the engine's own pieces (window.ts,
 * contribution.ts, id-index.ts) in one flat loop. It measures what this machine and runtime can
 * do at best, so `events_per_sec` can be read against it (bench/engine.ts prints both):
 *
 * - `arithmetic`: window sums and shares only, over events encoded before the clock starts (no
 *   event objects read, no ids, no suspension, no storage for corrections, no checks).
 * - `withInput`: that plus what every event costs on the way in: reading the caller's
 *   `MatchEvent` and encoding it (`writeContribution`), and entering and leaving the id table
 *   that corrections and deletions need.
 *
 * Neither is a usable engine (a correction or deletion could not be applied, `suspended` is never
 * computed): they are bounds, not alternatives.
 */
import { DEFAULT_ENGINE_CONFIG } from "../src/engine/config.js";
import { writeContribution } from "../src/engine/contribution.js";
import { I_PERIOD, I_STRIDE, I_TMS } from "../src/engine/held-events.js";
import { IdIndex } from "../src/engine/id-index.js";
import type { ReplayPlan } from "../src/engine/index.js";
import { DecayedWindow } from "../src/engine/window.js";
import type { MatchEvent } from "../src/feeds/model.js";

const config = DEFAULT_ENGINE_CONFIG;

/** A match's events (sorted by period, tMs) encoded in the engine's slot layout. */
export interface EncodedMatch {
  readonly events: readonly MatchEvent[];
  readonly slots: Int32Array;
  readonly periods: ReplayPlan["periods"];
}

export function encodeMatch(events: readonly MatchEvent[], periods: ReplayPlan["periods"]): EncodedMatch {
  const slots = new Int32Array(events.length * I_STRIDE);
  events.forEach((event, i) => {
    const error = writeContribution(event, config, slots.subarray(i * I_STRIDE, (i + 1) * I_STRIDE));
    if (error) throw new Error(`bench floor: event ${event.id}: ${error.field} ${error.message}`);
    slots[i * I_STRIDE + I_PERIOD] = event.period;
    slots[i * I_STRIDE + I_TMS] = event.tMs;
  });
  return { events, slots, periods };
}

const bps = new Float64Array(5);
const incoming = new Int32Array(I_STRIDE);

/** One floor replay of `match`; `withInput` adds reading and encoding each event and the id table. */
export function floorReplay(match: EncodedMatch, withInput: boolean): number {
  const { events, slots, periods } = match;
  const count = events.length;
  const windowMs = config.windowMs;
  const window = new DecayedWindow(config);
  const played = new Float64Array(count);
  const ids = new IdIndex();
  const idHashes = new Int32Array(count);
  let head = 0;
  let tail = 0;
  let periodStart = 0;
  let checksum = 0;
  for (const { period, lastTickMs } of periods) {
    for (let tMs = 0; tMs <= lastTickMs; tMs += 1000) {
      while (head < count) {
        const at = head * I_STRIDE;
        const eventPeriod = slots[at + I_PERIOD] as number;
        if (eventPeriod > period || (eventPeriod === period && (slots[at + I_TMS] as number) > tMs)) break;
        if (withInput) {
          const event = events[head] as MatchEvent;
          if (writeContribution(event, config, incoming) !== null) throw new Error("bench floor: unusable event");
          for (let k = 2; k < I_STRIDE; k++) slots[at + k] = incoming[k] as number;
          const hash = ids.hashOf(event.id);
          if (ids.get(event.id, hash) >= 0) throw new Error(`bench floor: duplicate id ${event.id}`);
          ids.set(event.id, hash, head);
          idHashes[head] = hash;
        }
        const g = periodStart + (slots[at + I_TMS] as number);
        played[head] = g;
        window.addSlot(slots, head, g, 1);
        head++;
      }
      const t = periodStart + tMs;
      while (tail < head && (played[tail] as number) <= t - windowMs) {
        window.addSlot(slots, tail, played[tail] as number, -1);
        if (withInput) ids.delete((events[tail] as MatchEvent).id, idHashes[tail] as number);
        tail++;
      }
      checksum += window.components(t, bps) + (bps[2] as number);
    }
    periodStart += lastTickMs;
  }
  return checksum;
}
