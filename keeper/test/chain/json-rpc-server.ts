/** A tiny local HTTP server for tests: answers JSON-RPC requests with a handler, records them. */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RpcRequest {
  readonly jsonrpc: string;
  readonly id: unknown;
  readonly method: string;
  readonly params: unknown;
}

export interface TestServer {
  readonly url: string;
  readonly requests: { path: string; body: RpcRequest }[];
  close(): Promise<void>;
}

/** `handle` returns [status, body]; the body is sent as JSON. */
export async function startJsonRpcServer(handle: (req: RpcRequest, path: string) => [number, unknown]): Promise<TestServer> {
  const requests: { path: string; body: RpcRequest }[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let text = "";
    req.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
    req.on("end", () => {
      const body = JSON.parse(text) as RpcRequest;
      const path = req.url ?? "/";
      requests.push({ path, body });
      const [status, reply] = handle(body, path);
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(reply));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
