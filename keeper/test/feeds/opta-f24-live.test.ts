/**
 * The Opta F24 backup poller against a local HTTP server (the shared SDAPI test server's extra
 * documents): events appear, one is deleted (type 43) and one vanishes, a malformed document and
 * an HTTP error are reported and polling goes on, the full-time marker ends the feed.
 */
import { afterAll, describe, expect, it } from "vitest";
import { OptaF24LiveFeed } from "../../src/feeds/opta/f24-live.js";
import { EventLog } from "../../src/feeds/event-log.js";
import type { FeedChange } from "../../src/feeds/model.js";
import { ma3AsF24, ma3Event as ev } from "./ma3-as-f24.js";
import { type SdapiServer, startSdapiServer } from "./sdapi-live-server.js";

describe("Opta F24 live backup feed", () => {
  let server: SdapiServer;
  afterAll(() => server.close());

  it("upserts new events, deletes removed ones, survives bad documents, ends at full time", async () => {
    const docs = [
      ma3AsF24([ev(1, 32, 1, 0), ev(2, 6, 1, 3), ev(3, 6, 1, 4, "A")], "H", "A"),
      "<Games><Game><Event id='x'></Game></Games>",
      ma3AsF24([ev(1, 32, 1, 0), ev(2, 43, 1, 3), ev(4, 6, 1, 9)], "H", "A"),
      "HTTP 503",
      ma3AsF24([ev(1, 32, 1, 0), ev(2, 43, 1, 3), ev(4, 6, 1, 9), ev(5, 30, 14, 0)], "H", "A"),
    ];
    let served = 0;
    server = await startSdapiServer({
      outletKey: "K",
      fixtureId: "F",
      ma1: () => "{}",
      ma3: () => ({}),
      documents: {
        "/f24.xml": {
          type: "application/xml",
          body: () => {
            // info() and the first poll read the first document; then one document per poll.
            const doc = docs[Math.min(Math.max(0, served - 1), docs.length - 1)] as string;
            served++;
            return doc;
          },
        },
      },
    });
    const feed = new OptaF24LiveFeed({ url: server.url("/f24.xml"), pollIntervalMs: 1, backoffInitialMs: 1 });
    const info = await feed.info();
    expect(info).toMatchObject({ provider: "opta", home: { providerTeamId: "H" }, away: { providerTeamId: "A" } });
    const batches: FeedChange[][] = [];
    // The "HTTP 503" document is XML-invalid text: reported like the malformed one.
    for await (const b of feed.changes()) batches.push(b);
    const log = new EventLog();
    log.apply(batches.flat());
    expect(log.events().map((e) => `${e.id} ${e.kind.type} ${e.side}`)).toEqual(["opta:1 period_start home", "opta:4 corner home"]);
    expect(batches.flat()).toContainEqual(expect.objectContaining({ op: "delete", id: "opta:2" }));
    expect(batches.flat()).toContainEqual(expect.objectContaining({ op: "delete", id: "opta:3" }));
    expect(feed.issues().map((i) => i.field)).toEqual(["f24", "f24"]);
    expect(feed.issues()[0]!.message).toMatch(/f24\.xml: line/);
    feed.close();
  });
});
