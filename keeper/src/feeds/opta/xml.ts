/** fast-xml-parser set up once for Opta feeds; malformed XML becomes a FeedParseError with its line. */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { FeedParseError } from "../parse-log.js";

const ALWAYS_ARRAY = new Set(["Game", "Event", "Q", "TeamData", "Team", "Stat"]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseAttributeValue: false,
  parseTagValue: false,
  isArray: (name) => ALWAYS_ARRAY.has(name),
});

export function parseOptaXml(text: string, what: string): Record<string, unknown> {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new FeedParseError({ provider: "opta", eventId: null, field: `${what}.xml`, message: `line ${valid.err.line}: ${valid.err.msg}` });
  }
  return parser.parse(text) as Record<string, unknown>;
}

export function asRecord(v: unknown): Record<string, unknown> | null {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

export function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined ? [] : [v];
}
