/**
 * Anchor events both programs emit with `sol_log_data` ("Program data: <base64>"), decoded from a
 * transaction's logs with the IDLs. Each event is attributed to the program executing when it was
 * logged (the invoke stack is followed), so a CPI's events are never decoded with the wrong IDL.
 */
import { type ProgramName } from "./errors.js";
import { futstarProgram, momentumOracleProgram } from "./idl/index.js";
import type { ProgramIds } from "./programs.js";

/** One decoded event. */
export interface DecodedEvent {
  readonly program: ProgramName;
  /** Event name as the IDL spells it (camelCase, e.g. "openFilled", "feedUpdated"). */
  readonly name: string;
  readonly data: Record<string, unknown>;
}

const INVOKE = /^Program (\w+) invoke \[\d+\]$/;
const EXIT = /^Program (\w+) (success|failed)/;
const DATA = "Program data: ";

/**
 * Decodes every event of our programs in `logs`, in order. A "Program data" line of one of our
 * programs that its IDL cannot decode throws (an IDL out of step with the program is a bug, not noise).
 */
export function decodeEvents(logs: readonly string[], ids: ProgramIds): DecodedEvent[] {
  const stack: string[] = [];
  const out: DecodedEvent[] = [];
  const programs: Readonly<Record<string, { name: ProgramName; coder: typeof futstarProgram.coder }>> = {
    [ids.futstar.toBase58()]: { name: "futstar", coder: futstarProgram.coder },
    [ids.momentumOracle.toBase58()]: { name: "momentumOracle", coder: momentumOracleProgram.coder },
  };
  for (const line of logs) {
    const invoke = INVOKE.exec(line);
    if (invoke !== null) {
      stack.push(invoke[1] ?? "");
      continue;
    }
    if (EXIT.test(line)) {
      stack.pop();
      continue;
    }
    if (!line.startsWith(DATA)) continue;
    const current = stack[stack.length - 1];
    const program = current === undefined ? undefined : programs[current];
    if (program === undefined) continue;
    const event = program.coder.events.decode(line.slice(DATA.length));
    if (event === null) throw new Error(`${program.name}: event "${line.slice(DATA.length, DATA.length + 24)}…" is not in the IDL`);
    out.push({ program: program.name, name: event.name, data: event.data as Record<string, unknown> });
  }
  return out;
}
