/**
 * Program error codes → names and messages (from the IDLs' `errors`), and a decoder for what a
 * failed transaction gives back: web3.js `SendTransactionError`, a `TransactionError` value from
 * a confirmation, or plain logs.
 */
import type { Idl } from "@anchor-lang/core";
import type { PublicKey } from "@solana/web3.js";

import { futstarIdl } from "./idl/futstar.js";
import { momentumOracleIdl } from "./idl/momentum_oracle.js";
import type { ProgramIds } from "./programs.js";

/** Which of our programs raised an error. */
export type ProgramName = "futstar" | "momentumOracle";

/** One program error as the IDL declares it. */
export interface ProgramErrorInfo {
  readonly code: number;
  readonly name: string;
  readonly message: string;
}

function table(idl: Idl): ReadonlyMap<number, ProgramErrorInfo> {
  return new Map((idl.errors ?? []).map((e) => [e.code, { code: e.code, name: e.name, message: e.msg ?? e.name }]));
}

/** Error tables by program, built from the IDLs. */
export const PROGRAM_ERRORS: Readonly<Record<ProgramName, ReadonlyMap<number, ProgramErrorInfo>>> = {
  futstar: table(futstarIdl),
  momentumOracle: table(momentumOracleIdl),
};

/** Looks up `code` of `program`; `undefined` when the IDL does not declare it. */
export function programError(program: ProgramName, code: number): ProgramErrorInfo | undefined {
  return PROGRAM_ERRORS[program].get(code);
}

/** What went wrong in a failed transaction, as precisely as the input allows. */
export interface DecodedTransactionError {
  /** Program that failed (its address), when known. */
  readonly programId: string | null;
  /** Our program's name, when the failing program is one of ours. */
  readonly program: ProgramName | null;
  /** Index of the failing instruction, when known. */
  readonly instructionIndex: number | null;
  /** Custom error code, when the failure is `Custom(code)`. */
  readonly code: number | null;
  /** Error name from the IDL (or the runtime's error name, e.g. "MissingRequiredSignature"). */
  readonly name: string | null;
  /** Human message. */
  readonly message: string;
  /** Program logs, when available. */
  readonly logs: readonly string[];
}

const FAILED_CUSTOM = /^Program (\w+) failed: custom program error: 0x([0-9a-fA-F]+)$/;
const FAILED_OTHER = /^Program (\w+) failed: (.+)$/;

function programNameOf(programId: string | null, ids: ProgramIds): ProgramName | null {
  if (programId === null) return null;
  if (programId === ids.futstar.toBase58()) return "futstar";
  if (programId === ids.momentumOracle.toBase58()) return "momentumOracle";
  return null;
}

function fromCode(programId: string | null, code: number, ids: ProgramIds, instructionIndex: number | null, logs: readonly string[]): DecodedTransactionError {
  const program = programNameOf(programId, ids);
  const info = program === null ? undefined : programError(program, code);
  return {
    programId,
    program,
    instructionIndex,
    code,
    name: info?.name ?? null,
    message: info?.message ?? `custom program error ${code}${programId === null ? "" : ` from ${programId}`}`,
    logs,
  };
}

/** Decodes the first failure in program logs (the innermost program that failed). */
export function decodeLogs(logs: readonly string[], ids: ProgramIds): DecodedTransactionError | null {
  for (const line of logs) {
    const custom = FAILED_CUSTOM.exec(line);
    if (custom !== null) return fromCode(custom[1] ?? null, Number.parseInt(custom[2] ?? "", 16), ids, null, logs);
    const other = FAILED_OTHER.exec(line);
    if (other !== null) {
      const programId = other[1] ?? null;
      return { programId, program: programNameOf(programId, ids), instructionIndex: null, code: null, name: null, message: other[2] ?? line, logs };
    }
  }
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function stringArray(value: unknown): string[] | null {
  return Array.isArray(value) && value.every((v) => typeof v === "string") ? (value as string[]) : null;
}

/** Reads `{ InstructionError: [index, { Custom: code } | "Name"] }` (RPC `TransactionError` JSON). */
function fromTransactionError(value: Record<string, unknown>, ids: ProgramIds, instructionPrograms: readonly PublicKey[], logs: readonly string[]): DecodedTransactionError | null {
  const ie = value["InstructionError"];
  if (!Array.isArray(ie) || ie.length !== 2 || typeof ie[0] !== "number") return null;
  const index = ie[0];
  const inner: unknown = ie[1];
  const programId = instructionPrograms[index]?.toBase58() ?? null;
  if (isRecord(inner) && typeof inner["Custom"] === "number") return fromCode(programId, inner["Custom"], ids, index, logs);
  const name = typeof inner === "string" ? inner : JSON.stringify(inner);
  return { programId, program: programNameOf(programId, ids), instructionIndex: index, code: null, name, message: name, logs };
}

/**
 * Decodes a failed transaction: a web3.js `SendTransactionError` (its logs), an RPC
 * `TransactionError` value (pass the transaction's instruction program ids to attribute it), an
 * `Error` whose message carries "custom program error: 0x…", or logs. Returns `null` when the
 * input shows no program failure (it never guesses).
 */
export function decodeTransactionError(err: unknown, ids: ProgramIds, instructionPrograms: readonly PublicKey[] = []): DecodedTransactionError | null {
  const asLogs = stringArray(err);
  if (asLogs !== null) return decodeLogs(asLogs, ids);
  if (!isRecord(err)) return null;
  const logs = stringArray(err["logs"]) ?? stringArray(isRecord(err["transactionError"]) ? err["transactionError"]["logs"] : undefined) ?? [];
  const fromLogs = decodeLogs(logs, ids);
  const txErr = err["InstructionError"] !== undefined ? err : isRecord(err["err"]) ? err["err"] : null;
  const structured = txErr === null ? null : fromTransactionError(txErr, ids, instructionPrograms, logs);
  if (fromLogs !== null) {
    return structured === null ? fromLogs : { ...fromLogs, instructionIndex: structured.instructionIndex };
  }
  if (structured !== null) return structured;
  const message = err instanceof Error ? err.message : typeof err["message"] === "string" ? err["message"] : "";
  const hex = /custom program error: 0x([0-9a-fA-F]+)/.exec(message);
  if (hex !== null) {
    const index = /Error processing Instruction (\d+)/.exec(message);
    const instructionIndex = index === null ? null : Number(index[1]);
    const programId = instructionIndex === null ? null : (instructionPrograms[instructionIndex]?.toBase58() ?? null);
    return fromCode(programId, Number.parseInt(hex[1] ?? "", 16), ids, instructionIndex, logs);
  }
  return null;
}
