#!/usr/bin/env bash
# `npm run bench:localnet` (benchmark, not a test): open/close transactions per second through
# JSON-RPC (confirmed) and oracle update -> WebSocket notification p99 on the real localnet.
# Prints `tx_per_sec <n> (slot_time_ms ...)` and `ws_p99_ms <n> (slot_time_ms ...)` on their own lines.
# Env: BENCH_SLOT_MS (default 20), BENCH_TRADERS (200), BENCH_ROUNDS (3), BENCH_PUSHES (200),
# BENCH_TRACE=1 (where the time goes: per burst timings, CPU per transaction; see the .ts header).
source "$(dirname "$0")/lib/common.sh"
cd "$FUTSTAR_ROOT"
"$FUTSTAR_ROOT/scripts/install-node-deps.sh" >&2
npm run --silent -w sdk build >&2
exec npx --no-install tsx tests/e2e/bench-localnet.ts
