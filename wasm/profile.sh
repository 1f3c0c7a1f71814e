#!/usr/bin/env bash
# Profiles the raw WASM call (P3 of issue 19): builds the form or the full module with the
# profile the package uses (`wasm-release` for the form module, `wasm-fast` for the full
# one: wasm/build.sh), keeps the function names (wasm-bindgen without
# --remove-name-section), and runs wasm/profile.mjs on it.
# Usage: bash wasm/profile.sh [form|full] [operation] [calls]   (default: full summary.validate 4000)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"
module="${1:-full}"
features=()
profile=wasm-fast
case "$module" in
  form) features=(--no-default-features --features form); profile=wasm-release ;;
  full) ;;
  *) echo "profile.sh: the module is form or full, not '$module'" >&2; exit 1 ;;
esac
target="${CARGO_TARGET_DIR:-$root/target}"
cargo build -p kyoten-wasm --target wasm32-unknown-unknown --profile "$profile" "${features[@]}"
out="$target/wasm-named/$module"
rm -rf "$out"
wasm-bindgen --target web --remove-producers-section --out-name kyoten_wasm --out-dir "$out" \
  "$target/wasm32-unknown-unknown/$profile/kyoten_wasm.wasm"
node "$here/profile.mjs" "$out" "${2:-summary.validate}" "${3:-4000}"
