// Boot and wiring: controls → scenario → simulation → views; the URL always holds the scenario.
import { loadWasm, SimView, version, parseAddress, scenarioToAddress, pageLimits, restartWasm, onTrap } from './sim.js';
import { NetworkView } from './render.js';
import { Chart, drawBand, drawCompare } from './chart.js';
import { MonteCarloRunner, download } from './montecarlo.js';
import { STATE_COLORS, STATE_SHAPES, TRANSMISSION_COLOR } from './colors.js';
import { STRINGS, t, setLanguage, language, applyStrings } from './i18n.js';
import { NETWORKS, MODELS, modelParams, PASS_THROUGH, networkSpec, parseNetworkSpec } from './scenario.js';
import { routeError, errorText, pageError, errorFromData } from './errors.js';

const $ = (id) => document.getElementById(id);

const ui = {
  netKind: 'karate',
  netValues: {},
  fileName: null,
  fileText: null,
  model: 'ic',
  modelValues: {},
  /** The parameters last set for each model (by model name), while another one is chosen. */
  valuesByModel: {},
  seedMode: 'random',
  k: 1,
  clicked: [], // labels of clicked seeds (seed mode "click")
  seed: 1,
  maxSteps: 1000,
  speed: 4,
  budget: 100,
  // campaign: ads and prices (all 0: no campaign)
  ads: { impressions: 0, conversion: 0.02, steps: 5 },
  costs: { per_seed: 0, per_seed_degree: 0, per_impression: 0 },
  adSegment: '', // '' = everyone
  segName: null, // uploaded segments file
  segText: null,
  // the content and interventions (see the core's campaign module)
  content: { halfLife: 0, fatigue: 0, post: 1, stickiness: '', seedSegment: '', boostAt: 0, muteK: 0, muteAt: 2, debunkK: 0, debunkAt: 2 },
  extraInterventions: [], // from a URL, in forms the controls do not show; kept as they are
  clickAction: 'seed',
};

let sim = null;
let view, chart;
let playing = false;
let lastStep = 0;
let dirty = true;
let layoutMoving = true;
let hover = -1;
let facebookText = null;
let builtNetwork = null;
let lastGood = null; // the controls of the simulation that is running
let defaults = null; // the controls before an address is applied
let urlError = ''; // a scenario address the page cannot show (kept visible after the rebuild)
let worker = null; // layout worker; null → the layout runs on the main thread
let layoutJob = 0;
let pendingPositions = null;
let runner = null; // Monte Carlo workers
let lastMc = null; // {scenario, result} of the last Monte Carlo, for export
let compareSet = []; // up to four scenarios on one network, named A to D
let lastCmp = null; // {scenarios, comparison}
const NAMES = ['A', 'B', 'C', 'D'];

// ---------------------------------------------------------------- controls

function fillSelect(sel, keys, prefix) {
  const cur = sel.value;
  sel.innerHTML = '';
  for (const k of keys) {
    const o = document.createElement('option');
    o.value = k;
    o.textContent = t(prefix + k);
    sel.appendChild(o);
  }
  if (keys.includes(cur)) sel.value = cur;
}

/** A labelled slider with a number box, both with accessible names. */
function paramRow(id, labelKey, min, max, step, value, onInput) {
  const row = document.createElement('div');
  row.className = 'param';
  const label = document.createElement('label');
  label.htmlFor = id;
  label.textContent = t(labelKey);
  const line = document.createElement('div');
  line.className = 'row';
  const range = document.createElement('input');
  Object.assign(range, { type: 'range', id, min, max, step, value });
  range.setAttribute('aria-label', t(labelKey));
  const num = document.createElement('input');
  Object.assign(num, { type: 'number', id: id + '-num', step, value });
  num.setAttribute('aria-label', t(labelKey));
  range.addEventListener('input', () => { num.value = range.value; onInput(range.value, false); });
  range.addEventListener('change', () => onInput(range.value, true));
  num.addEventListener('change', () => { range.value = num.value; onInput(num.value, true); });
  line.append(range, num);
  row.append(label, line);
  return row;
}

function renderNetParams() {
  const box = $('net-params');
  box.innerHTML = '';
  for (const [name, key, min, max, step, def] of NETWORKS[ui.netKind].params) {
    if (ui.netValues[name] === undefined) ui.netValues[name] = String(def);
    box.appendChild(paramRow(`net-${name}`, key, min, max, step, ui.netValues[name], (v, commit) => {
      ui.netValues[name] = v;
      delete ui.netValues.sizes; // sbm: moving a slider replaces sizes read from a URL
      if (commit) rebuild();
    }));
  }
  $('file-row').hidden = ui.netKind !== 'file';
}

function renderModelParams() {
  const box = $('model-params');
  box.innerHTML = '';
  $('model-explain').textContent = t('x_' + ui.model);
  for (const [name, key, min, max, step, def] of modelParams(ui.model, ui.modelValues)) {
    if (ui.modelValues[name] === undefined) ui.modelValues[name] = String(def);
    box.appendChild(paramRow(`model-${name}`, key, min, max, step, ui.modelValues[name], (v, commit) => {
      ui.modelValues[name] = v;
      if (commit) rebuild({ keepLayout: true });
    }));
  }
}

function renderLegend() {
  const names = sim ? sim.stateNames : ['not reached', 'just adopted', 'adopted'];
  const keys = names.map((s) => s.replace(/ /g, '_'));
  $('legend').innerHTML = keys
    .map((k, s) => `<span class="sw ${STATE_SHAPES[s]}" style="background:${STATE_COLORS[s]}"></span>${t(k)}`)
    .join('') + `<span class="line" style="background:${TRANSMISSION_COLOR}"></span>${t('transmission')}`;
}

const STRATEGIES = ['pagerank', 'kcore', 'degree-discount', 'imm', 'celf'];

function seedsString() {
  if (ui.seedMode === 'random') return `random:${ui.k}`;
  if (ui.seedMode === 'top') return `top-degree:${ui.k}`;
  if (ui.seedMode === 'budget') return `budget:${ui.budget}${ui.seedOptions ?? ''}`;
  if (STRATEGIES.includes(ui.seedMode)) return `${ui.seedMode}:${ui.k}${ui.seedOptions ?? ''}`;
  return ui.clicked.length ? `nodes:${ui.clicked.join(',')}` : 'none';
}

