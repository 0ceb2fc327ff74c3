/** Event decoding follows the invoke stack: only our programs' "Program data" lines, each with its own IDL. */
import { Keypair } from "@solana/web3.js";
import { describe, expect, it } from "vitest";

import { decodeEvents, momentumOracleIdl } from "../src/index.js";

const ids = { futstar: Keypair.generate().publicKey, momentumOracle: Keypair.generate().publicKey };
const other = Keypair.generate().publicKey.toBase58();
const oracle = ids.momentumOracle.toBase58();

function pausedEvent(paused: boolean): string {
  const disc = momentumOracleIdl.events.find((e) => e.name === "configPausedSet")!.discriminator;
  return Buffer.concat([Buffer.from(disc), Keypair.generate().publicKey.toBuffer(), Buffer.of(paused ? 1 : 0)]).toString("base64");
}

describe("decodeEvents", () => {
  it("decodes our programs' events and ignores other programs' data", () => {
    const logs = [
      `Program ${oracle} invoke [1]`,
      `Program ${other} invoke [2]`,
      `Program data: ${Buffer.from("not ours").toString("base64")}`,
      `Program ${other} success`,
      `Program data: ${pausedEvent(true)}`,
      `Program ${oracle} success`,
      `Program data: ${pausedEvent(false)}`,
    ];
    const events = decodeEvents(logs, ids);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ program: "momentumOracle", name: "configPausedSet", data: { paused: true } });
  });

  it("throws when one of our programs logs data its IDL does not know", () => {
    const logs = [`Program ${oracle} invoke [1]`, `Program data: ${Buffer.alloc(16, 7).toString("base64")}`, `Program ${oracle} failed: x`];
    expect(() => decodeEvents(logs, ids)).toThrow(/momentumOracle: event .* is not in the IDL/);
  });
});
