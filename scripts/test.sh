#!/usr/bin/env bash
# The one test command (`npm test`): toolchain, SBF build, local chain build, Rust tests (LiteSVM
# runs the .so), then every TypeScript workspace's tests. Prints how long each stage took.
source "$(dirname "$0")/lib/common.sh"
cd "$FUTSTAR_ROOT"
T0=$(date +%s)

"$FUTSTAR_ROOT/scripts/install-node-deps.sh"
"$FUTSTAR_ROOT/scripts/build-programs.sh"
# The localnet binary (Surfpool; ~1000 crates cold, cached after) before any test needs it.
"$FUTSTAR_ROOT/scripts/localnet.sh" --build-only

stage_start "cargo test (program unit tests + LiteSVM integration tests on the SBF build, localnet)"
host_cargo test --release --workspace --ignore-rust-version -- --nocapture 2>&1 \
  | tee "$FUTSTAR_CACHE/cargo-test.log" | grep -vE '^\s+(Compiling|Downloaded|Downloading) '
stage_end

for ws in sdk keeper tests app; do
  stage_start "npm test -w $ws"
  npm test --silent -w "$ws"
  stage_end
done
echo "all stages passed in $(( $(date +%s) - T0 ))s"
