/**
 * The `ChainAdapter` over `@futstar/sdk`: feed reads, feed/pool creation, crank work and error
 * names. The oracle's wire format (message + Ed25519 instructions) comes from the SDK's oracle
 * module through `OracleWriter`.
 */
import { type ProgramIds, poolCreate, poolPda, programError } from "@futstar/sdk";
import { type Keypair, type PublicKey, SYSVAR_CLOCK_PUBKEY, type TransactionInstruction } from "@solana/web3.js";
import type { ChainAdapter, MatchIdentity } from "./chain-adapter.js";
import { readFeed } from "./feed-reader.js";
import type { OracleCodec } from "./oracle-codec.js";
import type { RpcPool } from "./rpc-pool.js";
import { SdkCrankSource } from "./sdk-crank-source.js";
import type { ProgramFailure } from "./tx-error.js";
import type { TxSender } from "./tx-sender.js";

/** Futstar errors that mean "someone already did this work". */
const FUTSTAR_ALREADY_DONE = new Set(["InvalidPositionStatus", "PoolNotOpen"]);

export interface OracleWriter {
  readonly codec: OracleCodec;
  /** `feed_create` for the match, signed by the oracle admin; and the feed's address. */
  feedCreate(admin: PublicKey, match: MatchIdentity): { feed: PublicKey; instruction: TransactionInstruction };
}

export interface SdkAdapterOptions {
  readonly ids: ProgramIds;
  readonly pool: RpcPool;
  readonly sender: TxSender;
  /** Oracle admin / exchange admin (creates feeds and pools); null = feeds must exist already. */
  readonly operator: Keypair | null;
  readonly oracle: OracleWriter;
  /** Pools are created for new feeds in this mint when set. */
  readonly collateralMint: PublicKey | null;
}

/** Clock sysvar: slot u64, epoch_start_timestamp i64, epoch u64, leader_schedule_epoch u64, unix_timestamp i64. */
export function clockUnixTimestamp(data: Uint8Array): bigint {
  if (data.length < 40) throw new RangeError(`clock sysvar: ${data.length} bytes, expected 40`);
  return Buffer.from(data).readBigInt64LE(32);
}

export function sdkChainAdapter(o: SdkAdapterOptions): ChainAdapter {
  const chainNowTs = async (): Promise<bigint> => {
    const info = await o.pool.call((c) => c.getAccountInfo(SYSVAR_CLOCK_PUBKEY, "confirmed"));
    if (!info) throw new Error("clock sysvar not found");
    return clockUnixTimestamp(info.data);
  };
  const describe = (f: ProgramFailure, program: "futstar" | "momentumOracle"): string => {
    if (f.code === null) return f.text;
    const info = programError(program, f.code);
    return info ? `${info.name} (${f.code}): ${info.message}` : `custom error ${f.code}`;
  };
  const accountExists = async (key: PublicKey): Promise<boolean> => (await o.pool.call((c) => c.getAccountInfo(key, "confirmed"))) !== null;
  const requireOperator = (what: string): Keypair => {
    if (!o.operator) throw new Error(`${what} needs keypairs.operator (the admin key) in the config`);
    return o.operator;
  };
  const sendOrThrow = async (what: string, instructions: TransactionInstruction[], signer: Keypair, writable: PublicKey[]): Promise<void> => {
    const outcome = await o.sender.send({ instructions, signers: signer.publicKey.equals(o.sender.payer.publicKey) ? [] : [signer], writable });
    if (outcome.status !== "landed") throw new Error(`${what} refused: ${describe(outcome.failure, what === "feed_create" ? "momentumOracle" : "futstar")}`);
  };
  return {
    codec: o.oracle.codec,
    async chainSeq(feed) {
      return (await readFeed(o.pool, feed))?.seq ?? 0n;
    },
    async feedState(feed) {
      return readFeed(o.pool, feed);
    },
    async ensureFeed(match) {
      const admin = o.operator?.publicKey ?? o.sender.payer.publicKey;
      const { feed, instruction } = o.oracle.feedCreate(admin, match);
      if (await accountExists(feed)) return feed;
      await sendOrThrow("feed_create", [instruction], requireOperator("creating a feed"), [feed]);
      return feed;
    },
    async ensurePool(feed) {
      const pool = poolPda(o.ids.futstar, feed)[0];
      if (await accountExists(pool)) return pool;
      if (o.collateralMint === null) return null;
      const admin = requireOperator("creating a pool");
      await sendOrThrow("pool_create", [poolCreate(o.ids, { admin: admin.publicKey, feed, collateralMint: o.collateralMint })], admin, [pool]);
      return pool;
    },
    crankSource: new SdkCrankSource(o.pool, o.ids, chainNowTs),
    alreadyDone(f) {
      if (f.code === null) return false;
      const name = programError("futstar", f.code)?.name;
      return name !== undefined && FUTSTAR_ALREADY_DONE.has(name);
    },
    describe,
    chainNowTs,
  };
}
