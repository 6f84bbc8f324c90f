// The view of the network's world coordinates on a canvas: a fit (scale and centre chosen so
// that every node shows, with a margin), a zoom about a point, and a pan, in device pixels.
// `toScreen` is the one place the picture's maths lives: the renderer, hit testing and the tests
// all ask it where a node is. No DOM, no listeners: the input code moves the camera.

/** Part of the shorter side the fitted network takes. */
const MARGIN = 0.92;

export class Camera {
  constructor() {
    this.width = 1; // viewport, device pixels
    this.height = 1;
    this.scale = 1; // world → device pixels at zoom 1
    this.cx = 0; // world point at the centre of the viewport (before panning)
    this.cy = 0;
    this.zoom = 1;
    this.panX = 0; // device pixels
    this.panY = 0;
    this.minZoom = 0.2;
    this.maxZoom = 40;
  }

  /** Sets the viewport size (device pixels); the fit is kept. */
  setViewport(width, height) {
    this.width = Math.max(1, width);
    this.height = Math.max(1, height);
  }

  /** Fits positions (x, y pairs, world units) to the viewport, keeping `pad` device pixels
   * more on each side (room for the nodes' discs). Returns false when there is nothing to fit
   * (no node, or only non-finite positions). */
  fit(positions, pad = 0) {
    let minx = Infinity, miny = Infinity, maxx = -Infinity, maxy = -Infinity;
    for (let i = 0; i < positions.length; i += 2) {
      const x = positions[i], y = positions[i + 1];
      if (x < minx) minx = x;
      if (x > maxx) maxx = x;
      if (y < miny) miny = y;
      if (y > maxy) maxy = y;
    }
    if (!Number.isFinite(minx) || !Number.isFinite(miny)) return false;
    const span = Math.max(maxx - minx, maxy - miny, 1e-3);
    this.scale = Math.max(1, MARGIN * Math.min(this.width, this.height) - 2 * pad) / span;
    this.cx = (minx + maxx) / 2;
    this.cy = (miny + maxy) / 2;
    return true;
  }

  /** World x → device pixels. */
  sx(x) { return (x - this.cx) * this.scale * this.zoom + this.width / 2 + this.panX; }
  /** World y → device pixels. */
  sy(y) { return (y - this.cy) * this.scale * this.zoom + this.height / 2 + this.panY; }

  /** World point → {x, y} in device pixels of the canvas. */
  toScreen(x, y) {
    return { x: this.sx(x), y: this.sy(y) };
  }

  /** Device pixels of the canvas → world point. */
  toWorld(px, py) {
    const k = this.scale * this.zoom;
    return { x: (px - this.width / 2 - this.panX) / k + this.cx, y: (py - this.height / 2 - this.panY) / k + this.cy };
  }

  /** Multiplies the zoom by `factor` (clamped) keeping the device point (px, py) still. */
  zoomAt(factor, px, py) {
    const mx = px - this.width / 2 - this.panX;
    const my = py - this.height / 2 - this.panY;
    const z = Math.min(this.maxZoom, Math.max(this.minZoom, this.zoom * factor));
    const k = z / this.zoom;
    this.panX -= mx * (k - 1);
    this.panY -= my * (k - 1);
    this.zoom = z;
  }

  /** Moves the picture by (dx, dy) device pixels. */
  pan(dx, dy) {
    this.panX += dx;
    this.panY += dy;
  }

  /** Back to the fit: zoom 1, no pan. */
  reset() {
    this.zoom = 1;
    this.panX = 0;
    this.panY = 0;
  }
}
