#!/usr/bin/env bash
# Builds the npm-ready package folder wasm/pkg/ from the kyoten-wasm crate:
#   pkg/package.json, pkg/index.js (browser ES module), pkg/node.js (node), pkg/api.js,
#   pkg/*.d.ts, pkg/web/ (wasm-bindgen --target web), pkg/node/ (--target nodejs),
#   pkg/demo/ (the form demo), pkg/README.md, pkg/kyoten-hub.html (the hub tool: one file
#   with the module inside, wasm/hub/).
# Usage: bash wasm/build.sh   (from any directory)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
pkg="$here/pkg"
cd "$root"

# 1. The wasm32 target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "build.sh: adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. The wasm-bindgen CLI, exactly the version of the wasm-bindgen crate in Cargo.lock.
want="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
if [ -z "$want" ]; then
  echo "build.sh: wasm-bindgen not found in Cargo.lock" >&2
  exit 1
fi
have="$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)"
if [ "$have" != "$want" ]; then
  echo "build.sh: installing wasm-bindgen-cli $want (found '${have:-none}'); this takes a few minutes"
  # No --locked: it fails for 0.2.130 (see shared/TOOLCHAIN.md).
  cargo install wasm-bindgen-cli --version "$want"
fi
echo "build.sh: wasm-bindgen $want (matches Cargo.lock)"

# 3. The size-optimised module.
cargo build -p kyoten-wasm --target wasm32-unknown-unknown --profile wasm-release
wasm="${CARGO_TARGET_DIR:-$root/target}/wasm32-unknown-unknown/wasm-release/kyoten_wasm.wasm"

# 4. JS glue for the browser and for node, into an emptied folder.
rm -rf "$pkg"
mkdir -p "$pkg"
flags=(--remove-name-section --remove-producers-section --out-name kyoten_wasm)
wasm-bindgen --target web "${flags[@]}" --out-dir "$pkg/web" "$wasm"
wasm-bindgen --target nodejs "${flags[@]}" --out-dir "$pkg/node" "$wasm"
# The nodejs glue is CommonJS; the package root is "type": "module".
printf '{ "type": "commonjs" }\n' > "$pkg/node/package.json"

# 5. The hand-written wrappers, types, demo and README.
cp "$here"/js/*.js "$here"/js/*.d.ts "$pkg/"
if [ ! -f "$pkg/kyoten-types.d.ts" ]; then
  echo "build.sh: warning: wasm/js/kyoten-types.d.ts is missing (written by the schema generator); the package's types are incomplete" >&2
fi
cp -r "$here/demo" "$pkg/demo"
rm -f "$pkg/demo/screenshot.png"
cp "$here/README.md" "$pkg/README.md"
version="$(awk '/^\[workspace.package\]/ { f = 1 } f && /^version = / { gsub(/version = |"/, ""); print; exit }' Cargo.toml)"
cat > "$pkg/package.json" <<JSON
{
  "name": "@kyoten/wasm",
  "version": "$version",
  "description": "kyoten (小児等在宅医療連携拠点): the same rules and Japanese messages as the hospital side, in the browser",
  "license": "MIT OR Apache-2.0",
  "type": "module",
  "main": "./node.js",
  "module": "./index.js",
  "types": "./index.d.ts",
  "exports": {
    ".": {
      "node": { "types": "./node.d.ts", "default": "./node.js" },
      "default": { "types": "./index.d.ts", "default": "./index.js" }
    },
    "./web/kyoten_wasm_bg.wasm": "./web/kyoten_wasm_bg.wasm"
  },
  "files": ["*.js", "*.d.ts", "web/", "node/", "README.md"],
  "sideEffects": false
}
JSON

# 6. The hub tool: one HTML file with the module inside, for double-click use (file://).
node "$here/hub/build-hub.mjs"

# 7. Size.
raw_size=$(wc -c < "$pkg/web/kyoten_wasm_bg.wasm")
gz_size=$(gzip -9 -c "$pkg/web/kyoten_wasm_bg.wasm" | wc -c)
echo "build.sh: built $pkg"
echo "build.sh: kyoten_wasm_bg.wasm: $raw_size bytes, $gz_size bytes gzipped (gzip -9)"
