// Hand-drawn SVG line charts for the dashboard's trends: no library, no build step, works offline.
// SanshoCharts.line(container, {labels, series: [{name, color, values, dash}], label, formatLabel})
// draws axes, grid, one line per series with a point per label (each with a <title> tooltip), a legend, and, for
// screen readers, the same numbers as a table.
window.SanshoCharts = (function () {
  'use strict';
  const NS = 'http://www.w3.org/2000/svg';

  function el(name, attrs, text) {
    const e = document.createElementNS(NS, name);
    Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
    if (text != null) e.textContent = text;
    return e;
  }

  function niceMax(max) {
    if (max <= 4) return 4;
    const pow = Math.pow(10, Math.floor(Math.log10(max)));
    const steps = [1, 2, 2.5, 5, 10];
    for (const s of steps) { if (s * pow >= max) return s * pow; }
    return 10 * pow;
  }

  function line(container, opts) {
    const labels = opts.labels || [];
    const series = opts.series || [];
    const fmt = opts.formatLabel || String;
    const W = 720, H = 260, L = 44, R = 16, T = 16, B = 44;
    const max = niceMax(Math.max(1, ...series.flatMap((s) => s.values)));
    const x = (i) => L + (labels.length <= 1 ? (W - L - R) / 2 : i * (W - L - R) / (labels.length - 1));
    const y = (v) => T + (H - T - B) * (1 - v / max);
    const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': opts.label || '', class: 'line-chart' });
    svg.append(el('title', {}, opts.label || ''));
    // grid and y axis
    for (let k = 0; k <= 4; k++) {
      const v = max * k / 4;
      svg.append(el('line', { x1: L, x2: W - R, y1: y(v), y2: y(v), class: 'grid' }));
      svg.append(el('text', { x: L - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'tick' }, String(Math.round(v * 10) / 10)));
    }
    svg.append(el('line', { x1: L, x2: L, y1: T, y2: H - B, class: 'axis' }));
    svg.append(el('line', { x1: L, x2: W - R, y1: H - B, y2: H - B, class: 'axis' }));
    // x labels: at most 7
    const every = Math.max(1, Math.ceil(labels.length / 7));
    labels.forEach((lab, i) => {
      if (i % every !== 0 && i !== labels.length - 1) return;
      svg.append(el('text', { x: x(i), y: H - B + 18, 'text-anchor': 'middle', class: 'tick' }, fmt(lab)));
    });
    series.forEach((s, si) => {
      const d = s.values.map((v, i) => (i ? 'L' : 'M') + x(i).toFixed(1) + ' ' + y(v).toFixed(1)).join(' ');
      const path = el('path', { d, fill: 'none', stroke: s.color, 'stroke-width': 2.5, class: 'series', 'data-series': s.key || String(si) });
      if (s.dash) path.setAttribute('stroke-dasharray', s.dash);
      svg.append(path);
      s.values.forEach((v, i) => {
        const dot = el('circle', { cx: x(i), cy: y(v), r: 3.5, fill: s.color });
        dot.append(el('title', {}, `${s.name} · ${fmt(labels[i])}: ${v}`));
        svg.append(dot);
      });
    });
    const legend = document.createElement('ul');
    legend.className = 'legend';
    series.forEach((s) => {
      const li = document.createElement('li');
      const sw = document.createElement('span');
      sw.className = 'swatch' + (s.dash ? ' dashed' : '');
      sw.style.borderColor = s.color;
      li.append(sw, document.createTextNode(s.name + ': ' + (s.values.length ? s.values[s.values.length - 1] : 0)));
      legend.append(li);
    });
    // The numbers, for screen readers.
    const table = document.createElement('table');
    table.className = 'sr-only';
    const head = document.createElement('tr');
    [opts.weekHeader || 'week', ...series.map((s) => s.name)].forEach((h) => {
      const th = document.createElement('th'); th.scope = 'col'; th.textContent = h; head.append(th);
    });
    const thead = document.createElement('thead'); thead.append(head);
    const tbody = document.createElement('tbody');
    labels.forEach((lab, i) => {
      const tr = document.createElement('tr');
      const th = document.createElement('th'); th.scope = 'row'; th.textContent = fmt(lab); tr.append(th);
      series.forEach((s) => { const td = document.createElement('td'); td.textContent = s.values[i]; tr.append(td); });
      tbody.append(tr);
    });
    table.append(thead, tbody);
    container.replaceChildren(svg, legend, table);
  }

  return { line };
})();
