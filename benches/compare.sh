#!/usr/bin/env bash
# Times `facture validate` against other EN 16931 validators on the same
# files, whole process each time, and prints the ratios (other / facture):
#   - the official CEN XSLT 1.3.16 run by Saxon-HE (`saxonche` from PyPI),
#     through ../shared/tools/en16931-oracle (one process compiles the two
#     stylesheets, then transforms each file);
#   - the Rust `en16931` CLI (crates.io `en16931-cli`).
# Missing tools are installed (pip / cargo install); a tool that cannot be
# installed (no registry access) is skipped with a message.
#   benches/compare.sh [RUNS]      # RUNS repetitions per case, median kept (default 5)
# Cases: each example alone (single file); the EN 16931 examples and test
# files of ../shared in one call (batch); a generated 10 000-line invoice.
# Times are wall clock and CPU (user + sys of the process and its children);
# on a shared machine CPU time is the steadier of the two.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
shared="${FACTURE_SHARED:-../shared}"

cargo build --release --quiet
facture="$PWD/target/release/facture"

oracle="$shared/tools/en16931-oracle"
if ! python3 -c 'import saxonche' >/dev/null 2>&1; then
  python3 -m pip install --quiet --disable-pip-version-check saxonche ||
    echo "compare.sh: saxonche could not be installed; the XSLT column is skipped" >&2
fi
if ! python3 -c 'import saxonche' >/dev/null 2>&1 || [[ ! -x "$oracle" ]]; then
  oracle=""
  echo "compare.sh: no saxonche or no $shared/tools/en16931-oracle; the XSLT column is skipped" >&2
fi

en16931="$(command -v en16931 || true)"
if [[ -z "$en16931" ]]; then
  echo "compare.sh: installing en16931-cli (cargo install, a few minutes)" >&2
  if cargo install --locked --quiet en16931-cli >&2 || cargo install --quiet en16931-cli >&2; then
    en16931="$(command -v en16931 || echo "${CARGO_HOME:-$HOME/.cargo}/bin/en16931")"
  else
    echo "compare.sh: en16931-cli could not be installed (offline?); its column is skipped" >&2
    en16931=""
  fi
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The generated 10 000-line invoices (benches/support), written by the memory bench.
FACTURE_BENCH_LINES=10000 cargo bench --quiet --bench memory -- --write "$work/gen" >/dev/null

batch=()
if [[ -d "$shared/en16931" ]]; then
  while IFS= read -r f; do batch+=("$f"); done < <(
    find "$shared/en16931/ubl/examples" "$shared/en16931/cii/examples" \
      "$shared/en16931/test/testfiles" -name '*.xml' | sort)
else
  echo "compare.sh: $shared/en16931 not found; no batch case" >&2
fi

python3 - "$runs" "$facture" "${oracle:-}" "${en16931:-}" "$work/gen" "${batch[@]}" <<'PY'
import os, resource, statistics, subprocess, sys, time

runs = int(sys.argv[1])
facture, oracle, en16931, gen = sys.argv[2:6]
batch = sys.argv[6:]
tools = [("facture", lambda files: [facture, "validate", "--format", "json", *files])]
if oracle:
    tools.append(("CEN XSLT (saxonche)", lambda files: ["python3", oracle, *files]))
if en16931:
    tools.append(("en16931-cli", lambda files: [en16931, "validate", *files]))

cases = [(f"single {os.path.basename(f)}", [f]) for f in
         ["examples/ubl-invoice.xml", "examples/cii-invoice.xml", "examples/ubl-credit-note.xml"]]
cases += [("single ubl 10 000 lines", [os.path.join(gen, "ubl-10000-lines.xml")]),
          ("single cii 10 000 lines", [os.path.join(gen, "cii-10000-lines.xml")])]
if batch:
    cases.append((f"batch of {len(batch)} (shared examples + test files)", batch))

def measure(cmd):
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        walls.append(time.perf_counter() - t)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)

print(f"median of {runs} runs; wall / CPU milliseconds; ratio = other / facture (CPU)")
header = f"{'case':<48}" + "".join(f"{name:>30}" for name, _ in tools)
print(header)
for label, files in cases:
    row = f"{label:<48}"
    base = None
    for name, cmd in tools:
        wall, cpu = measure(cmd(files))
        if base is None:
            base = cpu
            row += f"{wall * 1000:>13.1f} / {cpu * 1000:.1f}".rjust(30)
        else:
            ratio = cpu / base if base > 0 else float("inf")
            row += f"{wall * 1000:.1f} / {cpu * 1000:.1f} ({ratio:.2f}x)".rjust(30)
    print(row, flush=True)
PY
