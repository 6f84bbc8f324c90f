// The content panel: how the post ages (half-life, fatigue), whether influencers post, how sticky
// it is per segment, where the seeds are picked, and interventions (the brand re-posts, the
// best-connected muted, debunkers), planned or done now by a click. Writes the rest of `campaign`.
import { Panel } from './panel.js';
import { segmentOptions } from './segments.js';
import { parseStickiness } from '../controls.js';
import { t } from '../i18n.js';

const FIELDS = [['half-life', 'halfLife'], ['fatigue', 'fatigue'], ['post-prob', 'post'], ['stickiness', 'stickiness'],
  ['seed-segment', 'seedSegment'], ['boost-at', 'boostAt'], ['mute-k', 'muteK'], ['mute-at', 'muteAt'], ['debunk-k', 'debunkK'], ['debunk-at', 'debunkAt']];

export class ContentPanel extends Panel {
  setup() {
    for (const [id, key] of FIELDS) {
      this.on(this.part(id), 'change', (e) => {
        const v = e.target.value;
        if (key === 'stickiness' && v.trim() && !parseStickiness(v)) {
          this.app.$('campaign-error').textContent = t('err_stickiness', { v });
          e.target.value = this.controls.content.stickiness;
          return;
        }
        this.change((c) => { c.content[key] = v; });
      });
    }
    this.on(this.part('click-action'), 'change', (e) => { this.app.clickAction = e.target.value; });
    this.on(this.part('boost-now'), 'click', () => this.boostNow());
    this.on(this.app, 'built', () => this.render());
  }

  boostNow() {
    const sim = this.app.sim;
    if (!sim) return;
    this.app.clearError('live-error');
    let k;
    try {
      k = sim.boostNow(); // the core's rule: refused where a re-post means nothing
    } catch (err) {
      this.part('content-status').textContent = '';
      this.app.showError(err, 'live-error'); // next to the button
      return;
    }
    this.part('content-status').textContent = t('boosted', { k });
    this.app.controller.touched();
  }

  render() {
    const c = this.controls;
    for (const [id, key] of FIELDS) {
      if (id === 'seed-segment') continue;
      const el = this.part(id);
      if (el.value !== String(c.content[key]) && document.activeElement !== el) el.value = String(c.content[key]);
    }
    segmentOptions(this, this.part('seed-segment'), c.content.seedSegment);
    this.part('click-action').value = this.app.clickAction;
    // interventions from the address that the controls cannot show are listed, and kept
    this.part('extra-iv').textContent = c.extraInterventions.length
      ? t('extra_iv', { list: c.extraInterventions.map((iv) => `${iv.action} @ ${iv.step}${iv.nodes ? ` (${iv.nodes})` : ''}`).join('; ') })
      : '';
  }
}
