/** `tickInto` writes exactly what `tick` returns, into the caller's reusable buffer. */
import { describe, expect, it } from "vitest";
import type { MatchEvent } from "../../src/feeds/model.js";
import { MomentumEngine } from "../../src/engine/index.js";
import { randomMatch, secondsOf } from "./builders.js";

describe("tickInto", () => {
  it.each([3, 9])("equals tick() on every second of a random match and reuses the buffer (seed %i)", (seed) => {
    const events: MatchEvent[] = randomMatch(seed);
    const viaTick = new MomentumEngine();
    const viaInto = new MomentumEngine();
    viaTick.applyAll(events.map((event) => ({ op: "upsert", event })));
    viaInto.applyAll(events.map((event) => ({ op: "upsert", event })));
    const buffer = MomentumEngine.tickBuffer();
    let suspended = 0;
    for (const [period, tMs] of secondsOf()) {
      const expected = viaTick.tick(period, tMs);
      const written = viaInto.tickInto(period, tMs, buffer);
      expect(written).toBe(buffer);
      expect({ ...written, components: { ...written.components } }).toEqual(expected);
      if (expected.suspended) suspended++;
    }
    expect(suspended).toBeGreaterThan(0);
  });
});
