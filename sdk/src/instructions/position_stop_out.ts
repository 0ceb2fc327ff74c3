import type { PublicKey, TransactionInstruction } from "@solana/web3.js";

import { exchangePda } from "../pda.js";
import type { ProgramIds } from "../programs.js";
import { futstarInstruction } from "./futstar.js";

/** `position_stop_out` (anyone): closes an open position whose equity reached zero. */
export function positionStopOut(ids: ProgramIds, p: { pool: PublicKey; feed: PublicKey; position: PublicKey; trader: PublicKey }): TransactionInstruction {
  return futstarInstruction(
    ids,
    "positionStopOut",
    { exchange: exchangePda(ids.futstar)[0], pool: p.pool, feed: p.feed, position: p.position, trader: p.trader },
    {},
  );
}
