import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import type { NextConfig } from "next";

const appDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(appDir, "..");

/**
 * One copy of each Solana package in the bundle. npm nests a second `@solana/web3.js` under the
 * SDK and a second `wallet-adapter-react` under the wallet UI (their carets reach versions that
 * want web3.js 1.99); two copies would mean two React wallet contexts and two `Connection` classes.
 * Turbopack's resolveAlias did not dedupe these here, so the app builds with webpack (`--webpack`).
 */
const singletons: Record<string, string> = {
  "@solana/web3.js": join(appDir, "node_modules/@solana/web3.js"),
  "@solana/wallet-adapter-react": join(repoRoot, "node_modules/@solana/wallet-adapter-react"),
  "@solana/wallet-adapter-base": join(repoRoot, "node_modules/@solana/wallet-adapter-base"),
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
