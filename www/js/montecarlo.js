// Monte Carlo in Web Workers: runs 0..R are split into contiguous blocks, one per worker; the
// pieces come back in run order and the page's own wasm instance summarises them with the same
// code as the CLI, so the numbers are identical to `viralsim run --runs R --seed S`.
import { errorFromData } from './errors.js';
export class MonteCarloRunner {
  constructor(workers = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2))) {
    this.size = workers;
    this.pool = [];
    this.job = 0;
    this.reject = null;
  }

  ensurePool() {
    while (this.pool.length < this.size) {
      this.pool.push(new Worker(new URL('./mc-worker.js', import.meta.url), { type: 'module' }));
    }
  }

  /** Resolves with the pieces (arrays of runs, in run order); rejects on error or cancel. */
  run({ scenario, text, segments = null, runs, seed, metrics = true, onProgress = () => {} }) {
    this.cancel();
    this.ensurePool();
    const id = ++this.job;
    const w = Math.min(this.size, runs);
    const chunk = Math.max(1, Math.min(500, Math.ceil(runs / w / 20)));
    let done = 0;
    return new Promise((resolve, reject) => {
      this.reject = reject;
      const pieces = new Array(w);
      let finished = 0;
      for (let i = 0; i < w; i++) {
        const start = Math.floor((i * runs) / w), end = Math.floor(((i + 1) * runs) / w);
        const worker = this.pool[i];
        worker.onmessage = ({ data }) => {
          // a message of a cancelled or older job (one may still be in flight after cancel())
          if (data.id !== id || this.job !== id) return;
          if (data.type === 'progress') { done += data.done; onProgress(done, runs); }
          else if (data.type === 'error') { this.cancel(); reject(errorFromData(data.error)); }
          else if (data.type === 'done') {
            pieces[i] = data.pieces;
            if (++finished === w) { this.reject = null; resolve(pieces.flat()); }
          }
        };
        worker.onerror = (e) => { this.cancel(); reject(new Error(e.message || 'a Monte Carlo worker failed')); };
        worker.postMessage({ type: 'start', id, scenario, text, segments, seed, start, end, chunk, metrics });
      }
    });
  }

  /** Stops the current job; its promise rejects with an Error named 'Cancelled'. */
  cancel() {
    if (!this.reject) return;
    for (const w of this.pool) w.postMessage({ type: 'cancel' });
    const e = new Error('cancelled');
    e.name = 'Cancelled';
    const r = this.reject;
    this.reject = null;
    this.job++;
    r(e);
  }
}

/** Offers `text` (or a Blob) as a file download. */
export function download(name, text, type = 'text/plain') {
  const url = URL.createObjectURL(text instanceof Blob ? text : new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
