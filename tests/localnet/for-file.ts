/** One localnet shared by the tests of a file, with its clean stop checked after them. */
import { Connection } from "@solana/web3.js";
import { afterAll, beforeAll, expect } from "vitest";

import { type Localnet, START_TIMEOUT_MS, STOP_TIMEOUT_MS, startLocalnet } from "./spawn.js";

/**
 * Registers the calling file's hooks: before its tests, a localnet with `slotTimeMs` slots is
 * started and handed to `started` with a Connection at "confirmed"; after them it is stopped and
 * must exit with code 0.
 */
export function localnetForFile(slotTimeMs: number, started: (net: Localnet, connection: Connection) => void): void {
  let net: Localnet | undefined;
  beforeAll(async () => {
    net = await startLocalnet({ slotTimeMs });
    started(net, new Connection(net.rpcUrl, { commitment: "confirmed", wsEndpoint: net.wsUrl }));
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    if (net === undefined) return;
    const exit = await net.stop();
    expect(exit).toEqual({ code: 0, signal: null });
  }, STOP_TIMEOUT_MS);
}
