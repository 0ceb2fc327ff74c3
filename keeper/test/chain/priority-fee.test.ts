import { Keypair } from "@solana/web3.js";
import { afterEach, describe, expect, it } from "vitest";
import { FeeEstimateError, HeliusFeeSource, isHeliusUrl, percentile, pickFeeSource, RecentFeesSource, ZeroFeeSource } from "../../src/chain/priority-fee.js";
import { RpcPool } from "../../src/chain/rpc-pool.js";
import { startJsonRpcServer, type TestServer } from "./json-rpc-server.js";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const FEED = Keypair.generate().publicKey;

describe("Helius priority-fee estimate through helius-sdk", () => {
  it("sends Helius's getPriorityFeeEstimate request and reads its documented response", async () => {
    // Response shaped as Helius documents it: {"jsonrpc":"2.0","result":{"priorityFeeEstimate":120000.0},"id":"1"}
    server = await startJsonRpcServer((req) => [200, { jsonrpc: "2.0", result: { priorityFeeEstimate: 120000.0 }, id: req.id }]);
    const source = new HeliusFeeSource(server.url, "test-key", "High");
    expect(await source.microLamportsPerCu([FEED])).toBe(120000);
    const { path, body } = server.requests[0]!;
    expect(path).toBe("/?api-key=test-key");
    expect(body.method).toBe("getPriorityFeeEstimate");
    expect(body.params).toEqual([{ accountKeys: [FEED.toBase58()], options: { priorityLevel: "High", includeAllPriorityFeeLevels: false } }]);
  });

  it("caps the estimate at the operator's budget and rounds fractional micro-lamports up", async () => {
    server = await startJsonRpcServer((req) => [200, { jsonrpc: "2.0", result: { priorityFeeEstimate: 2_500_000.4 }, id: req.id }]);
    expect(await new HeliusFeeSource(server.url, undefined, "Medium", 1_000_000).microLamportsPerCu([FEED])).toBe(1_000_000);
    expect(await new HeliusFeeSource(server.url, undefined, "Medium", 5_000_000).microLamportsPerCu([FEED])).toBe(2_500_001);
  });

  it("keeps a key already in the URL and names what is wrong with a bad answer", async () => {
    let reply: unknown = { priorityFeeLevels: { min: 0, low: 2, medium: 10082, high: 100000, veryHigh: 1000000, unsafeMax: 50000000 } };
    server = await startJsonRpcServer((req) => [200, { jsonrpc: "2.0", result: reply, id: req.id }]);
    const source = new HeliusFeeSource(`${server.url}?api-key=in-url`, "ignored");
    await expect(source.microLamportsPerCu([FEED])).rejects.toThrow(/result\.priorityFeeEstimate: missing/);
    expect(server.requests[0]?.path).toBe("/?api-key=in-url");
    reply = { priorityFeeEstimate: -5 };
    await expect(source.microLamportsPerCu([FEED])).rejects.toThrow(FeeEstimateError);
  });

  it("surfaces Helius's JSON-RPC error", async () => {
    server = await startJsonRpcServer((req) => [200, { jsonrpc: "2.0", error: { code: -32602, message: "Invalid params: accountKeys" }, id: req.id }]);
    await expect(new HeliusFeeSource(server.url, "k").microLamportsPerCu([FEED])).rejects.toThrow(/Invalid params: accountKeys/);
  });
});

describe("fee source choice", () => {
  it("uses Helius for a Helius URL in auto mode, recent fees otherwise", () => {
    const base = { source: "auto", percentile: 75, maxMicroLamports: 10, heliusLevel: "Medium" } as const;
    expect(isHeliusUrl("https://mainnet.helius-rpc.com/?api-key=x")).toBe(true);
    expect(isHeliusUrl("http://127.0.0.1:8899")).toBe(false);
    expect(isHeliusUrl("not a url")).toBe(false);
    expect(pickFeeSource(base, new RpcPool(["https://mainnet.helius-rpc.com/?api-key=x"])).name).toBe("helius");
    expect(pickFeeSource(base, new RpcPool(["http://127.0.0.1:8899"]))).toBeInstanceOf(RecentFeesSource);
    expect(pickFeeSource({ ...base, source: "none" }, new RpcPool(["http://127.0.0.1:8899"]))).toBeInstanceOf(ZeroFeeSource);
    expect(pickFeeSource({ ...base, source: "helius" }, new RpcPool(["http://127.0.0.1:8899"])).name).toBe("helius");
  });

  it("takes the nearest-rank percentile", async () => {
    expect(percentile([], 75)).toBe(0);
    expect(percentile([5], 75)).toBe(5);
    expect(percentile([4, 1, 3, 2], 75)).toBe(3);
    expect(percentile([4, 1, 3, 2], 100)).toBe(4);
    expect(percentile([4, 1, 3, 2], 0)).toBe(1);
    expect(await new ZeroFeeSource().microLamportsPerCu()).toBe(0);
  });
});
