/**
 * Live account updates over the RPC WebSocket, decoded: a feed, a position, or every position
 * of an owner. Each returns an `unsubscribe` function. Decoding failures go to `onError`
 * (never swallowed).
 */
import type { Commitment, Connection, PublicKey } from "@solana/web3.js";

import { type FutstarAccounts, type OracleAccounts, decodeFutstarAccount, decodeOracleAccount } from "./accounts/decode.js";
import { accountTypeFilters, fieldKeyFilter } from "./accounts/filters.js";
import { futstarIdl } from "./idl/index.js";
import type { ProgramIds } from "./programs.js";

/** Stops a subscription. */
export type Unsubscribe = () => Promise<void>;

/** Callbacks of a subscription. */
export interface Listener<T> {
  readonly onChange: (value: T, context: { slot: number; address: PublicKey }) => void;
  readonly onError?: (error: unknown) => void;
}

function guarded<T>(listener: Listener<T>, decode: () => T, context: { slot: number; address: PublicKey }): void {
  let value: T;
  try {
    value = decode();
  } catch (error) {
    if (listener.onError === undefined) throw error;
    listener.onError(error);
    return;
  }
  listener.onChange(value, context);
}

/** Subscribes to a feed account: every accepted oracle update arrives decoded. */
export function subscribeFeed(connection: Connection, feed: PublicKey, listener: Listener<OracleAccounts["feed"]>, commitment: Commitment = "confirmed"): Unsubscribe {
  const id = connection.onAccountChange(feed, (info, ctx) => guarded(listener, () => decodeOracleAccount("feed", info.data), { slot: ctx.slot, address: feed }), { commitment });
  return () => connection.removeAccountChangeListener(id);
}

/** Subscribes to one position account. */
export function subscribePosition(connection: Connection, position: PublicKey, listener: Listener<FutstarAccounts["position"]>, commitment: Commitment = "confirmed"): Unsubscribe {
  const id = connection.onAccountChange(position, (info, ctx) => guarded(listener, () => decodeFutstarAccount("position", info.data), { slot: ctx.slot, address: position }), { commitment });
  return () => connection.removeAccountChangeListener(id);
}

/** Subscribes to every position of `owner` (program-account subscription with memcmp filters). */
export function subscribePositionsByOwner(connection: Connection, ids: ProgramIds, owner: PublicKey, listener: Listener<FutstarAccounts["position"]>, commitment: Commitment = "confirmed"): Unsubscribe {
  const filters = [...accountTypeFilters(futstarIdl, "position"), fieldKeyFilter(futstarIdl, "position", "owner", owner)];
  const id = connection.onProgramAccountChange(
    ids.futstar,
    (keyed, ctx) => guarded(listener, () => decodeFutstarAccount("position", keyed.accountInfo.data), { slot: ctx.slot, address: keyed.accountId }),
    { commitment, filters },
  );
  return () => connection.removeProgramAccountChangeListener(id);
}
