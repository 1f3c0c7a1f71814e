#!/usr/bin/env bash
# Builds the release folders for people without Rust:
#
#   dist/kyoten-<version>-x86_64-unknown-linux-gnu/   bin/kyoten, lib/libkyoten.so, lib/libkyoten.a
#   dist/kyoten-<version>-x86_64-pc-windows-gnu/      bin/kyoten.exe, lib/kyoten.dll,
#                                                     lib/kyoten.def, lib/libkyoten.dll.a, lib/libkyoten.a
#   dist/kyoten-<version>-i686-pc-windows-gnu/        the same, 32-bit (when the toolchain allows)
#
# each with include/kyoten.h, examples/ (the C example and the example documents) and
# README.txt for analysts. Windows builds are cross-built with Debian's mingw-w64 and link
# the C runtime and libgcc statically: the DLL and the EXE need no MinGW DLL beside them
# (checked here with objdump: only Windows system DLLs may be imported).
#
#   bash scripts/package.sh            all targets (PACKAGE_TARGETS="…" for some)
#   bash scripts/package.sh --check    then scripts/check-windows.sh (wine) on the result
#
# Not part of ./test-all (a release build of three targets takes minutes on 2 cores).
# Needs root for apt-get on a fresh machine. Exit status non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

export DEBIAN_FRONTEND=noninteractive
need=()
command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 || need+=(gcc-mingw-w64-x86-64)
command -v i686-w64-mingw32-gcc >/dev/null 2>&1 || need+=(gcc-mingw-w64-i686)
if [ ${#need[@]} -gt 0 ]; then
  echo "package: apt-get install ${need[*]}"
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi
for t in x86_64-pc-windows-gnu i686-pc-windows-gnu; do
  rustup target list --installed | grep -qx "$t" || rustup target add "$t"
done

VERSION=$(cargo pkgid -p kyoten-core | sed 's/.*[@#]//')
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
DIST=$ROOT/dist
mkdir -p "$DIST"

export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc
export CARGO_TARGET_I686_PC_WINDOWS_GNU_LINKER=i686-w64-mingw32-gcc
# Static C runtime and libgcc: no libgcc_s_*.dll / libwinpthread-1.dll to ship.
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUSTFLAGS="-C target-feature=+crt-static -C link-arg=-static-libgcc"
export CARGO_TARGET_I686_PC_WINDOWS_GNU_RUSTFLAGS="-C target-feature=+crt-static -C link-arg=-static-libgcc"

# Windows system DLLs an executable may import (everything else would have to be shipped).
SYSTEM_DLLS='^(kernel32|ntdll|msvcrt|advapi32|ws2_32|userenv|bcrypt|bcryptprimitives|user32|shell32|ole32|oleaut32|api-ms-win-[a-z0-9-]+)\.dll$'

readme() {
  local target=$1 exe=$2 s=/
  # cmd.exe needs backslashes in the program's path.
  [ -n "$exe" ] && s='\'
  cat <<EOF
kyoten ${VERSION} (${target})
小児等在宅医療連携拠点の文書を検査・集計するツール / checks and totals pediatric home-care hub documents

このフォルダの中身 / What is here
  bin${s}kyoten${exe}     コマンド（Rust は不要） / the command-line tool (no Rust needed)
  lib/                 C ライブラリ / the C library
  include/kyoten.h     C ヘッダ / C header
  examples/            文書の例と C の例 / example documents and the C example

使い方 / Usage (コマンドプロンプトまたはターミナルで / in a command prompt or terminal)
  bin${s}kyoten${exe} check examples${s}plan.odawara-fy2017.json
      文書を検査し、結果（集計・表）と指摘を表示 / check a document, print its results and findings
  bin${s}kyoten${exe} check examples
      フォルダ内のすべての文書 / every document in a folder
  bin${s}kyoten${exe} check --csv out examples
      表を CSV（UTF-8 BOM 付き、Excel で開けます）に書き出す / write tables as CSV for Excel
  bin${s}kyoten${exe} check --xlsx results.xlsx examples
      表を Excel ファイルに（表ごとに一枚のシート） / write tables to one .xlsx, a sheet per table
  bin${s}kyoten${exe} render examples${s}chart-request.odawara-fy2017.json --out chart.svg
      スケジュール図を書き出す（ブラウザで開いて印刷） / write the schedule chart (open it in a browser)
  bin${s}kyoten${exe} import-csv consultation-log examples${s}consultation-log.hinatabokko-fy2012.csv --out log.json
  bin${s}kyoten${exe} check --xlsx tables.xlsx log.json
      Excel の相談記録（CSV、CP932 でも UTF-8 でも）を文書にして集計する（研修記録は training-log）
      / a consultation log saved from Excel as CSV, made a document and totalled (training-log likewise)
  bin${s}kyoten${exe} help
      すべてのコマンド / every command

文書の型はファイルの "\$schema" かファイル名（plan.xxx.json → plan）で決まります。
A document's type comes from its "\$schema" key or its file name (plan.xxx.json → plan).
EOF
  if [ -n "$exe" ]; then
    cat <<'EOF'

Windows の C ライブラリ / The C library on Windows
  lib/kyoten.dll       実行時に必要な唯一の DLL（MinGW の DLL は不要） / the only DLL to ship
  lib/libkyoten.dll.a  MinGW 用インポートライブラリ / import library for MinGW (gcc -Llib -lkyoten)
  lib/kyoten.def       MSVC 用: lib /def:kyoten.def /machine:x64 /out:kyoten.lib
  lib/libkyoten.a      静的ライブラリ（MinGW 用） / static library (MinGW only)
EOF
  fi
}

package() {
  local target=$1 exe=$2
  echo "package: cargo build --release --target $target"
  cargo build --release --locked --target "$target" -p kyoten-schemas --bin kyoten
  cargo build --release --locked --target "$target" -p kyoten-ffi --lib
  local out=$TARGET_DIR/$target/release
  local dir=$DIST/kyoten-$VERSION-$target
  rm -rf "$dir"
  mkdir -p "$dir/bin" "$dir/lib" "$dir/include" "$dir/examples"
  cp "$out/kyoten$exe" "$dir/bin/"
  cp "$ROOT/ffi/include/kyoten.h" "$dir/include/"
  cp "$ROOT/ffi/examples/validate.c" "$dir/examples/"
  cp "$ROOT"/schemas/examples/*.json "$ROOT"/schemas/examples/*.csv "$dir/examples/"
  if [ -n "$exe" ]; then
    cp "$out/kyoten.dll" "$out/libkyoten.a" "$dir/lib/"
    cp "$out/kyoten.dll.a" "$dir/lib/libkyoten.dll.a" 2>/dev/null || cp "$out/libkyoten.dll.a" "$dir/lib/"
    # .def for MSVC's lib /def: every function the header declares, each checked against
    # the DLL's export table.
    local objdump=${target%%-*}
    [ "$objdump" = i686 ] && objdump=i686-w64-mingw32-objdump || objdump=x86_64-w64-mingw32-objdump
    local exports
    exports=$($objdump -p "$dir/lib/kyoten.dll" | awk '/\[Ordinal\/Name Pointer\] Table/{t=1;next} t&&NF==0{t=0} t{print $NF}')
    {
      echo "LIBRARY kyoten.dll"
      echo "EXPORTS"
      for f in $(grep -o '\bkyoten_[a-z0-9_]*(' "$ROOT/ffi/include/kyoten.h" | tr -d '(' | sort -u); do
        if ! grep -qx "$f" <<<"$exports"; then
          echo "package: $f is in the header but not exported by kyoten.dll" >&2
          exit 1
        fi
        echo "    $f"
      done
    } >"$dir/lib/kyoten.def"
    for f in "$dir/bin/kyoten.exe" "$dir/lib/kyoten.dll"; do
      local dlls
      dlls=$($objdump -p "$f" | awk '/DLL Name:/{print tolower($3)}')
      echo "package: $(basename "$f") imports: $(echo $dlls)"
      if grep -vE "$SYSTEM_DLLS" <<<"$dlls" | grep -q .; then
        echo "package: $(basename "$f") needs a DLL that Windows does not have: $(grep -vE "$SYSTEM_DLLS" <<<"$dlls" | tr '\n' ' ')" >&2
        exit 1
      fi
    done
  else
    cp "$out/libkyoten.so" "$out/libkyoten.a" "$dir/lib/"
  fi
  readme "$target" "$exe" >"$dir/README.txt"
  echo "package: $dir"
}

# PACKAGE_TARGETS chooses (default: all three); the 32-bit build may fail without harm.
for target in ${PACKAGE_TARGETS:-x86_64-unknown-linux-gnu x86_64-pc-windows-gnu i686-pc-windows-gnu}; do
  case $target in
    *-linux-*) exe="" ;;
    *) exe=".exe" ;;
  esac
  set +e
  (set -e; package "$target" "$exe")
  rc=$?
  set -e
  if [ "$rc" -ne 0 ]; then
    if [ "$target" = i686-pc-windows-gnu ]; then
      echo "package: the 32-bit Windows build failed (see above); the 64-bit builds are complete" >&2
      rm -rf "$DIST/kyoten-$VERSION-$target"
    else
      echo "package: $target failed" >&2
      exit 1
    fi
  fi
done

if [ "${1:-}" = "--check" ]; then
  bash "$ROOT/scripts/check-windows.sh"
fi
