// Runs the force-directed layout off the main thread, so drawing keeps 60 frames per second.
// It builds the same network from the same scenario (same seed → same network) in its own wasm
// instance and posts positions (a copy: 2 × f32 per node) after each ~12 ms batch of iterations,
// as progress of the request; `done` when the layout has settled. A cancel or a newer request
// ends the loop. (Protocol: worker-client.js.)
import init, { Simulation } from '../pkg/viralsim_web.js';
import { errorData } from './errors.js';

let wasm = null;
let sim = null;
let current = 0; // id of the job in progress; a newer start or a cancel ends the loop

self.onmessage = async ({ data }) => {
  current = data.type === 'cancel' ? 0 : data.id;
  if (data.type !== 'start') return;
  try {
    wasm ??= await init();
    sim?.free();
    sim = new Simulation(data.scenario, data.text ?? undefined, data.segments ?? undefined, data.nodes ?? undefined);
    if (data.positions) sim.setPositions(data.positions, data.temperature);
  } catch (e) {
    self.postMessage({ type: 'error', id: data.id, error: errorData(e) });
    return;
  }
  const n = sim.nodeCount();
  while (current === data.id) {
    const t0 = performance.now();
    let temp;
    do temp = sim.layoutStep(1); while (performance.now() - t0 < 12 && temp >= 0.05);
    const positions = new Float32Array(wasm.memory.buffer, sim.positionsPtr(), 2 * n).slice();
    self.postMessage({ type: 'progress', id: data.id, positions, temperature: temp }, [positions.buffer]);
    if (temp < 0.05) { self.postMessage({ type: 'done', id: data.id }); break; }
    // rest a little: on two cores the page's raster threads need CPU too
    await new Promise((ok) => setTimeout(ok, 4)); // also lets a newer message in
  }
};
