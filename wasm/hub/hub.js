// The hub tool's page code (inlined into kyoten-hub.html by build-hub.mjs). Loads the
// kyoten WASM module from bytes inside the page (no network), draws a form for the whole
// child summary from its JSON Schema, validates on every change, saves and opens the
// document as a local JSON file, makes and prints the emergency sheet, and reads a sheet's
// QR payload back. Input text is only ever set with textContent/value, never as markup.

const $ = (id) => document.getElementById(id);
const bytesOf = (id) => Uint8Array.from(atob($(id).textContent.trim()), (c) => c.charCodeAt(0));
const textOf = (id) => new TextDecoder().decode(bytesOf(id));
const moduleUrl = (src) => URL.createObjectURL(new Blob([src], { type: 'text/javascript' }));

const glue = await import(moduleUrl(textOf('kyoten-glue')));
await glue.default({ module_or_path: bytesOf('kyoten-wasm') });
const { makeApi } = await import(moduleUrl(textOf('kyoten-api')));
const kyoten = makeApi(glue);
const schema = JSON.parse(textOf('kyoten-schema'));
const example = JSON.parse(textOf('kyoten-example'));

const today = new Date().toISOString().slice(0, 10);
let doc = blank();
let lastSheet = null;

function blank() {
  return {
    as_of: today,
    summary: {
      child: { name: '', kana: '', sex: 'unknown', date_of_birth: today, municipality: '' },
      allergies: { status: 'unknown', items: [] },
    },
  };
}

// ---- JSON Schema helpers (the shapes kyoten-gen writes) ----
function resolve(s) {
  let out = s ?? {};
  for (let i = 0; i < 8 && out.$ref; i++) {
    const name = out.$ref.replace('#/$defs/', '');
    out = { ...schema.$defs[name], title: out.title ?? schema.$defs[name].title };
  }
  return out;
}
/** { kind, schema, optional } for a property schema. */
function shape(s0) {
  let s = resolve(s0);
  let optional = false;
  const alt = s.anyOf ?? (s.oneOf && !s.oneOf.every((o) => 'const' in o) ? s.oneOf : null);
  if (alt) {
    const real = alt.filter((a) => a.type !== 'null');
    optional = real.length < alt.length;
    s = { ...resolve(real[0]), title: s0.title ?? s.title };
  }
  if (s.oneOf && s.oneOf.every((o) => 'const' in o)) return { kind: 'enum', schema: s, optional };
  let t = s.type;
  if (Array.isArray(t)) {
    optional = optional || t.includes('null');
    t = t.find((x) => x !== 'null');
  }
  if (t === 'string' && s.format === 'date') return { kind: 'date', schema: s, optional };
  return { kind: t ?? 'string', schema: s, optional };
}
const ja = (title) => String(title ?? '').split(' / ')[0].replace(/[（(]任意[)）]/, '');
function defaultFor(s0) {
  const { kind, schema: s } = shape(s0);
  switch (kind) {
    case 'object': {
      const o = {};
      for (const k of s.required ?? []) o[k] = defaultFor(s.properties[k]);
      return o;
    }
    case 'array': return [];
    case 'enum': return s.oneOf[0].const;
    case 'integer': case 'number': return 0;
    case 'boolean': return false;
    case 'date': return doc.as_of ?? today;
    default: return '';
  }
}
const pointer = (path) => path.map((p) => '/' + String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('');

// ---- the form ----
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c) e.append(c);
  return e;
}
function setAt(path, value) {
  let o = doc;
  for (const k of path.slice(0, -1)) o = o[k];
  const last = path[path.length - 1];
  if (value === undefined) {
    if (Array.isArray(o)) o.splice(last, 1);
    else delete o[last];
  } else o[last] = value;
}
function getAt(path) {
  return path.reduce((o, k) => (o == null ? undefined : o[k]), doc);
}

// Fields in the order a person fills them in (the schema lists them alphabetically).
const ORDER = ['child', 'name', 'kana', 'sex', 'date_of_birth', 'municipality', 'blood_type', 'guardians',
  'emergency_contacts', 'diagnoses', 'clinical', 'devices', 'kind', 'product', 'mode', 'settings',
  'medications', 'allergies', 'status', 'items', 'vaccinations', 'vital_signs', 'care_team', 'id', 'role',
  'organisation', 'person', 'history', 'emergency_plan', 'provenance'];
