/**
 * A local stand-in for the Stats Perform SDAPI host, for the real client: serves MA1 and MA3 at
 * the SDAPI paths (`/soccerdata/{matchinfo,matchevent}/<outletKey>/<fixtureId>?_rt=b&_fmt=json`)
 * with ETags (an unchanged document answers 304), chosen MA3 requests answer HTTP 500, and any
 * extra documents (e.g. an Opta F24 backup) are served the same way at their own paths. What each
 * document holds is up to the test: `ma3(poll)` is called for every MA3 request that is not
 * failed, so a test reveals the match as its clock advances.
 */
import { createHash } from "node:crypto";
import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface SdapiServerOptions {
  readonly outletKey: string;
  readonly fixtureId: string;
  readonly ma1: () => string;
  /** The MA3 document for the n-th MA3 request that is served (1-based). */
  readonly ma3: (poll: number) => unknown;
  /** True when the n-th MA3 request (1-based, failed ones included) must answer HTTP 500. */
  readonly fail?: (request: number) => boolean;
  /** More documents by path (e.g. "/opta/f24.xml"), with their content type. */
  readonly documents?: Readonly<Record<string, { readonly type: string; readonly body: () => string }>>;
}

export interface SdapiServerLog {
  ma3Requests: number;
  conditional: number;
  served304: number;
  served500: number;
  readonly paths: string[];
}

export interface SdapiServer {
  /** Base URL the client takes (`.../soccerdata`). */
  readonly base: string;
  /** Absolute URL of a path on this server. */
  url(path: string): string;
  readonly log: SdapiServerLog;
  close(): Promise<void>;
}

function sendWithEtag(req: IncomingMessage, res: ServerResponse, body: string, type: string, log: SdapiServerLog): void {
  const etag = `"${createHash("sha256").update(body).digest("hex").slice(0, 16)}"`;
  if (req.headers["if-none-match"] === etag) {
    log.served304 += 1;
    res.writeHead(304, { etag }).end();
    return;
  }
  res.writeHead(200, { "content-type": type, etag }).end(body);
}

export async function startSdapiServer(o: SdapiServerOptions): Promise<SdapiServer> {
  const log: SdapiServerLog = { ma3Requests: 0, conditional: 0, served304: 0, served500: 0, paths: [] };
  const query = "?_rt=b&_fmt=json";
  const ma1Path = `/soccerdata/matchinfo/${o.outletKey}/${o.fixtureId}${query}`;
  const ma3Path = `/soccerdata/matchevent/${o.outletKey}/${o.fixtureId}${query}`;
  let served = 0;
  const server: Server = createServer((req, res) => {
    const url = req.url ?? "";
    log.paths.push(url);
    if (url === ma1Path) return void res.writeHead(200, { "content-type": "application/json" }).end(o.ma1());
    const doc = o.documents?.[url];
    if (doc) return sendWithEtag(req, res, doc.body(), doc.type, log);
    if (url !== ma3Path) return void res.writeHead(404).end();
    log.ma3Requests += 1;
    if (o.fail?.(log.ma3Requests)) {
      log.served500 += 1;
      return void res.writeHead(500).end("upstream down");
    }
    if (req.headers["if-none-match"]) log.conditional += 1;
    served += 1;
    sendWithEtag(req, res, JSON.stringify(o.ma3(served)), "application/json", log);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base: `${origin}/soccerdata`,
    url: (path) => `${origin}${path}`,
    log,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
