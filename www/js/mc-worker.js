// A Monte Carlo worker: its own wasm instance and simulation of the same scenario; it runs a
// contiguous block of run indices in chunks, reporting progress, and returns their tally (one
// JSON text). Run r draws from stream (seed, r) wherever it runs, so the merged result is the CLI's.
import init, { Simulation, joinTallies } from '../pkg/viralsim_web.js';
import { errorData } from './errors.js';

let ready = null;
let sim = null;
let simKey = null; // the scenario the cached simulation was built from
let job = 0;

self.onmessage = async ({ data }) => {
  if (data.type === 'cancel') { job = 0; return; }
  if (data.type !== 'start') return;
  job = data.id;
  try {
    ready ??= init();
    await ready;
    const key = JSON.stringify(data.scenario) + (data.text ? `#${data.text.length}` : '') + (data.segments ? `#${data.segments.length}` : '') + (data.nodes ? `#${data.nodes.length}` : '');
    if (key !== simKey) {
      sim?.free();
      sim = new Simulation(data.scenario, data.text ?? undefined, data.segments ?? undefined, data.nodes ?? undefined);
      simKey = key;
    }
    const pieces = [];
    for (let a = data.start; a < data.end; a += data.chunk) {
      if (job !== data.id) return; // cancelled or superseded
      const b = Math.min(a + data.chunk, data.end);
      pieces.push(sim.monteCarloRuns(data.seed, a, b, data.metrics));
      self.postMessage({ type: 'progress', id: data.id, done: b - a });
      await new Promise((ok) => setTimeout(ok, 0)); // lets a cancel message in
    }
    // one tally for the whole block: the page joins a few small pieces, not hundreds
    self.postMessage({ type: 'done', id: data.id, pieces: [joinTallies(pieces)] });
  } catch (e) {
    self.postMessage({ type: 'error', id: data.id, error: errorData(e) }); // the field and code travel too
  }
};
