#!/usr/bin/env bash
# Runs every fuzz target for a bounded time and fails on any crash, hang
# (one input over 10 s) or runaway memory (over 2 GB).
#   fuzz/smoke.sh [SECONDS]    # per target, default 30
# Needs cargo-fuzz (`cargo install cargo-fuzz --locked`); runs on the
# stable toolchain through RUSTC_BOOTSTRAP=1. Crashers are left in
# fuzz/artifacts/<target>/: keep each as tests/fixtures/fuzz/<target>/NAME
# (tests/fuzz_regressions.rs replays them).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
export RUSTC_BOOTSTRAP=1

if ! command -v cargo-fuzz >/dev/null 2>&1; then
  echo "smoke.sh: cargo-fuzz is missing: cargo install cargo-fuzz --locked" >&2
  exit 2
fi
bash fuzz/seed.sh
cargo fuzz build -O >/dev/null
failed=()
for target in $(cargo fuzz list); do
  mkdir -p "fuzz/corpus/$target" "fuzz/artifacts/$target"
  log="fuzz/artifacts/$target/smoke.log"
  echo "smoke.sh: $target for ${seconds}s" >&2
  # -dict: XML punctuation and the element names the readers look for.
  if cargo fuzz run -O "$target" "fuzz/corpus/$target" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -dict=fuzz/xml.dict -print_final_stats=1 >"$log" 2>&1; then
    grep -E '^stat::number_of_executed_units' "$log" | sed "s/^/  $target /" >&2 || true
  else
    echo "smoke.sh: $target FAILED (see $log):" >&2
    grep -E 'ERROR|panicked|Test unit written' "$log" | head -5 >&2 || true
    failed+=("$target")
  fi
done
if ((${#failed[@]})); then
  echo "smoke.sh: crashes in: ${failed[*]}" >&2
  exit 1
fi
echo "smoke.sh: every target ran ${seconds}s without a crash" >&2
