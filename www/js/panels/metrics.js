// The metrics panel: the chart of people in each state, this run's numbers (step, reach, busiest
// step, longest chain, structural virality, R by generation) and the downloads of the picture,
// the chart and the cascade tree. Redrawn after each step, click and build.
import { Panel } from './panel.js';
import { Chart } from '../chart.js';
import { download } from '../montecarlo.js';
import { t } from '../i18n.js';
import { fmt, pct } from '../format.js';

/** The run on screen, one row per step: the people in each state, those reached so far and
 * how many of them the ads convinced. */
export function runCsv(sim) {
  const h = sim.history();
  const causes = sim.reachByCause();
  const rows = ['step,not_reached,active,removed,reached,reached_by_ads'];
  for (let s = 0; 3 * s < h.length; s++) {
    rows.push([s, h[3 * s], h[3 * s + 1], h[3 * s + 2], causes[2 * s] ?? '', causes[2 * s + 1] ?? ''].join(','));
  }
  return rows.join('\n') + '\n';
}

export class MetricsPanel extends Panel {
  setup() {
    this.chart = new Chart(this.part('chart'));
    const update = () => this.update();
    this.on(this.app.controller, 'stepped', update);
    this.on(this.app.controller, 'changed', update);
    this.on(this.app, 'built', update);
    this.on(window, 'resize', update);
    const png = (canvas, name) => canvas.toBlob((b) => b && download(name, b));
    this.on(this.part('png-net'), 'click', () => png(this.app.$('net-canvas'), 'viralsim-network.png'));
    this.on(this.part('png-chart'), 'click', () => png(this.part('chart'), 'viralsim-chart.png'));
    this.on(this.part('gephi'), 'click', () => {
      const sim = this.app.sim;
      // the network with each person's result of this run as node attributes (GEXF)
      if (sim) download('viralsim-network.gexf', sim.sim.exportNetwork('gexf'), 'application/gexf+xml');
    });
    this.on(this.part('run-csv'), 'click', () => {
      const sim = this.app.sim;
      if (sim) download('viralsim-run.csv', runCsv(sim), 'text/csv');
    });
    this.on(this.part('tree-json'), 'click', () => {
      const sim = this.app.sim;
      if (!sim) return;
      const tree = { scenario: this.app.running, step: sim.stepCount(), adopters: sim.cascadeTree() };
      download('viralsim-cascade.json', JSON.stringify(tree, null, 2), 'application/json');
    });
  }

  localize() {
    this.update();
  }

  /** What the core's theory says for the network and model on screen, once per simulation
   * (null where no line applies: LT, threshold, SIS, per-arc weights). */
  theoryOf(sim) {
    if (this.theorySim !== sim) {
      this.theorySim = sim;
      try { this.theoryValue = sim.theory(Math.min(1000, this.app.running?.max_steps ?? 1000)); } catch { this.theoryValue = null; }
    }
    return this.theoryValue;
  }

  /** The dashed line on the chart: the size of a large outbreak (IC, SIR), the share that ever
   * hears a rumour, the Bass adoption curve; with the notes that say when it holds. */
  theoryLine(sim) {
    const th = this.theoryOf(sim);
    if (!th) return null;
    const n = sim.n;
    const notes = (th.notes ?? []).filter((c) => c !== 'out_degrees');
    if (th.curve?.discrete) return { curve: th.curve.discrete.map((x) => x * n), notes };
    if (th.never_hear !== undefined) return { level: (1 - th.never_hear) * n, notes };
    if (th.final_size !== undefined && th.final_size > 0) return { level: th.final_size * n, notes };
    return null;
  }

  update() {
    const sim = this.app?.sim;
    if (!sim) return;
    const m = sim.metrics();
    this.part('m-step').textContent = String(sim.stepCount());
    this.part('m-reach').textContent = `${m.reach} (${pct(m.reach_fraction)} %)`;
    // SIS: people recover and catch it again; "reached" is everyone who ever had it
    const sis = this.app.running?.model?.kind === 'sis';
    const label = this.part('m-reach-label');
    label.textContent = t(sis ? 'm_reach_sis' : 'm_reach');
    label.title = sis ? t('m_reach_sis_help') : '';
    // a complex contagion that ended where it started: say why
    const kind = this.app.running?.model?.kind;
    const stuck = sim.isFinished() && (kind === 'threshold' || kind === 'lt') && m.reach > 0 && m.reach === sim.seeds().length;
    const why = this.part('m-why');
    why.hidden = !stuck;
    if (stuck) why.textContent = t('why_stuck');
    this.part('m-peak').textContent = m.peak_new ? `${m.peak_new} @ ${m.peak_step}` : '–';
    this.part('m-depth').textContent = String(m.depth);
    this.part('m-virality').textContent = fmt(m.structural_virality);
    this.part('m-r').textContent = m.offspring_by_generation.length > 1 ? m.offspring_by_generation.slice(0, 5).map((r) => fmt(r, 1)).join(' · ') : '–';
    const names = sim.stateNames.map((s) => t(s.replace(/ /g, '_')));
    const theory = this.theoryLine(sim);
    this.chart.draw(sim.history(), sim.n, names, { x: t('chart_x'), y: t('chart_y'), wom: t('mc_wom'), ad: t('mc_ad'), theory: t('theory') },
      sim.reachByCause(), theory);
    const note = this.part('theory-note');
    const text = theory ? theory.notes.map((c) => t(`theory_${c}`)).join(' ') : '';
    if (note.textContent !== text) { note.textContent = text; note.hidden = !text; }
  }
}
