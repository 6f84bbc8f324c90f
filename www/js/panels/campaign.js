// The campaign panel: ads (how many per step, how convincing, for how long, to which segment)
// and prices (per influencer, per follower, per ad). Writes `campaign.ads` and `campaign.costs`.
import { Panel } from './panel.js';
import { segmentOptions } from './segments.js';

const FIELDS = [['ad-impressions', 'ads', 'impressions'], ['ad-conversion', 'ads', 'conversion'], ['ad-steps', 'ads', 'steps'],
  ['cost-seed', 'costs', 'per_seed'], ['cost-degree', 'costs', 'per_seed_degree'], ['cost-impression', 'costs', 'per_impression']];

export class CampaignPanel extends Panel {
  setup() {
    for (const [id, group, key] of FIELDS) {
      this.on(this.part(id), 'change', (e) => this.change((c) => { c[group][key] = e.target.value; }));
    }
    this.on(this.part('ad-segment'), 'change', (e) => this.change((c) => { c.adSegment = e.target.value; }));
    this.on(this.app, 'built', () => this.render());
  }

  render() {
    const c = this.controls;
    for (const [id, group, key] of FIELDS) {
      const el = this.part(id);
      if (el.value !== String(c[group][key])) el.value = String(c[group][key]);
    }
    segmentOptions(this, this.part('ad-segment'), c.adSegment);
  }
}
