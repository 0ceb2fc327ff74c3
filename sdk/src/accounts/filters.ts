/** `getProgramAccounts` filters whose offsets come from the IDL layouts. */
import type { Idl } from "@anchor-lang/core";
import { utils } from "@anchor-lang/core";
import type { GetProgramAccountsFilter, PublicKey } from "@solana/web3.js";
import { Buffer } from "buffer";

import { accountDiscriminator, accountSize, fieldOffset } from "../idl/layout.js";

/** Matches accounts of type `account` (discriminator and exact size). */
export function accountTypeFilters(idl: Idl, account: string): GetProgramAccountsFilter[] {
  return [
    { dataSize: accountSize(idl, account) },
    { memcmp: { offset: 0, bytes: utils.bytes.bs58.encode(Buffer.from(accountDiscriminator(idl, account))) } },
  ];
}

/** Matches accounts whose `field` holds `bytes`. */
export function fieldBytesFilter(idl: Idl, account: string, field: string, bytes: Uint8Array): GetProgramAccountsFilter {
  return { memcmp: { offset: fieldOffset(idl, account, field), bytes: utils.bytes.bs58.encode(Buffer.from(bytes)) } };
}

/** Matches accounts whose pubkey `field` equals `key`. */
export function fieldKeyFilter(idl: Idl, account: string, field: string, key: PublicKey): GetProgramAccountsFilter {
  return fieldBytesFilter(idl, account, field, key.toBytes());
}

/** Matches accounts whose one-byte `field` (status, side) equals `value`. */
export function fieldByteFilter(idl: Idl, account: string, field: string, value: number): GetProgramAccountsFilter {
  return fieldBytesFilter(idl, account, field, Uint8Array.of(value));
}
