/**
 * The `{"event":"ready",...}` line `futstar-localnet` prints once it serves requests: parsed and
 * checked field by field (an error names the field), so a change on the Rust side fails loudly.
 */

/** One program as the localnet deployed it. */
export interface DeployedProgramInfo {
  programId: string;
  programData: string;
  keypair: string;
  so: string;
  soBytes: number;
  idl: "registered" | "absent";
}

/** Everything the ready line reports. */
export interface ReadyEvent {
  rpcUrl: string;
  wsUrl: string;
  slotTimeMs: number;
  offline: boolean;
  loader: string;
  upgradeAuthority: string;
  upgradeAuthorityKeypair: string;
  stateDir: string;
  startupMs: number;
  programs: { futstar: DeployedProgramInfo; momentum_oracle: DeployedProgramInfo };
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

function field<T>(object: Json, name: string, path: string, check: (v: unknown) => v is T, kind: string): T {
  const value = object[name];
  if (!check(value)) throw new Error(`ready line: ${path}${name} should be ${kind}, got ${JSON.stringify(value)}`);
  return value;
}

const isString = (v: unknown): v is string => typeof v === "string" && v.length > 0;
const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isBoolean = (v: unknown): v is boolean => typeof v === "boolean";
const isIdl = (v: unknown): v is "registered" | "absent" => v === "registered" || v === "absent";

function program(programs: Json, name: string): DeployedProgramInfo {
  const entry = field(programs, name, "programs.", isObject, "an object");
  const path = `programs.${name}.`;
  return {
    programId: field(entry, "programId", path, isString, "a base58 string"),
    programData: field(entry, "programData", path, isString, "a base58 string"),
    keypair: field(entry, "keypair", path, isString, "a path"),
    so: field(entry, "so", path, isString, "a path"),
    soBytes: field(entry, "soBytes", path, isNumber, "a number"),
    idl: field(entry, "idl", path, isIdl, '"registered" or "absent"'),
  };
}

/** The parsed event when `line` is the ready line, `null` for any other output line. */
export function parseReadyLine(line: string): ReadyEvent | null {
  if (!line.startsWith("{")) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return null; // a human-readable line that happens to start with "{"
  }
  if (!isObject(parsed) || parsed.event !== "ready") return null;
  const programs = field(parsed, "programs", "", isObject, "an object");
  return {
    rpcUrl: field(parsed, "rpcUrl", "", isString, "a URL"),
    wsUrl: field(parsed, "wsUrl", "", isString, "a URL"),
    slotTimeMs: field(parsed, "slotTimeMs", "", isNumber, "a number"),
    offline: field(parsed, "offline", "", isBoolean, "a boolean"),
    loader: field(parsed, "loader", "", isString, "a base58 string"),
    upgradeAuthority: field(parsed, "upgradeAuthority", "", isString, "a base58 string"),
    upgradeAuthorityKeypair: field(parsed, "upgradeAuthorityKeypair", "", isString, "a path"),
    stateDir: field(parsed, "stateDir", "", isString, "a path"),
    startupMs: field(parsed, "startupMs", "", isNumber, "a number"),
    programs: { futstar: program(programs, "futstar"), momentum_oracle: program(programs, "momentum_oracle") },
  };
}

/** The message of an `{"event":"error",...}` line, or `null`. */
export function parseErrorLine(line: string): string | null {
  if (!line.startsWith("{")) return null;
  try {
    const parsed: unknown = JSON.parse(line);
    if (isObject(parsed) && parsed.event === "error" && typeof parsed.message === "string") return parsed.message;
  } catch {
    return null;
  }
  return null;
}
