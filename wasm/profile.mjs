// Where the time of the raw WASM call goes (P3 of issue 19): a CPU profile of the raw text
// call (JSON text in, report text out) on a module built WITH function names, summed by
// stage of the call and by kind of work.
//
//   bash wasm/profile.sh [form|full] [operation] [calls]   (builds the module with names, then runs this)
//   node wasm/profile.mjs <dir> [operation] [calls]         (<dir>: wasm-bindgen --target web output, names kept)
//   node wasm/profile.mjs --summarize <file.cpuprofile>     (a profile of `node --cpu-prof`)
//
// The document is the largest valid example of the operation's input type (the one
// `wasm/bench.mjs` uses), written as `JSON.stringify` writes it. The module is first run
// for WARM_MS so that V8 has compiled the hot functions with its optimising tier (the
// first calls run baseline code, ≈ 2× slower); then `calls` calls run under the
// inspector's sampling profiler (the profiler `node --cpu-prof` uses) every 50 µs.
// Sampling slows the calls by about a third; the shares are what counts.
//
// Output: self time by function (top 40), and a table of stage × kind of work. A stage is
// the innermost recognised frame on the sample's stack (JSON text → tree, tree → typed
// model, the rules, the report…); a kind is the function the sample is in (allocation,
// memcpy/memcmp, UTF-8, B-tree, JSON scanning, JavaScript…). Nothing is asserted.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { Session } from 'node:inspector/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const WARM_MS = Number(process.env.WARM_MS ?? 3000);

/** Stages: the innermost frame of the sample's stack that one of these matches (the first
 * matching rule names it). */
const STAGES = [
  ['JS glue: text into WASM (TextEncoder, copy)', /^passStringToWasm0 \[js\]$/],
  ['JS glue: report out of WASM (TextDecoder)', /^(getStringFromWasm0|decodeText) \[js\]$/],
  ['read: typed fast path (serde_json into the model; full module)', /^kyoten_core::input::(fast::|read_fast)|^<kyoten_core::input::fast::/],
  ['read: JSON text → tree (serde_json into input::Tree)', /^kyoten_core::input::tree_of/],
  ['read: tree → typed model (input::recover)', /^kyoten_core::input::recover::(recover|recover_varied)/],
  ['read: dropping the tree', /^core::ptr::drop_in_place<kyoten_core::input::Tree>/],
  ['read: other (text checks, problems, order)', /^kyoten_core::input::(read_with|slow|finish|text_of)/],
  ['rules (operation::run_body)', /^kyoten_core::operation::run_body/],
  ['findings ordered and located (operation::arrange)', /^kyoten_core::operation::arrange/],
  ['report written (operation::finish)', /^kyoten_core::operation::finish/],
  ['run options', /^kyoten_core::run_options/],
  ['WASM: other (kyoten_wasm::run, glue frees)', /^(kyoten_wasm::|__wbindgen_)/],
];
/** Used only when no frame of the stack matches a stage: under opt-level 2 (the full
 * module) `run_body` is inlined, and the rules' own functions (not serde's generated `_::`
 * reading code) stand for it. */
const FALLBACK_STAGES = [
  ['rules (operation::run_body)', /^(<)?kyoten_core::(summary|care|calendar|staffing|scores|plan|shortstay|meeting|tasks|index|sorting)::(?!_::)/],
];
/** Kinds of work: the function the sample is in. */
const KINDS = [
  ['allocation (dlmalloc, alloc/free/realloc, RawVec growth)', /dlmalloc|__rust_(alloc|dealloc|realloc|no_alloc)|__rdl_|__rg_|alloc::alloc::|Global>::alloc|RawVec|raw_vec|__wbindgen_(malloc|free|realloc)/],
  ['memcpy / memmove / memset / memcmp', /^(memcpy|memmove|memset|memcmp|compiler_builtins::mem|core::slice::.*copy_from_slice|bcmp)/],
  ['UTF-8 checks and char decoding', /from_utf8|utf8|Chars|next_code_point|char_indices|CharIndices/],
  ['B-tree maps (search, insert, drop)', /btree/],
  ['JSON scanning (serde_json read/de)', /^(<)?serde_json::(read|de)|serde_json::read|serde_json::de::/],
  ['comparisons (str/slice eq, cmp)', /cmp::|PartialEq|Ord>::cmp|::eq(::|$)/],
  ['drop glue', /drop_in_place|as core::ops::drop::Drop>::drop/],
  ['JavaScript (glue, encode/decode, GC)', /\[js\]$|^\((garbage collector|program)\)$/],
];

function nameOf(node) {
  const cf = node.callFrame;
  const n = cf.functionName || '(anonymous)';
  // WASM frames have wasm:// URLs; JavaScript frames are marked.
  const js = !cf.url.startsWith('wasm') && !n.startsWith('(');
  return (js ? `${n} [js]` : n).replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]{16}\]/g, '');
}

