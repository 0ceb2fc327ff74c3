/**
 * What the pusher needs from the oracle's wire format: the instructions that carry a batch of
 * signed updates. The SDK implements it (message builder + Ed25519 instructions); the pusher
 * only depends on this shape.
 */
import type { Keypair, PublicKey, TransactionInstruction } from "@solana/web3.js";
import type { MomentumComponents } from "../engine/index.js";

/** Feed status byte (momentum_oracle `FeedStatus`). */
export const FeedStatus = { Scheduled: 0, Live: 1, HalfTime: 2, Ended: 3, Abandoned: 4 } as const;
export type FeedStatusCode = (typeof FeedStatus)[keyof typeof FeedStatus];

export interface OracleUpdate {
  readonly feed: PublicKey;
  readonly seq: bigint;
  /** Oracle time, unix seconds. */
  readonly ts: bigint;
  readonly status: FeedStatusCode;
  readonly suspended: boolean;
  readonly indexBps: number;
  /** possession, shots ratio, xG ratio, field tilt, recent events. */
  readonly components: readonly [number, number, number, number, number];
}

export interface OracleCodec {
  /** Instructions (Ed25519 verification + push) for one transaction carrying `updates`. */
  pushInstructions(updates: readonly OracleUpdate[], signers: readonly Keypair[]): TransactionInstruction[];
}

/** Engine components in on-chain order. */
export function componentsTuple(c: MomentumComponents): [number, number, number, number, number] {
  return [c.possession, c.shotsRatio, c.xgRatio, c.fieldTilt, c.recentEvents];
}
