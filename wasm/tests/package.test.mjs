// The package folder works as an npm package: `npm pack` ships the entries, the .wasm and
// the declarations (not the demo), and `import '@kyoten/wasm'` resolves through the
// "exports" map to the node entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, symlinkSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pkgDir } from './helpers.mjs';

test('npm pack ships the entries, both builds and the declarations', () => {
  const out = spawnSync('npm', ['pack', '--dry-run', '--json', '--loglevel=error'], { cwd: pkgDir, encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
  const files = JSON.parse(out.stdout)[0].files.map((f) => f.path).sort();
  for (const f of [
    'package.json',
    'README.md',
    'index.js',
    'node.js',
    'api.js',
    'index.d.ts',
    'node.d.ts',
    'kyoten-types.d.ts',
    'web/kyoten_wasm.js',
    'web/kyoten_wasm_bg.wasm',
    'node/kyoten_wasm.js',
    'node/kyoten_wasm_bg.wasm',
    'node/package.json',
  ]) {
    assert.ok(files.includes(f), `${f} is not in the package: ${files.join(', ')}`);
  }
  assert.ok(!files.some((f) => f.startsWith('demo/')), 'the demo is not shipped');
  const manifest = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
  assert.equal(manifest.type, 'module');
  assert.match(manifest.version, /^\d+\.\d+\.\d+/);
});

test("import '@kyoten/wasm' in node resolves to the node entry and runs an operation", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kyoten-pkg-'));
  try {
    mkdirSync(path.join(dir, 'node_modules', '@kyoten'), { recursive: true });
    symlinkSync(pkgDir, path.join(dir, 'node_modules', '@kyoten', 'wasm'), 'dir');
    const script = path.join(dir, 'use.mjs');
    writeFileSync(
      script,
      `import kyoten, { run, init } from '@kyoten/wasm';
       const a = kyoten.calendarConvert({ values: ['令和2年4月1日'] });
       const b = run('calendar.convert', { values: ['R2.4.1'] });
       const c = await init();
       console.log(JSON.stringify([a.result.values[0].date, b.result.values[0].date, c === kyoten]));`,
    );
    const out = spawnSync(process.execPath, [script], { cwd: dir, encoding: 'utf8' });
    assert.equal(out.status, 0, out.stderr);
    assert.deepEqual(JSON.parse(out.stdout), ['2020-04-01', '2020-04-01', true]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
