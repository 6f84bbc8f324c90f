// Errors in the page: where each one is shown, and in which words. The core throws a JS Error
// whose `message` is the English text (the CLI's) and which carries `field` (a path such as
// `campaign.interventions[0].nodes`), `line`, `code` and `values` (see viralsim::error). An error
// goes next to its control by looking its field up in FIELD_CONTROLS (the exact path, then the
// path with its indices written `[]`); the page's language says it from the code's template in
// i18n.js (ERRORS), English keeps the core's text.
import { language } from './lang.js';
import { ERRORS, WORDS } from './error-strings.js';

/** Field path → [error slot next to the controls, the control itself (marked aria-invalid)]. */
export const FIELD_CONTROLS = {
  network: ['net-error', 'net-kind'],
  'network.n': ['net-error', 'net-n-num'],
  'network.m': ['net-error', 'net-m-num'],
  'network.p': ['net-error', 'net-p-num'],
  'network.k': ['net-error', 'net-k-num'],
  'network.pt': ['net-error', 'net-pt-num'],
  'network.gamma': ['net-error', 'net-gamma-num'],
  'network.kmin': ['net-error', 'net-kmin-num'],
  'network.kmax': ['net-error', 'net-kmin-num'],
  'network.rows': ['net-error', 'net-rows-num'],
  'network.cols': ['net-error', 'net-cols-num'],
  'network.sizes': ['net-error', 'net-size-num'],
  'network.pin': ['net-error', 'net-pin-num'],
  'network.pout': ['net-error', 'net-pout-num'],
  'network.directed': ['net-error', 'file'],
  'network.segments': ['net-error', 'seg-file'],
  'network.nodes': ['net-error', 'nodes-file'],
  nodes: ['net-error', 'nodes-file'],
  'edge list': ['net-error', 'file'],
  file: ['net-error', 'file'], // a line of the uploaded edge list (the core names no field)
  segments: ['net-error', 'seg-file'],
  address: ['net-error', null],
  scenario: ['net-error', null],
  positions: ['net-error', null],
  model: ['model-error', 'model-kind'],
  'model.kind': ['model-error', 'model-kind'],
  'model.p': ['model-error', 'model-p-num'],
  'model.q': ['model-error', 'model-q-num'],
  'model.beta': ['model-error', 'model-beta-num'],
  'model.gamma': ['model-error', 'model-gamma-num'],
  'model.theta': ['model-error', 'model-theta-num'],
  'model.k': ['model-error', 'model-k-num'],
  'model.weights': ['model-error', 'model-kind'],
  seeds: ['seed-error', 'seed-mode'],
  epsilon: ['seed-error', 'seed-mode'],
  seed: ['seed-error', 'rng-seed'],
  max_steps: ['seed-error', 'max-steps'],
  runs: ['mc-error', 'mc-runs'],
  threshold: ['mc-error', 'mc-threshold'],
  campaign: ['campaign-error', null],
  'campaign.ads': ['campaign-error', 'ad-impressions'],
  'campaign.ads.impressions_per_step': ['campaign-error', 'ad-impressions'],
  'campaign.ads.conversion': ['campaign-error', 'ad-conversion'],
  'campaign.ads.steps': ['campaign-error', 'ad-steps'],
  'campaign.ads.segment': ['campaign-error', 'ad-segment'],
  'campaign.costs': ['campaign-error', 'cost-seed'],
  'campaign.costs.per_seed': ['campaign-error', 'cost-seed'],
  'campaign.costs.per_seed_degree': ['campaign-error', 'cost-degree'],
  'campaign.costs.per_impression': ['campaign-error', 'cost-impression'],
  'campaign.decay': ['campaign-error', 'half-life'],
  'campaign.decay.half_life': ['campaign-error', 'half-life'],
  'campaign.decay.fatigue': ['campaign-error', 'fatigue'],
  'campaign.stickiness': ['campaign-error', 'stickiness'],
  'campaign.post_probability': ['campaign-error', 'post-prob'],
  'campaign.seed_segment': ['campaign-error', 'seed-segment'],
  'campaign.interventions': ['campaign-error', 'boost-at'],
  'campaign.interventions[]': ['campaign-error', 'boost-at'], // refined by its action below
  'campaign.interventions[].nodes': ['campaign-error', 'boost-at'],
  'campaign.interventions[].step': ['campaign-error', 'boost-at'],
  boost: ['live-error', 'boost-now'],
  debunk: ['live-error', 'click-action'],
  node: ['live-error', null],
  compare: ['cmp-error', 'cmp-go'],
  'compare.runs': ['cmp-error', 'cmp-go'],
  'compare.max_steps': ['cmp-error', 'cmp-go'],
  scenarios: ['cmp-error', 'cmp-go'],
  names: ['cmp-error', 'cmp-go'],
};

/** Errors whose fix lies in another control than the one just changed: the choice stays, and
 * that control is marked (choosing "the most reach for a budget" before a price is set). */
export const FIX_ELSEWHERE = { budget_price: 'cost-seed' };

