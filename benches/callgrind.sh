#!/usr/bin/env bash
# Instruction counts (valgrind's callgrind), the repeatable measure of a
# speed change on this shared machine: wall and CPU times move by 10-20 %
# from run to run with the load, instruction counts do not.
#   benches/callgrind.sh [FILE...]     (default: the bundled examples)
# For each file, two figures:
#   - process: the whole `facture validate FILE` process (start, read,
#     validate, report);
#   - document: one read + validate (EN 16931, structural check on) in a
#     running process, i.e. (count with 30 validations - count with 10) / 20.
# Set FACTURE_CALLGRIND_KEEP=DIR to keep the callgrind.out files (for
# callgrind_annotate).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "callgrind.sh: valgrind is not installed" >&2; exit 2; }
files=("$@")
[[ ${#files[@]} -gt 0 ]] || files=(examples/*.xml)

cargo build --release --quiet
facture="$PWD/target/release/facture"
driver="$(cargo bench --bench instructions --no-run --message-format=json 2>/dev/null |
  python3 -c 'import json,sys
for l in sys.stdin:
    m = json.loads(l)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "instructions" and m.get("executable"):
        print(m["executable"])')"
keep="${FACTURE_CALLGRIND_KEEP:-}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
out_dir="${keep:-$work}"
mkdir -p "$out_dir"

count() { # name, command...
  local name="$1"; shift
  valgrind --tool=callgrind --callgrind-out-file="$out_dir/$name.out" "$@" >/dev/null 2>"$work/err" || true
  sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$work/err"
}

printf '%-40s %14s %14s\n' file process document
for f in "${files[@]}"; do
  base="$(basename "$f")"
  process="$(count "process-$base" "$facture" validate "$f")"
  ten="$(count "x10-$base" "$driver" 10 "$f")"
  thirty="$(count "x30-$base" "$driver" 30 "$f")"
  printf '%-40s %14s %14s\n' "$base" "$process" "$(( (thirty - ten) / 20 ))"
done
