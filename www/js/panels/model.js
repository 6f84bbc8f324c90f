// The model panel: how it spreads (the model and its parameters, explained in a sentence). Each
// model keeps the parameters set for it: going back to a model finds them again.
import { Panel, fillSelect, paramRows } from './panel.js';
import { MODELS, modelParams } from '../scenario.js';
import { t } from '../i18n.js';

/** The best-connected person and up to three of their friends (labels), or null: a cluster of
 * seeds from which a complex contagion can spread. */
export function hubCluster(sim) {
  if (!sim || sim.n === 0) return null;
  const deg = new Uint32Array(sim.n);
  const e = sim.edges;
  for (let i = 0; i < e.length; i++) deg[e[i]]++;
  let hub = 0;
  for (let i = 1; i < sim.n; i++) if (deg[i] > deg[hub]) hub = i;
  const friends = [];
  for (let i = 0; i < e.length && friends.length < 3; i += 2) {
    if (e[i] === hub && !friends.includes(e[i + 1])) friends.push(e[i + 1]);
    else if (e[i + 1] === hub && !friends.includes(e[i])) friends.push(e[i]);
  }
  return [hub, ...friends].map((i) => sim.nodeInfo(i).label);
}

/** SIR's transmissibility per arc for β and γ (this project's step rule; src/analysis). */
export function sirT(beta, gamma) {
  return 1 - (gamma * (1 - beta)) / (1 - (1 - gamma) * (1 - beta));
}

/** The parameter value at the network's tipping point: IC's p = T_c; SIR's β with T(β, γ) =
 * T_c (by bisection: T grows with β). Null where none applies. */
export function tippingValue(model, threshold) {
  if (!(threshold > 0 && threshold < 1)) return null;
  if (model.kind === 'ic') return { name: 'p', value: threshold };
  if (model.kind === 'sir') {
    let lo = 0, hi = 1;
    for (let i = 0; i < 60; i++) { const mid = (lo + hi) / 2; if (sirT(mid, model.gamma) < threshold) lo = mid; else hi = mid; }
    return { name: 'beta', value: (lo + hi) / 2 };
  }
  return null;
}

export class ModelPanel extends Panel {
  setup() {
    this.on(this.app, 'built', () => this.markTipping());
    this.valuesByModel = {}; // model → its parameters, while another one is chosen
    const kind = this.part('model-kind');
    fillSelect(kind, Object.keys(MODELS), 'mod_');
    this.on(kind, 'change', (e) => {
      const next = e.target.value;
      const cluster = next === 'threshold' ? hubCluster(this.app.sim) : null;
      this.change((c) => {
        this.valuesByModel[c.model] = { ...c.modelValues };
        c.model = next;
        c.modelValues = { ...(this.valuesByModel[next] ?? {}) };
        // a complex contagion from one random person dies at once: start it from a cluster
        if (cluster && c.seedMode === 'random' && Number(c.k) <= 1) { c.seedMode = 'click'; c.clicked = cluster; }
      });
    });
  }

  localize() {
    fillSelect(this.part('model-kind'), Object.keys(MODELS), 'mod_');
  }

  /** Marks the network's tipping point on the p (IC) or β (SIR) slider. */
  markTipping() {
    for (const old of this.querySelectorAll('.tick-mark')) old.remove();
    const sim = this.app.sim;
    const model = this.app.running?.model;
    if (!sim || !model) return;
    let th = null;
    try { th = sim.theory(1); } catch { return; }
    const tip = tippingValue(model, th?.threshold);
    if (!tip) return;
    const range = this.part(`model-${tip.name}`);
    if (!range) return;
    let wrap = range.parentElement;
    if (!wrap.classList.contains('range-wrap')) {
      wrap = document.createElement('span');
      wrap.className = 'range-wrap';
      range.replaceWith(wrap);
      wrap.appendChild(range);
    }
    const min = Number(range.min), max = Number(range.max);
    const f = Math.max(0, Math.min(1, (tip.value - min) / (max - min)));
    const mark = document.createElement('span');
    mark.className = 'tick-mark';
    mark.style.left = `calc(8px + ${f} * (100% - 16px))`;
    mark.title = `${t('tipping')}: ${tip.name} ≈ ${tip.value.toFixed(3)}`;
    mark.dataset.value = String(tip.value);
    const label = document.createElement('span');
    label.textContent = t('tipping');
    mark.appendChild(label);
    wrap.appendChild(mark);
  }

  render() {
    const c = this.controls;
    const kind = this.part('model-kind');
    if (kind.value !== c.model) kind.value = c.model;
    this.part('model-explain').textContent = t('x_' + c.model);
    const specs = modelParams(c.model, c.modelValues);
    paramRows(this.part('model-params'), 'model', `${c.model}:${specs.map((p) => p[0]).join(',')}`, specs, c.modelValues, (name, value, commit) => {
      if (commit) this.change((x) => { x.modelValues[name] = value; });
    }, this.abort.signal);
    if (!this.querySelector('.tick-mark') && this.app.sim) this.markTipping(); // the sliders were drawn again
  }
}
