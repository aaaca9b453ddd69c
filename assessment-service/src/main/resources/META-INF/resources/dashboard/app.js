// Sansho compliance dashboard: plain browser JavaScript, no build step, nothing loaded from elsewhere. It reads this
// service's documented reads (posture, contracts overview, contract timelines, assessments, findings, risk matrix,
// posture trends, deadlines) and its SSE stream with the pasted bearer token (kept in sessionStorage only). The
// stream is read with fetch() because EventSource cannot send an Authorization header.
(function () {
  'use strict';
  const TOKEN_KEY = 'sansho.token';
  const LANG_KEY = 'sansho.lang';
  const ERA_KEY = 'sansho.era';
  const PHASES = ['PRE_CONTRACT', 'IN_CONTRACT', 'POST_TERMINATION'];
  const LEVEL_COLORS = { S: '#55160c', A: '#b42318', B: '#f79009', C: '#fde272', D: '#a6f4c5' };
  const $ = (id) => document.getElementById(id);
  let lang = localStorage.getItem(LANG_KEY) || ((navigator.language || 'ja').startsWith('ja') ? 'ja' : 'en');
  let era = localStorage.getItem(ERA_KEY) || 'gregorian';
  let session = null;        // {token, org, roles, exp}
  let streamAbort = null;
  let refreshTimer = null;
  let current = 'contracts';
  const list = { sort: '-stateChangedAt', page: 0, size: 20, data: null, previous: new Map() };
  const counterparts = new Map(); // id → the name the overview last gave it (null: none carried yet)
  const contract = { id: null, row: null, timeline: [], findings: [], assessment: null, items: [] };
  const risk = { matrix: null, cell: null, findings: [] };
  let trend = null;

  const t = (key, vars) => {
    const text = (window.SANSHO_TEXTS[lang] || {})[key] ?? key;
    return vars ? text.replace(/\{(\w+)\}/g, (_, k) => vars[k]) : text;
  };
  const short = (id) => String(id || '').slice(0, 8);
  // An organization's name in the page's language, else in the other, else its short id.
  const orgName = (name, id) => (name && ((lang === 'en' ? name.en || name.ja : name.ja || name.en))) || short(id);
  const counterpartId = (c) => (asHospital() ? c.vendorId : c.hospitalId);
  const counterpartName = (c) => orgName(asHospital() ? c.vendorName : c.hospitalName, counterpartId(c));
  function counterpartCell(c) {
    const named = asHospital() ? c.vendorName : c.hospitalName;
    return named && (named.ja || named.en)
      ? node('span', { class: 'org', title: counterpartId(c), data: { org: counterpartId(c) } }, counterpartName(c))
      : node('code', { data: { org: counterpartId(c) } }, short(counterpartId(c)));
  }
  const node = (tag, props, ...children) => {
    const e = document.createElement(tag);
    Object.entries(props || {}).forEach(([k, v]) => {
      if (k === 'class') e.className = v; else if (k === 'data') Object.assign(e.dataset, v);
      else if (k.startsWith('aria-') || k === 'role' || k === 'scope') e.setAttribute(k, v); else e[k] = v;
    });
    children.flat().forEach((c) => { if (c != null) e.append(c instanceof Node ? c : document.createTextNode(String(c))); });
    return e;
  };

  // ---- Dates: 西暦 (ISO) or 和暦 (Japanese era), as the hospital expects -------------------------------------------
  function fmtDate(value) {
    if (!value) return '–';
    const d = value.length === 10 ? new Date(value + 'T00:00:00Z') : new Date(value);
    if (isNaN(d)) return value;
    if (era === 'japanese') {
      return new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP-u-ca-japanese' : 'en-US-u-ca-japanese',
        { era: 'long', year: 'numeric', month: 'numeric', day: 'numeric', timeZone: value.length === 10 ? 'UTC' : 'Asia/Tokyo' }).format(d);
    }
    if (value.length === 10) return value;
    return new Intl.DateTimeFormat('sv-SE', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'Asia/Tokyo' }).format(d);
  }
  function fmtDateTime(value) {
    if (!value) return '–';
    const d = new Date(value);
    const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Tokyo' }).format(d);
    return fmtDate(value) + ' ' + time;
  }

  function applyLanguage() {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
    $('lang').textContent = lang === 'ja' ? 'English' : '日本語';
    $('lang').lang = lang === 'ja' ? 'en' : 'ja';
    $('lang').setAttribute('aria-label', lang === 'ja' ? 'English' : '日本語');
    document.title = 'Sansho — ' + t('title');
    if (session) { counterpartLabels(); renderAll(); setStreamState(streamState); }
  }

  function renderAll() {
    showWho(); renderPosture(lastPosture); renderDeadlines(); renderList(); renderContract(); renderRisk(); renderTrends();
  }

  // ---- Session ---------------------------------------------------------------------------------------------------
  function decode(token) {
    const parts = token.split('.');
    if (parts.length !== 3) throw new Error(t('badToken'));
    let json;
    try {
      const b64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
      json = JSON.parse(decodeURIComponent(escape(atob(b64 + '==='.slice((b64.length + 3) % 4)))));
    } catch (e) { throw new Error(t('badToken')); }
    if (!json.org) throw new Error(t('noOrg'));
    if (json.exp && json.exp * 1000 < Date.now()) throw new Error(t('expired'));
    return { token, org: String(json.org), roles: json.groups || [], exp: json.exp, name: json.upn || json.sub || '' };
  }

  function login(token) {
    session = decode(token.trim());
    sessionStorage.setItem(TOKEN_KEY, session.token);
    const view = $('view');
    const asHospital = session.roles.includes('procurement') || session.roles.includes('auditor');
    const asVendor = session.roles.includes('vendor') || session.roles.includes('auditor');
    view.querySelector('[value=hospital]').disabled = !asHospital;
    view.querySelector('[value=vendor]').disabled = !asVendor;
    view.value = asHospital ? 'hospital' : 'vendor';
    ownName = null;
    showWho();
    $('login-panel').hidden = true;
    $('dashboard').hidden = false;
    $('logout').hidden = false;
    counterpartLabels();
    refresh();
    connect();
  }

  function logout(message) {
    sessionStorage.removeItem(TOKEN_KEY);
    session = null;
    if (streamAbort) streamAbort.abort();
    $('dashboard').hidden = true;
    $('logout').hidden = true;
    $('login-panel').hidden = false;
    $('who').textContent = '';
    $('login-error').textContent = message || '';
  }

  const asHospital = () => $('view').value === 'hospital';
  let ownName = null; // the caller's organization's name, as the contracts overview gives it
  function showWho() {
    if (session) $('who').textContent = session.roles.join(', ') + ' · ' + orgName(ownName, session.org);
  }
  function scopeQuery() { return $('view').value + '=' + encodeURIComponent(session.org); }

  async function api(path) {
    const res = await fetch(path, { headers: { Authorization: 'Bearer ' + session.token, Accept: 'application/json' } });
    if (res.status === 401) { logout(t('unauthorized')); throw new Error('401'); }
    if (!res.ok) throw new Error(path + ': ' + res.status);
    return res.json();
  }

  // ---- Posture, deadlines ----------------------------------------------------------------------------------------
  let lastPosture = null;
  let lastDeadlines = [];

  async function refresh() {
    if (!session) return;
    try {
      const [posture, deadlines] = await Promise.all([
        api('/api/v1/posture?' + scopeQuery()), api('/api/v1/deadlines?' + scopeQuery())]);
      renderPosture(posture);
      lastDeadlines = deadlines || [];
      renderDeadlines();
      await refreshView();
    } catch (e) { console.warn('refresh failed', e); }
  }

  async function refreshView() {
    await loadList();
    if (current === 'contract' && contract.id) await loadContract(contract.id);
    if (current === 'risk') await loadRisk();
    if (current === 'trends') await loadTrends();
  }

  function refreshSoon() {
    clearTimeout(refreshTimer);
    // The projections are written by the service's own consumers, a moment after the live fact passes by.
    refreshTimer = setTimeout(refresh, 400);
    setTimeout(refresh, 2000);
  }

  function renderPosture(posture) {
    if (!posture) return;
    const previous = lastPosture;
    lastPosture = posture;
    $('contracts').textContent = posture.contracts;
    $('gaps').textContent = posture.openMandatoryGaps;
    $('overdue').textContent = posture.overdueFindings;
    PHASES.forEach((p) => {
      const box = $('phase-' + p);
      const n = posture.contractsByPhase[p] || 0;
      box.querySelector('b').textContent = n;
      box.dataset.count = n;
      if (previous && (previous.contractsByPhase[p] || 0) !== n) {
        box.classList.add('changed'); setTimeout(() => box.classList.remove('changed'), 1500);
      }
    });
  }

  function renderDeadlines() {
    const body = $('deadlines').tBodies[0];
    body.replaceChildren(...lastDeadlines.map((d) => node('tr', {},
      node('td', {}, fmtDate(d.dueOn)), node('td', {}, t(d.kind)),
      node('td', {}, d.kind === 'CERTIFICATION_EXPIRY' ? t('certification') + ' ' + (d.label || '')
        : d.kind === 'EVIDENCE_EXPIRY' ? t('evidence') + ' ' + (d.label || '')
        : t('contract') + ' ' + titleOf(d.contractId)),
      node('td', {}, d.thresholdDays == null ? '' : t('daysBefore', { n: d.thresholdDays })))));
    $('no-deadlines').hidden = lastDeadlines.length > 0;
  }

  const titles = new Map();
  function titleOf(id) { return titles.get(id) || short(id); }

  // ---- Contracts list --------------------------------------------------------------------------------------------
  function counterpartLabels() {
    const key = asHospital() ? 'counterpartVendor' : 'counterpartHospital';
    $('counterpart-label').dataset.i18n = key; $('counterpart-label').textContent = t(key);
    $('col-counterpart').dataset.i18n = key; $('col-counterpart').textContent = t(key);
  }

  function listQuery() {
    const q = new URLSearchParams(scopeQuery());
    const f = $('filters');
    ['phase', 'state', 'verdict', 'counterpart'].forEach((n) => { if (f[n].value) q.set(n, f[n].value); });
    if (f.title.value.trim()) q.set('title', f.title.value.trim());
    ['reagreementPending', 'withGaps', 'withOverdue'].forEach((n) => { if (f[n].checked) q.set(n, 'true'); });
    q.set('sort', list.sort); q.set('page', list.page); q.set('size', list.size);
    return q.toString();
  }

  // A later request's answer wins: an earlier one (a refresh started before the filter changed) that arrives after
  // it is dropped.
  let listSeq = 0;
  let riskSeq = 0;

  async function loadList() {
    if (!session) return;
    const seq = ++listSeq;
    try {
      const page = await api('/api/v1/contracts-overview?' + listQuery());
      if (seq !== listSeq) return;
      if (page.items.length === 0 && page.page > 0 && list.page > 0) { list.page = Math.max(0, page.totalPages - 1); return loadList(); }
      list.data = page;
      page.items.forEach((c) => {
        if (c.title) titles.set(c.contractId, c.title);
        const name = asHospital() ? c.vendorName : c.hospitalName;
        if (name || !counterparts.has(counterpartId(c))) counterparts.set(counterpartId(c), name || null);
        ownName = (asHospital() ? c.hospitalName : c.vendorName) || ownName;
      });
      showWho();
      renderList();
      renderDeadlines();
    } catch (e) { console.warn('list failed', e); }
  }

  function badge(text, cls) { return node('span', { class: 'pill ' + (cls || '') }, text); }

  function renderList() {
    const page = list.data;
    if (!page) return;
    // counterparts to filter by
    const sel = $('f-counterpart');
    const chosen = sel.value;
    const known = [...counterparts.entries()].map(([id, name]) => [id, orgName(name, id)])
      .sort((a, b) => a[1].localeCompare(b[1], lang) || a[0].localeCompare(b[0]));
    const labels = known.map(([id, label]) => id + '=' + label).join('|');
    if (sel.dataset.labels !== labels) {
      sel.replaceChildren(node('option', { value: '' }, t('any')), ...known.map(([id, label]) => node('option', { value: id }, label)));
      sel.value = chosen;
      sel.dataset.labels = labels;
    }
    sel.options[0].textContent = t('any');
    const body = $('contract-list').tBodies[0];
    const seen = new Map();
    body.replaceChildren(...page.items.map((c) => {
      const before = list.previous.get(c.contractId);
      const signature = [c.phase, c.state, c.verdict, c.openMandatoryGaps, c.overdueFindings, c.reagreementPending].join('|');
      seen.set(c.contractId, signature);
      const open = node('button', { type: 'button', class: 'link', data: { contract: c.contractId } }, c.title || short(c.contractId));
      open.addEventListener('click', () => openContract(c.contractId));
      const tr = node('tr', { data: { contract: c.contractId, state: c.state || '', phase: c.phase || '' } },
        node('th', { scope: 'row' }, open),
        node('td', {}, t(c.phase || 'UNKNOWN')),
        node('td', { class: 'state' }, t(c.state || 'UNKNOWN')),
        node('td', { class: 'counterpart' }, counterpartCell(c)),
        node('td', {}, c.verdict ? badge(t(c.verdict), 'verdict-' + c.verdict) : '–'),
        node('td', { class: 'num' }, c.openMandatoryGaps),
        node('td', { class: 'num' }, c.overdueFindings),
        node('td', {}, c.nextDeadline ? fmtDate(c.nextDeadline) : '–'),
        node('td', {}, c.reagreementPending ? badge(t('pending'), 'warn') : ''),
        node('td', {}, c.stateChangedAt ? fmtDateTime(c.stateChangedAt) : '–'));
      if (before && before !== signature) { tr.classList.add('changed'); tr.dataset.changed = 'true'; }
      return tr;
    }));
    list.previous = seen;
    document.querySelectorAll('#contract-list th[data-sort]').forEach((th) => {
      const key = th.dataset.sort;
      const state = list.sort === key ? 'ascending' : list.sort === '-' + key ? 'descending' : 'none';
      th.setAttribute('aria-sort', state);
    });
    $('page-info').textContent = t('pageOf', { page: page.totalPages ? page.page + 1 : 0, pages: page.totalPages,
      total: page.totalItems + (page.totalItemsExact ? '' : '+') });
    $('prev').disabled = page.page <= 0;
    $('next').disabled = page.page + 1 >= page.totalPages;
    $('list-status').textContent = page.items.length ? '' : t('noContracts');
  }

  // ---- One contract ----------------------------------------------------------------------------------------------
  async function openContract(id) {
    contract.id = id;
    contract.row = null; contract.timeline = []; contract.findings = []; contract.assessment = null; contract.items = [];
    $('tab-contract').hidden = false;
    select('contract', true);
    await loadContract(id);
  }

  async function loadContract(id) {
    const org = scopeQuery();
    try {
      const [rows, timeline, assessments, findings] = await Promise.all([
        api('/api/v1/contracts-overview?' + org + '&contract=' + id + '&size=1'),
        api('/api/v1/contract-timelines/' + id + '?size=100'),
        api('/api/v1/assessments?contract=' + id + '&size=1'),
        api('/api/v1/findings?' + org + '&contract=' + id + '&size=100')]);
      if (contract.id !== id) return;
      contract.row = rows.items[0] || null;
      contract.timeline = timeline.items;
      contract.findings = findings.items;
      contract.assessment = assessments.items[0] || null;
      contract.items = [];
      if (contract.assessment) {
        for (let p = 0; p < 10; p++) {
          const items = await api('/api/v1/assessments/' + contract.assessment.id + '/items?size=100&page=' + p);
          contract.items.push(...items.items);
          if (p + 1 >= items.totalPages) break;
        }
      }
      renderContract();
    } catch (e) { console.warn('contract failed', e); }
  }

  function timelineText(e) {
    const d = e.detail || {};
    const parts = [];
    if (d.from && d.to) parts.push(t(d.from) + ' → ' + t(d.to));
    else if (d.to) parts.push(t(d.to));
    if (d.title) parts.push(d.title);
    if (d.phase && !d.from) parts.push(t(d.phase));
    if (d.verdict) parts.push(t(d.verdict));
    if (d.openMandatoryGaps != null) parts.push(t('gapsN', { n: d.openMandatoryGaps }));
    if (d.itemCount != null) parts.push(t('itemsN', { n: d.itemCount }));
    if (d.requirementKey) parts.push(d.requirementKey);
    if (d.riskLevel) parts.push(t('levelX', { x: d.riskLevel }));
    if (d.dueDate) parts.push(t('dueOn', { d: fmtDate(d.dueDate) }));
    if (d.expiresOn) parts.push(t('expiresOn', { d: fmtDate(d.expiresOn) }));
    if (d.deadline) parts.push(t('dueOn', { d: fmtDate(d.deadline) }));
    if (d.ciaImpact) parts.push('C/I/A: ' + d.ciaImpact.join(''));
    if (d.notifiedWithinSla === false) parts.push(t('lateNotice'));
    if (d.superseded && d.by) parts.push(d.superseded.guidelineId + ' ' + d.superseded.version + ' → ' + d.by.version);
    if (d.changed) parts.push(d.changed.join(', '));
    if (d.reason) parts.push('“' + d.reason + '”');
    return parts.join(' · ');
  }

  function renderContract() {
    if (!contract.id) return;
    const c = contract.row;
    $('tab-contract').textContent = t('tabContract') + ': ' + (c && c.title ? c.title : short(contract.id));
    $('c-title').textContent = c && c.title ? c.title : t('contract') + ' ' + short(contract.id);
    const facts = c ? [[t('phase'), t(c.phase || 'UNKNOWN')], [t('state'), t(c.state || 'UNKNOWN')],
      [t('verdict'), c.verdict ? t(c.verdict) : '–'], [t('colGaps'), c.openMandatoryGaps], [t('colOverdue'), c.overdueFindings],
      [t('colDeadline'), c.nextDeadline ? fmtDate(c.nextDeadline) : '–'], [t('colReagreement'), c.reagreementPending ? t('pending') : '–'],
      [asHospital() ? t('counterpartVendor') : t('counterpartHospital'), counterpartName(c)]] : [];
    $('c-facts').replaceChildren(...facts.flatMap(([k, v]) => [node('dt', {}, k), node('dd', { data: { fact: k } }, v)]));
    $('c-facts').dataset.state = c ? c.state || '' : '';
    $('c-report').hidden = !contract.assessment;
    $('timeline').replaceChildren(...contract.timeline.map((e) => node('li', { data: { type: e.type, kind: e.kind } },
      node('time', { dateTime: e.occurredAt }, fmtDateTime(e.occurredAt)),
      badge(t('kind_' + e.kind), 'kind-' + e.kind), node('strong', {}, t(e.type)), ' ', node('span', {}, timelineText(e)))));
    $('no-timeline').hidden = contract.timeline.length > 0;
    findingRows($('c-findings').tBodies[0], contract.findings, false);
    $('no-findings').hidden = contract.findings.length > 0;
    const a = contract.assessment;
    $('c-assessment').textContent = a ? [t(a.phase), t(a.status), a.verdict ? t(a.verdict) : '', a.score != null ? t('score', { n: Math.round(a.score) }) : '']
      .filter(Boolean).join(' · ') : t('noAssessment');
    const groups = new Map();
    contract.items.forEach((i) => {
      const section = (i.guidelineId || '') + ' ' + (i.sectionNumber ? i.sectionNumber.split('.')[0] : '–');
      if (!groups.has(section)) groups.set(section, []);
      groups.get(section).push(i);
    });
    $('c-items').replaceChildren(...[...groups.entries()].map(([section, items]) => node('details', { open: true, class: 'section' },
      node('summary', {}, t('section') + ' ' + section + ' (' + items.length + ')'),
      node('table', { class: 'list items' },
        node('thead', {}, node('tr', {}, ...['requirement', 'itemTitle', 'obligation', 'answer', 'evaluation'].map((k) => node('th', { scope: 'col' }, t(k))))),
        node('tbody', {}, ...items.map((i) => node('tr', { data: { key: i.key } },
          node('th', { scope: 'row' }, i.key), node('td', {}, (lang === 'ja' ? i.title.ja : i.title.en) || i.title.en || i.title.ja || ''),
          node('td', {}, t(i.obligation)), node('td', {}, i.response ? t(i.response.status) : '–'),
          node('td', {}, i.evaluation ? badge(t(i.evaluation.evaluation), 'eval-' + i.evaluation.evaluation) : '–'))))))));
  }

  // A risk acceptance as the findings read gives it: its expiry for both sides; who accepted and why only where the
  // read names them (the hospital's side; a vendor never gets them).
  function acceptance(a) {
    if (!a) return '';
    return ' · ' + t('expiresOn', { d: fmtDate(a.expiresOn) }) + (a.approver ? ' · ' + a.approver : '')
      + (a.justification ? ' “' + a.justification + '”' : '');
  }

  function findingRows(body, findings, withContract) {
    body.replaceChildren(...findings.map((f) => node('tr', { data: { finding: f.id, level: f.risk.level } },
      node('th', { scope: 'row' }, f.requirementKey),
      withContract ? node('td', {}, titleOf(f.contractId)) : null,
      node('td', {}, badge(f.risk.level, 'level level-' + f.risk.level)),
      node('td', {}, t(f.status) + (f.overdue ? ' · ' + t('overdueShort') : '') + acceptance(f.riskAcceptance)),
      node('td', {}, fmtDate(f.dueDate)),
      withContract ? null : node('td', {}, f.owner))));
  }

  async function report(kind) {
    const a = contract.assessment;
    if (!a) return;
    const status = $('report-status');
    if (kind === 'print') { window.print(); return; }
    const accept = kind === 'csv' ? 'text/csv' : kind === 'html' ? 'text/html'
      : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    try {
      const res = await fetch('/api/v1/assessments/' + a.id + '/report?lang=' + lang, { headers: { Authorization: 'Bearer ' + session.token, Accept: accept } });
      if (!res.ok) { status.textContent = t('reportUnavailable', { f: kind.toUpperCase() }); return; }
      const url = URL.createObjectURL(await res.blob());
      const link = node('a', { href: url, download: 'assessment-' + short(a.id) + '.' + kind });
      document.body.append(link); link.click(); link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 5000);
      status.textContent = t('reportReady', { f: kind.toUpperCase() });
    } catch (e) { status.textContent = t('reportUnavailable', { f: kind.toUpperCase() }); }
  }

  // ---- Risk matrix -----------------------------------------------------------------------------------------------
  async function loadRisk() {
    const seq = ++riskSeq;
    try {
      let q = '/api/v1/findings?' + scopeQuery() + '&status=OPEN&size=100';
      if (risk.cell) q += '&likelihood=' + risk.cell[0] + '&impact=' + risk.cell[1];
      const [matrix, findings] = await Promise.all([api('/api/v1/risk-matrix?' + scopeQuery()), api(q)]);
      if (seq !== riskSeq) return;
      risk.matrix = matrix;
      risk.findings = findings.items;
      renderRisk();
    } catch (e) { console.warn('risk failed', e); }
  }

  function renderRisk() {
    const m = risk.matrix;
    if (!m) return;
    const body = $('matrix').tBodies[0];
    const rows = [];
    for (let l = 5; l >= 1; l--) {
      const cells = m.cells.filter((c) => c.likelihood === l).sort((a, b) => a.impact - b.impact);
      rows.push(node('tr', {}, node('th', { scope: 'row' }, String(l)), ...cells.map((c) => {
        const selected = risk.cell && risk.cell[0] === c.likelihood && risk.cell[1] === c.impact;
        const b = node('button', { type: 'button', class: 'cell level-' + c.level, data: { likelihood: c.likelihood, impact: c.impact, level: c.level, count: c.findings },
          'aria-pressed': String(!!selected) },
        node('span', { class: 'lv' }, c.level), ' ', node('span', { class: 'n' }, c.findings),
        node('span', { class: 'sr-only' }, ': ' + t('cellLabel', { l: c.likelihood, i: c.impact, x: c.level, n: c.findings })));
        b.addEventListener('click', () => { risk.cell = selected ? null : [c.likelihood, c.impact]; loadRisk(); });
        return node('td', {}, b);
      })));
    }
    body.replaceChildren(...rows);
    $('risk-legend').replaceChildren(...['S', 'A', 'B', 'C', 'D'].map((x) => node('li', {},
      node('span', { class: 'pill level level-' + x }, x), ' ', t('levelHelp_' + x) + ' (' + (m.byLevel[x] || 0) + ')')));
    $('risk-filter').textContent = risk.cell ? t('cellFilter', { l: risk.cell[0], i: risk.cell[1], n: risk.findings.length })
      : t('allOpen', { n: risk.findings.length });
    findingRows($('risk-findings').tBodies[0], risk.findings, true);
  }

  // ---- Trends ----------------------------------------------------------------------------------------------------
  async function loadTrends() {
    try {
      trend = await api('/api/v1/posture-trends?' + scopeQuery() + '&weeks=' + $('weeks').value);
      renderTrends();
    } catch (e) { console.warn('trends failed', e); }
  }

  function renderTrends() {
    if (!trend) return;
    const labels = trend.weeks.map((w) => w.weekStart);
    window.SanshoCharts.line($('chart-issues'), { labels, label: t('trendIssues'), weekHeader: t('week'), formatLabel: fmtWeek, series: [
      { key: 'gaps', name: t('gaps'), color: '#b54708', values: trend.weeks.map((w) => w.openMandatoryGaps) },
      { key: 'overdue', name: t('overdue'), color: '#b42318', dash: '6 4', values: trend.weeks.map((w) => w.overdueFindings) }] });
    window.SanshoCharts.line($('chart-phases'), { labels, label: t('trendPhases'), weekHeader: t('week'), formatLabel: fmtWeek, series: [
      { key: 'PRE_CONTRACT', name: t('PRE_CONTRACT'), color: '#1f5fbf', values: trend.weeks.map((w) => w.contractsByPhase.PRE_CONTRACT || 0) },
      { key: 'IN_CONTRACT', name: t('IN_CONTRACT'), color: '#067647', dash: '6 4', values: trend.weeks.map((w) => w.contractsByPhase.IN_CONTRACT || 0) },
      { key: 'POST_TERMINATION', name: t('POST_TERMINATION'), color: '#6941c6', dash: '2 3', values: trend.weeks.map((w) => w.contractsByPhase.POST_TERMINATION || 0) }] });
  }
  function fmtWeek(d) { return era === 'japanese' ? fmtDate(d) : d.slice(5); }

  // ---- Tabs ------------------------------------------------------------------------------------------------------
  const TABS = ['contracts', 'contract', 'risk', 'trends', 'feed'];
  function select(name, focus) {
    current = name;
    TABS.forEach((n) => {
      const tab = $('tab-' + n);
      const on = n === name;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      $('view-' + n).hidden = !on;
    });
    if (focus) $('tab-' + name).focus();
    if (name === 'risk') loadRisk();
    if (name === 'trends') loadTrends();
    if (name === 'contracts') loadList();
  }
  TABS.forEach((n) => $('tab-' + n).addEventListener('click', () => select(n)));
  $('tabs').addEventListener('keydown', (e) => {
    const visible = TABS.filter((n) => !$('tab-' + n).hidden);
    const at = visible.indexOf(current);
    let to = null;
    if (e.key === 'ArrowRight') to = visible[(at + 1) % visible.length];
    if (e.key === 'ArrowLeft') to = visible[(at - 1 + visible.length) % visible.length];
    if (e.key === 'Home') to = visible[0];
    if (e.key === 'End') to = visible[visible.length - 1];
    if (to) { e.preventDefault(); select(to, true); }
  });

  // ---- Live stream -----------------------------------------------------------------------------------------------
  let streamState = 'offline';
  function setStreamState(state) {
    streamState = state;
    const badgeEl = $('stream-status');
    badgeEl.dataset.state = state;
    badgeEl.textContent = t(state);
  }

  const seenEvents = new Set();
  function addToFeed(event) {
    const d = event.data || {};
    let text = t(event.type);
    if (d.from && d.to) text += ': ' + t(d.from) + ' → ' + t(d.to);
    if (d.phase) text += ' (' + t(d.phase) + ')';
    if (d.verdict) text += ' — ' + t(d.verdict);
    const li = node('li', { data: { type: event.type, subject: event.subject || '' } },
      node('time', {}, new Date(event.time || Date.now()).toLocaleTimeString(lang === 'ja' ? 'ja-JP' : 'en-GB')),
      node('span', {}, text + ' '), node('code', {}, titleOf(event.subject)));
    const feed = $('feed');
    feed.prepend(li);
    while (feed.children.length > 100) feed.lastChild.remove();
  }

  async function connect() {
    if (streamAbort) streamAbort.abort();
    const abort = new AbortController();
    streamAbort = abort;
    let delay = 1000;
    while (session && !abort.signal.aborted) {
      try {
        const res = await fetch('/api/v1/stream?' + scopeQuery(), {
          headers: { Authorization: 'Bearer ' + session.token, Accept: 'text/event-stream' }, signal: abort.signal });
        if (res.status === 401) { logout(t('unauthorized')); return; }
        if (!res.ok || !res.body) throw new Error('stream ' + res.status);
        setStreamState('live');
        delay = 1000;
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end;
          while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
            const data = block.split(/\r?\n/).filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart()).join('\n');
            if (!data) continue;
            try {
              const event = JSON.parse(data);
              // Delivery is at least once: an id seen before is dropped.
              if (event.id && seenEvents.has(event.id)) continue;
              if (event.id) seenEvents.add(event.id);
              addToFeed(event); refreshSoon();
            } catch (e) { console.warn('unreadable event', e); }
          }
        }
      } catch (e) {
        if (abort.signal.aborted) return;
        console.warn('stream interrupted', e);
      }
      if (!session || abort.signal.aborted) return;
      setStreamState('reconnecting');
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 15000);
      refresh();
    }
  }

  // ---- Controls --------------------------------------------------------------------------------------------------
  $('lang').addEventListener('click', () => { lang = lang === 'ja' ? 'en' : 'ja'; localStorage.setItem(LANG_KEY, lang); applyLanguage(); });
  $('era').value = era;
  $('era').addEventListener('change', () => { era = $('era').value; localStorage.setItem(ERA_KEY, era); if (session) renderAll(); });
  $('login').addEventListener('click', () => {
    try { $('login-error').textContent = ''; login($('token').value); } catch (e) { $('login-error').textContent = e.message; }
  });
  $('logout').addEventListener('click', () => logout());
  $('view').addEventListener('change', () => {
    counterparts.clear(); ownName = null; list.previous.clear(); list.page = 0; $('f-counterpart').value = ''; risk.cell = null;
    contract.id = null; $('tab-contract').hidden = true; if (current === 'contract') select('contracts');
    counterpartLabels(); refresh(); connect();
  });
  let typing = null;
  $('filters').addEventListener('input', (e) => {
    list.page = 0;
    clearTimeout(typing);
    typing = setTimeout(loadList, e.target.type === 'search' ? 300 : 0);
  });
  $('filters').addEventListener('submit', (e) => { e.preventDefault(); list.page = 0; loadList(); });
  $('filters').addEventListener('reset', () => { list.page = 0; setTimeout(loadList, 0); });
  document.querySelectorAll('#contract-list th[data-sort] button').forEach((b) => b.addEventListener('click', () => {
    const key = b.parentElement.dataset.sort;
    list.sort = list.sort === key ? '-' + key : key;
    list.page = 0;
    loadList();
  }));
  $('prev').addEventListener('click', () => { if (list.page > 0) { list.page--; loadList(); } });
  $('next').addEventListener('click', () => { list.page++; loadList(); });
  $('page-size').addEventListener('change', () => { list.size = Number($('page-size').value); list.page = 0; loadList(); });
  $('weeks').addEventListener('change', loadTrends);
  $('report-csv').addEventListener('click', () => report('csv'));
  $('report-xlsx').addEventListener('click', () => report('xlsx'));
  $('report-html').addEventListener('click', () => report('html'));
  $('report-print').addEventListener('click', () => report('print'));
  setInterval(refresh, 15000);

  applyLanguage();
  setStreamState('offline');
  const saved = sessionStorage.getItem(TOKEN_KEY);
  if (saved) { try { login(saved); } catch (e) { logout(e.message); } }
})();
