// The one mapping between a scenario (the core's JSON shape, as the store holds it) and the values
// the page's controls show. Panels read their slice with `controlsOf(scenario)` and write back
// with `scenarioOf({...controlsOf(scenario), <what they changed>})`: a scenario that went through
// the controls comes back the same (a computed strategy's options, sbm sizes, interventions the
// controls cannot show: all ride along). Pure functions, no DOM, no state.
import { NETWORKS, MODELS, modelParams, PASS_THROUGH, networkSpec, parseNetworkSpec } from './scenario.js';

/** Seeding strategies shown as "k people by …" (the others: random, top, click, budget). */
export const STRATEGIES = ['pagerank', 'kcore', 'degree-discount', 'imm', 'celf'];

/** The interventions each control holds one of (the rest ride along unchanged). */
const NO_CONTENT = { halfLife: 0, fatigue: 0, post: 1, stickiness: '', seedSegment: '', boostAt: 0, muteK: 0, muteAt: 2, debunkK: 0, debunkAt: 2 };

/** The scenario the page opens on. */
export const DEFAULT_SCENARIO = Object.freeze({ network: 'karate', model: { kind: 'ic', p: 0.3 }, seeds: 'random:1', seed: 1, max_steps: 1000 });

/** The controls' values of a scenario (numbers as the inputs show them). `valid: false` when the
 * network is not one the page can show (the spec is kept in `network`). */
export function controlsOf(s) {
  const c = {
    netKind: 'karate', netValues: {}, fileName: null, segName: null, networkKnown: true,
    model: 'ic', modelValues: {},
    seedMode: 'random', k: 1, budget: 100, seedOptions: '', clicked: [],
    seed: 1, maxSteps: 1000,
    ads: { impressions: 0, conversion: 0.02, steps: 5 }, adSegment: '',
    costs: { per_seed: 0, per_seed_degree: 0, per_impression: 0 },
    content: { ...NO_CONTENT }, extraInterventions: [],
  };
  const net = parseNetworkSpec(s.network);
  if (net) {
    c.netKind = net.kind;
    c.netValues = { ...net.values };
    for (const [name, , , , , def] of NETWORKS[net.kind].params) if (c.netValues[name] === undefined) c.netValues[name] = String(def);
    c.fileName = net.fileName ?? null;
    c.segName = net.segName ?? null;
  } else {
    c.networkKnown = false;
  }
  if (s.model && s.model.kind in MODELS) {
    c.model = s.model.kind;
    for (const [k, v] of Object.entries(s.model)) if (k !== 'kind') c.modelValues[k] = String(v);
  }
  for (const [name, , , , , def] of modelParams(c.model, c.modelValues)) {
    if (c.modelValues[name] === undefined) c.modelValues[name] = String(def);
  }
  const seeds = String(s.seeds || 'none');
  if (seeds.startsWith('random:')) { c.seedMode = 'random'; c.k = Number(seeds.slice(7)); }
  else if (seeds.startsWith('top-degree:')) { c.seedMode = 'top'; c.k = Number(seeds.slice(11)); }
  else if (seeds.startsWith('budget:')) {
    const [b, ...opts] = seeds.slice(7).split(',');
    c.seedMode = 'budget'; c.budget = Number(b); c.seedOptions = opts.length ? ',' + opts.join(',') : '';
  } else if (STRATEGIES.includes(seeds.split(':')[0])) {
    // e.g. imm:5,epsilon=0.2: the options ride along unchanged
    const [kind, rest] = seeds.split(/:(.*)/s);
    const [k, ...opts] = rest.split(',');
    c.seedMode = kind; c.k = Number(k); c.seedOptions = opts.length ? ',' + opts.join(',') : '';
  } else { c.seedMode = 'click'; c.clicked = seeds.startsWith('nodes:') ? seeds.slice(6).split(',') : []; }
  c.seed = s.seed ?? 1;
  c.maxSteps = s.max_steps ?? 1000;
  const g = s.campaign || {};
  if (g.ads) c.ads = { impressions: g.ads.impressions_per_step, conversion: g.ads.conversion, steps: g.ads.steps };
  c.adSegment = segmentControl(g.ads?.segment);
  c.costs = { ...c.costs, ...(g.costs || {}) };
  const content = { ...NO_CONTENT, halfLife: g.decay?.half_life ?? 0, fatigue: g.decay?.fatigue ?? 0, post: g.post_probability ?? 1,
    stickiness: stickinessText(g.stickiness), seedSegment: segmentControl(g.seed_segment) };
  for (const iv of g.interventions || []) {
    // each control holds one intervention of its form; anything else rides along unchanged
    const m = /^(top-degree|random):(\d+)$/.exec(iv.nodes || '');
    if (iv.action === 'boost' && !content.boostAt) content.boostAt = iv.step;
    else if (iv.action === 'mute' && m?.[1] === 'top-degree' && !content.muteK) { content.muteK = Number(m[2]); content.muteAt = iv.step; }
    else if (iv.action === 'debunk' && m?.[1] === 'random' && !content.debunkK) { content.debunkK = Number(m[2]); content.debunkAt = iv.step; }
    else c.extraInterventions.push(iv);
  }
  c.content = content;
  return c;
}

