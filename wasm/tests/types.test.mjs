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
