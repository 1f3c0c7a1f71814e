// kyoten form demo: plain JS over the package's browser entry (../index.js).
//
// Every input builds the request document and runs the operations on it; each finding is
// shown next to the element whose `data-pointer` equals the finding's JSON Pointer (or the
// nearest enclosing one), with aria-invalid / aria-describedby set on fields in error.
import { init } from '../index.js';

const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));
const SEVERITY_JA = { error: 'エラー', warning: '警告', info: '情報' };

let kyoten = null;

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

function addRow(list, values = {}) {
  const tpl = document.getElementById(LISTS[list].tpl);
  const row = tpl.content.firstElementChild.cloneNode(true);
  for (const el of $$('[data-field]', row)) {
    const v = values[el.dataset.field];
    if (v === undefined) continue;
    if (el.classList.contains('checks')) {
      for (const box of $$('input[type=checkbox]', el)) box.checked = v.includes(box.value);
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
  return /^[0-9]+$/.test(t) ? Number(t) : t;
}
function field(row, name) {
  return $(`[data-field="${name}"]`, row);
}

function contacts(list) {
  return rowsOf(list).map((row) => {
    const c = { name: text(field(row, 'name')), relationship: field(row, 'relationship').value };
    return opt(c, 'phone', text(field(row, 'phone')));
  });
}

function careItems() {
  return rowsOf('care').map((row) => {
    const item = { kind: field(row, 'kind').value };
    opt(item, 'since', text(field(row, 'since')));
    opt(item, 'watch', field(row, 'watch').value);
    const ventilation = field(row, 'ventilation').value;
    if (ventilation) item.ventilation = [ventilation];
    const times = num(field(row, 'times').value);
    if (times !== '') item.frequency = { times, per: field(row, 'per').value };
    opt(item, 'hours_per_day', num(field(row, 'hours_per_day').value));
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

function summaryRequest(date) {
  const clinical = { care: careItems() };
  opt(clinical, 'motor_level', $('#motor-level').value);
  opt(clinical, 'iq', num($('#iq').value));
  return {
    version: 2,
    as_of: text($('#as-of')),
    summary: {
      child: {
        // The demo has no registration: one fixed id the hub would assign.
        id: 'demo:0001',
        name: text($('#child-name')),
        kana: text($('#child-kana')),
        sex: $('#child-sex').value,
        date_of_birth: date,
        municipality: text($('#child-municipality')),
      },
      guardians: contacts('guardians'),
      emergency_contacts: contacts('emergency_contacts'),
      clinical,
      allergies: { status: $('#allergy-status').value },
    },
  };
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
  msg.textContent = `${SEVERITY_JA[f.severity] ?? f.severity}：${f.message_ja}`;
  if (!target) {
    rootBox.append(msg);
    return { msg, target: null };
  }
  const isField = /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName);
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
    li.append(sev, ` ${f.message_ja} `, code);
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
    el('p', { class: 'total' }, el('strong', { 'data-total': String(total) }, `${total} 点`), label ? `　${label}` : ''),
  );
  if (items?.length) {
    const ul = el('ul', { class: 'reasons', 'aria-label': `${title}の内訳` });
    for (const it of items) ul.append(el('li', {}, itemText(it)));
    box.append(ul);
  }
  return box;
}

function renderScores(result) {
  const out = $('#scores');
  out.replaceChildren();
  if (!result) {
    out.append(el('p', { class: 'muted' }, '入力を読めないため計算できません（上の指摘を直してください）。'));
    return;
  }
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
    if (st.eligible) verdict = '利用の根拠があります。';
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

function renderEmergency(result) {
  const out = $('#emergency');
  out.replaceChildren();
  if (!result) {
    out.append(el('p', { class: 'muted' }, '—'));
    return;
  }
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
  const validation = kyoten.run('summary.validate', request);
  const scores = scoresReport(request);
  const emergency = kyoten.run('summary.emergency_view', request);
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
  renderScores(scores.result);
  renderEmergency(emergency.result);
  renderTimeline(has('summary.timeline') ? kyoten.run('summary.timeline', request).result : null);
}

function renderTimeline(result) {
  const out = $('#timeline');
  out.replaceChildren();
  if (!result?.milestones) return;
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
  if (has('summary.scores')) return kyoten.run('summary.scores', request);
  const report = kyoten.run('scores.compute', {
    as_of: request.as_of,
    birth_date: request.summary.child.date_of_birth,
    clinical: request.summary.clinical,
  });
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
