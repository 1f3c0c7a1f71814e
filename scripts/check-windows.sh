#!/usr/bin/env bash
# Checks the Windows release folder under wine against the Linux one (after
# scripts/package.sh):
#
# 1. on every example (valid, invalid and failing), `kyoten check` in Japanese, in English
#    and with --json, and `kyoten run OPERATION` for every operation taking it: the Windows
#    CLI's output and exit status are byte-identical to the Linux CLI's;
# 2. `check --csv` of all examples: the same CSV files, byte for byte; `render` of the
#    chart: the same SVG; NDJSON on standard input: the same report; `import-csv` of the
#    CSV logs (UTF-8 with BOM, CP932) and `combine-meetings`: the same documents;
# 3. the C example (ffi/examples/validate.c), cross-compiled with mingw-w64 against
#    kyoten.dll, once through the import library and once through an import library made
#    from kyoten.def (what MSVC's `lib /def:` does), prints the same reports as on Linux
#    (apart from the CR that C's text-mode stdout adds on Windows).
#
#   bash scripts/check-windows.sh [--sample N]     N examples only (default: all)
#
# Not part of ./test-all: wine starts slowly (about a second per run). Exit non-zero on
# any difference. Closing line: "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SAMPLE=0
[ "${1:-}" = "--sample" ] && SAMPLE=${2:-5}

VERSION=$(cargo pkgid -p kyoten-core | sed 's/.*[@#]//')
LIN=$ROOT/dist/kyoten-$VERSION-x86_64-unknown-linux-gnu
WIN=$ROOT/dist/kyoten-$VERSION-x86_64-pc-windows-gnu
for d in "$LIN" "$WIN"; do
  [ -d "$d" ] || { echo "check-windows: $d is missing: run scripts/package.sh first" >&2; exit 1; }
done
if ! command -v wine >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq wine wine64 >/dev/null
fi
export WINEDEBUG=-all
export WINEPREFIX=${WINEPREFIX:-${XDG_CACHE_HOME:-$HOME/.cache}/kyoten-wine}
[ -d "$WINEPREFIX" ] || wineboot -i >/dev/null 2>&1 || true

