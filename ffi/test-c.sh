#!/usr/bin/env bash
# Tests the kyoten C ABI from C, for real. CI runs exactly: bash ffi/test-c.sh
#
# 1. builds the library with cargo (debug, with the `testing` feature that adds the
#    export kyoten_testing_panic used to check KYOTEN_STATUS_INTERNAL);
# 2. compiles the C tests (ffi/tests/c/test_kyoten.c) and the example
#    (ffi/examples/validate.c) with gcc and clang, -std=c99 -Wall -Wextra -Werror
#    -pedantic, linked static and shared; the header as C++17 with g++ (and clang++);
# 3. runs every build, then the tests under valgrind (zero leaks, zero errors) and once
#    more built with -fsanitize=address,undefined against the static library;
# 4. installs into a scratch prefix and builds the example through pkg-config and
#    through CMake's find_package(kyoten).
#
# Works from any directory; exits non-zero on any failure. Closing line:
# "N passed, M failed", counting the C test cases of every run plus each build, link,
# example and packaging check.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT" || exit 1
WORK=$(mktemp -d "${TMPDIR:-/tmp}/kyoten-c.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

PASSED=0
FAILED=0
FAILURES=()

pass() { PASSED=$((PASSED + 1)); echo "ok   $1"; }
fail() {
  FAILED=$((FAILED + 1))
  FAILURES+=("$1")
  echo "FAIL $1"
}
loud() {
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
  echo "!!! $*"
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
}
finish() {
  echo
  if [ "$FAILED" -ne 0 ]; then
    echo "failures:"
    printf '  %s\n' "${FAILURES[@]}"
  fi
  echo "$PASSED passed, $FAILED failed"
  [ "$FAILED" -eq 0 ]
  exit $?
}

# check NAME COMMAND...: one check; its output is shown only when it fails.
check() {
  local name=$1
  shift
  local log="$WORK/log.$PASSED.$FAILED"
  if "$@" >"$log" 2>&1; then
    pass "$name"
  else
    tail -n 40 "$log"
    fail "$name"
  fi
}

# ctests NAME COMMAND...: runs the C test program; adds its cases to the totals.
ctests() {
  local name=$1
  shift
  local log="$WORK/ctest.$PASSED.$FAILED"
  local rc=0
  RUST_BACKTRACE=0 "$@" "$ROOT/schemas/examples" "$ROOT/core/tests/fuzz-crashers" >"$log" 2>&1 || rc=$?
  local line
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1)
  if [ -z "$line" ]; then
    tail -n 60 "$log"
    fail "$name: no result line (exit $rc)"
    return
  fi
  local p f
  p=$(echo "$line" | cut -d' ' -f1)
  f=$(echo "$line" | cut -d' ' -f3)
  PASSED=$((PASSED + p))
  FAILED=$((FAILED + f))
  if [ "$rc" -ne 0 ] || [ "$f" -ne 0 ]; then
    grep -vE '^ok ' "$log" | tail -n 80
    FAILURES+=("$name: $line, exit $rc")
    echo "FAIL $name: $line (exit $rc)"
    if [ "$f" -eq 0 ]; then FAILED=$((FAILED + 1)); fi
  else
    echo "ok   $name: $line"
  fi
}

# ---------------------------------------------------------------------------- build
echo "== building the library (cargo build -p kyoten-ffi --features testing)"
if ! cargo build -p kyoten-ffi --features testing; then
  fail "cargo build -p kyoten-ffi"
  finish
fi
TARGET=$(cargo metadata --format-version 1 --no-deps | grep -o '"target_directory":"[^"]*"' | cut -d'"' -f4)
LIB="$TARGET/debug"
for f in libkyoten.a libkyoten.so; do
  [ -f "$LIB/$f" ] || { fail "missing $LIB/$f"; finish; }
done

INC="-I$ROOT/ffi/include"
CSTD=(-std=c99 -Wall -Wextra -Werror -pedantic -g)
# The system libraries the Rust standard library needs in a static link (Linux).
SYSLIBS=(-lpthread -ldl -lm -lrt -lutil)
TEST_SRC="$ROOT/ffi/tests/c/test_kyoten.c"
EXAMPLE_SRC="$ROOT/ffi/examples/validate.c"

COMPILERS=(gcc)
if command -v clang >/dev/null 2>&1; then
  COMPILERS+=(clang)
