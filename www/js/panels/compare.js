// The compare panel (A/B): up to four scenarios on one network, run on the same runs (same seed)
// in the workers and compared: mean reach with its interval, the chance of going viral, when half
// the final reach is reached, cost per adopter, who is best and by how much. The list is part of
// the address. Results of another network stay readable, dimmed, with a note.
import { Panel } from './panel.js';
import { drawCompare } from '../chart.js';
import { download } from '../montecarlo.js';
import { t } from '../i18n.js';
import { fmt } from '../format.js';
import { runsError, runsOf } from './montecarlo.js';

const NAMES = ['A', 'B', 'C', 'D'];

/** A scenario as one line of the list: model, seeds, and what the campaign adds. */
export function describe(s) {
  const model = Object.entries(s.model).map(([k, v]) => (k === 'kind' ? t('mod_' + v) : `${k}=${v}`)).join(' ');
  const parts = [model, s.seeds === 'none' ? t('cmp_no_seeds') : s.seeds];
  const c = s.campaign ?? {};
  if (c.ads) parts.push(t('cmp_ads', { k: c.ads.impressions_per_step, steps: c.ads.steps, conv: c.ads.conversion }));
  if (c.decay?.half_life) parts.push(t('cmp_half_life', { h: c.decay.half_life }));
  if (c.interventions?.length) parts.push(t('cmp_interventions', { k: c.interventions.length }));
  if (c.costs) parts.push(t('cmp_prices'));
  return parts.join(' · ');
}

export class ComparePanel extends Panel {
  setup() {
    this.last = null; // {scenarios, comparison, csv, json}
    this.on(this.part('cmp-add'), 'click', () => this.add());
    this.on(this.part('cmp-go'), 'click', () => this.run());
    this.on(this.part('cmp-cancel'), 'click', () => this.app.runner.cancel());
    this.on(this.part('cmp-clear'), 'click', () => { this.app.setCompareSet([]); this.renderList(); });
    this.on(this.part('cmp-csv'), 'click', () => this.last && download('viralsim-comparison.csv', this.last.csv, 'text/csv'));
    this.on(this.part('cmp-json'), 'click', () => this.last && download('viralsim-comparison.json', this.last.json, 'application/json'));
    this.on(this.app, 'built', () => this.render());
  }

  get list() {
    return this.app.compareSet;
  }

  add() {
    this.app.clearError('cmp-error');
    const s = this.app.running;
    const err = this.part('cmp-error');
    if (!s) return;
    if (this.list.length >= 4) { err.textContent = t('cmp_full'); return; }
    if (this.list.length && this.list[0].network !== s.network) {
      err.textContent = t('cmp_network', { a: s.network, b: this.list[0].network });
      return;
    }
    this.app.setCompareSet([...this.list, s]);
    this.renderList();
  }

  renderList() {
    const ol = this.part('cmp-list');
    ol.innerHTML = '';
    this.list.forEach((s, i) => {
      const li = document.createElement('li');
      li.textContent = `${NAMES[i]}: ${describe(s)}`;
      li.title = s.network;
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = t('cmp_remove');
      b.setAttribute('aria-label', `${t('cmp_remove')} ${NAMES[i]}`);
      b.addEventListener('click', () => {
        this.app.setCompareSet(this.list.filter((_, j) => j !== i));
        this.renderList();
      }, { signal: this.abort.signal });
      li.appendChild(b);
      ol.appendChild(li);
    });
  }