const rank = (k) => (ORDER.includes(k) ? ORDER.indexOf(k) : ORDER.length);

function renderValue(s0, path, title) {
  const { kind, schema: s, optional } = shape(s0);
  const value = getAt(path);
  const id = 'f' + pointer(path).replace(/[^A-Za-z0-9]/g, '_');
  if (kind === 'object') {
    const fs = el('fieldset', { 'data-path': pointer(path) }, el('legend', { text: ja(title ?? s.title) }));
    if (value == null) {
      const add = el('button', { type: 'button', class: 'small', text: '記入する' });
      add.addEventListener('click', () => { setAt(path, defaultFor(s)); redraw(); });
      fs.append(add);
      return fs;
    }
    const props = Object.entries(s.properties ?? {}).sort((a, b) => rank(a[0]) - rank(b[0]));
    for (const [k, ps] of props) {
      if (k === '$schema') continue;
      fs.append(renderValue(ps, [...path, k], ps.title ?? k));
    }
    if (optional) {
      const del = el('button', { type: 'button', class: 'small', text: 'この欄を削除' });
      del.addEventListener('click', () => { setAt(path, undefined); redraw(); });
      fs.append(del);
    }
    return fs;
  }
  if (kind === 'array') {
    const fs = el('fieldset', { 'data-path': pointer(path) }, el('legend', { text: ja(title ?? s.title) }));
    const list = Array.isArray(value) ? value : [];
    list.forEach((_, i) => {
      const item = el('div', { class: 'item' });
      item.append(renderValue(s.items, [...path, i], `${ja(title ?? s.title)} ${i + 1}`));
      const del = el('button', { type: 'button', class: 'small', text: '削除' });
      del.addEventListener('click', () => { getAt(path).splice(i, 1); redraw(); });
      item.append(el('div', { class: 'tools' }, del));
      fs.append(item);
    });
    const add = el('button', { type: 'button', class: 'small', text: '追加' });
    add.addEventListener('click', () => {
      if (!Array.isArray(getAt(path))) setAt(path, []);
      getAt(path).push(defaultFor(s.items));
      redraw();
    });
    fs.append(add);
    return fs;
  }
  let input;
  if (kind === 'enum') {
    input = el('select', { id });
    if (optional) input.append(el('option', { value: '', text: '（未記入）' }));
    for (const o of s.oneOf) input.append(el('option', { value: o.const, text: o.title ?? o.const }));
    input.value = value ?? '';
  } else if (kind === 'boolean') {
    input = el('input', { id, type: 'checkbox' });
    input.checked = !!value;
  } else {
    input = el('input', { id, type: kind === 'date' ? 'date' : kind === 'integer' || kind === 'number' ? 'number' : 'text' });
    if (kind === 'number') input.step = 'any';
    input.value = value ?? '';
  }
  input.dataset.path = pointer(path);
  input.addEventListener('change', () => {
    let v;
    if (kind === 'boolean') v = input.checked;
    else if (kind === 'integer' || kind === 'number') v = input.value === '' ? undefined : Number(input.value);
    else v = input.value;
    if (optional && (v === '' || v === undefined)) v = undefined;
    // A required number left empty stays missing (the reader reports it), never a silent 0.
    if (v === undefined && !optional && kind !== 'integer' && kind !== 'number') v = '';
    setAt(path, v);
    validate();
  });
  const row = el('div', { class: 'field' }, el('label', { for: id, text: ja(title ?? s.title) }), input);
  return row;
}

function redraw() {
  const form = $('form');
  form.replaceChildren(
    renderValue(schema.properties.as_of, ['as_of'], schema.properties.as_of.title),
    renderValue(schema.properties.summary, ['summary'], schema.properties.summary.title),
  );
  validate();
}

