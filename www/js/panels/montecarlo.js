// The Monte Carlo panel: run the scenario many times in the workers (with progress and Cancel),
// then the mean reach with its 95 % interval, the chance of going viral (above a share of the
// network the user sets), the band chart, reach per segment and the CLI's CSV and JSON. Results
// of an earlier scenario stay readable, dimmed, with a note.
import { Panel } from './panel.js';
import { drawBand } from '../chart.js';
import { download } from '../montecarlo.js';
import { t } from '../i18n.js';
import { fmt, pct, escapeHtml } from '../format.js';
import { pageError } from '../errors.js';
import { sameScenario } from '../controls.js';

/** The page's own check of a runs box (the page runs at most 100,000). */
export function runsError(v) {
  return pageError(`runs: must be a whole number from 1 to 100000, got ${v}`, 'runs', 'whole_number', { strategy: null, min: 1, max: 100000, got: v });
}

/** The runs box's value, or null when it is not a whole number from 1 to 100,000. */
export function runsOf(input) {
  const runs = Number(input.value);
  return Number.isInteger(runs) && runs >= 1 && runs <= 100000 ? runs : null;
}

export class MonteCarloPanel extends Panel {
  setup() {
    this.last = null; // {scenario, result, ms, csv, json}
    this.on(this.part('mc-go'), 'click', () => this.run());
    this.on(this.part('mc-cancel'), 'click', () => this.app.runner.cancel());
    this.on(this.part('mc-runs'), 'change', (e) => { this.app.runs = e.target.value; });
    this.on(this.part('mc-csv'), 'click', () => this.last && download('viralsim-runs.csv', this.last.csv, 'text/csv'));
    this.on(this.part('mc-json'), 'click', () => this.last && download('viralsim-runs.json', this.last.json, 'application/json'));
    this.app.runs = this.part('mc-runs').value;
    this.on(this.app, 'built', () => this.render());
  }

  /** The share of the network that counts as going viral (0–1). */
  viralShare() {
    const v = Number(this.part('mc-threshold').value);
    return Number.isFinite(v) && v >= 0 && v <= 100 ? v / 100 : null;
  }

  async run() {
    const app = this.app;
    const sim = app.sim;
    if (!sim) return;
    app.clearError('mc-error');
    const runs = runsOf(this.part('mc-runs'));
    if (runs === null) { app.showError(runsError(this.part('mc-runs').value), 'mc-error'); return; }
    const share = this.viralShare();
    if (share === null) {
      const got = this.part('mc-threshold').value;
      app.showError(pageError(`threshold: must be in [0, 100], got ${got}`, 'threshold', 'interval',
        { min: 0, max: 100, got: Number(got), min_open: false, max_open: false }), 'mc-error');
      return;
    }
    const scenario = app.running;
    const seed = Number(scenario.seed);
    const t0 = performance.now();
    const progress = this.part('mc-progress');
    progress.value = 0;
    progress.hidden = false;
    this.part('mc-cancel').hidden = false;
    this.part('mc-go').disabled = true;
    const status = this.part('mc-status');
    status.textContent = t('mc_progress', { done: 0, total: runs });
    try {
      const { scenario: chosen, text, segments, nodes } = await app.prepareRuns(scenario);
      // per-run cascade metrics are not shown here; without them the runs travel lighter
      const pieces = await app.runner.run({
        scenario: chosen, text, segments, nodes, runs, seed, metrics: false,
        onProgress: (done, total) => { progress.value = done / total; status.textContent = t('mc_progress', { done, total }); },
      });
      const current = app.sim;
      const r = current.summariseRuns(pieces, seed, current.n * share, false);
      const ms = Math.round(performance.now() - t0);
      // the downloads are the CLI's files, rendered by the core now (the simulation may change)
      this.last = { scenario, share, result: r, ms, csv: current.monteCarloCsv(), json: current.monteCarloJson(scenario, ms) };
      status.textContent = '';
      this.show();
      return { ...r, ms };
    } catch (e) {
      if (e.name === 'Cancelled') status.textContent = t('mc_cancelled');
      else { status.textContent = ''; app.showError(e, 'mc-error'); }
      return undefined;
    } finally {
      progress.hidden = true;
      this.part('mc-cancel').hidden = true;
      this.part('mc-go').disabled = false;
    }
  }

  show() {
    const last = this.last;
    if (!last) return;
    const r = last.result;
    this.part('mc-result').textContent = t('mc_result', {
      mean: fmt(r.reach.mean, 1), lo: fmt(r.reach.ci95[0], 1), hi: fmt(r.reach.ci95[1], 1), viral: fmt(100 * r.prob_exceed, 1),
      share: fmt(100 * last.share, 1), ms: last.ms,
    }) + (r.campaign ? ' ' + t('mc_cost', { total: fmt(r.campaign.total_cost.mean, 2), per: fmt(r.campaign.cost_per_adopter, 2) }) : '');
    const table = this.part('mc-segments');
    table.hidden = !r.segments;
    if (r.segments) {
      const sim = this.app.sim;
      const names = sim?.segmentNames() ?? null;
      table.tBodies[0].innerHTML = r.segments.map((g) => `<tr><td>${escapeHtml(g.name ?? names?.[g.segment] ?? g.segment)}</td><td>${g.size}</td>`
        + `<td>${fmt(g.reached.mean, 1)}</td><td>${pct(g.fraction)}</td></tr>`).join('');
    }
    this.part('mc-chart').hidden = false;
    this.part('mc-export').hidden = false;
    drawBand(this.part('mc-chart'), r, { x: t('chart_x'), band: t('mc_band'), wom: t('mc_wom'), ad: t('mc_ad') });
    this.render();
  }

  localize() {
    if (this.last) this.show();
  }

  /** Marks the results when the scenario on screen is no longer the one they ran. */
  render() {
    const stale = !!this.last && !sameScenario(this.last.scenario, this.app.running);
    this.part('mc-stale').hidden = !stale;
    for (const id of ['mc-result', 'mc-chart', 'mc-segments']) this.part(id).classList.toggle('stale', stale);
  }
}
