/**
 * `FutstarClient`: a small facade over the SDK for one cluster. Program ids come from the
 * config (localnet, devnet and mainnet are configs, nothing is hard-coded).
 */
import type { Commitment, Connection, PublicKey, Signer, TransactionInstruction } from "@solana/web3.js";

import type { FutstarAccountName, FutstarAccounts, OracleAccountName, OracleAccounts } from "./accounts/decode.js";
import { type Feed, type FeedStatus, fetchFeedsByStatus } from "./accounts/feed.js";
import { type Keyed, fetchFutstarAccount, fetchOracleAccount } from "./accounts/fetch.js";
import { type Position, fetchExpiredPositions, fetchPositionsByOwner, fetchPositionsByPool, fetchRequestsAwaitingFill } from "./accounts/position.js";
import { type DecodedTransactionError, decodeTransactionError } from "./errors.js";
import * as pda from "./pda.js";
import type { ProgramIds } from "./programs.js";
import { sendInstructions } from "./rpc/send.js";
import { type Listener, type Unsubscribe, subscribeFeed, subscribePosition, subscribePositionsByOwner } from "./subscriptions.js";

/** Client configuration. */
export interface FutstarClientConfig {
  readonly connection: Connection;
  readonly programIds: ProgramIds;
  readonly commitment?: Commitment;
}

/** One cluster's Futstar: PDAs, fetchers, subscriptions, sending. Builders are the free functions (`poolDeposit(client.programIds, …)`). */
export class FutstarClient {
  readonly connection: Connection;
  readonly programIds: ProgramIds;
  readonly commitment: Commitment;

  constructor(config: FutstarClientConfig) {
    this.connection = config.connection;
    this.programIds = config.programIds;
    this.commitment = config.commitment ?? "confirmed";
  }

  /** The exchange PDA. */
  exchangeAddress(): PublicKey {
    return pda.exchangePda(this.programIds.futstar)[0];
  }
  /** The feed PDA of a match. */
  feedAddress(matchId: string | Uint8Array): PublicKey {
    return pda.feedPda(this.programIds.momentumOracle, matchId)[0];
  }
  /** The pool PDA of a feed. */
  poolAddress(feed: PublicKey): PublicKey {
    return pda.poolPda(this.programIds.futstar, feed)[0];
  }
  /** The trader PDA of (pool, owner). */
  traderAddress(pool: PublicKey, owner: PublicKey): PublicKey {
    return pda.traderPda(this.programIds.futstar, pool, owner)[0];
  }
  /** The position PDA of (trader, id). */
  positionAddress(trader: PublicKey, id: bigint): PublicKey {
    return pda.positionPda(this.programIds.futstar, trader, id)[0];
  }

  /** Fetches one futstar account (null when absent). */
  fetch<N extends FutstarAccountName>(name: N, address: PublicKey): Promise<FutstarAccounts[N] | null> {
    return fetchFutstarAccount(this.connection, this.programIds, name, address, this.commitment);
  }
  /** Fetches one oracle account (null when absent). */
  fetchOracle<N extends OracleAccountName>(name: N, address: PublicKey): Promise<OracleAccounts[N] | null> {
    return fetchOracleAccount(this.connection, this.programIds, name, address, this.commitment);
  }
  /** Positions of an owner. */
  positionsByOwner(owner: PublicKey): Promise<Keyed<Position>[]> {
    return fetchPositionsByOwner(this.connection, this.programIds, owner);
  }
  /** Positions of a pool. */
  positionsByPool(pool: PublicKey): Promise<Keyed<Position>[]> {
    return fetchPositionsByPool(this.connection, this.programIds, pool);
  }
  /** Requests awaiting a fill. */
  requestsAwaitingFill(pool?: PublicKey): Promise<Keyed<Position>[]> {
    return fetchRequestsAwaitingFill(this.connection, this.programIds, pool);
  }
  /** Positions expired at `now` (unix seconds). */
  expiredPositions(now: bigint, pool?: PublicKey): Promise<Keyed<Position>[]> {
    return fetchExpiredPositions(this.connection, this.programIds, now, pool);
  }
  /** Feeds in a status. */
  feedsByStatus(status: FeedStatus): Promise<Keyed<Feed>[]> {
    return fetchFeedsByStatus(this.connection, this.programIds, status);
  }

  /** Live feed updates. */
  onFeed(feed: PublicKey, listener: Listener<Feed>): Unsubscribe {
    return subscribeFeed(this.connection, feed, listener, this.commitment);
  }
  /** Live position updates. */
  onPosition(position: PublicKey, listener: Listener<Position>): Unsubscribe {
    return subscribePosition(this.connection, position, listener, this.commitment);
  }
  /** Live updates of every position of an owner. */
  onOwnerPositions(owner: PublicKey, listener: Listener<Position>): Unsubscribe {
    return subscribePositionsByOwner(this.connection, this.programIds, owner, listener, this.commitment);
  }

  /** Sends instructions; program failures throw `FutstarTransactionError`. */
  send(instructions: readonly TransactionInstruction[], signers: readonly Signer[]): Promise<string> {
    return sendInstructions(this.connection, this.programIds, instructions, signers, this.commitment);
  }
  /** Decodes a failure (SendTransactionError, TransactionError value or logs). */
  decodeError(error: unknown, instructionPrograms: readonly PublicKey[] = []): DecodedTransactionError | null {
    return decodeTransactionError(error, this.programIds, instructionPrograms);
  }
}
