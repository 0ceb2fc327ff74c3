#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed (the browser tests drive /usr/bin/chromium through
# playwright-core; Playwright's own browser download cannot reach its CDN from here).
set -euo pipefail
CHROMIUM="${FUTSTAR_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "ensure-chromium: $CHROMIUM is missing and we are not root; run: apt-get install -y chromium" >&2
  exit 1
fi
echo "ensure-chromium: installing Debian's chromium (apt-get)…" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
[ -x "$CHROMIUM" ] || { echo "ensure-chromium: apt-get finished but $CHROMIUM is still missing" >&2; exit 1; }
"$CHROMIUM" --version >&2
