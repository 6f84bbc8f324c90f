// The network view: a canvas with zoom and pan, nodes coloured by state (drawn in one batch per
// colour), faint edges (cached in an offscreen layer while nothing moves), this step's
// transmissions highlighted, and hit testing for hover and click. Crisp on high-DPI screens.
// Where things are is the camera's business (camera.js); `dispose()` removes every listener the
// view added (the widget makes views without pan and zoom: `{ interactive: false }`).
import { STATE_COLORS, STATE_SHAPES, TRANSMISSION_COLOR, EDGE_COLOR, SEED_RING } from './colors.js';
import { Camera } from './camera.js';

/** Edges drawn while the picture moves (pan, zoom, layout settling). */
const EDGE_SAMPLE = 5000;
/** Edges drawn at most once the picture is still: all of ego-Facebook's 88k (once, ~100 ms in
 * software); a network drawn as dots shows an even sample of 10k of its edges, so that no frame
 * takes long. */
const EDGE_MAX = 100000;
const EDGE_MAX_DOTS = 10000;
/** Above this many people, people are drawn as dots written straight into pixels (a few ms for
 * 200,000 people) instead of shapes on a path (~0.5 s in software). */
const DOTS_ABOVE = 20000;

/** '#rrggbb' → the 32-bit pixel of an ImageData on a little-endian machine (ABGR). */
function pixel(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0;
}
const STATE_PIXELS = STATE_COLORS.map(pixel);
/** This step's transmissions drawn at most (an even sample of more: 80,000 thick lines in one
 * step take seconds to rasterise in software). */
const TX_MAX = 3000;

export class NetworkView {
  constructor(canvas, { interactive = true } = {}) {
    this.canvas = canvas;
    this.ctx = canvas.getContext('2d');
    this.edgeLayer = canvas.ownerDocument.createElement('canvas');
    this.camera = new Camera();
    this.edgesDirty = true;
    this.fullEdgesPending = false;
    this.lastMotion = 0;
    this.dpr = 1;
    this.dragged = false;
    this.listeners = new AbortController();
    this.resize();
    if (interactive) this.installPanZoom();
  }

  // the camera's zoom and pan, as the view's own (kept for callers of the first version)
  get zoom() { return this.camera.zoom; }
  get panX() { return this.camera.panX; }
  get panY() { return this.camera.panY; }

  resize() {
    const dpr = window.devicePixelRatio || 1;
    const w = Math.max(1, Math.round(this.canvas.clientWidth * dpr));
    const h = Math.max(1, Math.round(this.canvas.clientHeight * dpr));
    if (w !== this.canvas.width || h !== this.canvas.height || dpr !== this.dpr) {
      this.canvas.width = w;
      this.canvas.height = h;
      this.edgeLayer.width = w;
      this.edgeLayer.height = h;
      this.dpr = dpr;
      this.edgesDirty = true;
    }
    this.camera.setViewport(this.canvas.width, this.canvas.height);
  }

  /** Fits the current positions to the canvas (called while the layout settles); `pad`: device
   * pixels kept free on each side. */
  fitTo(pos, pad = 0) {
    this.camera.setViewport(this.canvas.width, this.canvas.height);
    if (this.camera.fit(pos, pad)) this.edgesDirty = true;
  }

  /** World → device pixels. */
  sx(x) { return this.camera.sx(x); }
  sy(y) { return this.camera.sy(y); }

  nodeRadius(n) {
    const base = n <= 50 ? 7 : n <= 500 ? 4.5 : n <= 5000 ? 2.6 : 1.4;
    return Math.max(1, base * Math.sqrt(this.zoom) * this.dpr);
  }

