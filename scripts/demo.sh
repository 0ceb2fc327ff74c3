#!/usr/bin/env bash
# `npm run demo`: local chain + programs + keeper + app, one command.
#
#   npm run demo [-- --match <path|url>] [--speed N] [options]   (--help lists them)
#
# Installs/builds what is missing, starts the local chain (programs deployed by the localnet),
# creates the oracle config, exchange, collateral mint, match feed + pool (by the keeper) with
# liquidity and a funded demo trader, runs the keeper replaying the match, serves the app, prints
# what runs where, and on Ctrl-C stops everything (each service in its own process group).
source "$(dirname "$0")/lib/common.sh"
cd "$FUTSTAR_ROOT"

usage() {
  cat <<'EOF'
usage: npm run demo -- [options]

  --match <path|url>   replay a real Wyscout / Stats Perform (MA3) / Opta F24 file
                       (default: the calibrated synthetic match, labelled synthetic in the app)
  --speed <N>          match seconds per oracle second (default 1 = live pace)
  --slot-time-ms <ms>  local chain slot time (default 400)
  --port <p>           app port (default 3000)
  --rpc-port <p>       JSON-RPC port (default 8899); the WebSocket is --ws-port (default 8900)
  --ws-port <p>
  --keeper-port <p>    keeper /metrics and /healthz (default 9464)
  --dir <dir>          demo state: keys, configs, logs (default target/demo)
  --no-install         skip the npm dependency check (node_modules already current)
  -h, --help

env: FUTSTAR_BLOCKED_COUNTRIES is passed to the app (region blocking, read at run time).
EOF
}

MATCH=""
SPEED=1
SLOT_MS=400
APP_PORT=3000
RPC_PORT=8899
WS_PORT=8900
KEEPER_PORT=9464
DEMO_DIR="$FUTSTAR_ROOT/target/demo"
INSTALL=1

need_value() { [ $# -ge 2 ] && [ -n "$2" ] || { echo "demo: $1 needs a value" >&2; exit 2; }; }
is_port() { [[ "$2" =~ ^[0-9]+$ ]] && [ "$2" -ge 1 ] && [ "$2" -le 65535 ] || { echo "demo: $1: expected a port 1..65535, got '$2'" >&2; exit 2; }; }
while [ $# -gt 0 ]; do
  case "$1" in
    --match) need_value "$@"; MATCH="$2"; shift 2 ;;
    --speed) need_value "$@"; [[ "$2" =~ ^[0-9]+$ ]] && [ "$2" -ge 1 ] || { echo "demo: --speed: expected a whole number ≥ 1, got '$2'" >&2; exit 2; }; SPEED="$2"; shift 2 ;;
    --slot-time-ms) need_value "$@"; [[ "$2" =~ ^[0-9]+$ ]] && [ "$2" -ge 10 ] || { echo "demo: --slot-time-ms: expected ≥ 10, got '$2'" >&2; exit 2; }; SLOT_MS="$2"; shift 2 ;;
    --port) need_value "$@"; is_port "$1" "$2"; APP_PORT="$2"; shift 2 ;;
    --rpc-port) need_value "$@"; is_port "$1" "$2"; RPC_PORT="$2"; shift 2 ;;
    --ws-port) need_value "$@"; is_port "$1" "$2"; WS_PORT="$2"; shift 2 ;;
    --keeper-port) need_value "$@"; is_port "$1" "$2"; KEEPER_PORT="$2"; shift 2 ;;
    --dir) need_value "$@"; DEMO_DIR="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    --no-install) INSTALL=0; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "demo: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
