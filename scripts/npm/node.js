// viralsim/node — the wasm module for Node, ready to use: importing this file reads the .wasm
// next to it (with node:fs) and instantiates it synchronously, so
//
//   import { Simulation, counts } from 'viralsim/node';
//   const sim = new Simulation({ network: 'karate', model: { kind: 'ic', p: 0.2 }, seeds: 'nodes:0', seed: 1 });
//   sim.run(1000);
//   counts(sim); // [[33, 1, 0], [27, 6, 1], …]: people per state after each step, as the CLI's history.counts
//
// It re-exports everything of the low-level module (`viralsim`), plus `wasm` (the instance's
// exports, whose `memory` the *Ptr() methods point into) and small readers of that memory.
import { readFileSync } from 'node:fs';
import { initSync } from './pkg/viralsim_web.js';

export * from './pkg/viralsim_web.js';

/** The wasm instance's exports; `wasm.memory.buffer` holds what `statesPtr()` and the like point at. */
export const wasm = initSync({ module: readFileSync(new URL('./pkg/viralsim_web_bg.wasm', import.meta.url)) });

/** People in each state (not reached, active, removed) at step 0 and after each step: an array
 * of [s, a, r], as `viralsim run --format json` prints in `history.counts`. */
export function counts(sim) {
  const h = new Uint32Array(wasm.memory.buffer, sim.historyPtr(), 3 * sim.historyLen());
  const out = [];
  for (let i = 0; i < h.length; i += 3) out.push([h[i], h[i + 1], h[i + 2]]);
  return out;
}

/** Each person's state now (0 not reached, 1 active, 2 removed), as a copy. */
export function states(sim) {
  return new Uint8Array(wasm.memory.buffer, sim.statesPtr(), sim.nodeCount()).slice();
}

/** Each person's layout position now: x, y per node (a copy). */
export function positions(sim) {
  return new Float32Array(wasm.memory.buffer, sim.positionsPtr(), 2 * sim.nodeCount()).slice();
}
