// The Learn page's chapters. Each is `mount(view)`: it adds its widgets and controls to the
// ChapterView (view.js) and checks its task by listening to the widgets' `viralsim:step` /
// `viralsim:finished` events and reading `element.state`, `element.scenario` and, for what the
// state does not say (seeds, history, metrics, degrees), `element.simulation`. Side computations
// (ten runs, a baseline) use a SimView of their own, freed at once. Everything a chapter keeps
// lives in its mount call and goes away with the view.
import { SimView, loadWasm, parseAddress } from '../sim.js';
import { merge } from '../store.js';
import { MonteCarloRunner } from '../montecarlo.js';
import { Chart, drawBand } from '../chart.js';
import { translate } from '../i18n.js';
import { h } from './view.js';

/** Runs `fn(sim)` on a fresh simulation of `scenario`, then frees it. */
async function withSim(scenario, fn) {
  await loadWasm();
  const sim = new SimView(scenario);
  try {
    return fn(sim);
  } finally {
    sim.free();
  }
}

/** Runs a simulation to its end from its current state; its reach. */
function runToEnd(sim) {
  sim.sim.run(1000);
  return sim.reach();
}

/** {tc, k}: the independent cascade's tipping point ⟨k⟩ / (⟨k²⟩ − ⟨k⟩) of the simulation's
 * network, and its mean degree, from the core's theory (`viralsim theory`, src/analysis). */
export function tippingPoint(sim) {
  const t = sim.theory(1);
  return { tc: t.threshold ?? Infinity, k: t.mean_degree };
}

/** A labelled control: `<label><span>text</span> input <output></label>`. */
function control(text, input, output = null) {
  return h('label', { class: 'control' }, h('span', {}, text), input, output);
}

function select(options, value) {
  const s = h('select', {});
  for (const [v, label] of options) s.append(h('option', { value: String(v), selected: String(v) === String(value) }, label));
  return s;
}

// ------------------------------------------------------------------ 1. one share becomes many

const C1 = 'network=karate&model=ic&p=0.1&seeds=top-degree:1&seed=1';

function cascade(v) {
  const w = v.widget(C1, { controls: 'play step reset speed p' });
  const table = h('table', { class: 'gens' });
  const box = h('figure', { class: 'gens-box', hidden: true }, h('figcaption', {}, v.t('gens_caption')), table);
  v.extra.append(box);
  v.on(w, 'viralsim:ready', () => { box.hidden = true; });
  v.on(w, 'viralsim:finished', () => {
    const sim = w.simulation;
    const sc = w.scenario;
    if (!sim || !sc) return;
    const m = sim.metrics();
    table.textContent = '';
    table.append(h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, v.t('gen_col')), h('th', { scope: 'col' }, v.t('people_col')), h('th', { scope: 'col' }, v.t('r_col')))));
    const body = h('tbody');
    (m.generation_sizes ?? []).slice(0, 10).forEach((size, g) => {
      const r = m.offspring_by_generation?.[g];
      body.append(h('tr', {}, h('td', {}, String(g)), h('td', {}, v.num(size)), h('td', {}, r === undefined ? '–' : v.num(r, 2))));
    });
    table.append(body);
    box.hidden = false;
    const reach = w.state.reach;
    const same = sc.network === 'karate' && sc.model.kind === 'ic' && sc.seeds === 'top-degree:1' && sim.seeds().length === 1;
    if (!same) v.note(v.t('changed'));
    else if (reach >= 17) v.done(v.t('done', { reach }));
    else v.note(v.t('not_yet', { reach }));
  });
}

// ------------------------------------------------------------------ 2. the tipping point

// a random network (Watts–Strogatz with every link rewired): four friends on average, at least
// two each, so nobody sits alone at the edge of the picture
const C2 = 'network=ws:n=300,k=4,p=1&model=ic&p=0.1&seeds=random:1&seed=1';
const C2_MAX = 0.6;

