import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, parseConfig } from "../../src/ops/config.js";
import { startOpsServer } from "../../src/ops/http.js";
import { jsonLogger } from "../../src/ops/log.js";
import { KeeperMetrics } from "../../src/ops/metrics.js";
import { onShutdown, sleepUnlessAborted } from "../../src/ops/shutdown.js";

const minimal = { rpcUrls: ["http://127.0.0.1:8899"], keypairs: { payer: "payer.json", oracleSigners: ["s1.json"] } };

describe("config", () => {
  it("fills defaults, resolves paths against the file and lets env win", async () => {
    const dir = mkdtempSync(join(tmpdir(), "keeper-config-"));
    const file = join(dir, "keeper.json");
    writeFileSync(file, JSON.stringify({ ...minimal, matches: [{ key: "wc18", source: "data/m.json" }, { key: "u", source: "https://x.test/m.json" }] }));
    const c = await loadConfig(file, {
      FUTSTAR_KEEPER_RPC_URLS: "http://a:1, http://b:2",
      FUTSTAR_KEEPER_HTTP_PORT: "0",
      FUTSTAR_KEEPER_ORACLE_SIGNERS: "k1.json,k2.json",
      HELIUS_API_KEY: "secret",
      FUTSTAR_KEEPER_LOG_LEVEL: "debug",
    });
    expect(c.rpcUrls).toEqual(["http://a:1", "http://b:2"]);
    expect(c.http).toEqual({ host: "127.0.0.1", port: 0 });
    expect(c.keypairs.payer).toBe(join(dir, "payer.json"));
    expect(c.keypairs.oracleSigners).toEqual([join(dir, "k1.json"), join(dir, "k2.json")]);
    expect(c.priorityFee).toMatchObject({ source: "auto", heliusApiKey: "secret", percentile: 75 });
    expect(c.matches.map((m) => m.source)).toEqual([join(dir, "data/m.json"), "https://x.test/m.json"]);
    expect(c.matches[0]?.speed).toBe(1);
    expect(c.dbPath).toBe(join(dir, "futstar-keeper.db"));
    expect(c.logLevel).toBe("debug");
  });

  it("names the field at fault", async () => {
    const field = (raw: unknown, env = {}): string => {
      try {
        parseConfig(raw, env);
      } catch (err) {
        if (err instanceof ConfigError) return err.field;
        throw err;
      }
      return "accepted";
    };
    expect(field({ ...minimal, rpcUrls: ["http://ok", "ftp://bad"] })).toBe("rpcUrls.1");
    expect(field({ ...minimal, rpcUrls: [] })).toBe("rpcUrls");
    expect(field(minimal, { FUTSTAR_KEEPER_HTTP_PORT: "abc" })).toBe("http.port");
    expect(field({ ...minimal, keypairs: { payer: "p" } })).toBe("keypairs.oracleSigners");
    expect(field({ ...minimal, matches: [{ key: "", source: "x" }] })).toBe("matches.0.key");
    expect(field([])).toBe("(root)");
    expect(field(minimal)).toBe("accepted");
    await expect(loadConfig("/nonexistent/keeper.json", {})).rejects.toThrow(/\(file\)/);
    const bad = join(mkdtempSync(join(tmpdir(), "keeper-config-")), "bad.json");
    writeFileSync(bad, "{ nope");
    await expect(loadConfig(bad, {})).rejects.toThrow(/\(json\)/);
    await expect(loadConfig(undefined, { FUTSTAR_KEEPER_RPC_URLS: "http://x:1" })).rejects.toThrow(/keypairs/);
  });
});

describe("logs", () => {
  it("writes one JSON object per line, filtered by level, with child fields and errors made plain", () => {
    const lines: string[] = [];
    const log = jsonLogger((l) => lines.push(l), "info", () => 0);
    log.debug("hidden");
    log.child({ match: "m1" }).warn("push failed", { err: new TypeError("boom"), seq: 7n });
    log.error("x");
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0] as string)).toEqual({ ts: "1970-01-01T00:00:00.000Z", level: "warn", msg: "push failed", match: "m1", err: { name: "TypeError", message: "boom" }, seq: "7" });
    expect(lines[0]?.endsWith("\n")).toBe(true);
  });
});

describe("metrics and health endpoints", () => {
  it("serves Prometheus text and health JSON over HTTP", async () => {
    const metrics = new KeeperMetrics();
    metrics.updatesPushed.inc({ match: "m1" }, 3);
    metrics.pushLag.observe(0.2);
    metrics.fills.inc({ kind: "open" });
    let ok = true;
    const server = await startOpsServer("127.0.0.1", 0, {
      metrics: () => metrics.text(),
      metricsContentType: metrics.registry.contentType,
      health: () => ({ ok, lastPushAgeMs: 12 }),
    });
    try {
      const text = await (await fetch(`${server.url}/metrics`)).text();
      expect(text).toMatch(/futstar_keeper_updates_pushed_total\{match="m1"\} 3/);
      expect(text).toMatch(/futstar_keeper_push_lag_seconds_count 1/);
      expect(text).toMatch(/futstar_keeper_fills_total\{kind="open"\} 1/);
      expect(text).toMatch(/futstar_keeper_settlements_total/);
      let res = await fetch(`${server.url}/healthz`);
      expect([res.status, await res.json()]).toEqual([200, { ok: true, lastPushAgeMs: 12 }]);
      ok = false;
      res = await fetch(`${server.url}/healthz`);
      expect(res.status).toBe(503);
      expect((await fetch(`${server.url}/other`)).status).toBe(404);
      expect((await fetch(`${server.url}/metrics`, { method: "POST" })).status).toBe(405);
    } finally {
      await server.close();
    }
  });
});

describe("shutdown", () => {
  it("aborts on the first signal and wakes sleepers early", async () => {
    const seen: string[] = [];
    const handle = onShutdown(["SIGUSR2"], (s) => seen.push(s));
    const started = Date.now();
    const sleeping = sleepUnlessAborted(10_000, handle.signal);
    process.kill(process.pid, "SIGUSR2");
    await sleeping;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(handle.signal.aborted).toBe(true);
    process.emit("SIGUSR2", "SIGUSR2");
    expect(seen).toEqual(["SIGUSR2"]);
    handle.dispose();
    await sleepUnlessAborted(1, handle.signal);
    await sleepUnlessAborted(5, new AbortController().signal);
  });
});
