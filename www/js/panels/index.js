// The page's panels, registered as custom elements (once per page).
import { NetworkPanel } from './network.js';
import { ModelPanel } from './model.js';
import { SeedsPanel } from './seeds.js';
import { TransportPanel } from './transport.js';
import { CampaignPanel } from './campaign.js';
import { ContentPanel } from './content.js';
import { MetricsPanel } from './metrics.js';
import { MonteCarloPanel } from './montecarlo.js';
import { ComparePanel } from './compare.js';
import { TreePanel } from './tree.js';

export const PANELS = {
  'vs-network-panel': NetworkPanel,
  'vs-model-panel': ModelPanel,
  'vs-seeds-panel': SeedsPanel,
  'vs-transport': TransportPanel,
  'vs-campaign-panel': CampaignPanel,
  'vs-content-panel': ContentPanel,
  'vs-metrics-panel': MetricsPanel,
  'vs-montecarlo-panel': MonteCarloPanel,
  'vs-compare-panel': ComparePanel,
  'vs-tree-panel': TreePanel,
};

/** Registers every panel not registered yet. */
export function definePanels(registry = customElements) {
  for (const [name, cls] of Object.entries(PANELS)) if (!registry.get(name)) registry.define(name, cls);
}
