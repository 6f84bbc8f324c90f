// The Learn page's shell: reads the chapter and the language from the address
// (`#chapter=3&lang=fr`), shows that chapter (a ChapterView), and keeps the chapter list, the
// Previous / Next buttons and the language selector in step. Leaving a chapter disposes of its
// view (listeners, workers, widgets). All state lives in the LearnPage object.
import { LEARN, LANGS, fill } from './strings.js';
import { CHAPTERS } from './chapters.js';
import { ChapterView, h } from './view.js';

/** {chapter (1-based), lang} from an address's hash; missing or bad values fall back. */
export function readHash(hash, total = CHAPTERS.length) {
  const params = new URLSearchParams(String(hash).replace(/^#/, ''));
  const n = Number.parseInt(params.get('chapter') ?? '1', 10);
  const lang = params.get('lang');
  return {
    chapter: Number.isInteger(n) && n >= 1 && n <= total ? n : 1,
    lang: LANGS.includes(lang) ? lang : 'en',
  };
}

export function writeHash({ chapter, lang }) {
  return `#chapter=${chapter}${lang === 'en' ? '' : `&lang=${lang}`}`;
}

export class LearnPage {
  constructor(doc) {
    this.doc = doc;
    this.win = doc.defaultView;
    const q = (s) => doc.querySelector(s);
    this.el = {
      title: q('[data-learn=title]'), subtitle: q('[data-learn=subtitle]'), back: q('[data-learn=back]'),
      langLabel: q('[data-learn=lang-label]'), lang: q('#learn-lang'), toc: q('#learn-toc'), tocTitle: q('[data-learn=toc-title]'),
      main: q('#learn-main'), skip: q('[data-learn=skip]'), pager: q('[data-learn=pager]'), prev: q('#learn-prev'), next: q('#learn-next'), where: q('#learn-where'),
    };
    this.current = null; // {chapter, lang, view}
    this.done = new Set(); // chapters whose task was met during this visit
    this.focusNext = false; // the next chapter shown takes the focus (Previous, Next, the list)
    this.listeners = new AbortController();
  }

  start() {
    const { signal } = this.listeners;
    this.win.addEventListener('hashchange', () => this.show(readHash(this.win.location.hash)), { signal });
    this.el.prev.addEventListener('click', () => this.go(this.current.chapter - 1, { focus: true }), { signal });
    this.el.next.addEventListener('click', () => {
      // after the last chapter, the lab (the full page) with that chapter's scenario: no dead end
      if (this.current.chapter >= CHAPTERS.length) {
        const lab = this.current.view.root.querySelector('a[href^="index.html"]');
        this.win.location.href = lab ? lab.href : 'index.html';
        return;
      }
      this.go(this.current.chapter + 1, { focus: true });
    }, { signal });
    this.el.lang.addEventListener('change', () => this.navigate({ chapter: this.current.chapter, lang: this.el.lang.value }), { signal });
    this.el.toc.addEventListener('click', (e) => {
      const a = e.target.closest('a[data-chapter]');
      if (a) this.focusNext = true; // the hashchange shows it; its heading then takes focus
    }, { signal });
    // the skip link moves the focus only: the address keeps naming the chapter
    this.el.skip.addEventListener('click', (e) => { e.preventDefault(); this.el.main.focus(); }, { signal });
    this.show(readHash(this.win.location.hash));
  }

  /** Goes to chapter `n` (1-based) in the current language. */
  go(n, { focus = false } = {}) {
    if (n < 1 || n > CHAPTERS.length) return;
    this.focusNext = focus;
    this.navigate({ chapter: n, lang: this.current.lang });
  }

  /** Writes the address (a history entry); the hashchange shows the chapter. */
  navigate(where) {
    const hash = writeHash(where);
    if (this.win.location.hash === hash || (hash === '#chapter=1' && !this.win.location.hash)) this.show(where);
    else this.win.location.hash = hash;
  }

  show({ chapter, lang }) {
    const cur = this.current;
    if (cur && cur.chapter === chapter && cur.lang === lang) return;
    cur?.view.dispose();
    const doc = this.doc;
    doc.body.dataset.ready = 'false';
    const ui = LEARN[lang].ui;
    if (!cur || cur.lang !== lang) this.localize(lang);
    const view = new ChapterView({ index: chapter - 1, total: CHAPTERS.length, lang, onDone: (i) => { this.done.add(i); this.renderToc(); } });
    this.current = { chapter, lang, view };
    this.el.main.append(view.root);
    view.whenReady(() => { if (this.current?.view === view) doc.body.dataset.ready = 'true'; });
    const mounted = (async () => CHAPTERS[chapter - 1](view))();
    mounted.catch((e) => { if (this.current?.view === view) view.note(String(e?.message ?? e)); });
    doc.title = `${view.text.title.replace(/<[^>]+>/g, '')} — ${ui.doc_title}`;
    this.el.prev.disabled = chapter <= 1;
    this.el.next.disabled = false;
    this.el.next.querySelector('.label').textContent = chapter >= CHAPTERS.length ? ui.to_lab : ui.next;
    this.el.where.textContent = fill(ui.chapter_of, { n: chapter, total: CHAPTERS.length });
    this.renderToc();
    if (this.focusNext) {
      this.focusNext = false;
      view.heading.focus({ preventScroll: true });
      this.win.scrollTo(0, 0);
    }
  }

  /** The page's own words in `lang`. */
  localize(lang) {
    const ui = LEARN[lang].ui;
    const e = this.el;
    this.doc.documentElement.lang = lang;
    e.title.textContent = ui.title;
    e.subtitle.textContent = ui.subtitle;
    e.back.textContent = ui.back;
    e.back.setAttribute('aria-label', ui.back_label);
    e.back.href = lang === 'en' ? 'index.html' : `index.html#lang=${lang}`;
    e.langLabel.textContent = ui.language;
    e.lang.value = lang;
    e.skip.textContent = ui.skip;
    e.pager.setAttribute('aria-label', ui.pager);
    e.tocTitle.textContent = ui.chapters;
    e.toc.setAttribute('aria-label', ui.chapters);
    e.prev.querySelector('.label').textContent = ui.previous;
    e.next.querySelector('.label').textContent = ui.next;
  }

  renderToc() {
    const { chapter, lang } = this.current;
    const ui = LEARN[lang].ui;
    const list = this.el.toc.querySelector('ol');
    list.textContent = '';
    LEARN[lang].chapters.forEach((c, i) => {
      const a = h('a', { href: writeHash({ chapter: i + 1, lang }), 'data-chapter': String(i + 1), 'aria-current': i + 1 === chapter ? 'page' : null, html: c.title });
      if (this.done.has(i)) a.append(h('span', { class: 'tick', 'aria-hidden': 'true' }, ' ✓'), h('span', { class: 'sr' }, ` (${ui.done_mark})`));
      list.append(h('li', {}, a));
    });
  }

  dispose() {
    this.listeners.abort();
    this.current?.view.dispose();
    this.current = null;
  }
}
