// kyoten form demo: plain JS over the package's browser entry (../index.js).
//
// Every input builds the request document and runs the operations on it in draft mode
// (`{ draft: true }`: a field not filled in yet is a reminder, and the scores, timeline and
// emergency view are computed from what is there, marked provisional). Every finding is
// shown at once next to the element whose `data-pointer` equals the finding's JSON Pointer
// (or the nearest enclosing one), with its readable location; findings no element holds
// are listed on top of the form. aria-invalid / aria-describedby are set on fields in error.
// A document can be loaded as JSON: what the form has no field for is kept as it is.
import { init } from '../index.js';

const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));
const SEVERITY_JA = { error: 'エラー', warning: '警告', info: '情報' };

let kyoten = null;
/** The summary form runs in draft mode (the staffing form does not). */
const DRAFT = Object.freeze({ draft: true });
/** The loaded document: the form's fields are written over it, the rest is kept. */
let base = null;
/** The last computed results, kept (marked) while the input cannot be read. */
const last = { scores: null, timeline: null, emergency: null };

// ---------------------------------------------------------------- tabs (keyboard: ←/→)
function setupTabs() {
  const tabs = $$('[role="tab"]');
  const select = (tab, focus) => {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      document.getElementById(t.getAttribute('aria-controls')).hidden = !on;
    }
    if (focus) tab.focus();
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => select(tab, false));
    tab.addEventListener('keydown', (e) => {
      const n = tabs.length;
      const to = { ArrowRight: i + 1, ArrowLeft: i - 1 + n, Home: 0, End: n - 1 }[e.key];
      if (to === undefined) return;
      e.preventDefault();
      select(tabs[to % n], true);
    });
  });
}

// ---------------------------------------------------------------- repeatable rows
/** list name → { base pointer, template, title } */
const LISTS = {
  guardians: { base: '/summary/guardians', tpl: 'tpl-contact', title: '保護者' },
  emergency_contacts: { base: '/summary/emergency_contacts', tpl: 'tpl-contact', title: '緊急連絡先' },
  care: { base: '/summary/clinical/care', tpl: 'tpl-care', title: '医療的ケア' },
  staff: { base: '/hub/staff', tpl: 'tpl-staff', title: '職員' },
};

function rowsOf(list) {
  return $$(`[data-list="${list}"] > [data-row]`);
}

/** Gives every row of a list its ids, labels and JSON Pointers (after add/remove). */
function renumber(list) {
  const { base, title } = LISTS[list];
  rowsOf(list).forEach((row, i) => {
    const rowPointer = `${base}/${i}`;
    row.dataset.pointer = rowPointer;
    row.querySelector('[data-row-title]').textContent = `${title} ${i + 1}`;
    row.querySelector('[data-remove]').setAttribute('aria-label', `${title} ${i + 1} を削除`);
    for (const el of $$('[data-field]', row)) {
      const field = el.dataset.field;
      const inner = el.closest('[data-pointer-suffix]');
      const prefix = inner ? `${rowPointer}/${inner.dataset.pointerSuffix}` : rowPointer;
      el.id = `${list}-${i}-${field}`;
      el.dataset.pointer = `${prefix}/${field}`;
      const label = $(`[data-for="${field}"]`, row);
      if (label) label.htmlFor = el.id;
      if (inner) inner.dataset.pointer = prefix;
    }
  });
}

function addRow(list, values = {}, loaded = null) {
  const tpl = document.getElementById(LISTS[list].tpl);
  const row = tpl.content.firstElementChild.cloneNode(true);
  // The loaded object of this row: what the row has no field for is kept.
  row.loaded = loaded;
  for (const el of $$('[data-field]', row)) {
    const v = values[el.dataset.field];
    if (v === undefined || v === null) continue;
    if (el.classList.contains('checks')) {
      for (const box of $$('input[type=checkbox]', el)) box.checked = v.includes(box.value);
    } else if (el.tagName === 'SELECT') {
      setSelect(el, v);
    } else {
      el.value = String(v);
    }
  }
  $(`[data-list="${list}"]`).append(row);
  renumber(list);
  return row;
}

