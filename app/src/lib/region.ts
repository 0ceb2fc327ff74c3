/**
 * Region blocking: a configurable list of ISO 3166-1 alpha-2 country codes, matched against the
 * geo header(s) the hosting edge adds to each request.
 */
export interface RegionPolicy {
  /** Upper-case country codes that may not use the app. */
  readonly blocked: ReadonlySet<string>;
  /** Request headers that carry the visitor's country, tried in order. */
  readonly headers: readonly string[];
}

export const DEFAULT_GEO_HEADERS = ["x-vercel-ip-country", "cf-ipcountry"] as const;

/** Parses `FUTSTAR_BLOCKED_COUNTRIES` ("US, GB,fr") and `FUTSTAR_GEO_HEADERS`; a malformed code throws naming the variable. */
export function parseRegionPolicy(blockedRaw: string | undefined, headersRaw: string | undefined): RegionPolicy {
  const blocked = new Set<string>();
  for (const part of (blockedRaw ?? "").split(",")) {
    const code = part.trim().toUpperCase();
    if (code === "") continue;
    if (!/^[A-Z]{2}$/.test(code)) throw new Error(`FUTSTAR_BLOCKED_COUNTRIES: "${part.trim()}" is not a two-letter country code`);
    blocked.add(code);
  }
  const headers = (headersRaw ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter((h) => h !== "");
  return { blocked, headers: headers.length > 0 ? headers : [...DEFAULT_GEO_HEADERS] };
}

/** The visitor's country from the first configured header present, or null. */
export function countryFromHeaders(policy: RegionPolicy, get: (name: string) => string | null): string | null {
  for (const name of policy.headers) {
    const value = get(name)?.trim().toUpperCase();
    if (value !== undefined && value !== "") return value;
  }
  return null;
}

/** True when the request comes from a blocked country. */
export function isBlocked(policy: RegionPolicy, country: string | null): boolean {
  return country !== null && policy.blocked.has(country);
}

/** The notice a blocked visitor gets (self-contained HTML; the country code is validated A–Z only). */
export function blockedPage(country: string): string {
  const where = /^[A-Z]{2}$/.test(country) ? `in your country (${country})` : "where you are";
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Futstar — not available</title></head>` +
    `<body style="font-family:system-ui;background:#0b0f14;color:#e6edf3;padding:48px"><h1>Not available in your region</h1>` +
    `<p data-testid="region-blocked">Futstar is not offered ${where}.</p></body></html>`;
}
