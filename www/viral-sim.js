// <viral-sim>: viralsim as an element for other people's pages.
//
//   <script type="module" src="https://…/viral-sim.js"></script>
//   <viral-sim scenario="network=ba:n=300,m=2&model=ic&p=0.1&seeds=top-degree:3&seed=1"
//              controls="play step reset speed p" autoplay loop lang="fr" height="360"></viral-sim>
//
// `scenario` is the page's address (read by the core's own parser, as the page and
// `viralsim run --address` read it). Shadow DOM keeps the host page's CSS out and the widget's
// in. Each element owns its store, controller and view; disconnecting it frees them (the wasm
// object, every listener, the frame loop). This module adds nothing to `window` but the
// element's registration. The module, the wasm and ego-Facebook are found next to this file
// (import.meta.url), so it works from another origin that sends CORS headers.
import { loadWasm, parseAddress, preferWasm } from './js/sim.js';
import { Controller } from './js/controller.js';
import { Store } from './js/store.js';
import { NetworkView } from './js/render.js';
import { CanvasInput, Tooltip } from './js/input.js';
import { STATE_COLORS, STATE_SHAPES, TRANSMISSION_COLOR } from './js/colors.js';
import { LANGS, fill } from './js/lang.js';
import { WIDGET_STRINGS } from './js/widget-strings.js';
import { errorText, pageError } from './js/errors.js';
import { escapeHtml } from './js/format.js';
import { MODELS } from './js/scenario.js';

// the widget's own wasm: the page's exports without its extras (file readers, Gephi export,
// comparisons, report files), 50 KB less to download (scripts/build-web.sh). A page that also
// needs those (learn.html) prefers the full one before anything loads.
preferWasm(new URL('./pkg/viralsim_widget_bg.wasm', import.meta.url));

const CONTROLS = ['play', 'step', 'reset', 'speed', 'p'];
const DEFAULT_CONTROLS = ['play', 'step', 'reset'];

const STYLE = `
:host { display: block; height: 360px; min-height: 200px; contain: content; }
:host([hidden]) { display: none; }
.root { all: initial; box-sizing: border-box; display: flex; flex-direction: column; width: 100%; height: 100%;
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2933; background: #fff;
  border: 1px solid #d9e2ec; border-radius: 8px; overflow: hidden; text-align: left; }
.root *, .root *::before, .root *::after { box-sizing: border-box; }
.stage { position: relative; flex: 1 1 auto; min-height: 100px; }
canvas { position: absolute; inset: 0; width: 100%; height: 100%; display: block; }
canvas:focus-visible { outline: 3px solid #2e86ab; outline-offset: -3px; }
.tip { position: absolute; pointer-events: none; background: #1f2933; color: #fff; padding: 0.3em 0.5em; border-radius: 6px; font-size: 12px; max-width: 14em; }
.tip[hidden] { display: none; }
.msg { position: absolute; inset: 0; margin: 0; padding: 1em; display: flex; align-items: center; justify-content: center;
  text-align: center; font-size: 13px; color: #52606d; }
.msg[hidden] { display: none; }
.error { position: absolute; left: 0.5em; right: 0.5em; top: 0.5em; margin: 0; padding: 0.5em 0.7em; border-radius: 6px;
  background: #fef3f2; border: 1px solid #f04438; color: #b42318; font-size: 13px; overflow-wrap: anywhere; }
.error[hidden] { display: none; }
.bar { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4em 0.6em; padding: 0.45em 0.6em;
  border-top: 1px solid #e4e7eb; background: #f8fafc; }
.buttons { display: flex; gap: 0.35em; }
.buttons:empty { display: none; }
button { font: inherit; font-size: 13px; min-height: 32px; min-width: 4.2em; padding: 0.25em 0.7em; border-radius: 6px;
  border: 1px solid #7b8794; background: #fff; color: #1f2933; cursor: pointer; }
button:hover { background: #eef2f6; }
button:disabled { color: #7b8794; border-color: #cbd2d9; cursor: default; background: #fff; }
button[aria-pressed="true"] { background: #1f2933; color: #fff; border-color: #1f2933; }
button:focus-visible, input:focus-visible { outline: 3px solid #2e86ab; outline-offset: 2px; }
label { display: inline-flex; align-items: center; gap: 0.35em; font-size: 12px; color: #323f4b; }
label[hidden] { display: none; }
input[type=range] { width: 7em; accent-color: #2e86ab; }
output { font-variant-numeric: tabular-nums; min-width: 2.4em; }
.status { margin-left: auto; font-size: 12px; color: #323f4b; font-variant-numeric: tabular-nums; }
.legend { display: flex; flex-wrap: wrap; gap: 0.2em 0.8em; padding: 0 0.6em 0.4em; background: #f8fafc; font-size: 11px; color: #52606d; }
.legend[hidden] { display: none; }
.sw { display: inline-block; width: 0.7em; height: 0.7em; border-radius: 50%; margin-right: 0.3em; vertical-align: -1px; }
.sw.diamond { border-radius: 0; transform: rotate(45deg) scale(0.8); }
.ln { display: inline-block; width: 1em; height: 3px; margin-right: 0.3em; vertical-align: 2px; }
@media (max-width: 420px) { .status { margin-left: 0; width: 100%; } input[type=range] { width: 5.5em; } }
`;

