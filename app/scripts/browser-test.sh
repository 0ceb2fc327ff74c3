#!/usr/bin/env bash
# Browser test: Chromium from apt, then e2e/browser.e2e.ts, which starts the demo
# (scripts/demo.sh: local chain, keeper, funded market, app build for the test ports + next start).
set -euo pipefail
APP_DIR="$(cd "$(dirname "$0")/.." && pwd)"
ROOT="$(cd "$APP_DIR/.." && pwd)"
export NEXT_TELEMETRY_DISABLED=1
bash "$APP_DIR/scripts/ensure-chromium.sh"
mkdir -p "$ROOT/artifacts"
cd "$APP_DIR"
exec "$ROOT/node_modules/.bin/tsx" --tsconfig e2e/tsconfig.json e2e/browser.e2e.ts
