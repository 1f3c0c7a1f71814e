#!/usr/bin/env bash
# Checks every FHIR bundle kyoten writes with an independent validator from PyPI:
# fhir.resources (pinned in scripts/fhir-check/requirements.txt), whose R4B pydantic
# models check element names, types, cardinalities and primitive formats. It does not
# check terminology bindings, invariants (FHIRPath constraints) or profiles (JP Core,
# JP-CLINS): kyoten's own Rust test core/tests/fhir.rs checks the JP Core constraints
# the mapping cites. Validates: summary.to_fhir's bundle for every summary example, and
# the hand-written JP-CLINS-style bundles of the from_fhir examples. Installs a Python
# venv under target/fhir-check (or $KYOTEN_CHECK_CACHE/fhir). Exit status non-zero on
# any failure.
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
CACHE="${KYOTEN_CHECK_CACHE:-$ROOT/target}/fhir-check"
mkdir -p "$CACHE/bundles" || exit 1
if [ ! -x "$CACHE/venv/bin/python" ]; then
  python3 -m venv "$CACHE/venv" || { echo "check-fhir: python3 -m venv failed"; exit 1; }
fi
"$CACHE/venv/bin/python" -m pip install -q --disable-pip-version-check -r "$HERE/fhir-check/requirements.txt" \
  || { echo "check-fhir: pip install failed"; exit 1; }
(cd "$ROOT" && cargo build -q -p kyoten-schemas --bin kyoten) || { echo "check-fhir: cargo build failed"; exit 1; }
TARGET_DIR="${CARGO_TARGET_DIR:-target}"
case "$TARGET_DIR" in /*) ;; *) TARGET_DIR="$ROOT/$TARGET_DIR" ;; esac
KYOTEN="$TARGET_DIR/debug/kyoten"
files=()
for ex in "$ROOT"/schemas/examples/summary-request.*.json; do
  out="$CACHE/bundles/$(basename "$ex" .json).bundle.json"
  "$KYOTEN" run summary.to_fhir "$ex" > "$out"
  files+=("$out")
done
for ex in "$ROOT"/schemas/examples/fhir-import-request.*.json; do
  [ -f "$ex" ] && files+=("$ex")
done
echo "== fhir.resources $("$CACHE/venv/bin/python" -c 'import importlib.metadata as m; print(m.version("fhir.resources"))') (R4B models)"
"$CACHE/venv/bin/python" "$HERE/fhir-check/validate.py" "${files[@]}" | tee "$CACHE/result.txt"
read -r _ p f < <(grep '^COUNTS ' "$CACHE/result.txt")
echo "$p passed, $f failed"
[ "${f:-1}" -eq 0 ] && [ "${p:-0}" -gt 0 ]
