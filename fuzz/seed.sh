#!/usr/bin/env bash
# Seeds fuzz/corpus/<target>/ from the repository's own documents
# (examples/, tests/fixtures/, the kept crashers in tests/fixtures/fuzz/)
# and, when it is there, from ../shared (copied at run time, never
# committed: fuzz/corpus is ignored by git). Each file goes to the targets
# whose parser reads its root element; files are named by their SHA-1 as
# libFuzzer does, so re-seeding is idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${FACTURE_SHARED:-../shared}"

targets_for() {
  local f="$1"
  local head
  head="$(head -c 4096 "$f" | tr -d '\0')"
  # Every XML file seeds the tree target.
  case "$f" in *.xml) printf 'tree ' ;; esac
  case "$head" in
    %PDF-*) echo "facturx read validate" ;;
    *urn:oasis:names:specification:ubl:schema:xsd:Invoice-2* | *urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2*)
      echo "ubl read validate" ;;
    *CrossIndustryInvoice*) echo "cii read validate" ;;
    *"<CPPFacturePivot"*) echo "cpp_pivot read validate" ;;
    *"<CPPFactureMixte"*) echo "cpp_mixte read validate" ;;
    *"<CPPStatut"*) echo "cpp_statut" ;;
  esac
}

seed() {
  local f="$1"
  shift
  local name
  name="$(sha1sum "$f" | cut -d' ' -f1)"
  for t in "$@"; do
    mkdir -p "fuzz/corpus/$t"
    cp "$f" "fuzz/corpus/$t/$name"
  done
}

files=()
while IFS= read -r -d '' f; do files+=("$f"); done < <(
  find examples tests/fixtures -type f \( -name '*.xml' -o -name '*.pdf' \) -print0
  if [[ -d "$shared" ]]; then
    # The EN 16931 examples, test files and unit tests, the Chorus Pro samples.
    find "$shared/en16931/ubl/examples" "$shared/en16931/cii/examples" "$shared/en16931/test" \
      "$shared/chorus-pro/samples" -type f -name '*.xml' -size -200k -print0 2>/dev/null || true
  else
    echo "seed.sh: $shared not found; seeding from the repository only" >&2
  fi
)
count=0
for f in "${files[@]}"; do
  read -r -a ts <<<"$(targets_for "$f")"
  if ((${#ts[@]})); then
    seed "$f" "${ts[@]}"
    count=$((count + 1))
  fi
done
# Kept crashers replay on the target that found them.
if [[ -d tests/fixtures/fuzz ]]; then
  for dir in tests/fixtures/fuzz/*/; do
    t="$(basename "$dir")"
    for f in "$dir"*; do
      [[ -f "$f" ]] && seed "$f" "$t" && count=$((count + 1))
    done
  done
fi
echo "seed.sh: $count seed files into fuzz/corpus/" >&2