const TEMPLATE = `
<div class="root" part="root">
  <div class="stage">
    <canvas role="img" tabindex="0"></canvas>
    <div class="tip" role="tooltip" aria-live="polite" hidden></div>
    <p class="msg"></p>
    <p class="error" role="alert" hidden></p>
  </div>
  <div class="bar" role="group">
    <div class="buttons">
      <button type="button" data-action="play" aria-pressed="false"></button>
      <button type="button" data-action="step"></button>
      <button type="button" data-action="reset"></button>
    </div>
    <label data-control="speed"><span></span><input type="range" min="1" max="30" step="1" value="4"><output></output></label>
    <label data-control="p"><span></span><input type="range"><output></output></label>
    <span class="status"></span>
  </div>
  <div class="legend" aria-hidden="true"></div>
</div>`;

/** The CSS height an attribute names: a number is pixels. Null when it is no length. */
function cssHeight(v) {
  const s = String(v).trim();
  if (/^\d+(\.\d+)?$/.test(s)) return `${s}px`;
  if (/^\d+(\.\d+)?(px|em|rem|vh|svh|dvh|%)$/.test(s)) return s;
  return null;
}

/** The model's parameter the `p` control moves: p, or β, or θ (the model's first one). */
function mainParam(model) {
  const params = MODELS[model?.kind] ?? [];
  return params.find(([name]) => name in (model ?? {})) ?? params[0] ?? null;
}