function tipping(v) {
  const w = v.widget(C2, { controls: 'play step reset speed' });
  const input = h('input', { type: 'range', min: '0', max: String(C2_MAX), step: '0.01', value: '0.1', 'aria-describedby': 'c2-tc' });
  const out = h('output', {}, v.num(0.1, 2));
  const side = h('span', { class: 'muted side' });
  const mark = h('span', { class: 'tc-mark', 'aria-hidden': 'true', hidden: true }, h('span', {}, v.t('tc_mark')));
  const track = h('div', { class: 'tc-track' }, input, mark);
  const tcLine = h('p', { id: 'c2-tc', class: 'tc' });
  const go = h('button', { type: 'button', class: 'action' }, v.t('run10'));
  const strip = h('ol', { class: 'runs', hidden: true });
  const result = h('p', { class: 'result', 'aria-live': 'polite' });
  v.extra.append(h('div', { class: 'control wide' }, h('label', { for: 'c2-p' }, v.t('slider')), track, out, side), tcLine, go, strip, result);
  input.id = 'c2-p';
  const state = { tc: null };

  const showSide = () => {
    const p = Number(input.value);
    out.textContent = v.num(p, 2);
    side.textContent = state.tc === null ? '' : `(${v.t(p > state.tc ? 'above' : 'below')})`;
  };
  v.on(input, 'input', showSide);
  v.on(input, 'change', () => {
    const sc = w.scenario;
    if (sc) w.scenario = merge(sc, { model: { p: Number(input.value) } });
    strip.hidden = true;
    result.textContent = '';
  });
  v.on(w, 'viralsim:ready', () => {
    const sim = w.simulation;
    if (!sim || state.tc !== null) return;
    const { tc, k } = tippingPoint(sim);
    state.tc = tc;
    tcLine.innerHTML = v.t('tc', { tc: v.num(tc, 2), k: v.num(k, 1) });
    if (Number.isFinite(tc) && tc <= C2_MAX) {
      mark.hidden = false;
      mark.style.setProperty('--at', String(tc / C2_MAX));
    }
    showSide();
  });
  v.on(go, 'click', async () => {
    const sc = w.scenario;
    if (!sc) return;
    const big = Math.ceil(0.2 * 300);
    const reaches = await withSim(sc, (sim) => Array.from({ length: 10 }, (_, r) => { sim.reset(r + 1); return runToEnd(sim); }));
    strip.textContent = '';
    reaches.forEach((reach, i) => strip.append(h('li', { class: reach >= big ? 'big' : 'small', title: v.t('run_label', { i: i + 1, reach }) },
      h('span', { class: 'sr' }, v.t('run_label', { i: i + 1, reach })), h('span', { 'aria-hidden': 'true' }, String(reach)))));
    strip.hidden = false;
    const count = reaches.filter((r) => r >= big).length;
    const p = v.num(sc.model.p, 2);
    result.textContent = v.t('runs_result', { p, big: count });
    if (count >= 3 && sc.model.kind === 'ic') v.done(v.t('done', { p, big: count }));
    else v.note(v.t('not_yet', { big: count }));
  });
}

// ------------------------------------------------------------------ 3. hubs

const C3_NET = 'network=ba:n=300,m=2&model=ic&p=0.1';
const C3_HUBS = `${C3_NET}&seeds=top-degree:3&seed=1`;
const C3_RANDOM = `${C3_NET}&seeds=random:3&seed=1`;

function hubs(v) {
  const a = v.widget(C3_HUBS, { caption: v.t('hubs'), height: 320 });
  const b = v.widget(C3_RANDOM, { caption: v.t('random'), height: 320 });
  const result = h('p', { class: 'result', 'aria-live': 'polite' });
  const go = h('button', { type: 'button', class: 'action' }, v.t('run100'));
  const avg = h('p', { class: 'result', 'aria-live': 'polite' });
  v.extra.append(result, go, avg);
  const check = () => {
    const sa = a.state, sb = b.state;
    if (!sa.finished || !sb.finished || !a.scenario || !b.scenario) return;
    const virality = (w) => v.num(w.simulation.metrics().structural_virality ?? 0, 2);
    result.textContent = v.t('result', { a: sa.reach, b: sb.reach, va: virality(a), vb: virality(b) });
    const fair = a.scenario.seed === b.scenario.seed && a.scenario.network === b.scenario.network
      && String(a.scenario.seeds).startsWith('top-degree:') && String(b.scenario.seeds).startsWith('random:');
    if (fair && sa.reach > sb.reach) v.done(v.t('done', { a: sa.reach, b: sb.reach }));
    else v.note(v.t('not_yet'));
  };
  v.on(a, 'viralsim:finished', check);
  v.on(b, 'viralsim:finished', check);
  v.on(go, 'click', async () => {
    if (!a.scenario || !b.scenario) return;
    const mean = (sc) => withSim(sc, (sim) => sim.sim.monteCarlo(100, Number(sc.seed), sim.n, false).reach.mean);
    const [ma, mb] = [await mean(a.scenario), await mean(b.scenario)];
    avg.textContent = v.t('avg', { a: v.num(ma, 1), b: v.num(mb, 1) });
  });
}

