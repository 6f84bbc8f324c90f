// The scenario, held once, in the core's own JSON shape (numbers as numbers: what `Simulation`,
// `scenarioToAddress` and the CLI's --scenario read). Whoever shows or uses the scenario
// subscribes; nobody else keeps a copy. Snapshots are frozen: change them with `update`.

/** A plain object (not an array, not null)? */
const isPlain = (x) => x !== null && typeof x === 'object' && !Array.isArray(x);

/** `base` with `patch` merged in: objects merge key by key, arrays and other values replace,
 * `undefined` removes the key. Neither argument is changed. */
export function merge(base, patch) {
  if (!isPlain(patch)) return patch;
  const out = isPlain(base) ? { ...base } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete out[k];
    else out[k] = isPlain(v) ? merge(out[k], v) : v;
  }
  return out;
}

function deepFreeze(x) {
  if (x && typeof x === 'object' && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x)) deepFreeze(v);
  }
  return x;
}

export class Store {
  /** `initial`: a scenario object, or null while there is none. */
  constructor(initial = null) {
    this.value = initial === null ? null : deepFreeze(structuredClone(initial));
    this.subscribers = new Set();
  }

  /** The current scenario (frozen), or null. */
  get() {
    return this.value;
  }

  /** Merges `patch` into the scenario (see `merge`) and tells the subscribers. */
  update(patch) {
    return this.set(merge(this.value, structuredClone(patch)));
  }

  /** Replaces the whole scenario (null: none) and tells the subscribers. */
  set(scenario) {
    const prev = this.value;
    this.value = scenario === null ? null : deepFreeze(structuredClone(scenario));
    for (const fn of [...this.subscribers]) fn(this.value, prev);
    return this.value;
  }

  /** Calls `fn(scenario, previous)` on every change; returns the function that unsubscribes. */
  subscribe(fn) {
    this.subscribers.add(fn);
    return () => this.subscribers.delete(fn);
  }

  /** Drops every subscriber. */
  dispose() {
    this.subscribers.clear();
  }
}
