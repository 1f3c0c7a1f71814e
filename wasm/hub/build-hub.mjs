// Builds wasm/pkg/kyoten-hub.html: the hub tool as ONE file that works when opened by
// double-click (file://). The WASM module, its JS glue, api.js, the summary's JSON Schema
// and a filled-in example are base64-inlined; the page code is wasm/hub/hub.js.
// Usage: node wasm/hub/build-hub.mjs   (after wasm-bindgen has written wasm/pkg/web/)
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const wasmDir = path.resolve(here, '..');
const root = path.resolve(wasmDir, '..');
const pkg = path.join(wasmDir, 'pkg');
const b64 = (file) => readFileSync(file).toString('base64');

const template = readFileSync(path.join(here, 'hub.html'), 'utf8');
const hub = readFileSync(path.join(here, 'hub.js'), 'utf8');
if (/<\/script/i.test(hub)) throw new Error('hub.js must not contain a closing script tag');
const parts = {
  '@@GLUE@@': b64(path.join(pkg, 'web', 'kyoten_wasm.js')),
  '@@API@@': b64(path.join(wasmDir, 'js', 'api.js')),
  '@@WASM@@': b64(path.join(pkg, 'web', 'kyoten_wasm_bg.wasm')),
  '@@SCHEMA@@': b64(path.join(root, 'schemas', 'summary-request.schema.json')),
  '@@EXAMPLE@@': b64(path.join(root, 'schemas', 'examples', 'summary-request.ventilated-tracheostomy-gastrostomy.json')),
  '@@HUB@@': hub,
};
let html = template;
for (const [k, v] of Object.entries(parts)) {
  if (!html.includes(k)) throw new Error(`hub.html has no ${k}`);
  html = html.replace(k, () => v);
}
const out = path.join(pkg, 'kyoten-hub.html');
writeFileSync(out, html);
console.log(`build-hub: ${out} (${html.length} bytes)`);
