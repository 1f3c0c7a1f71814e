#!/usr/bin/env bash
# Builds the npm-ready package folder wasm/pkg/ from the kyoten-wasm crate:
#   pkg/package.json, pkg/index.js (browser ES module), pkg/node.js (node), pkg/api.js,
#   pkg/*.d.ts, pkg/web/ (wasm-bindgen --target web), pkg/node/ (--target nodejs),
#   pkg/form.js + pkg/form/ (the form module: the browser form's operations only),
#   pkg/demo/ (the form demo), pkg/README.md, pkg/kyoten-hub.html (the hub tool: one file
#   with the full module inside, wasm/hub/).
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

# 3. The two modules: the form module, size-optimised (profile `wasm-release`,
#    `--no-default-features --features form`: summary.*, calendar.*, staffing.check,
#    tasks.list; the other groups are left out of the operation table and of the binary),
#    and the full one (every operation), built for speed (profile `wasm-fast`).
target="${CARGO_TARGET_DIR:-$root/target}"
cargo build -p kyoten-wasm --target wasm32-unknown-unknown --profile wasm-release \
  --no-default-features --features form
form_wasm="$target/kyoten_wasm.form.wasm"
cp "$target/wasm32-unknown-unknown/wasm-release/kyoten_wasm.wasm" "$form_wasm"
cargo build -p kyoten-wasm --target wasm32-unknown-unknown --profile wasm-fast
wasm="$target/kyoten_wasm.full.wasm"
cp "$target/wasm32-unknown-unknown/wasm-fast/kyoten_wasm.wasm" "$wasm"

# 4. JS glue for the browser and for node, into an emptied folder.
rm -rf "$pkg"
mkdir -p "$pkg"
flags=(--remove-name-section --remove-producers-section --out-name kyoten_wasm)
wasm-bindgen --target web "${flags[@]}" --out-dir "$pkg/web" "$wasm"
wasm-bindgen --target nodejs "${flags[@]}" --out-dir "$pkg/node" "$wasm"
wasm-bindgen --target web "${flags[@]}" --out-dir "$pkg/form" "$form_wasm"
# The functions of the modules that browsers download in the order that gzips smallest
# (tools/wasm-order: the same functions, renumbered; the tool checks that the result
# validates). The glue finds the exports by name, so it does not change. The form module
# (P6) gets the search and then 100 measured moves (about 5 s); the full one (web/, also
# inlined in the hub tool) only the search (about 5 s; on main it saved 9 %, 74.7 KB).
cargo run -q --release -p wasm-order -- "$pkg/form/kyoten_wasm_bg.wasm" "$pkg/form/kyoten_wasm_bg.wasm"
cargo run -q --release -p wasm-order -- --budget 0 "$pkg/web/kyoten_wasm_bg.wasm" "$pkg/web/kyoten_wasm_bg.wasm"
# The nodejs glue is CommonJS; the package root is "type": "module".
printf '{ "type": "commonjs" }\n' > "$pkg/node/package.json"

# 5. The hand-written wrappers, types, demo and README.
cp "$here"/js/*.js "$here"/js/*.d.ts "$pkg/"
# form.js: index.js loading the form module (same API and types).
sed -e 's#\./web/#./form/#g' -e 's#`web/kyoten_wasm_bg.wasm`#`form/kyoten_wasm_bg.wasm`#' \
  "$here/js/index.js" > "$pkg/form.js"
cp "$here/js/index.d.ts" "$pkg/form.d.ts"
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
    "./form": { "types": "./form.d.ts", "default": "./form.js" },
    "./web/kyoten_wasm_bg.wasm": "./web/kyoten_wasm_bg.wasm",
    "./form/kyoten_wasm_bg.wasm": "./form/kyoten_wasm_bg.wasm"
  },
  "files": ["*.js", "*.d.ts", "web/", "form/", "node/", "README.md"],
  "sideEffects": false
}
JSON

# 6. The hub tool: one HTML file with the module inside, for double-click use (file://).
node "$here/hub/build-hub.mjs"

# 7. Sizes (goal P6 of issue 19: the form module ≤ 150 KB = 153,600 bytes gzipped).
echo "build.sh: built $pkg"
for m in web form; do
  raw_size=$(wc -c < "$pkg/$m/kyoten_wasm_bg.wasm")
  gz_size=$(gzip -9 -c "$pkg/$m/kyoten_wasm_bg.wasm" | wc -c)
  goal=""
  [ "$m" = form ] && goal=" (goal ≤ 153600)"
  echo "build.sh: $m/kyoten_wasm_bg.wasm: $raw_size bytes, $gz_size bytes gzipped (gzip -9)$goal"
done
# The JavaScript the browser loads with the form module (not part of P6, which is the
# .wasm alone): the wasm-bindgen glue, the entry form.js and the shared api.js.
js_raw=$(cat "$pkg/form/kyoten_wasm.js" "$pkg/form.js" "$pkg/api.js" | wc -c)
js_gz=0
for f in "$pkg/form/kyoten_wasm.js" "$pkg/form.js" "$pkg/api.js"; do
  js_gz=$((js_gz + $(gzip -9 -c "$f" | wc -c)))
done
echo "build.sh: form JavaScript (form/kyoten_wasm.js + form.js + api.js): $js_raw bytes, $js_gz bytes gzipped (each file gzip -9)"