  draw(sim, { positionsMoved = false, seeds = [], hover = -1 } = {}) {
    const ctx = this.ctx;
    const { width: w, height: h } = this.canvas;
    const pos = sim.positions();
    const n = sim.n;
    const now = performance.now();
    if (positionsMoved) { this.edgesDirty = true; this.lastMotion = now; }
    // While the picture moves, a large edge set is drawn as a sample (rasterising all of
    // ego-Facebook's 88k lines takes ~100 ms in software); all edges once it is still.
    const moving = now - this.lastMotion < 200;
    if (!moving && this.fullEdgesPending) this.edgesDirty = true;
    if (this.edgesDirty) {
      const m = sim.edges.length / 2;
      const still = Math.ceil(m / (n > DOTS_ABOVE ? EDGE_MAX_DOTS : EDGE_MAX));
      const stride = moving ? Math.max(still, Math.ceil(m / EDGE_SAMPLE)) : still;
      this.drawEdges(sim.edges, pos, stride);
      this.fullEdgesPending = stride > still;
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, w, h);
    ctx.drawImage(this.edgeLayer, 0, 0);
    // this step's transmissions
    const tx = sim.transmissions();
    if (tx.length) {
      ctx.strokeStyle = TRANSMISSION_COLOR;
      ctx.lineWidth = 2 * this.dpr;
      ctx.beginPath();
      const stride = 2 * Math.ceil(tx.length / 2 / TX_MAX);
      for (let i = 0; i < tx.length; i += stride) {
        const a = tx[i], b = tx[i + 1];
        ctx.moveTo(this.sx(pos[2 * a]), this.sy(pos[2 * a + 1]));
        ctx.lineTo(this.sx(pos[2 * b]), this.sy(pos[2 * b + 1]));
      }
      ctx.stroke();
    }
    // nodes, one batch per state colour
    const states = sim.states();
    const r = this.nodeRadius(n);
    if (n > DOTS_ABOVE) this.drawDots(pos, states, n);
    else for (let s = 0; s < 3; s++) {
      ctx.fillStyle = STATE_COLORS[s];
      ctx.beginPath();
      for (let i = 0; i < n; i++) {
        if (states[i] !== s) continue;
        const x = this.sx(pos[2 * i]), y = this.sy(pos[2 * i + 1]);
        if (x < -r || y < -r || x > w + r || y > h + r) continue;
        if (STATE_SHAPES[s] === 'diamond') {
          // "just adopted" differs by shape too, not by colour alone
          const d = r * 1.3;
          ctx.moveTo(x, y - d); ctx.lineTo(x + d, y); ctx.lineTo(x, y + d); ctx.lineTo(x - d, y); ctx.closePath();
        } else if (r < 2.5 || n > 2000) ctx.rect(x - r, y - r, 2 * r, 2 * r);
        else { ctx.moveTo(x + r, y); ctx.arc(x, y, r, 0, 2 * Math.PI); }
      }
      ctx.fill();
    }
    // seeds get a dark ring, the hovered node a larger one
    ctx.strokeStyle = SEED_RING;
    ctx.lineWidth = 1.5 * this.dpr;
    ctx.beginPath();
    for (const i of seeds) {
      const x = this.sx(pos[2 * i]), y = this.sy(pos[2 * i + 1]);
      ctx.moveTo(x + r + 2 * this.dpr, y);
      ctx.arc(x, y, r + 2 * this.dpr, 0, 2 * Math.PI);
    }
    ctx.stroke();
    if (hover >= 0 && hover < n) {
      ctx.beginPath();
      ctx.arc(this.sx(pos[2 * hover]), this.sy(pos[2 * hover + 1]), r + 4 * this.dpr, 0, 2 * Math.PI);
      ctx.stroke();
    }
  }