function scenarioFromUI() {
  const model = { kind: ui.model };
  for (const [name] of modelParams(ui.model, ui.modelValues)) model[name] = Number(ui.modelValues[name]);
  for (const name of PASS_THROUGH) if (ui.modelValues[name] !== undefined) model[name] = ui.modelValues[name];
  const s = {
    network: networkSpec(ui.netKind, ui.netValues, ui.fileName, ui.segName),
    model,
    seeds: seedsString(),
    seed: Number(ui.seed),
    max_steps: Number(ui.maxSteps),
  };
  const campaign = {};
  if (Number(ui.ads.impressions) > 0) {
    campaign.ads = { impressions_per_step: Number(ui.ads.impressions), conversion: Number(ui.ads.conversion), steps: Number(ui.ads.steps) };
    if (ui.adSegment !== '') campaign.ads.segment = Number(ui.adSegment);
  }
  const c = ui.content;
  if (Number(c.halfLife) > 0 || Number(c.fatigue) > 0) {
    campaign.decay = {};
    if (Number(c.halfLife) > 0) campaign.decay.half_life = Number(c.halfLife);
    if (Number(c.fatigue) > 0) campaign.decay.fatigue = Number(c.fatigue);
  }
  if (String(c.stickiness).trim()) campaign.stickiness = String(c.stickiness).split('/').map(Number);
  if (Number(c.post) !== 1) campaign.post_probability = Number(c.post);
  if (c.seedSegment !== '') campaign.seed_segment = Number(c.seedSegment);
  const iv = [];
  if (Number(c.boostAt) > 0) iv.push({ step: Number(c.boostAt), action: 'boost' });
  if (Number(c.muteK) > 0) iv.push({ step: Number(c.muteAt), action: 'mute', nodes: `top-degree:${Number(c.muteK)}` });
  if (Number(c.debunkK) > 0) iv.push({ step: Number(c.debunkAt), action: 'debunk', nodes: `random:${Number(c.debunkK)}` });
  iv.push(...ui.extraInterventions);
  if (iv.length) campaign.interventions = iv;
  if (Object.values(ui.costs).some((x) => Number(x) !== 0)) {
    campaign.costs = Object.fromEntries(Object.entries(ui.costs).map(([k, v]) => [k, Number(v)]));
  }
  if (Object.keys(campaign).length) s.campaign = campaign;
  return s;
}

function applyScenario(s) {
  const net = parseNetworkSpec(s.network);
  urlError = net ? '' : t('err_network_page', { spec: s.network });
  if (net) {
    ui.netKind = net.kind;
    ui.netValues = { ...net.values };
    if (net.fileName) ui.fileName = net.fileName;
    ui.segName = net.segName ?? null;
  }
  if (s.model && s.model.kind in MODELS) {
    ui.model = s.model.kind;
    ui.modelValues = {};
    for (const [k, v] of Object.entries(s.model)) if (k !== 'kind') ui.modelValues[k] = String(v);
  }
  const seeds = String(s.seeds || 'none');
  if (seeds.startsWith('random:')) { ui.seedMode = 'random'; ui.k = Number(seeds.slice(7)); }
  else if (seeds.startsWith('top-degree:')) { ui.seedMode = 'top'; ui.k = Number(seeds.slice(11)); }
  else if (seeds.startsWith('budget:')) {
    const [b, ...opts] = seeds.slice(7).split(',');
    ui.seedMode = 'budget'; ui.budget = Number(b); ui.seedOptions = opts.length ? ',' + opts.join(',') : '';
  }
  else if (STRATEGIES.includes(seeds.split(':')[0])) {
    // e.g. imm:5,epsilon=0.2: the options ride along unchanged
    const [kind, rest] = seeds.split(/:(.*)/s);
    const [k, ...opts] = rest.split(',');
    ui.seedMode = kind; ui.k = Number(k); ui.seedOptions = opts.length ? ',' + opts.join(',') : '';
  }
  else { ui.seedMode = 'click'; ui.clicked = seeds.startsWith('nodes:') ? seeds.slice(6).split(',') : []; }
  ui.seed = s.seed ?? 1;
  ui.maxSteps = s.max_steps ?? 1000;
  const c = s.campaign || {};
  ui.ads = c.ads ? { impressions: c.ads.impressions_per_step, conversion: c.ads.conversion, steps: c.ads.steps } : { impressions: 0, conversion: 0.02, steps: 5 };
  ui.costs = { per_seed: 0, per_seed_degree: 0, per_impression: 0, ...(c.costs || {}) };
  ui.adSegment = c.ads?.segment ?? '';
  const content = { halfLife: c.decay?.half_life ?? 0, fatigue: c.decay?.fatigue ?? 0, post: c.post_probability ?? 1,
    stickiness: c.stickiness ? c.stickiness.join('/') : '', seedSegment: c.seed_segment ?? '', boostAt: 0, muteK: 0, muteAt: 2, debunkK: 0, debunkAt: 2 };
  ui.extraInterventions = [];
  for (const iv of c.interventions || []) {
    // each control holds one intervention of its form; anything else rides along unchanged
    const m = /^(top-degree|random):(\d+)$/.exec(iv.nodes || '');
    if (iv.action === 'boost' && !content.boostAt) content.boostAt = iv.step;
    else if (iv.action === 'mute' && m?.[1] === 'top-degree' && !content.muteK) { content.muteK = Number(m[2]); content.muteAt = iv.step; }
    else if (iv.action === 'debunk' && m?.[1] === 'random' && !content.debunkK) { content.debunkK = Number(m[2]); content.debunkAt = iv.step; }
    else ui.extraInterventions.push(iv);
  }
  ui.content = content;
}

function syncControls() {
  $('net-kind').value = ui.netKind;
  $('model-kind').value = ui.model;
  $('seed-mode').value = ui.seedMode;
  $('k-seeds').value = ui.k;
  $('k-row').hidden = ui.seedMode === 'click' || ui.seedMode === 'budget';
  $('budget-row').hidden = ui.seedMode !== 'budget';
  $('budget').value = ui.budget;
  $('ad-impressions').value = ui.ads.impressions;
  $('ad-conversion').value = ui.ads.conversion;
  $('ad-steps').value = ui.ads.steps;
  $('cost-seed').value = ui.costs.per_seed;
  $('cost-degree').value = ui.costs.per_seed_degree;
  $('cost-impression').value = ui.costs.per_impression;
  for (const [id, key] of CONTENT_CONTROLS) $(id).value = ui.content[key];
  $('ad-segment').value = String(ui.adSegment);
  $('click-action').value = ui.clickAction;
  // interventions from the address that the controls cannot show are listed, and kept
  $('extra-iv').textContent = ui.extraInterventions.length
    ? t('extra_iv', { list: ui.extraInterventions.map((iv) => `${iv.action} @ ${iv.step}${iv.nodes ? ` (${iv.nodes})` : ''}`).join('; ') })
    : '';
  $('rng-seed').value = ui.seed;
  $('max-steps').value = ui.maxSteps;
  $('speed').value = ui.speed;
  $('speed-out').textContent = ui.speed;
  renderNetParams();
  renderModelParams();
}

const CONTENT_CONTROLS = [['half-life', 'halfLife'], ['fatigue', 'fatigue'], ['post-prob', 'post'], ['stickiness', 'stickiness'],
  ['seed-segment', 'seedSegment'], ['boost-at', 'boostAt'], ['mute-k', 'muteK'], ['mute-at', 'muteAt'], ['debunk-k', 'debunkK'], ['debunk-at', 'debunkAt']];

