// The form module (pkg/form.js, built for size: documents read through the recovering
// reader alone, `one-reader`) answers exactly as the full module (pkg/index.js, built for
// speed: the typed fast path first, as natively) for every operation it carries, on every
// example document (valid, failing, invalid), in draft mode too, and on hostile text.
// The other node tests run the full module only; this is where the form module's reading
// path is checked document by document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pkgDir, webApi, examplesFor } from './helpers.mjs';

const full = await webApi();
const { init: initForm } = await import(path.join(pkgDir, 'form.js'));
const form = await initForm(readFileSync(path.join(pkgDir, 'form', 'kyoten_wasm_bg.wasm')));
// The raw text functions of the two module instances (initialised by the entries above).
const rawFull = await import(path.join(pkgDir, 'web', 'kyoten_wasm.js'));
const rawForm = await import(path.join(pkgDir, 'form', 'kyoten_wasm.js'));

const fullOps = full.operations();
const formOps = form.operations();
// rules.list differs by design: the form module's catalogue holds the rules of its own
// operation groups, without explanations (wasm/README.md).
const compared = formOps.filter((o) => o.name !== 'rules.list');

test('the form module carries the browser form operations, listed as in the full module', () => {
  const names = formOps.map((o) => o.name);
  for (const n of ['summary.validate', 'summary.scores', 'summary.emergency_view', 'summary.timeline', 'staffing.check', 'tasks.list']) {
    assert.ok(names.includes(n), n);
  }
  assert.ok(names.length < fullOps.length, 'the form module carries fewer operations');
  // Same entries, same order as in the full module's list.
  assert.deepEqual(formOps, fullOps.filter((o) => names.includes(o.name)));
  assert.ok(names.includes('rules.list'));
});

let documents = 0;
for (const op of compared) {
  const docs = ['', 'failing', 'invalid'].flatMap((sub) => examplesFor(op.input_stem, sub));
  test(`${op.name}: the form module's reports equal the full module's on every example`, () => {
    for (const { file, doc } of docs) {
      documents += 1;
      assert.deepEqual(form.run(op.name, doc), full.run(op.name, doc), `${op.name} on ${file}`);
      assert.deepEqual(
        form.run(op.name, doc, { draft: true }),
        full.run(op.name, doc, { draft: true }),
        `${op.name} on ${file} in draft mode`,
      );
    }
    for (const input of [{}, [], null, 'x', 3, { summary: {} }]) {
      assert.deepEqual(form.run(op.name, input), full.run(op.name, input), `${op.name} on ${JSON.stringify(input)}`);
    }
  });
}

test('hostile text gets the same report from both modules', () => {
  // Refused by every operation (not JSON, too deep, a number out of range, a wrong type).
  const refused = ['', '[', '['.repeat(50_000), `"${'あ'.repeat(100_000)}"`, '\u0000', '{"a":1e999}', '{"$schema":5}'];
  // Read or refused depending on the operation: the same answer all the same.
  const others = ['{"a":1,"a":2}', '{"summary":{"child":{"birth_date":"2020-02-30"}}}', '{"values":[1,"x",null]}'];
  for (const op of compared) {
    for (const text of [...refused, ...others]) {
      const a = rawForm.run(op.name, text);
      assert.equal(a, rawFull.run(op.name, text), `${op.name} on ${JSON.stringify(text.slice(0, 40))}`);
      if (refused.includes(text)) assert.equal(JSON.parse(a).valid, false, `${op.name} accepted hostile text`);
    }
  }
});

test('the form module was compared on example documents', () => {
  // Runs after the tests above (node runs a file's tests in order).
  assert.ok(documents >= 20, `only ${documents} example documents compared`);
});
