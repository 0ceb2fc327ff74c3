import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import type { NextConfig } from "next";

const appDir = dirname(fileURLToPath(import.meta.url));

/** The copy of `name` the app itself gets from Node's lookup: nested under app/ or hoisted to the root. */
function appResolved(name: string): string {
  for (const modules of [join(appDir, "node_modules"), join(appDir, "..", "node_modules")]) {
    if (existsSync(join(modules, name, "package.json"))) return join(modules, name);
  }
  throw new Error(`next.config: ${name} is not installed (run npm ci at the repository root)`);
}

/**
 * One copy of each Solana package in the bundle. The root `overrides` pin one web3.js, but the
 * wallet UI still nests its own `wallet-adapter-react`/`-base` (its carets reach newer versions);
 * two copies would mean two React wallet contexts and two `Connection` classes, so every import
 * goes to the app's own copy. Turbopack's resolveAlias did not dedupe these here, so the app
 * builds with webpack (`--webpack`).
 */
const singletons: Record<string, string> = {
  "@solana/web3.js": appResolved("@solana/web3.js"),
  "@solana/wallet-adapter-react": appResolved("@solana/wallet-adapter-react"),
  "@solana/wallet-adapter-base": appResolved("@solana/wallet-adapter-base"),
};

const config: NextConfig = {
  reactStrictMode: true,
  // The SDK is a workspace package compiled to ESM (sdk/dist); bundle it like app code.
  transpilePackages: ["@futstar/sdk"],
  // Our pages use no raster images; skip the optimiser (sharp's install script may be blocked).
  images: { unoptimized: true },
  poweredByHeader: false,
  webpack: (webpackConfig: { resolve: { alias: Record<string, string> } }) => {
    Object.assign(webpackConfig.resolve.alias, singletons);
    return webpackConfig;
  },
};

export default config;
