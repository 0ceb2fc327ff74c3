/** The chain's clock for the e2e suites: read from the Clock sysvar, moved by time travel. */
import { type Connection, SYSVAR_CLOCK_PUBKEY } from "@solana/web3.js";

import { timeTravel } from "../localnet/cheatcodes.js";

/** The Clock sysvar's unix_timestamp (i64 @32), at "confirmed". */
export async function chainNow(connection: Connection): Promise<bigint> {
  return (await connection.getAccountInfo(SYSVAR_CLOCK_PUBKEY, "confirmed"))!.data.readBigInt64LE(32);
}

export interface ChainClock {
  /** Stops stepping; rejects with the error that stopped the clock early, if one did. */
  stop(): Promise<void>;
}

/** Moves the chain clock one second ahead every `stepMs` (the match runs faster than the wall clock) until stopped. */
export function stepChainClock(rpcUrl: string, connection: Connection, stepMs: number): ChainClock {
  let running = true;
  const done = (async () => {
    while (running) {
      try {
        await timeTravel(rpcUrl, { absoluteTimestamp: Number((await chainNow(connection)) + 1n) * 1000 });
      } catch (err) {
        // The clock ran on by itself between the read and the travel: try again.
        if (!/Cannot travel to past/.test(String(err))) throw err;
      }
      await new Promise((r) => setTimeout(r, stepMs));
    }
  })().catch((err: unknown) => {
    running = false;
    throw err;
  });
  return {
    async stop() {
      running = false;
      await done;
    },
  };
}
