#!/usr/bin/env bash
# Installs what the build needs from Debian and crates.io, unattended and idempotent:
# rustc-web/cargo-web 1.96 (LLVM 22) + rust-web-src for -Zbuild-std, LLVM 22 for sbpf-linker,
# and sbpf-linker 0.1.9 built against Debian's LLVM into $FUTSTAR_CACHE.
source "$(dirname "$0")/lib/common.sh"

need_apt=0
rustc_release=$("$DEBIAN_RUSTC" -vV 2>/dev/null | sed -n 's/^release: //p' || true)
case "$rustc_release" in 1.9[6-9].*) ;; *) need_apt=1 ;; esac
[ -d /usr/lib/rustlib/src/rust/library/core ] || need_apt=1
[ -x /usr/lib/llvm-22/bin/llvm-config ] || need_apt=1
if [ "$need_apt" = 1 ]; then
  stage_start "apt: rustc-web 1.96, rust-web-src, llvm-22-dev"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q rustc-web cargo-web rust-web-src llvm-22-dev
  stage_end
fi

if ! [ -x "$SBPF_LINKER_ROOT/bin/sbpf-linker" ]; then
  stage_start "cargo install sbpf-linker $SBPF_LINKER_VERSION (LLVM 22)"
  LLVM_PREFIX=/usr/lib/llvm-22 LLVM_SYS_221_PREFIX=/usr/lib/llvm-22 RUSTC="$DEBIAN_RUSTC" \
    "$DEBIAN_CARGO" install sbpf-linker --version "=$SBPF_LINKER_VERSION" --locked \
    --no-default-features --features upstream-gallery-22 --root "$SBPF_LINKER_ROOT"
  stage_end
fi

"$DEBIAN_RUSTC" -vV | sed 's/^/toolchain: /'
echo "toolchain: sbpf-linker $("$SBPF_LINKER_ROOT/bin/sbpf-linker" --version 2>&1 | head -n1)"
