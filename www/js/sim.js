// The simulation as the page sees it: the wasm Simulation plus typed-array views over wasm
// memory. Views are rebuilt after every call that may allocate (wasm memory can grow, which
// detaches old views), so callers always ask for fresh ones.
//
// If the wasm instance ever traps (a bug that bad input should never reach, but which must not
// leave the page with dead buttons), every later call into it would fail. Each SimView call is
// guarded: a trap calls the handler given to `onTrap`, and `restartWasm()` loads a fresh
// instance (a new copy of the module, so none of the dead instance's state is reused).
import * as first from '../pkg/viralsim_web.js';

const engine = { mod: first, wasm: null, loading: null, url: null, instances: 0, trapHandler: null };

/** Which wasm file the first `loadWasm` loads: the page's (`pkg/viralsim_web_bg.wasm`, the
 * default) or the widget's smaller one, which has the same exports without the page's extras
 * (file readers, Gephi export, comparisons, report files). No effect once loading has begun. */
export function preferWasm(url) {
  if (!engine.loading) engine.url = url;
}

/** Loads the wasm once (concurrent callers share the one load). */
export function loadWasm() {
  engine.loading ??= engine.mod.default(engine.url ? { module_or_path: engine.url } : undefined).then((w) => {
    engine.wasm = w;
    return w;
  });
  return engine.loading;
}

/** Drops the current instance and loads a fresh one; objects of the old one must not be used. */
export async function restartWasm() {
  engine.instances += 1;
  const url = new URL(`../pkg/viralsim_web.js?instance=${engine.instances}`, import.meta.url);
  const mod = await import(url.href);
  engine.wasm = await mod.default({ module_or_path: engine.url ?? new URL('../pkg/viralsim_web_bg.wasm', import.meta.url) });
  engine.mod = mod;
  engine.loading = Promise.resolve(engine.wasm);
}

/** Sets the function called (once per trap) when a call into wasm traps. */
export function onTrap(handler) {
  engine.trapHandler = handler;
}

/** Whether an exception comes from a trapped instance. */
export function isTrap(e) {
  return e instanceof WebAssembly.RuntimeError
    || /recursive use of an object|attempted to take ownership of Rust value while it was borrowed|null pointer passed to rust/.test(String(e?.message));
}

/** Bytes of the wasm instance's memory (0 before it is loaded): what tests watch for leaks. */
export const memoryBytes = () => engine.wasm?.memory.buffer.byteLength ?? 0;

export const version = () => engine.mod.version();
/** The core's address parser: {scenario, lang, compare}; throws naming the field. */
export const parseAddress = (hash) => engine.mod.parseAddress(hash);
/** The core's address writer (`#network=…`). */
export const scenarioToAddress = (scenario) => engine.mod.scenarioToAddress(scenario);
/** What a network file holds, read by the core (`formats::preview`): format, people,
 * friendships, directed, weighted, attributes with a few values, the header decision. Throws
 * naming the line (or element) that could not be read. */
export const readNetworkPreview = (text, name, nodes) => engine.mod.readNetworkPreview(text, name, nodes ?? undefined);
/** {max_nodes, max_edges, max_bytes} of the page. */
export const pageLimits = () => engine.mod.pageLimits();

export class SimView {
  /** Throws an Error naming the field or line when the scenario is invalid. */
  constructor(scenario, text, segments, nodes) {
    this.sim = new engine.mod.Simulation(scenario, text ?? undefined, segments ?? undefined, nodes ?? undefined);
    this.wasm = engine.wasm;
    this.n = this.sim.nodeCount();
    this.edges = this.sim.edges(); // Uint32Array copy: pairs of node indices
    this.stateNames = this.sim.stateNames();
    this.segmentCount = this.sim.segmentCount();
    this.edgeCount = this.sim.edgeCount();
  }
  get mem() {
    return this.wasm.memory.buffer;
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
  /** Uint32Array view: per node adopted_at, parent, generation, position (0xFFFFFFFF none,
   * 0xFFFFFFFE a seed, 0xFFFFFFFD advertising as the parent). */
  records() {
    return new Uint32Array(this.mem, this.sim.recordsPtr(), 4 * this.n);
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
  /** The segments' names in segment order, or null when they are numbered. */
  segmentNames() { return this.sim.segmentNames(); }
  /** What theory expects of this network and model (`viralsim theory`'s object). */
  theory(steps) { return this.sim.theory(steps); }
  /** [reach, of which by ads] per step (a copy). */
  reachByCause() { return this.sim.reachByCause(); }
  layoutStep(k) { return this.sim.layoutStep(k); }
  setPositions(positions, temperature) { this.sim.setPositions(positions, temperature); }
  metrics() { return this.sim.metrics(); }
  nodeInfo(i) { return this.sim.nodeInfo(i); }
  stepCount() { return this.sim.stepCount(); }
  reach() { return this.sim.reach(); }
  isFinished() { return this.sim.isFinished(); }
  seeds() { return Array.from(this.sim.seeds()); }
  cascadeTree() { return this.sim.cascadeTree(); }
  summariseRuns(pieces, seed, threshold, metrics) { return this.sim.summariseRuns(pieces, seed, threshold, metrics); }
  compareRuns(per, names, seed, threshold) { return this.sim.compareRuns(per, names, seed, threshold); }
  /** The last Monte Carlo / comparison as the CLI's files (rendered by the core). */
  monteCarloCsv() { return this.sim.monteCarloCsv(); }
  monteCarloJson(scenario, ms) { return this.sim.monteCarloJson(scenario, ms); }
  compareCsv() { return this.sim.compareCsv(); }
  compareJson(scenarios, ms) { return this.sim.compareJson(scenarios, ms); }
  /** Test only: makes the instance trap, to check that the page recovers. */
  forceTrap() { engine.mod.forceTrapForTests(); }
  free() {
    // the objects of a trapped (dropped) instance are simply forgotten
    if (this.wasm === engine.wasm) this.sim.free();
  }
}

// every call into wasm goes through one guard
for (const name of Object.getOwnPropertyNames(SimView.prototype)) {
  const f = Object.getOwnPropertyDescriptor(SimView.prototype, name).value; // getters stay as they are
  if (name === 'constructor' || typeof f !== 'function') continue;
  SimView.prototype[name] = function guarded(...args) {
    try {
      return f.apply(this, args);
    } catch (e) {
      if (isTrap(e) && this.wasm === engine.wasm) engine.trapHandler?.(e);
      throw e;
    }
  };
}
