// Charts on canvas: the live chart of people in each state per step, and the Monte Carlo band
// chart. Both share the frame: high-DPI sizing, axes with units, and a legend.
import { STATE_COLORS } from './colors.js';

const PAD = { left: 40, right: 8, top: 22, bottom: 26 };

/** Sizes the canvas for the screen and returns a frame with x/y scales for `steps` × `ymax`. */
function frame(canvas, steps, ymax, top = PAD.top) {
  const ctx = canvas.getContext('2d');
  const dpr = window.devicePixelRatio || 1;
  const W = Math.max(1, Math.round(canvas.clientWidth * dpr)), H = Math.max(1, Math.round(canvas.clientHeight * dpr));
  if (canvas.width !== W || canvas.height !== H) { canvas.width = W; canvas.height = H; }
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const w = W / dpr, h = H / dpr;
  ctx.clearRect(0, 0, w, h);
  ctx.font = '11px system-ui, sans-serif';
  const s = Math.max(1, steps), m = Math.max(1, ymax);
  return {
    ctx, w, h, steps: s, ymax: m,
    X: (t) => PAD.left + (t / s) * (w - PAD.left - PAD.right),
    top,
    Y: (v) => top + (1 - v / m) * (h - top - PAD.bottom),
  };
}

/** Axes, tick labels at 0, half and the top, the x label with the last step, the y label. */
function axes(f, labels) {
  const { ctx, w, h, X, Y, steps, ymax } = f;
  ctx.strokeStyle = '#cbd2d9';
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(X(0), Y(ymax)); ctx.lineTo(X(0), Y(0)); ctx.lineTo(X(steps), Y(0));
  ctx.stroke();
  ctx.fillStyle = '#52606d';
  ctx.textAlign = 'right';
  // compact above 9,999 (200k, 1,2 M): six digits do not fit the margin
  // (a formatter only then: the live chart draws its axes every frame)
  const tick = ymax < 10000 ? String
    : (v) => new Intl.NumberFormat(labels.lang || document.documentElement.lang || 'en', { notation: 'compact', maximumFractionDigits: 1 }).format(v);
  for (const q of [0, 0.5, 1]) {
    const v = Math.round(q * ymax);
    ctx.fillText(v < 10000 ? String(v) : tick(v), PAD.left - 4, Y(q * ymax) + 4);
  }
  ctx.textAlign = 'center';
  ctx.fillText(`${labels.x} ${steps}`, w - 30, h - 8);
  ctx.fillText('0', PAD.left, h - 8);
  if (labels.y) {
    ctx.save();
    ctx.translate(10, f.top + (h - f.top - PAD.bottom) * 0.75);
    ctx.rotate(-Math.PI / 2);
    ctx.fillText(labels.y, 0, 0);
    ctx.restore();
  }
}

/** Fills the area between two curves over steps 0..len−1. */
function area(f, len, upper, lower, color) {
  const { ctx, X, Y } = f;
  ctx.fillStyle = color;
  ctx.beginPath();
  for (let t = 0; t < len; t++) ctx.lineTo(X(t), Y(upper(t)));
  for (let t = len - 1; t >= 0; t--) ctx.lineTo(X(t), Y(lower(t)));
  ctx.closePath();
  ctx.fill();
}

/** Colour swatches with names along the top, wrapping to a second row when needed. */
function legend(f, items) {
  const { ctx } = f;
  ctx.textAlign = 'left';
  let x = PAD.left + 4, y = 6;
  for (const [color, name] of items) {
    const width = ctx.measureText(name).width + 22;
    if (x > PAD.left + 4 && x + width > f.w - PAD.right) { x = PAD.left + 4; y += 14; }
    ctx.fillStyle = color;
    ctx.fillRect(x, y, 10, 10);
    ctx.fillStyle = '#323f4b';
    ctx.fillText(name, x + 14, y + 9);
    x += width;
  }
}

export class Chart {
  constructor(canvas) {
    this.canvas = canvas;
  }

