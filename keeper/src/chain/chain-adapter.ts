/**
 * Everything program-specific the keeper needs, in one place: the oracle's wire format, feed and
 * pool creation, crank work, error names. `sdk-adapter.ts` implements it with `@futstar/sdk`.
 */
import type { PublicKey } from "@solana/web3.js";
import type { CrankSource } from "./cranks.js";
import type { OracleCodec } from "./oracle-codec.js";
import type { ProgramFailure } from "./tx-error.js";

export interface MatchIdentity {
  /** 32 bytes. */
  readonly matchId: Uint8Array;
  readonly home: string;
  readonly away: string;
}

export interface ChainAdapter {
  readonly codec: OracleCodec;
  /** Last accepted sequence number of the feed (0 before the first update). */
  chainSeq(feed: PublicKey): Promise<bigint>;
  /** The feed's status byte, seq and last update time, or null when the feed does not exist. */
  feedState(feed: PublicKey): Promise<{ readonly status: number; readonly seq: bigint; readonly lastUpdateTs: bigint } | null>;
  /** Creates the match's feed when missing (operator key); returns its address. */
  ensureFeed(match: MatchIdentity): Promise<PublicKey>;
  /** Creates the feed's pool when missing and the keeper is configured to; its address or null. */
  ensurePool(feed: PublicKey): Promise<PublicKey | null>;
  readonly crankSource: CrankSource;
  /** The program refused the work because it was already done (position/pool status moved on). */
  alreadyDone(failure: ProgramFailure): boolean;
  /** The program error's name and message, as `program` numbers it. */
  describe(failure: ProgramFailure, program: "futstar" | "momentumOracle"): string;
  /** Chain clock, unix seconds. */
  chainNowTs(): Promise<bigint>;
}
