// kubesim web: the page's side of the lab. Every request returns the session's state, which
// redraws the panes; the cluster's virtual time moves only by the lines and the clock buttons.
'use strict';

const $ = (id) => document.getElementById(id);
const history = [];
let historyAt = 0;
let hops = [];
let hopAt = 0;
let traceText = null;

function appendOutput(text, cls) {
  const out = $('terminal-output');
  const span = document.createElement('span');
  if (cls) span.className = cls;
  span.textContent = text;
  out.appendChild(span);
  out.scrollTop = out.scrollHeight;
}

// The shell prints "$ command" before each command's output; the page shows those lines in colour.
function showOutput(text) {
  for (const line of text.split(/(?<=\n)/)) {
    appendOutput(line, line.startsWith('$ ') ? 'cmd' : (line.startsWith('# ') ? 'note' : null));
  }
}

// Requests go one after another, in the order the student made them, as lines typed in a shell do.
let queue = Promise.resolve();

function call(method, path, body) {
  queue = queue.then(() => send(method, path, body)).catch((e) => appendOutput('kubesim: ' + e + '\n', 'note'));
  return queue;
}

// Resolves once every request made so far has been answered and drawn (for tests and embedding pages).
window.kubesimSettled = () => queue;

async function send(method, path, body) {
  const response = await fetch(path, { method, body, headers: body ? { 'Content-Type': 'text/plain' } : {} });
  const json = await response.json();
  if (!response.ok) {
    appendOutput('kubesim: ' + json.error + '\n', 'note');
    return;
  }
  if (json.newSession) appendOutput('# a new cluster for this browser\n', 'note');
  if (json.output) showOutput(json.output);
  render(json.state);
}

function render(state) {
  $('prompt').textContent = state.prompt;
  $('clock').textContent = state.now;
  $('clock').dataset.millis = state.nowMillis;
  renderCluster(state);
  renderTrace(state.trace);
  renderLab(state.lab);
  const select = $('lab-select');
  if (select.options.length === 0) {
    for (const name of state.labs) select.add(new Option(name, name));
  }
}

// ---- SVG pictures ---------------------------------------------------------------------------
// The cluster map (cluster.map().toSvg(), the last request's way highlighted) and the last
// request's sequence diagram (trace.toSvg()), drawn by the server and placed above the HTML views
// (which stay as the accessible, text form). Both are kubesim's own SVG: no scripts inside.
function embedSvg(state) {
  $('cluster-map').innerHTML = state.mapSvg || '';
  $('trace-map').innerHTML = (state.trace && state.trace.svg) || '';
}
// ---------------------------------------------------------------------------------------------

function renderCluster(state) {
  embedSvg(state);
  $('cluster').innerHTML = state.clusterHtml; // built and escaped by the server from the cluster's objects
}

function renderTrace(trace) {
  if (!trace) return;
  if (trace.text !== traceText) {
    traceText = trace.text;
    hops = trace.hops;
    hopAt = 0;
  }
  $('trace-title').textContent = trace.title;
  $('trace-text').textContent = trace.text;
  const body = $('hop-list').tBodies[0];
  body.replaceChildren();
  hops.forEach((h, i) => {
    const row = body.insertRow();
    for (const v of [i + 1, h.at, h.node, h.where, h.action, h.object, h.rule]) {
      row.insertCell().textContent = v;
    }
    row.addEventListener('click', () => { hopAt = i; showHop(); });
  });
  showHop();
}

function showHop() {
  $('map-hop').hidden = hops.length === 0;
  if (hops.length === 0) return;
  const h = hops[hopAt];
  $('hop-position').textContent = 'hop ' + (hopAt + 1) + ' of ' + hops.length;
  const detail = $('hop-detail');
  detail.replaceChildren();
  for (const [k, v] of [['action', h.action], ['object', h.object || '-'], ['rule', h.rule || '-'],
    ['reason', h.reason || '-'], ['where', h.node + ' ' + h.netns + ' ' + h.where], ['at', h.at]]) {
    const dt = document.createElement('dt');
    dt.textContent = k;
    const dd = document.createElement('dd');
    dd.id = 'hop-' + k;
    dd.textContent = v;
    detail.append(dt, dd);
  }
  [...$('hop-list').tBodies[0].rows].forEach((r, i) => r.classList.toggle('current', i === hopAt));
  const current = $('hop-list').tBodies[0].rows[hopAt];
  // scroll the list only (scrollIntoView would move the whole page)
  if (current) {
    const box = current.closest('.hop-scroll');
    box.scrollTop = current.offsetTop - 40;
    box.scrollLeft = 0;
  }
  markMap(h);
  $('hop-prev').disabled = hopAt === 0;
  $('hop-next').disabled = hopAt === hops.length - 1;
}

// The hop on the cluster map: the server names the shapes the hop is at and the edges its packet
// moves along by the SVG's data-ref / data-from / data-to attributes; here we only toggle a class.
function markMap(h) {
  const map = $('cluster-map');
  map.querySelectorAll('.current').forEach((e) => e.classList.remove('current'));
  for (const ref of h.mapAt) {
    map.querySelectorAll('[data-ref="' + CSS.escape(ref) + '"]').forEach((e) => e.classList.add('current'));
  }
  for (const edge of h.mapEdges) {
    map.querySelectorAll('[data-from="' + CSS.escape(edge.from) + '"][data-to="' + CSS.escape(edge.to) + '"]')
      .forEach((e) => e.classList.add('current'));
  }
  $('map-hop-position').textContent = 'hop ' + (hopAt + 1) + ' of ' + hops.length;
  $('map-hop-action').textContent = h.action;
  $('map-hop-object').textContent = h.object || '';
  $('map-hop-rule').textContent = h.rule || '';
}

function renderLab(lab) {
  $('lab').hidden = !lab;
  if (!lab) return;
  $('lab-name').textContent = lab.name;
  $('lab-step').textContent = lab.finished ? 'finished' : 'step ' + (lab.step + 1) + ' of ' + lab.total;
  const explanation = $('lab-explanation');
  explanation.replaceChildren();
  for (const line of lab.explanation) {
    const p = document.createElement('p');
    p.textContent = line;
    explanation.appendChild(p);
  }
  $('lab-command').textContent = lab.command || '';
  $('lab-command').hidden = !lab.command;
  $('lab-next').disabled = lab.finished;
  $('lab-next').textContent = lab.command ? 'Run step' : 'Next';
}

$('terminal-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const input = $('terminal-input');
  const line = input.value;
  input.value = '';
  if (line.trim() !== '' && history[history.length - 1] !== line) history.push(line);
  historyAt = history.length;
  await call('POST', '/api/run', line);
});

$('terminal-input').addEventListener('keydown', (e) => {
  if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
  e.preventDefault();
  historyAt = Math.max(0, Math.min(history.length, historyAt + (e.key === 'ArrowUp' ? -1 : 1)));
  e.target.value = history[historyAt] || '';
});

for (const id of ['advance-1', 'advance-10', 'advance-60']) {
  $(id).addEventListener('click', () => call('POST', '/api/advance?seconds=' + $(id).dataset.seconds));
}
$('hop-prev').addEventListener('click', () => { if (hopAt > 0) { hopAt--; showHop(); } });
$('hop-next').addEventListener('click', () => { if (hopAt < hops.length - 1) { hopAt++; showHop(); } });
$('lab-start').addEventListener('click', async () => {
  $('terminal-output').replaceChildren();
  await call('POST', '/api/lab/start?name=' + encodeURIComponent($('lab-select').value));
});
$('lab-next').addEventListener('click', () => call('POST', '/api/lab/next'));

call('GET', '/api/state');