  /** Runs every scenario on the same runs (same seed) in the workers and compares them. */
  async run() {
    const app = this.app;
    const err = this.part('cmp-error');
    app.clearError('cmp-error');
    const list = this.list;
    if (list.length < 2) { err.textContent = t('cmp_need'); return undefined; }
    const network = app.running?.network;
    if (list[0].network !== network) {
      err.textContent = t('cmp_network', { a: network, b: list[0].network });
      return undefined;
    }
    const runsBox = app.$('mc-runs');
    const runs = runsOf(runsBox);
    if (runs === null) { app.showError(runsError(runsBox.value), 'cmp-error'); return undefined; }
    const share = app.panels.mc.viralShare() ?? 0.5;
    const seed = Number(app.running.seed);
    const t0 = performance.now();
    const progress = this.part('cmp-progress');
    const status = this.part('cmp-status');
    progress.value = 0;
    progress.hidden = false;
    this.part('cmp-cancel').hidden = false;
    this.part('cmp-go').disabled = true;
    try {
      const per = [];
      const total = list.length * runs;
      for (const [i, s] of list.entries()) {
        // one seed for all: the same network and the same random draws, run by run
        const { scenario, text, segments, nodes } = await app.prepareRuns({ ...s, seed });
        per.push(await app.runner.run({
          scenario, text, segments, nodes, runs, seed, metrics: true,
          onProgress: (done) => { progress.value = (i * runs + done) / total; status.textContent = t('mc_progress', { done: i * runs + done, total }); },
        }));
      }
      const sim = app.sim;
      const names = list.map((_, i) => NAMES[i]);
      const c = sim.compareRuns(per, names, seed, sim.n * share);
      const scenarios = list.map((s) => ({ ...s, seed }));
      this.last = { scenarios, comparison: c, csv: sim.compareCsv(), json: sim.compareJson(scenarios, Math.round(performance.now() - t0)) };
      status.textContent = '';
      this.show();
      return c;
    } catch (e) {
      if (e.name === 'Cancelled') status.textContent = t('mc_cancelled');
      else { status.textContent = ''; app.showError(e, 'cmp-error'); }
      return undefined;
    } finally {
      progress.hidden = true;
      this.part('cmp-cancel').hidden = true;
      this.part('cmp-go').disabled = false;
    }
  }

  show() {
    if (!this.last) return;
    const c = this.last.comparison;
    const table = this.part('cmp-table');
    const head = ['cmp_col_scenario', 'cmp_col_reach', 'cmp_col_viral', 'cmp_col_half', 'cmp_col_cost'].map((k) => `<th scope="col">${t(k)}</th>`).join('');
    const rows = c.scenarios.map((s) => `<tr><td>${s.name}</td><td>${fmt(s.reach.mean, 1)} (${fmt(s.reach.ci95[0], 1)}–${fmt(s.reach.ci95[1], 1)})</td>`
      + `<td>${s.prob_exceed === null ? '–' : fmt(s.prob_exceed, 3)}</td><td>${fmt(s.steps_to_50, 1)}</td><td>${s.cost_per_adopter == null ? '–' : fmt(s.cost_per_adopter, 3)}</td></tr>`).join('');
    table.innerHTML = `<thead><tr>${head}</tr></thead><tbody>${rows}</tbody>`;
    table.hidden = false;
    const pairs = c.pairs.map((p) => t('cmp_pair', { a: p.a, b: p.b, d: fmt(p.mean_difference, 1), lo: fmt(p.ci95[0], 1), hi: fmt(p.ci95[1], 1), p: fmt(p.prob_a_better, 3) }));
    this.part('cmp-best').textContent = [t('cmp_best', { name: c.best, p: fmt(c.best_probability, 3) }), ...pairs].join(' · ');
    this.part('cmp-chart').hidden = false;
    this.part('cmp-export').hidden = false;
    drawCompare(this.part('cmp-chart'), c, { x: t('chart_x') });
    this.render();
  }

  localize() {
    if (this.app.compareSet) this.renderList();
    this.show();
  }

  /** Marks the comparison when the network on screen is not the one it ran on. */
  render() {
    const stale = !!this.last && this.last.scenarios[0]?.network !== this.app.running?.network;
    this.part('cmp-stale').hidden = !stale;
    for (const id of ['cmp-chart', 'cmp-table', 'cmp-best']) this.part(id).classList.toggle('stale', stale);
  }
}
