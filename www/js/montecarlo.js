// Monte Carlo in Web Workers: runs 0..R are split into contiguous blocks, one per worker; the
// pieces come back in run order and the page's own wasm instance summarises them with the same
// code as the CLI, so the numbers are identical to `viralsim run --runs R --seed S`.
import { WorkerClient, cancelled } from './worker-client.js';

export class MonteCarloRunner {
  constructor(workers = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2))) {
    this.size = workers;
    this.pool = [];
    this.job = null; // {clients, reject} of the run in progress
  }

  ensurePool() {
    while (this.pool.length < this.size) this.pool.push(new WorkerClient(new URL('./mc-worker.js', import.meta.url)));
  }

  /** Resolves with the pieces (arrays of runs, in run order); rejects on error or cancel. */
  run({ scenario, text, segments = null, nodes = null, runs, seed, metrics = true, onProgress = () => {} }) {
    this.cancel();
    this.ensurePool();
    const w = Math.min(this.size, runs);
    const chunk = Math.max(1, Math.min(500, Math.ceil(runs / w / 20)));
    let done = 0;
    const requests = [];
    for (let i = 0; i < w; i++) {
      const start = Math.floor((i * runs) / w), end = Math.floor(((i + 1) * runs) / w);
      const client = this.pool[i];
      const { id, promise } = client.send({ type: 'start', scenario, text, segments, nodes, seed, start, end, chunk, metrics }, {
        onProgress: (data) => { done += data.done; onProgress(done, runs); },
      });
      requests.push({ client, id, promise });
    }
    let reject;
    const stopped = new Promise((_, r) => { reject = r; });
    const job = { requests, reject };
    this.job = job;
    const all = Promise.all(requests.map((r) => r.promise)).then((answers) => answers.flatMap((a) => a.pieces));
    return Promise.race([all, stopped]).catch((e) => {
      // one block failed (or the job was cancelled): the others stop too
      for (const r of requests) r.client.cancel(r.id);
      throw e;
    }).finally(() => { if (this.job === job) this.job = null; });
  }

  /** Stops the current job; its promise rejects with an Error named 'Cancelled'. */
  cancel() {
    const job = this.job;
    if (!job) return;
    this.job = null;
    for (const r of job.requests) r.client.cancel(r.id);
    job.reject(cancelled());
  }

  /** Ends the workers. */
  dispose() {
    this.cancel();
    for (const c of this.pool) c.terminate();
    this.pool = [];
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
