/**
 * Region blocking at the edge (Next 16's middleware, renamed `proxy`). Requests whose geo header
 * names a country in `FUTSTAR_BLOCKED_COUNTRIES` are rewritten to /blocked (HTTP 451).
 */
import { NextResponse, type NextRequest } from "next/server";

import { countryFromHeaders, isBlocked, parseRegionPolicy } from "./lib/region";

const policy = parseRegionPolicy(process.env.FUTSTAR_BLOCKED_COUNTRIES, process.env.FUTSTAR_GEO_HEADERS);

export function proxy(request: NextRequest): NextResponse {
  const country = countryFromHeaders(policy, (name) => request.headers.get(name));
  if (!isBlocked(policy, country)) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/blocked";
  url.searchParams.set("country", country ?? "");
  return NextResponse.rewrite(url, { status: 451 });
}

export const config = {
  // Everything except Next's own assets and the blocked page itself.
  matcher: ["/((?!_next/|favicon.ico|blocked).*)"],
};
