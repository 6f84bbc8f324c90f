// What can be chosen in the page, and the controls' values <-> network spec mapping. The scenario
// object is the one the CLI reads (`viralsim run --scenario`): {network, model, seeds, seed,
// max_steps, campaign?}.

/** Network shapes: parameter name in the spec, label key, slider range, default. */
export const NETWORKS = {
  karate: { params: [] },
  facebook: { params: [] },
  ba: { params: [['n', 'p_n', 10, 20000, 1, 300], ['m', 'p_m', 1, 10, 1, 2]] },
  er: { params: [['n', 'p_n', 10, 20000, 1, 300], ['p', 'p_p_er', 0, 0.2, 0.001, 0.015]] },
  ws: { params: [['n', 'p_n', 10, 20000, 1, 300], ['k', 'p_k_ws', 2, 20, 2, 6], ['p', 'p_p_ws', 0, 1, 0.01, 0.1]] },
  hk: { params: [['n', 'p_n', 10, 20000, 1, 300], ['m', 'p_m', 1, 10, 1, 2], ['pt', 'p_pt', 0, 1, 0.01, 0.5]] },
  sbm: { params: [['groups', 'p_groups', 2, 8, 1, 3], ['size', 'p_size', 5, 3000, 1, 60], ['pin', 'p_pin', 0, 1, 0.005, 0.15], ['pout', 'p_pout', 0, 0.2, 0.001, 0.004]] },
  grid: { params: [['rows', 'p_rows', 2, 150, 1, 20], ['cols', 'p_cols', 2, 150, 1, 20]] },
  ring: { params: [['n', 'p_n', 5, 5000, 1, 100], ['k', 'p_k_ring', 2, 20, 2, 4]] },
  star: { params: [['n', 'p_n', 2, 5000, 1, 40]] },
  path: { params: [['n', 'p_n', 2, 5000, 1, 30]] },
  gnm: { params: [['n', 'p_n', 10, 20000, 1, 300], ['m', 'p_m_gnm', 0, 200000, 1, 600]] },
  powerlaw: { params: [['n', 'p_n', 10, 20000, 1, 1000], ['gamma', 'p_gamma', 1.5, 4, 0.05, 2.5], ['kmin', 'p_kmin', 1, 10, 1, 2]] },
  complete: { params: [['n', 'p_n', 2, 300, 1, 30]] },
  drawn: { params: [] },
  file: { params: [] },
};

/** The drawing "Draw your own" starts from: three friends and a fourth person (world units,
 * the drawing's box is 0–100 on both axes). */
export const DRAWN_START = { xy: '30_60/50_30/70_60/85_25', edges: '0-1/1-2/2-0' };

/** Models: parameter, label key, slider range, default. */
export const MODELS = {
  ic: [['p', 'par_p_ic', 0, 1, 0.01, 0.3]],
  lt: [],
  sir: [['beta', 'par_beta', 0, 1, 0.01, 0.2], ['gamma', 'par_gamma', 0.01, 1, 0.01, 0.3]],
  sis: [['beta', 'par_beta', 0, 1, 0.01, 0.2], ['gamma', 'par_gamma', 0, 1, 0.01, 0.3]],
  threshold: [['theta', 'par_theta', 0.05, 1, 0.05, 0.25]],
  rumor: [],
  bass: [['p', 'par_p_bass', 0, 0.2, 0.005, 0.01], ['q', 'par_q_bass', 0, 1, 0.01, 0.3]],
};

/** Parameters shown instead of the defaults when a scenario uses them (threshold by count). */
export const ALT_PARAMS = { threshold: { k: ['k', 'par_k', 1, 20, 1, 2], replaces: 'theta' } };

/** The sliders of a model given its current values. */
export function modelParams(kind, values) {
  const alt = ALT_PARAMS[kind];
  if (alt && values.k !== undefined) return MODELS[kind].map((p) => (p[0] === alt.replaces ? alt.k : p));
  return MODELS[kind];
}

/** Model fields that have no slider but must survive a round trip through the page. */
export const PASS_THROUGH = ['weights'];

/** The network spec string for a kind and its parameter values (`ba:n=300,m=2`). */
export function networkSpec(kind, values, fileName, segName) {
  if (kind === 'file') {
    // the core's order: name, directed, segments, then format=, header=, segment_by=, nodes=
    const opts = String(values.fileOptions || '').split(',').filter(Boolean);
    const directed = opts.includes('directed') ? ',directed' : '';
    const ORDER = ['format', 'header', 'segment_by', 'nodes'];
    const rank = (o) => { const i = ORDER.indexOf(o.split('=')[0]); return i < 0 ? ORDER.length : i; };
    const rest = opts.filter((o) => o !== 'directed').sort((x, y) => rank(x) - rank(y)).map((o) => `,${o}`).join('');
    return `file:${fileName || 'upload.txt'}${directed}${segName ? `,segments=${segName}` : ''}${rest}`;
  }
  if (kind === 'drawn') return `drawn:xy=${values.xy || DRAWN_START.xy}${values.edges ? `,edges=${values.edges}` : ''}`;
  if (kind === 'sbm') {
    // sizes from a URL or file are kept as they are; the sliders make equal groups
    const sizes = values.sizes ?? Array(Number(values.groups)).fill(values.size).join('/');
    return `sbm:sizes=${sizes},pin=${values.pin},pout=${values.pout}`;
  }
  const ps = NETWORKS[kind].params.map(([name]) => `${name}=${values[name]}`);
  return ps.length ? `${kind}:${ps.join(',')}` : kind;
}

/** Inverse of networkSpec: {kind, values} from a spec string (unknown → null). */
export function parseNetworkSpec(spec) {
  const [kind, rest = ''] = String(spec).split(/:(.*)/s);
  if (!(kind in NETWORKS)) return null;
  const values = {};
  if (kind === 'file') {
    // file:NAME[,directed][,segments=SEGNAME][,format=F][,header=H][,segment_by=A][,nodes=N]
    const [name, ...parts] = rest.split(',');
    const seg = parts.find((p) => p.startsWith('segments='));
    const opts = parts.filter((p) => p !== seg);
    if (opts.length) values.fileOptions = opts.join(',');
    return { kind, values, fileName: name, segName: seg ? seg.slice(9) : null };
  }
  for (const part of rest.split(',').filter(Boolean)) {
    const [k, v] = part.split('=');
    values[k] = v;
  }
  if (kind === 'sbm' && values.sizes) {
    const sizes = values.sizes.split('/');
    values.groups = String(sizes.length);
    values.size = sizes[0];
  }
  return { kind, values };
}

// The address (URL hash) is read and written by the core (`parseAddress`, `scenarioToAddress` in
// sim.js): the same parser as `viralsim run --address`.