function setupLists() {
  for (const button of $$('[data-add]')) {
    button.addEventListener('click', () => {
      const row = addRow(button.dataset.add);
      $('[data-field]', row)?.focus();
      update();
    });
  }
  document.addEventListener('click', (e) => {
    const remove = e.target.closest('[data-remove]');
    if (!remove) return;
    const row = remove.closest('[data-row]');
    const list = row.parentElement.dataset.list;
    row.remove();
    renumber(list);
    update();
  });
}

// ---------------------------------------------------------------- reading the form
const text = (el) => el.value.trim();
/** Selects `value`; a loaded value the list does not offer is kept as an extra option
 *  (shown as loaded), so that the library reports it rather than the form hiding it. */
function setSelect(el, value) {
  for (const o of $$('option[data-json]', el)) o.remove();
  if (value === undefined || value === null) value = '';
  const match = typeof value === 'string' && $$('option', el).find((o) => o.value === value);
  if (match) {
    el.value = value;
    return;
  }
  const o = document.createElement('option');
  o.value = `loaded:${JSON.stringify(value)}`;
  o.dataset.json = JSON.stringify(value);
  o.textContent = `（読み込んだ値：${JSON.stringify(value)}）`;
  el.append(o);
  el.value = o.value;
}
/** The selected value: the loaded value for an extra option. */
function readSelect(el) {
  const o = el.selectedOptions[0];
  if (!o) return '';
  return 'json' in o.dataset ? JSON.parse(o.dataset.json) : o.value;
}
/** Sets `obj[key]`, or removes it when the value is empty (in draft mode an empty
 *  required field is then a reminder, not an error). */
function put(obj, key, value) {
  if (value === '' || value === undefined) delete obj[key];
  else obj[key] = value;
  return obj;
}
const clone = (v) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));
/** An optional field: absent when empty. */
function opt(obj, key, value) {
  if (value !== '' && value !== undefined) obj[key] = value;
  return obj;
}
/** A number field: a number when it is digits, else the text as typed, so that the
 *  library's own rule (input.wrong_type) reports it in Japanese next to the field. */
function num(value) {
  const t = value.trim();
  if (t === '') return '';
  return /^-?[0-9]+(\.[0-9]+)?$/.test(t) ? Number(t) : t;
}
function field(row, name) {
  return $(`[data-field="${name}"]`, row);
}

function contacts(list) {
  return rowsOf(list).map((row) => {
    const c = clone(row.loaded) ?? {};
    put(c, 'name', text(field(row, 'name')));
    put(c, 'relationship', readSelect(field(row, 'relationship')));
    return put(c, 'phone', text(field(row, 'phone')));
  });
}

function careItems() {
  return rowsOf('care').map((row) => {
    const item = clone(row.loaded) ?? {};
    put(item, 'kind', readSelect(field(row, 'kind')));
    put(item, 'since', text(field(row, 'since')));
    put(item, 'watch', readSelect(field(row, 'watch')));
    const ventilation = readSelect(field(row, 'ventilation'));
    if (ventilation) item.ventilation = [ventilation];
    else delete item.ventilation;
    const times = num(field(row, 'times').value);
    if (times !== '') item.frequency = { ...item.frequency, times, per: readSelect(field(row, 'per')) };
    else delete item.frequency;
    put(item, 'hours_per_day', num(field(row, 'hours_per_day').value));
    return item;
  });
}

function dobMode() {
  return $('input[name="dob-mode"]:checked').value;
}

/** The date of birth: `{ date }`, or `{ findings }` when the 和暦 text cannot be read. */
function dateOfBirth() {
  if (dobMode() === 'iso') return { date: text($('#dob-iso')), findings: [] };
  const wareki = text($('#dob-wareki'));
  const report = kyoten.run('calendar.convert', { values: [wareki] });
  const hint = $('#dob-wareki-hint');
  // The conversion's findings point at /values/0; show them on the 和暦 field.
  const findings = report.findings.map((f) => ({
    ...f,
    path: f.path.replace(/^\/values\/0/, '/summary/child/date_of_birth'),
  }));
  const date = report.result?.values?.[0]?.date;
  hint.textContent = date ? `西暦 ${date}` : '';
  return { date, findings, report };
}

