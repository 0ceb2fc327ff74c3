#!/usr/bin/env bash
# `npm run localnet`: Futstar's local Solana network (Surfpool's surfnet, offline) with the programs
# deployed through the upgradeable loader. Builds the programs and the binary when missing or stale
# (the binary into the shared release cache, niced), then runs it with the given flags.
#   bash scripts/localnet.sh [--build-only] [futstar-localnet flags...]   (see --help)
source "$(dirname "$0")/lib/common.sh"
cd "$FUTSTAR_ROOT"

LOCALNET_BIN="$FUTSTAR_CACHE/target/release/futstar-localnet"

build_only=0
if [ "${1:-}" = "--build-only" ]; then build_only=1; shift; fi

for program in momentum_oracle futstar; do
  if ! [ -f "target/deploy/$program.so" ]; then
    "$FUTSTAR_ROOT/scripts/build-programs.sh"
    break
  fi
done

# Stale when any localnet source or the lockfile is newer than the binary.
if ! [ -x "$LOCALNET_BIN" ] || [ -n "$(find localnet Cargo.lock -newer "$LOCALNET_BIN" -type f -print -quit)" ]; then
  stage_start "cargo build --release -p futstar-localnet (surfpool-core 1.7.0; cold: ~1000 crates)"
  # nice: the machine's cores are shared. `nice` cannot run the host_cargo function, hence env.
  CARGO_TARGET_DIR="$FUTSTAR_CACHE/target" RUSTC="$DEBIAN_RUSTC" RUSTDOC=/usr/bin/rustdoc \
    nice -n 19 "$DEBIAN_CARGO" build --release -p futstar-localnet --ignore-rust-version
  touch "$LOCALNET_BIN"
  stage_end
fi

if [ "$build_only" = 1 ]; then
  echo "built $LOCALNET_BIN"
  exit 0
fi
exec "$LOCALNET_BIN" --root "$FUTSTAR_ROOT" "$@"
