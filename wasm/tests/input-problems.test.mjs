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

// Draft mode through the run options (`run(op, input, { draft: true })`), read by the core
// as on every surface.
const [{ doc: ventilated }] = examplesFor('summary-request').filter((e) =>
  e.file.endsWith('ventilated-tracheostomy-gastrostomy.json'),
);

for (const [name, api] of Object.entries(entries)) {
  test(`${name}: draft mode keeps the scores of a half-filled summary, provisional, never entitled`, () => {
    const draft = structuredClone(ventilated);
    delete draft.summary.child.kana;
    // Without draft mode: an error, no result.
    const plain = api.run('summary.scores', draft);
    assert.equal(plain.valid, false);
    assert.equal(plain.result, undefined);
    assert.deepEqual(plain.findings.map((f) => [f.code, f.path]), [['input.missing_field', '/summary/child/kana']]);
    for (const r of [api.run('summary.scores', draft, { draft: true }), api.summaryScores(draft, { draft: true })]) {
      assert.equal(r.valid, true);
      assert.equal(r.provisional, true);
      assert.deepEqual(
        r.findings.filter((f) => f.severity === 'warning').map((f) => [f.code, f.path]),
        [
          ['input.draft.not_filled', '/summary/child/kana'],
          ['scores.short_stay.draft', '/summary/clinical'],
        ],
      );
      assert.equal(r.result.short_stay.eligible, false);
      assert.equal(r.result.medical_care.total, 42);
      assert.equal(r.result.oshima.cell, 1);
    }
    // The complete document in draft mode is not a draft: entitled.
    const full = api.run('summary.scores', ventilated, { draft: true });
    assert.equal(full.provisional, undefined);
    assert.equal(full.result.short_stay.eligible, true);
    // The timeline and the emergency view are computed from the draft too.
    for (const op of ['summary.timeline', 'summary.emergency_view']) {
      const r = api.run(op, draft, { draft: true });
      assert.equal(r.provisional, true, op);
      assert.ok(r.result, op);
    }
  });

  test(`${name}: bad run options get their own findings; the document is not read`, () => {
    const r = api.run('summary.validate', ventilated, { draft: 'yes', colour: 1 });
    assert.equal(r.valid, false);
    assert.equal(r.result, undefined);
    assert.deepEqual(r.findings.map((f) => [f.code, f.path]), [
      ['options.invalid', '/draft'],
      ['options.invalid', '/colour'],
    ]);
    assert.equal(r.findings[0].message_en, 'The run options are not valid (input.wrong_type)');
    const cyclic = {};
    cyclic.self = cyclic;
    const c = api.run('summary.validate', ventilated, cyclic);
    assert.deepEqual(c.findings.map((f) => [f.code, f.path]), [['options.invalid', '']]);
    const big = api.run('summary.validate', ventilated, { max_input_bytes: 100 });
    assert.deepEqual(big.findings.map((f) => f.code), ['input.too_large']);
    // No options, or {} / { draft: false }: the defaults.
    for (const o of [undefined, {}, { draft: false }]) {
      assert.equal(api.run('summary.validate', ventilated, o).valid, true);
    }
  });

  test(`${name}: the nine-problem summary in draft mode: the missing field is a reminder`, () => {
    const r = api.run('summary.validate', doc, { draft: true });
    assert.equal(r.errors, 9);
    assert.equal(r.warnings, 1);
    assert.deepEqual(
      r.findings.map((f) => [f.code, f.path]),
      expected.map(([code, path]) => [code === 'input.missing_field' ? 'input.draft.not_filled' : code, path]),
    );
    for (const f of r.findings) assert.ok(f.location_ja && f.location_en, f.path);
    assert.equal(r.findings[2].location_en, 'summary › child › kana');
  });
}

// Value and field labels at runtime (rules.list), the ones the readable locations use.
for (const [name, api] of Object.entries(entries)) {
  test(`${name}: field and value labels at runtime`, () => {
    const c = api.rulesList({}).result;
    assert.deepEqual(
      c.fields.find((f) => f.of === 'Child' && f.field === 'kana'),
      { of: 'Child', field: 'kana', label_ja: 'ふりがな（ひらがな又はカタカナ）', label_en: 'kana' },
    );
    assert.equal(c.values.find((v) => v.choice === 'Per' && v.code === 'hour').label_ja, '1時間あたり');
  });
}
