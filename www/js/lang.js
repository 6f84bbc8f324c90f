// The languages of viralsim, and the one of the page: its document's `lang` (no state of this
// module's own: each <viral-sim> has its language as an attribute). Small on purpose: the element
// imports it without the full page's dictionary.

/** The languages every dictionary has. */
export const LANGS = ['en', 'fr'];

export function setLanguage(l) {
  document.documentElement.lang = LANGS.includes(l) ? l : 'en';
}

export function language() {
  const l = globalThis.document?.documentElement.lang;
  return LANGS.includes(l) ? l : 'en';
}

/** The string for `key` of `table` in language `l` (English when `l` lacks it, the key when
 * both do), its `{name}` placeholders filled from `vars`. */
export function fill(table, l, key, vars = {}) {
  const s = table[l]?.[key] ?? table.en[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k) => (k in vars ? String(vars[k]) : `{${k}}`));
}
