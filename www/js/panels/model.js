// The model panel: how it spreads (the model and its parameters, explained in a sentence). Each
// model keeps the parameters set for it: going back to a model finds them again.
import { Panel, fillSelect, paramRows } from './panel.js';
import { MODELS, modelParams } from '../scenario.js';
import { t } from '../i18n.js';

export class ModelPanel extends Panel {
  setup() {
    this.valuesByModel = {}; // model → its parameters, while another one is chosen
    const kind = this.part('model-kind');
    fillSelect(kind, Object.keys(MODELS), 'mod_');
    this.on(kind, 'change', (e) => {
      const next = e.target.value;
      this.change((c) => {
        this.valuesByModel[c.model] = { ...c.modelValues };
        c.model = next;
        c.modelValues = { ...(this.valuesByModel[next] ?? {}) };
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
