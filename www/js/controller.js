// One simulation's life: building it from a scenario (the newest build wins: a build that
// finishes after a newer one started is dropped and freed), stepping it on a steps-per-second
// clock of its own (the drawing is not the clock: a view draws when told something changed), its
// force-directed layout (in a worker when given one, as the page does; otherwise in short slices
// on the main thread, fine for the widget's small networks), and events:
//
//   built    {sim}                       a new simulation replaced the old one
//   stepped  {step, reach, counts, …}    after a step (and after reset)
//   finished {step, reach, counts, …}    the run ended (nothing more can happen)
//   changed  {step, reach, counts, …}    the simulation changed between steps (a click seeded)
//   error    {error}                     a build or a call failed (the core's Error: message,
//                                        field, code, values)
//
// `dispose()` stops the clock and frees the wasm object. No DOM, no module-level state.
import { loadWasm, SimView } from './sim.js';
import { pageError } from './errors.js';
import { WorkerClient } from './worker-client.js';

/** Layout temperature under which the picture counts as settled (as the page's). */
const SETTLED = 0.05;

export class Controller extends EventTarget {
  /** `speed`: steps per second; `loop`: start again a moment after the run ends. `source`:
   * `async (scenario) => ({text, segments, nodes})`, the texts a network needs (by default ego-Facebook
   * next to the module, and no uploaded file); `prepare`: `async (scenario, texts) => scenario`
   * (the page chooses computed seeds in a worker); `layoutWorker`: the layout worker's URL. */
  constructor({ speed = 4, loop = false, loopDelay = 1500, source = null, prepare = null, layoutWorker = null, place = null } = {}) {
    super();
    this.place = place ?? (() => null); // fixed positions for a scenario (a drawn network), or null
    this.source = source ?? (async (scenario) => ({ text: await this.networkText(String(scenario.network)), segments: null }));
    this.prepare = prepare ?? (async (scenario) => scenario);
    this.layout = layoutWorker ? new WorkerClient(layoutWorker) : null;
    this.layoutRequest = 0;
    this.pendingPositions = null;
    this.sim = null;
    this.scenario = null; // the scenario of `sim`
    this.speed = speed;
    this.loop = loop;
    this.loopDelay = loopDelay;
    this.playing = false;
    this.finished = false;
    this.layoutMoving = false;
    this.generation = 0; // bumped by every build and by dispose: older builds are dropped
    this.timer = 0;
    this.loopTimer = 0;
    this.texts = new Map(); // network text by spec (ego-Facebook), fetched once per controller
    this.disposed = false;
  }

  emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  /** Builds a simulation of `scenario` (the core's JSON shape). Resolves true when it replaced
   * the old one, false when it failed (an `error` event says why; the old one stays) or when a
   * newer build or `dispose` overtook it. `keepLayout`: on the same network, keep the positions. */
  async build(scenario, { keepLayout = false } = {}) {
    const gen = ++this.generation;
    this.pause();
    let next;
    let texts;
    try {
      await loadWasm();
      texts = await this.source(scenario);
      if (gen !== this.generation) return false;
      const built = await this.prepare(scenario, texts);
      if (gen !== this.generation) return false;
      next = new SimView(built, texts.text ?? undefined, texts.segments ?? undefined, texts.nodes ?? undefined);
    } catch (error) {
      if (gen !== this.generation) return false;
      this.emit('error', { error });
      return false;
    }
    if (gen !== this.generation) { next.free(); return false; }
    const old = this.sim;
    const same = keepLayout && old && this.scenario?.network === scenario.network && old.n === next.n;
    if (same) next.setPositions(old.positions(), SETTLED);
    const placed = this.place(scenario);
    if (placed) next.setPositions(placed, 0); // drawn where the user put them: no layout
    old?.free();
    this.sim = next;
    this.scenario = scenario;
    this.finished = false;
    this.layoutMoving = !same && !placed;
    this.startLayout(same || placed ? null : scenario, texts);
    this.emit('built', { sim: next, keptLayout: Boolean(same) });
    return true;
  }

  /** Starts the layout worker on `scenario`'s network (null: stops it). */
  startLayout(scenario, texts) {
    this.pendingPositions = null;
    if (!this.layout) return;
    if (this.layoutRequest) this.layout.cancel(this.layoutRequest);
    this.layoutRequest = 0;
    if (!scenario) return;
    // the layout needs only the network: no seeding strategy or campaign to compute there
    const network = { network: scenario.network, model: scenario.model, seeds: 'none', seed: scenario.seed };
    const { id, promise } = this.layout.send({ type: 'start', scenario: network, text: texts.text ?? null, segments: texts.segments ?? null, nodes: texts.nodes ?? null }, {
      onProgress: (data) => { if (id === this.layoutRequest) this.pendingPositions = data; },
    });
    this.layoutRequest = id;
    promise.catch((e) => {
      // the worker could not lay it out: the main thread does, in slices
      if (e.name !== 'Cancelled' && id === this.layoutRequest) { this.layout.terminate(); this.layout = null; }
    });
  }

