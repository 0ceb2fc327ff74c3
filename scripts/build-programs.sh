#!/usr/bin/env bash
# Builds every on-chain program from source into real SBF (v0) bytecode at target/deploy/<name>.so.
source "$(dirname "$0")/lib/common.sh"
"$FUTSTAR_ROOT/scripts/setup-toolchain.sh"

PROGRAMS=(momentum_oracle futstar)
mkdir -p "$FUTSTAR_ROOT/target/deploy"
for program in "${PROGRAMS[@]}"; do
  stage_start "build $program.so (bpfel-unknown-none, -Zbuild-std, sbpf-linker)"
  # A program that another program links as a library (momentum_oracle, read by futstar) declares
  # only `lib`, so that dependency never builds a second cdylib; its own cdylib comes from
  # `cargo rustc --crate-type cdylib`. The others declare `cdylib` and use `cargo build`.
  if grep -q '"cdylib"' "$FUTSTAR_ROOT/programs/$program/Cargo.toml"; then
    build=(build)
  else
    build=(rustc --lib --crate-type cdylib)
  fi
  (cd "$FUTSTAR_ROOT/programs/$program" && \
    RUSTC_BOOTSTRAP=1 RUSTC="$DEBIAN_RUSTC" CARGO_TARGET_DIR="$FUTSTAR_CACHE/sbf-target" \
    "$DEBIAN_CARGO" "${build[@]}" --profile sbf --target bpfel-unknown-none \
      -Zbuild-std=core,alloc --ignore-rust-version)
  cp "$FUTSTAR_CACHE/sbf-target/bpfel-unknown-none/sbf/lib$program.so" \
     "$FUTSTAR_ROOT/target/deploy/$program.so"
  echo "built target/deploy/$program.so ($(stat -c %s "$FUTSTAR_ROOT/target/deploy/$program.so") bytes, $(sha256sum "$FUTSTAR_ROOT/target/deploy/$program.so" | cut -c1-16))"
  stage_end
done
