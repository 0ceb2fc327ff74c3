/**
 * A JSON-RPC proxy in front of the real localnet that injects RPC faults: refuse connections,
 * answer 503, hang, send a transaction twice, or hand out a blockhash the chain does not know.
 * Faults apply to every request (`mode`) or to the next N calls of one method (`inject`).
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import bs58 from "bs58";

export type ProxyMode = "pass" | "refuse" | "http503" | "hang";
export type MethodFault = "refuse" | "http503" | "duplicate" | "unknown-blockhash" | "drop-response" | "hide-status" | "height-past-expiry";

interface Injection {
  readonly method: string;
  readonly fault: MethodFault;
  remaining: number;
}

interface RpcBody {
  method?: string;
  id?: unknown;
}

export class FaultProxy {
  mode: ProxyMode = "pass";
  readonly counts = new Map<string, number>();
  private readonly injections: Injection[] = [];
  private readonly hung: ServerResponse[] = [];

  private constructor(private readonly server: Server, readonly url: string, private readonly upstream: string) {}

  static async start(upstream: string): Promise<FaultProxy> {
    let proxy: FaultProxy | undefined;
    const server = createServer((req, res) => void proxy?.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    proxy = new FaultProxy(server, `http://127.0.0.1:${port}`, upstream);
    return proxy;
  }

  /** The next `times` calls of `method` meet `fault`. */
  inject(method: string, fault: MethodFault, times = 1): void {
    this.injections.push({ method, fault, remaining: times });
  }

  count(method: string): number {
    return this.counts.get(method) ?? 0;
  }

  private take(method: string): MethodFault | null {
    const hit = this.injections.find((i) => i.method === method && i.remaining > 0);
    if (!hit) return null;
    hit.remaining--;
    return hit.fault;
  }

  private forward(body: string): Promise<Response> {
    return fetch(this.upstream, { method: "POST", body, headers: { "content-type": "application/json" } });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (this.mode === "refuse") {
      req.socket.destroy();
      return;
    }
    if (this.mode === "http503") {
      res.writeHead(503).end("upstream unavailable");
      return;
    }
    if (this.mode === "hang") {
      this.hung.push(res);
      return;
    }
    let text = "";
    for await (const chunk of req) text += (chunk as Buffer).toString("utf8");
    const parsed = JSON.parse(text) as RpcBody | RpcBody[];
    const method = Array.isArray(parsed) ? "batch" : (parsed.method ?? "?");
    this.counts.set(method, this.count(method) + 1);
    const fault = this.take(method);
    if (fault === "refuse") {
      req.socket.destroy();
      return;
    }
    if (fault === "http503") {
      res.writeHead(503).end("injected 503");
      return;
    }
    try {
      const upstream = await this.forward(text);
      let reply = await upstream.text();
      if (fault === "duplicate") await this.forward(text); // the same bytes reach the chain twice
      if (fault === "drop-response") {
        // The request reached the chain, the answer never reaches the client.
        req.socket.destroy();
        return;
      }
      if (fault === "hide-status") {
        // The RPC has not seen the signature (yet): every status null.
        const json = JSON.parse(reply) as { result?: { value?: unknown[] } };
        if (json.result?.value) json.result.value = json.result.value.map(() => null);
        reply = JSON.stringify(json);
      }
      if (fault === "height-past-expiry") {
        // A node far ahead: the block height is past any blockhash the client holds.
        const json = JSON.parse(reply) as { result?: number };
        if (typeof json.result === "number") json.result += 1_000_000;
        reply = JSON.stringify(json);
      }
      if (fault === "unknown-blockhash") {
        const json = JSON.parse(reply) as { result?: { value?: { blockhash?: string } } };
        if (json.result?.value) json.result.value.blockhash = bs58.encode(randomBytes(32));
        reply = JSON.stringify(json);
      }
      res.writeHead(upstream.status, { "content-type": "application/json" }).end(reply);
    } catch (err) {
      res.writeHead(502).end(String(err));
    }
  }

  async close(): Promise<void> {
    for (const res of this.hung) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
