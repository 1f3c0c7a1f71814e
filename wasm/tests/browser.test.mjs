// The form demo in real Chromium (Debian's /usr/bin/chromium, headless, driven by
// playwright-core; no browser download): the page is served from the built package on
// 127.0.0.1. Types invalid values, sees the Japanese message appear next to the field
// (aria-invalid, aria-describedby), fixes them, sees the message go, checks the scores,
// and saves wasm/demo/screenshot.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
import { examplesDir, pkgDir, wasmDir } from './helpers.mjs';

const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

let server;
let browser;
let page;
const pageErrors = [];

before(async () => {
  assert.ok(existsSync(executablePath), `${executablePath} is missing (apt-get install chromium)`);
  server = await serve(pkgDir);
  browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' });
  page.setDefaultTimeout(5_000);
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  await page.goto(`${server.url}/demo/`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The messages shown for a field: [{ code, text, nextToField }]. */
async function messagesFor(selector) {
  return page.$eval(selector, (input) => {
    const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    return ids
      .map((id) => document.getElementById(id))
      .filter(Boolean)
      .map((m) => ({
        code: m.dataset.code,
        text: m.textContent,
        severity: m.className,
        // The message sits right after the field, in the same field box.
        nextToField: m.closest('.field') === input.closest('.field'),
      }));
  });
}

test('the module loads and the page lists the operations it needs', async () => {
  const status = await page.textContent('#status');
  assert.match(status, /読み込みました/);
  assert.doesNotMatch(status, /この版にない操作/, status);
});

test('the prefilled example has no error next to any field', async () => {
  const errors = await page.$$eval('#summary-form .msg.error', (ms) => ms.map((m) => `${m.dataset.code} ${m.dataset.path}`));
  assert.deepEqual(errors, []);
  assert.equal(await page.$$eval('#summary-form [aria-invalid="true"]', (e) => e.length), 0);
});

test('an invalid kana shows the Japanese message next to the field, and fixing it removes it', async () => {
  await page.fill('#child-kana', 'kyoten hana');
  const shown = await messagesFor('#child-kana');
  assert.ok(shown.length >= 1, 'a message is attached to the kana field');
  const kanaMsg = shown.find((m) => m.code?.startsWith('summary.kana.'));
  assert.ok(kanaMsg, JSON.stringify(shown));
  assert.match(kanaMsg.text, JAPANESE);
  assert.ok(kanaMsg.nextToField, 'the message is in the field box');
  assert.equal(await page.getAttribute('#child-kana', 'aria-invalid'), 'true');
  // It is also in the findings list.
  const listed = await page.$$eval('#summary-findings li code', (cs) => cs.map((c) => c.textContent));
  assert.ok(listed.includes(kanaMsg.code));

  await page.fill('#child-kana', 'きょてん はな');
  assert.deepEqual(await messagesFor('#child-kana'), []);
  assert.equal(await page.getAttribute('#child-kana', 'aria-invalid'), null);
  assert.equal(await page.getAttribute('#child-kana', 'aria-describedby'), null);
});

test('a date of birth that is not a date is reported by the library next to the field', async () => {
  await page.fill('#dob-iso', '2020-02-30');
  const shown = await messagesFor('#dob-iso');
  assert.equal(shown[0]?.code, 'input.invalid_date', JSON.stringify(shown));
  assert.match(shown[0].text, /日付が正しくありません/);
  assert.ok(shown[0].nextToField);
  assert.equal(await page.getAttribute('#dob-iso', 'aria-invalid'), 'true');
  await page.fill('#dob-iso', '2020-04-01');
  assert.deepEqual(await messagesFor('#dob-iso'), []);
});

test('the medical care score and its reasons are shown, and follow the form', async () => {
  // By hand from CLINICAL.md B: ventilator 10 + medium watch 1, tracheostomy 8 + low 0,
  // suctioning 8 + high 1, tube feeding 8 + low 0 = 36 → 区分3 (≥ 32).
  const total = () => page.getAttribute('[data-score="medical_care"] [data-total]', 'data-total');
  assert.equal(await total(), '36');
  const block = await page.textContent('[data-score="medical_care"]');
  assert.match(block, /区分3/);
  const reasons = await page.$$eval('[data-score="medical_care"] .reasons li', (li) => li.length);
  assert.equal(reasons, 4);
  // Suctioning's watch from high (1) to low (0): 35.
  await page.selectOption('#care-2-watch', 'low');
  assert.equal(await total(), '35');
  await page.selectOption('#care-2-watch', 'high');
  assert.equal(await total(), '36');
  // Super-severe score by hand from CLINICAL.md A (every item since 2021 or earlier, so
  // over 6 months on 2026-11-01): ventilator 10 + tracheostomy 8 + suctioning 10/day
  // (6/day or more, under 1/hour) 3 + tube feeding 5 = 26 → 超重症児 (≥ 25, bedridden).
  const ss = () => page.getAttribute('[data-score="super_severe"] [data-total]', 'data-total');
  assert.equal(await ss(), '26');
  assert.match(await page.textContent('[data-score="super_severe"]'), /超重症児/);
  // A start date less than 6 months before as_of: tube feeding no longer counts (26 − 5).
  await page.fill('#care-3-since', '2026-09-01');
  assert.equal(await ss(), '21');
  assert.match(await page.textContent('[data-score="super_severe"]'), /準超重症児/);
  await page.fill('#care-3-since', '2020-10-01');
  assert.equal(await ss(), '26');
  // Bedridden with IQ 15: Oshima cell 1 (CLINICAL.md C).
  assert.match(await page.textContent('[data-score="oshima"]'), /区分 1/);
});

test('the life-stage timeline shows school entry with its 和暦 date', async () => {
  // Born 2020-04-01: a child born on 1 April belongs to the earlier school year (age is
  // reached the day before the birthday), so school entry is 2026-04-01 = 令和8年4月1日.
  const entry = await page.textContent('#timeline li[data-kind="school_entry"]');
  assert.match(entry, /2026-04-01（令和8年4月1日）/);
  assert.match(entry, /入学/);
});

test('a watch level the item does not offer is an error on that care item', async () => {
  // Tracheostomy offers high / low only (CLINICAL.md B).
  await page.selectOption('#care-1-watch', 'medium');
  const errors = await page.$$eval('#summary-form .msg.error', (ms) => ms.map((m) => m.dataset.path));
  assert.ok(
    errors.some((p) => p.startsWith('/summary/clinical/care/1')),
    `errors at ${JSON.stringify(errors)}`,
  );
  await page.selectOption('#care-1-watch', 'low');
  assert.equal(await page.$$eval('#summary-form .msg.error', (m) => m.length), 0);
});

test('和暦 input is converted by calendar.convert; an impossible 和暦 date is reported', async () => {
  await page.check('input[name="dob-mode"][value="wareki"]');
  await page.fill('#dob-wareki', '令和2年4月1日');
  assert.match(await page.textContent('#dob-wareki-hint'), /2020-04-01/);
  assert.deepEqual(await messagesFor('#dob-wareki'), []);
  await page.fill('#dob-wareki', '平成45年1月1日');
  const shown = await messagesFor('#dob-wareki');
  assert.ok(shown.length >= 1 && shown.every((m) => m.nextToField), JSON.stringify(shown));
  assert.match(shown[0].text, JAPANESE);
  assert.equal(await page.getAttribute('#dob-wareki', 'aria-invalid'), 'true');
  await page.fill('#dob-wareki', 'R2.4.1');
  assert.deepEqual(await messagesFor('#dob-wareki'), []);
  await page.check('input[name="dob-mode"][value="iso"]');
});

test('screenshot of the child-summary form', async () => {
  // Show one message in the screenshot.
  await page.fill('#child-kana', 'kyoten hana');
  await page.screenshot({ path: path.join(wasmDir, 'demo', 'screenshot.png'), fullPage: true });
  await page.fill('#child-kana', 'きょてん はな');
});

test('the staffing tab is reached with the keyboard and checks the staffing', async () => {
  await page.focus('#tab-summary');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getAttribute('#tab-staffing', 'aria-selected'), 'true');
  assert.equal(await page.isVisible('#panel-staffing'), true);
  assert.equal(await page.isVisible('#panel-summary'), false);
  assert.ok(await page.$('#staffing-result table'));
  await page.fill('#staff-0-hub_minutes', 'たくさん');
  const shown = await messagesFor('#staff-0-hub_minutes');
  assert.equal(shown[0]?.code, 'input.wrong_type', JSON.stringify(shown));
  assert.match(shown[0].text, /値の種類が違います/);
  await page.fill('#staff-0-hub_minutes', '240');
  assert.deepEqual(await messagesFor('#staff-0-hub_minutes'), []);
  // A blank hub name is the library's own rule, next to the field.
  await page.fill('#hub-name', '');
  const blank = await messagesFor('#hub-name');
  assert.ok(blank.some((m) => m.code === 'staffing.hub.name_blank'), JSON.stringify(blank));
  await page.fill('#hub-name', '〇〇県小児等在宅医療連携拠点');
  assert.deepEqual(await messagesFor('#hub-name'), []);
  await page.keyboard.press('ArrowLeft'); // focus is in the form; tabs need focus
  await page.focus('#tab-staffing');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.getAttribute('#tab-summary', 'aria-selected'), 'true');
});

test('draft mode: an emptied required field is a reminder, and the scores and timeline stay (provisional)', async () => {
  await page.fill('#child-municipality', '');
  const shown = await messagesFor('#child-municipality');
  assert.deepEqual(shown.map((m) => m.code), ['input.draft.not_filled'], JSON.stringify(shown));
  assert.match(shown[0].text, /まだ記入されていません/);
  assert.ok(shown[0].nextToField);
  // No error anywhere: a draft is not wrong, only unfinished.
  assert.equal(await page.$$eval('#summary-form .msg.error', (m) => m.length), 0);
  // The scores panel keeps its scores (by hand, as above: 36 and 26), marked provisional.
  assert.equal(await page.getAttribute('[data-score="medical_care"] [data-total]', 'data-total'), '36');
  assert.equal(await page.getAttribute('[data-score="super_severe"] [data-total]', 'data-total'), '26');
  assert.ok(await page.isVisible('#scores [data-provisional="true"]'));
  // A draft never grants the short-stay entitlement.
  assert.match(await page.textContent('[data-score="short_stay"]'), /判断していません/);
  // The timeline stays, marked provisional too.
  assert.match(await page.textContent('#timeline li[data-kind="school_entry"]'), /2026-04-01/);
  assert.ok(await page.isVisible('#timeline-note [data-provisional="true"]'));
  await page.fill('#child-municipality', '〇〇市');
  assert.deepEqual(await messagesFor('#child-municipality'), []);
  assert.equal(await page.$('#scores [data-provisional]'), null);
  assert.match(await page.textContent('[data-score="short_stay"]'), /利用の根拠があります/);
});

test('the nine-problem summary: every finding is shown by its field at once', async () => {
  const text = readFileSync(
    path.join(examplesDir, 'invalid', 'summary-request.nine-problems.json'),
    'utf8',
  );
  await page.$eval('#load-box', (d) => {
    d.open = true;
  });
  // (Set as a paste would; typing 10 kB through fill() is slow on a loaded machine.)
  await page.$eval('#load-json', (t, v) => {
    t.value = v;
  }, text);
  await page.click('#load-button');
  // [field selector, code, pointer]: literals (the file's ten problems of nine kinds; in
  // draft mode the missing kana is a reminder).
  const expected = [
    ['#child-sex', 'input.wrong_type', '/summary/child/sex'],
    ['#child-kana', 'input.draft.not_filled', '/summary/child/kana'],
    ['#care-0-hours_per_day', 'input.invalid_value', '/summary/clinical/care/0/hours_per_day'],
    ['#care-1-since', 'input.invalid_date', '/summary/clinical/care/1/since'],
    ['#care-2-per', 'input.unknown_value', '/summary/clinical/care/2/frequency/per'],
    ['#iq', 'input.invalid_value', '/summary/clinical/iq'],
    ['#nicu-discharge', 'input.invalid_date', '/summary/clinical/nicu_discharge'],
    ['#allergy-status', 'input.unknown_value', '/summary/allergies/status'],
    ['#weight', 'input.wrong_type', '/summary/vital_signs/weight_kg'],
  ];
  for (const [selector, code, pointer] of expected) {
    const shown = await messagesFor(selector);
    const m = shown.find((x) => x.code === code);
    assert.ok(m, `${selector}: ${code} in ${JSON.stringify(shown)}`);
    assert.ok(m.nextToField, `${selector}: next to the field`);
    assert.match(m.text, JAPANESE);
    assert.equal(
      await page.$eval(`#summary-form .msg[data-code="${code}"][data-path="${pointer}"]`, (x) => x.dataset.path),
      pointer,
    );
  }
  // The unknown field has no field of its own: shown in the child's box, with its
  // readable location.
  const unknown = await page.$eval('#summary-form fieldset[data-pointer="/summary/child"]', (box) =>
    Array.from(box.querySelectorAll(':scope > .msg')).map((m) => ({ code: m.dataset.code, path: m.dataset.path, where: m.querySelector('.where')?.textContent })),
  );
  assert.deepEqual(unknown, [{ code: 'input.unknown_field', path: '/summary/child/nmae', where: '対象児の情報 › 本人' }]);
  // All ten at once, each shown once in the form, none left over on top.
  const all = await page.$$eval('#summary-form .msg', (ms) => ms.map((m) => `${m.dataset.code} ${m.dataset.path}`));
  assert.equal(all.length, 10, JSON.stringify(all));
  assert.equal(new Set(all).size, 10);
  assert.equal(await page.$$eval('#summary-root-messages .msg', (m) => m.length), 0);
  assert.match(await page.textContent('#summary-counts'), /エラー 9 件、警告 1 件/);
  // The scores panel is kept (the last scores, marked as such) while the input has errors.
  assert.ok(await page.$('[data-score="medical_care"] [data-total]'));
  assert.ok(await page.isVisible('#scores [data-stale="true"]'));
  const shot = path.join(wasmDir, '..', 'docs', 'img', 'demo-findings.png');
  mkdirSync(path.dirname(shot), { recursive: true });
  await page.screenshot({ path: shot, fullPage: true });
});

test('no script error in the page', () => {
  assert.deepEqual(pageErrors, []);
});