if [ -n "$MATCH" ] && ! [[ "$MATCH" =~ ^https?:// ]]; then
  [ -f "$MATCH" ] || { echo "demo: --match: no such file '$MATCH'" >&2; exit 2; }
  MATCH="$(realpath "$MATCH")"
fi

LOGS="$DEMO_DIR/logs"
mkdir -p "$LOGS"
TSX="$FUTSTAR_ROOT/node_modules/.bin/tsx"
RPC_URL="http://127.0.0.1:$RPC_PORT"
WS_URL="ws://127.0.0.1:$WS_PORT"

# ---- services: each in its own process group (setsid), stopped in reverse order ----------------
declare -A PIDS=()
STOPPING=0
STARTED=0

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

stop_group() { # name signal timeout_s
  local pid="${PIDS[$1]:-}"
  [ -n "$pid" ] || return 0
  if kill -0 "$pid" 2>/dev/null; then
    kill "-$2" -- "-$pid" 2>/dev/null || true
    local waited=0
    while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt $(( $3 * 10 )) ]; do sleep 0.1; waited=$(( waited + 1 )); done
    if kill -0 "$pid" 2>/dev/null; then
      echo "demo: $1 did not stop within $3 s of SIG$2; killing it" >&2
      kill -KILL -- "-$pid" 2>/dev/null || true
    fi
  fi
  # Anything else left in the group (a worker that outlived its parent) goes too.
  kill -KILL -- "-$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  unset "PIDS[$1]"
}

cleanup() {
  local code=$?
  [ "$STOPPING" = 1 ] && return
  STOPPING=1
  trap '' INT TERM
  [ "$STARTED" = 1 ] && { echo; echo "demo: stopping…"; }
  stop_group app TERM 10
  stop_group keeper INT 20    # finishes its round, closes its database
  stop_group localnet TERM 20
  local had=$STARTED
  [ "$had" = 1 ] && echo "demo: stopped (nothing left running)"
  exit "$code"
}
# Ctrl-C / SIGTERM is how a demo ends: stop everything, exit 0.
trap 'exit 0' INT TERM
trap cleanup EXIT

start_service() { # name logfile cmd...
  local name="$1" log="$2"; shift 2
  setsid "$@" >"$log" 2>&1 </dev/null &
  PIDS[$name]=$!
  STARTED=1
}

fail_with_log() { # name logfile message
  echo "demo: $3" >&2
  echo "---- last lines of $2 ----" >&2
  tail -n 30 "$2" >&2 || true
  exit 1
}

wait_for_line() { # name logfile pattern timeout_s
  local deadline=$(( $(date +%s) + $4 ))
  while ! grep -q -- "$3" "$2" 2>/dev/null; do
    kill -0 "${PIDS[$1]}" 2>/dev/null || fail_with_log "$1" "$2" "$1 exited before it was ready"
    [ "$(date +%s)" -lt "$deadline" ] || fail_with_log "$1" "$2" "$1 not ready within $4 s"
    sleep 0.2
  done
}

json_field() { # json key → value (strings and numbers)
  node -e 'const o=JSON.parse(process.argv[1]); const v=o[process.argv[2]]; if (v===undefined) { console.error("missing field " + process.argv[2]); process.exit(1) } console.log(v)' "$1" "$2"
}

for p in "$RPC_PORT" "$WS_PORT" "$APP_PORT" "$KEEPER_PORT"; do
  port_free "$p" || { echo "demo: port $p is already in use (another demo or localnet running?); choose others with --rpc-port/--ws-port/--port/--keeper-port" >&2; exit 1; }
done

# ---- install / build what is missing ----------------------------------------------------------
T0=$(date +%s)
[ "$INSTALL" = 1 ] && "$FUTSTAR_ROOT/scripts/install-node-deps.sh"
"$FUTSTAR_ROOT/scripts/localnet.sh" --build-only   # programs (target/deploy) + the localnet binary
if ! [ -f sdk/dist/index.js ] || [ -n "$(find sdk/src sdk/package.json -newer sdk/dist/index.js -type f -print -quit)" ]; then
  stage_start "sdk build"
  npm run --silent build -w sdk
  stage_end
fi

KEYS_LINE="$("$TSX" scripts/demo/setup.ts keys --dir "$DEMO_DIR")"
FUTSTAR_ID="$(json_field "$KEYS_LINE" futstar)"
ORACLE_ID="$(json_field "$KEYS_LINE" momentum_oracle)"

# The app inlines NEXT_PUBLIC_* at build time: rebuild when they or the sources changed.
export NEXT_TELEMETRY_DISABLED=1
export NEXT_PUBLIC_CLUSTER=localnet NEXT_PUBLIC_RPC_URL="$RPC_URL" NEXT_PUBLIC_WS_URL="$WS_URL"
export NEXT_PUBLIC_FUTSTAR_PROGRAM_ID="$FUTSTAR_ID" NEXT_PUBLIC_ORACLE_PROGRAM_ID="$ORACLE_ID"
BUILD_STAMP="app/.next/futstar-demo-build.env"
WANT_STAMP="$(env | grep '^NEXT_PUBLIC_' | sort)"
if ! [ -f app/.next/BUILD_ID ] || [ "$(cat "$BUILD_STAMP" 2>/dev/null)" != "$WANT_STAMP" ] \
   || [ -n "$(find app/src app/next.config.ts app/package.json sdk/dist -newer "$BUILD_STAMP" -type f -print -quit 2>/dev/null)" ]; then
  stage_start "app build (next build --webpack; log: $LOGS/app-build.log)"
  rm -f "$BUILD_STAMP"
  ( cd app && "$FUTSTAR_ROOT/node_modules/.bin/next" build --webpack ) >"$LOGS/app-build.log" 2>&1 \
    || { tail -n 40 "$LOGS/app-build.log" >&2; echo "demo: app build failed (log: $LOGS/app-build.log)" >&2; exit 1; }
  echo "$WANT_STAMP" > "$BUILD_STAMP"
  stage_end
fi

# The match: a real file/URL, or the calibrated synthetic match (the keeper's `synthetic` source,
# its default seed; on chain the match id reads "synthetic:<seed>", which the app labels).
SOURCE="${MATCH:-synthetic}"

# ---- local chain ------------------------------------------------------------------------------
stage_start "local chain (surfnet, slot ${SLOT_MS} ms) on $RPC_URL"
rm -f "$DEMO_DIR/localnet/localnet.json"
start_service localnet "$LOGS/localnet.log" "$FUTSTAR_ROOT/scripts/localnet.sh" \
  --rpc-port "$RPC_PORT" --ws-port "$WS_PORT" --slot-time-ms "$SLOT_MS" --state-dir "$DEMO_DIR/localnet" \
  --program-keypair "momentum_oracle=$DEMO_DIR/keys/momentum_oracle-program.json" \
  --program-keypair "futstar=$DEMO_DIR/keys/futstar-program.json"
wait_for_line localnet "$LOGS/localnet.log" '{"event":"ready"' 120
stage_end

stage_start "oracle config, exchange, collateral mint, keeper config"
PREPARED="$("$TSX" scripts/demo/setup.ts prepare --localnet "$DEMO_DIR/localnet/localnet.json" --dir "$DEMO_DIR" \
  --source "$SOURCE" --speed "$SPEED" --keeper-port "$KEEPER_PORT")"
stage_end

stage_start "keeper (futstar-keeper run --config $DEMO_DIR/keeper.json)"
start_service keeper "$LOGS/keeper.log" node "$FUTSTAR_ROOT/keeper/bin/futstar-keeper.js" run --config "$DEMO_DIR/keeper.json"
wait_for_line keeper "$LOGS/keeper.log" '{"event":"ready"' 120
stage_end

stage_start "pool liquidity and the demo trader"
FUNDED="$("$TSX" scripts/demo/setup.ts fund --dir "$DEMO_DIR")"
stage_end

stage_start "app (next start) on port $APP_PORT"
start_service app "$LOGS/app.log" env -C app "$FUTSTAR_ROOT/node_modules/.bin/next" start -p "$APP_PORT"
deadline=$(( $(date +%s) + 60 ))
until curl -sf -o /dev/null -H 'cf-ipcountry: FR' "http://127.0.0.1:$APP_PORT/"; do
  kill -0 "${PIDS[app]}" 2>/dev/null || fail_with_log app "$LOGS/app.log" "the app exited before answering"
  [ "$(date +%s)" -lt "$deadline" ] || fail_with_log app "$LOGS/app.log" "the app did not answer within 60 s"
  sleep 0.3
done
stage_end

FEED="$(json_field "$FUNDED" feed)"
POOL="$(json_field "$FUNDED" pool)"
TRADER="$(json_field "$FUNDED" trader)"
TRADER_KEYPAIR="$(json_field "$FUNDED" traderKeypair)"
TRADER_SECRET="$(json_field "$FUNDED" traderSecretBase58)"
LABEL="$SOURCE"; [ "$SOURCE" = synthetic ] && LABEL="synthetic match (calibrated generator; labelled synthetic in the app)"
cat <<EOF

Futstar demo is running (ready in $(( $(date +%s) - T0 )) s)
  app            http://localhost:$APP_PORT            match page: http://localhost:$APP_PORT/match/$FEED
  local chain    $RPC_URL  (WebSocket $WS_URL), slot ${SLOT_MS} ms, log $LOGS/localnet.log
  programs       futstar $FUTSTAR_ID
                 momentum_oracle $ORACLE_ID
  keeper         futstar-keeper run --config $DEMO_DIR/keeper.json
                 metrics http://127.0.0.1:$KEEPER_PORT/metrics, health http://127.0.0.1:$KEEPER_PORT/healthz, log $LOGS/keeper.log
  match          $LABEL, speed ${SPEED}x
  feed / pool    $FEED / $POOL
  demo trader    $TRADER (10 SOL, 1,000 collateral tokens)
                 keypair file: $TRADER_KEYPAIR
                 Phantom: Settings → Developer settings → Testnet mode → Solana Localnet; then
                 Add / Connect wallet → Import private key → paste: $TRADER_SECRET
                 Solflare / CLI: import the keypair file above.
Ctrl-C stops everything.
EOF
# One line for scripts and tests (the process-group ids let them check nothing outlives a stop).
node -e 'const [f,p,t,k,a,r,w,fi,oi,m,kh,pl,pk,pa]=process.argv.slice(1); console.log(JSON.stringify({event:"demo-ready",appUrl:a,rpcUrl:r,wsUrl:w,keeperUrl:kh,feed:f,pool:p,trader:t,traderKeypair:k,programs:{futstar:fi,oracle:oi},match:m,processGroups:{localnet:+pl,keeper:+pk,app:+pa}}))' \
  "$FEED" "$POOL" "$TRADER" "$TRADER_KEYPAIR" "http://localhost:$APP_PORT" "$RPC_URL" "$WS_URL" "$FUTSTAR_ID" "$ORACLE_ID" "$SOURCE" \
  "http://127.0.0.1:$KEEPER_PORT" "${PIDS[localnet]}" "${PIDS[keeper]}" "${PIDS[app]}"

# ---- run until Ctrl-C or a service dies -------------------------------------------------------
while true; do
  for name in localnet keeper app; do
    pid="${PIDS[$name]:-}"
    [ -n "$pid" ] || continue
    if ! kill -0 "$pid" 2>/dev/null; then
      rc=0; wait "$pid" || rc=$?
      unset "PIDS[$name]"
      log="$LOGS/$name.log"
      if [ "$name" = keeper ] && [ "$rc" = 0 ]; then
        echo "demo: the keeper finished the match (exit 0); the chain and the app keep running until Ctrl-C"
        continue 2
      fi
      fail_with_log "$name" "$log" "$name stopped unexpectedly (exit $rc)"
    fi
  done
  sleep 1
done
