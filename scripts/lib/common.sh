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
# The localnet (Surfpool, ~1000 crates) builds in a target dir of its own, so the program tests are
# never queued behind its long build's lock on the shared one.
host_cargo() {
  local target_dir="$FUTSTAR_CACHE/target"
  case " $* " in *" futstar-localnet "*) target_dir="$FUTSTAR_CACHE/localnet-target" ;; esac
  CARGO_TARGET_DIR="$target_dir" RUSTC="$DEBIAN_RUSTC" RUSTDOC=/usr/bin/rustdoc "$DEBIAN_CARGO" "$@"
}