  /** The text a network needs: ego-Facebook is fetched next to the module; an uploaded file
   * cannot be named by a scenario alone. */
  async networkText(spec) {
    if (spec === 'facebook') {
      if (!this.texts.has(spec)) {
        const r = await fetch(new URL('../pkg/ego-facebook.txt', import.meta.url));
        if (!r.ok) throw pageError(`network: could not load ego-Facebook (HTTP ${r.status})`, 'network', null);
        this.texts.set(spec, await r.text());
      }
      return this.texts.get(spec);
    }
    if (spec.startsWith('file:')) {
      throw pageError(`network: '${spec}' is an uploaded file, which an embedded simulation cannot open; use a generated network`, 'network', 'widget_file', { spec });
    }
    return null;
  }

  /** Drops the simulation (the picture goes blank). */
  clear() {
    this.generation++;
    this.pause();
    this.startLayout(null);
    this.sim?.free();
    this.sim = null;
    this.scenario = null;
  }

  /** What a `stepped` or `finished` event carries. */
  snapshot() {
    const sim = this.sim;
    if (!sim) return { step: 0, reach: 0, counts: [0, 0, 0], nodes: 0, finished: false };
    const h = sim.history();
    const last = h.length - 3;
    return {
      step: sim.stepCount(),
      reach: sim.reach(),
      counts: last >= 0 ? [h[last], h[last + 1], h[last + 2]] : [sim.n, 0, 0],
      nodes: sim.n,
      finished: this.finished,
    };
  }

  /** Starts the clock (nothing when there is no simulation or the run has ended). */
  play() {
    clearTimeout(this.loopTimer);
    if (!this.sim || this.finished || this.playing) return;
    this.playing = true;
    this.tick();
  }

  pause() {
    this.playing = false;
    clearTimeout(this.timer);
    clearTimeout(this.loopTimer);
  }

  setSpeed(stepsPerSecond) {
    this.speed = Math.min(120, Math.max(0.1, Number(stepsPerSecond) || 1));
  }

  tick() {
    if (!this.playing) return;
    this.stepOnce();
    if (this.playing) this.timer = setTimeout(() => this.tick(), 1000 / this.speed);
  }

  /** One step by hand: stops the clock. */
  step() {
    this.pause();
    this.stepOnce();
  }

  stepOnce() {
    if (!this.sim || this.finished) { this.playing = false; return; }
    let done;
    try {
      done = this.sim.step(1) === 0 || this.sim.isFinished();
    } catch (error) {
      this.pause();
      this.emit('error', { error });
      return;
    }
    this.finished = done;
    const snap = this.snapshot();
    this.emit('stepped', snap);
    if (done) {
      this.playing = false;
      clearTimeout(this.timer);
      this.emit('finished', snap);
      if (this.loop) this.loopTimer = setTimeout(() => { this.reset(); this.play(); }, this.loopDelay);
    }
  }

  /** Tells the views that the simulation changed between steps (a click seeded or muted). */
  touched() {
    this.finished = false;
    this.emit('changed', this.snapshot());
  }

  /** Back to step 0 with the scenario's seed (the same run again). */
  reset() {
    this.pause();
    if (!this.sim) return;
    try {
      this.sim.reset(this.scenario?.seed ?? 1);
    } catch (error) {
      this.emit('error', { error });
      return;
    }
    this.finished = false;
    this.emit('stepped', this.snapshot());
  }

  /** Runs the layout for about `ms` milliseconds (or takes the worker's newest positions); true
   * when the positions moved. */
  layoutSlice(ms = 6) {
    if (!this.sim || !this.layoutMoving) return false;
    if (this.layout) {
      const p = this.pendingPositions;
      if (!p) return false;
      this.pendingPositions = null;
      try {
        this.sim.setPositions(p.positions, p.temperature);
      } catch (error) {
        this.layoutMoving = false;
        this.emit('error', { error });
        return false;
      }
      if (p.temperature < SETTLED) this.layoutMoving = false;
      return true;
    }
    const start = performance.now();
    try {
      while (performance.now() - start < ms) {
        if (this.sim.layoutStep(1) < SETTLED) { this.layoutMoving = false; break; }
      }
    } catch (error) {
      this.layoutMoving = false;
      this.emit('error', { error });
    }
    return true;
  }

  /** Stops everything and frees the wasm object; the controller is not used again. */
  dispose() {
    this.disposed = true;
    this.clear();
    this.layout?.terminate();
    this.layout = null;
    this.texts.clear();
  }
}
