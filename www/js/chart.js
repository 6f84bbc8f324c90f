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

/** Monte Carlo band chart: 5–95 % band of the cumulative reach, its mean, and the mean split
 * into advertising-driven (bottom) and word-of-mouth (top) as two stacked areas. */
export function drawBand(canvas, result, n, labels) {
  const ctx = canvas.getContext('2d');
  const dpr = window.devicePixelRatio || 1;
  const W = Math.max(1, Math.round(canvas.clientWidth * dpr)), H = Math.max(1, Math.round(canvas.clientHeight * dpr));
  if (canvas.width !== W || canvas.height !== H) { canvas.width = W; canvas.height = H; }
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const w = W / dpr, h = H / dpr;
  ctx.clearRect(0, 0, w, h);
  const c = result.curve, ad = result.ad_curve;
  const len = c.mean.length;
  const left = 40, right = 8, top = 22, bottom = 26;
  const steps = Math.max(1, len - 1);
  const ymax = Math.max(1, ...c.p95);
  const X = (t) => left + (t / steps) * (w - left - right);
  const Y = (v) => top + (1 - v / ymax) * (h - top - bottom);
  const area = (upper, lower, color) => {
    ctx.fillStyle = color;
    ctx.beginPath();
    for (let t = 0; t < len; t++) ctx.lineTo(X(t), Y(upper(t)));
    for (let t = len - 1; t >= 0; t--) ctx.lineTo(X(t), Y(lower(t)));
    ctx.closePath();
    ctx.fill();
  };
  const adAt = (t) => ad.mean[t] ?? ad.mean[ad.mean.length - 1] ?? 0;
  area((t) => c.p95[t], (t) => c.p05[t], 'rgba(46, 134, 171, 0.18)');
  area((t) => c.mean[t], (t) => adAt(t), 'rgba(46, 134, 171, 0.55)');
  area((t) => adAt(t), () => 0, 'rgba(228, 87, 46, 0.7)');
  ctx.strokeStyle = '#1f2933';
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  for (let t = 0; t < len; t++) ctx.lineTo(X(t), Y(c.mean[t]));
  ctx.stroke();
  ctx.strokeStyle = '#cbd2d9';
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(left, top); ctx.lineTo(left, h - bottom); ctx.lineTo(w - right, h - bottom);
  ctx.stroke();
  ctx.fillStyle = '#52606d';
  ctx.font = '11px system-ui, sans-serif';
  ctx.textAlign = 'right';
  ctx.fillText(String(Math.round(ymax)), left - 4, Y(ymax) + 4);
  ctx.fillText('0', left - 4, Y(0) + 4);
  ctx.textAlign = 'center';
  ctx.fillText(`${labels.x} ${steps}`, w - 30, h - 8);
  ctx.textAlign = 'left';
  const items = [['rgba(46, 134, 171, 0.18)', labels.band], ['rgba(46, 134, 171, 0.55)', labels.wom], ['rgba(228, 87, 46, 0.7)', labels.ad]];
  let lx = left + 4;
  for (const [col, name] of items) {
    ctx.fillStyle = col;
    ctx.fillRect(lx, 6, 10, 10);
    ctx.fillStyle = '#323f4b';
    ctx.fillText(name, lx + 14, 15);
    lx += ctx.measureText(name).width + 22;
  }
  void n;
}
