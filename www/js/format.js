// Numbers and text as the page writes them, in its language.
import { language } from './lang.js';

/** A number with at most `d` decimals, the language's way ('–' for none). */
export function fmt(x, d = 2) {
  return x === null || x === undefined || Number.isNaN(x) ? '–' : Number(x).toLocaleString(language(), { maximumFractionDigits: d });
}

/** A share as a percentage a person can read: 2 significant digits under 1 % (1 of 4,039 is
 * 0.025 %, not 0 %), one decimal above. */
export function pct(fraction) {
  if (fraction === null || fraction === undefined || Number.isNaN(fraction)) return '–';
  const x = 100 * fraction;
  if (x === 0 || x >= 1) return fmt(x, 1);
  return Number(x.toPrecision(2)).toLocaleString(language(), { maximumSignificantDigits: 2 });
}

/** Text made safe to put in HTML. */
export function escapeHtml(s) {
  return String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
}