/** The control of an intervention, by its action (the controls hold one of each). */
const ACTION_CONTROLS = { boost: 'boost-at', mute: 'mute-k', debunk: 'debunk-k' };

/** A field path with its indices written `[]` (`campaign.interventions[2]` → `…[]`). */
export function fieldPattern(field) {
  return String(field).replace(/\[\d+\]/g, '[]');
}

/** The field an error names: the core's `field`; a line of the edge list is the `file`; an
 * error made by the page itself names it first in its message (`runs: …`). */
function fieldOf(e) {
  if (e && typeof e === 'object' && 'code' in e) return e.field ?? (e.line != null ? 'file' : null);
  const m = /^([\w.[\]]+(?: list)?)(?: \([a-z]+\))?: /.exec(String(e?.message ?? e).replace(/^scenario: /, ''));
  return m ? m[1] : null;
}

/** Where an error goes: {slot, control} (slot: an element id; control: an id or null).
 * `interventions` are the scenario's, to name an intervention's control by its action. */
export function routeError(e, interventions = []) {
  const field = fieldOf(e);
  if (field === null) return { slot: 'net-error', control: null }; // a line of a file, or unknown
  const key = FIELD_CONTROLS[field] ? field : fieldPattern(field);
  const [slot, control] = FIELD_CONTROLS[key] ?? FIELD_CONTROLS[key.split(/[.[]/)[0]] ?? ['net-error', null];
  const iv = /^campaign\.interventions\[(\d+)\]/.exec(field);
  const action = iv && interventions[Number(iv[1])]?.action;
  return { slot, control: (action && ACTION_CONTROLS[action]) || control };
}

/** A number as French writes it (`1,5`, `200 000`), from its shortest exact text. */
function localNumber(x, lang) {
  if (typeof x !== 'number' || !Number.isFinite(x)) return String(x);
  const s = String(x);
  if (/e/i.test(s)) return x.toLocaleString(lang, { maximumSignificantDigits: 17 });
  const [int, frac] = s.split('.');
  const i = Number(int);
  const head = Object.is(i, -0) ? '-0' : i.toLocaleString(lang);
  return frac ? `${head}${(0.5).toLocaleString(lang).charAt(1)}${frac}` : head;
}

/** Helpers a template function gets: n (a number), q (a number, or a text quoted), w (a word). */
function helpers(lang) {
  const words = WORDS[lang] ?? {};
  const n = (x) => localNumber(x, lang);
  const q = (x) => (typeof x === 'number' ? n(x) : `« ${x} »`);
  const w = (x) => words[x] ?? String(x);
  return { n, q, w };
}

/** Fills a template: `{name}` a value (numbers written the language's way), `{name:q}` a text
 * value quoted, `{name:w}` a word translated. A function template gets (values, helpers). */
export function fillTemplate(template, values, lang) {
  const h = helpers(lang);
  const v = { ...values };
  // a position in a JSON text
  v.at = values.line ? ` (${h.w('line')} ${h.n(values.line)}, ${h.w('column')} ${h.n(values.column)})` : '';
  if (typeof template === 'function') return template(v, h);
  return template.replace(/\{(\w+)(?::([qw]))?\}/g, (_, k, mod) => {
    const x = v[k];
    if (x === undefined || x === null) return '';
    return mod === 'q' ? h.q(x) : mod === 'w' ? h.w(x) : typeof x === 'number' ? h.n(x) : String(x);
  });
}

/** The text of an error in the page's language: the core's English, or the code's template with
 * its field (or line) in front; an error the page made itself keeps its text. */
export function errorText(e, lang = language()) {
  const message = e?.message ?? String(e);
  const table = ERRORS[lang];
  if (!table || !e || typeof e !== 'object' || !e.code || !(e.code in table)) return message;
  const values = e.values ?? {};
  const reason = fillTemplate(table[e.code], values, lang);
  if (reason === null || reason === undefined) return message; // a free text: English only
  const { n, w } = helpers(lang);
  let place = e.field ?? (e.line != null ? `${w('line')} ${n(e.line)}` : '');
  if (e.field != null && e.line != null) place += ` : ${w('line')} ${n(e.line)}`;
  if (e.code === 'over_limit' && values.unit) place += ` (${w(values.unit)})`;
  return place ? `${place} : ${reason}` : reason;
}

/** An error made by the page itself in the core's form, so that it is routed and translated the
 * same way (`message` is its English text). */
export function pageError(message, field, code, values = {}) {
  return Object.assign(new Error(message), { field, line: null, code, values });
}

/** What a worker posts about an error (a JS Error's own fields do not survive postMessage). */
export function errorData(e) {
  const { field = null, line = null, code = null, values = null } = e && typeof e === 'object' ? e : {};
  return { message: e?.message || String(e), field, line, code, values };
}

/** The Error a worker's `errorData` describes. */
export function errorFromData(data) {
  if (typeof data === 'string') return new Error(data);
  const e = new Error(data.message);
  if (data.code) Object.assign(e, { field: data.field, line: data.line, code: data.code, values: data.values });
  return e;
}