/** The request: the loaded document (if any) with the form's fields written over it. */
function summaryRequest(date) {
  const doc = clone(base) ?? { version: 2 };
  put(doc, 'as_of', text($('#as-of')));
  const summary = (doc.summary ??= {});
  // The demo has no registration: one fixed id the hub would assign.
  const child = (summary.child ??= { id: 'demo:0001' });
  put(child, 'name', text($('#child-name')));
  put(child, 'kana', text($('#child-kana')));
  put(child, 'sex', readSelect($('#child-sex')));
  put(child, 'date_of_birth', date);
  put(child, 'municipality', text($('#child-municipality')));
  summary.guardians = contacts('guardians');
  summary.emergency_contacts = contacts('emergency_contacts');
  const clinical = (summary.clinical ??= {});
  clinical.care = careItems();
  put(clinical, 'motor_level', readSelect($('#motor-level')));
  put(clinical, 'iq', num($('#iq').value));
  put(clinical, 'nicu_discharge', text($('#nicu-discharge')));
  summary.allergies = put(summary.allergies ?? {}, 'status', readSelect($('#allergy-status')));
  const vitals = put(summary.vital_signs ?? {}, 'weight_kg', num($('#weight').value));
  if (Object.keys(vitals).length) summary.vital_signs = vitals;
  else delete summary.vital_signs;
  return doc;
}

/** Loads a summary request document into the form (fields it has no place for are kept
 *  and sent as they are). */
function loadDocument(doc) {
  base = clone(doc);
  delete base.$schema;
  const s = base.summary ?? {};
  const c = s.child ?? {};
  const clinical = s.clinical ?? {};
  $('#as-of').value = base.as_of ?? '';
  $('#child-name').value = c.name ?? '';
  $('#child-kana').value = c.kana ?? '';
  setSelect($('#child-sex'), c.sex);
  $('input[name="dob-mode"][value="iso"]').checked = true;
  $('#dob-iso-box').hidden = false;
  $('#dob-wareki-box').hidden = true;
  $('#dob-iso').dataset.pointer = '/summary/child/date_of_birth';
  delete $('#dob-wareki').dataset.pointer;
  $('#dob-iso').value = c.date_of_birth ?? '';
  $('#child-municipality').value = c.municipality ?? '';
  for (const list of ['guardians', 'emergency_contacts', 'care']) {
    for (const row of rowsOf(list)) row.remove();
  }
  for (const g of s.guardians ?? []) addRow('guardians', g, g);
  for (const e of s.emergency_contacts ?? []) addRow('emergency_contacts', e, e);
  for (const item of clinical.care ?? []) {
    addRow(
      'care',
      {
        ...item,
        ventilation: item.ventilation?.[0],
        times: item.frequency?.times,
        per: item.frequency?.per,
      },
      item,
    );
  }
  setSelect($('#motor-level'), clinical.motor_level);
  $('#iq').value = clinical.iq ?? '';
  $('#nicu-discharge').value = clinical.nicu_discharge ?? '';
  setSelect($('#allergy-status'), s.allergies?.status);
  $('#weight').value = s.vital_signs?.weight_kg ?? '';
  update();
}

function setupLoad() {
  $('#load-button').addEventListener('click', () => {
    let doc;
    try {
      doc = JSON.parse($('#load-json').value);
    } catch {
      $('#load-status').textContent = 'JSON として読めません。';
      return;
    }
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
      $('#load-status').textContent = '文書（JSON のオブジェクト）を入れてください。';
      return;
    }
    loadDocument(doc);
    $('#load-status').textContent = '読み込みました。';
    $('#load-box').open = false;
  });
}

