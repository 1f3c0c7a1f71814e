// Size and speed of the WASM package: P3 and P6 of issue 9.
//
//   (cd schemas && npm ci) && bash wasm/build.sh && node wasm/bench.mjs [operation] [samples]
//
// P6: the size of the form module pkg/form/kyoten_wasm_bg.wasm, raw and gzipped (node
//     zlib, level 9). Goal ≤ 150 KB (150 × 1,024 bytes) gzipped. The full module
//     (pkg/web/, every operation, built for speed) is printed beside it; P3 runs on the
//     full module.
// P3: one child summary object (the largest valid example of the operation's input type,
//     the same document the Rust benches use) validated in the WASM build through the
//     public JS API (`kyoten.run(name, object)`: JSON.stringify → WASM → JSON.parse of
//     the report) ÷ ajv (draft 2020-12, ajv-formats, allErrors) compiled with our
//     generated schema schemas/<input_stem>.schema.json validating the same object, in
//     the same node process. Each module and ajv first run for 3 s on their own (V8
//     compiles WASM with a baseline tier first and the hot functions with its optimising
//     tier in the background: the first second of calls is up to 2× slower), then before
//     each ratio 300 ms of warm-up each, then the two sides are sampled in turn
//     (101 samples of about 5 ms each)
//     so both see the same machine load; medians and quartiles per call are printed.
//     Goal ≤ 2.0 (issue 19). The same on the form module follows. A breakdown of the WASM side (the raw text call alone, stringify, parse)
//     and the ratio on every example of that input type follow.
// ajv and ajv-formats come from schemas/node_modules (`npm ci` in schemas/). Goals are
// printed beside the figures, never asserted; the exit code is 0 unless something is
// missing (no build, no ajv, no schema, no example), then 1.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const pkg = path.join(here, 'pkg');
const root = path.resolve(here, '..');
const opName = process.argv[2] ?? 'summary.validate';
const SAMPLES = Math.max(3, Number(process.argv[3] ?? 101));
const TARGET_MS = 5;
const WARM_MS = 300;
const FIRST_WARM_MS = 3000;

function fail(msg) {
  console.error(`bench.mjs: ${msg}`);
  process.exit(1);
}

const wasmFile = path.join(pkg, 'web', 'kyoten_wasm_bg.wasm');
if (!existsSync(wasmFile)) fail(`${wasmFile} not found: run \`bash wasm/build.sh\` first`);

console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);

// ------------------------------------------------------------------ P6
const wasmBytes = readFileSync(wasmFile);
const kb = (n) => (n / 1024).toFixed(1);
console.log('\n| id | what | figure | goal |');
console.log('|---|---|---|---|');
const formFile = path.join(pkg, 'form', 'kyoten_wasm_bg.wasm');
if (existsSync(formFile)) {
  const formBytes = readFileSync(formFile);
  const formGz = gzipSync(formBytes, { level: 9 }).length;
  console.log(`| P6 | form/kyoten_wasm_bg.wasm (the form module) gzipped (node zlib, level 9) | ${formGz} bytes = ${kb(formGz)} KB (raw ${formBytes.length} bytes = ${kb(formBytes.length)} KB) | ≤ 150 KB ${formGz <= 150 * 1024 ? 'met' : 'missed'} |`);
}
const gz = gzipSync(wasmBytes, { level: 9 }).length;
console.log(`|  | web/kyoten_wasm_bg.wasm (the full module) gzipped | ${gz} bytes = ${kb(gz)} KB (raw ${wasmBytes.length} bytes = ${kb(wasmBytes.length)} KB) | – |`);

let t0 = performance.now();
const { init } = await import(pathToFileURL(path.join(pkg, 'index.js')).href);
const kyoten = await init(wasmBytes);
// The same module instance's raw text function (JSON text in, report text out).
const raw = await import(pathToFileURL(path.join(pkg, 'web', 'kyoten_wasm.js')).href);
console.log(`|  | start-up (compile + instantiate) | ${(performance.now() - t0).toFixed(1)} ms | |`);

// ------------------------------------------------------------------ P3
const op = kyoten.operations().find((o) => o.name === opName);
if (!op) fail(`no operation ${opName} in this build`);
const stem = op.input_stem;
const dir = path.join(root, 'schemas', 'examples');
const docs = (existsSync(dir) ? readdirSync(dir) : [])
  .filter((f) => f.split('.')[0] === stem && f.endsWith('.json'))
  .sort()
  .map((file) => {
    const text = readFileSync(path.join(dir, file), 'utf8');
    return { file, text, bytes: Buffer.byteLength(text), doc: JSON.parse(text) };
  });
if (docs.length === 0) fail(`no example for ${stem} in ${dir}`);

const schemaFile = path.join(root, 'schemas', `${stem}.schema.json`);
if (!existsSync(schemaFile)) fail(`${schemaFile} not found`);
let validate;
try {
  const req = createRequire(path.join(root, 'schemas', 'package.json'));
  const Ajv = req('ajv/dist/2020').default;
  const ajv = new Ajv({ strict: false, allErrors: true });
  req('ajv-formats')(ajv);
  validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
} catch (e) {
  fail(`ajv or ajv-formats not found in schemas/node_modules (run \`npm ci\` in schemas/): ${e.message}`);
}

