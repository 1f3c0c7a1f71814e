// Size and speed of the WASM package (run after `bash wasm/build.sh`):
//   node wasm/bench.mjs [operation] [seconds-per-case]
// Prints the .wasm size (raw and gzip -9), the module's start-up time, and operations per
// second for one operation (default summary.validate) on every example document of its
// input type in schemas/examples/. If `ajv` can be imported (e.g. from schemas/'s
// node_modules) and the input's JSON Schema exists, it also prints how fast ajv checks
// the same document against the schema alone (structure only, no rules).
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const pkg = path.join(here, 'pkg');
const root = path.resolve(here, '..');
const opName = process.argv[2] ?? 'summary.validate';
const seconds = Number(process.argv[3] ?? 1);

const wasmBytes = readFileSync(path.join(pkg, 'web', 'kyoten_wasm_bg.wasm'));
console.log(`kyoten_wasm_bg.wasm: ${wasmBytes.length} bytes, ${gzipSync(wasmBytes, { level: 9 }).length} bytes gzipped (node zlib, level 9)`);

let t0 = performance.now();
const { init } = await import(pathToFileURL(path.join(pkg, 'index.js')).href);
const kyoten = await init(wasmBytes);
console.log(`start-up (compile + instantiate): ${(performance.now() - t0).toFixed(1)} ms`);

const op = kyoten.operations().find((o) => o.name === opName);
if (!op) {
  console.log(`no operation ${opName} in this build`);
  process.exit(0);
}
const dir = path.join(root, 'schemas', 'examples');
const files = existsSync(dir)
  ? (await import('node:fs')).readdirSync(dir).filter((f) => f.split('.')[0] === op.input_stem && f.endsWith('.json'))
  : [];
if (files.length === 0) {
  console.log(`no example for ${op.input_stem}; nothing to time`);
  process.exit(0);
}

function rate(fn) {
  let n = 0;
  const end = performance.now() + seconds * 1000;
  t0 = performance.now();
  while (performance.now() < end) {
    for (let i = 0; i < 50; i++) fn();
    n += 50;
  }
  return n / ((performance.now() - t0) / 1000);
}

let validate = null;
const schemaFile = path.join(root, 'schemas', `${op.input_stem}.schema.json`);
for (const base of [path.join(root, 'schemas', 'package.json'), path.join(here, 'package.json')]) {
  if (validate || !existsSync(schemaFile)) break;
  try {
    const req = createRequire(base);
    const Ajv = req('ajv/dist/2020').default;
    const ajv = new Ajv({ strict: false, allErrors: true });
    try {
      req('ajv-formats')(ajv);
    } catch {
      /* formats are optional here */
    }
    validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
  } catch {
    /* no ajv there */
  }
}

for (const file of files) {
  const doc = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  const size = JSON.stringify(doc).length;
  const k = rate(() => kyoten.run(opName, doc));
  let line = `${opName} on ${file} (${size} bytes JSON): kyoten ${Math.round(k)} ops/s`;
  if (validate) line += `; ajv schema only ${Math.round(rate(() => validate(doc)))} ops/s`;
  console.log(line);
}
