/** Structured logs: one JSON object per line, `{ "ts", "level", "msg", ...fields }`. */
export type LogLevel = "debug" | "info" | "warn" | "error";
const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
export const LOG_LEVELS: readonly LogLevel[] = ["debug", "info", "warn", "error"];

export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line. */
  child(fields: LogFields): Logger;
}

/** JSON-safe view of values logs commonly carry (errors, bigints). */
function plain(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message };
  if (typeof value === "bigint") return value.toString();
  return value;
}

export function jsonLogger(write: (line: string) => void, level: LogLevel = "info", now: () => number = Date.now, base: LogFields = {}): Logger {
  const emit = (lvl: LogLevel, msg: string, fields: LogFields = {}): void => {
    if (RANK[lvl] < RANK[level]) return;
    const record: Record<string, unknown> = { ts: new Date(now()).toISOString(), level: lvl, msg };
    for (const [k, v] of Object.entries({ ...base, ...fields })) record[k] = plain(v);
    write(`${JSON.stringify(record)}\n`);
  };
  return {
    debug: (m, f) => emit("debug", m, f),
    info: (m, f) => emit("info", m, f),
    warn: (m, f) => emit("warn", m, f),
    error: (m, f) => emit("error", m, f),
    child: (fields) => jsonLogger(write, level, now, { ...base, ...fields }),
  };
}
