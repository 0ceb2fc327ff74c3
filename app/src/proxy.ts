/**
 * Region blocking at the edge (Next 16's middleware, renamed `proxy`). Requests whose geo header
 * names a country in `FUTSTAR_BLOCKED_COUNTRIES` get a short notice with HTTP 451 (Unavailable For Legal Reasons).
 */
import { NextResponse, type NextRequest } from "next/server";

import { blockedPage, countryFromHeaders, isBlocked, parseRegionPolicy, type RegionPolicy } from "./lib/region";

let cached: { key: string; policy: RegionPolicy } | null = null;

/** Read per request (runtime env, not build-time), parsed once per distinct value. */
function currentPolicy(): RegionPolicy {
  const blocked = process.env["FUTSTAR_BLOCKED_COUNTRIES"];
  const headers = process.env["FUTSTAR_GEO_HEADERS"];
  const key = `${blocked ?? ""}|${headers ?? ""}`;
  if (cached === null || cached.key !== key) cached = { key, policy: parseRegionPolicy(blocked, headers) };
  return cached.policy;
}

export function proxy(request: NextRequest): NextResponse {
  const policy = currentPolicy();
  const country = countryFromHeaders(policy, (name) => request.headers.get(name));
  if (!isBlocked(policy, country)) return NextResponse.next();
  return new NextResponse(blockedPage(country ?? ""), { status: 451, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}

export const config = {
  // Everything except Next's own assets.
  matcher: ["/((?!_next/|favicon.ico).*)"],
};
