/**
 * The momentum oracle's signed update message, byte for byte as
 * `programs/momentum_oracle/src/message` parses it (README "Message format"):
 *
 * ```
 * header  magic "MOMORACL" (8) | version u8 = 1 | program_id (32) | update_count u8 (1..=16)
 * update  feed (32) | seq u64 LE | ts i64 LE | status u8 | suspended u8 | index_bps u16 LE | components [u16 LE; 5]
 * ```
 *
 * Encoding refuses what the wire format cannot carry (naming the field); decoding mirrors the
 * program's parse order and error names so a test can compare both against the shared vectors.
 */
import { PublicKey } from "@solana/web3.js";
import { Buffer } from "buffer";

import { FeedStatus } from "../accounts/feed.js";

/** `MOMORACL`. */
export const ORACLE_MESSAGE_MAGIC: Uint8Array = Uint8Array.from(Buffer.from("MOMORACL", "ascii"));
/** Message format version. */
export const ORACLE_MESSAGE_VERSION = 1;
/** Header bytes before the updates. */
export const ORACLE_MESSAGE_HEADER_LEN = 42;
/** Bytes per update. */
export const ORACLE_UPDATE_LEN = 62;
/** Most updates one message may carry. */
export const ORACLE_MAX_UPDATES = 16;
const BPS_MAX = 10_000;
const COMPONENTS = 5;

/** One feed update as the signers sign it. */
export interface OracleUpdate {
  /** The Feed account address. */
  readonly feed: PublicKey;
  /** Strictly increasing per feed (u64, ≥ 1: a new feed holds seq 0). */
  readonly seq: bigint;
  /** Oracle time, unix seconds (i64). */
  readonly ts: bigint;
  readonly status: FeedStatus;
  readonly suspended: boolean;
  /** 0..=10000, 5000 balanced, above = home. */
  readonly indexBps: number;
  /** possession, shots ratio, xG ratio, field tilt, recent events; each 0..=10000. */
  readonly components: readonly number[];
}

/** A message that cannot be built or parsed; `error` is the program's error name when it has one. */
export class OracleMessageError extends RangeError {
  override readonly name = "OracleMessageError";
  constructor(
    /** Which field is wrong ("updates.2.indexBps", "header.magic", …). */
    readonly field: string,
    /** The program's error name for the same input (MessageMalformed, InvalidStatus, …), if any. */
    readonly error: string | null,
    detail: string,
  ) {
    super(`oracle message: ${field}: ${detail}`);
  }
}

function u16(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 0 || value > 0xffff) throw new OracleMessageError(field, null, `${value} is not a u16`);
  return value;
}

/**
 * The program's value rules for one update (`state/feed/update.rs`): index and every component
 * ≤ 10000 bps. The wire format itself carries any u16 (see the "extreme integers" vector), so
 * `encodeOracleMessage` does not apply them; `oraclePushInstructions` does.
 */
export function checkOracleUpdate(u: OracleUpdate, field = "update"): void {
  if (u.indexBps > BPS_MAX) throw new OracleMessageError(`${field}.indexBps`, "IndexOutOfRange", `${u.indexBps} > ${BPS_MAX}`);
  u.components.forEach((c, k) => {
    if (c > BPS_MAX) throw new OracleMessageError(`${field}.components.${k}`, "ComponentOutOfRange", `${c} > ${BPS_MAX}`);
  });
}