export class ViralSimElement extends HTMLElement {
  static get observedAttributes() {
    return ['scenario', 'controls', 'autoplay', 'loop', 'lang', 'height'];
  }

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = STYLE;
    this.hostStyle = document.createElement('style'); // the `height` attribute
    const tpl = document.createElement('template');
    tpl.innerHTML = TEMPLATE;
    root.append(style, this.hostStyle, tpl.content.cloneNode(true));
    const q = (s) => root.querySelector(s);
    this.ui = {
      canvas: q('canvas'), tip: q('.tip'), msg: q('.msg'), error: q('.error'), bar: q('.bar'), status: q('.status'), legend: q('.legend'),
      play: q('[data-action=play]'), step: q('[data-action=step]'), reset: q('[data-action=reset]'),
      speed: q('[data-control=speed]'), p: q('[data-control=p]'),
    };
    this.parts = null; // {store, controller, view, listeners, resize, unsubscribe} while connected
    this.applyGen = 0;
    this.applyQueued = false;
    this.scenarioObject = null; // a scenario given as an object through the property
    this.language = 'en';
    this.problems = []; // messages about the widget's own attributes (shown with the scenario's)
    this.buildError = null;
    this.frame = 0;
    this.wantPlay = false;
  }

  // ---------------------------------------------------------------- lifecycle

  connectedCallback() {
    if (this.parts) return;
    const store = new Store(null);
    const controller = new Controller();
    const view = new NetworkView(this.ui.canvas, { interactive: false });
    const listeners = new AbortController();
    const { signal } = listeners;
    const parts = { store, controller, view, listeners, resize: null, unsubscribe: null, input: null };
    this.parts = parts;
    // the keyboard and the pointer on the picture: arrows move between people (described in a
    // tooltip), Enter, Space or a click makes the person a seed
    this.hover = -1;
    const tooltip = new Tooltip(this.ui.tip);
    parts.input = new CanvasInput(this.ui.canvas, view, {
      sim: () => controller.sim,
      onFocus: (i, x, y) => this.showTip(tooltip, i, x, y),
      onAct: (i) => {
        try {
          controller.sim.seedNode(i);
          controller.touched();
        } catch (error) {
          this.buildError = error;
          this.render();
        }
      },
    });

    // the store holds the scenario; the controller builds whatever it holds
    parts.unsubscribe = store.subscribe((scenario, prev) => {
      if (!scenario) { controller.clear(); this.render(); return; }
      const keepLayout = prev && prev.network === scenario.network;
      this.buildError = null;
      controller.build(scenario, { keepLayout }).then((ok) => {
        if (ok && this.parts === parts) this.afterBuild();
      });
    });
    controller.addEventListener('built', () => { this.wantDraw(); }, { signal });
    controller.addEventListener('changed', (e) => { this.render(); this.wantDraw(); this.fire('step', e.detail); }, { signal });
    controller.addEventListener('stepped', (e) => { this.render(); this.fire('step', e.detail); }, { signal });
    controller.addEventListener('finished', (e) => { this.render(); this.fire('finished', e.detail); }, { signal });
    controller.addEventListener('error', (e) => {
      const error = e.detail.error;
      // a failed build leaves nothing to show: the message takes the picture's place
      if (!controller.sim || store.get() !== controller.scenario) controller.clear();
      this.buildError = error;
      this.render();
      this.fire('error', { message: this.errorText(error), field: error?.field ?? null, code: error?.code ?? null });
    }, { signal });

    const u = this.ui;
    u.play.addEventListener('click', () => (controller.playing ? this.pause() : this.play()), { signal });
    u.step.addEventListener('click', () => this.step(), { signal });
    u.reset.addEventListener('click', () => this.reset(), { signal });
    const speed = u.speed.querySelector('input');
    speed.addEventListener('input', () => { controller.setSpeed(speed.value); this.render(); }, { signal });
    const p = u.p.querySelector('input');
    p.addEventListener('input', () => { u.p.querySelector('output').textContent = p.value; }, { signal });
    p.addEventListener('change', () => {
      const s = store.get();
      const param = mainParam(s?.model);
      if (param) store.update({ model: { [param[0]]: Number(p.value) } });
    }, { signal });

    parts.resize = new ResizeObserver(() => { view.resize(); this.refit(); });
    parts.resize.observe(u.canvas);
    this.queueApply();
  }

  disconnectedCallback() {
    const parts = this.parts;
    if (!parts) return;
    this.parts = null;
    this.applyGen++; // an attribute read under way is dropped
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    parts.resize.disconnect();
    parts.input.dispose();
    parts.listeners.abort();
    parts.unsubscribe();
    parts.store.dispose();
    parts.controller.dispose(); // frees the wasm object
    parts.view.dispose();
  }

  attributeChangedCallback(name, old, value) {
    if (old === value || !this.parts) return;
    if (name === 'scenario') this.scenarioObject = null;
    this.queueApply();
  }

  // ---------------------------------------------------------------- the JS API

  /** Plays the run (from the start again when it has ended). */
  play() {
    const c = this.parts?.controller;
    if (!c?.sim) { this.wantPlay = true; return; }
    if (c.finished) c.reset(); // Play on an ended run plays it again
    c.play();
    this.render();
  }

  pause() {
    this.wantPlay = false;
    this.parts?.controller.pause();
    this.render();
  }

  /** One step (pauses). */
  step() {
    this.wantPlay = false;
    this.parts?.controller.step();
    this.render();
  }

  /** Back to step 0: the same run again. */
  reset() {
    this.wantPlay = false;
    this.parts?.controller.reset();
    this.render();
  }

  /** The scenario running (the core's JSON shape), or null. Set it with an address (as the
   * attribute) or with a scenario object. */
  get scenario() {
    return this.parts?.store.get() ?? this.scenarioObject ?? null;
  }

  set scenario(value) {
    if (typeof value === 'string') { this.setAttribute('scenario', value); return; }
    this.scenarioObject = value && typeof value === 'object' ? structuredClone(value) : null;
    this.queueApply();
  }

  /** {ready, step, reach, counts, nodes, finished, playing, error} of this widget. */
  get state() {
    const c = this.parts?.controller;
    const error = this.currentError();
    return { ready: Boolean(c?.sim), ...(c ? c.snapshot() : { step: 0, reach: 0, counts: [0, 0, 0], nodes: 0, finished: false }), playing: Boolean(c?.playing), error: error ? this.errorText(error) : null };
  }

  /** The simulation running (sim.js's SimView: degrees, seeds, history, metrics), or null. For
   * pages that read more than `state`; read it when you need it and do not keep it (a rebuild
   * or a disconnect frees it). */
  get simulation() {
    return this.parts?.controller.sim ?? null;
  }

  // ---------------------------------------------------------------- attributes → store

  queueApply() {
    if (this.applyQueued) return;
    this.applyQueued = true;
    queueMicrotask(() => { this.applyQueued = false; this.apply(); });
  }

  /** Reads every attribute (the widget's own first, then the scenario, which needs the wasm
   * module), shows what is wrong with them, and puts the scenario in the store. */
  async apply() {
    if (!this.parts) return;
    const gen = ++this.applyGen;
    const problems = [];
    const langAttr = this.getAttribute('lang');
    this.language = 'en';
    if (langAttr !== null) {
      if (LANGS.includes(langAttr.trim().toLowerCase())) this.language = langAttr.trim().toLowerCase();
      else problems.push(['err_w_lang', { v: langAttr }]);
    }
    const height = this.getAttribute('height');
    const h = height === null ? null : cssHeight(height);
    if (height !== null && !h) problems.push(['err_w_height', { v: height }]);
    this.hostStyle.textContent = h ? `:host { height: ${h}; }` : '';
    const controls = (this.getAttribute('controls') ?? DEFAULT_CONTROLS.join(' ')).split(/[\s,]+/).filter(Boolean);
    for (const c of controls) if (!CONTROLS.includes(c)) problems.push(['err_w_controls', { v: c }]);
    this.controls = new Set(controls);
    this.parts.controller.loop = this.hasAttribute('loop');
    this.problems = problems;
    this.buildError = null;
    this.render();

    let scenario = this.scenarioObject;
    if (!scenario) {
      const address = this.getAttribute('scenario');
      try {
        await loadWasm();
        if (gen !== this.applyGen) return;
        if (!address || !address.trim()) throw pageError(fill(WIDGET_STRINGS, 'en', 'err_w_scenario'), 'scenario', 'w_scenario');
        const parsed = parseAddress(address.trim());
        if (!parsed.scenario) throw pageError(fill(WIDGET_STRINGS, 'en', 'err_w_scenario'), 'scenario', 'w_scenario');
        scenario = parsed.scenario;
        // the address may say its language; the attribute says it first
        if (langAttr === null && parsed.lang && LANGS.includes(parsed.lang)) this.language = parsed.lang;
      } catch (error) {
        if (gen !== this.applyGen) return;
        this.parts.store.set(null);
        this.buildError = error;
        this.render();
        this.fire('error', { message: this.errorText(error), field: error?.field ?? null, code: error?.code ?? null });
        return;
      }
    }
    const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
    this.wantPlay = this.wantPlay || (this.hasAttribute('autoplay') && !reduceMotion);
    this.parts.store.set(scenario);
  }

  afterBuild() {
    const { controller, view } = this.parts;
    const sim = controller.sim;
    view.resetView();
    view.resize();
    this.fit(view, sim);
    const speed = this.ui.speed.querySelector('input');
    controller.setSpeed(speed.value);
    this.renderLegend();
    this.renderParam();
    this.fire('ready', controller.snapshot());
    if (this.wantPlay) { this.wantPlay = false; controller.play(); }
    this.render();
    this.wantDraw();
  }

  // ---------------------------------------------------------------- drawing

  /** Asks for a frame (one at a time); frames continue while the layout settles. */
  wantDraw() {
    if (this.frame || !this.parts) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (!this.parts) return;
      const { controller, view } = this.parts;
      const sim = controller.sim;
      if (!sim) return;
      let moved = false;
      if (controller.layoutMoving) {
        moved = controller.layoutSlice(6);
        this.fit(view, sim);
      }
      view.resize();
      view.draw(sim, { positionsMoved: moved, seeds: sim.seeds(), hover: this.hover });
      if (controller.layoutMoving || view.fullEdgesPending) this.wantDraw();
    });
  }

  /** Rings person `i` and says who they are and where they stand (-1: nobody). */
  showTip(tooltip, i, clientX, clientY) {
    const sim = this.parts?.controller.sim;
    if (i !== this.hover) { this.hover = i; this.wantDraw(); }
    if (i < 0 || !sim) { tooltip.hide(); return; }
    const info = sim.nodeInfo(i);
    const state = this.t(sim.stateNames[info.state].replace(/ /g, '_'));
    const html = `<strong>${escapeHtml(info.label)}</strong><br>${this.t('tt_degree')}: ${info.degree}<br>${this.t('tt_state')}: ${escapeHtml(state)}`;
    const rect = this.ui.canvas.getBoundingClientRect();
    const at = clientX === undefined ? this.parts.input.screenOf(sim, i) : { x: clientX - rect.left, y: clientY - rect.top };
    tooltip.show(html, at.x, at.y, rect.width);
  }

  /** Fits the picture with room for the nodes' discs and the seeds' rings at the edges. */
  fit(view, sim) {
    view.fitTo(sim.positions(), view.nodeRadius(sim.n) + 4 * view.dpr);
  }

  refit() {
    const sim = this.parts?.controller.sim;
    if (!sim) return;
    this.fit(this.parts.view, sim);
    this.wantDraw();
  }

  t(key, vars) {
    return fill(WIDGET_STRINGS, this.language, key, vars);
  }

  errorText(e) {
    if (Array.isArray(e)) return this.t(e[0], e[1]);
    if (e?.code === 'widget_file' || e?.code === 'w_scenario') return this.t(`err_${e.code === 'w_scenario' ? 'w_scenario' : e.code}`, e.values ?? {});
    return errorText(e, this.language);
  }

  currentError() {
    return this.buildError ?? this.problems[0] ?? null;
  }

  fire(name, detail) {
    this.dispatchEvent(new CustomEvent(`viralsim:${name}`, { detail, bubbles: true, composed: true }));
  }

  renderLegend() {
    const sim = this.parts?.controller.sim;
    const names = sim ? sim.stateNames : ['not reached', 'just adopted', 'adopted'];
    const L = this.ui.legend;
    L.textContent = '';
    names.forEach((name, s) => {
      const item = document.createElement('span');
      const sw = document.createElement('span');
      sw.className = `sw ${STATE_SHAPES[s]}`;
      sw.style.background = STATE_COLORS[s];
      item.append(sw, this.t(name.replace(/ /g, '_')));
      L.append(item);
    });
    const item = document.createElement('span');
    const ln = document.createElement('span');
    ln.className = 'ln';
    ln.style.background = TRANSMISSION_COLOR;
    item.append(ln, this.t('transmission'));
    L.append(item);
  }

  renderParam() {
    const model = this.parts?.store.get()?.model;
    const param = mainParam(model);
    const label = this.ui.p;
    if (!param) { label.hidden = true; return; }
    const [name, key, min, max, step, def] = param;
    const input = label.querySelector('input');
    Object.assign(input, { min, max, step });
    input.value = String(model[name] ?? def);
    label.querySelector('span').textContent = this.t(key);
    label.querySelector('output').textContent = input.value;
    label.dataset.param = name;
  }

  /** Text, buttons and messages from the current state (cheap: called after every change). */
  render() {
    const u = this.ui;
    const c = this.parts?.controller;
    const sim = c?.sim;
    const controls = this.controls ?? new Set(DEFAULT_CONTROLS);
    u.play.hidden = !controls.has('play');
    u.step.hidden = !controls.has('step');
    u.reset.hidden = !controls.has('reset');
    u.speed.hidden = !controls.has('speed');
    u.p.hidden = !controls.has('p') || !mainParam(this.parts?.store.get()?.model);
    const playing = Boolean(c?.playing);
    u.play.textContent = this.t(playing ? 'pause' : 'play');
    u.play.setAttribute('aria-pressed', String(playing));
    u.play.disabled = !sim;
    u.step.textContent = this.t('step');
    u.step.disabled = !sim || c.finished;
    u.reset.textContent = this.t('reset');
    u.reset.disabled = !sim;
    u.bar.setAttribute('aria-label', this.t('w_controls'));
    const speed = u.speed.querySelector('input');
    u.speed.querySelector('span').textContent = this.t('speed');
    u.speed.querySelector('output').textContent = speed.value;
    const error = this.currentError();
    u.error.hidden = !error;
    u.error.textContent = error ? this.errorText(error) : '';
    u.msg.hidden = Boolean(sim) || Boolean(this.buildError);
    u.legend.hidden = !sim; // a legend belongs to a model that runs
    u.msg.textContent = this.t('w_loading');
    if (sim) {
      const s = c.snapshot();
      const vars = { step: s.step, reach: s.reach.toLocaleString(this.language), n: s.nodes.toLocaleString(this.language), pct: (100 * s.reach / Math.max(1, s.nodes)).toLocaleString(this.language, { maximumFractionDigits: 1 }) };
      u.status.textContent = this.t(s.finished ? 'w_status_done' : 'w_status', vars);
      u.canvas.setAttribute('aria-label', this.t('w_canvas', vars));
      this.wantDraw();
    } else {
      u.status.textContent = '';
      u.canvas.setAttribute('aria-label', '');
      const ctx = u.canvas.getContext('2d');
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, u.canvas.width, u.canvas.height);
    }
  }
}

if (!customElements.get('viral-sim')) customElements.define('viral-sim', ViralSimElement);
