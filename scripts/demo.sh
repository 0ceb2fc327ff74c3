#!/usr/bin/env bash
# The main job: local chain + programs + keeper + app on the embedded synthetic match.
source "$(dirname "$0")/lib/common.sh"
echo "npm run demo: not yet available (see issue 6); run 'npm test' for the test suite." >&2
exit 1