else
  loud "clang is not installed: SKIPPING every clang build (apt-get install -y clang; CI has it)"
fi

echo "== compiling (${COMPILERS[*]}; static and shared)"
for cc in "${COMPILERS[@]}"; do
  check "$cc: tests, static" "$cc" "${CSTD[@]}" $INC -DKYOTEN_TESTING "$TEST_SRC" \
    "$LIB/libkyoten.a" "${SYSLIBS[@]}" -o "$WORK/test-$cc-static"
  check "$cc: tests, shared" "$cc" "${CSTD[@]}" $INC -DKYOTEN_TESTING "$TEST_SRC" \
    -L"$LIB" -lkyoten -lpthread -Wl,-rpath,"$LIB" -o "$WORK/test-$cc-shared"
  check "$cc: example, static" "$cc" "${CSTD[@]}" $INC "$EXAMPLE_SRC" \
    "$LIB/libkyoten.a" "${SYSLIBS[@]}" -o "$WORK/validate-$cc-static"
  check "$cc: example, shared" "$cc" "${CSTD[@]}" $INC "$EXAMPLE_SRC" \
    -L"$LIB" -lkyoten -Wl,-rpath,"$LIB" -o "$WORK/validate-$cc-shared"
  check "$cc: tests, -fsanitize=address,undefined, static" "$cc" "${CSTD[@]}" $INC \
    -DKYOTEN_TESTING -fsanitize=address,undefined -fno-sanitize-recover=all \
    -fno-omit-frame-pointer "$TEST_SRC" "$LIB/libkyoten.a" "${SYSLIBS[@]}" \
    -o "$WORK/test-$cc-asan"
done
CXXS=(g++)
if command -v clang++ >/dev/null 2>&1; then CXXS+=(clang++); fi
for cxx in "${CXXS[@]}"; do
  check "$cxx: header as C++17" "$cxx" -std=c++17 -Wall -Wextra -Werror -pedantic $INC \
    "$ROOT/ffi/tests/c/header_cpp.cpp" "$LIB/libkyoten.a" "${SYSLIBS[@]}" -o "$WORK/header-$cxx"
  if [ -x "$WORK/header-$cxx" ]; then check "$cxx: C++17 program runs" "$WORK/header-$cxx"; fi
done

# ---------------------------------------------------------------------------- symbols
echo "== exported symbols"
# The shared library exports exactly the functions the header declares (plus the
# test-only kyoten_testing_panic of the `testing` feature), and nothing else.
symbols_match() {
  local exported declared
  exported=$(nm -D --defined-only "$LIB/libkyoten.so" | awk '$2 == "T" || $2 == "D" || $2 == "B" {print $3}' |
    grep -vx 'kyoten_testing_panic' | sort)
  declared=$(grep -E '^[^ /*#].*kyoten_[a-z0-9_]+\(' "$ROOT/ffi/include/kyoten.h" |
    grep -oE 'kyoten_[a-z0-9_]+\(' | tr -d '(' | sort -u)
  if [ -z "$declared" ] || [ "$exported" != "$declared" ]; then
    echo "declared in kyoten.h | exported by libkyoten.so"
    diff <(echo "$declared") <(echo "$exported")
    return 1
  fi
}
if command -v nm >/dev/null 2>&1; then
  check "libkyoten.so exports exactly the header's functions" symbols_match
else
  loud "nm is not installed: SKIPPING the exported-symbol check"
fi

# ---------------------------------------------------------------------------- run
echo "== running the C tests"
for cc in "${COMPILERS[@]}"; do
  for kind in static shared; do
    if [ -x "$WORK/test-$cc-$kind" ]; then ctests "$cc, $kind" "$WORK/test-$cc-$kind"; fi
  done
done