function staffingRequest() {
  const staff = rowsOf('staff').map((row) => ({
    id: text(field(row, 'id')),
    roles: $$('input[type=checkbox]:checked', field(row, 'roles')).map((b) => b.value),
    facility: text(field(row, 'facility')),
    basis: field(row, 'basis').value,
    contracted_minutes: num(field(row, 'contracted_minutes').value),
    hub_minutes: num(field(row, 'hub_minutes').value),
  }));
  const meetings = {};
  opt(meetings, 'interval_days', num($('#meet-interval').value));
  const held = text($('#meet-held'));
  if (held) meetings.held = held.split(/[,、\s]+/).filter(Boolean);
  const hub = { name: text($('#hub-name')), host_organisation: text($('#hub-host')), staff };
  if (Object.keys(meetings).length) hub.meetings = meetings;
  return { as_of: text($('#st-as-of')), hub };
}

// ---------------------------------------------------------------- showing findings
function clearMessages(form, rootBox) {
  for (const m of $$('.msg', form)) m.remove();
  for (const el of $$('[aria-invalid]', form)) el.removeAttribute('aria-invalid');
  for (const el of $$('[data-describedby-base]', form)) {
    const base = el.dataset.describedbyBase;
    if (base) el.setAttribute('aria-describedby', base);
    else el.removeAttribute('aria-describedby');
    delete el.dataset.describedbyBase;
  }
  for (const el of $$('.has-error, .has-warning', form)) el.classList.remove('has-error', 'has-warning');
  rootBox.replaceChildren();
}

/** The element for a JSON Pointer: exact match, else the nearest enclosing pointer. */
function locate(form, pointer) {
  let p = pointer;
  while (p) {
    const el = form.querySelector(`[data-pointer="${CSS.escape(p)}"]`);
    if (el && !el.closest('[hidden]')) return el;
    p = p.slice(0, p.lastIndexOf('/'));
  }
  return null;
}

let msgCounter = 0;
function attachMessage(form, rootBox, f) {
  const target = locate(form, f.path);
  const msg = document.createElement('p');
  msg.className = `msg ${f.severity}`;
  msg.id = `msg-${++msgCounter}`;
  msg.dataset.code = f.code;
  msg.dataset.path = f.path;
  if (f.location_ja) msg.dataset.location = f.location_ja;
  msg.textContent = `${SEVERITY_JA[f.severity] ?? f.severity}：${f.message_ja}`;
  const isField = target && /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName);
  // Where it is, in words, unless the message sits right by its own field.
  if (f.location_ja && !(isField && target.dataset.pointer === f.path)) {
    msg.prepend(el('span', { class: 'where' }, `${f.location_ja}`));
  }
  if (!target) {
    rootBox.append(msg);
    return { msg, target: null };
  }
  if (isField) {
    // After the field (or after its inline group), inside the field's box.
    const anchor = target.closest('.inline') ?? target;
    let after = anchor;
    while (after.nextElementSibling?.classList.contains('msg')) after = after.nextElementSibling;
    after.after(msg);
  } else {
    const legend = $(':scope > legend', target);
    let after = legend;
    while (after?.nextElementSibling?.classList.contains('msg')) after = after.nextElementSibling;
    if (after) after.after(msg);
    else target.prepend(msg);
  }
  if (!('describedbyBase' in target.dataset)) {
    target.dataset.describedbyBase = target.getAttribute('aria-describedby') ?? '';
  }
  const ids = (target.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  ids.push(msg.id);
  target.setAttribute('aria-describedby', ids.join(' '));
  if (f.severity === 'error') {
    if (isField) target.setAttribute('aria-invalid', 'true');
    target.classList.add('has-error');
  } else if (f.severity === 'warning') {
    target.classList.add('has-warning');
  }
  return { msg, target };
}

function showFindings(form, rootBox, listEl, countsEl, findings) {
  clearMessages(form, rootBox);
  listEl.replaceChildren();
  const count = (s) => findings.filter((f) => f.severity === s).length;
  countsEl.textContent =
    findings.length === 0
      ? '指摘はありません。'
      : `エラー ${count('error')} 件、警告 ${count('warning')} 件、情報 ${count('info')} 件`;
  for (const f of findings) {
    const { target } = attachMessage(form, rootBox, f);
    const li = document.createElement('li');
    li.className = f.severity;
    const sev = document.createElement('span');
    sev.className = 'sev';
    sev.textContent = SEVERITY_JA[f.severity] ?? f.severity;
    const code = document.createElement('code');
    code.textContent = f.code;
    li.append(sev, f.location_ja ? ` ${f.location_ja}：` : ' ', `${f.message_ja} `, code);
    if (target) {
      const go = document.createElement('button');
      go.type = 'button';
      go.className = 'link';
      go.textContent = '該当箇所へ';
      go.addEventListener('click', () => {
        const focusable = /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)
          ? target
          : $('input, select, textarea, button', target);
        focusable?.focus();
      });
      li.append(' ', go);
    }
    listEl.append(li);
  }
}

