import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadMatch } from "../../src/feeds/feed.js";
import type { MatchEvent } from "../../src/feeds/model.js";
import { parseF7 } from "../../src/feeds/opta/f7.js";
import { parseOpta, readF24 } from "../../src/feeds/opta/f24.js";
import { parseStatsPerform } from "../../src/feeds/statsperform/parse.js";
import { dataFile, missingData } from "./data-dir.js";
import { type Ma3RawEvent, ma3AsF24 } from "./ma3-as-f24.js";

const skipSp = missingData("statsperform MA1/MA3 files", ["statsperform", "ma3_match_events.json"], ["statsperform", "ma1_match_info.json"]);
const skipOpta = missingData("opta F24/F7 fragment", ["opta", "f24_events.xml"], ["opta", "f7_match.xml"]);

describe.skipIf(skipSp)("Stats Perform MA3 whole file", () => {
  it("Hamburger SV 2–1 Sandhausen, goals at 73', 86', 95'; every raw type mapped or counted", async () => {
    const m = await loadMatch(dataFile("statsperform", "ma3_match_events.json"));
    expect(m.info).toMatchObject({ provider: "statsperform", home: { name: "Hamburger SV" }, away: { name: "Sandhausen" } });
    expect(m.info.kickoffUnixMs).toBe(Date.parse("2021-09-11T18:30:00Z"));
    expect(m.issues).toEqual([]);
    const goals = m.events.filter((e) => e.kind.type === "goal" || e.kind.type === "own_goal");
    expect(goals.map((g) => [g.side, g.period, Math.floor(g.tMs / 60_000) + 45])).toEqual([["home", 2, 73], ["away", 2, 86], ["home", 2, 95]]);
    const raw = JSON.parse(readFileSync(dataFile("statsperform", "ma3_match_events.json"), "utf8")) as { liveData: { event: Array<{ id: number; typeId: number }> } };
    expect(raw.liveData.event).toHaveLength(1737);
    const produced = new Set(m.events.map((e) => e.providerEventId));
    const deleted = raw.liveData.event.filter((e) => e.typeId === 43).length;
    const unmapped = Object.values(m.unmapped).reduce((a, b) => a + b, 0);
    expect(produced.size + deleted + unmapped).toBe(1737);
    const pen = m.events.filter((e) => e.kind.type === "penalty_awarded");
    expect(pen.map((e) => e.side)).toEqual(["home"]);
    expect(m.events.filter((e) => e.kind.type === "card").map((e) => e.kind.type === "card" && e.kind.colour)).toEqual(["yellow", "yellow", "yellow", "second_yellow", "yellow"]);
  });

  it("MA1 alone gives the same teams; MA3 without matchInfo needs it", () => {
    const ma1 = readFileSync(dataFile("statsperform", "ma1_match_info.json"), "utf8");
    const ma3 = JSON.parse(readFileSync(dataFile("statsperform", "ma3_match_events.json"), "utf8")) as Record<string, unknown>;
    delete ma3.matchInfo;
    expect(() => parseStatsPerform(JSON.stringify(ma3))).toThrow(/ma3\.matchInfo/);
    expect(parseStatsPerform(JSON.stringify(ma3), ma1).info.away.name).toBe("Sandhausen");
  });
});

describe.skipIf(skipOpta)("Opta F24 fragment + F7", () => {
  it("reads teams from F7 beside it and reports the fragment's impossible clocks", async () => {
    const m = await loadMatch(dataFile("opta", "f24_events.xml"));
    expect(m.info.home.name).toBe("FC København");
    expect(m.info.away.name).toBe("FC Nordsjælland");
    // The kloppy fragment puts six period-2 events at 19'–21': before the half started.
    expect(m.issues.map((i) => i.field)).toEqual(Array(6).fill("min"));
    expect(m.issues.every((i) => /before the start of period 2/.test(i.message))).toBe(true);
    const og = m.events.filter((e) => e.kind.type === "own_goal");
    expect(og.map((e) => [e.side, e.providerEventId])).toEqual([["home", "2318697001"]]);
    const shootout = m.events.filter((e) => e.period === 5 && e.kind.type === "shot");
    expect(shootout).toHaveLength(1);
    expect(shootout[0]!.kind.type === "shot" && shootout[0]!.kind.providerXg).toBe(true);
    expect(shootout[0]!.kind.type === "shot" && shootout[0]!.kind.xg).toBeCloseTo(0.978, 3);
  });

  it("without an F7 and without team ids on the Game the F24 is refused, naming the field", () => {
    expect(() => parseOpta(readFileSync(dataFile("opta", "f24_events.xml"), "utf8"))).toThrow(/Game\.home_team_id/);
  });
});