/** The segment selectors list the network's segments; they and the stickiness box show only
 * when there are segments. */
function renderSegmentControls() {
  const k = sim ? sim.segmentCount : 0;
  for (const el of document.querySelectorAll('.segs-only')) el.hidden = k === 0;
  for (const [id, value] of [['ad-segment', ui.adSegment], ['seed-segment', ui.content.seedSegment]]) {
    const sel = $(id);
    sel.innerHTML = '';
    const all = document.createElement('option');
    all.value = '';
    all.textContent = t('seg_all');
    sel.appendChild(all);
    for (let s = 0; s < k; s++) {
      const o = document.createElement('option');
      o.value = String(s);
      o.textContent = t('seg_n', { s });
      sel.appendChild(o);
    }
    sel.value = String(value);
  }
}

/** The Monte Carlo's mean reach per audience segment (hidden without segments). */
function renderSegmentTable(segments) {
  const table = $('mc-segments');
  table.hidden = !segments;
  if (!segments) return;
  table.tBodies[0].innerHTML = segments.map((g) => `<tr><td>${g.segment}</td><td>${g.size}</td>`
    + `<td>${fmt(g.reached.mean, 1)}</td><td>${pct(g.fraction)}</td></tr>`).join('');
}

let shownAddress = null; // the address of the scenario on screen, as the core wrote it (no lang)

function updateHash() {
  let address;
  try {
    address = scenarioToAddress(scenarioFromUI()); // the core writes what its parser reads
  } catch {
    return; // the controls hold something invalid: the address keeps the running scenario
  }
  shownAddress = address;
  const h = address + (language() !== 'en' ? `&lang=${language()}` : '')
    + (compareSet.length ? `&compare=${encodeURIComponent(JSON.stringify(compareSet))}` : '');
  if (location.hash !== h) history.replaceState(null, '', h);
}

// ---------------------------------------------------------------- the Embed button

/** An attribute value as HTML source: quotes and angle brackets escaped, and an `&` only where
 * it could start a character reference (the address's `&key=` pairs stay readable). */
