// What every panel of the page shares: a custom element around its own controls (light DOM, in
// index.html), given the app's parts by `attach(app)`. It reads its slice of the scenario from the
// store (`render(scenario)` on every change) and writes it back through `change(fn)`; it is told
// when the language changes (`localize()`). Every listener it adds goes through `on`, and all are
// removed when it is detached or leaves the document.
import { t } from '../i18n.js';
import { controlsOf, withControls } from '../controls.js';

export class Panel extends HTMLElement {
  /** Wires the panel to the app (again: the old wiring goes first). */
  attach(app) {
    this.detach();
    this.app = app;
    this.abort = new AbortController();
    this.setup();
    this.unsubscribe = app.store.subscribe((s, prev) => this.render(s, prev));
    this.on(app, 'language', () => { this.localize(); this.render(app.store.get(), null); });
    this.localize();
    this.render(app.store.get(), null);
  }

  /** Removes every listener and subscription. */
  detach() {
    this.abort?.abort();
    this.abort = null;
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  disconnectedCallback() {
    this.detach();
  }

  /** `target.addEventListener`, undone by `detach`. */
  on(target, type, fn) {
    target.addEventListener(type, fn, { signal: this.abort.signal });
  }

  /** One of this panel's elements. */
  part(id) {
    return this.querySelector(`#${id}`);
  }

  get scenario() {
    return this.app.store.get();
  }

  /** The controls' values of the scenario (see controls.js). */
  get controls() {
    return controlsOf(this.scenario);
  }

  /** Changes the scenario through its controls: `fn(controls)` edits them. */
  change(fn) {
    this.app.store.set(withControls(this.scenario, fn));
  }

  setup() {}
  render() {}
  localize() {}
}

/** Fills a <select> with `keys`, labelled by `prefix + key`. */
export function fillSelect(sel, keys, prefix) {
  const cur = sel.value;
  sel.innerHTML = '';
  for (const k of keys) {
    const o = document.createElement('option');
    o.value = k;
    o.textContent = t(prefix + k);
    sel.appendChild(o);
  }
  if (keys.includes(cur)) sel.value = cur;
}

/** Sliders with number boxes in `box` for `specs` ([name, label key, min, max, step, default]),
 * drawn again only when `key` (which sliders) changes; otherwise their values are set (a box
 * being typed in keeps its text). `onInput(name, value, commit)`: commit on release / change. */
export function paramRows(box, idPrefix, key, specs, values, onInput, signal) {
  if (box.dataset.key !== key || box.dataset.lang !== document.documentElement.lang) {
    box.dataset.key = key;
    box.dataset.lang = document.documentElement.lang;
    box.dataset.gen = String(Number(box.dataset.gen || 0) + 1);
    box.innerHTML = '';
    for (const [name, labelKey, min, max, step, def] of specs) {
      const id = `${idPrefix}-${name}`;
      const row = document.createElement('div');
      row.className = 'param';
      const label = document.createElement('label');
      label.htmlFor = id;
      label.textContent = t(labelKey);
      const line = document.createElement('div');
      line.className = 'row';
      const value = values[name] ?? String(def);
      const range = document.createElement('input');
      Object.assign(range, { type: 'range', id, min, max, step, value });
      range.setAttribute('aria-label', t(labelKey));
      const num = document.createElement('input');
      Object.assign(num, { type: 'number', id: id + '-num', step, value });
      num.setAttribute('aria-label', t(labelKey));
      range.addEventListener('input', () => { num.value = range.value; onInput(name, range.value, false); }, { signal });
      range.addEventListener('change', () => onInput(name, range.value, true), { signal });
      num.addEventListener('change', () => { range.value = num.value; onInput(name, num.value, true); }, { signal });
      line.append(range, num);
      row.append(label, line);
      box.appendChild(row);
    }
    return;
  }
  for (const [name, , , , , def] of specs) {
    const value = String(values[name] ?? def);
    const range = box.querySelector(`#${idPrefix}-${name}`);
    const num = box.querySelector(`#${idPrefix}-${name}-num`);
    if (range && range.value !== value) range.value = value;
    if (num && num.value !== value) num.value = value;
  }
}
