#!/usr/bin/env bash
# Runs every fuzz target for a bounded time and fails on any crash, hang
# (one input over 10 s) or runaway memory (over 2 GB).
#   fuzz/smoke.sh [SECONDS]    # per target, default 30
# Environment:
#   FACTURE_FUZZ_BUILD=release|dev   release (default) runs fastest. dev
#                                    (no optimisation) builds in about a
#                                    fifth of the CPU time, runs 10-50x
#                                    slower, and caps inputs at 4 KiB so
#                                    that a few seconds still mutate: what
#                                    `.ci/run` uses for its short runs.
#   FACTURE_FUZZ_TARGETS="ubl cii"   a subset of the targets (default all).
#
# The targets are built with cargo itself, with the instrumentation flags
# cargo-fuzz 0.13 passes (sancov inline 8-bit counters, PC table, compare
# tracing, `--cfg fuzzing`), so cargo-fuzz need not be installed; no
# sanitizer (the library is safe Rust: what we look for is panics, hangs
# and unbounded allocation, which libFuzzer reports by itself). For
# AddressSanitizer runs use `cargo fuzz run` (fuzz/README.md).
#
# Crashers are left in fuzz/artifacts/<target>/: keep each as
# tests/fixtures/fuzz/<target>/NAME (tests/fuzz_regressions.rs replays
# them).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
build="${FACTURE_FUZZ_BUILD:-release}"
extra=()
triple="$(rustc -vV | sed -n 's/^host: //p')"

flags="-Cpasses=sancov-module"
flags+=" -Cllvm-args=-sanitizer-coverage-level=4"
flags+=" -Cllvm-args=-sanitizer-coverage-inline-8bit-counters"
flags+=" -Cllvm-args=-sanitizer-coverage-pc-table"
flags+=" -Cllvm-args=-sanitizer-coverage-trace-compares"
flags+=" -Cllvm-args=-simplifycfg-branch-fold-threshold=0"
flags+=" --cfg fuzzing -Cdebug-assertions"
case "$triple" in *-linux-*) flags+=" -Cllvm-args=-sanitizer-coverage-stack-depth" ;; esac

case "$build" in
  release) profile_args=(--release --config 'profile.release.debug="line-tables-only"') ; dir=release ;;
  dev) profile_args=(--config 'profile.dev.debug="line-tables-only"') ; dir=debug ; extra=(-max_len=4096) ;;
  *) echo "smoke.sh: FACTURE_FUZZ_BUILD is release or dev, not $build" >&2; exit 2 ;;
esac

bash fuzz/seed.sh
echo "smoke.sh: building the targets ($build)" >&2
# --target keeps the flags off build scripts and proc macros.
RUSTFLAGS="$flags ${RUSTFLAGS:-}" cargo build --quiet --locked --manifest-path fuzz/Cargo.toml \
  --target "$triple" "${profile_args[@]}" --bins
bin_dir="fuzz/target/$triple/$dir"

if [[ -n "${FACTURE_FUZZ_TARGETS:-}" ]]; then
  read -r -a targets <<<"$FACTURE_FUZZ_TARGETS"
else
  mapfile -t targets < <(sed -n 's/^name = "\(.*\)"$/\1/p' fuzz/Cargo.toml | grep -v '^facture-fuzz$')
fi

failed=()
for target in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$target" "fuzz/artifacts/$target"
  log="fuzz/artifacts/$target/smoke.log"
  echo "smoke.sh: $target for ${seconds}s" >&2
  # -dict: XML punctuation and the element names the readers look for.
  if "$bin_dir/$target" "fuzz/corpus/$target" \
    -artifact_prefix="fuzz/artifacts/$target/" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -dict=fuzz/xml.dict -print_final_stats=1 "${extra[@]}" >"$log" 2>&1; then
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
echo "smoke.sh: ${#targets[@]} targets ran ${seconds}s each without a crash" >&2