function attr(v) {
  return String(v).replace(/&(?=#|[A-Za-z0-9]+;)/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const EMBED_CONTROLS = 'play step reset speed p';

/** The two snippets (element, iframe) for a scenario address (`network=…`, no `#`), in a
 * language, with the widget's files at `base` (the folder this page is served from). */
function embedSnippets(address, lang, base) {
  const scenario = address.replace(/^#/, '');
  const script = new URL('viral-sim.js', base).href;
  const frame = `${new URL('embed.html', base).href}#${scenario}&controls=${EMBED_CONTROLS.replace(/ /g, '+')}${lang !== 'en' ? `&lang=${lang}` : ''}`;
  const element = `<script type="module" src="${attr(script)}"></script>\n`
    + `<viral-sim scenario="${attr(scenario)}" controls="${EMBED_CONTROLS}"${lang !== 'en' ? ` lang="${attr(lang)}"` : ''}></viral-sim>`;
  const iframe = `<iframe src="${attr(frame)}" width="560" height="380" title="viralsim" loading="lazy" style="border:0;max-width:100%"></iframe>`;
  return { element, iframe };
}

function openEmbed() {
  let address = shownAddress;
  if (!address) {
    try { address = scenarioToAddress(scenarioFromUI()); } catch { address = null; }
  }
  const dialog = $('embed-dialog');
  const warning = $('embed-warning');
  // an uploaded file cannot travel in a snippet: say so (the snippets stay, for the record)
  const file = /(?:^#?|&)network=file:([^&,]*)/.exec(address ?? '');
  warning.textContent = file ? t('embed_file', { spec: decodeURIComponent(file[1].replace(/\+/g, ' ')) }) : '';
  warning.hidden = !file;
  const { element, iframe } = address ? embedSnippets(address, language(), location.href) : { element: '', iframe: '' };
  $('embed-element').value = element;
  $('embed-iframe').value = iframe;
  for (const s of dialog.querySelectorAll('.copy-status')) s.textContent = '';
  if (!dialog.open) dialog.showModal();
  // each box as tall as its snippet (the dialog scrolls when the screen is short)
  for (const area of dialog.querySelectorAll('textarea')) {
    area.style.height = 'auto';
    area.style.height = `${area.scrollHeight + 2}px`;
  }
}

/** Copies a snippet; where the clipboard is refused, selects it for Ctrl+C instead. */
async function copySnippet(button) {
  const area = $(button.dataset.copy);
  const status = button.parentElement.querySelector('.copy-status');
  for (const s of $('embed-dialog').querySelectorAll('.copy-status')) s.textContent = '';
  try {
    if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
    await navigator.clipboard.writeText(area.value);
    status.textContent = t('copied');
  } catch {
    area.focus();
    area.select();
    area.setSelectionRange(0, area.value.length);
    status.textContent = t('copy_selected');
  }
}

function installEmbed() {
  const dialog = $('embed-dialog');
  $('embed').addEventListener('click', openEmbed);
  $('embed-close').addEventListener('click', () => dialog.close());
  for (const b of dialog.querySelectorAll('[data-copy]')) b.addEventListener('click', () => copySnippet(b));
  // a click on the backdrop (outside the box) closes it; Escape closes it (the <dialog>'s own)
  dialog.addEventListener('click', (e) => { if (e.target === dialog) dialog.close(); });
  dialog.addEventListener('close', () => $('embed').focus());
}

// ---------------------------------------------------------------- building

const shownErrors = new Map(); // slot → {error, text}: said again when the language changes

/** Shows an error (the core's, or one the page made) next to the control its field names (see
 * errors.js), in the page's language; `slot` puts it in a given place instead. The control is
 * marked invalid until the errors are cleared. `scenario` is the one the error is about (an
 * intervention's control is found by its action), by default the controls'. */
function showError(e, slot = null, scenario = null) {
  let interventions = [];
  try { interventions = (scenario ?? scenarioFromUI()).campaign?.interventions ?? []; } catch { /* the controls alone */ }
  const route = routeError(e, interventions);
  const where = slot ?? route.slot;
  const text = errorText(e);
  $(where).textContent = text;
  const control = !slot ? route.control : null;
  shownErrors.set(where, { error: e, text, control });
  markInvalid(control, where);
}

/** Marks a control (an id, or null) as invalid, its message in `slot`. */
function markInvalid(control, slot) {
  const el = control ? $(control) : null;
  if (el) {
    el.setAttribute('aria-invalid', 'true');
    el.setAttribute('aria-errormessage', slot);
  }
}

function clearErrors() {
  for (const id of ['net-error', 'model-error', 'seed-error', 'mc-error', 'campaign-error', 'live-error']) {
    $(id).textContent = '';
    shownErrors.delete(id);
  }
  for (const el of document.querySelectorAll('[aria-invalid="true"]')) {
    el.removeAttribute('aria-invalid');
    el.removeAttribute('aria-errormessage');
  }
}

/** Says the errors on show again in the language just chosen (those still on show). */
function refreshErrors() {
  for (const [slot, shown] of shownErrors) {
    if ($(slot).textContent !== shown.text) { shownErrors.delete(slot); continue; }
    shown.text = errorText(shown.error);
    $(slot).textContent = shown.text;
    markInvalid(shown.control, slot); // the controls were drawn again
  }
}

async function networkText(spec) {
  if (spec === 'facebook') {
    if (!facebookText) {
      $('net-info').textContent = t('loading');
      const r = await fetch('pkg/ego-facebook.txt');
      if (!r.ok) throw new Error(`network: could not load ego-Facebook (${r.status})`);
      facebookText = await r.text();
    }
    return facebookText;
  }
  if (spec.startsWith('file:')) return ui.fileText;
  return null;
}

/** The segments file's text, when the network names one. */
function segmentsText(spec) {
  return /^file:.*,segments=/.test(spec) ? ui.segText : null;
}

// Strategies that simulate or sample run in a worker, once per scenario (see seed-worker.js).
const COMPUTED_SEEDS = /^(celf|budget|imm):/;
let seedWorker = null;
let seedJob = 0;
const chosenSeeds = new Map(); // scenario key → 'nodes:…'
let rebuildGen = 0;

/** The scenario with a computed strategy replaced by the nodes it chose (the same runs). */
async function withChosenSeeds(scenario, text, segments) {
  if (!COMPUTED_SEEDS.test(scenario.seeds)) return scenario;
  const key = JSON.stringify(scenario) + `#${text?.length ?? 0}#${segments?.length ?? 0}`;
  if (!chosenSeeds.has(key)) {
    seedWorker ??= new Worker(new URL('./seed-worker.js', import.meta.url), { type: 'module' });
    const id = ++seedJob;
    $('seed-status').textContent = t('choosing_seeds');
    try {
      const labels = await new Promise((ok, fail) => {
        seedWorker.addEventListener('message', function got({ data }) {
          if (data.id !== id) return;
          seedWorker.removeEventListener('message', got);
          if (data.error) fail(errorFromData(data.error)); else ok(data.labels);
        });
        seedWorker.postMessage({ id, scenario, text, segments });
      });
      chosenSeeds.set(key, labels.length ? `nodes:${labels.join(',')}` : 'none');
    } finally {
      if (id === seedJob) $('seed-status').textContent = '';
    }
  }
  return { ...scenario, seeds: chosenSeeds.get(key) };
}

let building = 0; // rebuilds in progress (tests wait for 0)

/** Rebuilds the simulation from the controls. On error the previous simulation stays. */
async function rebuild(opts = {}) {
  building++;
  try {
    return await rebuildNow(opts);
  } finally {
    building--;
  }
}

async function rebuildNow({ keepLayout = false, fallback = false } = {}) {
  clearErrors();
  const gen = ++rebuildGen;
  const scenario = scenarioFromUI();
  let next;
  try {
    if (scenario.network.startsWith('file:') && !ui.fileText) {
      $('net-info').textContent = '';
      return;
    }
    if (/,segments=/.test(scenario.network) && !ui.segText) {
      $('net-info').textContent = '';
      $('net-error').textContent = t('err_segments_missing', { name: ui.segName });
      return;
    }
    const text = await networkText(scenario.network);
    const segments = segmentsText(scenario.network);
    const built = await withChosenSeeds(scenario, text, segments);
    if (gen !== rebuildGen) return false; // the controls changed meanwhile: a newer rebuild wins
    next = new SimView(built, text, segments);
  } catch (e) {
    if (gen !== rebuildGen) return false;
    // put the controls back to what is running, and keep the message next to its control (after
    // the controls are drawn again, so that the control stays marked)
    if (lastGood) {
      Object.assign(ui, snapshot(lastGood));
      syncControls();
    } else if (!fallback && defaults) {
      // nothing runs yet (an address that cannot be built): open on the defaults, with the
      // message kept next to its control, so that every button works
      Object.assign(ui, snapshot(defaults));
      syncControls();
      await rebuildNow({ fallback: true });
    }
    showError(e, null, scenario);
    return false;
  }
  const sameNetwork = keepLayout && sim && builtNetwork === scenario.network && sim.n === next.n;
  if (sameNetwork) {
    next.setPositions(sim.positions(), 0.05);
  }
  pendingPositions = null;
  layoutJob++;
  if (worker && !sameNetwork) {
    // the layout needs only the network: no seeding strategy or campaign to compute there
    const layoutScenario = { network: scenario.network, model: scenario.model, seeds: 'none', seed: scenario.seed };
    worker.postMessage({ type: 'start', id: layoutJob, scenario: layoutScenario, text: scenario.network === 'facebook' || scenario.network.startsWith('file:') ? await networkText(scenario.network) : null, segments: segmentsText(scenario.network) });
  } else if (worker) {
    worker.postMessage({ type: 'stop', id: layoutJob });
  }
  if (sim) sim.free();
  sim = next;
  lastGood = snapshot(ui);
  builtNetwork = scenario.network;
  playing = false;
  layoutMoving = !sameNetwork;
  if (!sameNetwork) {
    view.resetView();
    view.fitTo(sim.positions());
  }
  $('net-info').textContent = t('nodes_edges', { n: sim.n.toLocaleString(language()), m: sim.edgeCount.toLocaleString(language()) });
  renderLegend();
  renderSegmentControls();
  updateHash();
  dirty = true;
  updatePanels();
  markStale();
  return true;
}

/** Marks the Monte Carlo's results when the scenario on screen is no longer the one they ran,
 * and the comparison's when the network changed: they stay readable, dimmed, with a note. */
function markStale() {
  const mc = !!lastMc && JSON.stringify(lastMc.scenario) !== JSON.stringify(scenarioFromUI());
  $('mc-stale').hidden = !mc;
  for (const id of ['mc-result', 'mc-chart', 'mc-segments']) $(id).classList.toggle('stale', mc);
  const cmp = !!lastCmp && lastCmp.scenarios[0]?.network !== builtNetwork;
  $('cmp-stale').hidden = !cmp;
  for (const id of ['cmp-chart', 'cmp-table', 'cmp-best']) $(id).classList.toggle('stale', cmp);
}

// ---------------------------------------------------------------- panels

/** A share as a percentage a person can read: 2 significant digits under 1 % (1 of 4,039 is
 * 0.025 %, not 0 %), one decimal above. */
function pct(fraction) {
  if (fraction === null || fraction === undefined || Number.isNaN(fraction)) return '–';
  const x = 100 * fraction;
  if (x === 0 || x >= 1) return fmt(x, 1);
  return Number(x.toPrecision(2)).toLocaleString(language(), { maximumSignificantDigits: 2 });
}

function fmt(x, d = 2) {
  return x === null || x === undefined || Number.isNaN(x) ? '–' : Number(x).toLocaleString(language(), { maximumFractionDigits: d });
}

function updatePanels() {
  if (!sim) return;
  const m = sim.metrics();
  $('m-step').textContent = String(sim.stepCount());
  $('m-reach').textContent = `${m.reach} (${pct(m.reach_fraction)} %)`;
  $('m-peak').textContent = m.peak_new ? `${m.peak_new} @ ${m.peak_step}` : '–';
  $('m-depth').textContent = String(m.depth);
  $('m-virality').textContent = fmt(m.structural_virality);
  $('m-r').textContent = m.offspring_by_generation.length > 1 ? m.offspring_by_generation.slice(0, 5).map((r) => fmt(r, 1)).join(' · ') : '–';
  const names = sim.stateNames.map((s) => t(s.replace(/ /g, '_')));
  chart.draw(sim.history(), sim.n, names, { x: t('chart_x'), y: t('chart_y'), wom: t('mc_wom'), ad: t('mc_ad') }, sim.reachByCause());
  $('hint').hidden = !(ui.seedMode === 'click' && sim.reach() === 0);
}

// ---------------------------------------------------------------- loop

function frame(now) {
  try {
    drawFrame(now);
  } catch (e) {
    // a trap is handled by the engine's restart; anything else is reported, and the loop goes on
    if (!recovering) console.error(e);
  }
  requestAnimationFrame(frame);
}

function drawFrame(now) {
  if (sim) {
    view.resize();
    let moved = false;
    if (pendingPositions) {
      sim.setPositions(pendingPositions.positions, pendingPositions.temperature);
      if (pendingPositions.temperature < 0.05) layoutMoving = false;
      pendingPositions = null;
      view.fitTo(sim.positions());
      moved = true;
    } else if (layoutMoving && !worker) {
      const start = performance.now();
      let temp = 1;
      while (performance.now() - start < 6) {
        temp = sim.layoutStep(1);
        if (temp < 0.05) { layoutMoving = false; break; }
      }
      view.fitTo(sim.positions());
      moved = true;
    }
    if (playing && now - lastStep >= 1000 / ui.speed) {
      lastStep = now;
      if (sim.step(1) === 0 || sim.isFinished()) playing = false;
      dirty = true;
      updatePanels();
    }
    if (dirty || moved || view.edgesDirty || view.fullEdgesPending) {
      view.draw(sim, { positionsMoved: moved, seeds: sim.seeds(), hover });
      dirty = false;
    }
  }
}

// ---------------------------------------------------------------- events

function install() {
  installEmbed();
  fillSelect($('net-kind'), Object.keys(NETWORKS), 'net_');
  fillSelect($('model-kind'), Object.keys(MODELS), 'mod_');
  $('net-kind').addEventListener('change', (e) => {
    ui.netKind = e.target.value; ui.netValues = {}; ui.clicked = [];
    // segment settings belong to the old network's segments
    ui.adSegment = ''; ui.content.seedSegment = ''; ui.content.stickiness = '';
    syncControls();
    rebuild();
  });
  $('model-kind').addEventListener('change', (e) => {
    // each model keeps the parameters set for it: going back to a model finds them again
    ui.valuesByModel = { ...ui.valuesByModel, [ui.model]: { ...ui.modelValues } };
    ui.model = e.target.value;
    ui.modelValues = { ...(ui.valuesByModel[ui.model] ?? {}) };
    renderModelParams();
    rebuild({ keepLayout: true });
  });
  $('seed-mode').addEventListener('change', (e) => {
    ui.seedMode = e.target.value;
    ui.seedOptions = '';
    $('k-row').hidden = ui.seedMode === 'click' || ui.seedMode === 'budget';
    $('budget-row').hidden = ui.seedMode !== 'budget';
    rebuild({ keepLayout: true });
  });
  $('budget').addEventListener('change', (e) => { ui.budget = e.target.value; rebuild({ keepLayout: true }); });
  for (const [id, group, key] of [['ad-impressions', 'ads', 'impressions'], ['ad-conversion', 'ads', 'conversion'], ['ad-steps', 'ads', 'steps'],
    ['cost-seed', 'costs', 'per_seed'], ['cost-degree', 'costs', 'per_seed_degree'], ['cost-impression', 'costs', 'per_impression']]) {
    $(id).addEventListener('change', (e) => { ui[group][key] = e.target.value; rebuild({ keepLayout: true }); });
  }
  for (const [id, key] of CONTENT_CONTROLS) {
    $(id).addEventListener('change', (e) => {
      const v = e.target.value;
      if (key === 'stickiness' && v.trim() && v.split('/').some((x) => x.trim() === '' || !(Number(x) >= 0))) {
        $('campaign-error').textContent = t('err_stickiness', { v });
        e.target.value = ui.content.stickiness;
        return;
      }
      ui.content[key] = v;
      rebuild({ keepLayout: true });
    });
  }
  $('ad-segment').addEventListener('change', (e) => { ui.adSegment = e.target.value; rebuild({ keepLayout: true }); });
  $('click-action').addEventListener('change', (e) => { ui.clickAction = e.target.value; });
  $('boost-now').addEventListener('click', () => {
    if (!sim) return;
    $('live-error').textContent = '';
    let k;
    try {
      k = sim.boostNow(); // the core's rule: refused where a re-post means nothing
    } catch (err) {
      $('content-status').textContent = '';
      showError(err, 'live-error'); // next to the button
      return;
    }
    $('content-status').textContent = t('boosted', { k });
    dirty = true;
    updatePanels();
  });
  $('seg-file').addEventListener('change', async (e) => {
    const f = e.target.files[0];
    if (!f) return;
    if (!fileFits(f)) return;
    try {
      ui.segText = await f.text();
      ui.segName = f.name.replace(/[,:=]/g, '_');
    } catch (err) {
      $('net-error').textContent = t('err_file', { msg: err.message });
      return;
    }
    rebuild();
  });
  $('k-seeds').addEventListener('change', (e) => { ui.k = e.target.value; rebuild({ keepLayout: true }); });
  $('max-steps').addEventListener('change', (e) => {
    const v = Number(e.target.value);
    if (e.target.value.trim() === '' || !Number.isInteger(v) || v < 1 || v > 1000000) {
      $('seed-error').textContent = t('err_max_steps', { v: e.target.value });
      e.target.value = ui.maxSteps;
      return;
    }
    ui.maxSteps = v;
    rebuild({ keepLayout: true });
  });
  $('rng-seed').addEventListener('change', (e) => {
    const v = Number(e.target.value);
    if (e.target.value.trim() === '' || !Number.isSafeInteger(v) || v < 0) {
      showError(pageError(`seed: must be a whole number from 0 to 2^53 − 1, got ${e.target.value}`, 'seed', 'whole_number',
        { strategy: null, min: 0, max: Number.MAX_SAFE_INTEGER, got: e.target.value }));
      e.target.value = ui.seed;
      return;
    }
    ui.seed = v;
    rebuild({ keepLayout: true });
  });
  $('file').addEventListener('change', async (e) => {
    const f = e.target.files[0];
    if (!f) return;
    if (!fileFits(f)) return;
    try {
      ui.fileText = await f.text();
      ui.fileName = f.name.replace(/[,:]/g, '_');
    } catch (err) {
      $('net-error').textContent = t('err_file', { msg: err.message });
      return;
    }
    ui.clicked = [];
    rebuild();
  });
  $('play').addEventListener('click', () => { if (sim && !sim.isFinished()) { playing = true; lastStep = 0; } });
  $('pause').addEventListener('click', () => { playing = false; });
  $('step').addEventListener('click', () => { if (sim) { playing = false; sim.step(1); dirty = true; updatePanels(); } });
  $('reset').addEventListener('click', () => {
    if (!sim) return;
    playing = false;
    try { sim.reset(Number(ui.seed)); } catch (e) { showError(e); }
    dirty = true;
    updatePanels();
  });
  $('speed').addEventListener('input', (e) => { ui.speed = Number(e.target.value); $('speed-out').textContent = ui.speed; });
  $('lang').addEventListener('change', (e) => { setLanguage(e.target.value); refreshText(); updateHash(); });
  $('mc-go').addEventListener('click', runMonteCarlo);
  $('mc-cancel').addEventListener('click', () => runner?.cancel());
  $('cmp-add').addEventListener('click', addToCompare);
  const png = (id, name) => $(id === 'png-net' ? 'net-canvas' : 'chart').toBlob((b) => b && download(name, b));
  $('png-net').addEventListener('click', () => png('png-net', 'viralsim-network.png'));
  $('png-chart').addEventListener('click', () => png('png-chart', 'viralsim-chart.png'));
  $('tree-json').addEventListener('click', () => {
    if (!sim) return;
    const tree = { scenario: scenarioFromUI(), step: sim.stepCount(), adopters: sim.cascadeTree() };
    download('viralsim-cascade.json', JSON.stringify(tree, null, 2), 'application/json');
  });
  $('cmp-go').addEventListener('click', runCompare);
  $('cmp-clear').addEventListener('click', () => { compareSet = []; renderCompareList(); updateHash(); });
  $('cmp-csv').addEventListener('click', () => lastCmp && download('viralsim-comparison.csv', lastCmp.csv, 'text/csv'));
  $('cmp-json').addEventListener('click', () => lastCmp && download('viralsim-comparison.json', lastCmp.json, 'application/json'));
  $('mc-csv').addEventListener('click', () => lastMc && download('viralsim-runs.csv', lastMc.csv, 'text/csv'));
  $('mc-json').addEventListener('click', () => lastMc && download('viralsim-runs.json', lastMc.json, 'application/json'));

  const canvas = $('net-canvas');
  /** What a click (or Enter on the focused person) does to person `i`: before the run, add a
   * seed to the scenario; during it, seed, mute or debunk, as the content panel says. */
  const actOn = (i) => {
    if (sim.stepCount() === 0) {
      // before the run: the click becomes part of the scenario (and of the URL)
      const label = sim.nodeInfo(i).label;
      if (ui.seedMode !== 'click') { ui.clicked = sim.seeds().map((s) => sim.nodeInfo(s).label); ui.seedMode = 'click'; syncControls(); }
      if (!ui.clicked.includes(label)) ui.clicked.push(label);
      rebuild({ keepLayout: true });
    } else {
      const who = sim.nodeInfo(i).label;
      try {
        if (ui.clickAction === 'mute') { sim.muteNode(i); $('content-status').textContent = t('muted', { who }); }
        else if (ui.clickAction === 'debunk') { sim.debunkNode(i); $('content-status').textContent = t('debunked', { who }); }
        else sim.seedNode(i);
      } catch (err) {
        showError(err, 'live-error');
      }
      dirty = true;
      updatePanels();
    }
  };
  canvas.addEventListener('click', (e) => {
    if (!sim || view.dragged) return;
    const i = view.hitTest(sim, e.clientX, e.clientY);
    if (i >= 0) actOn(i);
  });
  // the keyboard: arrows move between people (to the nearest one that way), Enter or Space acts
  // on the focused one as a click would, Escape lets go; the focused person is ringed and described
  const ARROWS = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] };
  canvas.addEventListener('keydown', (e) => {
    if (!sim) return;
    const pos = sim.positions();
    if (ARROWS[e.key]) {
      e.preventDefault();
      const [ux, uy] = ARROWS[e.key];
      const from = hover;
      if (from < 0) { showTip(sim.seeds()[0] ?? 0); return; }
      const [x0, y0] = [view.sx(pos[2 * from]), view.sy(pos[2 * from + 1])];
      let best = -1, bestD = Infinity;
      for (let i = 0; i < sim.n; i++) {
        const dx = view.sx(pos[2 * i]) - x0, dy = view.sy(pos[2 * i + 1]) - y0;
        const along = dx * ux + dy * uy, across = Math.abs(dx * uy - dy * ux);
        if (along <= 0 || across > along) continue; // within 45° of the arrow
        const d = dx * dx + dy * dy;
        if (d < bestD) { bestD = d; best = i; }
      }
      if (best >= 0) showTip(best);
    } else if ((e.key === 'Enter' || e.key === ' ') && hover >= 0) {
      e.preventDefault();
      actOn(hover);
      showTip(hover);
    } else if (e.key === 'Escape') {
      hover = -1; $('tooltip').hidden = true; dirty = true;
    }
  });
  canvas.addEventListener('blur', () => { hover = -1; $('tooltip').hidden = true; dirty = true; });
  /** Rings person `i` and shows what is known of them next to them (or at the pointer). */
  const showTip = (i, clientX, clientY) => {
    if (i !== hover) { hover = i; dirty = true; }
    const tip = $('tooltip');
    if (i < 0) { tip.hidden = true; return; }
    const info = sim.nodeInfo(i);
    const names = sim.stateNames.map((s) => t(s.replace(/ /g, '_')));
    const told = info.cause === 'seed' ? t('tt_seed') : info.cause === 'advertising' ? t('tt_ad') : info.told_by ?? '–';
    tip.innerHTML = `<strong>${escapeHtml(info.label)}</strong><br>${t('tt_degree')}: ${info.degree}<br>${t('tt_state')}: ${names[info.state]}`
      + (info.adopted_at !== null ? `<br>${t('tt_step')}: ${info.adopted_at}<br>${t('tt_told')}: ${escapeHtml(told)}` : '')
      + (info.segment !== null && info.segment !== undefined ? `<br>${t('seg_n', { s: info.segment })}` : '')
      + (sim.isMuted(i) ? `<br><em>${t('tt_muted')}</em>` : '');
    const rect = canvas.getBoundingClientRect();
    if (clientX === undefined) {
      // from the keyboard: next to the person (the view draws in device pixels)
      const pos = sim.positions();
      const dpr = window.devicePixelRatio || 1;
      clientX = rect.left + view.sx(pos[2 * i]) / dpr;
      clientY = rect.top + view.sy(pos[2 * i + 1]) / dpr;
    }
    tip.style.left = `${Math.min(clientX - rect.left + 12, rect.width - 180)}px`;
    tip.style.top = `${clientY - rect.top + 12}px`;
    tip.hidden = false;
  };
  canvas.addEventListener('mousemove', (e) => {
    if (!sim) return;
    showTip(view.hitTest(sim, e.clientX, e.clientY), e.clientX, e.clientY);
  });
  canvas.addEventListener('mouseleave', () => { $('tooltip').hidden = true; hover = -1; dirty = true; });
  window.addEventListener('resize', () => { dirty = true; if (sim) updatePanels(); });
  // a scenario link pasted into this tab (the page itself uses replaceState, which does not fire this)
  window.addEventListener('hashchange', () => {
    let address;
    try {
      address = parseAddress(location.hash);
    } catch (e) {
      clearErrors();
      showError(e); // the running scenario stays
      return;
    }
    if (!address.scenario) return;
    applyScenario(address.scenario);
    syncControls();
    rebuild().then(() => { if (urlError) $('net-error').textContent = urlError; });
  });
}

/** An uploaded file is read only when it is not empty and not over the page's limit. */
function fileFits(f) {
  $('net-error').textContent = '';
  if (f.size === 0) {
    $('net-error').textContent = t('err_empty_file', { name: f.name });
    return false;
  }
  const max = pageLimits().max_bytes;
  if (f.size > max) {
    $('net-error').textContent = t('err_big_file', { name: f.name, size: (f.size / 1048576).toFixed(1), max: Math.round(max / 1048576) });
    return false;
  }
  return true;
}

// ---------------------------------------------------------------- a trapped engine

let recovering = null; // the restart in progress
let restarts = 0;

/** The wasm instance trapped: drop it (and the simulation it held), start a fresh one, rebuild
 * the last scenario that worked and say so. Every button works again afterwards. */
async function recover() {
  playing = false;
  sim = null; // its instance is gone: nothing of it can be used or freed
  runner?.cancel();
  await restartWasm();
  restarts++;
  if (lastGood) {
    Object.assign(ui, snapshot(lastGood));
    syncControls();
  }
  await rebuild();
  $('engine-status').textContent = t('engine_restarted');
}

onTrap(() => {
  recovering ??= recover().catch((e) => { $('engine-status').textContent = e.message || String(e); })
    .finally(() => { recovering = null; });
});

function snapshot(u) {
  return { ...u, netValues: { ...u.netValues }, modelValues: { ...u.modelValues }, clicked: [...u.clicked], ads: { ...u.ads }, costs: { ...u.costs },
    content: { ...u.content }, extraInterventions: [...u.extraInterventions] };
}

function escapeHtml(s) {
  return String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
}

function refreshText() {
  applyStrings();
  fillSelect($('net-kind'), Object.keys(NETWORKS), 'net_');
  fillSelect($('model-kind'), Object.keys(MODELS), 'mod_');
  $('lang').value = language();
  syncControls();
  renderLegend();
  if (sim) {
    $('net-info').textContent = t('nodes_edges', { n: sim.n.toLocaleString(language()), m: sim.edgeCount.toLocaleString(language()) });
    updatePanels();
  }
  drawMcChart();
  renderCompareList();
  if (lastCmp) renderComparison();
  refreshErrors();
}

/** Monte Carlo in Web Workers, with progress and cancel; the same numbers as the CLI. */
async function runMonteCarlo() {
  if (!sim) return;
  $('mc-error').textContent = '';
  const runs = Number($('mc-runs').value);
  if (!Number.isInteger(runs) || runs < 1 || runs > 100000) {
    showError(runsError(), 'mc-error');
    return;
  }
  const scenario = scenarioFromUI();
  const seed = Number(ui.seed);
  const t0 = performance.now();
  const progress = $('mc-progress');
  progress.value = 0;
  progress.hidden = false;
  $('mc-cancel').hidden = false;
  $('mc-go').disabled = true;
  $('mc-status').textContent = t('mc_progress', { done: 0, total: runs });
  try {
    runner ??= new MonteCarloRunner();
    const text = await networkText(scenario.network);
    const segments = segmentsText(scenario.network);
    // per-run cascade metrics are not shown here; without them the runs travel lighter
    const pieces = await runner.run({
      scenario: await withChosenSeeds(scenario, text, segments), text, segments, runs, seed, metrics: false,
      onProgress: (done, total) => { progress.value = done / total; $('mc-status').textContent = t('mc_progress', { done, total }); },
    });
    const r = sim.summariseRuns(pieces, seed, sim.n / 2, false);
    const ms = Math.round(performance.now() - t0);
    // the downloads are the CLI's files, rendered by the core now (the simulation may change)
    lastMc = { scenario, result: r, ms, csv: sim.monteCarloCsv(), json: sim.monteCarloJson(scenario, ms) };
    $('mc-status').textContent = '';
    $('mc-result').textContent = t('mc_result', {
      mean: fmt(r.reach.mean, 1), lo: fmt(r.reach.ci95[0], 1), hi: fmt(r.reach.ci95[1], 1), viral: fmt(100 * r.prob_exceed, 1), ms,
    }) + (r.campaign ? ' ' + t('mc_cost', { total: fmt(r.campaign.total_cost.mean, 2), per: fmt(r.campaign.cost_per_adopter, 2) }) : '');
    renderSegmentTable(r.segments);
    $('mc-chart').hidden = false;
    $('mc-export').hidden = false;
    drawMcChart();
    markStale();
    return { ...r, ms };
  } catch (e) {
    if (e.name === 'Cancelled') $('mc-status').textContent = t('mc_cancelled');
    else { $('mc-status').textContent = ''; showError(e, 'mc-error'); }
  } finally {
    progress.hidden = true;
    $('mc-cancel').hidden = true;
    $('mc-go').disabled = false;
  }
}

/** The page's own check of the runs box (the page runs at most 100,000). */
function runsError() {
  const v = $('mc-runs').value;
  return pageError(`runs: must be a whole number from 1 to 100000, got ${v}`, 'runs', 'whole_number', { strategy: null, min: 1, max: 100000, got: v });
}

// ---------------------------------------------------------------- A/B comparison

function modelText(m) {
  return Object.entries(m).map(([k, v]) => (k === 'kind' ? v : `${k}=${v}`)).join(' ');
}

function renderCompareList() {
  const ol = $('cmp-list');
  ol.innerHTML = '';
  compareSet.forEach((s, i) => {
    const li = document.createElement('li');
    li.textContent = `${NAMES[i]}: ${modelText(s.model)} · ${s.seeds}`;
    li.title = s.network;
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = t('cmp_remove');
    b.setAttribute('aria-label', `${t('cmp_remove')} ${NAMES[i]}`);
    b.addEventListener('click', () => { compareSet.splice(i, 1); renderCompareList(); updateHash(); });
    li.appendChild(b);
    ol.appendChild(li);
  });
}

function addToCompare() {
  $('cmp-error').textContent = '';
  const s = scenarioFromUI();
  if (compareSet.length >= 4) { $('cmp-error').textContent = t('cmp_full'); return; }
  if (compareSet.length && compareSet[0].network !== s.network) {
    $('cmp-error').textContent = t('cmp_network', { a: s.network, b: compareSet[0].network });
    return;
  }
  compareSet.push(s);
  renderCompareList();
  updateHash();
}

/** Runs every scenario on the same runs (same seed) in the workers and compares them. */
async function runCompare() {
  $('cmp-error').textContent = '';
  if (compareSet.length < 2) { $('cmp-error').textContent = t('cmp_need'); return; }
  if (compareSet[0].network !== builtNetwork) {
    $('cmp-error').textContent = t('cmp_network', { a: builtNetwork, b: compareSet[0].network });
    return;
  }
  const runs = Number($('mc-runs').value);
  if (!Number.isInteger(runs) || runs < 1 || runs > 100000) {
    showError(runsError(), 'cmp-error');
    return;
  }
  const seed = Number(ui.seed);
  const t0 = performance.now();
  const progress = $('mc-progress');
  progress.value = 0;
  progress.hidden = false;
  $('mc-cancel').hidden = false;
  $('cmp-go').disabled = true;
  try {
    runner ??= new MonteCarloRunner();
    const text = await networkText(compareSet[0].network);
    const per = [];
    for (const [i, s] of compareSet.entries()) {
      // one seed for all: the same network and the same random draws, run by run
      const segments = segmentsText(s.network);
      per.push(await runner.run({
        scenario: await withChosenSeeds({ ...s, seed }, text, segments), text, segments, runs, seed, metrics: true,
        onProgress: (done) => { progress.value = (i * runs + done) / (compareSet.length * runs); $('mc-status').textContent = t('mc_progress', { done: i * runs + done, total: compareSet.length * runs }); },
      }));
    }
    const names = compareSet.map((_, i) => NAMES[i]);
    const c = sim.compareRuns(per, names, seed, sim.n / 2);
    const scenarios = compareSet.map((s) => ({ ...s, seed }));
    lastCmp = { scenarios, comparison: c, csv: sim.compareCsv(), json: sim.compareJson(scenarios, Math.round(performance.now() - t0)) };
    $('mc-status').textContent = '';
    renderComparison();
    markStale();
    return c;
  } catch (e) {
    if (e.name === 'Cancelled') $('mc-status').textContent = t('mc_cancelled');
    else { $('mc-status').textContent = ''; showError(e, 'cmp-error'); }
  } finally {
    progress.hidden = true;
    $('mc-cancel').hidden = true;
    $('cmp-go').disabled = false;
  }
}

function renderComparison() {
  if (!lastCmp) return;
  const c = lastCmp.comparison;
  const table = $('cmp-table');
  const head = ['cmp_col_scenario', 'cmp_col_reach', 'cmp_col_viral', 'cmp_col_half', 'cmp_col_cost'].map((k) => `<th scope="col">${t(k)}</th>`).join('');
  const rows = c.scenarios.map((s) => `<tr><td>${s.name}</td><td>${fmt(s.reach.mean, 1)} (${fmt(s.reach.ci95[0], 1)}–${fmt(s.reach.ci95[1], 1)})</td>`
    + `<td>${s.prob_exceed === null ? '–' : fmt(s.prob_exceed, 3)}</td><td>${fmt(s.steps_to_50, 1)}</td><td>${s.cost_per_adopter == null ? '–' : fmt(s.cost_per_adopter, 3)}</td></tr>`).join('');
  table.innerHTML = `<thead><tr>${head}</tr></thead><tbody>${rows}</tbody>`;
  table.hidden = false;
  const pairs = c.pairs.map((p) => t('cmp_pair', { a: p.a, b: p.b, d: fmt(p.mean_difference, 1), lo: fmt(p.ci95[0], 1), hi: fmt(p.ci95[1], 1), p: fmt(p.prob_a_better, 3) }));
  $('cmp-best').textContent = [t('cmp_best', { name: c.best, p: fmt(c.best_probability, 3) }), ...pairs].join(' · ');
  $('cmp-chart').hidden = false;
  $('cmp-export').hidden = false;
  drawCompare($('cmp-chart'), c, { x: t('chart_x') });
}

function drawMcChart() {
  if (!lastMc || $('mc-chart').hidden) return;
  drawBand($('mc-chart'), lastMc.result, { x: t('chart_x'), band: t('mc_band'), wom: t('mc_wom'), ad: t('mc_ad') });
}

// ---------------------------------------------------------------- boot

function startWorker() {
  try {
    const w = new Worker(new URL('./layout-worker.js', import.meta.url), { type: 'module' });
    w.onmessage = ({ data }) => {
      if (data.id !== layoutJob) return; // a stale job
      if (data.type === 'positions') pendingPositions = data;
      else if (data.type === 'error') { worker = null; w.terminate(); } // fall back to the main thread
    };
    w.onerror = () => { worker = null; w.terminate(); };
    return w;
  } catch {
    return null;
  }
}

async function main() {
  view = new NetworkView($('net-canvas'));
  worker = startWorker();
  chart = new Chart($('chart'));
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  setLanguage(params.get('lang') || (navigator.language || 'en').slice(0, 2));
  if (!STRINGS[language()]) setLanguage('en');
  await loadWasm();
  $('version').textContent = `viralsim ${version()}`;
  // the address is read by the core's parser (the CLI's --address): what it rejects is said
  // next to its control, and the page opens on its defaults
  let addressError = null;
  defaults = snapshot(ui);
  try {
    const address = parseAddress(location.hash);
    if (address.scenario) applyScenario(address.scenario);
    compareSet = address.compare;
  } catch (e) {
    addressError = e;
  }
  install();
  refreshText();
  await rebuild();
  if (urlError) $('net-error').textContent = urlError;
  if (addressError) showError(addressError);
  requestAnimationFrame(frame);
  document.body.dataset.ready = 'true';
}

// a small handle for tests and benchmarks
window.viralsim = {
  get sim() { return sim; },
  counts: () => (sim ? Array.from(sim.history()) : []),
  scenario: () => scenarioFromUI(),
  monteCarlo: runMonteCarlo,
  lastMc: () => lastMc?.result ?? null,
  lastComparison: () => lastCmp?.comparison ?? null,
  compareSet: () => compareSet,
  layoutSettled: () => !layoutMoving,
  idle: () => building === 0 && !recovering,
  /** Test only: makes the wasm instance trap; the page restarts it and rebuilds. */
  forceTrap: () => { try { sim?.forceTrap(); } catch { /* recovery is under way */ } },
  restarts: () => restarts,
  ready: main(),
};
