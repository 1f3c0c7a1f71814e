// Every input problem in one report (issue 13), through both entries: the summary with
// ten problems of nine kinds (schemas/examples/invalid/summary-request.nine-problems.json)
// gets all of them at their pointers, each with a readable location.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nodeApi, webApi, examplesFor } from './helpers.mjs';

const entries = { node: await nodeApi(), web: await webApi() };
const [{ doc }] = examplesFor('summary-request', 'invalid').filter((e) =>
  e.file.endsWith('nine-problems.json'),
);

const expected = [
  ['input.wrong_type', '/summary/child/sex'],
  ['input.unknown_field', '/summary/child/nmae'],
  ['input.missing_field', '/summary/child/kana'],
  ['input.invalid_value', '/summary/clinical/care/0/hours_per_day'],
  ['input.invalid_date', '/summary/clinical/care/1/since'],
  ['input.unknown_value', '/summary/clinical/care/2/frequency/per'],
  ['input.invalid_value', '/summary/clinical/iq'],
  ['input.invalid_date', '/summary/clinical/nicu_discharge'],
  ['input.unknown_value', '/summary/allergies/status'],
  ['input.wrong_type', '/summary/vital_signs/weight_kg'],
];

for (const [name, api] of Object.entries(entries)) {
  test(`${name}: every problem of a summary at once, with locations`, () => {
    for (const op of ['summary.validate', 'summary.scores', 'summary.emergency_view', 'summary.timeline']) {
      const r = api.run(op, doc);
      assert.equal(r.valid, false, op);
      assert.equal(r.errors, 10, op);
      assert.deepEqual(
        r.findings.map((f) => [f.code, f.path]),
        expected,
        op,
      );
      for (const f of r.findings) {
        assert.ok(f.location_ja && f.location_en, `${op} ${f.path}: location`);
      }
      const per = r.findings[5];
      assert.equal(per.location_ja, '対象児の情報 › 医療的ケア・運動機能・知能 › 医療的ケア 3（吸引） › 頻度 › 単位');
      assert.equal(per.args.allowed[0].code, 'hour');
      assert.equal(r.findings[7].args.reads_as, '2019-05-31');
    }
  });
}
