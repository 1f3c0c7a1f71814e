// The hub tool (wasm/pkg/kyoten-hub.html, one file) opened by file:// in headless
// Chromium (Debian's /usr/bin/chromium driven by playwright-core): it loads with no
// network request, validates a typed entry next to the field, saves the document as a
// download, makes and prints the emergency sheet (print to PDF, at most two pages),
// reads a QR payload back, and hostile text cannot break it. Saves a screenshot to
// wasm/pkg/hub-tool.png (copied to docs/img/ for the README).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { pkgDir } from './helpers.mjs';

const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const hubFile = path.join(pkgDir, 'kyoten-hub.html');
const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>\u202e逆\u0007' + '長'.repeat(10_000);

let browser;
let context;
let page;
const pageErrors = [];
const requests = [];

before(async () => {
  assert.ok(existsSync(hubFile), `${hubFile} is missing (bash wasm/build.sh)`);
  browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'ja-JP', acceptDownloads: true });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(hubFile).href);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
});

after(async () => {
  await browser?.close();
});

/** The input bound to a JSON Pointer. */
const field = (pointer) => page.locator(`[data-path="${pointer}"]`).first();

test('loads from file:// with no network request and says nothing leaves the computer', async () => {
  assert.deepEqual(pageErrors, []);
  const foreign = requests.filter((u) => !/^(file|blob|data|about):/.test(u));
  assert.deepEqual(foreign, []);
  const text = await page.textContent('header');
  assert.match(text, /ネットワークを使いません/);
  assert.match(text, /nothing leaves this computer/);
  // The module, the schema and the example are inside the one file.
  const html = readFileSync(hubFile, 'utf8');
  assert.doesNotMatch(html, /<script[^>]+src=/);
  assert.doesNotMatch(html, /<link[^>]+href=/);
});

test('covers the whole summary: devices with settings, medicines, plan, contacts, team, history', async () => {
  await page.click('#load-example');
  for (const p of [
    '/summary/devices/0/settings/0/parameter',
    '/summary/devices/0/settings/0/value',
    '/summary/medications/3/dose',
    '/summary/emergency_plan/actions/0/action',
    '/summary/emergency_contacts/0/phone',
    '/summary/care_team/0/organisation',
    '/summary/history/0/start',
    '/summary/provenance/0/recorded_on',
    '/summary/clinical/care/0/kind',
  ]) {
    assert.equal(await field(p).count(), 1, p);
  }
  assert.equal(await field('/summary/child/name').inputValue(), '佐藤 陽向');
  assert.equal(await page.getAttribute('#status', 'data-valid'), 'true');
});

test('validates a typed entry next to the field, in Japanese', async () => {
  await field('/summary/child/name').fill('');
  await field('/summary/child/name').dispatchEvent('change');
  assert.equal(await field('/summary/child/name').getAttribute('aria-invalid'), 'true');
  const described = await field('/summary/child/name').getAttribute('aria-describedby');
  const msg = await page.textContent(`#${described.split(' ')[0]}`);
  assert.match(msg, /必須項目が空です/);
  assert.equal(await page.getAttribute('#status', 'data-valid'), 'false');
  await field('/summary/child/name').fill('佐藤 陽向');
  await field('/summary/child/name').dispatchEvent('change');
  assert.equal(await field('/summary/child/name').getAttribute('aria-invalid'), null);
  assert.equal(await page.getAttribute('#status', 'data-valid'), 'true');
});

test('saves the document as a local JSON file (a download)', async () => {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save')]);
  assert.match(download.suggestedFilename(), /^summary-\d{4}-\d{2}-\d{2}\.json$/);
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(saved.summary.child.name, '佐藤 陽向');
  assert.equal(saved.summary.devices[0].settings[0].parameter, 'pip_cm_h2o');
});

test('makes the sheet, prints it to at most two pages, and reads its QR payload back', async () => {
  await page.click('#make-sheet');
  const frame = page.frameLocator('#sheet-frame');
  await frame.locator('h1').waitFor();
  assert.match(await frame.locator('h1').textContent(), /救急時情報シート/);
  assert.equal(await frame.locator('svg.qr').count(), 1);
  assert.equal(await page.isDisabled('#print-sheet'), false);
  const sheetHtml = await page.$eval('#sheet-frame', (f) => f.srcdoc);
  const printPage = await browser.newPage();
  await printPage.setContent(sheetHtml);
  const pdf = await printPage.pdf({ format: 'A4', preferCSSPageSize: true });
  await printPage.close();
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.ok(pages >= 1 && pages <= 2, `${pages} pages`);

  const payload = await page.getAttribute('#sheet-frame', 'data-payload');
  assert.match(payload, /^KY1:[0-9A-Z $%*+\-./:]+$/);
  // As a scanner types it: with Enter at the end.
  await page.fill('#qr-input', payload + '\n');
  await page.click('#read-qr');
  assert.equal(await page.getAttribute('#qr-result', 'data-ok'), 'true');
  const read = await page.textContent('#qr-result');
  assert.match(read, /佐藤 陽向/);
  assert.match(read, /【診断】低酸素性虚血性脳症/);
  // A damaged payload: one clear message.
  await page.fill('#qr-input', payload.slice(0, 200));
  await page.click('#read-qr');
  assert.equal(await page.getAttribute('#qr-result', 'data-ok'), 'false');
  assert.match(await page.textContent('#qr-result'), /sheet\.qr\.(truncated|checksum)/);
});

test('hostile text cannot break the tool or the sheet', async () => {
  const before = await page.evaluate(() => ({
    scripts: document.scripts.length,
    imgs: document.images.length,
    fields: document.querySelectorAll('[data-path]').length,
  }));
  await field('/summary/child/name').fill(HOSTILE);
  await field('/summary/child/name').dispatchEvent('change');
  await field('/summary/medications/0/name').fill('</td></tr></table><b>薬</b>\u2066');
  await field('/summary/medications/0/name').dispatchEvent('change');
  await page.fill('#qr-input', HOSTILE);
  await page.click('#read-qr');
  await page.click('#make-sheet');
  const frame = page.frameLocator('#sheet-frame');
  await frame.locator('h1').waitFor();
  const after = await page.evaluate(() => ({
    scripts: document.scripts.length,
    imgs: document.images.length,
    fields: document.querySelectorAll('[data-path]').length,
    pwned: window.__pwned ?? null,
  }));
  assert.deepEqual(after, { ...before, pwned: null });
  assert.equal(await frame.locator('script, img').count(), 0);
  assert.match(await frame.locator('.name').textContent(), /^<img src=x/);
  assert.match(await page.textContent('#qr-result'), /sheet\.qr\.(prefix|character)/);
  assert.deepEqual(pageErrors, []);
  // Back to the example for the screenshot.
  await page.click('#load-example');
  await page.click('#make-sheet');
  await frame.locator('h1').waitFor();
  await page.fill('#qr-input', await page.getAttribute('#sheet-frame', 'data-payload'));
  await page.click('#read-qr');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(pkgDir, 'hub-tool.png') });
});
