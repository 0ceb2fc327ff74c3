/**
 * Typed builders for every momentum_oracle instruction (accounts and args checked against the
 * oracle IDL at compile time through the generic builder), plus the pair of instructions that
 * pushes a signed batch: the Ed25519 precompile instruction, then `feed_push_update`.
 */
import { Buffer } from "buffer";
import { type AccountMeta, type Keypair, PublicKey, SYSVAR_INSTRUCTIONS_PUBKEY, SystemProgram, type TransactionInstruction } from "@solana/web3.js";

import { type MomentumOracle, momentumOracleProgram } from "../idl/index.js";
import { type IxAccounts, type IxArgs, type IxName, buildInstruction } from "../instructions/build.js";
import { feedPda, matchIdBytes, oracleConfigPda } from "../pda.js";
import type { ProgramIds } from "../programs.js";
import { type Ed25519Signature, ed25519InstructionFromSigners, ed25519MultiSigInstruction } from "./ed25519.js";
import { ORACLE_MAX_UPDATES, type OracleUpdate, OracleMessageError, checkOracleUpdate, encodeOracleMessage } from "./message.js";
import { programDataAddress } from "./pda.js";

/** Most keys in the oracle's signer set. */
export const ORACLE_MAX_SIGNERS = 8;

/** Builds oracle instruction `name` (accounts and args checked against the IDL at compile time). */
export function oracleInstruction<N extends IxName<MomentumOracle>>(ids: ProgramIds, name: N, accounts: IxAccounts<MomentumOracle, N>, args: IxArgs<MomentumOracle, N>, remaining: readonly AccountMeta[] = []): TransactionInstruction {
  return buildInstruction(momentumOracleProgram, ids.momentumOracle, name, accounts, args, remaining);
}

/** `ConfigParams` (the timelocked oracle parameters). */
export interface OracleConfigParamsInput {
  readonly admin: PublicKey;
  /** 1..=8 distinct keys; the stored array is zero-padded to 8. */
  readonly signers: readonly PublicKey[];
  readonly quorum: number;
  readonly maxMoveBpsPerSec: number;
  readonly maxStalenessS: number;
  readonly maxFutureSkewS: number;
  readonly timelockDelayS: number;
}

type ConfigParamsArg = IxArgs<MomentumOracle, "configInit">["params"];

function uint(value: number, bits: 8 | 16 | 32, field: string): number {
  if (!Number.isInteger(value) || value < 0 || value >= 2 ** bits) throw new RangeError(`${field}: ${value} is not a u${bits}`);
  return value;
}

/** Converts (and range-checks the wire types of) config params; the program checks the bounds. */
export function oracleConfigParams(p: OracleConfigParamsInput): ConfigParamsArg {
  if (p.signers.length < 1 || p.signers.length > ORACLE_MAX_SIGNERS) throw new RangeError(`params.signers: ${p.signers.length} keys, expected 1..=${ORACLE_MAX_SIGNERS}`);
  return {
    admin: p.admin,
    signers: Array.from({ length: ORACLE_MAX_SIGNERS }, (_, i) => p.signers[i] ?? PublicKey.default),
    signerCount: p.signers.length,
    quorum: uint(p.quorum, 8, "params.quorum"),
    maxMoveBpsPerSec: uint(p.maxMoveBpsPerSec, 16, "params.maxMoveBpsPerSec"),
    maxStalenessS: uint(p.maxStalenessS, 32, "params.maxStalenessS"),
    maxFutureSkewS: uint(p.maxFutureSkewS, 32, "params.maxFutureSkewS"),
    timelockDelayS: uint(p.timelockDelayS, 32, "params.timelockDelayS"),
  };
}

/** `config_init(params)`: the program's upgrade authority creates the config PDA. */
export function oracleConfigInit(ids: ProgramIds, p: { authority: PublicKey; params: OracleConfigParamsInput }): TransactionInstruction {
  return oracleInstruction(
    ids,
    "configInit",
    { authority: p.authority, config: oracleConfigPda(ids.momentumOracle)[0], programData: programDataAddress(ids.momentumOracle), systemProgram: SystemProgram.programId },
    { params: oracleConfigParams(p.params) },
  );
}

