/** Load metrics read in the browser (Performance API) and from the build output. */
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

import type { Page } from "playwright-core";

/** Installed before any page script: records long tasks for the time-to-interactive estimate. */
export const LONG_TASK_RECORDER = `
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, end: e.startTime + e.duration }); })
      .observe({ type: "longtask", buffered: true });
  } catch (e) { window.__longTaskError = String(e); }
`;

export interface PageMetrics {
  /** Time to interactive (ms): end of the last long task before a 2 s quiet window, at least DOMContentLoaded and FCP, and not before hydration. */
  readonly ttiMs: number;
  readonly fcpMs: number;
  readonly domContentLoadedMs: number;
  readonly hydratedMs: number;
  /** Same-origin JS files loaded for this page (paths). */
  readonly scripts: string[];
  readonly scriptTransferBytes: number;
}

/** Waits for a 2 s window without long tasks after hydration, then computes TTI. */
export async function measurePage(page: Page): Promise<PageMetrics> {
  await page.waitForFunction(() => (window as unknown as { __futstarHydratedAt?: number }).__futstarHydratedAt !== undefined, null, { timeout: 30_000 });
  for (;;) {
    const quiet = await page.evaluate(() => {
      const tasks = (window as unknown as { __longTasks: { end: number }[] }).__longTasks;
      const last = tasks.length === 0 ? 0 : Math.max(...tasks.map((t) => t.end));
      return performance.now() - last >= 2000;
    });
    if (quiet) break;
    await page.waitForTimeout(250);
  }
  return page.evaluate(() => {
    const w = window as unknown as { __longTasks: { start: number; end: number }[]; __futstarHydratedAt: number };
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? 0;
    const lastLong = w.__longTasks.length === 0 ? 0 : Math.max(...w.__longTasks.map((t) => t.end));
    const resources = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
    const scripts = resources.filter((r) => r.name.startsWith(location.origin) && new URL(r.name).pathname.endsWith(".js"));
    return {
      ttiMs: Math.round(Math.max(nav.domContentLoadedEventEnd, fcp, lastLong, w.__futstarHydratedAt)),
      fcpMs: Math.round(fcp),
      domContentLoadedMs: Math.round(nav.domContentLoadedEventEnd),
      hydratedMs: Math.round(w.__futstarHydratedAt),
      scripts: scripts.map((r) => new URL(r.name).pathname),
      scriptTransferBytes: scripts.reduce((sum, r) => sum + r.encodedBodySize, 0),
    };
  });
}

/** First-load JS of a page: the gzip size of every JS file it loaded, read from `.next/static`. */
export function firstLoadJs(appDir: string, scripts: readonly string[]): { files: number; rawBytes: number; gzipBytes: number } {
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const path of new Set(scripts)) {
    const file = join(appDir, ".next", decodeURIComponent(path.replace(/^\/_next\//, "")));
    if (!existsSync(file)) throw new Error(`first-load JS: ${path} is not in the build output (${file})`);
    const data = readFileSync(file);
    rawBytes += data.length;
    gzipBytes += gzipSync(data, { level: 9 }).length;
  }
  return { files: new Set(scripts).size, rawBytes, gzipBytes };
}
