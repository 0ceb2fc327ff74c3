import type { PublicKey, TransactionInstruction } from "@solana/web3.js";

import { exchangePda } from "../pda.js";
import type { ProgramIds } from "../programs.js";
import { type ExchangeConfigInput, exchangeConfigArg } from "./exchange_config.js";
import { futstarInstruction } from "./futstar.js";

/** `exchange_propose_config(config)`: the admin stages a timelocked config change. */
export function exchangeProposeConfig(ids: ProgramIds, p: { admin: PublicKey; config: ExchangeConfigInput }): TransactionInstruction {
  return futstarInstruction(ids, "exchangeProposeConfig", { admin: p.admin, exchange: exchangePda(ids.futstar)[0] }, { config: exchangeConfigArg(p.config) });
}
