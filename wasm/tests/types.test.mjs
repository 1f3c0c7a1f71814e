// The TypeScript declarations of the built package compile with `tsc --noEmit --strict`
// and type the API (tests/types-check.ts, including expected errors).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pkgDir, wasmDir } from './helpers.mjs';

test('the package declarations type the API (tsc --strict)', (t) => {
  if (!existsSync(path.join(pkgDir, 'kyoten-types.d.ts'))) {
    t.skip('wasm/js/kyoten-types.d.ts is not generated yet (schemas generator)');
    return;
  }
  const tsc = path.join(wasmDir, 'node_modules', 'typescript', 'bin', 'tsc');
  const args = [tsc, '--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--skipLibCheck', 'false', '--lib', 'es2022,dom', path.join(wasmDir, 'tests', 'types-check.ts')];
  const out = spawnSync(process.execPath, args, { encoding: 'utf8' });
  assert.equal(out.status, 0, `tsc failed:\n${out.stdout}${out.stderr}`);
});

test('the generated Operations map names exactly the operations of the built module', async (t) => {
  const file = path.join(pkgDir, 'kyoten-types.d.ts');
  if (!existsSync(file)) {
    t.skip('wasm/js/kyoten-types.d.ts is not generated yet (schemas generator)');
    return;
  }
  const { readFileSync } = await import('node:fs');
  const text = readFileSync(file, 'utf8');
  const body = text.slice(text.indexOf('export interface Operations {'));
  const block = body.slice(0, body.indexOf('\n}'));
  const typed = [...block.matchAll(/^\s*"([a-z0-9_.]+)":/gm)].map((m) => m[1]).sort();
  const kyoten = (await import(path.join(pkgDir, 'node.js'))).default;
  const built = kyoten.operations().map((o) => o.name).sort();
  assert.deepEqual(typed, built, 'kyoten-types.d.ts is stale: regenerate it with the schema generator');
});