/** `config_propose_change(params)` by the admin (applies after the current timelock). */
export function oracleConfigProposeChange(ids: ProgramIds, p: { admin: PublicKey; params: OracleConfigParamsInput }): TransactionInstruction {
  return oracleInstruction(ids, "configProposeChange", { admin: p.admin, config: oracleConfigPda(ids.momentumOracle)[0] }, { params: oracleConfigParams(p.params) });
}

/** `config_apply_change` (anyone, once the timelock elapsed). */
export function oracleConfigApplyChange(ids: ProgramIds): TransactionInstruction {
  return oracleInstruction(ids, "configApplyChange", { config: oracleConfigPda(ids.momentumOracle)[0] }, {});
}

/** `config_cancel_change` by the admin. */
export function oracleConfigCancelChange(ids: ProgramIds, p: { admin: PublicKey }): TransactionInstruction {
  return oracleInstruction(ids, "configCancelChange", { admin: p.admin, config: oracleConfigPda(ids.momentumOracle)[0] }, {});
}

/** `config_set_paused(paused)` by the admin. */
export function oracleConfigSetPaused(ids: ProgramIds, p: { admin: PublicKey; paused: boolean }): TransactionInstruction {
  return oracleInstruction(ids, "configSetPaused", { admin: p.admin, config: oracleConfigPda(ids.momentumOracle)[0] }, { paused: p.paused });
}

/** A team name as the program stores it: 1..=32 UTF-8 bytes, zero padded. */
function teamName(text: string, field: string): number[] {
  if (text.length === 0) throw new RangeError(`${field}: empty team name`);
  try {
    return Array.from(matchIdBytes(text));
  } catch {
    throw new RangeError(`${field}: "${text}" is longer than 32 UTF-8 bytes`);
  }
}

/** `feed_create(match_id, home_team, away_team)` by the admin; the feed PDA is derived from the match id. */
export function feedCreate(ids: ProgramIds, p: { admin: PublicKey; matchId: string | Uint8Array; homeTeam: string; awayTeam: string }): TransactionInstruction {
  const matchId = matchIdBytes(p.matchId);
  return oracleInstruction(
    ids,
    "feedCreate",
    { admin: p.admin, config: oracleConfigPda(ids.momentumOracle)[0], feed: feedPda(ids.momentumOracle, matchId)[0], systemProgram: SystemProgram.programId },
    { matchId: Array.from(matchId), homeTeam: teamName(p.homeTeam, "homeTeam"), awayTeam: teamName(p.awayTeam, "awayTeam") },
  );
}

/** `feed_push_update(message)`: config, instructions sysvar, then one writable feed per update in message order. */
export function feedPushUpdate(ids: ProgramIds, p: { message: Uint8Array; feeds: readonly PublicKey[] }): TransactionInstruction {
  if (p.feeds.length < 1 || p.feeds.length > ORACLE_MAX_UPDATES) throw new OracleMessageError("feeds", "MessageMalformed", `${p.feeds.length} feeds, expected 1..=${ORACLE_MAX_UPDATES}`);
  return oracleInstruction(
    ids,
    "feedPushUpdate",
    { config: oracleConfigPda(ids.momentumOracle)[0], instructionsSysvar: SYSVAR_INSTRUCTIONS_PUBKEY },
    { message: Buffer.from(p.message) },
    p.feeds.map((pubkey) => ({ pubkey, isSigner: false, isWritable: true })),
  );
}

/**
 * The two instructions of one signed batch (value rules checked first, as the program would), in order: Ed25519 verification (one instruction, all
 * signatures, one copy of the message) then `feed_push_update`. Pass keypairs to sign here, or
 * signatures made elsewhere (an HSM, another process).
 */
export function oraclePushInstructions(ids: ProgramIds, updates: readonly OracleUpdate[], signers: readonly Keypair[] | readonly Ed25519Signature[]): [TransactionInstruction, TransactionInstruction] {
  updates.forEach((u, i) => checkOracleUpdate(u, `updates.${i}`));
  const message = encodeOracleMessage(ids.momentumOracle, updates);
  const verify = signers.every((s): s is Keypair => "secretKey" in s)
    ? ed25519InstructionFromSigners(message, signers as readonly Keypair[])
    : ed25519MultiSigInstruction(message, signers as readonly Ed25519Signature[]);
  return [verify, feedPushUpdate(ids, { message, feeds: updates.map((u) => u.feed) })];
}
