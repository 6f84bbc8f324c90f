// The simulation as the page sees it: the wasm Simulation plus typed-array views over wasm
// memory. Views are rebuilt after every call that may allocate (wasm memory can grow, which
// detaches old views), so callers always ask for fresh ones.
import init, { Simulation, version } from '../pkg/viralsim_web.js';

let wasm = null;

export async function loadWasm() {
  if (!wasm) wasm = await init();
  return wasm;
}

export { version };

export class SimView {
  /** Throws an Error naming the field or line when the scenario is invalid. */
  constructor(scenario, text, segments) {
    this.sim = new Simulation(scenario, text ?? undefined, segments ?? undefined);
    this.n = this.sim.nodeCount();
    this.edges = this.sim.edges(); // Uint32Array copy: pairs of node indices
    this.stateNames = this.sim.stateNames();
    this.segmentCount = this.sim.segmentCount();
  }
  get mem() {
    return wasm.memory.buffer;
  }
  /** Uint8Array view: state per node (0 not reached, 1 active, 2 removed). */
  states() {
    return new Uint8Array(this.mem, this.sim.statesPtr(), this.n);
  }
  /** Float32Array view: x, y per node (world units). */
  positions() {
    return new Float32Array(this.mem, this.sim.positionsPtr(), 2 * this.n);
  }
  /** Uint32Array view: source, target pairs of the last step call. */
  transmissions() {
    return new Uint32Array(this.mem, this.sim.transmissionsPtr(), 2 * this.sim.transmissionsLen());
  }
  /** Uint32Array view: [susceptible, active, removed] per step. */
  history() {
    return new Uint32Array(this.mem, this.sim.historyPtr(), 3 * this.sim.historyLen());
  }
  step(n = 1) { return this.sim.step(n); }
  reset(seed) { this.sim.reset(seed); }
  seedNode(i) { return this.sim.seedNode(i); }
  muteNode(i) { this.sim.muteNode(i); }
  debunkNode(i) { this.sim.debunkNode(i); }
  boostNow() { return this.sim.boostNow(); }
  isMuted(i) { return this.sim.isMuted(i); }
  /** [reach, of which by ads] per step (a copy). */
  reachByCause() { return this.sim.reachByCause(); }
  layoutStep(k) { return this.sim.layoutStep(k); }
  metrics() { return this.sim.metrics(); }
  nodeInfo(i) { return this.sim.nodeInfo(i); }
  stepCount() { return this.sim.stepCount(); }
  reach() { return this.sim.reach(); }
  isFinished() { return this.sim.isFinished(); }
  seeds() { return Array.from(this.sim.seeds()); }
  scenario() { return this.sim.scenario(); }
  monteCarlo(runs, seed, threshold, metrics = false) { return this.sim.monteCarlo(runs, seed, threshold, metrics); }
  free() { this.sim.free(); }
}