// ---------------------------------------------------------------- showing results
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children.filter((c) => c !== null && c !== undefined));
  return e;
}

function scoreBlock(key, title, total, label, items, itemText) {
  const box = el('div', { class: 'score', 'data-score': key });
  box.append(
    el('h3', {}, title),
    // A total the library withheld (it waits for a field not filled in: the report's
    // `withheld`) is shown as not known yet, never as a number.
    total === undefined || total === null
      ? el('p', { class: 'total', 'data-withheld': 'true' }, '未記入の項目を入れると計算します')
      : el('p', { class: 'total' }, el('strong', { 'data-total': String(total) }, `${total} 点`), label ? `　${label}` : ''),
  );
  if (items?.length) {
    const ul = el('ul', { class: 'reasons', 'aria-label': `${title}の内訳` });
    for (const it of items) ul.append(el('li', {}, itemText(it)));
    box.append(ul);
  }
  return box;
}

/** The note above a result computed from a draft, or kept from an earlier input. */
function resultNote(out, report, kind) {
  if (report?.provisional) {
    out.append(el('p', { class: 'provisional', 'data-provisional': 'true' }, `暫定：未記入の項目があるため、記入済みの内容で計算した${kind}です。`));
  } else if (!report?.result) {
    out.append(el('p', { class: 'provisional', 'data-stale': 'true' }, `入力に誤りがあるため、最後に計算できた${kind}を表示しています（指摘を直すと更新されます）。`));
  }
}

function renderScores(report) {
  const out = $('#scores');
  out.replaceChildren();
  if (report?.result) last.scores = report.result;
  const result = report?.result ?? last.scores;
  if (!result) {
    out.append(el('p', { class: 'muted' }, '入力を読めないため計算できません（上の指摘を直してください）。'));
    return;
  }
  resultNote(out, report, 'スコア');
  out.classList.toggle('stale', !report?.result);
  const ss = result.super_severe;
  if (ss) {
    out.append(
      scoreBlock('super_severe', '超重症児スコア', ss.total, ss.category_ja, ss.items, (it) =>
        `${it.row ?? ''} ${it.item_ja ?? ''}：${it.points} 点`,
      ),
    );
  }
  const mc = result.medical_care;
  if (mc) {
    out.append(
      scoreBlock('medical_care', '医療的ケア判定スコア', mc.total, mc.level_ja, mc.items, (it) =>
        `${it.row ?? ''} ${it.item_ja ?? ''}：${it.base ?? 0} 点` +
        (it.watch_points ? ` ＋ 見守り ${it.watch_points} 点` : '') +
        ` ＝ ${it.points} 点`,
      ),
    );
  }
  const os = result.oshima;
  const osBox = el('div', { class: 'score', 'data-score': 'oshima' }, el('h3', {}, '大島分類'));
  osBox.append(
    el(
      'p',
      {},
      os
        ? `区分 ${os.cell}（${os.group_ja ?? ''}）：${os.iq_band_ja ?? ''}、${os.motor_level_ja ?? ''}`
        : '運動機能と IQ（または DQ）を入れると判定します。',
    ),
  );
  out.append(osBox);
  const st = result.short_stay;
  if (st) {
    const box = el('div', { class: 'score', 'data-score': 'short_stay' }, el('h3', {}, '医療型短期入所の利用根拠'));
    let verdict = '根拠となる状態は見つかりません。';
    if (report?.provisional || !report?.result) verdict = '下書き（未記入あり）のため、対象かどうかは判断していません。';
    else if (st.eligible) verdict = '利用の根拠があります。';
    else if (st.only_unconfirmed) verdict = '未確認の根拠しかないため対象としていません（方針で認めることができます）。';
    else if (st.over_18?.length) verdict = '18歳以上のため、児童の根拠は適用されません。';
    box.append(el('p', {}, verdict));
    if (st.grounds?.length) {
      const ul = el('ul', { class: 'reasons' });
      for (const g of st.grounds) {
        ul.append(el('li', {}, `${g.ground_ja ?? g.ground}：${g.reason_ja ?? ''}${g.confirmed === false ? '（未確認）' : ''}`));
      }
      box.append(ul);
    }
    out.append(box);
  }
}

