#!/usr/bin/env bash
# Browser test: Chromium from apt, the SDK and the app built, then e2e/browser.e2e.ts.
set -euo pipefail
APP_DIR="$(cd "$(dirname "$0")/.." && pwd)"
ROOT="$(cd "$APP_DIR/.." && pwd)"
export NEXT_TELEMETRY_DISABLED=1
bash "$APP_DIR/scripts/ensure-chromium.sh"
if [ ! -f "$ROOT/sdk/dist/index.js" ]; then
  echo "browser-test: building the SDK (sdk/dist missing)" >&2
  npm run --silent build -w sdk
fi
mkdir -p "$ROOT/artifacts"
echo "browser-test: next build (log: artifacts/next-build.log)" >&2
( cd "$APP_DIR" && "$ROOT/node_modules/.bin/next" build --webpack > "$ROOT/artifacts/next-build.log" 2>&1 ) || { tail -40 "$ROOT/artifacts/next-build.log"; exit 1; }
cd "$APP_DIR"
exec "$ROOT/node_modules/.bin/tsx" --tsconfig e2e/tsconfig.json e2e/browser.e2e.ts
