import { readFileSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { detectProvider, loadMatch, parseMatch } from "../../src/feeds/feed.js";
import { readSource, sha256Hex } from "../../src/feeds/source.js";
import { parseStatsBomb } from "../../src/feeds/statsbomb/parse.js";
import { FIXTURES, dataFile, missingData } from "./data-dir.js";

describe("StatsBomb adapter on a written fixture", () => {
  const text = readFileSync(join(FIXTURES, "statsbomb", "mini_events.json"), "utf8");

  it("detects the format and maps passes, provider xG, cards, penalty award, own goal", () => {
    expect(detectProvider(text)).toBe("statsbomb");
    const m = parseStatsBomb(text);
    expect(m.info.home.name).toBe("Home FC (fixture)");
    const byId = (id: string) => m.events.filter((e) => e.providerEventId === id).map((e) => [e.side, e.kind]);
    expect(byId("a4")).toEqual([["home", { type: "pass", start: { x: 50, y: 50 }, end: { x: 75, y: 75 }, successful: true }]]);
    const goalShot = byId("a5");
    expect(goalShot[0]).toEqual(["home", expect.objectContaining({ type: "shot", xg: 0.31, providerXg: true, outcome: "goal", bodyPart: "foot" })]);
    expect(goalShot[1]).toEqual(["home", { type: "goal", location: { x: 90, y: 50 } }]);
    expect(byId("a6")).toEqual([["home", { type: "foul", location: { x: 25, y: 12.5 } }], ["home", { type: "card", colour: "yellow" }]]);
    expect(byId("a7")).toEqual([["away", { type: "penalty_awarded" }]]);
    expect(byId("a8")[0]).toEqual(["away", expect.objectContaining({ situation: "penalty", xg: 0.76, providerXg: false, outcome: "saved", location: { x: 10, y: 50 } })]);
    expect(byId("a9")).toEqual([["away", { type: "own_goal" }]]);
    expect(m.events.find((e) => e.providerEventId === "a9")!.period).toBe(2);
    expect(m.events.find((e) => e.providerEventId === "a9")!.tMs).toBe(600_000);
    expect(m.unmapped).toEqual({ "35 Starting XI": 2, "20 Own Goal Against": 1, "42 Ball Receipt*": 1 });
    expect(m.issues.map((i) => [i.eventId, i.field])).toEqual([["a13", "event.timestamp"], ["a12", "team.id"]]);
  });

  it("refuses a file without two Starting XI events, and non-arrays", () => {
    expect(() => parseStatsBomb("[]")).toThrow(/Starting XI/);
    expect(() => parseStatsBomb("{}")).toThrow(/statsbomb: json: expected an array/);
    expect(() => parseStatsBomb("[{")).toThrow(/statsbomb: json:/);
  });
});

describe("provider detection", () => {
  it("recognises each format and refuses unknown content", async () => {
    expect(detectProvider('{"events": [], "teams": {}}')).toBe("wyscout");
    expect(detectProvider('{"matchInfo": {}, "liveData": {"event": []}}')).toBe("statsperform");
    expect(detectProvider('<?xml version="1.0"?><Games><Game/></Games>')).toBe("opta");
    expect(detectProvider("<html></html>")).toBeNull();
    expect(detectProvider('{"hello": 1}')).toBeNull();
    const dir = await mkdtemp(join(tmpdir(), "futstar-detect-"));
    await writeFile(join(dir, "x.json"), '{"hello": 1}');
    await expect(loadMatch(join(dir, "x.json"))).rejects.toThrow(/cannot detect the provider/);
    expect(() => parseMatch("{}", "statsperform")).toThrow(/statsperform: ma3\.liveData/);
  });
});

const skipW = missingData("wyscout over http", ["wyscout", "2058017.json"]);

describe.skipIf(skipW)("URL sources: downloaded once, cached with sha256, re-verified", () => {
  let server: Server;
  let url = "";
  let hits = 0;
  const body = skipW ? "" : readFileSync(dataFile("wyscout", "2058017.json"));

  beforeAll(async () => {
    server = createServer((req, res) => {
      hits += 1;
      if (req.url === "/2058017.json") res.writeHead(200).end(body);
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("downloads, then serves from cache, re-downloads a tampered copy, and loads the match by URL", async () => {
    const cache = await mkdtemp(join(tmpdir(), "futstar-cache-"));
    const first = await readSource(`${url}/2058017.json`, cache);
    expect(first.via).toBe("download");
    expect(first.sha256).toBe(sha256Hex(body));
    expect((await readFile(`${first.cachePath!.replace(/\.data$/, ".sha256")}`, "utf8")).startsWith(first.sha256)).toBe(true);
    const second = await readSource(`${url}/2058017.json`, cache);
    expect(second.via).toBe("cache");
    expect(hits).toBe(1);
    await writeFile(first.cachePath!, "tampered");
    const third = await readSource(`${url}/2058017.json`, cache);
    expect(third.via).toBe("refetch");
    expect(third.sha256).toBe(first.sha256);
    expect(hits).toBe(2);
    await expect(readSource(`${url}/missing.json`, cache)).rejects.toThrow(/HTTP 404/);

    process.env.FUTSTAR_CACHE_DIR = cache;
    const m = await loadMatch(`${url}/2058017.json`);
    delete process.env.FUTSTAR_CACHE_DIR;
    expect(m.info.home.name).toBe("France");
    expect(hits).toBe(3);
  });
});
