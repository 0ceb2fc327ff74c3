/** The engine's id table against a `Map` model, including ids that defeat its sampled hash. */
import { describe, expect, it } from "vitest";
import { IdIndex } from "../../src/engine/id-index.js";
import { rng } from "./builders.js";

/** Random sets, overwrites, deletes and lookups; every answer must equal the Map's. */
function churn(makeId: (n: number) => string, seed: number): IdIndex {
  const r = rng(seed);
  const index = new IdIndex();
  const model = new Map<string, number>();
  for (let step = 0; step < 20_000; step++) {
    const id = makeId(Math.floor(r() * 3_000));
    const roll = r();
    if (roll < 0.45) {
      const key = Math.floor(r() * 1e9);
      index.set(id, index.hashOf(id), key);
      model.set(id, key);
    } else if (roll < 0.75) {
      index.delete(id, index.hashOf(id));
      model.delete(id);
    } else {
      expect(index.get(id, index.hashOf(id))).toBe(model.get(id) ?? -1);
    }
    expect(index.size).toBe(model.size);
  }
  for (const [id, key] of model) expect(index.get(id, index.hashOf(id))).toBe(key);
  return index;
}

describe("IdIndex", () => {
  it("agrees with a Map for provider-style ids (sampled hash)", () => {
    const index = churn((n) => `wyscout:${263_883_958 + n * 7}`, 1);
    expect(index.wholeIds).toBe(false);
  });

  it("switches to whole-id hashing when the ids' tails are all alike, and stays correct", () => {
    const index = churn((n) => `${n}-statsperform-event`, 2);
    expect(index.wholeIds).toBe(true);
  });

  it("treats ids as strings, not by hash: equal tails and lengths never alias", () => {
    const index = new IdIndex();
    index.set("a-12345", index.hashOf("a-12345"), 1);
    expect(index.get("b-12345", index.hashOf("b-12345"))).toBe(-1);
    index.set("b-12345", index.hashOf("b-12345"), 2);
    index.delete("a-12345", index.hashOf("a-12345"));
    expect(index.get("b-12345", index.hashOf("b-12345"))).toBe(2);
    expect(index.get("a-12345", index.hashOf("a-12345"))).toBe(-1);
  });
});
