// The full page's shell: it makes the parts (store, controller, views) and hands them to the
// panels (custom elements in index.html, each reading and writing its slice of the scenario).
// It is the one place that looks elements up by id. What it does itself: build the simulation
// when the scenario changes (keeping the last one that worked when a change fails, with the
// message next to the control), keep the address in step with what runs, draw the picture in a
// frame loop, act on clicks in the picture, say errors in the page's language, and restart a
// trapped engine. `dispose()` takes it all down again.
import { loadWasm, version, parseAddress, scenarioToAddress, pageLimits, restartWasm, onTrap } from './sim.js';
import { Store } from './store.js';
import { Controller } from './controller.js';
import { NetworkView } from './render.js';
import { CanvasInput, Tooltip } from './input.js';
import { MonteCarloRunner } from './montecarlo.js';
import { WorkerClient } from './worker-client.js';
import { STATE_COLORS, STATE_SHAPES, TRANSMISSION_COLOR } from './colors.js';
import { STRINGS, t, setLanguage, language, applyStrings } from './i18n.js';
import { routeError, errorText, pageError, FIX_ELSEWHERE } from './errors.js';
import { DEFAULT_SCENARIO, controlsOf, scenarioOf, withControls, sameScenario } from './controls.js';
import { escapeHtml } from './format.js';
import { installEmbed } from './embed.js';
import { definePanels } from './panels/index.js';

/** Strategies that simulate or sample: chosen once per scenario in the seed worker. */
const COMPUTED_SEEDS = /^(celf|budget|imm):/;
/** Error slots next to the controls (cleared when a build starts). */
const SLOTS = ['net-error', 'model-error', 'seed-error', 'mc-error', 'campaign-error', 'live-error'];

/** The places of a drawn network's people (x, y pairs), or null for any other network. */
export function drawnPlaces(spec) {
  const m = /^drawn:xy=([^,]*)/.exec(String(spec));
  if (!m) return null;
  return Float32Array.from(m[1].split('/').filter(Boolean).flatMap((p) => p.split('_').map(Number)));
}

/** A drawn network's box in world units: the camera shows all of it, so places stay put. */
const DRAW_BOX = 100;

/** A scenario as the controls write it (same key order: comparable as JSON text). */
function normalise(s) {
  const c = controlsOf(s);
  return scenarioOf(c, c.networkKnown ? null : s.network);
}

export class App extends EventTarget {
  constructor(doc = document) {
    super();
    this.doc = doc;
    this.store = new Store(DEFAULT_SCENARIO);
    this.files = { network: null, segments: null, nodes: null }; // {name, text} of the uploads
    this.texts = new Map(); // ego-Facebook, fetched once
    this.running = null; // the scenario of the simulation on screen
    this.compareSet = []; // up to four scenarios on one network (the compare panel's)
    this.clickAction = 'seed';
    this.runs = 1000; // the Monte Carlo's runs box (the compare panel uses it too)
    this.building = 0;
    this.recovering = null;
    this.restarts = 0;
    this.hover = -1;
    this.dirty = true;
    this.missingFile = ''; // the text that says which file an address needs
    this.shownErrors = new Map(); // slot → {error, text, control}: said again in a new language
    this.chosenSeeds = new Map(); // scenario key → 'nodes:…'
    this.seedWorker = new WorkerClient(new URL('./seed-worker.js', import.meta.url));
    this.runner = new MonteCarloRunner();
    this.abort = new AbortController();
    this.frameId = 0;
    this.controller = new Controller({
      speed: 4,
      source: (s) => this.textsFor(s),
      prepare: (s, texts) => this.withChosenSeeds(s, texts),
      layoutWorker: new URL('./layout-worker.js', import.meta.url),
      place: (s) => drawnPlaces(s.network),
    });
  }

  $(id) {
    return this.doc.getElementById(id);
  }

  on(target, type, fn) {
    target.addEventListener(type, fn, { signal: this.abort.signal });
  }

  emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  get sim() {
    return this.controller.sim;
  }

  // ------------------------------------------------------------ boot

