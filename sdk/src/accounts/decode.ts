/** Account decoders driven by the IDLs (Anchor's BorshAccountsCoder checks the discriminator). */
import type { IdlAccounts } from "@anchor-lang/core";
import { Buffer } from "buffer";

import { type Futstar, type MomentumOracle, futstarProgram, momentumOracleProgram } from "../idl/index.js";

/** Decoded futstar accounts by (camelCase) IDL name: exchange, pool, trader, position. */
export type FutstarAccounts = IdlAccounts<Futstar>;
/** Decoded momentum-oracle accounts by IDL name: oracleConfig, feed. */
export type OracleAccounts = IdlAccounts<MomentumOracle>;

/** Names of futstar account types. */
export type FutstarAccountName = keyof FutstarAccounts & string;
/** Names of oracle account types. */
export type OracleAccountName = keyof OracleAccounts & string;

/** Decodes futstar account `name` from raw data; throws if the discriminator differs. */
export function decodeFutstarAccount<N extends FutstarAccountName>(name: N, data: Uint8Array): FutstarAccounts[N] {
  return futstarProgram.coder.accounts.decode<FutstarAccounts[N]>(name, Buffer.from(data));
}

/** Decodes oracle account `name` from raw data; throws if the discriminator differs. */
export function decodeOracleAccount<N extends OracleAccountName>(name: N, data: Uint8Array): OracleAccounts[N] {
  return momentumOracleProgram.coder.accounts.decode<OracleAccounts[N]>(name, Buffer.from(data));
}
