// Time of `summary.validate` on a large summary in built WASM modules (the allocator check
// of issue 19, P6: an allocator that is small but slow on large inputs shows here).
//
//   node wasm/large.mjs [--entries=N] [--runs=N] [module dir ...]
//
// module dir: a wasm-bindgen `--target web` output folder (default wasm/pkg/form, the form
// module after `bash wasm/build.sh`); several are timed in turn, call by call, so that they
// see the same machine load. --entries: extra entries added to the largest valid summary
// example (default 55000, about 5 MB), a third each to its care team, history and
// medications, as the benches crate's `summary_data::summary_bytes` adds them. --runs: calls
// per module (default 5). Prints each call's time, the median after the first call (the
// first one also grows the module's memory) and the module's memory after the calls;
// asserts nothing.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const flag = (name, dflt) => {
  const a = args.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.slice(name.length + 3)) : dflt;
};
const n = flag('entries', 55000);
const runs = Math.max(2, flag('runs', 5));
const dirs = args.filter((x) => !x.startsWith('--'));
if (dirs.length === 0) dirs.push(path.join(here, 'pkg', 'form'));
const modules = [];
for (const d of dirs) {
  const wasmFile = path.join(path.resolve(d), 'kyoten_wasm_bg.wasm');
  if (!existsSync(wasmFile)) {
    console.error(`large.mjs: ${wasmFile} not found: run \`bash wasm/build.sh\` first`);
    process.exit(1);
  }
  const glue = await import(pathToFileURL(path.join(path.resolve(d), 'kyoten_wasm.js')).href);
  const exports = glue.initSync({ module: readFileSync(wasmFile) });
  modules.push({ name: d, glue, exports, times: [] });
}

/** 2022-01-01 plus `day` days (`day` < 720), as YYYY-MM-DD. */
function date(day) {
  const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  let y = 2022;
  let d = day;
  if (d >= 365) {
    y += 1;
    d -= 365;
  }
  let m = 1;
  for (const len of monthDays) {
    if (d < len) break;
    d -= len;
    m += 1;
  }
  return `${y}-${String(m).padStart(2, '0')}-${String(d + 1).padStart(2, '0')}`;
}

const base = path.join(here, '..', 'schemas', 'examples',
  'summary-request.ventilated-tracheostomy-gastrostomy.json');
const doc = JSON.parse(readFileSync(base, 'utf8'));
const perList = Math.floor(n / 3);
const id = (i) => `m${String(i).padStart(6, '0')}`;
for (let i = 0; i < perList; i++) {
  doc.summary.care_team.push({ id: id(i), role: 'visiting_nurse_station',
    organisation: '訪問看護ステーション', phone: '045-711-0000' });
  const day = i % 700;
  doc.summary.history.push(i % 3 === 0
    ? { kind: 'admission', institution: `病院${i % 97}`, member: id(i), start: date(day),
        end: date(day + (i % 6 === 0 ? 10 : 1)) }
    : { kind: 'outpatient', institution: `病院${i % 97}`, member: id(i), start: date(day) });
  const k = i % 10 === 9 ? i - 1 : i;
  doc.summary.medications.push({ name: `薬 ${k}`, dose: '1錠', route: 'oral', times_per_day: 2 });
}
const text = JSON.stringify(doc);
console.log(`summary.validate on ${Buffer.byteLength(text)} bytes (${n} extra entries), ${runs} calls per module`);
for (let i = 0; i < runs; i++) {
  for (const m of modules) {
    const t0 = performance.now();
    m.report = m.glue.run('summary.validate', text);
    m.times.push(performance.now() - t0);
  }
}
for (const m of modules) {
  const r = JSON.parse(m.report);
  const later = m.times.slice(1).sort((a, b) => a - b);
  const median = later[Math.floor(later.length / 2)];
  console.log(`${m.name}: median ${median.toFixed(0)} ms (calls ${m.times.map((t) => t.toFixed(0)).join(', ')}); report ${Buffer.byteLength(m.report)} bytes, memory ${(m.exports.memory.buffer.byteLength / 2 ** 20).toFixed(1)} MiB, valid ${r.valid}, ${r.findings.length} findings`);
}
