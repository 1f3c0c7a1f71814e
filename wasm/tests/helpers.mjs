// Shared by the node tests: loads both entries of the built package (wasm/pkg/) and the
// example documents of schemas/examples/.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
export const wasmDir = path.resolve(here, '..');
export const pkgDir = path.join(wasmDir, 'pkg');
export const examplesDir = path.resolve(wasmDir, '..', 'schemas', 'examples');

if (!existsSync(path.join(pkgDir, 'node.js'))) {
  throw new Error(`${pkgDir} is not built: run bash wasm/build.sh first`);
}

/** The node entry's API. */
export async function nodeApi() {
  return (await import(path.join(pkgDir, 'node.js'))).default;
}

/** The browser entry's API, initialised in node from the .wasm bytes. */
export async function webApi() {
  const m = await import(path.join(pkgDir, 'index.js'));
  return m.init(readFileSync(path.join(pkgDir, 'web', 'kyoten_wasm_bg.wasm')));
}

/** Every example document whose stem is `stem`: `[{ file, doc }]`. `sub` is '' for the
 *  valid examples, 'invalid' for `schemas/examples/invalid/` (rejected by the schema and
 *  the reader), 'failing' for `schemas/examples/failing/` (read, but breaking rules). */
export function examplesFor(stem, sub = '') {
  const dir = sub ? path.join(examplesDir, sub) : examplesDir;
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f.split('.')[0] === stem)
    .sort()
    .map((file) => ({
      file: sub ? `${sub}/${file}` : file,
      doc: JSON.parse(readFileSync(path.join(dir, file), 'utf8')),
    }));
}

/** Checks the shape every report has, whatever the input. */
export function assertReportShape(assert, r, what) {
  assert.equal(typeof r, 'object', `${what}: a report object`);
  assert.equal(typeof r.operation, 'string', `${what}: operation`);
  assert.equal(typeof r.valid, 'boolean', `${what}: valid`);
  assert.ok(Array.isArray(r.findings), `${what}: findings`);
  const count = (s) => r.findings.filter((f) => f.severity === s).length;
  assert.equal(r.errors, count('error'), `${what}: errors count`);
  assert.equal(r.warnings, count('warning'), `${what}: warnings count`);
  assert.equal(r.infos, count('info'), `${what}: infos count`);
  assert.equal(r.valid, r.errors === 0, `${what}: valid iff no error`);
  for (const f of r.findings) {
    assert.match(f.code, /^[a-z0-9_]+(\.[a-z0-9_]+)+$/, `${what}: code`);
    assert.equal(typeof f.path, 'string', `${what}: path`);
    assert.ok(f.path === '' || f.path.startsWith('/'), `${what}: path is a JSON Pointer`);
    assert.ok(f.message_ja.length > 0 && f.message_en.length > 0, `${what}: messages`);
  }
}
