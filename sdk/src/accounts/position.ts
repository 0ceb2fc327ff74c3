/** Position queries: by owner, by pool, awaiting fill, expired. */
import type { Connection, PublicKey } from "@solana/web3.js";

import { futstarIdl } from "../idl/index.js";
import type { ProgramIds } from "../programs.js";
import type { FutstarAccounts } from "./decode.js";
import { type Keyed, fetchAllFutstar } from "./fetch.js";
import { fieldByteFilter, fieldKeyFilter } from "./filters.js";

/** Position lifecycle, the program's `PositionStatus` bytes. */
export enum PositionStatus {
  PendingOpen = 0,
  Open = 1,
  PendingClose = 2,
  Closed = 3,
  Cancelled = 4,
  Rejected = 5,
  Settled = 6,
  StoppedOut = 7,
  Voided = 8,
}

/** A decoded Position. */
export type Position = FutstarAccounts["position"];

/** Every position of `owner` (memcmp on `owner`). */
export function fetchPositionsByOwner(connection: Connection, ids: ProgramIds, owner: PublicKey): Promise<Keyed<Position>[]> {
  return fetchAllFutstar(connection, ids, "position", [fieldKeyFilter(futstarIdl, "position", "owner", owner)]);
}

/** Every position in `pool` (memcmp on `pool`). */
export function fetchPositionsByPool(connection: Connection, ids: ProgramIds, pool: PublicKey): Promise<Keyed<Position>[]> {
  return fetchAllFutstar(connection, ids, "position", [fieldKeyFilter(futstarIdl, "position", "pool", pool)]);
}

/** Positions in `status` (memcmp on `status`), optionally in one pool. */
export function fetchPositionsByStatus(connection: Connection, ids: ProgramIds, status: PositionStatus, pool?: PublicKey): Promise<Keyed<Position>[]> {
  const filters = [fieldByteFilter(futstarIdl, "position", "status", status)];
  if (pool !== undefined) filters.push(fieldKeyFilter(futstarIdl, "position", "pool", pool));
  return fetchAllFutstar(connection, ids, "position", filters);
}

/** Open and close requests awaiting a fill (PendingOpen and PendingClose). */
export async function fetchRequestsAwaitingFill(connection: Connection, ids: ProgramIds, pool?: PublicKey): Promise<Keyed<Position>[]> {
  const [opens, closes] = await Promise.all([
    fetchPositionsByStatus(connection, ids, PositionStatus.PendingOpen, pool),
    fetchPositionsByStatus(connection, ids, PositionStatus.PendingClose, pool),
  ]);
  return [...opens, ...closes];
}

/** Whether a filled position has passed its expiry at unix time `now` (match-end positions never expire by time). */
export function isExpired(position: Position, now: bigint): boolean {
  const status = positionStatusOf(position);
  if (status !== PositionStatus.Open && status !== PositionStatus.PendingClose) return false;
  const expiry = BigInt(position.expiryTs.toString());
  return expiry > 0n && expiry <= now;
}

/** Open or pending-close positions whose expiry is at or before `now` (status by memcmp, time checked here). */
export async function fetchExpiredPositions(connection: Connection, ids: ProgramIds, now: bigint, pool?: PublicKey): Promise<Keyed<Position>[]> {
  const [open, closing] = await Promise.all([
    fetchPositionsByStatus(connection, ids, PositionStatus.Open, pool),
    fetchPositionsByStatus(connection, ids, PositionStatus.PendingClose, pool),
  ]);
  return [...open, ...closing].filter((p) => isExpired(p.account, now));
}

/** The status of a decoded position as the enum. */
export function positionStatusOf(position: Position): PositionStatus {
  return enumByte(position.status, "position.status") as PositionStatus;
}

/**
 * An IDL status field as its byte: a `u8` field decodes to a number, an IDL enum to
 * `{ variantName: {} }` (variant index = byte).
 */
export function enumByte(value: unknown, field: string): number {
  if (typeof value === "number") return value;
  throw new TypeError(`${field}: unexpected encoding ${JSON.stringify(value)}`);
}
