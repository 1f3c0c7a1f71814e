// Every operation of the table, through both entries of the built package: the example
// documents give reports without errors; the per-operation functions equal run().
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { nodeApi, webApi, examplesFor, examplesDir, assertReportShape } from './helpers.mjs';

const entries = { node: await nodeApi(), web: await webApi() };
const ops = entries.node.operations();

test('the operations list is the same through both entries and not empty', () => {
  assert.ok(ops.length >= 1);
  assert.deepEqual(entries.web.operations(), ops);
  assert.ok(ops.some((o) => o.name === 'tasks.list'));
  for (const o of ops) {
    assert.match(o.name, /^[a-z0-9_]+\.[a-z0-9_]+$/);
    assert.ok(o.summary_ja && o.summary_en && o.input_type && o.output_type, o.name);
    assert.match(o.input_stem, /^[a-z0-9]+(-[a-z0-9]+)*$/, o.name);
  }
});

test('camelCase names', async () => {
  const { camelCase } = await import('../pkg/node.js');
  assert.equal(camelCase('summary.emergency_view'), 'summaryEmergencyView');
  assert.equal(camelCase('plan.validate'), 'planValidate');
  assert.equal(camelCase('tasks.list'), 'tasksList');
});

test('tasks.list returns the six tasks', () => {
  for (const [entry, k] of Object.entries(entries)) {
    const r = k.tasksList({});
    assert.equal(r.valid, true, entry);
    assert.equal(r.operation, 'tasks.list');
    assert.equal(r.result.tasks.length, 6);
    assert.deepEqual(
      r.result.tasks.map((t) => t.no),
      [1, 2, 3, 4, 5, 6],
    );
    assert.equal(r.result.tasks[4].name_national_ja, '患者・家族への個別支援');
  }
});

let examplesRun = 0;
for (const op of ops) {
  const stem = op.input_stem;
  test(`${op.name}: one camelCase function per operation, same answer as run()`, () => {
    for (const [entry, k] of Object.entries(entries)) {
      const name = op.name.replace(/[._]+([a-z0-9])/g, (_, c) => c.toUpperCase());
      assert.equal(typeof k[name], 'function', `${entry}: ${name}`);
      for (const input of [{}, [], null, 'x', 3]) {
        assert.deepEqual(k[name](input), k.run(op.name, input), `${entry}: ${name}`);
      }
    }
  });
  const examples = examplesFor(stem);
  for (const { file, doc } of examples) {
    test(`${op.name} on schemas/examples/${file}: no error`, () => {
      examplesRun += 1;
      for (const [entry, k] of Object.entries(entries)) {
        const r = k.run(op.name, doc);
        assertReportShape(assert, r, `${entry} ${file}`);
        assert.equal(r.operation, op.name);
        const errors = r.findings.filter((f) => f.severity === 'error');
        assert.deepEqual(errors, [], `${entry}: ${op.name} on ${file} has errors`);
        assert.equal(r.valid, true);
        // A plan that carries no progress part has nothing to report progress on: it says
        // so (plan.progress.none) and has no result.
        const noProgress = r.findings.some((f) => f.code === 'plan.progress.none');
        assert.ok('result' in r || noProgress, `${entry}: ${op.name} on ${file} has a result`);
      }
      // The browser and node builds agree exactly.
      assert.deepEqual(entries.web.run(op.name, doc), entries.node.run(op.name, doc));
    });
  }
  for (const { file, doc } of examplesFor(stem, 'failing')) {
    test(`${op.name} on schemas/examples/${file}: read, and breaks rules`, () => {
      for (const [entry, k] of Object.entries(entries)) {
        const r = k.run(op.name, doc);
        assertReportShape(assert, r, `${entry} ${file}`);
        assert.equal(r.valid, false, `${entry}: ${op.name} accepted ${file}`);
        const input = r.findings.filter((f) => f.code.startsWith('input.'));
        assert.deepEqual(input, [], `${entry}: ${file} should be readable`);
        assert.ok(r.errors >= 1);
      }
      assert.deepEqual(entries.web.run(op.name, doc), entries.node.run(op.name, doc));
    });
  }
  for (const { file, doc } of examplesFor(stem, 'invalid')) {
    test(`${op.name} on schemas/examples/${file}: rejected with an error`, () => {
      for (const [entry, k] of Object.entries(entries)) {
        const r = k.run(op.name, doc);
        assertReportShape(assert, r, `${entry} ${file}`);
        assert.equal(r.valid, false, `${entry}: ${op.name} accepted ${file}`);
        assert.ok(r.errors >= 1);
      }
      assert.deepEqual(entries.web.run(op.name, doc), entries.node.run(op.name, doc));
    });
  }
}

test('examples were found for the operations that have them', () => {
  const withExamples = ops.filter((o) => examplesFor(o.input_stem).length > 0);
  if (existsSync(examplesDir)) assert.ok(withExamples.length > 0, 'some examples found');
  console.log(
    `# examples: ${withExamples.length}/${ops.length} operations have examples in schemas/examples/` +
      (withExamples.length < ops.length
        ? ` (none for: ${ops
            .filter((o) => !withExamples.includes(o))
            .map((o) => o.name)
            .join(', ')})`
        : ''),
  );
});
