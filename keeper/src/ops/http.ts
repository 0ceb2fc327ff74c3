/** `/metrics` (Prometheus text) and `/healthz` (JSON) on one small HTTP server. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Health {
  readonly ok: boolean;
  readonly [detail: string]: unknown;
}

export interface OpsServer {
  readonly url: string;
  close(): Promise<void>;
}

export interface OpsHandlers {
  metrics(): Promise<string>;
  health(): Health;
  readonly metricsContentType: string;
}

export async function startOpsServer(host: string, port: number, handlers: OpsHandlers): Promise<OpsServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method !== "GET") {
      res.writeHead(405, { allow: "GET" }).end();
      return;
    }
    if (path === "/metrics") {
      handlers.metrics().then(
        (body) => res.writeHead(200, { "content-type": handlers.metricsContentType }).end(body),
        (err: unknown) => res.writeHead(500, { "content-type": "text/plain" }).end(String(err)),
      );
      return;
    }
    if (path === "/healthz") {
      const health = handlers.health();
      res.writeHead(health.ok ? 200 : 503, { "content-type": "application/json" }).end(JSON.stringify(health));
      return;
    }
    res.writeHead(404, { "content-type": "text/plain" }).end("not found: try /metrics or /healthz\n");
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}`,
    close: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((err) => (err ? reject(err) : resolve()));
    }),
  };
}
