import type { TransactionInstruction } from "@solana/web3.js";

import { exchangePda } from "../pda.js";
import type { ProgramIds } from "../programs.js";
import { futstarInstruction } from "./futstar.js";

/** `exchange_apply_config` (anyone): applies the pending change once its timelock elapsed. */
export function exchangeApplyConfig(ids: ProgramIds): TransactionInstruction {
  return futstarInstruction(ids, "exchangeApplyConfig", { exchange: exchangePda(ids.futstar)[0] }, {});
}