/** Calls per sample so that one sample lasts about TARGET_MS. */
function batchFor(fn) {
  let n = 1;
  for (;;) {
    const s = performance.now();
    for (let i = 0; i < n; i++) fn();
    const ms = performance.now() - s;
    if (ms >= TARGET_MS / 4 || n >= 1 << 20) return Math.max(1, Math.round((n * TARGET_MS) / Math.max(ms, 1e-3)));
    n *= 2;
  }
}
function timeBatch(fn, n) {
  const s = performance.now();
  for (let i = 0; i < n; i++) fn();
  return ((performance.now() - s) * 1e6) / n; // ns per call
}
function stats(xs) {
  xs.sort((a, b) => a - b);
  const at = (p) => xs[Math.round((xs.length - 1) * p)];
  return { median: at(0.5), q1: at(0.25), q3: at(0.75) };
}
/** Runs fn for ms milliseconds (until V8 has optimised what it runs). */
function warm(fn, ms) {
  const end = performance.now() + ms;
  while (performance.now() < end) fn();
}
/** Interleaved samples of a and b (alternating which goes first); a ÷ b of the medians. */
function ratio(a, b) {
  // Warm up both (JIT tiers, inline caches) before sizing the batches.
  for (const fn of [a, b]) warm(fn, WARM_MS);
  const na = batchFor(a);
  const nb = batchFor(b);
  const xa = [];
  const xb = [];
  for (let i = 0; i < SAMPLES; i++) {
    if (i % 2 === 0) {
      xa.push(timeBatch(a, na));
      xb.push(timeBatch(b, nb));
    } else {
      xb.push(timeBatch(b, nb));
      xa.push(timeBatch(a, na));
    }
  }
  const sa = stats(xa);
  const sb = stats(xb);
  return { a: sa, b: sb, r: sa.median / sb.median };
}
function human(ns) {
  if (ns >= 1e6) return `${(ns / 1e6).toFixed(3)} ms`;
  if (ns >= 1e3) return `${(ns / 1e3).toFixed(2)} µs`;
  return `${ns.toFixed(0)} ns`;
}
const spread = (s) => `${human(s.median)} [${human(s.q1)} – ${human(s.q3)}]`;

// Check both sides agree before timing anything.
for (const d of docs) {
  d.valid = kyoten.run(opName, d.doc).valid;
  d.ajv = validate(d.doc);
}
const main = docs.filter((d) => d.valid && d.ajv).sort((x, y) => y.bytes - x.bytes)[0];
if (!main) fail(`no example of ${stem} is valid for both kyoten and ajv`);

const wasmCall = (doc) => () => {
  globalThis.sink = kyoten.run(opName, doc);
};
const ajvCall = (doc) => () => {
  globalThis.sink = validate(doc);
};
warm(wasmCall(main.doc), FIRST_WARM_MS);
warm(ajvCall(main.doc), FIRST_WARM_MS);
const p3 = ratio(wasmCall(main.doc), ajvCall(main.doc));
console.log(`| P3 | ${opName} on ${main.file} (${main.bytes} bytes), object in, report object out: WASM ${spread(p3.a)} ÷ ajv ${spread(p3.b)} | **${p3.r.toFixed(2)}** | ≤ 2.0 ${p3.r <= 2 ? 'met' : 'missed'} |`);
if (existsSync(formFile)) {
  const { init: initForm } = await import(pathToFileURL(path.join(pkg, 'form.js')).href);
  const form = await initForm(readFileSync(formFile));
  const formCall = () => { globalThis.sink = form.run(opName, main.doc); };
  warm(formCall, FIRST_WARM_MS);
  const p3f = ratio(formCall, ajvCall(main.doc));
  console.log(`| P3 (form module) | the same through \`form.js\`: WASM ${spread(p3f.a)} ÷ ajv ${spread(p3f.b)} | **${p3f.r.toFixed(2)}** | ≤ 2.0 ${p3f.r <= 2 ? 'met' : 'missed'} |`);
}

// Where the WASM side's time goes (each ÷ ajv on the same object, interleaved).
const text = JSON.stringify(main.doc);
const reportText = raw.run(opName, text);
const parts = [
  ['raw text call alone (JSON text in, report text out: reading, rules, report)', () => { globalThis.sink = raw.run(opName, text); }],
  ['JSON.stringify of the object', () => { globalThis.sink = JSON.stringify(main.doc); }],
  [`JSON.parse of the report (${Buffer.byteLength(reportText)} bytes)`, () => { globalThis.sink = JSON.parse(reportText); }],
];
console.log(`\nWASM side of P3, step by step (each ÷ ajv on the same object, interleaved)`);
console.log('| step | time | ÷ ajv |');
console.log('|---|---|---|');
for (const [name, fn] of parts) {
  const r = ratio(fn, ajvCall(main.doc));
  console.log(`| ${name} | ${spread(r.a)} | ${r.r.toFixed(2)} |`);
}

console.log(`\nEvery example of ${stem}: WASM ÷ ajv (object in)`);
console.log('| example | bytes | kyoten valid | ajv valid | WASM | ajv | ratio |');
console.log('|---|---|---|---|---|---|---|');
for (const d of docs) {
  const r = ratio(wasmCall(d.doc), ajvCall(d.doc));
  console.log(`| ${d.file} | ${d.bytes} | ${d.valid} | ${d.ajv} | ${spread(r.a)} | ${spread(r.b)} | ${r.r.toFixed(2)} |`);
}
