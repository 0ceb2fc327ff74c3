/**
 * The dApp bundles the SDK for browsers: the built dist/ must not import Node built-ins, and
 * every runtime dependency it imports must resolve to a browser-capable entry.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { describe, expect, it } from "vitest";

const dist = fileURLToPath(new URL("../dist", import.meta.url));
const IMPORT = /(?:import|export)\s[^;]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)/g;

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? jsFiles(path) : path.endsWith(".js") ? [path] : [];
  });
}

function specifiers(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? "");
}

function manifestPath(name: string): string {
  const local = fileURLToPath(new URL(`../node_modules/${name}/package.json`, import.meta.url));
  return existsSync(local) ? local : fileURLToPath(new URL(`../../node_modules/${name}/package.json`, import.meta.url));
}

describe.runIf(existsSync(dist))("browser bundling", () => {
  const files = jsFiles(dist);
  const imports = [...new Set(files.flatMap(specifiers))];

  it("dist/ imports no Node built-in", () => {
    expect(files.length).toBeGreaterThan(10);
    // "buffer" is the npm polyfill package (a declared dependency), which bundlers resolve for browsers.
    const builtins = new Set([...builtinModules.filter((m) => m !== "buffer"), ...builtinModules.map((m) => `node:${m}`)]);
    expect(imports.filter((s) => s.startsWith("node:") || builtins.has(s))).toEqual([]);
  });

  it("every external package dist/ imports is a declared dependency with a browser entry", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { dependencies: Record<string, string> };
    const externals = [...new Set(imports.filter((s) => !s.startsWith(".")).map((s) => (s.startsWith("@") ? s.split("/").slice(0, 2).join("/") : s.split("/")[0]!)))];
    for (const name of externals) {
      expect(Object.keys(pkg.dependencies), `${name} is a dependency`).toContain(name);
      const manifest = JSON.parse(readFileSync(manifestPath(name), "utf8")) as { browser?: unknown; module?: unknown; exports?: unknown };
      // A browser field, or an ESM entry bundlers take (isomorphic packages such as spl-token), or a plain JS package.
      const browserReady = manifest.browser !== undefined || manifest.module !== undefined || JSON.stringify(manifest.exports ?? {}).includes("\"import\"") || name === "bn.js" || name === "buffer";
      expect(browserReady, `${name} has a browser entry`).toBe(true);
    }
  });
});
