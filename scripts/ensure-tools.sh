#!/usr/bin/env bash
# Installs what a fresh machine lacks for the full test run. Idempotent: each step is
# skipped when its tool is already there. Needs root for apt-get (CI and dev machines are).
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
# Japanese text in the chart screenshot (scripts/chart-render.sh).
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need_apt+=(fonts-noto-cjk)
command -v clang >/dev/null 2>&1 || need_apt+=(clang)
command -v valgrind >/dev/null 2>&1 || need_apt+=(valgrind)
command -v g++ >/dev/null 2>&1 || need_apt+=(g++)
command -v cmake >/dev/null 2>&1 || need_apt+=(cmake)
command -v pkg-config >/dev/null 2>&1 || need_apt+=(pkg-config)
python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || need_apt+=(python3-venv)
# The emergency sheet's print checks (scripts/test-sheet.sh): poppler and two Japanese
# font families.
command -v pdfinfo >/dev/null 2>&1 || need_apt+=(poppler-utils)
[ -n "$(fc-list 'Noto Sans CJK JP' family 2>/dev/null)" ] || need_apt+=(fonts-noto-cjk)
[ -n "$(fc-list 'IPAGothic' family 2>/dev/null)" ] || need_apt+=(fonts-ipafont-gothic)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "ensure-tools: apt-get install ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "ensure-tools: rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

want=$(cargo pkgid -p wasm-bindgen 2>/dev/null | sed 's/.*@//')
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ -n "$want" ] && [ "$want" != "$have" ]; then
  echo "ensure-tools: cargo install wasm-bindgen-cli $want (have: ${have:-none})"
  # --locked fails for this version (TOOLCHAIN.md); the version itself is pinned.
  cargo install wasm-bindgen-cli --version "$want"
fi
echo "ensure-tools: ok"