/** A readable rendering of any JSON value: Japanese texts (`*_ja`) are preferred over
 *  English ones (`*_en`) and codes. */
function renderValue(value) {
  if (value === null || value === undefined) return el('span', { class: 'muted' }, '—');
  if (Array.isArray(value)) {
    if (value.length === 0) return el('span', { class: 'muted' }, 'なし');
    const ul = el('ul');
    for (const v of value) ul.append(el('li', {}, renderValue(v)));
    return ul;
  }
  if (typeof value === 'object') {
    const dl = el('dl');
    for (const [k, v] of Object.entries(value)) {
      if (k.endsWith('_en') && `${k.slice(0, -3)}_ja` in value) continue;
      if (`${k}_ja` in value) continue;
      dl.append(el('dt', {}, k.replace(/_ja$/, '')), el('dd', {}, renderValue(v)));
    }
    return dl;
  }
  if (typeof value === 'boolean') return document.createTextNode(value ? 'はい' : 'いいえ');
  return document.createTextNode(String(value));
}

function renderEmergency(report) {
  const out = $('#emergency');
  out.replaceChildren();
  if (report?.result) last.emergency = report.result;
  const result = report?.result ?? last.emergency;
  if (!result) {
    out.append(el('p', { class: 'muted' }, '—'));
    return;
  }
  resultNote(out, report, '救急時ビュー');
  if (!Array.isArray(result.sections)) {
    out.append(renderValue(result));
    return;
  }
  const c = result.child ?? {};
  const age = c.age ? `${c.age.years}歳${c.age.months}か月` : '';
  out.append(el('p', { class: 'emergency-child' }, el('strong', {}, c.name ?? ''), `（${c.kana ?? ''}）`, ` ${c.date_of_birth ?? ''} 生 ${age}`));
  for (const block of result.sections) {
    const box = el('div', { class: 'emergency-block', 'data-section': String(block.section) });
    box.append(el('h3', {}, block.title_ja ?? String(block.section)));
    if (block.items?.length) {
      const ul = el('ul');
      for (const item of block.items) ul.append(el('li', {}, String(item)));
      box.append(ul);
    } else {
      box.append(el('p', { class: 'muted' }, '記載なし'));
    }
    if (block.omitted) box.append(el('p', { class: 'muted' }, `ほか ${block.omitted} 件`));
    out.append(box);
  }
}

function renderStaffing(result) {
  const out = $('#staffing-result');
  out.replaceChildren();
  if (!result) {
    out.append(el('p', { class: 'muted' }, '入力を読めないため判定できません。'));
    return;
  }
  if (result.roles) {
    const table = el('table', { 'data-result': 'roles' });
    table.append(
      el('caption', {}, '役割ごとの配置'),
      el('tr', {}, el('th', { scope: 'col' }, '役割'), el('th', { scope: 'col' }, '要否'), el('th', { scope: 'col' }, '担当者'), el('th', { scope: 'col' }, '基準を満たす人数')),
    );
    const req = { required: '必須', desirable: '望ましい', optional: '任意' };
    for (const r of result.roles) {
      table.append(
        el('tr', {}, el('td', {}, r.label_ja ?? r.role), el('td', {}, req[r.requirement] ?? String(r.requirement)), el('td', {}, String(r.holders?.length ?? 0)), el('td', {}, String(r.holders_meeting_minimum ?? ''))),
      );
    }
    out.append(table);
  }
  if (result.staff) {
    const table = el('table', { 'data-result': 'staff' });
    table.append(
      el('caption', {}, '職員ごとの拠点業務の割合'),
      el('tr', {}, el('th', { scope: 'col' }, '職員 ID'), el('th', { scope: 'col' }, '割合'), el('th', { scope: 'col' }, '下限'), el('th', { scope: 'col' }, '判定')),
    );
    for (const s of result.staff) {
      table.append(
        el('tr', {}, el('td', {}, s.id), el('td', {}, s.share?.percent ?? '—'), el('td', {}, `${s.min_share_percent ?? 0}%`), el('td', {}, s.meets_minimum ? '満たす' : '満たさない')),
      );
    }
    out.append(table);
  }
  if (result.meetings) {
    out.append(el('h3', {}, '連絡会議'), renderValue(result.meetings));
  }
}

