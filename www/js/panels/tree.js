// "Who told whom": the current run's cascade tree, drawn live. People by generation (the seeds
// and those the ads convinced on top, then who they told, and so on), each under the person who
// told them, coloured by cause (seed, advertising, word of mouth); the widest generation and the
// depth are marked. Pointing at a person here rings them in the network, and the reverse. Up to
// 5,000 adopters as a tree; beyond, a bar per generation.
import { Panel } from './panel.js';
import { t, language } from '../i18n.js';

const NONE = 0xffffffff, SEED = 0xfffffffe, AD = 0xfffffffd;
const MAX_TREE = 5000;
export const CAUSE_COLORS = { seed: '#111827', advertising: '#e4572e', wom: '#1d5f7a' };

/** Adopters per generation, and the widest, from the records alone (no objects: for a big
 * cascade, drawn as bars). */
export function generationCounts(records, n) {
  const rows = [];
  let adopters = 0;
  for (let i = 0; i < n; i++) {
    if (records[4 * i] === NONE) continue;
    const g = records[4 * i + 2];
    while (rows.length <= g) rows.push(0);
    rows[g]++;
    adopters++;
  }
  let widest = 0;
  rows.forEach((c, g) => { if (c > rows[widest]) widest = g; });
  return { adopters, rows, widest };
}

/** The tree's layout: adopters in generations, each placed under its parent (a tidy layered
 * layout: a generation keeps its parents' order, so branches do not cross). Returns
 * {nodes: [{id, parent, generation, cause, x}], rows: count per generation, widest}. */
export function treeLayout(records, n) {
  const nodes = [];
  for (let i = 0; i < n; i++) {
    const at = records[4 * i];
    if (at === NONE) continue;
    const parent = records[4 * i + 1];
    nodes.push({ id: i, at, parent, generation: records[4 * i + 2], cause: parent === SEED ? 'seed' : parent === AD ? 'advertising' : 'wom', x: 0 });
  }
  const byGen = [];
  for (const v of nodes) (byGen[v.generation] ??= []).push(v);
  const slot = new Map();
  const rows = byGen.map((g) => g?.length ?? 0);
  for (const [g, row] of byGen.entries()) {
    if (!row) continue;
    // under the parent's place, then by the step of adoption
    const key = (v) => (v.cause === 'wom' ? slot.get(v.parent) ?? 0 : -1);
    row.sort((a, b) => key(a) - key(b) || a.at - b.at || a.id - b.id);
    row.forEach((v, k) => { v.x = (k + 0.5) / row.length; slot.set(v.id, v.x); });
  }
  let widest = 0;
  rows.forEach((c, g) => { if (c > rows[widest]) widest = g; });
  return { nodes, rows, widest };
}

export class TreePanel extends Panel {
  setup() {
    this.layout = null;
    this.pending = 0;
    this.hover = -1;
    const update = () => this.update();
    this.on(this.app.controller, 'stepped', update);
    this.on(this.app.controller, 'changed', update);
    this.on(this.app, 'built', update);
    this.on(window, 'resize', update);
    this.on(this.app, 'hover', (e) => { if (e.detail.i !== this.hover) { this.hover = e.detail.i; this.draw(); } });
    const canvas = this.part('tree-canvas');
    this.on(canvas, 'mousemove', (e) => this.point(e));
    this.on(canvas, 'mouseleave', () => this.app.showTip(-1));
  }

  localize() {
    this.update();
  }

  detach() {
    cancelAnimationFrame(this.pending);
    this.pending = 0;
    super.detach();
  }

  /** Redraws at the next frame (several steps between two frames are drawn once). */
  update() {
    if (this.pending || !this.app) return;
    this.pending = requestAnimationFrame(() => {
      this.pending = 0;
      const sim = this.app?.sim;
      if (!sim) return;
      const counts = generationCounts(sim.records(), sim.n);
      // beyond 5,000 adopters only the counts per generation are drawn: no layout to make
      this.layout = counts.adopters > MAX_TREE ? { nodes: null, ...counts } : treeLayout(sim.records(), sim.n);
      this.draw();
    });
  }

