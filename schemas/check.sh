#!/usr/bin/env bash
# Checks kyoten's JSON Schemas with validators other than ours (see schemas/README.md):
#   - the generated files are fresh (kyoten-gen check);
#   - every schema passes python-jsonschema's 2020-12 metaschema check and compiles in
#     Ajv2020({ strict: true }) with ajv-formats;
#   - every example (and every schema's embedded `examples`) validates in both;
#   - every report the library writes for an example validates against its report schema;
#   - every example gives a report without errors, every example in examples/failing/
#     (documents meant to trip rules) a report with errors;
#   - every invalid document (schemas/examples/invalid/) is rejected by both and by the
#     Rust validator (the `kyoten` CLI); known core bugs (schemas/examples/known-bugs/)
#     must be rejected by both schemas and are listed, not failed, when Rust accepts them;
#   - the TypeScript declarations compile with `tsc --noEmit --strict`.
# Works from any directory. Installs what it needs: a Python venv with jsonschema
# (under target/schemas-check, or $KYOTEN_CHECK_CACHE) and the npm packages pinned by
# schemas/package-lock.json (npm ci). Exits non-zero when any check fails.
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
CACHE="${KYOTEN_CHECK_CACHE:-$ROOT/target/schemas-check}"
PASSED=0
FAILED=0

ok() { PASSED=$((PASSED + 1)); echo "  ok    $*"; }
fail() { FAILED=$((FAILED + 1)); echo "  FAIL  $*"; }
die() { echo "check.sh: $*" >&2; echo "$PASSED passed, $((FAILED + 1)) failed"; exit 1; }

# Adds the COUNTS line of a sub-checker's output to the totals and echoes the rest.
# A sub-checker that dies before its COUNTS line counts as one failure.
tally() {
  local line p f seen=0
  while IFS= read -r line; do
    case "$line" in
      "COUNTS "*) read -r _ p f <<<"$line"; PASSED=$((PASSED + p)); FAILED=$((FAILED + f)); seen=1 ;;
      *) echo "$line" ;;
    esac
  done
  [ "$seen" -eq 1 ] || fail "$1 stopped before reporting its counts"
}

echo "== tools"
mkdir -p "$CACHE" || die "cannot create $CACHE"
if [ ! -x "$CACHE/venv/bin/python" ]; then
  python3 -m venv "$CACHE/venv" || die "python3 -m venv failed"
fi
"$CACHE/venv/bin/python" -m pip install -q --disable-pip-version-check -r "$HERE/check/requirements.txt" \
  || die "pip install jsonschema failed"
(cd "$HERE" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || die "npm ci failed in schemas/"
PY="$CACHE/venv/bin/python"
echo "  python-jsonschema $("$PY" -c 'import importlib.metadata as m; print(m.version("jsonschema"))'), ajv $(node -p 'require("'"$HERE"'/node_modules/ajv/package.json").version'), typescript $(node -p 'require("'"$HERE"'/node_modules/typescript/package.json").version')"

echo "== build"
(cd "$ROOT" && cargo build -q -p kyoten-schemas --bins) || die "cargo build failed"
TARGET_DIR="${CARGO_TARGET_DIR:-target}"
case "$TARGET_DIR" in /*) ;; *) TARGET_DIR="$ROOT/$TARGET_DIR" ;; esac
KYOTEN="$TARGET_DIR/debug/kyoten"
GEN="$TARGET_DIR/debug/kyoten-gen"

echo "== fresh"
if "$GEN" check; then ok "generated files are fresh"; else fail "generated files are stale"; fi

echo "== reports of the examples (written by the library, checked against the report schemas)"
REPORTS="$(mktemp -d)"
trap 'rm -rf "$REPORTS"' EXIT
shopt -s nullglob
# examples/*.json must give reports without errors; examples/failing/*.json (documents
# meant to trip rules) must give reports with errors. Both reports are kept for the
# report-schema checks below.
for ex in "$HERE"/examples/*.json "$HERE"/examples/failing/*.json; do
  base="$(basename "$ex")"; stem="${base%%.*}"
  case "$ex" in */failing/*) want=1; label="failing/$base" ;; *) want=0; label="$base" ;; esac
  ops=$(node -e '
      const idx = require(process.argv[1]);
      for (const o of idx.operations) if (o.input_schema === process.argv[2] + ".schema.json") console.log(o.name);
    ' "$HERE/index.json" "$stem")
  [ -n "$ops" ] || fail "examples/$label: no operation takes $stem"
  for op in $ops; do
    "$KYOTEN" run "$op" "$ex" >"$REPORTS/${op}__${want}_${base}"
    rc=$?
    if [ "$rc" -eq "$want" ]; then
      if [ "$want" -eq 0 ]; then ok "rust $op accepts examples/$label"; else ok "rust $op rejects examples/$label"; fi
    else
      if [ "$want" -eq 0 ]; then fail "rust $op finds errors in examples/$label"; else fail "rust $op: examples/$label exit $rc, expected 1"; fi
    fi
  done
done

echo "== python-jsonschema"
tally python-jsonschema < <("$PY" "$HERE/check/check.py" schemas "$ROOT" "$REPORTS" 2>&1)

echo "== ajv"
tally ajv < <(node "$HERE/check/check.mjs" "$ROOT" "$REPORTS" 2>&1)

echo "== rust rejects every invalid document"
invalid=("$HERE"/examples/invalid/*.json)
if [ ${#invalid[@]} -eq 0 ]; then
  fail "no invalid documents in schemas/examples/invalid/"
else
  "$KYOTEN" check --json "${invalid[@]}" >"$REPORTS/invalid.out"
  tally rust-rejects < <("$PY" "$HERE/check/check.py" rust-rejects "$REPORTS/invalid.out" 2>&1)
fi

echo "== known core bugs (schemas reject; listed here until the Rust validator rejects too)"
for f in "$HERE"/examples/known-bugs/*.json; do
  if "$KYOTEN" check --json "$f" >/dev/null 2>&1; then
    echo "  KNOWN BUG  rust accepts known-bugs/$(basename "$f")"
  else
    echo "  FIXED      rust now rejects known-bugs/$(basename "$f"): move it to examples/invalid/"
  fi
done

echo "== typescript"
if (cd "$HERE" && node_modules/.bin/tsc --noEmit --strict "$ROOT/wasm/js/kyoten-types.d.ts" check/types-test.ts); then
  ok "tsc --noEmit --strict wasm/js/kyoten-types.d.ts"
else
  fail "tsc --noEmit --strict wasm/js/kyoten-types.d.ts"
fi

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
