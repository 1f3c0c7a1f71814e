#!/usr/bin/env bash
# Installs the kyoten C library, header, pkg-config file and CMake package config.
#
#   bash ffi/install.sh PREFIX            builds a release library, installs into PREFIX
#   bash ffi/install.sh PREFIX --debug    the same with a debug build
#   bash ffi/install.sh PREFIX --from DIR installs the libkyoten.{a,so} already in DIR
#
# Layout: PREFIX/include/kyoten.h, PREFIX/lib/libkyoten.{a,so},
# PREFIX/lib/pkgconfig/kyoten.pc, PREFIX/lib/cmake/kyoten/kyotenConfig{,Version}.cmake.
# Linux (ELF) only for now.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PREFIX=""
PROFILE=release
FROM=""
while [ $# -gt 0 ]; do
  case "$1" in
    --debug) PROFILE=debug ;;
    --from) FROM=${2:?--from needs a directory}; shift ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) PREFIX=$1 ;;
  esac
  shift
done
[ -n "$PREFIX" ] || { echo "usage: install.sh PREFIX [--debug | --from DIR]" >&2; exit 2; }
mkdir -p "$PREFIX"
PREFIX=$(cd "$PREFIX" && pwd)

cd "$ROOT"
if [ -z "$FROM" ]; then
  if [ "$PROFILE" = release ]; then
    cargo build -p kyoten-ffi --release
  else
    cargo build -p kyoten-ffi
  fi
  TARGET=$(cargo metadata --format-version 1 --no-deps | grep -o '"target_directory":"[^"]*"' | cut -d'"' -f4)
  FROM="$TARGET/$PROFILE"
fi
VERSION=$(cargo pkgid -p kyoten-ffi | sed 's/.*[#@]//')
# What `cargo rustc -p kyoten-ffi --crate-type staticlib -- --print native-static-libs`
# prints on Linux: the system libraries a static link needs.
LIBS_PRIVATE="-lgcc_s -lutil -lrt -lpthread -lm -ldl -lc"

install -d "$PREFIX/include" "$PREFIX/lib/pkgconfig" "$PREFIX/lib/cmake/kyoten"
install -m 644 ffi/include/kyoten.h "$PREFIX/include/kyoten.h"
install -m 644 "$FROM/libkyoten.a" "$PREFIX/lib/libkyoten.a"
install -m 755 "$FROM/libkyoten.so" "$PREFIX/lib/libkyoten.so"
subst() {
  sed -e "s|@PREFIX@|$PREFIX|g" -e "s|@VERSION@|$VERSION|g" -e "s|@LIBS_PRIVATE@|$LIBS_PRIVATE|g" "$1" > "$2"
}
subst ffi/kyoten.pc.in "$PREFIX/lib/pkgconfig/kyoten.pc"
subst ffi/cmake/kyotenConfig.cmake.in "$PREFIX/lib/cmake/kyoten/kyotenConfig.cmake"
subst ffi/cmake/kyotenConfigVersion.cmake.in "$PREFIX/lib/cmake/kyoten/kyotenConfigVersion.cmake"
echo "installed kyoten $VERSION into $PREFIX"
