// The seeds panel: who starts it (k people by a rule, clicked people, the most reach for a
// budget), the random seed and the most steps. Writes `seeds`, `seed` and `max_steps`; says
// when a strategy is being computed (in the seed worker).
import { Panel } from './panel.js';
import { t } from '../i18n.js';
import { pageError } from '../errors.js';

export class SeedsPanel extends Panel {
  setup() {
    this.on(this.part('seed-mode'), 'change', (e) => {
      const mode = e.target.value;
      this.change((c) => { c.seedMode = mode; c.seedOptions = ''; });
    });
    this.on(this.part('k-seeds'), 'change', (e) => this.change((c) => { c.k = e.target.value; }));
    this.on(this.part('budget'), 'change', (e) => this.change((c) => { c.budget = e.target.value; }));
    this.on(this.part('max-steps'), 'change', (e) => {
      const v = Number(e.target.value);
      if (e.target.value.trim() === '' || !Number.isInteger(v) || v < 1 || v > 1000000) {
        this.part('seed-error').textContent = t('err_max_steps', { v: e.target.value });
        e.target.value = this.controls.maxSteps;
        return;
      }
      this.change((c) => { c.maxSteps = v; });
    });
    this.on(this.part('rng-seed'), 'change', (e) => {
      const v = Number(e.target.value);
      if (e.target.value.trim() === '' || !Number.isSafeInteger(v) || v < 0) {
        this.app.showError(pageError(`seed: must be a whole number from 0 to 2^53 − 1, got ${e.target.value}`, 'seed', 'whole_number',
          { strategy: null, min: 0, max: Number.MAX_SAFE_INTEGER, got: e.target.value }));
        e.target.value = this.controls.seed;
        return;
      }
      this.change((c) => { c.seed = v; });
    });
    this.on(this.app, 'choosing', (e) => { this.part('seed-status').textContent = e.detail.busy ? t('choosing_seeds') : ''; });
  }

  render() {
    const c = this.controls;
    const set = (id, v) => { const el = this.part(id); if (el.value !== String(v)) el.value = String(v); };
    set('seed-mode', c.seedMode);
    set('k-seeds', c.k);
    set('budget', c.budget);
    set('rng-seed', c.seed);
    set('max-steps', c.maxSteps);
    this.part('k-row').hidden = c.seedMode === 'click' || c.seedMode === 'budget';
    this.part('budget-row').hidden = c.seedMode !== 'budget';
  }
}
