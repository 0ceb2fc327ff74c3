import type { PublicKey, TransactionInstruction } from "@solana/web3.js";

import { exchangePda } from "../pda.js";
import type { ProgramIds } from "../programs.js";
import { type PoolLimitsInput, poolLimitsArg } from "./exchange_config.js";
import { futstarInstruction } from "./futstar.js";

/** `pool_set_limits(limits)`: the admin replaces one pool's risk limits (effective at once). */
export function poolSetLimits(ids: ProgramIds, p: { admin: PublicKey; pool: PublicKey; limits: PoolLimitsInput }): TransactionInstruction {
  return futstarInstruction(ids, "poolSetLimits", { admin: p.admin, exchange: exchangePda(ids.futstar)[0], pool: p.pool }, { limits: poolLimitsArg(p.limits, "limits") });
}