// ------------------------------------------------------------------ 4. simple vs complex contagion

const C4_RING = 'network=ring:n=40,k=4&model=threshold&k=2&seeds=nodes:0&seed=1';
const C4_RANDOM = 'network=ws:n=40,k=4,p=1&model=threshold&k=2&seeds=nodes:0&seed=1';

function complex(v) {
  const ring = v.widget(C4_RING, { caption: v.t('ring'), height: 320 });
  const rand = v.widget(C4_RANDOM, { caption: v.t('random'), height: 320 });
  const check = (w) => {
    const sim = w.simulation;
    if (!sim) return;
    const seeds = sim.seeds().length, { reach, nodes: n } = w.state;
    if (seeds > 2) v.note(v.t('too_many', { seeds }));
    else if (seeds === 2 && reach >= n / 2 && w.scenario?.model.kind === 'threshold' && w.scenario.model.k === 2) v.done(v.t('done', { reach, n }));
    else v.note(v.t('not_yet', { reach, n, seeds }));
  };
  v.on(ring, 'viralsim:finished', () => check(ring));
  v.on(rand, 'viralsim:finished', () => check(rand));
}

// ------------------------------------------------------------------ 5. rumours die out

const C5 = 'network=complete:n=80&model=rumor&seeds=random:1&seed=1';

function rumours(v) {
  const w = v.widget(C5, { controls: 'play step reset speed' });
  const another = h('button', { type: 'button', class: 'action' }, v.t('another'));
  const list = h('ul', { class: 'rows' });
  const avg = h('p', { class: 'result', 'aria-live': 'polite' });
  v.extra.append(another, list, avg);
  const runs = new Map(); // random seed → people who never heard it
  const state = { playWhenReady: false };
  v.on(another, 'click', () => {
    const sc = w.scenario;
    if (!sc) return;
    state.playWhenReady = true;
    w.scenario = merge(sc, { seed: Number(sc.seed) + 1 });
  });
  v.on(w, 'viralsim:ready', () => {
    if (state.playWhenReady) { state.playWhenReady = false; w.play(); }
  });
  v.on(w, 'viralsim:finished', () => {
    const sc = w.scenario;
    if (!sc || sc.model.kind !== 'rumor' || sc.network !== 'complete:n=80') return;
    const { counts, nodes } = w.state;
    runs.set(Number(sc.seed), counts[0]);
    list.textContent = '';
    for (const [seed, never] of runs) list.append(h('li', {}, v.t('run_row', { seed, never, pct: v.num((100 * never) / nodes, 1) })));
    const mean = (100 * [...runs.values()].reduce((s, x) => s + x, 0)) / runs.size / nodes;
    avg.textContent = runs.size >= 2 ? v.t('average', { runs: runs.size, pct: v.num(mean, 1) }) : '';
    if (runs.size >= 3 && mean >= 10 && mean <= 32) v.done(v.t('done', { pct: v.num(mean, 1) }));
    else v.note(v.t('not_yet', { runs: Math.min(runs.size, 3) }));
  });
}

// ------------------------------------------------------------------ 6. ads vs word of mouth

const C6 = 'network=ws:n=300,k=4,p=1&model=bass&p=0.01&q=0.3&seeds=none&seed=1';