/**
 * The two files describe different matches (the F24 is a kloppy fragment of FC København vs
 * FC Nordsjælland; the MA3 is Hamburg vs Sandhausen), so the paths are compared on the same
 * events written in both formats: every F24 event re-written as MA3 JSON, and a slice of the MA3
 * match re-written as F24 XML, must map to identical model events.
 */
describe.skipIf(skipOpta || skipSp)("Stats Perform and Opta paths agree on the same events", () => {
  const strip = (e: MatchEvent): unknown => ({ ...e, id: e.id.replace(/^[a-z]+:/, ""), provider: "-" });

  it("F24 events re-written as MA3 JSON", () => {
    const f24Text = readFileSync(dataFile("opta", "f24_events.xml"), "utf8");
    const f7 = parseF7(readFileSync(dataFile("opta", "f7_match.xml"), "utf8"));
    const viaOpta = parseOpta(f24Text, readFileSync(dataFile("opta", "f7_match.xml"), "utf8"));
    const events = readF24(f24Text).events.map((raw) => {
      const r = raw as Record<string, string> & { Q?: Array<Record<string, string>> };
      return {
        id: Number(r.id), typeId: Number(r.type_id), periodId: Number(r.period_id), timeMin: Number(r.min), timeSec: Number(r.sec),
        contestantId: r.team_id, ...(r.outcome !== undefined ? { outcome: Number(r.outcome) } : {}), x: Number(r.x), y: Number(r.y),
        qualifier: (r.Q ?? []).map((q) => ({ qualifierId: Number(q.qualifier_id), ...(q.value !== undefined ? { value: q.value } : {}) })),
      };
    });
    const ma3 = { matchInfo: { id: "x", contestant: [{ id: f7.home.providerTeamId, name: "h", position: "home" }, { id: f7.away.providerTeamId, name: "a", position: "away" }] }, liveData: { event: events } };
    const viaSp = parseStatsPerform(JSON.stringify(ma3));
    expect(viaOpta.events.length).toBeGreaterThan(30);
    expect(viaSp.events.map(strip)).toEqual(viaOpta.events.map(strip));
    expect(viaSp.unmapped).toEqual(viaOpta.unmapped);
    expect(viaSp.issues.map((i) => [i.eventId, i.field])).toEqual(viaOpta.issues.map((i) => [i.eventId, i.field]));
  });

  it("the MA3 goals-and-cards half hour re-written as F24 XML", async () => {
    const raw = JSON.parse(readFileSync(dataFile("statsperform", "ma3_match_events.json"), "utf8")) as {
      matchInfo: { contestant: Array<{ id: string; position: string }> };
      liveData: { event: Array<Record<string, unknown> & { qualifier?: Array<{ qualifierId: number; value?: string }> }> };
    };
    const slice = raw.liveData.event.filter((e) => e.periodId === 2 && (e.timeMin as number) >= 68);
    const home = raw.matchInfo.contestant.find((c) => c.position === "home")!.id;
    const away = raw.matchInfo.contestant.find((c) => c.position === "away")!.id;
    const xml = ma3AsF24(slice as unknown as Ma3RawEvent[], home, away);
    const viaOpta = parseOpta(xml);
    const viaSp = parseStatsPerform(JSON.stringify({ matchInfo: raw.matchInfo, liveData: { event: slice } }));
    expect(viaSp.events.filter((e) => e.kind.type === "goal")).toHaveLength(3);
    expect(viaOpta.events.map(strip)).toEqual(viaSp.events.map(strip));
  });
});

describe("Opta XML input errors", () => {
  it("malformed XML names the line", () => {
    expect(() => parseOpta("<Games><Game><Event id='1'></Game></Games>")).toThrow(/opta: f24\.xml: line 1/);
  });

  it("an event with a missing or bad field is reported and skipped, a card without colour too", () => {
    const m = parseOpta(
      `<Games><Game id="9" home_team_id="1" away_team_id="2">
        <Event id="10" type_id="1" period_id="1" min="0" sec="1" team_id="1" outcome="1" x="50" y="50"/>
        <Event id="11" type_id="1" period_id="1" sec="2" team_id="1" outcome="1" x="50" y="50"/>
        <Event id="12" type_id="1" period_id="1" min="0" sec="3" team_id="7" outcome="1" x="50" y="50"/>
        <Event id="13" type_id="17" period_id="1" min="0" sec="4" team_id="2" outcome="1" x="0" y="0"/>
        <Event id="14" type_id="1" period_id="1" min="0" sec="5" team_id="1" outcome="1" x="fifty" y="50"/>
      </Game></Games>`,
    );
    expect(m.issues.map((i) => [i.eventId, i.field])).toEqual([["11", "Event.min"], ["12", "teamId"], ["13", "qualifier"], ["14", "Event.x"]]);
    expect(m.events.map((e) => e.providerEventId)).toEqual(["10"]);
  });
});