  /** `history`: [susceptible, active, removed] per step (flat); `n` nodes; `names` of states.
   * `causes` (optional): [reach, of which by ads] per step; when ads convinced anyone, the
   * reach is drawn as two stacked areas, advertising below and word of mouth above.
   * `theory` (optional): {level} (people) or {curve} (people per step), drawn dashed with its
   * own legend entry `labels.theory`. */
  draw(history, n, names, labels, causes = null, theory = null) {
    const split = causes && causes.length >= 2 && causes[causes.length - 1] > 0;
    // two legend rows when the ad / word-of-mouth areas join the three states
    const f = frame(this.canvas, history.length / 3 - 1, n, split ? PAD.top + 14 : PAD.top);
    axes(f, labels);
    const { ctx, X, Y } = f;
    const items = [];
    if (split) {
      const len = causes.length / 2;
      area(f, len, (t) => causes[2 * t], (t) => causes[2 * t + 1], WOM_LIGHT);
      area(f, len, (t) => causes[2 * t + 1], () => 0, AD_LIGHT);
      items.push([WOM_LIGHT, labels.wom], [AD_LIGHT, labels.ad]);
    }
    for (let s = 0; s < 3; s++) {
      ctx.strokeStyle = STATE_COLORS[s];
      ctx.lineWidth = 2;
      ctx.beginPath();
      for (let t = 0; t * 3 < history.length; t++) ctx.lineTo(X(t), Y(history[3 * t + s]));
      ctx.stroke();
    }
    if (theory) {
      ctx.save();
      ctx.strokeStyle = THEORY;
      ctx.lineWidth = 1.5;
      ctx.setLineDash([5, 4]);
      ctx.beginPath();
      if (theory.curve) {
        const last = f.steps;
        for (let t = 0; t <= last && t < theory.curve.length; t++) ctx.lineTo(X(t), Y(theory.curve[t]));
      } else {
        ctx.moveTo(X(0), Y(theory.level));
        ctx.lineTo(X(f.steps), Y(theory.level));
      }
      ctx.stroke();
      ctx.restore();
      items.push([THEORY, labels.theory]);
    }
    legend(f, names.map((name, s) => [STATE_COLORS[s], name]).concat(items));
  }
}

/** The theory's dashed line (a dark violet, 3:1 or more on white). */
export const THEORY = '#6b3fa0';

const WOM_LIGHT = 'rgba(46, 134, 171, 0.25)', AD_LIGHT = 'rgba(228, 87, 46, 0.35)';

const BAND = 'rgba(46, 134, 171, 0.18)', WOM = 'rgba(46, 134, 171, 0.55)', AD = 'rgba(228, 87, 46, 0.7)';

/** Monte Carlo band chart: 5–95 % band of the cumulative reach, its mean, and the mean split
 * into advertising-driven (bottom) and word-of-mouth (top) as two stacked areas. */
export function drawBand(canvas, result, labels) {
  const c = result.curve, ad = result.ad_curve;
  const len = c.mean.length;
  const f = frame(canvas, len - 1, Math.max(...c.p95));
  const { ctx, X, Y } = f;
  const adAt = (t) => ad.mean[t] ?? ad.mean[ad.mean.length - 1] ?? 0;
  area(f, len, (t) => c.p95[t], (t) => c.p05[t], BAND);
  area(f, len, (t) => c.mean[t], adAt, WOM);
  area(f, len, adAt, () => 0, AD);
  ctx.strokeStyle = '#1f2933';
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  for (let t = 0; t < len; t++) ctx.lineTo(X(t), Y(c.mean[t]));
  ctx.stroke();
  axes(f, { x: labels.x, lang: labels.lang });
  // the ads' swatch only when ads reached someone
  const withAds = ad.mean.some((x) => x > 0);
  legend(f, [[BAND, labels.band], [WOM, labels.wom], ...(withAds ? [[AD, labels.ad]] : [])]);
}

const SCENARIO_COLORS = ['#2e86ab', '#e4572e', '#3bb273', '#7b4fa0'];

/** Overlaid mean reach curves of compared scenarios, each with its 5–95 % band. */
export function drawCompare(canvas, comparison, labels) {
  const sc = comparison.scenarios;
  const len = Math.max(...sc.map((s) => s.curve.mean.length));
  const f = frame(canvas, len - 1, Math.max(...sc.flatMap((s) => s.curve.p95)));
  const { ctx, X, Y } = f;
  const at = (arr, t) => arr[Math.min(t, arr.length - 1)];
  sc.forEach((s, i) => {
    ctx.globalAlpha = 0.15;
    ctx.fillStyle = SCENARIO_COLORS[i];
    ctx.beginPath();
    for (let t = 0; t < len; t++) ctx.lineTo(X(t), Y(at(s.curve.p95, t)));
    for (let t = len - 1; t >= 0; t--) ctx.lineTo(X(t), Y(at(s.curve.p05, t)));
    ctx.closePath();
    ctx.fill();
    ctx.globalAlpha = 1;
    ctx.strokeStyle = SCENARIO_COLORS[i];
    ctx.lineWidth = 2;
    ctx.beginPath();
    for (let t = 0; t < len; t++) ctx.lineTo(X(t), Y(at(s.curve.mean, t)));
    ctx.stroke();
  });
  axes(f, { x: labels.x, lang: labels.lang });
  legend(f, sc.map((s, i) => [SCENARIO_COLORS[i], s.name]));
}
