/** Reading a failed transaction: the custom program error code and whether the blockhash expired. */

/** `{ InstructionError: [index, { Custom: code }] }` as RPC status errors carry it. */
export interface ProgramFailure {
  readonly instruction: number | null;
  readonly code: number | null;
  readonly text: string;
}

/** From a signature status / simulation `err` value. */
export function failureFromStatusErr(err: unknown): ProgramFailure {
  const text = JSON.stringify(err);
  if (typeof err === "object" && err !== null && "InstructionError" in err) {
    const pair = (err as { InstructionError: unknown }).InstructionError;
    if (Array.isArray(pair) && typeof pair[0] === "number") {
      const detail = pair[1] as unknown;
      const code = typeof detail === "object" && detail !== null && "Custom" in detail ? Number((detail as { Custom: unknown }).Custom) : null;
      return { instruction: pair[0], code, text };
    }
  }
  return { instruction: null, code: null, text };
}

/** From a thrown send/simulate error (web3.js SendTransactionError and friends). */
export function failureFromError(err: unknown): ProgramFailure {
  const message = err instanceof Error ? err.message : String(err);
  const hex = /custom program error: 0x([0-9a-f]+)/i.exec(message);
  const ix = /Error processing Instruction (\d+)/i.exec(message);
  return { instruction: ix ? Number(ix[1]) : null, code: hex ? parseInt(hex[1] as string, 16) : null, text: message };
}

/** The RPC no longer knows the blockhash: sign again with a fresh one. */
export function isBlockhashExpired(err: unknown): boolean {
  const message = err instanceof Error ? err.message : JSON.stringify(err);
  return /Blockhash not found|BlockhashNotFound|block height exceeded|TransactionExpired/i.test(message);
}

/** The same signature was already processed: it landed before (a duplicate send). */
export function isAlreadyProcessed(err: unknown): boolean {
  const message = err instanceof Error ? err.message : JSON.stringify(err);
  return /AlreadyProcessed|already been processed/i.test(message);
}