  /** Device pixels of the canvas and the place of each generation. */
  geometry() {
    const canvas = this.part('tree-canvas');
    // a row of about 16 px per generation (a bar per generation beyond 5,000 adopters)
    const css = `${Math.max(120, Math.min(420, 30 + 16 * this.layout.rows.length))}px`;
    if (canvas.style.height !== css) canvas.style.height = css;
    const dpr = window.devicePixelRatio || 1;
    const w = Math.max(1, Math.round(canvas.clientWidth * dpr)), h = Math.max(1, Math.round(canvas.clientHeight * dpr));
    if (canvas.width !== w || canvas.height !== h) { canvas.width = w; canvas.height = h; }
    const rows = this.layout.rows.length;
    const top = 14 * dpr, bottom = 8 * dpr, left = 6 * dpr;
    const rowH = rows > 1 ? (h - top - bottom) / (rows - 1) : 0;
    return { canvas, dpr, w, h, top, left, rowH, X: (x) => left + x * (w - 2 * left), Y: (g) => top + g * rowH };
  }

  draw() {
    if (!this.layout) return;
    const { canvas, dpr, w, h, top, left, X, Y, rowH } = this.geometry();
    const ctx = canvas.getContext('2d');
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, w, h);
    const { nodes, rows, widest } = this.layout;
    const adopters = nodes ? nodes.length : this.layout.adopters;
    const note = this.part('tree-note');
    if (!adopters) { note.textContent = t('tree_empty'); return; }
    const depth = rows.length - 1;
    note.textContent = t('tree_note', { adopters: adopters.toLocaleString(language()), depth, widest, k: rows[widest].toLocaleString(language()) });
    ctx.font = `${10 * dpr}px system-ui, sans-serif`;
    if (!nodes) {
      // a bar per generation: how many adopted in each
      const max = Math.max(...rows);
      const barH = Math.max(2 * dpr, Math.min(18 * dpr, (h - top) / rows.length - 2 * dpr));
      rows.forEach((c, g) => {
        const y = top + g * (barH + 2 * dpr);
        ctx.fillStyle = g === widest ? '#e4572e' : '#1d5f7a';
        ctx.fillRect(left + 28 * dpr, y, (w - left - 80 * dpr) * (c / max), barH);
        ctx.fillStyle = '#323f4b';
        ctx.fillText(String(g), left, y + barH * 0.8);
        ctx.fillText(c.toLocaleString(language()), left + 32 * dpr + (w - left - 80 * dpr) * (c / max), y + barH * 0.8);
      });
      return;
    }
    // the widest generation, marked by a band
    ctx.fillStyle = 'rgba(228, 87, 46, 0.10)';
    ctx.fillRect(0, Y(widest) - Math.max(4 * dpr, rowH / 2), w, Math.max(8 * dpr, rowH));
    const at = new Map(nodes.map((v) => [v.id, v]));
    ctx.strokeStyle = 'rgba(82, 96, 109, 0.45)';
    ctx.lineWidth = dpr;
    ctx.beginPath();
    for (const v of nodes) {
      const p = v.cause === 'wom' ? at.get(v.parent) : null;
      if (!p) continue;
      ctx.moveTo(X(p.x), Y(p.generation));
      ctx.lineTo(X(v.x), Y(v.generation));
    }
    ctx.stroke();
    const r = Math.max(1.5 * dpr, Math.min(4 * dpr, (w / Math.max(...rows)) / 3));
    for (const cause of ['wom', 'advertising', 'seed']) {
      ctx.fillStyle = CAUSE_COLORS[cause];
      ctx.beginPath();
      for (const v of nodes) {
        if (v.cause !== cause) continue;
        ctx.moveTo(X(v.x) + r, Y(v.generation));
        ctx.arc(X(v.x), Y(v.generation), r, 0, 2 * Math.PI);
      }
      ctx.fill();
    }
    const hv = at.get(this.hover);
    if (hv) {
      ctx.strokeStyle = '#111827';
      ctx.lineWidth = 2 * dpr;
      ctx.beginPath();
      ctx.arc(X(hv.x), Y(hv.generation), r + 3 * dpr, 0, 2 * Math.PI);
      ctx.stroke();
    }
    ctx.fillStyle = '#52606d';
    ctx.fillText(t('tree_depth', { depth }), left, h - 2 * dpr);
  }

  /** The person under the pointer is ringed here and in the network. */
  point(e) {
    if (!this.layout?.nodes) return;
    const { canvas, dpr, X, Y } = this.geometry();
    const rect = canvas.getBoundingClientRect();
    const x = (e.clientX - rect.left) * dpr, y = (e.clientY - rect.top) * dpr;
    let best = -1, bestD = (8 * dpr) ** 2;
    for (const v of this.layout.nodes) {
      const d = (X(v.x) - x) ** 2 + (Y(v.generation) - y) ** 2;
      if (d < bestD) { bestD = d; best = v.id; }
    }
    this.app.showTip(best);
  }
}
