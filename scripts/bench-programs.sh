#!/usr/bin/env bash
# Compute units of every instruction of both programs, run as real SBF in LiteSVM (a benchmark,
# not a test). Prints one `<instruction_name> <compute_units> CU` line per instruction.
source "$(dirname "$0")/lib/common.sh"
cd "$FUTSTAR_ROOT"
"$FUTSTAR_ROOT/scripts/build-programs.sh" >/dev/null
for program in momentum_oracle futstar; do
  echo "# $program ($(sha256sum "target/deploy/$program.so" | cut -c1-16))"
  host_cargo test --release -q -p "$program" --ignore-rust-version --test bench_cu -- --ignored --nocapture 2>/dev/null \
    | grep -E '^(# |[a-z_]+.* [0-9]+ CU$|token_program)'
done
