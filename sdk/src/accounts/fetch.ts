/** Fetchers: one account by address, or all of a type matching filters (I/O at the edge). */
import type { Commitment, Connection, GetProgramAccountsFilter, PublicKey } from "@solana/web3.js";

import { futstarIdl, momentumOracleIdl } from "../idl/index.js";
import type { ProgramIds } from "../programs.js";
import { type FutstarAccountName, type FutstarAccounts, type OracleAccountName, type OracleAccounts, decodeFutstarAccount, decodeOracleAccount } from "./decode.js";
import { accountTypeFilters } from "./filters.js";

/** An account and its address. */
export interface Keyed<T> {
  readonly address: PublicKey;
  readonly account: T;
}

/** Fetches futstar account `name` at `address`; `null` if it does not exist. Throws if it is not owned by futstar. */
export async function fetchFutstarAccount<N extends FutstarAccountName>(connection: Connection, ids: ProgramIds, name: N, address: PublicKey, commitment?: Commitment): Promise<FutstarAccounts[N] | null> {
  const info = await connection.getAccountInfo(address, commitment);
  if (info === null) return null;
  if (!info.owner.equals(ids.futstar)) throw new Error(`${name} ${address.toBase58()}: owner ${info.owner.toBase58()} is not the futstar program`);
  return decodeFutstarAccount(name, info.data);
}

/** Fetches oracle account `name` at `address`; `null` if it does not exist. Throws if it is not owned by the oracle. */
export async function fetchOracleAccount<N extends OracleAccountName>(connection: Connection, ids: ProgramIds, name: N, address: PublicKey, commitment?: Commitment): Promise<OracleAccounts[N] | null> {
  const info = await connection.getAccountInfo(address, commitment);
  if (info === null) return null;
  if (!info.owner.equals(ids.momentumOracle)) throw new Error(`${name} ${address.toBase58()}: owner ${info.owner.toBase58()} is not the oracle program`);
  return decodeOracleAccount(name, info.data);
}

/** All futstar accounts of type `name` matching `filters` (type filters added). */
export async function fetchAllFutstar<N extends FutstarAccountName>(connection: Connection, ids: ProgramIds, name: N, filters: readonly GetProgramAccountsFilter[] = [], commitment?: Commitment): Promise<Keyed<FutstarAccounts[N]>[]> {
  const found = await connection.getProgramAccounts(ids.futstar, { filters: [...accountTypeFilters(futstarIdl, name), ...filters], ...(commitment === undefined ? {} : { commitment }) });
  return found.map(({ pubkey, account }) => ({ address: pubkey, account: decodeFutstarAccount(name, account.data) }));
}

/** All oracle accounts of type `name` matching `filters` (type filters added). */
export async function fetchAllOracle<N extends OracleAccountName>(connection: Connection, ids: ProgramIds, name: N, filters: readonly GetProgramAccountsFilter[] = [], commitment?: Commitment): Promise<Keyed<OracleAccounts[N]>[]> {
  const found = await connection.getProgramAccounts(ids.momentumOracle, { filters: [...accountTypeFilters(momentumOracleIdl, name), ...filters], ...(commitment === undefined ? {} : { commitment }) });
  return found.map(({ pubkey, account }) => ({ address: pubkey, account: decodeOracleAccount(name, account.data) }));
}
