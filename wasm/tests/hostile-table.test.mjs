// The hostile-input table of SECURITY.md (core/tests/hostile-inputs.tsv, shared with the
// Rust and C tests), through the module's text entry in node: each row, for every
// operation it names, gives a report whose first finding has the expected code.
// Rows whose bytes are not UTF-8 cannot reach the module from JavaScript (a JS string is
// always Unicode text); they are counted as skipped, with that reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pkgDir, wasmDir } from './helpers.mjs';

const require = createRequire(import.meta.url);
const raw = require(path.join(pkgDir, 'node', 'kyoten_wasm.js'));
const ops = JSON.parse(raw.operations()).map((o) => o.name);
const table = readFileSync(path.resolve(wasmDir, '..', 'core', 'tests', 'hostile-inputs.tsv'), 'utf8');

function bytesOf(parts) {
  const chunks = [];
  for (const part of parts.split(' ').filter(Boolean)) {
    const [hex, count = '1'] = part.split('*');
    const unit = Buffer.from(hex, 'hex');
    chunks.push(Buffer.alloc(unit.length * Number(count), unit));
  }
  return Buffer.concat(chunks);
}

const rows = table
  .split('\n')
  .filter((l) => l && !l.startsWith('#'))
  .map((l) => {
    const [label, op, parts, codes, , note] = l.split('\t');
    return { label, op, bytes: bytesOf(parts), codes: codes.split('|'), note };
  });

test('the hostile-input table has its rows', () => {
  assert.ok(rows.length >= 20, `only ${rows.length} rows`);
});

for (const row of rows) {
  test(`hostile input: ${row.label} (${row.note})`, (t) => {
    let text;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(row.bytes);
    } catch {
      t.skip('not UTF-8: a JavaScript string cannot carry these bytes');
      return;
    }
    let ran = 0;
    for (const op of ops.filter((o) => row.op === '*' || row.op === o)) {
      let report;
      assert.doesNotThrow(() => (report = JSON.parse(raw.run(op, text))), `${op} ${row.label}`);
      assert.equal(report.operation, op);
      assert.equal(report.valid, false, `${op} accepted ${row.label}`);
      assert.ok(
        row.codes.includes(report.findings[0].code),
        `${op} ${row.label}: ${report.findings[0].code} not in ${row.codes}`,
      );
      ran += 1;
    }
    assert.ok(ran > 0, `row ${row.label} names no operation`);
  });
}
