// One chapter on screen: its text, its <viral-sim> widgets, its own controls, the task box and
// the "Open in the lab" link. A chapter's code (chapters.js) gets this object and adds to it;
// `dispose()` removes every listener it added (one AbortController), runs its clean-ups (workers)
// and takes its DOM away, which disconnects the widgets so that they free their simulations.
import { LEARN, fill } from './strings.js';
import { loadWasm, scenarioToAddress } from '../sim.js';

/** A DOM element: `h('p', {class: 'x'}, 'text', child…)`; attributes set as attributes, except
 * `html` (trusted markup from strings.js) and `on*` (none: listeners go through `view.on`). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'html') el.innerHTML = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  el.append(...children.filter((c) => c !== null && c !== undefined));
  return el;
}

export class ChapterView {
  /** `index`: 0-based; `lang`: en or fr; `onDone(index)`: the task was met. */
  constructor({ index, total, lang, onDone }) {
    this.index = index;
    this.lang = lang;
    this.ui = LEARN[lang].ui;
    this.text = LEARN[lang].chapters[index];
    this.listeners = new AbortController();
    this.cleanups = [];
    this.widgets = [];
    this.isDone = false;
    this.onDone = onDone;
    this.labWidget = null;
    this.readyWaiters = [];

    const id = `ch${index + 1}`;
    this.verdict = h('p', { class: 'verdict', role: 'status', 'aria-live': 'polite' });
    this.taskText = h('p', { class: 'task-text', html: this.text.task });
    this.figures = h('div', { class: 'figures' });
    this.extra = h('div', { class: 'extra' });
    this.labLink = h('a', { class: 'lab-link', href: 'index.html' }, this.ui.open_lab);
    this.heading = h('h2', { id: `${id}-title`, tabindex: '-1', html: this.text.title });
    const terms = h('dl', {});
    for (const [term, meaning] of this.text.terms) terms.append(h('dt', { html: term }), h('dd', { html: meaning }));
    this.root = h('article', { class: 'chapter', 'aria-labelledby': `${id}-title`, 'data-chapter': String(index + 1) },
      h('div', { class: 'text' },
        h('p', { class: 'kicker' }, fill(this.ui.chapter_of, { n: index + 1, total })),
        this.heading,
        ...this.text.body.map((p) => h('p', { html: p }))),
      h('div', { class: 'lab' },
        this.figures,
        this.extra,
        h('section', { class: 'task', 'aria-labelledby': `${id}-task` },
          h('h3', { id: `${id}-task` }, this.ui.task),
          this.taskText,
          h('details', { class: 'hint' }, h('summary', {}, this.ui.hint), h('p', { html: this.text.hint })),
          this.verdict),
        h('p', { class: 'lab-line' }, this.labLink, h('span', { class: 'muted' }, ` — ${this.ui.open_lab_help}`))),
      h('aside', { class: 'terms', 'aria-labelledby': `${id}-terms` },
        h('h3', { id: `${id}-terms` }, this.ui.terms),
        terms));
  }

  /** This chapter's text `key` with its {names} filled in. */
  t(key, vars) {
    return fill(this.text[key], vars);
  }

  /** A number in the page's language. */
  num(x, digits = 0) {
    return Number(x).toLocaleString(this.lang, { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  }

  /** Adds a listener that goes away with the chapter. */
  on(target, type, fn, options = {}) {
    target.addEventListener(type, fn, { ...options, signal: this.listeners.signal });
  }

  /** Runs `fn` when the chapter is left (workers, timers). */
  cleanup(fn) {
    this.cleanups.push(fn);
  }

  /** A <viral-sim> of `scenario` (an address) in a figure with a caption; the first one (or
   * the one passed to `lab`) gives the "Open in the lab" link its scenario. */
  widget(scenario, { controls = 'play step reset speed', caption = null, height = null } = {}) {
    const w = document.createElement('viral-sim');
    w.setAttribute('scenario', scenario);
    w.setAttribute('controls', controls);
    w.setAttribute('lang', this.lang);
    if (height) w.setAttribute('height', String(height));
    const name = caption ?? this.text.title.replace(/<[^>]+>/g, '');
    w.setAttribute('aria-label', fill(this.ui.figure, { name }));
    const fig = h('figure', {}, w, caption ? h('figcaption', {}, caption) : null);
    this.figures.append(fig);
    this.figures.classList.toggle('two', this.widgets.length >= 1);
    this.widgets.push(w);
    this.labWidget ??= w;
    this.on(w, 'viralsim:ready', () => {
      if (w === this.labWidget) this.updateLab();
      if (this.widgets.every((x) => x.state.ready)) for (const f of this.readyWaiters.splice(0)) f();
    });
    return w;
  }

  /** Calls `fn` once every widget of the chapter is ready. */
  whenReady(fn) {
    this.readyWaiters.push(fn);
  }

  /** Points "Open in the lab" at the scenario of `w` (in the page's language). */
  async updateLab(w = this.labWidget) {
    const scenario = w?.scenario;
    if (!scenario) return;
    await loadWasm();
    let address;
    try {
      address = scenarioToAddress(scenario).replace(/^#/, '');
    } catch {
      return; // the widget shows what is wrong with it
    }
    this.labLink.href = `index.html#${address}${this.lang === 'fr' ? '&lang=fr' : ''}`;
  }

  /** The task is met: says so (and stays so while the chapter is on screen). */
  done(message) {
    this.verdict.textContent = '';
    this.verdict.append(h('strong', {}, this.ui.done), ' ', message.replace(/^(You did it!|Bravo\s!)\s*/, ''));
    this.verdict.classList.add('done');
    this.verdict.classList.remove('note');
    if (!this.isDone) {
      this.isDone = true;
      this.onDone?.(this.index);
    }
  }

  /** Not met yet: a note on what happened (kept out once the task is met). */
  note(message) {
    if (this.isDone) return;
    this.verdict.textContent = message;
    this.verdict.classList.add('note');
  }

  /** Fills the task's {names} (a chapter whose task quotes a number computed on the spot). */
  setTask(vars) {
    this.taskText.innerHTML = fill(this.text.task, vars);
  }

  dispose() {
    this.listeners.abort();
    for (const fn of this.cleanups.splice(0)) {
      try { fn(); } catch { /* a clean-up never stops the others */ }
    }
    this.readyWaiters = [];
    this.root.remove(); // the widgets free themselves on disconnect
    this.widgets = [];
  }
}
