// Hostile inputs through both entries: nothing ever throws; every answer is a report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { nodeApi, webApi, pkgDir, assertReportShape } from './helpers.mjs';

const entries = { node: await nodeApi(), web: await webApi() };
const ops = entries.node.operations().map((o) => o.name);

function cyclic() {
  const a = { b: {} };
  a.b.a = a;
  return a;
}
const notJsonAble = {
  cycle: cyclic(),
  bigint: 10n,
  nestedBigint: { as_of: 1n },
  undefined: undefined,
  function: () => 1,
  symbol: Symbol('x'),
  throwingToJSON: {
    toJSON() {
      throw new Error('boom');
    },
  },
  throwingGetter: Object.defineProperty({}, 'x', {
    enumerable: true,
    get() {
      throw new Error('boom');
    },
  }),
  throwingProxy: new Proxy(
    {},
    {
      ownKeys() {
        throw new Error('boom');
      },
    },
  ),
};

test('values that cannot be JSON give operation.input_not_json for every operation', () => {
  for (const [entry, k] of Object.entries(entries)) {
    for (const op of ops) {
      for (const [what, value] of Object.entries(notJsonAble)) {
        let r;
        assert.doesNotThrow(() => (r = k.run(op, value)), `${entry} ${op} ${what}`);
        assertReportShape(assert, r, `${entry} ${op} ${what}`);
        assert.equal(r.valid, false);
        assert.equal(r.operation, op);
        assert.equal(r.findings[0].code, 'operation.input_not_json', `${entry} ${op} ${what}`);
        assert.equal(r.findings[0].path, '');
        assert.ok(!('result' in r));
      }
    }
  }
});

let deep = [];
for (let i = 0; i < 500; i++) deep = [deep]; // deeper than serde_json reads (128)
const wrongShapes = {
  number: 42,
  string: '山田花子',
  array: [1, 2, 3],
  null: null,
  true: true,
  NaN: NaN,
  deep,
  bigString: { x: 'あ'.repeat(200_000) },
  unknownField: { '山田花子': 1, $schema: 5 },
  dateLike: { as_of: '2024-02-30', date_of_birth: '令和6年' },
};

test('wrong types and shapes give input.* findings, never a throw, never echoed text', () => {
  for (const [entry, k] of Object.entries(entries)) {
    for (const op of ops) {
      for (const [what, value] of Object.entries(wrongShapes)) {
        let r;
        assert.doesNotThrow(() => (r = k.run(op, value)), `${entry} ${op} ${what}`);
        assertReportShape(assert, r, `${entry} ${op} ${what}`);
        for (const f of r.findings) {
          assert.ok(!f.message_ja.includes('山田') && !f.message_en.includes('山田'), `${op} ${what} echoes input`);
        }
        if (!r.valid) {
          assert.ok(r.findings.some((f) => f.severity === 'error'));
        }
      }
      // A document that is not an object at all is never valid (except for operations
      // whose input is not an object, which the table does not have).
      for (const what of ['number', 'string', 'null', 'true', 'deep']) {
        const r = k.run(op, wrongShapes[what]);
        assert.equal(r.valid, false, `${entry} ${op} ${what}`);
        assert.match(r.findings[0].code, /^input\./, `${entry} ${op} ${what}`);
      }
    }
  }
});

test('unknown operation names give operation.unknown', () => {
  for (const [entry, k] of Object.entries(entries)) {
    for (const name of ['no.such_op', '', 'TASKS.LIST', 5, null, undefined, {}, Symbol('s'), 'x'.repeat(100_000), '山田花子']) {
      let r;
      assert.doesNotThrow(() => (r = k.run(name, {})), `${entry} ${String(typeof name)}`);
      assertReportShape(assert, r, entry);
      assert.equal(r.valid, false);
      assert.equal(r.findings.length, 1);
      assert.equal(r.findings[0].code, 'operation.unknown');
      assert.ok(!JSON.stringify(r).includes('山田') && !JSON.stringify(r).includes('xxxx'));
    }
    // An unknown name with an input that is not JSON: still the unknown-operation report.
    assert.equal(k.run('nope', 1n).findings[0].code, 'operation.unknown');
  }
});

test('the browser entry before init() answers wasm.not_initialized, with the Rust messages', async () => {
  // A fresh instance of index.js (a query string makes a new module record).
  const fresh = await import(pathToFileURL(path.join(pkgDir, 'index.js')).href + '?fresh');
  const r = fresh.run('tasks.list', {});
  assertReportShape(assert, r, 'before init');
  assert.equal(r.findings[0].code, 'wasm.not_initialized');
  assert.deepEqual(fresh.operations(), []);
  const rust = entries.node.rules().find((x) => x.code === 'wasm.not_initialized');
  assert.equal(r.findings[0].message_ja, rust.message_ja);
  assert.equal(r.findings[0].message_en, rust.message_en);
  // After init it works, and init() is idempotent.
  const { readFileSync } = await import('node:fs');
  const bytes = readFileSync(path.join(pkgDir, 'web', 'kyoten_wasm_bg.wasm'));
  const a = await fresh.init(bytes);
  const b = await fresh.init();
  assert.equal(a, b);
  assert.equal(fresh.run('tasks.list', {}).valid, true);
});

test('the API objects are frozen plain functions (nothing to free)', () => {
  for (const k of Object.values(entries)) {
    assert.ok(Object.isFrozen(k));
    const r = k.run('tasks.list', {});
    assert.equal(Object.getPrototypeOf(r), Object.prototype);
  }
});

test('a module that fails while running gives operation.internal and is not used again', async () => {
  const { makeApi } = await import(pathToFileURL(path.join(pkgDir, 'api.js')).href);
  const real = (await import(pathToFileURL(path.join(pkgDir, 'node', 'kyoten_wasm.js')).href)).default;
  let calls = 0;
  const failing = {
    ...real,
    run: () => {
      calls += 1;
      throw new WebAssembly.RuntimeError('unreachable');
    },
  };
  const k = makeApi(failing);
  const r = k.tasksList({});
  assertReportShape(assert, r, 'trap');
  assert.equal(r.findings[0].code, 'operation.internal');
  assert.equal(r.operation, 'tasks.list');
  const rust = JSON.parse(real.rules()).find((x) => x.code === 'operation.internal');
  assert.equal(r.findings[0].message_ja, rust.message_ja);
  // After a trap the module is not called again.
  assert.equal(k.run('tasks.list', {}).findings[0].code, 'operation.internal');
  assert.equal(calls, 1);
});

test('an input over the 16 MiB limit is input.too_large, and the module goes on working', () => {
  for (const [entry, k] of Object.entries(entries)) {
    const r = k.run('tasks.list', { x: 'a'.repeat(16 * 1024 * 1024 + 1) });
    assertReportShape(assert, r, entry);
    assert.equal(r.findings[0].code, 'input.too_large', entry);
    assert.equal(k.run('tasks.list', {}).valid, true, entry);
  }
});
