#!/usr/bin/env bash
# Installs the npm workspaces from the lockfile when node_modules is missing or out of date.
source "$(dirname "$0")/lib/common.sh"
cd "$FUTSTAR_ROOT"
stamp="node_modules/.futstar-lock-sha"
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  stage_start "npm ci"
  npm ci --no-audit --no-fund
  echo "$want" > "$stamp"
  stage_end
fi
