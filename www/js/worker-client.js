// One small request/response helper for the page's workers (layout, seeds, Monte Carlo). A
// request is a message with an `id`; the worker answers with messages of that id:
//   {id, type: 'progress', …}   any number of times (layout positions, runs done)
//   {id, type: 'done', …}       once: the request resolves with the message
//   {id, type: 'error', error}  once: the request rejects with the core's error (field, code…)
// A request can be cancelled: its promise rejects with an Error named 'Cancelled' and the worker
// gets `{type: 'cancel', id}`; answers to a cancelled or unknown id are dropped. The worker is
// started on the first request and ended by `terminate()`.
import { errorFromData } from './errors.js';

/** The error a cancelled request rejects with. */
export function cancelled() {
  const e = new Error('cancelled');
  e.name = 'Cancelled';
  return e;
}

export class WorkerClient {
  /** `url`: the worker module (a URL). */
  constructor(url) {
    this.url = url;
    this.worker = null;
    this.next = 0;
    this.pending = new Map(); // id → {resolve, reject, onProgress}
  }

  /** The worker (started when first needed). */
  start() {
    if (this.worker) return this.worker;
    const w = new Worker(this.url, { type: 'module' });
    w.onmessage = ({ data }) => {
      const p = this.pending.get(data.id);
      if (!p) return; // cancelled, or an older request
      if (data.type === 'progress') { p.onProgress?.(data); return; }
      this.pending.delete(data.id);
      if (data.type === 'error') p.reject(errorFromData(data.error));
      else p.resolve(data);
    };
    w.onerror = (e) => {
      e.preventDefault?.();
      this.fail(new Error(e.message || 'a worker failed'));
    };
    this.worker = w;
    return w;
  }

  /** Sends `message` (with a fresh id) and resolves with the worker's `done` answer. `transfer`:
   * buffers to hand over. Returns {id, promise}. */
  send(message, { onProgress = null, transfer = [] } = {}) {
    const id = ++this.next;
    const promise = new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
    });
    try {
      this.start().postMessage({ ...message, id }, transfer);
    } catch (e) {
      this.pending.get(id)?.reject(e);
      this.pending.delete(id);
    }
    return { id, promise };
  }

  /** `send` for callers that need only the promise. */
  request(message, options) {
    return this.send(message, options).promise;
  }

  /** Cancels request `id` (every request when none is given). */
  cancel(id = null) {
    const ids = id === null ? [...this.pending.keys()] : [id];
    for (const i of ids) {
      const p = this.pending.get(i);
      if (!p) continue;
      this.pending.delete(i);
      this.worker?.postMessage({ type: 'cancel', id: i });
      p.reject(cancelled());
    }
  }

  /** Rejects every request with `error` and ends the worker (the next request starts a new one). */
  fail(error) {
    const ps = [...this.pending.values()];
    this.pending.clear();
    this.worker?.terminate();
    this.worker = null;
    for (const p of ps) p.reject(error);
  }

  /** Ends the worker; pending requests reject as cancelled. */
  terminate() {
    this.fail(cancelled());
  }
}