// ---------------------------------------------------------------- the update loop
function updateSummary() {
  const form = $('#summary-form');
  const dob = dateOfBirth();
  const rootBox = $('#summary-root-messages');
  if (dob.date === undefined) {
    // The 和暦 text cannot be read: show why, and keep the last results.
    showFindings(form, rootBox, $('#summary-findings'), $('#summary-counts'), dob.findings);
    return;
  }
  const request = summaryRequest(dob.date);
  const validation = kyoten.run('summary.validate', request, DRAFT);
  const scores = scoresReport(request);
  const emergency = kyoten.run('summary.emergency_view', request, DRAFT);
  // summary.validate reports every rule; summary.scores adds the score-specific ones.
  const seen = new Set();
  const findings = [];
  for (const f of [...dob.findings, ...validation.findings, ...scores.findings]) {
    const key = `${f.code}\u0000${f.path}\u0000${f.message_ja}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(f);
  }
  showFindings(form, rootBox, $('#summary-findings'), $('#summary-counts'), findings);
  renderScores(scores);
  renderEmergency(emergency);
  renderTimeline(has('summary.timeline') ? kyoten.run('summary.timeline', request, DRAFT) : null);
}

function renderTimeline(report) {
  const out = $('#timeline');
  out.replaceChildren();
  const note = $('#timeline-note');
  note.replaceChildren();
  if (report?.result) last.timeline = report.result;
  const result = report?.result ?? last.timeline;
  if (!result?.milestones) return;
  resultNote(note, report, '予定');
  // 和暦 for every date, from the core's calendar.convert (one call for all).
  const dates = result.milestones.map((m) => m.date);
  const conv = has('calendar.convert') ? kyoten.run('calendar.convert', { values: dates }).result?.values : null;
  result.milestones.forEach((m, i) => {
    const wareki = conv?.[i]?.wareki ? `（${conv[i].wareki}）` : '';
    const when =
      m.status === 'upcoming' ? `あと ${m.days_from_as_of} 日` : m.status === 'past' ? '済' : '';
    out.append(
      el('li', { class: `milestone ${m.status}`, 'data-kind': String(m.kind) },
        el('span', { class: 'date' }, `${m.date}${wareki}`), ' ',
        el('strong', {}, m.label_ja ?? String(m.kind)), ` ${m.age_years}歳 `,
        el('span', { class: 'muted' }, when)),
    );
  });
}

/** The scores: `summary.scores` on the summary request where the table has it, else
 *  `scores.compute` on the clinical profile, with its pointers mapped back into the
 *  summary request so that its messages land on the same fields. */
function scoresReport(request) {
  if (has('summary.scores')) return kyoten.run('summary.scores', request, DRAFT);
  const report = kyoten.run('scores.compute', {
    as_of: request.as_of,
    birth_date: request.summary.child.date_of_birth,
    clinical: request.summary.clinical,
  }, DRAFT);
  const map = (p) =>
    p.startsWith('/clinical')
      ? `/summary${p}`
      : p.startsWith('/birth_date')
        ? `/summary/child/date_of_birth${p.slice('/birth_date'.length)}`
        : p;
  return { ...report, findings: report.findings.map((f) => ({ ...f, path: map(f.path) })) };
}

function has(name) {
  return kyoten.operations().some((o) => o.name === name);
}

function updateStaffing() {
  const report = kyoten.run('staffing.check', staffingRequest());
  showFindings($('#staffing-form'), $('#staffing-root-messages'), $('#staffing-findings'), $('#staffing-counts'), report.findings);
  renderStaffing(report.result);
}

function update() {
  if (!kyoten) return;
  updateSummary();
  updateStaffing();
}

// ---------------------------------------------------------------- start
function fillExample() {
  $('#as-of').value = '2026-11-01';
  $('#child-name').value = '拠点 はな';
  $('#child-kana').value = 'きょてん はな';
  $('#child-sex').value = 'female';
  $('#dob-iso').value = '2020-04-01';
  $('#dob-wareki').value = '令和2年4月1日';
  $('#child-municipality').value = '〇〇市';
  addRow('guardians', { name: '拠点 はは', relationship: 'mother', phone: '090-0000-0000' });
  addRow('emergency_contacts', { name: '拠点 はは', relationship: 'mother', phone: '090-0000-0000' });
  addRow('care', { kind: 'ventilator', since: '2021-01-15', ventilation: 'invasive', watch: 'medium', hours_per_day: '24' });
  addRow('care', { kind: 'tracheostomy', since: '2021-01-15', watch: 'low' });
  addRow('care', { kind: 'suctioning', since: '2021-01-15', watch: 'high', times: '10', per: 'day' });
  addRow('care', { kind: 'tube_feeding', since: '2020-10-01', watch: 'low' });
  $('#motor-level').value = 'bedridden';
  $('#iq').value = '15';
  $('#allergy-status').value = 'none_known';
  $('#st-as-of').value = '2026-11-01';
  $('#hub-name').value = '〇〇県小児等在宅医療連携拠点';
  $('#hub-host').value = '〇〇県立こども医療センター';
  addRow('staff', { id: 'dr-01', roles: ['physician'], facility: '〇〇県立こども医療センター', basis: 'week', contracted_minutes: '2400', hub_minutes: '240' });
  addRow('staff', { id: 'ns-01', roles: ['family_support_nurse'], facility: '〇〇県立こども医療センター', basis: 'week', contracted_minutes: '2325', hub_minutes: '480' });
  addRow('staff', { id: 'phn-01', roles: ['public_health_nurse', 'local_resource_staff'], facility: '〇〇市役所 障害福祉課', basis: 'month', contracted_minutes: '9300', hub_minutes: '2790' });
  $('#meet-interval').value = '28';
  $('#meet-held').value = '2026-07-14, 2026-08-11, 2026-09-08, 2026-10-06';
}

function setupDobMode() {
  for (const radio of $$('input[name="dob-mode"]')) {
    radio.addEventListener('change', () => {
      const wareki = dobMode() === 'wareki';
      $('#dob-iso-box').hidden = wareki;
      $('#dob-wareki-box').hidden = !wareki;
      // The date of birth's pointer moves to the visible field.
      const [on, off] = wareki ? ['#dob-wareki', '#dob-iso'] : ['#dob-iso', '#dob-wareki'];
      $(on).dataset.pointer = '/summary/child/date_of_birth';
      delete $(off).dataset.pointer;
      update();
    });
  }
}

async function main() {
  setupTabs();
  setupLists();
  setupDobMode();
  setupLoad();
  fillExample();
  try {
    kyoten = await init();
  } catch (e) {
    $('#status').textContent = `WASM を読み込めませんでした：${e}`;
    return;
  }
  const names = new Set(kyoten.operations().map((o) => o.name));
  const missing = ['summary.validate', 'summary.emergency_view', 'staffing.check', 'calendar.convert'].filter((n) => !names.has(n));
  if (!names.has('summary.scores') && !names.has('scores.compute')) missing.push('summary.scores');
  $('#status').textContent =
    `kyoten ${kyoten.version()} を読み込みました（操作 ${names.size} 件）。` +
    (missing.length ? ` この版にない操作: ${missing.join(', ')}` : '');
  document.body.dataset.ready = 'true';
  for (const form of $$('form')) {
    form.addEventListener('input', update);
    form.addEventListener('change', update);
    form.addEventListener('submit', (e) => e.preventDefault());
  }
  update();
}

main();
