import { type PublicKey, SystemProgram, type TransactionInstruction } from "@solana/web3.js";

import { exchangePda } from "../pda.js";
import type { ProgramIds } from "../programs.js";
import { type ExchangeConfigInput, exchangeConfigArg } from "./exchange_config.js";
import { futstarInstruction } from "./futstar.js";

/** `exchange_init(config)`: creates the singleton Exchange PDA; `payer` funds it. */
export function exchangeInit(ids: ProgramIds, p: { payer: PublicKey; config: ExchangeConfigInput }): TransactionInstruction {
  return futstarInstruction(
    ids,
    "exchangeInit",
    { payer: p.payer, exchange: exchangePda(ids.futstar)[0], systemProgram: SystemProgram.programId },
    { config: exchangeConfigArg(p.config) },
  );
}