/** Encodes `updates` for `programId` (the momentum_oracle deployment). */
export function encodeOracleMessage(programId: PublicKey, updates: readonly OracleUpdate[]): Buffer {
  if (updates.length < 1 || updates.length > ORACLE_MAX_UPDATES) throw new OracleMessageError("updates", "MessageMalformed", `${updates.length} updates, expected 1..=${ORACLE_MAX_UPDATES}`);
  const out = Buffer.alloc(ORACLE_MESSAGE_HEADER_LEN + ORACLE_UPDATE_LEN * updates.length);
  out.set(ORACLE_MESSAGE_MAGIC, 0);
  out[8] = ORACLE_MESSAGE_VERSION;
  out.set(programId.toBytes(), 9);
  out[41] = updates.length;
  updates.forEach((u, i) => {
    const field = `updates.${i}`;
    const at = ORACLE_MESSAGE_HEADER_LEN + i * ORACLE_UPDATE_LEN;
    if (u.seq < 0n || u.seq >= 1n << 64n) throw new OracleMessageError(`${field}.seq`, null, `${u.seq} is not a u64`);
    if (u.ts < -(1n << 63n) || u.ts >= 1n << 63n) throw new OracleMessageError(`${field}.ts`, null, `${u.ts} is not an i64`);
    if (!Number.isInteger(u.status) || FeedStatus[u.status] === undefined) throw new OracleMessageError(`${field}.status`, "InvalidStatus", `${u.status} is not a FeedStatus (0..=4)`);
    if (u.components.length !== COMPONENTS) throw new OracleMessageError(`${field}.components`, null, `${u.components.length} components, expected ${COMPONENTS}`);
    out.set(u.feed.toBytes(), at);
    out.writeBigUInt64LE(u.seq, at + 32);
    out.writeBigInt64LE(u.ts, at + 40);
    out[at + 48] = u.status;
    out[at + 49] = u.suspended ? 1 : 0;
    out.writeUInt16LE(u16(u.indexBps, `${field}.indexBps`), at + 50);
    u.components.forEach((c, k) => out.writeUInt16LE(u16(c, `${field}.components.${k}`), at + 52 + 2 * k));
  });
  return out;
}

/** Parses a message for `programId` in the program's order of checks (`MessageView::parse` then each update). */
export function decodeOracleMessage(bytes: Uint8Array, programId: PublicKey): OracleUpdate[] {
  const data = Buffer.from(bytes);
  if (data.length < ORACLE_MESSAGE_HEADER_LEN) throw new OracleMessageError("header", "MessageMalformed", `${data.length} bytes, shorter than the ${ORACLE_MESSAGE_HEADER_LEN}-byte header`);
  if (!data.subarray(0, 8).equals(Buffer.from(ORACLE_MESSAGE_MAGIC))) throw new OracleMessageError("header.magic", "MessageMalformed", `not "MOMORACL"`);
  if (data[8] !== ORACLE_MESSAGE_VERSION) throw new OracleMessageError("header.version", "MessageMalformed", `version ${String(data[8])}, expected ${ORACLE_MESSAGE_VERSION}`);
  if (!data.subarray(9, 41).equals(programId.toBuffer())) throw new OracleMessageError("header.programId", "MessageWrongProgram", `message is for ${new PublicKey(data.subarray(9, 41)).toBase58()}`);
  const count = data[41] ?? 0;
  const body = data.length - ORACLE_MESSAGE_HEADER_LEN;
  if (count === 0 || count > ORACLE_MAX_UPDATES || body !== count * ORACLE_UPDATE_LEN) throw new OracleMessageError("header.updateCount", "MessageMalformed", `count ${count} with ${body} update bytes`);
  const updates: OracleUpdate[] = [];
  for (let i = 0; i < count; i += 1) {
    const at = ORACLE_MESSAGE_HEADER_LEN + i * ORACLE_UPDATE_LEN;
    const status = data[at + 48] ?? 0;
    if (FeedStatus[status] === undefined) throw new OracleMessageError(`updates.${i}.status`, "InvalidStatus", `status byte ${status}`);
    const suspended = data[at + 49] ?? 0;
    if (suspended > 1) throw new OracleMessageError(`updates.${i}.suspended`, "InvalidSuspendedFlag", `suspended byte ${suspended}`);
    updates.push({
      feed: new PublicKey(data.subarray(at, at + 32)),
      seq: data.readBigUInt64LE(at + 32),
      ts: data.readBigInt64LE(at + 40),
      status: status as FeedStatus,
      suspended: suspended === 1,
      indexBps: data.readUInt16LE(at + 50),
      components: Array.from({ length: COMPONENTS }, (_, k) => data.readUInt16LE(at + 52 + 2 * k)),
    });
  }
  return updates;
}