WORK=$(mktemp -d "${TMPDIR:-/tmp}/kyoten-win.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
# Run copies of the programs, with kyoten.dll, and — when this wine lacks it (Wine 8 does)
# — a stand-in bcryptprimitives.dll (scripts/wine/bcryptprimitives.c; Windows 10 and 11
# have the real one, so it is never shipped).
mkdir -p "$WORK/win"
cp "$WIN/bin/kyoten.exe" "$WIN/lib/kyoten.dll" "$WORK/win/"
if [ ! -f "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" ]; then
  x86_64-w64-mingw32-gcc -shared -O2 -o "$WORK/win/bcryptprimitives.dll" \
    scripts/wine/bcryptprimitives.c -ladvapi32
  echo "check-windows: this wine has no bcryptprimitives.dll; using the test stand-in"
fi
EXE=$WORK/win/kyoten.exe
PASSED=0
FAILED=0
pass() { PASSED=$((PASSED + 1)); }
fail() { FAILED=$((FAILED + 1)); echo "FAIL $*"; }

# same NAME ARGS...: runs the Linux and the Windows CLI with ARGS; compares stdout, exit.
same() {
  local name=$1
  shift
  "$LIN/bin/kyoten" "$@" >"$WORK/lin.out" 2>/dev/null
  local lin=$?
  wine "$EXE" "$@" >"$WORK/win.out" 2>/dev/null
  local win=$?
  if [ "$lin" -ne "$win" ]; then
    fail "$name: exit $lin on Linux, $win under wine"
  elif ! cmp -s "$WORK/lin.out" "$WORK/win.out"; then
    fail "$name: output differs"
    diff "$WORK/lin.out" "$WORK/win.out" | head -5
  else
    pass
  fi
}

mapfile -t examples < <(ls schemas/examples/*.json schemas/examples/invalid/*.json schemas/examples/failing/*.json 2>/dev/null)
if [ "$SAMPLE" -gt 0 ]; then
  examples=("${examples[@]:0:$SAMPLE}")
fi
# The input type (schema stem) of every operation, from its input schema's $id.
declare -A stem_of
for op in $("$LIN/bin/kyoten" ops | grep -E '^[a-z_]+\.[a-z_]+$'); do
  "$LIN/bin/kyoten" schema "$op" input >"$WORK/schema.json"
  stem_of[$op]=$(sed -n 's|.*"\$id": ".*/\([a-z-]*\)\.schema\.json".*|\1|p' "$WORK/schema.json")
done
for f in "${examples[@]}"; do
  same "check $f" check "$f"
  same "check --lang en $f" check --lang en "$f"
  same "check --json $f" check --json "$f"
  stem=$(basename "$f" | cut -d. -f1)
  for op in "${!stem_of[@]}"; do
    if [ "${stem_of[$op]}" = "$stem" ]; then
      same "run $op $f" run "$op" "$f"
    fi
  done
done

# CSV tables of every example, byte for byte.
"$LIN/bin/kyoten" check --csv "$WORK/csv-lin" schemas/examples >/dev/null 2>&1
wine "$EXE" check --csv "$WORK/csv-win" schemas/examples >/dev/null 2>&1
if diff -r "$WORK/csv-lin" "$WORK/csv-win" >/dev/null && [ -n "$(ls "$WORK/csv-lin")" ]; then
  pass
else
  fail "check --csv: the CSV files differ"
fi
# The chart.
"$LIN/bin/kyoten" render schemas/examples/chart-request.odawara-fy2017.json --out "$WORK/lin.svg" >/dev/null
wine "$EXE" render schemas/examples/chart-request.odawara-fy2017.json --out "$WORK/win.svg" >/dev/null 2>&1
if cmp -s "$WORK/lin.svg" "$WORK/win.svg"; then pass; else fail "render: the SVG differs"; fi
# NDJSON on standard input.
python3 -c 'import json,sys; [print(json.dumps(json.load(open(f)),ensure_ascii=False)) for f in sys.argv[1:]]' \
  schemas/examples/plan.odawara-fy2017.json schemas/examples/tasks-query.empty.json >"$WORK/in.ndjson"
"$LIN/bin/kyoten" check - <"$WORK/in.ndjson" >"$WORK/lin.out" 2>/dev/null
wine "$EXE" check - <"$WORK/in.ndjson" >"$WORK/win.out" 2>/dev/null
if cmp -s "$WORK/lin.out" "$WORK/win.out"; then pass; else fail "check - (NDJSON): output differs"; fi
# Spreadsheet logs (UTF-8 with BOM, CP932): the same documents from import-csv.
for k in consultation-log training-log; do
  for f in schemas/examples/"$k".*.csv; do
    [ -f "$f" ] || continue
    same "import-csv $k $f" import-csv "$k" "$f"
  done
done
# A plan and its minutes combined into one meetings.progress request.
if "$LIN/bin/kyoten" help | grep -q combine-meetings; then
  same "combine-meetings" combine-meetings schemas/examples/plan.odawara-fy2017-progress.json \
    schemas/examples/meeting.odawara-2017-09-constructed.json
fi

# The C example against the DLL: through libkyoten.dll.a, and through an import library
# made from kyoten.def; both print what the Linux build prints.
cc=x86_64-w64-mingw32-gcc
$cc -std=c99 -Wall -Wextra -Werror -I"$WIN/include" ffi/examples/validate.c \
  -L"$WIN/lib" -lkyoten -o "$WORK/win/validate.exe" || fail "C example: build against libkyoten.dll.a"
x86_64-w64-mingw32-dlltool -d "$WIN/lib/kyoten.def" -D kyoten.dll -l "$WORK/libfromdef.a"
$cc -std=c99 -I"$WIN/include" ffi/examples/validate.c "$WORK/libfromdef.a" \
  -o "$WORK/win/validate-def.exe" || fail "C example: build against the .def import library"
gcc -std=c99 -I"$LIN/include" ffi/examples/validate.c -L"$LIN/lib" -lkyoten \
  -Wl,-rpath,"$LIN/lib" -o "$WORK/validate" || fail "C example: Linux build"
for f in schemas/examples/plan.odawara-fy2017.json schemas/examples/summary-request.epilepsy-walks.json; do
  stem=$(basename "$f" | cut -d. -f1)
  op=$([ "$stem" = plan ] && echo plan.validate || echo summary.validate)
  "$WORK/validate" "$op" "$f" >"$WORK/c-lin.out"
  lin=$?
  for exe in validate.exe validate-def.exe; do
    (cd "$WORK/win" && wine "./$exe" "$op" "$ROOT/$f") >"$WORK/c-win.out" 2>/dev/null
    win=$?
    # The C runtime writes stdout in text mode on Windows (\n → \r\n): compare without CR.
    if [ "$lin" -eq "$win" ] && tr -d '\r' <"$WORK/c-win.out" | cmp -s "$WORK/c-lin.out" - && [ -s "$WORK/c-lin.out" ]; then
      pass
    else
      fail "C example $exe $op $f (exit $lin/$win)"
    fi
  done
done

echo "check-windows: ${#examples[@]} examples; $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
