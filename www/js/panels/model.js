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

export class ModelPanel extends Panel {
  setup() {
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

  render() {
    const c = this.controls;
    const kind = this.part('model-kind');
    if (kind.value !== c.model) kind.value = c.model;
    this.part('model-explain').textContent = t('x_' + c.model);
    const specs = modelParams(c.model, c.modelValues);
    paramRows(this.part('model-params'), 'model', `${c.model}:${specs.map((p) => p[0]).join(',')}`, specs, c.modelValues, (name, value, commit) => {
      if (commit) this.change((x) => { x.modelValues[name] = value; });
    }, this.abort.signal);
  }
}
