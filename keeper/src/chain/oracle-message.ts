/**
 * The pusher's codec and feed creation over the SDK's oracle module (`@futstar/sdk` oracle/):
 * ONE Ed25519 precompile instruction with every signer's signature over one copy of the
 * `MOMORACL` message, then `feed_push_update(message)`; `feed_create` at the match's feed PDA.
 * The SDK checks the program's value rules before signing (index and components ≤ 10000), so
 * the keeper never signs what the program would refuse.
 */
import { type ProgramIds, feedCreate, feedPda, oraclePushInstructions } from "@futstar/sdk";
import type { PublicKey, TransactionInstruction } from "@solana/web3.js";
import type { MatchIdentity } from "./chain-adapter.js";
import type { OracleCodec } from "./oracle-codec.js";

export function oracleCodec(ids: ProgramIds): OracleCodec {
  return {
    pushInstructions(updates, signers) {
      return oraclePushInstructions(ids, updates, signers);
    },
  };
}

/** `feed_create` for the match by the oracle admin, and the feed's address. */
export function feedCreateInstruction(ids: ProgramIds, admin: PublicKey, match: MatchIdentity): { feed: PublicKey; instruction: TransactionInstruction } {
  return {
    feed: feedPda(ids.momentumOracle, match.matchId)[0],
    instruction: feedCreate(ids, { admin, matchId: match.matchId, homeTeam: match.home, awayTeam: match.away }),
  };
}
