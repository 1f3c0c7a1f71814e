#!/usr/bin/env bash
# Builds the WASM package and runs its tests: node's test runner over wasm/tests/
# (every operation through both entries, hostile inputs, TypeScript declarations, and the
# form demo in headless Chromium driven by playwright-core). Installs what it needs:
# Chromium (Debian), the wasm32 target and the matching wasm-bindgen CLI (build.sh), and
# the npm dev dependencies (npm ci). Exits non-zero on any failure.
# Usage: bash wasm/test.sh   (from any directory)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "test.sh: installing node and npm (Debian)"
  apt-get update -qq && apt-get install -y -qq nodejs npm
fi
if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "test.sh: installing chromium (Debian)"
  apt-get update -qq && apt-get install -y -qq chromium
fi

# Japanese fonts, so that the demo's screenshot is legible (the test runs without them).
if command -v fc-list >/dev/null 2>&1 && ! fc-list :lang=ja | grep -q .; then
  echo "test.sh: installing fonts-noto-cjk (Debian)"
  { apt-get update -qq && apt-get install -y -qq fonts-noto-cjk; } || echo "test.sh: warning: no Japanese fonts; the screenshot shows boxes" >&2
fi

npm ci --no-audit --no-fund --loglevel=error
bash "$here/build.sh"

# One node process per test file; the summary (tests, pass, fail) is node's own.
node --test --test-reporter=spec tests/*.test.mjs