function summarize(profile, label) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfTime = new Map();
  profile.samples.forEach((id, i) => {
    selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  });
  const memo = [new Map(), new Map()];
  function innermost(id, rules, cache) {
    if (cache.has(id)) return cache.get(id);
    const hit = rules.find(([, re]) => re.test(nameOf(byId.get(id))));
    const p = parent.get(id);
    const s = hit ? hit[0] : p === undefined ? null : innermost(p, rules, cache);
    cache.set(id, s);
    return s;
  }
  const stage = (id) => innermost(id, STAGES, memo[0]) ?? innermost(id, FALLBACK_STAGES, memo[1]);
  // Only the time inside the profiled calls: samples under the JS `run` of the loop.
  const fns = new Map();
  const cells = new Map();
  const stageTotals = new Map();
  const stageFns = new Map();
  const kindTotals = new Map();
  let total = 0;
  for (const [id, t] of selfTime) {
    const name = nameOf(byId.get(id));
    const s = stage(id) ?? (/\[js\]$|^\(/.test(name) ? 'JS: the rest (caller, GC, V8)' : 'WASM: outside the stages');
    const k = (KINDS.find(([, re]) => re.test(name)) ?? ['other code'])[0];
    fns.set(name, (fns.get(name) ?? 0) + t);
    const sf = stageFns.get(s) ?? new Map();
    sf.set(name, (sf.get(name) ?? 0) + t);
    stageFns.set(s, sf);
    cells.set(`${s}\u0000${k}`, (cells.get(`${s}\u0000${k}`) ?? 0) + t);
    stageTotals.set(s, (stageTotals.get(s) ?? 0) + t);
    kindTotals.set(k, (kindTotals.get(k) ?? 0) + t);
    total += t;
  }
  const pct = (t) => `${((100 * t) / total).toFixed(1)} %`;
  console.log(`\n${label}: ${(total / 1000).toFixed(0)} ms sampled`);
  console.log('\nSelf time by function (top 40)');
  console.log('| share | function |');
  console.log('|---|---|');
  for (const [n, t] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, 40)) {
    console.log(`| ${pct(t)} | \`${n.replaceAll('|', '\\|').slice(0, 160)}\` |`);
  }
  const kinds = [...kindTotals].sort((a, b) => b[1] - a[1]).map(([k]) => k);
  console.log('\nStage of the call (rows) × kind of work (columns), share of all sampled time');
  console.log(`| stage | total | ${kinds.join(' | ')} |`);
  console.log(`|---|---|${kinds.map(() => '---|').join('')}`);
  for (const [s, st] of [...stageTotals].sort((a, b) => b[1] - a[1])) {
    const row = kinds.map((k) => {
      const t = cells.get(`${s}\u0000${k}`) ?? 0;
      return t === 0 ? '' : pct(t);
    });
    console.log(`| ${s} | **${pct(st)}** | ${row.join(' | ')} |`);
  }
  console.log(`| all | 100 % | ${kinds.map((k) => pct(kindTotals.get(k))).join(' | ')} |`);
  console.log('\nThe largest functions (self time) of each stage over 3 %');
  for (const [s, st] of [...stageTotals].sort((a, b) => b[1] - a[1])) {
    if (st < total * 0.03) continue;
    const top = [...stageFns.get(s)].sort((a, b) => b[1] - a[1]).slice(0, 8);
    console.log(`- ${s} (${pct(st)}): ${top.map(([n, t]) => `\`${n.slice(0, 100)}\` ${pct(t)}`).join('; ')}`);
  }
}

const args = process.argv.slice(2);
if (args[0] === '--summarize') {
  if (!args[1] || !existsSync(args[1])) {
    console.error('profile.mjs: --summarize <file.cpuprofile>');
    process.exit(1);
  }
  summarize(JSON.parse(readFileSync(args[1], 'utf8')), args[1]);
  process.exit(0);
}

const dir = args[0];
const opName = args[1] ?? 'summary.validate';
const calls = Math.max(1, Number(args[2] ?? 4000));
const glue = dir && path.join(dir, 'kyoten_wasm.js');
if (!glue || !existsSync(glue)) {
  console.error('profile.mjs: usage: node wasm/profile.mjs <dir of a wasm-bindgen --target web build> [operation] [calls]');
  process.exit(1);
}
const raw = await import(pathToFileURL(glue).href);
await raw.default({ module_or_path: readFileSync(path.join(dir, 'kyoten_wasm_bg.wasm')) });
const op = JSON.parse(raw.operations()).find((o) => o.name === opName);
if (!op) {
  console.error(`profile.mjs: no operation ${opName} in this build`);
  process.exit(1);
}
const examples = path.join(root, 'schemas', 'examples');
const docs = readdirSync(examples)
  .filter((f) => f.split('.')[0] === op.input_stem && f.endsWith('.json'))
  .map((f) => readFileSync(path.join(examples, f), 'utf8'))
  .map((t) => JSON.stringify(JSON.parse(t)))
  .filter((t) => JSON.parse(raw.run(opName, t)).valid)
  .sort((a, b) => Buffer.byteLength(b) - Buffer.byteLength(a));
if (docs.length === 0) {
  console.error(`profile.mjs: no valid example of ${op.input_stem}`);
  process.exit(1);
}
const text = docs[0];
const warmEnd = performance.now() + WARM_MS;
let n = 0;
while (performance.now() < warmEnd) {
  raw.run(opName, text);
  n++;
}
let t = performance.now();
for (let i = 0; i < 1000; i++) raw.run(opName, text);
const plain = ((performance.now() - t) * 1000) / 1000;

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 50 });
await session.post('Profiler.start');
t = performance.now();
for (let i = 0; i < calls; i++) raw.run(opName, text);
const profiled = ((performance.now() - t) * 1000) / calls;
const { profile } = await session.post('Profiler.stop');
session.disconnect();
console.log(`${opName} on a ${Buffer.byteLength(text)}-byte document (${dir}): ${n} warm-up calls in ${WARM_MS} ms; then ${plain.toFixed(1)} µs per raw call unprofiled, ${profiled.toFixed(1)} µs profiled (${calls} calls)`);
summarize(profile, 'raw call');