/** A segment of the scenario (its number, or its name; absent: everyone) as a segment
 * selector's value: its JSON (`2`, `"France"`), so that a name made of digits stays a name. */
export function segmentControl(ref) {
  return ref === undefined || ref === null ? '' : JSON.stringify(ref);
}

/** The stickiness field's text: `1/0.5/2` (one value per segment) or `France=1.5, Germany=0.8`. */
export function stickinessText(st) {
  if (!st) return '';
  return Array.isArray(st) ? st.join('/') : Object.entries(st).map(([k, v]) => `${k}=${v}`).join(', ');
}

/** The stickiness field as the scenario holds it (`null` for text it cannot be: the field says
 * how it should read). */
export function parseStickiness(text) {
  const t = String(text).trim();
  if (!t) return null;
  const num = (x) => (x.trim() !== '' && Number(x) >= 0 ? Number(x) : NaN);
  if (!t.includes('=')) {
    const v = t.split('/').map(num);
    return v.some(Number.isNaN) ? null : v;
  }
  const out = {};
  for (const part of t.split(',')) {
    const i = part.indexOf('=');
    const name = part.slice(0, i).trim();
    if (i < 0 || !name || Number.isNaN(num(part.slice(i + 1))) || name in out) return null;
    out[name] = num(part.slice(i + 1));
  }
  return out;
}

/** The seeds field of the controls. */
export function seedsOf(c) {
  if (c.seedMode === 'random') return `random:${c.k}`;
  if (c.seedMode === 'top') return `top-degree:${c.k}`;
  if (c.seedMode === 'budget') return `budget:${c.budget}${c.seedOptions ?? ''}`;
  if (STRATEGIES.includes(c.seedMode)) return `${c.seedMode}:${c.k}${c.seedOptions ?? ''}`;
  return c.clicked.length ? `nodes:${c.clicked.join(',')}` : 'none';
}

/** The scenario the controls describe (`network`: kept as given when the page cannot show it). */
export function scenarioOf(c, network = null) {
  const model = { kind: c.model };
  for (const [name, , , , , def] of modelParams(c.model, c.modelValues)) model[name] = Number(c.modelValues[name] ?? def);
  for (const name of PASS_THROUGH) if (c.modelValues[name] !== undefined) model[name] = c.modelValues[name];
  const s = {
    network: network ?? networkSpec(c.netKind, c.netValues, c.fileName, c.segName),
    model,
    seeds: seedsOf(c),
    seed: Number(c.seed),
    max_steps: Number(c.maxSteps),
  };
  const campaign = {};
  if (Number(c.ads.impressions) > 0) {
    campaign.ads = { impressions_per_step: Number(c.ads.impressions), conversion: Number(c.ads.conversion), steps: Number(c.ads.steps) };
    if (c.adSegment !== '') campaign.ads.segment = JSON.parse(c.adSegment);
  }
  const k = c.content;
  if (Number(k.halfLife) > 0 || Number(k.fatigue) > 0) {
    campaign.decay = {};
    if (Number(k.halfLife) > 0) campaign.decay.half_life = Number(k.halfLife);
    if (Number(k.fatigue) > 0) campaign.decay.fatigue = Number(k.fatigue);
  }
  if (String(k.stickiness).trim()) campaign.stickiness = parseStickiness(k.stickiness);
  if (Number(k.post) !== 1) campaign.post_probability = Number(k.post);
  if (k.seedSegment !== '') campaign.seed_segment = JSON.parse(k.seedSegment);
  const iv = [];
  if (Number(k.boostAt) > 0) iv.push({ step: Number(k.boostAt), action: 'boost' });
  if (Number(k.muteK) > 0) iv.push({ step: Number(k.muteAt), action: 'mute', nodes: `top-degree:${Number(k.muteK)}` });
  if (Number(k.debunkK) > 0) iv.push({ step: Number(k.debunkAt), action: 'debunk', nodes: `random:${Number(k.debunkK)}` });
  iv.push(...c.extraInterventions);
  if (iv.length) campaign.interventions = iv;
  if (Object.values(c.costs).some((x) => Number(x) !== 0)) {
    campaign.costs = Object.fromEntries(Object.entries(c.costs).map(([key, v]) => [key, Number(v)]));
  }
  if (Object.keys(campaign).length) s.campaign = campaign;
  return s;
}

/** `scenario` with some controls changed: `change(controls)` edits a copy of its controls. */
export function withControls(scenario, change) {
  const c = structuredClone(controlsOf(scenario));
  change(c);
  return scenarioOf(c, c.networkKnown ? null : scenario.network);
}

/** Same scenario? (the JSON text of both, keys in the order the controls write them). */
export function sameScenario(a, b) {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
