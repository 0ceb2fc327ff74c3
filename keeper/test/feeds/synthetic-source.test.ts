/** `synthetic` / `synthetic:<seed>` as a match source: parsing, loading, and refusals naming the field. */
import { describe, expect, it } from "vitest";
import { DEFAULT_SYNTHETIC_SEED, loadMatch, MatchSourceError, parseMatchSource } from "../../src/feeds/feed.js";
import { generateSyntheticMatch } from "../../src/feeds/synthetic/generator.js";

describe("synthetic match source", () => {
  it("reads `synthetic` as the default seed and `synthetic:<seed>` as that seed", () => {
    expect(parseMatchSource("synthetic")).toEqual({ kind: "synthetic", seed: DEFAULT_SYNTHETIC_SEED });
    expect(parseMatchSource("synthetic:7")).toEqual({ kind: "synthetic", seed: 7 });
    expect(parseMatchSource("synthetic:0")).toEqual({ kind: "synthetic", seed: 0 });
    expect(parseMatchSource("synthetic:4294967295")).toEqual({ kind: "synthetic", seed: 4294967295 });
  });

  it("leaves paths and URLs alone (a file called synthetic is ./synthetic)", () => {
    for (const s of ["./synthetic", "synthetic.json", "data/synthetic:7", "https://x.test/synthetic:7", "Synthetic"]) {
      expect(parseMatchSource(s)).toEqual({ kind: "file", location: s });
    }
  });

  it.each(["synthetic:", "synthetic:-1", "synthetic:+3", "synthetic:1.5", "synthetic:1e3", "synthetic:07", "synthetic:4294967296", "synthetic:abc", "synthetic: 7", "synthetic:7:8"])(
    "refuses %j naming the field",
    (source) => {
      expect(() => parseMatchSource(source, "matches.3.source")).toThrow(MatchSourceError);
      expect(() => parseMatchSource(source, "matches.3.source")).toThrow(/^matches\.3\.source: synthetic seed must be a whole number 0\.\.4294967295/);
      expect(() => parseMatchSource(source)).toThrow(/^source: /);
    },
  );

  it("loads the generator's match for the seed, labelled synthetic", async () => {
    const m = await loadMatch("synthetic:7");
    expect(m).toEqual(generateSyntheticMatch({ seed: 7 }));
    expect(m.info.synthetic).toBe(true);
    expect(m.info.home.name).toMatch(/synthetic/i);
    expect(m.info.away.name).toMatch(/synthetic/i);
    expect((await loadMatch("synthetic")).events).toEqual(generateSyntheticMatch({ seed: DEFAULT_SYNTHETIC_SEED }).events);
    expect((await loadMatch({ kind: "synthetic", seed: 8 })).events).not.toEqual(m.events);
  });

  it("refuses a provider for the synthetic match and a bad seed, naming the field", async () => {
    await expect(loadMatch("synthetic:7", "wyscout")).rejects.toThrow(/^provider: .*synthetic/);
    await expect(loadMatch("synthetic:x")).rejects.toThrow(/^source: synthetic seed/);
  });
});