// ---- findings next to the fields ----
function validate() {
  for (const m of document.querySelectorAll('.msg')) m.remove();
  for (const i of document.querySelectorAll('[aria-invalid]')) {
    i.removeAttribute('aria-invalid');
    i.removeAttribute('aria-describedby');
  }
  const report = kyoten.run('summary.validate', doc);
  const list = $('findings');
  list.replaceChildren();
  report.findings.forEach((f, n) => {
    list.append(el('li', { class: f.severity, text: `${f.message_ja}（${f.code}）` }));
    const target = document.querySelector(`[data-path="${CSS.escape(f.path)}"]`);
    if (target && (f.severity === 'error' || f.severity === 'warning')) {
      const msgId = `msg-${n}`;
      const msg = el('div', { class: `msg ${f.severity}`, id: msgId, text: f.message_ja });
      if (target.tagName === 'FIELDSET') target.append(msg);
      else target.closest('.field')?.append(msg);
      if (f.severity === 'error') target.setAttribute('aria-invalid', 'true');
      const was = target.getAttribute('aria-describedby');
      target.setAttribute('aria-describedby', was ? `${was} ${msgId}` : msgId);
    }
  });
  if (report.findings.length === 0) list.append(el('li', { text: '指摘はありません' }));
  $('status').textContent = report.valid
    ? `妥当（警告 ${report.warnings}件）`
    : `誤り ${report.errors}件・警告 ${report.warnings}件`;
  $('status').dataset.valid = String(report.valid);
  return report;
}

function load(d) {
  doc = d;
  lastSheet = null;
  $('print-sheet').disabled = true;
  redraw();
}

// ---- open and save ----
$('open-file').addEventListener('change', async (e) => {
  const file = e.target.files?.[0];
  if (!file) return;
  try {
    const d = JSON.parse(await file.text());
    if (typeof d !== 'object' || d === null || typeof d.summary !== 'object') throw new Error('not a summary');
    load(d);
  } catch {
    $('status').textContent = 'このファイルは対象児の情報集約（JSON）として読めません';
  }
  e.target.value = '';
});
$('new-doc').addEventListener('click', () => load(blank()));
$('load-example').addEventListener('click', () => load(structuredClone(example)));
$('save').addEventListener('click', () => {
  const blob = new Blob([JSON.stringify(doc, null, 2) + '\n'], { type: 'application/json' });
  const a = el('a', { href: URL.createObjectURL(blob), download: `summary-${doc.as_of ?? today}.json` });
  document.body.append(a);
  a.click();
  a.remove();
});

// ---- the sheet ----
$('make-sheet').addEventListener('click', () => {
  const report = kyoten.run('summary.emergency_sheet', doc);
  const info = $('sheet-info');
  if (!report.result) {
    info.textContent = 'シートを作れませんでした: ' + report.findings.map((f) => f.message_ja).join(' ／ ');
    return;
  }
  lastSheet = report.result;
  const notes = report.findings.filter((f) => f.code.startsWith('sheet.')).map((f) => f.message_ja);
  info.textContent = `QRコード ${report.result.qr_version}型（誤り訂正M）` + (notes.length ? ' ／ ' + notes.join(' ／ ') : '');
  $('sheet-frame').srcdoc = report.result.html;
  $('sheet-frame').dataset.payload = report.result.qr_payload ?? '';
  $('print-sheet').disabled = false;
});
$('print-sheet').addEventListener('click', () => {
  $('sheet-frame').contentWindow?.print();
});

// ---- reading a QR payload back ----
$('read-qr').addEventListener('click', () => {
  const report = kyoten.run('sheet.read_qr', { payload: $('qr-input').value });
  const out = $('qr-result');
  if (!report.result) {
    out.dataset.ok = 'false';
    out.textContent = report.findings.map((f) => `${f.message_ja}（${f.code}）`).join('\n');
    return;
  }
  const e = report.result;
  const lines = [`${e.n}（${e.k}） 生年月日 ${e.b}${e.w ? ` 体重 ${e.w}kg` : ''}　${e.d} 時点`];
  const labels = { diagnoses: '診断', resuscitation: '蘇生', actions: '緊急時の対応', airway: '呼吸・気道', medications: '薬', allergies: 'アレルギー', contacts: '連絡先', care: '医療的ケア', baseline: '平常時' };
  for (const p of e.p) {
    lines.push(`【${labels[p.s] ?? p.s}】${p.i.join('／')}${p.o ? `（ほか${p.o}件はQRに入っていません）` : ''}`);
  }
  out.dataset.ok = 'true';
  out.textContent = lines.join('\n');
});

redraw();
$('status').textContent = '準備完了';
validate();
document.body.dataset.ready = 'true';