async function bass(v) {
  const w = v.widget(C6, { controls: 'play step reset speed p' });
  const q = h('input', { type: 'range', min: '0', max: '1', step: '0.05', value: '0.3' });
  const qOut = h('output', {}, v.num(0.3, 2));
  const canvas = h('canvas', { class: 'chart', role: 'img', 'aria-label': v.t('chart') });
  const peak = h('p', { class: 'result', 'aria-live': 'polite' });
  v.extra.append(control(v.t('q'), q, qOut), h('figure', { class: 'chart-box' }, canvas, h('figcaption', {}, v.t('chart'))), peak);
  const chart = new Chart(canvas);
  const state = { base: null, frame: 0 };
  v.cleanup(() => cancelAnimationFrame(state.frame));

  const draw = () => {
    if (state.frame) return;
    state.frame = requestAnimationFrame(() => {
      state.frame = 0;
      const sim = w.simulation;
      if (!sim || canvas.clientWidth === 0) return;
      const names = sim.stateNames.map((s) => translate(v.lang, s.replace(/ /g, '_')));
      chart.draw(sim.history(), sim.n, names, { x: v.t('chart_x'), y: '', lang: v.lang });
    });
  };
  v.on(q, 'input', () => { qOut.textContent = v.num(q.value, 2); });
  v.on(q, 'change', () => {
    const sc = w.scenario;
    if (sc) w.scenario = merge(sc, { model: { q: Number(q.value) } });
  });
  v.on(w, 'viralsim:ready', draw);
  v.on(w, 'viralsim:step', draw);
  v.on(window, 'resize', draw);
  v.on(w, 'viralsim:finished', () => {
    draw();
    const sim = w.simulation, sc = w.scenario;
    if (!sim || !sc || state.base === null) return;
    const at = sim.metrics().peak_step;
    peak.textContent = v.t('peak', { peak: at, base: state.base });
    if (sc.model.kind === 'bass' && at <= state.base - 3) v.done(v.t('done', { peak: at, base: state.base }));
    else v.note(v.t('not_yet', { peak: at, base: state.base }));
  });
  // the starting scenario's peak, to beat (the same run as the widget's first)
  await loadWasm();
  state.base = await withSim(parseAddress(C6).scenario, (sim) => { runToEnd(sim); return sim.metrics().peak_step; });
  v.setTask({ base: state.base });
}

// ------------------------------------------------------------------ 7. going viral is a gamble

const C7 = 'network=ws:n=200,k=4,p=1&model=ic&p=0.25&seeds=random:1&seed=1';
const C7_RUNS = 1000;

function gamble(v) {
  const w = v.widget(C7, { controls: 'play step reset speed p' });
  const go = h('button', { type: 'button', class: 'action' }, v.t('run'));
  const progress = h('progress', { max: '1', value: '0', hidden: true });
  const status = h('span', { class: 'muted', 'aria-live': 'polite' });
  const canvas = h('canvas', { class: 'chart', role: 'img', 'aria-label': v.t('chart') });
  const box = h('figure', { class: 'chart-box', hidden: true }, canvas, h('figcaption', {}, v.t('chart')));
  const result = h('p', { class: 'result', 'aria-live': 'polite' });
  v.extra.append(h('div', { class: 'row' }, go, progress, status), result, box);
  const runner = new MonteCarloRunner(Math.max(1, Math.min(2, navigator.hardwareConcurrency || 1)));
  v.cleanup(() => runner.dispose());
  const state = { last: null };
  const drawLast = () => {
    if (!state.last || box.hidden) return;
    drawBand(canvas, state.last, { x: v.t('chart_x'), band: v.t('band'), wom: v.t('wom'), ad: v.t('ad'), lang: v.lang });
  };
  v.on(window, 'resize', drawLast);
  v.on(go, 'click', async () => {
    const scenario = w.scenario;
    if (!scenario) return;
    const seed = Number(scenario.seed);
    go.disabled = true;
    progress.hidden = false;
    progress.value = 0;
    try {
      const pieces = await runner.run({
        scenario, text: null, runs: C7_RUNS, seed, metrics: false,
        onProgress: (done, total) => { progress.value = done / total; status.textContent = v.t('running', { done: v.num(done), total: v.num(total) }); },
      });
      const sim = w.simulation;
      if (!sim || w.scenario !== scenario) return; // the scenario changed meanwhile: run again
      const r = sim.summariseRuns(pieces, seed, sim.n * 0.5, false);
      state.last = r;
      const viral = 100 * r.prob_exceed;
      const p = v.num(scenario.model.p, 2);
      result.textContent = v.t('result', { p, mean: v.num(r.reach.mean, 1), viral: v.num(viral, 1) });
      box.hidden = false;
      drawLast();
      if (scenario.model.kind === 'ic' && viral >= 35 && viral <= 65) v.done(v.t('done', { p, viral: v.num(viral, 1) }));
      else v.note(v.t('not_yet', { viral: v.num(viral, 1) }));
    } catch (e) {
      if (e?.name !== 'Cancelled') result.textContent = String(e?.message ?? e);
    } finally {
      status.textContent = '';
      progress.hidden = true;
      go.disabled = false;
    }
  });
}

