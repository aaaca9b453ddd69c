// Sansho compliance dashboard: plain browser JavaScript, no build step. It reads this service's posture and
// deadlines endpoints and its SSE stream with the pasted bearer token (kept in sessionStorage only). The stream is
// read with fetch() because EventSource cannot send an Authorization header.
(function () {
  'use strict';
  const TOKEN_KEY = 'sansho.token';
  const LANG_KEY = 'sansho.lang';
  const PHASES = ['PRE_CONTRACT', 'IN_CONTRACT', 'POST_TERMINATION'];
  const $ = (id) => document.getElementById(id);
  let lang = localStorage.getItem(LANG_KEY) || ((navigator.language || 'ja').startsWith('ja') ? 'ja' : 'en');
  let session = null;        // {token, org, roles, exp}
  let streamAbort = null;
  let refreshTimer = null;

  const t = (key, vars) => {
    const text = (window.SANSHO_TEXTS[lang] || {})[key] ?? key;
    return vars ? text.replace(/\{(\w+)\}/g, (_, k) => vars[k]) : text;
  };

  function applyLanguage() {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
    $('lang').textContent = lang === 'ja' ? 'English' : '日本語';
    document.title = 'Sansho — ' + t('title');
    if (session) { render(lastPosture, lastDeadlines); setStreamState(streamState); }
  }

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
    $('who').textContent = session.roles.join(', ') + ' · ' + session.org.slice(0, 8);
    $('login-panel').hidden = true;
    $('dashboard').hidden = false;
    $('logout').hidden = false;
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

  function scopeQuery() { return $('view').value + '=' + encodeURIComponent(session.org); }

  async function api(path) {
    const res = await fetch(path, { headers: { Authorization: 'Bearer ' + session.token, Accept: 'application/json' } });
    if (res.status === 401) { logout(t('unauthorized')); throw new Error('401'); }
    if (!res.ok) throw new Error(path + ': ' + res.status);
    return res.json();
  }

  let lastPosture = null;
  let lastDeadlines = [];

  async function refresh() {
    if (!session) return;
    try {
      const [posture, deadlines] = await Promise.all([
        api('/api/v1/posture?' + scopeQuery()), api('/api/v1/deadlines?' + scopeQuery())]);
      render(posture, deadlines);
    } catch (e) { console.warn('refresh failed', e); }
  }

  function refreshSoon() {
    clearTimeout(refreshTimer);
    // The projections are written by the service's own consumers, a moment after the live fact passes by.
    refreshTimer = setTimeout(refresh, 400);
    setTimeout(refresh, 2000);
  }

  function rows(tbody, entries) {
    tbody.replaceChildren(...entries.map(([k, v]) => {
      const tr = document.createElement('tr');
      const a = document.createElement('td'); a.textContent = t(k);
      const b = document.createElement('td'); b.textContent = v;
      tr.append(a, b); return tr;
    }));
  }

  function render(posture, deadlines) {
    if (posture) {
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
      rows($('states').tBodies[0], Object.entries(posture.contractsByState));
      rows($('verdicts').tBodies[0], Object.entries(posture.verdicts));
    }
    lastDeadlines = deadlines || [];
    const body = $('deadlines').tBodies[0];
    body.replaceChildren(...lastDeadlines.map((d) => {
      const tr = document.createElement('tr');
      const cells = [d.dueOn, t(d.kind),
        d.kind === 'CERTIFICATION_EXPIRY' ? t('certification') + ' ' + (d.label || '')
          : d.kind === 'EVIDENCE_EXPIRY' ? t('evidence') + ' ' + (d.label || '')
          : t('contract') + ' ' + String(d.contractId).slice(0, 8),
        d.thresholdDays == null ? '' : t('daysBefore', { n: d.thresholdDays })];
      cells.forEach((c) => { const td = document.createElement('td'); td.textContent = c; tr.append(td); });
      return tr;
    }));
    $('no-deadlines').hidden = lastDeadlines.length > 0;
  }

  let streamState = 'offline';
  function setStreamState(state) {
    streamState = state;
    const badge = $('stream-status');
    badge.dataset.state = state;
    badge.textContent = t(state);
  }

  function addToFeed(event) {
    const li = document.createElement('li');
    li.dataset.type = event.type;
    li.dataset.subject = event.subject || '';
    const time = document.createElement('time');
    time.textContent = new Date(event.time || Date.now()).toLocaleTimeString(lang === 'ja' ? 'ja-JP' : 'en-GB');
    const what = document.createElement('span');
    const d = event.data || {};
    let text = t(event.type);
    if (d.from && d.to) text += ': ' + t(d.from) + ' → ' + t(d.to);
    if (d.phase) text += ' (' + t(d.phase) + ')';
    if (d.verdict) text += ' — ' + d.verdict;
    what.textContent = text + ' ';
    const code = document.createElement('code');
    code.textContent = (event.subject || '').slice(0, 8);
    li.append(time, what, code);
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
            try { addToFeed(JSON.parse(data)); refreshSoon(); } catch (e) { console.warn('unreadable event', e); }
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

  $('lang').addEventListener('click', () => { lang = lang === 'ja' ? 'en' : 'ja'; localStorage.setItem(LANG_KEY, lang); applyLanguage(); });
  $('login').addEventListener('click', () => {
    try { $('login-error').textContent = ''; login($('token').value); } catch (e) { $('login-error').textContent = e.message; }
  });
  $('logout').addEventListener('click', () => logout());
  $('view').addEventListener('change', () => { refresh(); connect(); });
  setInterval(refresh, 10000);

  applyLanguage();
  setStreamState('offline');
  const saved = sessionStorage.getItem(TOKEN_KEY);
  if (saved) { try { login(saved); } catch (e) { logout(e.message); } }
})();
