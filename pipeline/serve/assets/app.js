// finsam serve: the browser side. Every string that comes from a document
// (labels, titles, messages, organisation names) is put into the page as
// text (createTextNode / textContent), never as markup.
'use strict';

const CSRF = document.querySelector('meta[name="csrf-token"]').content;
let session = {write: false, by: ''};

// el('div', {class: 'x', dataset: {a: 1}, onclick: f}, child, 'text', ...)
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  setAttrs(e, attrs);
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}
const SVGNS = 'http://www.w3.org/2000/svg';
function svg(tag, attrs, ...children) {
  const e = document.createElementNS(SVGNS, tag);
  setAttrs(e, attrs);
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    e.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}
function setAttrs(e, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'dataset') { for (const [dk, dv] of Object.entries(v)) if (dv !== null && dv !== undefined) e.dataset[dk] = String(dv); }
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'style') Object.assign(e.style, v);
    else e.setAttribute(k, String(v));
  }
}

async function api(path) {
  const r = await fetch(path, {headers: {'Accept': 'application/json'}});
  const body = await r.json().catch(() => ({error: 'HTTP ' + r.status}));
  if (!r.ok) throw new Error(body.error || ('HTTP ' + r.status));
  return body;
}
async function post(path, body) {
  const r = await fetch(path, {method: 'POST', headers: {'Content-Type': 'application/json', 'X-CSRF-Token': CSRF},
                               body: JSON.stringify(body || {})});
  const out = await r.json().catch(() => ({error: 'HTTP ' + r.status}));
  if (!r.ok) throw new Error(out.error || ('HTTP ' + r.status));
  return out;
}
function toast(msg) {
  const t = document.getElementById('toast');
  t.textContent = msg;
  t.style.display = 'block';
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { t.style.display = 'none'; }, 3000);
}
function fmt(n) {
  if (n === null || n === undefined) return '';
  const neg = n < 0;
  const s = Math.round(Math.abs(n)).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return (neg ? '-' : '') + s;
}
function parseHash() {
  const h = location.hash.replace(/^#/, '') || '/queue';
  const [path, query] = h.split('?');
  return {parts: path.split('/').filter(Boolean), params: new URLSearchParams(query || '')};
}
function main() { return document.getElementById('main'); }
function show(...nodes) { const m = main(); m.replaceChildren(...nodes); }
function docLink(docId, page, text) {
  return el('a', {href: '#/doc/' + docId + (page ? '?page=' + page : '')}, text);
}

// ---------------------------------------------------------------- queue
let queue = {flags: [], current: 0};

async function renderQueue(params) {
  const orgs = await api('/api/orgs');
  const q = new URLSearchParams();
  for (const k of ['org', 'year', 'rule', 'severity', 'status']) if (params.get(k)) q.set(k, params.get(k));
  const data = await api('/api/flags?' + q.toString());
  queue = {flags: data.flags, current: 0};
  const orgSel = el('select', {id: 'f-org'}, el('option', {value: ''}, 'all organisations'),
      orgs.map(o => el('option', {value: o.id, selected: params.get('org') === String(o.id)}, o.name)));
  const sevSel = el('select', {id: 'f-severity'}, ['', 'error', 'warning', 'info'].map(s =>
      el('option', {value: s, selected: (params.get('severity') || '') === s}, s || 'any severity')));
  const year = el('input', {id: 'f-year', size: 5, value: params.get('year') || '', placeholder: '2020'});
  const rule = el('input', {id: 'f-rule', size: 14, value: params.get('rule') || '', placeholder: 'sum.'});
  const apply = () => {
    const p = new URLSearchParams();
    if (orgSel.value) p.set('org', orgSel.value);
    if (year.value.trim()) p.set('year', year.value.trim());
    if (rule.value.trim()) p.set('rule', rule.value.trim());
    if (sevSel.value) p.set('severity', sevSel.value);
    location.hash = '#/queue?' + p.toString();
  };
  const filters = el('div', {class: 'filters'},
      el('label', {}, 'organisation', orgSel), el('label', {}, 'year', year), el('label', {}, 'rule starts with', rule),
      el('label', {}, 'severity', sevSel), el('button', {onclick: apply, id: 'f-apply'}, 'Filter'));
  const list = el('div', {id: 'flags'}, data.flags.map((f, i) => flagCard(f, i)));
  show(el('h1', {}, 'Review queue'),
       el('p', {class: 'muted'}, `${data.total} open flag${data.total === 1 ? '' : 's'}, worst first. Keys: `,
          el('kbd', {}, 'j'), '/', el('kbd', {}, 'k'), ' next/previous, ', el('kbd', {}, 'a'), ' accept, ',
          el('kbd', {}, 'c'), ' correct, ', el('kbd', {}, 'n'), ' note.',
          session.write ? '' : ' Read-only: start finsam serve --write to record decisions.'),
       filters, list);
  select(0, false);
}

function flagCard(f, index) {
  const card = el('section', {class: `flag ${f.severity}`, id: 'flag-' + f.id,
                              dataset: {flag: f.id, index: index, status: f.status}});
  const status = el('span', {class: 'status ' + f.status}, f.status);
  card.append(el('h3', {}, f.id, el('span', {class: 'sev'}, f.severity), el('code', {}, f.rule), ' ', status));
  card.append(el('p', {class: 'msg'}, f.message));
  card.append(el('p', {class: 'muted where'}, el('a', {href: '#/org/' + f.organisation_id}, f.organisation || '(no organisation)'),
      ' · ', f.doc_kind, ' · ', docLink(f.document_id, f.page, f.document_title || ('document #' + f.document_id)),
      f.page ? ' · page ' + f.page : '', f.year ? ' · year ' + f.year : ''));
  if (f.expected_text || f.found_text)
    card.append(el('table', {class: 'ef'}, el('tr', {}, el('th', {}, 'expected'), el('td', {class: 'num expected'}, f.expected_text || '–'),
        el('th', {}, 'found'), el('td', {class: 'num found'}, f.found_text || '–'))));
  if (f.suggested)
    card.append(el('p', {class: 'suggest'}, 'suggested: ', el('code', {}, f.suggested.fact), ' = ',
                   el('strong', {class: 'suggested-value'}, f.suggested.text), ' (the one value that makes the check hold)'));
  if (f.crop) card.append(cropView(f));
  else if (f.source_lines) card.append(el('pre', {class: 'src'}, f.source_lines.map(l =>
      el('span', {class: l.mark ? 'mark' : ''}, `${l.n}: ${l.text}\n`))));
  else if (f.source_text) card.append(el('pre', {class: 'src'}, f.source_text));
  if (f.facts.length)
    card.append(el('table', {class: 'facts'}, el('tr', {}, ['fact', 'table', 'row', 'column', 'printed', 'status'].map(h => el('th', {}, h))),
        f.facts.map(x => el('tr', {dataset: {fact: x.id}}, el('td', {}, x.id), el('td', {}, x.table), el('td', {}, x.label),
            el('td', {}, x.header), el('td', {}, el('code', {}, x.raw)), el('td', {class: 'fact-status'}, x.status)))));
  if (f.decision) card.append(el('p', {class: 'muted decision'}, 'decision: ', f.decision));
  card.append(actions(f, card));
  card.addEventListener('click', () => select(index, false));
  return card;
}

function cropView(f) {
  const c = f.crop;
  const width = Math.min(860, main().clientWidth - 60);
  const s = width / c.page_width;
  const box = el('div', {class: 'crop', dataset: {doc: c.document_id, page: c.page, cropY0: c.y0.toFixed(1), cropY1: c.y1.toFixed(1),
      headerY0: c.header ? c.header[1].toFixed(1) : null, headerY1: c.header ? c.header[3].toFixed(1) : null,
      titleY0: c.title ? c.title[1].toFixed(1) : null, bodyTop: c.body_top.toFixed(1)},
      style: {width: width + 'px', height: ((c.y1 - c.y0) * s) + 'px'}});
  box.append(el('img', {src: `/page/${c.document_id}/${c.page}.png`, alt: `page ${c.page}`,
                        style: {width: (c.page_width * s) + 'px', top: (-c.y0 * s) + 'px'}}));
  const place = (b, cls) => el('div', {class: 'box ' + cls, style: {left: (b[0] * s - 3) + 'px', top: ((b[1] - c.y0) * s - 3) + 'px',
      width: ((b[2] - b[0]) * s + 6) + 'px', height: ((b[3] - b[1]) * s + 6) + 'px'}});
  if (c.header) box.append(place(c.header, 'header'));
  for (const b of c.boxes) box.append(place(b.box, 'figure'));
  return box;
}

function actions(f, card) {
  const facts = f.facts;
  const preferred = f.suggested ? facts.findIndex(x => x.id === f.suggested.fact) : 0;
  const factSel = el('select', {class: 'fact'}, facts.map((x, i) => el('option', {value: x.id, selected: i === Math.max(0, preferred)}, `${x.id} ${x.label}`)));
  const prefill = () => {
    const id = factSel.value;
    if (f.suggested && f.suggested.fact === id) return f.suggested.text;
    const x = facts.find(y => y.id === id);
    return x ? x.raw : '';
  };
  const value = el('input', {class: 'value', value: prefill(), 'aria-label': 'corrected value'});
  factSel.addEventListener('change', () => { value.value = prefill(); });
  const note = el('input', {class: 'note', placeholder: 'note (why)', 'aria-label': 'note'});
  const done = (what) => {
    toast(what);
    card.dataset.status = 'decided';
    const st = card.querySelector('.status');
    st.textContent = what.startsWith('accepted') ? 'accepted' : 'corrected';
    st.className = 'status ' + st.textContent;
  };
  const accept = el('button', {class: 'accept', onclick: async (ev) => {
    ev.stopPropagation();
    try { const r = await post(`/api/flags/${f.id}/accept`, {note: note.value}); done('accepted ' + r.accepted); next(); }
    catch (e) { toast('accept failed: ' + e.message); }
  }}, 'Accept');
  const correct = el('button', {class: 'correct', onclick: async (ev) => {
    ev.stopPropagation();
    try {
      const r = await post(`/api/facts/${factSel.value}/correct`, {value: value.value, note: note.value});
      done(`corrected ${r.corrected} to ${r.value}`);
      const row = card.querySelector(`tr[data-fact="${r.corrected}"] .fact-status`);
      if (row) row.textContent = 'corrected';
      next();
    } catch (e) { toast('correct failed: ' + e.message); }
  }}, 'Correct');
  if (!session.write) { accept.disabled = true; correct.disabled = true; }
  const parts = [accept];
  if (facts.length) parts.push(factSel, value, correct);
  parts.push(note);
  return el('div', {class: 'actions'}, parts);
}

function select(i, scroll) {
  const cards = document.querySelectorAll('#flags .flag');
  if (!cards.length) return;
  queue.current = Math.max(0, Math.min(cards.length - 1, i));
  cards.forEach((c, k) => c.classList.toggle('current', k === queue.current));
  if (scroll !== false) cards[queue.current].scrollIntoView({block: 'nearest'});
}
function next() { select(queue.current + 1); }
function currentCard() { return document.querySelectorAll('#flags .flag')[queue.current]; }

document.addEventListener('keydown', (ev) => {
  if (parseHash().parts[0] !== 'queue' && location.hash !== '') return;
  const t = ev.target;
  if (t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA')) {
    if (ev.key === 'Enter' && t.classList.contains('value')) { ev.preventDefault(); currentCard().querySelector('button.correct').click(); }
    if (ev.key === 'Escape') t.blur();
    return;
  }
  if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
  const card = currentCard();
  if (ev.key === 'j') select(queue.current + 1);
  else if (ev.key === 'k') select(queue.current - 1);
  else if (ev.key === 'a' && card) card.querySelector('button.accept').click();
  else if (ev.key === 'c' && card) { const v = card.querySelector('input.value'); if (v) { ev.preventDefault(); v.focus(); v.select(); } }
  else if (ev.key === 'n' && card) { ev.preventDefault(); card.querySelector('input.note').focus(); }
  else return;
});

// ---------------------------------------------------------------- compare
async function renderCompare(params) {
  const [cats, orgs] = await Promise.all([api('/api/categories'), api('/api/orgs')]);
  const metric = params.get('metric') || (params.get('label') ? '' : 'income.total');
  const label = params.get('label') || '';
  const chosen = (params.get('orgs') || '').split(',').filter(Boolean);
  const catSel = el('select', {id: 'c-metric'}, el('option', {value: ''}, '(by label)'),
      cats.map(c => el('option', {value: c.name, selected: c.name === metric, title: c.description}, c.name)));
  const labelIn = el('input', {id: 'c-label', value: label, placeholder: 'row label contains'});
  const boxes = orgs.map(o => el('label', {class: 'org'}, el('input', {type: 'checkbox', value: o.id, checked: chosen.includes(String(o.id))}), ' ', o.name));
  const go = () => {
    const p = new URLSearchParams();
    if (catSel.value) p.set('metric', catSel.value); else if (labelIn.value.trim()) p.set('label', labelIn.value.trim());
    const ids = boxes.map(b => b.querySelector('input')).filter(i => i.checked).map(i => i.value);
    if (ids.length) p.set('orgs', ids.join(','));
    location.hash = '#/compare?' + p.toString();
  };
  const q = new URLSearchParams();
  if (metric) q.set('metric', metric); else if (label) q.set('label', label);
  if (chosen.length) q.set('orgs', chosen.join(','));
  const data = await api('/api/compare?' + q.toString());
  const orgParam = chosen.length === 1 ? '&org=' + chosen[0] : '';
  show(el('h1', {}, 'Compare'),
       el('div', {class: 'filters'}, el('label', {}, 'category', catSel), el('label', {}, 'or label', labelIn),
          el('div', {}, boxes.map(b => el('div', {}, b))), el('button', {id: 'c-go', onclick: go}, 'Show')),
       compareTable(data),
       el('h2', {}, 'Budget vs utfall'), el('div', {class: 'legend'}, el('span', {class: 'b'}, '○ - - budget / plan'), el('span', {class: 'u'}, '● —— utfall')),
       el('div', {class: 'charts', id: 'charts'}, charts(data, 420, 240)),
       el('h2', {}, 'Export'),
       el('p', {class: 'actions'},
          el('a', {href: '/api/compare.csv?' + q.toString(), download: 'finsam-compare.csv'}, el('button', {}, 'This comparison (CSV)')),
          el('a', {href: '/api/export?format=csv' + orgParam, download: 'finsam-export.csv'}, el('button', {}, 'All facts (CSV)')),
          el('a', {href: '/api/export?format=csv&dialect=excel-sv' + orgParam, download: 'finsam-export.csv'}, el('button', {}, 'All facts (Excel, sv)')),
          el('a', {href: '/api/export?format=jsonl' + orgParam, download: 'finsam-export.jsonl'}, el('button', {}, 'All facts (JSON lines)'))));
}

function compareTable(data) {
  const kinds = data.kinds;
  const dev = kinds.includes('budget') && kinds.includes('utfall');
  const head = el('tr', {}, el('th', {}, 'organisation'), el('th', {}, 'year'), data.label ? el('th', {}, 'label') : null,
      kinds.map(k => el('th', {}, k)), dev ? el('th', {}, 'deviation') : null, el('th', {}, 'sources'), el('th', {}, 'conflicts'));
  const rows = data.rows.map(r => el('tr', {dataset: {org: r.organisation_id, year: r.year}},
      el('td', {}, r.organisation), el('td', {}, r.year), data.label ? el('td', {}, r.label || '') : null,
      kinds.map(k => {
        const v = r.values[k];
        if (!v) return el('td', {});
        return el('td', {class: 'num', dataset: {kind: k, value: v.value}}, v.document_id ? docLink(v.document_id, v.page, fmt(v.value)) : fmt(v.value));
      }),
      dev ? el('td', {class: 'num ' + (r.deviation < 0 ? 'dev-neg' : r.deviation > 0 ? 'dev-pos' : '')}, fmt(r.deviation)) : null,
      el('td', {class: 'num'}, r.sources), el('td', {class: 'muted'}, r.conflicts)));
  return el('table', {id: 'compare-table'}, head, rows);
}

// One SVG chart per organisation: budget (dashed) and utfall over the years.
// Every point carries data-org, data-year, data-kind and data-value and links to its source page.
function charts(data, W, H) {
  const byOrg = new Map();
  for (const r of data.rows) {
    const key = r.organisation;
    if (!byOrg.has(key)) byOrg.set(key, []);
    byOrg.get(key).push(r);
  }
  const out = [];
  for (const [org, rows] of byOrg) {
    const pts = [];
    // Plans continue the budget line into later years (dotted series, data-kind="plan").
    for (const r of rows) for (const k of ['budget', 'plan', 'utfall']) if (r.values[k]) pts.push({year: r.year, kind: k, v: r.values[k]});
    if (!pts.length) continue;
    const years = [...new Set(rows.map(r => r.year))].sort();
    const vals = pts.map(p => p.v.value);
    let lo = Math.min(0, ...vals), hi = Math.max(...vals);
    if (hi === lo) hi = lo + 1;
    const L = 70, R = 15, T = 25, B = 30;
    const x = (y) => years.length === 1 ? (L + W - R) / 2 : L + (W - L - R) * (years.indexOf(y) / (years.length - 1));
    const yv = (v) => T + (H - T - B) * (1 - (v - lo) / (hi - lo));
    const g = svg('svg', {class: 'chart', width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: 'img', 'data-org': org,
                          'data-metric': data.metric || data.label});
    g.append(svg('title', {}, `${org}: ${data.metric || data.label}`));
    g.append(svg('text', {x: L, y: 15}, org));
    g.append(svg('line', {class: 'axis', x1: L, y1: H - B, x2: W - R, y2: H - B}));
    g.append(svg('line', {class: 'axis', x1: L, y1: T, x2: L, y2: H - B}));
    for (const t of [lo, (lo + hi) / 2, hi]) g.append(svg('text', {x: 4, y: yv(t) + 4}, fmt(t)));
    for (const y of years) g.append(svg('text', {x: x(y) - 14, y: H - 10}, y));
    for (const line of [['budget', 'plan'], ['utfall']]) {
      const k = line[0];
      const series = pts.filter(p => line.includes(p.kind)).sort((a, b) => a.year - b.year);
      if (series.length > 1) g.append(svg('polyline', {class: k, points: series.map(p => `${x(p.year)},${yv(p.v.value)}`).join(' ')}));
      for (const p of series) {
        const c = svg('circle', {class: k + ' point ' + p.kind, cx: x(p.year), cy: yv(p.v.value), r: k === 'budget' ? 7 : 4, 'data-org': org, 'data-year': p.year,
                                 'data-kind': p.kind, 'data-value': p.v.value},
                      svg('title', {}, `${p.kind} ${p.year}: ${fmt(p.v.value)} kr (${p.v.source})`));
        g.append(p.v.document_id ? svg('a', {href: `#/doc/${p.v.document_id}?page=${p.v.page || 1}`}, c) : c);
      }
    }
    out.push(g);
  }
  if (!out.length) out.push(el('p', {class: 'muted'}, 'No budget or utfall figures for this choice.'));
  return out;
}

// ---------------------------------------------------------------- documents
async function renderDocs() {
  const docs = await api('/api/documents');
  show(el('h1', {}, 'Documents'), el('table', {id: 'docs'},
      el('tr', {}, ['id', 'organisation', 'kind', 'title', 'years', 'pages', 'tables', 'facts', 'open flags'].map(h => el('th', {}, h))),
      docs.map(d => el('tr', {dataset: {doc: d.id}}, el('td', {}, docLink(d.id, 0, '#' + d.id)),
          el('td', {}, d.organisation_id ? el('a', {href: '#/org/' + d.organisation_id}, d.organisation) : ''),
          el('td', {}, d.kind || ''), el('td', {class: 'doc-title'}, docLink(d.id, 0, d.title || '(untitled)')),
          el('td', {}, [d.year_from, d.year_to].filter(Boolean).join('–')), el('td', {class: 'num'}, d.pages),
          el('td', {class: 'num'}, d.tables), el('td', {class: 'num'}, d.facts), el('td', {class: 'num'}, d.open_flags)))));
}

async function renderDoc(id, params) {
  const d = await api('/api/documents/' + id);
  let page = parseInt(params.get('page') || '0', 10);
  if (!page) { const withFacts = d.page_list.find(p => p.facts > 0); page = withFacts ? withFacts.page : 1; }
  const pageSel = el('select', {id: 'd-page', onchange: () => { location.hash = `#/doc/${id}?page=${pageSel.value}`; }},
      d.page_list.map(p => el('option', {value: p.page, selected: p.page === page}, `page ${p.page}${p.label ? ' (' + p.label + ')' : ''} · ${p.facts} figures · ${p.decision}`)));
  const prov = el('div', {id: 'prov'}, el('p', {class: 'muted'}, 'Click a figure for its provenance.'));
  const view = el('div', {id: 'pageview-wrap'});
  show(el('h1', {class: 'doc-title'}, d.title || '(untitled)'),
       el('p', {class: 'muted'}, d.organisation_id ? el('a', {href: '#/org/' + d.organisation_id}, d.organisation) : '(no organisation)',
          ' · ', d.kind || '', ' · ', [d.year_from, d.year_to].filter(Boolean).join('–'), ' · ', d.pages, ' pages · ', d.format),
       el('p', {}, pageSel, ' ', el('span', {class: 'legend'}, el('span', {class: 'st-ok'}, 'ok'), el('span', {}, 'repaired'),
          el('span', {}, 'suspect'), el('span', {}, 'corrected'))),
       el('div', {class: 'split'}, view, prov));
  const boxes = await api(`/api/documents/${id}/pages/${page}`);
  if (d.format !== 'pdf' || boxes.unit !== 'pt') {
    view.append(el('p', {class: 'muted'}, 'A text document: no page image.'),
        el('table', {}, boxes.facts.map(f => el('tr', {}, el('td', {}, f.label), el('td', {}, f.raw), el('td', {}, f.status)))));
    return;
  }
  const W = Math.min(800, main().clientWidth * 0.6);
  const s = W / boxes.width;
  const pv = el('div', {class: 'pageview', style: {width: W + 'px', height: (boxes.height * s) + 'px'}});
  pv.append(el('img', {src: `/page/${id}/${page}.png`, alt: 'page ' + page, style: {width: W + 'px'}}));
  for (const r of boxes.rows) pv.append(el('div', {class: 'box row', style: pos(r.box, s)}));
  for (const f of boxes.facts) {
    pv.append(el('div', {class: 'box st-' + f.status, title: `${f.raw} ${f.status}`, dataset: {fact: f.id, status: f.status},
                         style: pos(f.box, s), onclick: () => provenance(f.id, prov)}));
  }
  view.append(pv);
}
function pos(b, s) {
  return {left: (b[0] * s - 2) + 'px', top: (b[1] * s - 2) + 'px', width: ((b[2] - b[0]) * s + 4) + 'px', height: ((b[3] - b[1]) * s + 4) + 'px'};
}

async function provenance(factId, into) {
  const f = await api('/api/facts/' + factId);
  const rows = [['fact', f.id], ['label', f.label], ['category', f.category], ['column', `${f.column_header || ''} (${f.column_kind || ''} ${f.year || ''})`],
                ['printed', f.raw], ['amount (kr)', fmt(f.amount)], ['status', f.status], ['read from', f.read_by],
                ['confidence', f.confidence.toFixed(2)], ['table', `${f.table || ''} (${f.table_kind || ''}, unit ${f.unit || '?'})`],
                ['page', f.page]];
  if (f.status === 'corrected') rows.push(['before correction', fmt(f.original_amount)]);
  const t = f.table_as_read;
  into.replaceChildren(el('h2', {}, 'Provenance'), el('table', {class: 'prov'}, rows.map(([k, v]) => el('tr', {}, el('th', {}, k), el('td', {}, v ?? '')))),
      el('h3', {}, 'The table as read'),
      el('table', {class: 'asread'}, el('tr', {}, el('th', {}, ''), t.columns.map(c => el('th', {}, c.header || `${c.kind || ''} ${c.year || ''}`))),
         t.rows.map(r => el('tr', {}, el('td', {}, (r.total ? 'Σ ' : '') + r.label),
             r.cells.map(c => c ? el('td', {class: 'num' + (c.id === f.id ? ' st-' + c.status : ''), title: c.status}, c.raw) : el('td', {}))))));
}

// ---------------------------------------------------------------- organisations
async function renderOrgs() {
  const orgs = await api('/api/orgs');
  show(el('h1', {}, 'Organisations'), el('table', {id: 'orgs'},
      el('tr', {}, ['organisation', 'kind', 'orgnr', 'documents', 'years', 'open flags'].map(h => el('th', {}, h))),
      orgs.map(o => el('tr', {}, el('td', {}, el('a', {href: '#/org/' + o.id}, o.name)), el('td', {}, o.kind || ''), el('td', {}, o.orgnr || ''),
          el('td', {class: 'num'}, o.documents), el('td', {}, [o.year_from, o.year_to].filter(Boolean).join('–')),
          el('td', {class: 'num'}, el('a', {href: '#/queue?org=' + o.id}, o.open_flags))))));
}

async function renderOrg(id) {
  const o = await api('/api/orgs/' + id);
  const figs = [];
  for (const [metric, data] of Object.entries(o.key_figures)) {
    if (!data.rows.length) continue;
    figs.push(el('div', {}, el('h3', {}, metric), charts(data, 300, 170)));
  }
  show(el('h1', {class: 'org-name'}, o.name),
       el('p', {class: 'muted'}, o.kind || '', o.orgnr ? ' · ' + o.orgnr : '', ' · ', [o.year_from, o.year_to].filter(Boolean).join('–')),
       el('h2', {}, 'Documents'),
       el('ul', {}, o.document_list.map(d => el('li', {}, docLink(d.id, 0, d.title || '(untitled)'), ` — ${d.kind || ''}, ${d.facts} figures, ${d.open_flags} open flags`))),
       el('h2', {}, 'Key figures'), el('div', {class: 'charts'}, figs.length ? figs : el('p', {class: 'muted'}, 'none')),
       el('h2', {}, 'Open flags (', el('a', {href: '#/queue?org=' + id}, 'review them'), ')'),
       el('ul', {}, o.open_flags_list.map(f => el('li', {}, el('code', {}, f.id), ' ', f.severity, ' ', f.rule, ': ', f.message))));
}

// ---------------------------------------------------------------- routing
async function route() {
  const {parts, params} = parseHash();
  const page = parts[0] || 'queue';
  for (const a of document.querySelectorAll('header nav a')) a.classList.toggle('active', a.id === 'nav-' + page);
  try {
    if (page === 'queue') await renderQueue(params);
    else if (page === 'compare') await renderCompare(params);
    else if (page === 'docs') await renderDocs();
    else if (page === 'doc' && parts[1]) await renderDoc(parts[1], params);
    else if (page === 'orgs') await renderOrgs();
    else if (page === 'org' && parts[1]) await renderOrg(parts[1]);
    else show(el('p', {}, 'Unknown page.'));
    document.body.dataset.ready = page;
  } catch (e) {
    show(el('p', {class: 'error'}, 'Error: ', e.message));
    document.body.dataset.ready = 'error';
  }
}

window.addEventListener('hashchange', () => { document.body.dataset.ready = ''; route(); });
window.addEventListener('DOMContentLoaded', async () => {
  try { session = await api('/api/session'); } catch (e) { /* keep read-only */ }
  document.getElementById('mode').textContent = session.write ? `decisions recorded as ${session.by}` : 'read-only';
  route();
});