echo "== valgrind"
VALGRIND=(valgrind -q --leak-check=full --errors-for-leak-kinds=all --error-exitcode=99)
# Under valgrind (~50x slower) the hostile-input rows that make the library parse
# megabytes (10 MB string, million-element array) are left to the plain and ASan runs.
export KYOTEN_HOSTILE_MAX_PARSE=1048576
# One valgrind run, on the shared library an integrator loads (the static builds run
# under ASan/UBSan below): the suite is the slowest of ./test-all and CI has 30 minutes.
if command -v valgrind >/dev/null 2>&1; then
  last=${COMPILERS[${#COMPILERS[@]}-1]}
  if [ -x "$WORK/test-$last-shared" ]; then
    ctests "valgrind, $last, shared" "${VALGRIND[@]}" "$WORK/test-$last-shared"
  fi
else
  fail "valgrind is not installed (apt-get install -y valgrind)"
fi
unset KYOTEN_HOSTILE_MAX_PARSE

echo "== AddressSanitizer + UndefinedBehaviorSanitizer"
for cc in "${COMPILERS[@]}"; do
  if [ -x "$WORK/test-$cc-asan" ]; then
    ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:abort_on_error=0 \
      UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      ctests "asan+ubsan, $cc, static" "$WORK/test-$cc-asan"
  fi
done

# ---------------------------------------------------------------------------- example
echo "== example program"
printf '{}' >"$WORK/query.json"
printf '{"patient":1}' >"$WORK/wrong.json"
expect_exit() { # expect_exit CODE COMMAND...
  local want=$1
  shift
  local got=0
  "$@" >"$WORK/example.out" 2>&1 || got=$?
  if [ "$got" -ne "$want" ]; then
    cat "$WORK/example.out"
    echo "exit $got, expected $want"
    return 1
  fi
}
for cc in "${COMPILERS[@]}"; do
  for kind in static shared; do
    exe="$WORK/validate-$cc-$kind"
    [ -x "$exe" ] || continue
    check "example ($cc, $kind): valid document exits 0" expect_exit 0 "$exe" tasks.list "$WORK/query.json"
  done
done
if [ -x "$WORK/validate-gcc-shared" ]; then
  exe="$WORK/validate-gcc-shared"
  check "example: wrong shape exits 2" expect_exit 2 "$exe" tasks.list "$WORK/wrong.json"
  check "example: unknown operation exits 2" expect_exit 2 "$exe" no.such "$WORK/query.json"
  check "example: missing file exits 3" expect_exit 3 "$exe" tasks.list "$WORK/none.json"
  check "example: --list exits 0" expect_exit 0 "$exe" --list
  check "example: under valgrind" expect_exit 0 "${VALGRIND[@]}" "$exe" tasks.list "$WORK/query.json"
  check "example: under valgrind, wrong shape" expect_exit 2 "${VALGRIND[@]}" "$exe" tasks.list "$WORK/wrong.json"
fi

# ---------------------------------------------------------------------------- packaging
echo "== packaging (install.sh, pkg-config, CMake)"
PREFIX="$WORK/prefix"
check "install.sh into a scratch prefix" bash "$ROOT/ffi/install.sh" "$PREFIX" --from "$LIB"
export PKG_CONFIG_PATH="$PREFIX/lib/pkgconfig"
if command -v pkg-config >/dev/null 2>&1; then
  check "pkg-config knows kyoten" pkg-config --exists kyoten
  # shellcheck disable=SC2046
  check "pkg-config: build the example" gcc "${CSTD[@]}" "$EXAMPLE_SRC" \
    $(pkg-config --cflags kyoten) $(pkg-config --libs kyoten) -Wl,-rpath,"$PREFIX/lib" \
    -o "$WORK/validate-pc"
  check "pkg-config: example runs" expect_exit 0 "$WORK/validate-pc" tasks.list "$WORK/query.json"
else
  loud "pkg-config is not installed: SKIPPING the pkg-config check"
fi
if command -v cmake >/dev/null 2>&1; then
  check "cmake: find_package(kyoten) configures" cmake -S "$ROOT/ffi/tests/cmake" \
    -B "$WORK/cmake-build" -DCMAKE_PREFIX_PATH="$PREFIX" \
    -DCMAKE_C_FLAGS="-Wall -Wextra -Werror -pedantic"
  check "cmake: builds against kyoten::kyoten and kyoten::kyoten_static" \
    cmake --build "$WORK/cmake-build"
  check "cmake: shared example runs" expect_exit 0 env LD_LIBRARY_PATH="$PREFIX/lib" \
    "$WORK/cmake-build/validate_shared" tasks.list "$WORK/query.json"
  check "cmake: static example runs" expect_exit 0 "$WORK/cmake-build/validate_static" \
    tasks.list "$WORK/query.json"
else
  loud "cmake is not installed: SKIPPING the find_package(kyoten) check (apt-get install -y cmake)"
fi

finish
