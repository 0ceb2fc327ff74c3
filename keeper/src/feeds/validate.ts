import type { z } from "zod";
import type { ParseLog } from "./parse-log.js";

/**
 * Validates one input item; on failure logs an issue naming the first bad field (dotted path,
 * prefixed with `where`) and returns null so the caller skips just that item.
 */
export function validateItem<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  log: ParseLog,
  eventId: string | null,
  where: string,
): z.infer<S> | null {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const path = first ? first.path.map(String).join(".") : "";
  log.issue(eventId, path ? `${where}.${path}` : where, first?.message ?? "invalid");
  return null;
}

/** Best-effort id of a raw item for error reports, before it is validated. */
export function rawId(raw: unknown, ...keys: string[]): string | null {
  if (typeof raw !== "object" || raw === null) return null;
  for (const key of keys) {
    const v = (raw as Record<string, unknown>)[key];
    if (typeof v === "string" || typeof v === "number") return String(v);
  }
  return null;
}
