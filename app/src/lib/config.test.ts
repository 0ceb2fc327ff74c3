import { describe, expect, it } from "vitest";

import { deriveWsUrl, parseConfig } from "./config";
import { countryFromHeaders, isBlocked, parseRegionPolicy } from "./region";

describe("config", () => {
  it("defaults to the local chain", () => {
    const c = parseConfig({});
    expect(c).toMatchObject({ cluster: "localnet", rpcUrl: "http://127.0.0.1:8899", wsUrl: "ws://127.0.0.1:8900", futstarProgramId: null });
  });
  it("derives wss for https endpoints without bumping the port off localnet", () => {
    expect(deriveWsUrl("https://devnet.helius-rpc.com/?api-key=k", "devnet")).toBe("wss://devnet.helius-rpc.com/?api-key=k");
  });
  it("rejects bad values naming the variable", () => {
    expect(() => parseConfig({ NEXT_PUBLIC_CLUSTER: "testnet" })).toThrow(/NEXT_PUBLIC_CLUSTER/);
    expect(() => parseConfig({ NEXT_PUBLIC_RPC_URL: "ftp://x" })).toThrow(/NEXT_PUBLIC_RPC_URL/);
    expect(() => parseConfig({ NEXT_PUBLIC_FUTSTAR_PROGRAM_ID: "not-a-key" })).toThrow(/NEXT_PUBLIC_FUTSTAR_PROGRAM_ID/);
  });
});

describe("region blocking", () => {
  const headers = (h: Record<string, string>) => (name: string) => h[name] ?? null;
  it("blocks listed countries from the first configured geo header", () => {
    const policy = parseRegionPolicy("us, GB", undefined);
    expect(isBlocked(policy, countryFromHeaders(policy, headers({ "x-vercel-ip-country": "US" })))).toBe(true);
    expect(isBlocked(policy, countryFromHeaders(policy, headers({ "cf-ipcountry": "gb" })))).toBe(true);
    expect(isBlocked(policy, countryFromHeaders(policy, headers({ "cf-ipcountry": "FR" })))).toBe(false);
    expect(isBlocked(policy, countryFromHeaders(policy, headers({})))).toBe(false);
  });
  it("uses configured headers only", () => {
    const policy = parseRegionPolicy("FR", "x-geo");
    expect(countryFromHeaders(policy, headers({ "cf-ipcountry": "FR" }))).toBeNull();
    expect(countryFromHeaders(policy, headers({ "x-geo": "fr" }))).toBe("FR");
  });
  it("rejects a malformed country code", () => {
    expect(() => parseRegionPolicy("USA", undefined)).toThrow(/FUTSTAR_BLOCKED_COUNTRIES: "USA"/);
  });
});

describe("blocked notice", () => {
  it("names a valid country and never echoes anything else", async () => {
    const { blockedPage } = await import("./region");
    expect(blockedPage("US")).toContain("in your country (US)");
    expect(blockedPage("<script>")).toContain("where you are");
  });
});