// ------------------------------------------------------------------ 8. content that ages

const C8_BASE = 'network=hk:n=300,m=2,pt=0.5&model=ic&p=0.3&seeds=top-degree:2&seed=1';
const C8 = `${C8_BASE}&campaign=${encodeURIComponent(JSON.stringify({ decay: { half_life: 2 } }))}`;

function ageing(v) {
  const w = v.widget(C8, { controls: 'play step reset speed' });
  const halfLife = select([[0, v.t('never')], [1, '1'], [2, '2'], [3, '3'], [4, '4'], [6, '6'], [8, '8']], 2);
  const fatigue = select([0, 0.1, 0.2, 0.3, 0.5].map((f) => [f, v.num(f, 1)]), 0);
  const boost = select([[0, v.t('no_boost')], ...[1, 2, 3, 4, 5, 6, 8].map((s) => [s, String(s)])], 0);
  const baseline = h('p', { class: 'result', 'aria-live': 'polite' });
  v.extra.append(h('div', { class: 'row' }, control(v.t('half_life'), halfLife), control(v.t('fatigue'), fatigue), control(v.t('boost'), boost)), baseline);
  const state = { base: null };

  const apply = () => {
    const sc = w.scenario;
    if (!sc) return;
    const hl = Number(halfLife.value), f = Number(fatigue.value), at = Number(boost.value);
    const decay = { ...(hl > 0 ? { half_life: hl } : {}), ...(f > 0 ? { fatigue: f } : {}) };
    const campaign = { ...(sc.campaign ?? {}) };
    delete campaign.decay;
    delete campaign.interventions;
    if (Object.keys(decay).length) campaign.decay = decay;
    if (at > 0) campaign.interventions = [{ step: at, action: 'boost' }];
    w.scenario = { ...sc, campaign };
  };
  for (const s of [halfLife, fatigue, boost]) v.on(s, 'change', apply);

  // the same run without the re-post: what the re-post has to double
  v.on(w, 'viralsim:ready', async () => {
    const sc = w.scenario;
    if (!sc) return;
    const campaign = { ...(sc.campaign ?? {}) };
    delete campaign.interventions;
    state.base = null;
    const base = await withSim({ ...sc, campaign }, runToEnd);
    if (w.scenario !== sc) return;
    state.base = base;
    baseline.textContent = v.t('baseline', { base });
  });
  v.on(w, 'viralsim:finished', () => {
    const sc = w.scenario;
    if (!sc || state.base === null) return;
    const reach = w.state.reach, base = state.base;
    const boosted = (sc.campaign?.interventions ?? []).some((x) => x.action === 'boost');
    if (!sc.campaign?.decay?.half_life) v.note(v.t('need_decay'));
    else if (!boosted) v.note(v.t('need_boost'));
    else if (reach >= 2 * base) v.done(v.t('done', { base, reach }));
    else v.note(v.t('not_yet', { base, reach }));
  });
}

/** The chapters, in order. */
export const CHAPTERS = [cascade, tipping, hubs, complex, rumours, bass, gamble, ageing];
