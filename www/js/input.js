// Pointer and keyboard input on the network picture: hover shows a person, a click acts on them;
// the arrow keys move to the nearest person that way (within 45°), Enter or Space acts on the
// focused one as a click would, Escape lets go. Positions come through the camera (`toScreen`),
// the one place the picture's maths lives. `dispose()` removes every listener.

const ARROWS = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] };

export class CanvasInput {
  /** `view`: the NetworkView (hit testing, camera, `dragged`); `sim()`: the simulation or null;
   * `onFocus(i, clientX?, clientY?)`: person i is pointed at or focused (-1: nobody);
   * `onAct(i)`: a click, Enter or Space on person i. */
  constructor(canvas, view, { sim, onFocus, onAct, onEmpty = null, onLink = null, linking = () => true }) {
    this.canvas = canvas;
    this.view = view;
    this.sim = sim;
    this.onFocus = onFocus;
    this.onAct = onAct;
    this.onEmpty = onEmpty; // (clientX, clientY): a click on no one
    this.onLink = onLink; // (a, b): a drag from person a to person b (the view does not pan then)
    this.dragFrom = -1;
    this.linked = false;
    this.focused = -1;
    this.listeners = new AbortController();
    const opts = { signal: this.listeners.signal };
    canvas.addEventListener('click', (e) => this.click(e), opts);
    canvas.addEventListener('keydown', (e) => this.key(e), opts);
    canvas.addEventListener('blur', () => this.focus(-1), opts);
    canvas.addEventListener('mousemove', (e) => {
      const s = this.sim();
      if (s) this.focus(this.view.hitTest(s, e.clientX, e.clientY), e.clientX, e.clientY);
    }, opts);
    canvas.addEventListener('mouseleave', () => this.focus(-1), opts);
    if (onLink) {
      // a drag that starts on a person links them to the person it ends on
      view.holdPan = (e) => { const s = this.sim(); return Boolean(s) && linking() && this.view.hitTest(s, e.clientX, e.clientY) >= 0; };
      canvas.addEventListener('pointerdown', (e) => {
        const s = this.sim();
        this.dragFrom = s && linking() ? this.view.hitTest(s, e.clientX, e.clientY) : -1;
        this.linked = false;
      }, opts);
      canvas.addEventListener('pointerup', (e) => {
        const s = this.sim();
        const from = this.dragFrom;
        this.dragFrom = -1;
        if (!s || from < 0) return;
        const to = this.view.hitTest(s, e.clientX, e.clientY);
        if (to >= 0 && to !== from) { this.linked = true; this.onLink(from, to); }
      }, opts);
    }
  }

  focus(i, clientX, clientY) {
    this.focused = i;
    this.onFocus(i, clientX, clientY);
  }

  click(e) {
    const s = this.sim();
    if (!s || this.view.dragged || this.linked) { this.linked = false; return; }
    const i = this.view.hitTest(s, e.clientX, e.clientY);
    if (i >= 0) this.onAct(i);
    else this.onEmpty?.(e.clientX, e.clientY);
  }

  /** Person i's place on the screen, in CSS pixels from the canvas's corner. */
  screenOf(s, i) {
    const pos = s.positions();
    const p = this.view.camera.toScreen(pos[2 * i], pos[2 * i + 1]);
    return { x: p.x / this.view.dpr, y: p.y / this.view.dpr };
  }

  key(e) {
    const s = this.sim();
    if (!s) return;
    if (ARROWS[e.key]) {
      e.preventDefault();
      const [ux, uy] = ARROWS[e.key];
      const from = this.focused;
      if (from < 0 || from >= s.n) { this.focus(s.seeds()[0] ?? 0); return; }
      const pos = s.positions();
      const cam = this.view.camera;
      const o = cam.toScreen(pos[2 * from], pos[2 * from + 1]);
      let best = -1, bestD = Infinity;
      for (let i = 0; i < s.n; i++) {
        const dx = cam.sx(pos[2 * i]) - o.x, dy = cam.sy(pos[2 * i + 1]) - o.y;
        const along = dx * ux + dy * uy, across = Math.abs(dx * uy - dy * ux);
        if (along <= 0 || across > along) continue; // within 45° of the arrow
        const d = dx * dx + dy * dy;
        if (d < bestD) { bestD = d; best = i; }
      }
      if (best >= 0) this.focus(best);
    } else if ((e.key === 'Enter' || e.key === ' ') && this.focused >= 0) {
      e.preventDefault();
      const i = this.focused;
      this.onAct(i);
      this.focus(i);
    } else if (e.key === 'Escape') {
      this.focus(-1);
    }
  }

  dispose() {
    this.listeners.abort();
    if (this.onLink) this.view.holdPan = null;
  }
}

/** The tooltip: a small box next to a person (or the pointer), over the picture. */
export class Tooltip {
  constructor(element) {
    this.el = element;
  }

  /** Shows `html` at (x, y), CSS pixels from the picture's corner, inside a box `width` wide. */
  show(html, x, y, width) {
    this.el.innerHTML = html;
    this.el.style.left = `${Math.max(0, Math.min(x + 12, width - 180))}px`;
    this.el.style.top = `${y + 12}px`;
    this.el.hidden = false;
  }

  hide() {
    this.el.hidden = true;
  }
}
