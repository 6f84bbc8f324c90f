// Chooses the seeds of a scenario whose strategy simulates or samples (CELF, budget, IMM) off the
// main thread, so the page stays responsive while it works; replies with the chosen nodes' labels.
// The page then builds its simulations with those nodes, which gives the same runs: a computed
// strategy is a fixed list of nodes, exactly like `nodes:…`. (Protocol: worker-client.js.)
import init, { Simulation } from '../pkg/viralsim_web.js';
import { errorData } from './errors.js';

let ready = null;

self.onmessage = async ({ data }) => {
  if (data.type === 'cancel') return; // the answer of a cancelled request is dropped by the page
  try {
    ready ??= init();
    await ready;
    const sim = new Simulation(data.scenario, data.text ?? undefined, data.segments ?? undefined, data.nodes ?? undefined);
    const labels = Array.from(sim.seeds(), (i) => sim.nodeInfo(i).label);
    sim.free();
    self.postMessage({ id: data.id, type: 'done', labels });
  } catch (e) {
    self.postMessage({ id: data.id, type: 'error', error: errorData(e) }); // the field and code travel too
  }
};
