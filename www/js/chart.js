// Live line chart: people in each state per step, with axes, units and a legend.
import { STATE_COLORS } from './colors.js';

export class Chart {
  constructor(canvas) {
    this.canvas = canvas;
    this.ctx = canvas.getContext('2d');
  }

  draw(history, n, names, labels) {
    const c = this.canvas, ctx = this.ctx;
    const dpr = window.devicePixelRatio || 1;
    const W = Math.max(1, Math.round(c.clientWidth * dpr)), H = Math.max(1, Math.round(c.clientHeight * dpr));
    if (c.width !== W || c.height !== H) { c.width = W; c.height = H; }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const w = W / dpr, h = H / dpr;
    ctx.clearRect(0, 0, w, h);
    const left = 40, right = 8, top = 22, bottom = 26;
    const steps = Math.max(1, history.length / 3 - 1);
    const X = (t) => left + (t / steps) * (w - left - right);
    const Y = (v) => top + (1 - v / Math.max(1, n)) * (h - top - bottom);
    ctx.strokeStyle = '#cbd2d9';
    ctx.fillStyle = '#52606d';
    ctx.font = "11px system-ui, sans-serif";
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(left, top); ctx.lineTo(left, h - bottom); ctx.lineTo(w - right, h - bottom);
    ctx.stroke();
    ctx.textAlign = 'right';
    for (const f of [0, 0.5, 1]) ctx.fillText(String(Math.round(f * n)), left - 4, Y(f * n) + 4);
    ctx.textAlign = 'center';
    ctx.fillText(`${labels.x} ${steps}`, w - 30, h - 8);
    ctx.fillText('0', left, h - 8);
    ctx.save();
    ctx.translate(10, top + (h - top - bottom) * 0.75);
    ctx.rotate(-Math.PI / 2);
    ctx.fillText(labels.y, 0, 0);
    ctx.restore();
    for (let s = 0; s < 3; s++) {
      ctx.strokeStyle = STATE_COLORS[s];
      ctx.lineWidth = 2;
      ctx.beginPath();
      for (let t = 0; t * 3 < history.length; t++) {
        const x = X(t), y = Y(history[3 * t + s]);
        if (t === 0) ctx.moveTo(x, y); else ctx.lineTo(x, y);
      }
      ctx.stroke();
    }
    // legend
    ctx.textAlign = 'left';
    let lx = left + 4;
    for (let s = 0; s < 3; s++) {
      ctx.fillStyle = STATE_COLORS[s];
      ctx.fillRect(lx, 6, 10, 10);
      ctx.fillStyle = '#323f4b';
      ctx.fillText(names[s], lx + 14, 15);
      lx += ctx.measureText(names[s]).width + 22;
    }
  }
}
