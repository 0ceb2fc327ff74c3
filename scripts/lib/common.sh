# Shared shell settings for Futstar scripts: paths, caches, and stage timing.
# shellcheck shell=bash
set -euo pipefail

FUTSTAR_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
FUTSTAR_CACHE="${FUTSTAR_CACHE:-$HOME/.cache/futstar}"
SBPF_LINKER_VERSION="0.1.9"
SBPF_LINKER_ROOT="$FUTSTAR_CACHE/sbpf-linker-$SBPF_LINKER_VERSION"
# Debian's rustc-web 1.96 (LLVM 22) builds both the SBF programs and the host crates.
DEBIAN_CARGO=/usr/bin/cargo
DEBIAN_RUSTC=/usr/bin/rustc
export PATH="$SBPF_LINKER_ROOT/bin:$PATH"
export FUTSTAR_ROOT FUTSTAR_CACHE

stage_start() { STAGE_NAME="$1"; STAGE_T0=$(date +%s); echo "==> $STAGE_NAME"; }
stage_end() { echo "<== $STAGE_NAME took $(( $(date +%s) - STAGE_T0 ))s"; }

# Host cargo: Debian's 1.96. agave 4.x crates declare rust-version 1.97+ while compiling on 1.96,
# so `--ignore-rust-version` is passed where cargo checks it.
# One target dir for every host build: the localnet (Surfpool) and the LiteSVM tests share most of
# the agave crates, so a cold CI run compiles them once.
host_cargo() {
  CARGO_TARGET_DIR="$FUTSTAR_CACHE/target" RUSTC="$DEBIAN_RUSTC" RUSTDOC=/usr/bin/rustdoc "$DEBIAN_CARGO" "$@"
}
