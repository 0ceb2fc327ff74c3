/** The ready-line parser: pure, no localnet needed. */
import { describe, expect, it } from "vitest";

import { parseErrorLine, parseReadyLine } from "./ready-line.js";

const program = { programId: "P", programData: "D", keypair: "/k", so: "/s", soBytes: 10, idl: "absent" };
const ready = {
  event: "ready",
  rpcUrl: "http://127.0.0.1:8899",
  wsUrl: "ws://127.0.0.1:8900",
  slotTimeMs: 400,
  offline: true,
  loader: "BPFLoaderUpgradeab1e11111111111111111111111",
  upgradeAuthority: "A",
  upgradeAuthorityKeypair: "/a",
  stateDir: "/state",
  startupMs: 900,
  programs: { futstar: program, momentum_oracle: program },
};

describe("parseReadyLine", () => {
  it("parses the ready line and ignores every other line", () => {
    expect(parseReadyLine(JSON.stringify(ready))?.programs.futstar.soBytes).toBe(10);
    expect(parseReadyLine("  JSON-RPC   http://127.0.0.1:8899")).toBeNull();
    expect(parseReadyLine('{"event":"stopped","signal":"SIGINT"}')).toBeNull();
    expect(parseReadyLine("{not json")).toBeNull();
  });

  it("names the field that is missing or mistyped", () => {
    expect(() => parseReadyLine(JSON.stringify({ ...ready, slotTimeMs: "400" }))).toThrow(/slotTimeMs/);
    const broken = { ...ready, programs: { ...ready.programs, futstar: { ...program, idl: "maybe" } } };
    expect(() => parseReadyLine(JSON.stringify(broken))).toThrow(/programs\.futstar\.idl/);
    expect(() => parseReadyLine(JSON.stringify({ ...ready, programs: { futstar: program } }))).toThrow(/programs\.momentum_oracle/);
  });

  it("reads error lines", () => {
    expect(parseErrorLine('{"event":"error","message":"port 8899 in use"}')).toBe("port 8899 in use");
    expect(parseErrorLine(JSON.stringify(ready))).toBeNull();
  });
});