  async start() {
    const params = new URLSearchParams(location.hash.replace(/^#/, ''));
    setLanguage(params.get('lang') || (navigator.language || 'en').slice(0, 2));
    if (!STRINGS[language()]) setLanguage('en');
    await loadWasm();
    this.$('version').textContent = `viralsim ${version()}`;
    this.view = new NetworkView(this.$('net-canvas'));
    this.tooltip = new Tooltip(this.$('tooltip'));
    this.input = new CanvasInput(this.$('net-canvas'), this.view, {
      sim: () => this.sim,
      onFocus: (i, x, y) => this.showTip(i, x, y),
      onAct: (i) => this.actOn(i),
      onEmpty: (x, y) => this.drawAt(x, y),
      onLink: (a, b) => this.drawLink(a, b),
      linking: () => this.drawing(),
    });
    this.embed = installEmbed(this);
    // the address is read by the core's parser (the CLI's --address): what it rejects is said
    // next to its control, and the page opens on its defaults
    let addressError = null;
    let opening = DEFAULT_SCENARIO;
    try {
      const address = parseAddress(location.hash);
      if (address.scenario) opening = normalise(address.scenario);
      this.compareSet = address.compare ?? [];
    } catch (e) {
      addressError = e;
    }
    this.store.set(opening);
    definePanels();
    this.panels = {};
    for (const el of this.doc.querySelectorAll('[data-panel]')) {
      this.panels[el.dataset.panel] = el;
      el.attach(this);
    }
    const c = this.controller;
    this.on(c, 'built', (e) => this.onBuilt(e.detail.keptLayout));
    this.on(c, 'stepped', () => { this.dirty = true; });
    this.on(c, 'changed', () => { this.dirty = true; });
    this.on(c, 'error', (e) => this.showError(e.detail.error));
    this.unsubscribe = this.store.subscribe((s, prev) => {
      if (sameScenario(s, prev)) return;
      if (this.quiet && this.sim && sameScenario(s, this.running)) return; // a failed change undone
      this.rebuild();
    });
    this.on(this.$('lang'), 'change', (e) => this.setLanguage(e.target.value));
    this.on(window, 'resize', () => { this.dirty = true; if (this.drawing()) this.fitDrawing(); });
    // a network file dropped on the picture is read as if chosen in the Network panel
    const view = this.$('view');
    this.on(view, 'dragover', (e) => { if (e.dataTransfer?.types?.includes('Files')) { e.preventDefault(); view.classList.add('dropping'); } });
    this.on(view, 'dragleave', () => view.classList.remove('dropping'));
    this.on(view, 'drop', (e) => {
      view.classList.remove('dropping');
      const f = e.dataTransfer?.files?.[0];
      if (!f) return;
      e.preventDefault();
      this.panels.network.takeFile(f, 'network');
    });
    // a scenario link pasted into this tab (the page itself uses replaceState, which does not fire this)
    this.on(window, 'hashchange', () => this.openAddress(location.hash));
    this.stopTrap = onTrap(() => {
      this.recovering ??= this.recover().catch((e) => { this.$('engine-status').textContent = e.message || String(e); })
        .finally(() => { this.recovering = null; });
    });
    this.localize();
    await this.rebuild({ opening: true });
    if (addressError) this.showError(addressError);
    const frame = (now) => {
      try {
        this.drawFrame(now);
      } catch (e) {
        // a trap is handled by the engine's restart; anything else is reported, and the loop goes on
        if (!this.recovering) console.error(e);
      }
      this.frameId = requestAnimationFrame(frame);
    };
    this.frameId = requestAnimationFrame(frame);
    this.doc.body.dataset.ready = 'true';
  }

  /** Opens a scenario address pasted into the tab. */
  openAddress(hash) {
    let address;
    try {
      address = parseAddress(hash);
    } catch (e) {
      this.clearErrors();
      this.showError(e); // the running scenario stays
      return;
    }
    if (!address.scenario) return;
    this.store.set(normalise(address.scenario));
  }

  // ------------------------------------------------------------ building

  /** The texts a scenario's network needs: ego-Facebook (fetched once), the uploads. */
  async textsFor(s) {
    const spec = String(s.network);
    let text = null;
    if (spec === 'facebook') {
      if (!this.texts.has(spec)) {
        this.emit('loading', { spec });
        const r = await fetch('pkg/ego-facebook.txt');
        if (!r.ok) throw pageError(`network: could not load ego-Facebook (HTTP ${r.status})`, 'network', null);
        this.texts.set(spec, await r.text());
      }
      text = this.texts.get(spec);
    } else if (spec.startsWith('file:')) {
      text = this.files.network?.text ?? null;
    }
    const segments = /^file:.*,segments=/.test(spec) ? this.files.segments?.text ?? null : null;
    const nodes = /^file:.*,nodes=/.test(spec) ? this.files.nodes?.text ?? null : null;
    return { text, segments, nodes };
  }

  /** The scenario with a computed strategy replaced by the nodes it chose (the same runs). */
  async withChosenSeeds(s, { text = null, segments = null, nodes = null } = {}) {
    if (!COMPUTED_SEEDS.test(s.seeds)) return s;
    const key = JSON.stringify(s) + `#${text?.length ?? 0}#${segments?.length ?? 0}#${nodes?.length ?? 0}`;
    if (!this.chosenSeeds.has(key)) {
      this.emit('choosing', { busy: true });
      try {
        const { labels } = await this.seedWorker.request({ type: 'start', scenario: s, text, segments, nodes });
        this.chosenSeeds.set(key, labels.length ? `nodes:${labels.join(',')}` : 'none');
      } finally {
        this.emit('choosing', { busy: false });
      }
    }
    return { ...s, seeds: this.chosenSeeds.get(key) };
  }

  /** What a Monte Carlo of `s` needs: the texts and the scenario with its seeds chosen. */
  async prepareRuns(s) {
    const texts = await this.textsFor(s);
    return { ...texts, scenario: await this.withChosenSeeds(s, texts) };
  }

  /** The uploaded file that `s` names but the page does not hold (its text says which), or ''. */
  missingUpload(s) {
    const m = /^file:([^,]*)(?:.*,segments=([^,]*))?/.exec(String(s.network));
    if (!m) return '';
    if (!this.files.network && m[1] === 'upload.txt' && !m[2]) return t('upload_prompt'); // "My own file", nothing chosen yet
    if (!this.files.network || this.files.network.name !== m[1]) {
      return m[2] ? t('err_upload_both', { name: m[1], seg: m[2] }) : t('err_upload_needed', { name: m[1] });
    }
    if (m[2] && (!this.files.segments || this.files.segments.name !== m[2])) return t('err_segments_missing', { name: m[2] });
    const n = /,nodes=([^,]*)/.exec(String(s.network));
    if (n && (!this.files.nodes || this.files.nodes.name !== n[1])) return t('err_nodes_missing', { name: n[1] });
    return '';
  }

  /** Builds the store's scenario. On error the simulation on screen stays and the message goes
   * next to the control: the control the failed change was about goes back to what runs, unless
   * the fix lies elsewhere (an uploaded file, a price a budget needs): then the choice stays. */
  async rebuild({ opening = false } = {}) {
    this.building++;
    try {
      this.clearErrors();
      const s = this.store.get();
      this.missingFile = this.missingUpload(s);
      if (this.missingFile) {
        // an address that names an uploaded file: say which file to upload, the upload box open
        this.showMissingFile();
        return false;
      }
      return await this.controller.build(s);
    } finally {
      this.building--;
      if (opening && !this.sim && !this.missingFile && !sameScenario(this.store.get(), DEFAULT_SCENARIO)) {
        // nothing runs (an address that cannot be built): open on the defaults, with the message
        // kept next to its control, so that every button works
        const shown = [...this.shownErrors.values()];
        const failed = this.store.get();
        this.store.set(DEFAULT_SCENARIO);
        await this.idle();
        for (const e of shown) this.showError(e.error, null, failed);
      }
    }
  }

  showMissingFile() {
    this.$('net-error').textContent = this.missingFile;
    this.shownErrors.set('net-error', { error: null, text: this.missingFile, control: 'file' });
    this.markInvalid('file', 'net-error');
    this.dirty = true;
  }

  /** Resolves when no build is under way. */
  async idle() {
    while (this.building > 0 || this.recovering) await new Promise((ok) => setTimeout(ok, 20));
  }

  onBuilt(kept) {
    const sim = this.sim;
    this.running = this.controller.scenario;
    if (this.drawing()) this.fitDrawing();
    else if (!kept) {
      this.view.resetView();
      this.view.fitTo(sim.positions());
    }
    this.renderLegend();
    this.updateHash();
    this.dirty = true;
    this.emit('built', { sim });
  }

  /** Shows an error next to the control its field names (or in `slot`), in the page's
   * language, the control marked; an error of a build first puts the controls back (see
   * `revertFailedChange`). `scenario`: the one the error is about (its interventions). */
  showError(e, slot = null, scenario = null) {
    if (e === null || e === undefined) return;
    // an intervention's control is found by its action, in the scenario the error is about
    const interventions = (scenario ?? this.store.get())?.campaign?.interventions ?? [];
    const route = routeError(e, interventions);
    const where = slot ?? route.slot;
    const control = slot ? null : FIX_ELSEWHERE[e.code] ?? route.control;
    // the controls go back first (they may be drawn again), then the message and the mark
    if (!slot) this.revertFailedChange(e);
    const text = errorText(e);
    this.$(where).textContent = text;
    this.shownErrors.set(where, { error: e, text, control });
    this.markInvalid(control, where);
  }

  /** After a failed build the controls go back to what runs, except where the fix lies in
   * another control (a budget needs a price: the choice stays, the price box is marked) or in a
   * file to upload (the upload box stays open with the error). */
  revertFailedChange(e) {
    const s = this.store.get();
    const run = this.running;
    if (!run || sameScenario(s, run) || String(s.network).startsWith('file:') || FIX_ELSEWHERE[e?.code]) return;
    this.quiet = true;
    try {
      this.store.set(run); // the panels show it again; no rebuild: it is what runs
    } finally {
      this.quiet = false;
    }
  }

  markInvalid(control, slot) {
    const el = control ? this.$(control) : null;
    if (el) {
      el.setAttribute('aria-invalid', 'true');
      el.setAttribute('aria-errormessage', slot);
    }
  }

  clearErrors() {
    for (const id of SLOTS) {
      this.$(id).textContent = '';
      this.shownErrors.delete(id);
    }
    for (const el of this.doc.querySelectorAll('[aria-invalid="true"]')) {
      el.removeAttribute('aria-invalid');
      el.removeAttribute('aria-errormessage');
    }
  }

  /** Clears one slot (a panel's own message). */
  clearError(slot) {
    this.$(slot).textContent = '';
    this.shownErrors.delete(slot);
  }

  /** Says the errors on show again in the language just chosen (those still on show). */
  refreshErrors() {
    for (const [slot, shown] of this.shownErrors) {
      if (this.$(slot).textContent !== shown.text) { this.shownErrors.delete(slot); continue; }
      shown.text = shown.error ? errorText(shown.error) : this.missingUpload(this.store.get());
      this.$(slot).textContent = shown.text;
      this.markInvalid(shown.control, slot); // the controls were drawn again
    }
  }

  // ------------------------------------------------------------ the address

  updateHash() {
    let address;
    try {
      address = scenarioToAddress(this.running ?? this.store.get()); // the core writes what its parser reads
    } catch {
      return;
    }
    this.shownAddress = address;
    const h = address + (language() !== 'en' ? `&lang=${language()}` : '')
      + (this.compareSet.length ? `&compare=${encodeURIComponent(JSON.stringify(this.compareSet))}` : '');
    if (location.hash !== h) history.replaceState(null, '', h);
  }

  /** The compare panel's list changed. */
  setCompareSet(list) {
    this.compareSet = list;
    this.updateHash();
  }

  // ------------------------------------------------------------ language

  setLanguage(lang) {
    setLanguage(lang);
    this.localize();
    this.updateHash();
  }

  localize() {
    applyStrings(this.doc);
    this.doc.title = t('tab_title');
    this.$('lang').value = language();
    this.$('net-canvas').setAttribute('aria-label', t('network'));
    this.renderLegend();
    this.emit('language', { lang: language() });
    this.refreshErrors();
    this.dirty = true;
  }

  renderLegend() {
    const sim = this.sim;
    const names = sim ? sim.stateNames : ['not reached', 'just adopted', 'adopted'];
    const keys = names.map((s) => s.replace(/ /g, '_'));
    const legend = this.$('legend');
    legend.setAttribute('aria-label', t('legend'));
    legend.innerHTML = keys
      .map((k, s) => `<span class="sw ${STATE_SHAPES[s]}" style="background:${STATE_COLORS[s]}"></span>${t(k)}`)
      .join('') + `<span class="line" style="background:${TRANSMISSION_COLOR}"></span>${t('transmission')}`;
  }

  // ------------------------------------------------------------ the picture

  /** The words over the picture: "Click a person…", which file to upload, the legend. */
  updateOverlays() {
    const sim = this.sim;
    const hint = this.$('hint');
    const wantHint = Boolean(sim) && controlsOf(this.store.get()).seedMode === 'click' && sim.reach() === 0;
    if (hint.hidden === wantHint) hint.hidden = !wantHint;
    const msg = this.$('view-message');
    const text = !sim && this.missingFile ? this.missingFile : '';
    if (msg.textContent !== text) { msg.textContent = text; msg.hidden = !text; }
    const legend = this.$('legend');
    if (legend.hidden !== !sim) legend.hidden = !sim;
  }

  drawFrame() {
    const sim = this.sim;
    // the overlays change only with what makes the picture dirty (a build, a step, a click)
    if (this.dirty) this.updateOverlays();
    if (!sim) { this.dirty = false; return; }
    this.view.resize();
    const moved = this.controller.layoutSlice(6);
    if (moved) this.view.fitTo(sim.positions());
    if (this.dirty || moved || this.view.edgesDirty || this.view.fullEdgesPending) {
      this.view.draw(sim, { positionsMoved: moved, seeds: sim.seeds(), hover: this.hover });
      this.dirty = false;
    }
  }

  /** Rings person `i` and shows what is known of them next to them (or at the pointer). */
  showTip(i, clientX, clientY) {
    const sim = this.sim;
    if (i !== this.hover) { this.hover = i; this.dirty = true; this.emit('hover', { i }); }
    if (i < 0 || !sim) { this.tooltip.hide(); return; }
    const info = sim.nodeInfo(i);
    const names = sim.stateNames.map((s) => t(s.replace(/ /g, '_')));
    const told = info.cause === 'seed' ? t('tt_seed') : info.cause === 'advertising' ? t('tt_ad') : info.told_by ?? '–';
    const html = `<strong>${escapeHtml(info.label)}</strong><br>${t('tt_degree')}: ${info.degree}<br>${t('tt_state')}: ${names[info.state]}`
      + (info.adopted_at !== null ? `<br>${t('tt_step')}: ${info.adopted_at}<br>${t('tt_told')}: ${escapeHtml(told)}` : '')
      + (info.segment !== null && info.segment !== undefined ? `<br>${t('seg_n', { s: info.segment })}` : '')
      + (sim.isMuted(i) ? `<br><em>${t('tt_muted')}</em>` : '');
    const rect = this.$('net-canvas').getBoundingClientRect();
    let x, y;
    if (clientX === undefined) {
      ({ x, y } = this.input.screenOf(sim, i)); // from the keyboard: next to the person
    } else {
      x = clientX - rect.left;
      y = clientY - rect.top;
    }
    this.tooltip.show(html, x, y, rect.width);
  }

  /** Is the network on screen one the user draws? */
  drawing() {
    return Boolean(this.sim) && String(this.running?.network).startsWith('drawn:');
  }

  /** Shows the whole drawing box (people stay where they were put as the drawing grows). */
  fitDrawing() {
    const pos = this.sim.positions();
    const box = new Float32Array(pos.length + 4);
    box.set(pos);
    box.set([0, 0, DRAW_BOX, DRAW_BOX], pos.length);
    this.view.fitTo(box, this.view.nodeRadius(this.sim.n) + 4 * this.view.dpr);
  }

  /** A click on no one while drawing: on a friendship, removes it; elsewhere, adds a person. */
  drawAt(clientX, clientY) {
    if (!this.drawing()) return;
    const sim = this.sim;
    const rect = this.$('net-canvas').getBoundingClientRect();
    const px = (clientX - rect.left) * this.view.dpr, py = (clientY - rect.top) * this.view.dpr;
    const pos = sim.positions();
    const cam = this.view.camera;
    const c = controlsOf(this.store.get());
    const links = String(c.netValues.edges || '').split('/').filter(Boolean);
    // the friendship under the pointer (within 6 CSS pixels of its line)
    let hit = -1, best = (6 * this.view.dpr) ** 2;
    links.forEach((l, k) => {
      const [a, b] = l.split('-').map(Number);
      const ax = cam.sx(pos[2 * a]), ay = cam.sy(pos[2 * a + 1]), bx = cam.sx(pos[2 * b]), by = cam.sy(pos[2 * b + 1]);
      const dx = bx - ax, dy = by - ay;
      const u = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy || 1)));
      const d = (ax + u * dx - px) ** 2 + (ay + u * dy - py) ** 2;
      if (d < best) { best = d; hit = k; }
    });
    if (hit >= 0) {
      this.store.set(withControls(this.store.get(), (x) => { x.netValues.edges = links.filter((_, k) => k !== hit).join('/'); }));
      return;
    }
    const w = cam.toWorld(px, py);
    const clamp = (v) => Math.round(10 * Math.max(0, Math.min(DRAW_BOX, v))) / 10;
    this.store.set(withControls(this.store.get(), (x) => { x.netValues.xy = `${x.netValues.xy}/${clamp(w.x)}_${clamp(w.y)}`; }));
  }

  /** A drag from person a to person b while drawing: they become friends. */
  drawLink(a, b) {
    if (!this.drawing()) return;
    this.store.set(withControls(this.store.get(), (x) => {
      const links = String(x.netValues.edges || '').split('/').filter(Boolean);
      if (links.includes(`${a}-${b}`) || links.includes(`${b}-${a}`)) return;
      x.netValues.edges = [...links, `${a}-${b}`].join('/');
    }));
  }

  /** What a click (or Enter on the focused person) does to person `i`: before the run, add a
   * seed to the scenario; during it, seed, mute or debunk, as the content panel says. */
  actOn(i) {
    const sim = this.sim;
    if (!sim) return;
    if (sim.stepCount() === 0) {
      // before the run: the click becomes part of the scenario (and of the address)
      const label = sim.nodeInfo(i).label;
      const current = sim.seeds().map((x) => sim.nodeInfo(x).label);
      this.store.set(withControls(this.store.get(), (c) => {
        if (c.seedMode !== 'click') { c.clicked = current; c.seedMode = 'click'; }
        if (!c.clicked.includes(label)) c.clicked.push(label);
      }));
      return;
    }
    const who = sim.nodeInfo(i).label;
    const status = this.$('content-status');
    try {
      if (this.clickAction === 'mute') { sim.muteNode(i); status.textContent = t('muted', { who }); }
      else if (this.clickAction === 'debunk') { sim.debunkNode(i); status.textContent = t('debunked', { who }); }
      else sim.seedNode(i);
    } catch (err) {
      this.showError(err, 'live-error');
    }
    this.controller.touched();
  }

  // ------------------------------------------------------------ a trapped engine

  /** The wasm instance trapped: drop it (and the simulation it held), start a fresh one, rebuild
   * the last scenario that worked and say so. Every button works again afterwards. */
  async recover() {
    this.controller.sim = null; // its instance is gone: nothing of it can be used or freed
    this.controller.pause();
    this.runner.cancel();
    await restartWasm();
    this.restarts++;
    if (this.running) this.store.set(this.running);
    await this.controller.build(this.store.get());
    this.$('engine-status').textContent = t('engine_restarted');
  }

  /** An uploaded file is read only when it is not empty and not over the page's limit. */
  fileFits(f) {
    this.clearError('net-error');
    if (f.size === 0) {
      this.$('net-error').textContent = t('err_empty_file', { name: f.name });
      return false;
    }
    const max = pageLimits().max_bytes;
    if (f.size > max) {
      this.$('net-error').textContent = t('err_big_file', { name: f.name, size: (f.size / 1048576).toFixed(1), max: Math.round(max / 1048576) });
      return false;
    }
    return true;
  }

  /** Takes down every part: listeners, workers, the simulation, the frame loop. */
  dispose() {
    cancelAnimationFrame(this.frameId);
    this.abort.abort();
    this.unsubscribe?.();
    this.stopTrap?.();
    for (const p of Object.values(this.panels ?? {})) p.detach();
    this.input?.dispose();
    this.view?.dispose();
    this.embed?.dispose();
    this.controller.dispose();
    this.runner.dispose();
    this.seedWorker.terminate();
    this.store.dispose();
  }
}