  /** Many people: each a 2×2 dot written into the pixels of a layer, the reached ones last
   * (on top), and the layer drawn over the edges. */
  drawDots(pos, states, n) {
    const { width: w, height: h } = this.canvas;
    if (!this.dotLayer) this.dotLayer = this.canvas.ownerDocument.createElement('canvas');
    const layer = this.dotLayer;
    if (layer.width !== w || layer.height !== h || !this.dotImage) {
      layer.width = w;
      layer.height = h;
      this.dotImage = new ImageData(w, h);
      this.dotPixels = new Uint32Array(this.dotImage.data.buffer);
    }
    const px = this.dotPixels;
    px.fill(0);
    const cam = this.camera;
    for (const s of [0, 2, 1]) {
      const color = STATE_PIXELS[s];
      for (let i = 0; i < n; i++) {
        if (states[i] !== s) continue;
        const x = cam.sx(pos[2 * i]) | 0, y = cam.sy(pos[2 * i + 1]) | 0;
        if (x < 0 || y < 0 || x >= w - 1 || y >= h - 1) continue;
        const k = y * w + x;
        px[k] = color; px[k + 1] = color; px[k + w] = color; px[k + w + 1] = color;
      }
    }
    layer.getContext('2d').putImageData(this.dotImage, 0, 0);
    this.ctx.drawImage(layer, 0, 0);
  }

  /** Draws every `stride`-th edge into the cached edge layer. */
  drawEdges(edges, pos, stride = 1) {
    const ctx = this.edgeLayer.getContext('2d');
    ctx.clearRect(0, 0, this.edgeLayer.width, this.edgeLayer.height);
    this.edgesDirty = false;
    ctx.strokeStyle = EDGE_COLOR;
    ctx.lineWidth = Math.max(0.5, 0.8 * this.dpr);
    ctx.beginPath();
    for (let i = 0; i < edges.length; i += 2 * stride) {
      const a = edges[i], b = edges[i + 1];
      ctx.moveTo(this.sx(pos[2 * a]), this.sy(pos[2 * a + 1]));
      ctx.lineTo(this.sx(pos[2 * b]), this.sy(pos[2 * b + 1]));
    }
    ctx.stroke();
  }

  /** Index of the node under a mouse position (CSS pixels), or -1. */
  hitTest(sim, clientX, clientY) {
    const rect = this.canvas.getBoundingClientRect();
    const x = (clientX - rect.left) * this.dpr, y = (clientY - rect.top) * this.dpr;
    const pos = sim.positions();
    const r = this.nodeRadius(sim.n) + 4 * this.dpr;
    let best = -1, bestD = r * r;
    for (let i = 0; i < sim.n; i++) {
      const dx = this.sx(pos[2 * i]) - x, dy = this.sy(pos[2 * i + 1]) - y;
      const d = dx * dx + dy * dy;
      if (d <= bestD) { bestD = d; best = i; }
    }
    return best;
  }

  installPanZoom() {
    const c = this.canvas;
    const win = c.ownerDocument.defaultView;
    const { signal } = this.listeners;
    let drag = null;
    const moved = () => { this.edgesDirty = true; this.lastMotion = performance.now(); };
    c.addEventListener('wheel', (e) => {
      e.preventDefault();
      const rect = c.getBoundingClientRect();
      this.camera.zoomAt(Math.exp(-e.deltaY * 0.0015), (e.clientX - rect.left) * this.dpr, (e.clientY - rect.top) * this.dpr);
      moved();
    }, { passive: false, signal });
    c.addEventListener('pointerdown', (e) => {
      this.dragged = false;
      if (this.holdPan?.(e)) { drag = null; return; } // the input draws with this drag
      drag = { x: e.clientX, y: e.clientY, px: this.camera.panX, py: this.camera.panY };
    }, { signal });
    win.addEventListener('pointerup', () => { drag = null; }, { signal });
    win.addEventListener('pointermove', (e) => {
      if (!drag) return;
      const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) this.dragged = true;
      this.camera.panX = drag.px + dx * this.dpr;
      this.camera.panY = drag.py + dy * this.dpr;
      moved();
    }, { signal });
  }

  resetView() {
    this.camera.reset();
    this.edgesDirty = true;
  }

  /** Removes every listener the view added; the canvas is left as it is. */
  dispose() {
    this.listeners.abort();
    this.edgeLayer.width = 0; // lets the browser drop the layers' pixels now
    this.edgeLayer.height = 0;
    if (this.dotLayer) { this.dotLayer.width = 0; this.dotLayer.height = 0; this.dotImage = null; }
  }
}
