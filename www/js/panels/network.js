// The network panel: which network (generated, ego-Facebook, an uploaded file with an optional
// segments file) and its sizes. Writes `network`; says how many people and friendships it has.
import { Panel, fillSelect, paramRows } from './panel.js';
import { NETWORKS, DRAWN_START } from '../scenario.js';
import { readNetworkPreview } from '../sim.js';
import { download } from '../montecarlo.js';
import { t, language } from '../i18n.js';

/** The attribute a file: spec's options take the segments from ('' for none). */
function segmentByOf(options) {
  const o = String(options || '').split(',').find((x) => x.startsWith('segment_by='));
  return o ? o.slice(11) : '';
}

export class NetworkPanel extends Panel {
  setup() {
    const kind = this.part('net-kind');
    fillSelect(kind, Object.keys(NETWORKS), 'net_');
    this.on(kind, 'change', (e) => this.choose(e.target.value));
    this.on(this.part('file'), 'change', (e) => this.upload(e.target, 'network'));
    this.on(this.part('seg-file'), 'change', (e) => this.upload(e.target, 'segments'));
    this.on(this.part('nodes-file'), 'change', (e) => this.upload(e.target, 'nodes'));
    this.on(this.app, 'loading', () => { this.part('net-info').textContent = t('loading'); });
    this.on(this.app, 'built', () => this.sayCounts());
    this.on(this.part('draw-clear'), 'click', () => this.change((c) => { c.netValues = { xy: '50_50', edges: '' }; c.clicked = []; }));
    this.on(this.part('draw-export'), 'click', () => this.exportDrawing());
    this.on(this.part('segment-by'), 'change', (e) => {
      const attr = e.target.value;
      this.change((c) => {
        const opts = String(c.netValues.fileOptions || '').split(',').filter((o) => o && !o.startsWith('segment_by='));
        if (attr) opts.push(`segment_by=${attr}`);
        c.netValues = { ...c.netValues, fileOptions: opts.join(',') };
        c.adSegment = ''; c.content.seedSegment = ''; c.content.stickiness = '';
      });
    });
  }

  /** A network kind chosen: its sliders at their defaults; segment settings (which belong to
   * the old network's segments) and clicked seeds go. */
  choose(kind) {
    const files = this.app.files;
    this.change((c) => {
      c.netKind = kind;
      c.netValues = Object.fromEntries(NETWORKS[kind].params.map(([name, , , , , def]) => [name, String(def)]));
      if (kind === 'drawn') c.netValues = { ...DRAWN_START };
      c.clicked = [];
      c.adSegment = '';
      c.content.seedSegment = '';
      c.content.stickiness = '';
      if (kind === 'file') {
        c.fileName = files.network?.name ?? null;
        c.segName = files.segments?.name ?? null;
      }
    });
    this.render(this.scenario); // the upload box shows even when nothing changed (no file yet)
  }

  async upload(input, which) {
    await this.takeFile(input.files[0], which);
  }

  /** A file chosen or dropped: read, previewed (what was read, its attributes, the header
   * decision) and used as the network; an error names the line and keeps the upload box. */
  async takeFile(f, which) {
    if (!f || !this.app.fileFits(f)) return;
    let text;
    try {
      text = await f.text();
    } catch (err) {
      this.part('net-error').textContent = t('err_file', { msg: err.message });
      return;
    }
    const name = f.name.replace(which === 'network' ? /[,:]/g : /[,:=]/g, '_');
    const network = this.app.files.network;
    if (which === 'network' || (which === 'nodes' && network)) {
      // a node table is previewed with its edge table: the people and attributes it adds
      let preview;
      try {
        preview = which === 'network' ? readNetworkPreview(text, f.name) : readNetworkPreview(network.text, network.name, text);
      } catch (err) {
        if (which === 'network') { this.choose('file'); this.part('file-preview').hidden = true; }
        this.app.showError(err, 'net-error'); // the line, in the page's language; the old network stays
        return;
      }
      this.showPreview(preview);
    }
    // a node table belongs to its edge table
    if (which === 'network' && this.app.files.network?.name !== name) this.app.files.nodes = null;
    this.app.files[which] = { name, text };
    const before = this.scenario;
    this.change((c) => {
      c.netKind = 'file';
      if (which === 'nodes') {
        const opts = String(c.netValues.fileOptions || '').split(',').filter((o) => o && !o.startsWith('nodes='));
        c.netValues = { ...c.netValues, fileOptions: [...opts, `nodes=${name}`].join(',') };
        c.fileName = c.fileName ?? network?.name ?? null;
        return;
      }
      // the file an address asked for keeps the address's options (segment_by=, nodes=, …)
      if (!(which === 'network' && name === c.fileName)) c.netValues = {};
      if (which === 'network') { c.fileName = name; c.clicked = []; c.segName = c.segName ?? null; c.adSegment = ''; c.content.seedSegment = ''; c.content.stickiness = ''; }
      else { c.segName = name; c.fileName = c.fileName ?? this.app.files.network?.name ?? null; }
    });
    // the same name uploaded again (a corrected file): build it anyway
    if (this.scenario === before || JSON.stringify(this.scenario) === JSON.stringify(before)) this.app.rebuild();
  }

  /** What was read from a network file, said before the numbers run: people, friendships,
   * direction, weights, each attribute with a few values, and the header decision; text
   * attributes can give the segments. */
  showPreview(p) {
    this.preview = p;
    // a Gephi edge table may come with its node table (Gephi's two CSV exports)
    this.part('nodes-row').hidden = p.format !== 'gephi-csv' && !/,nodes=/.test(String(this.scenario?.network ?? ''));
    const box = this.part('file-preview');
    box.hidden = false;
    const lang = language();
    const parts = [t('preview_read', { format: p.format, people: p.people.toLocaleString(lang), friendships: p.friendships.toLocaleString(lang) }),
      t(p.directed ? 'preview_directed' : 'preview_undirected'), t(p.weighted ? 'preview_weighted' : 'preview_unweighted')];
    if (p.header) parts.push(t(p.header.header ? 'preview_header_yes' : 'preview_header_no', { text: p.header.text }));
    if (p.duplicates_merged || p.self_loops_dropped) parts.push(t('preview_cleaned', { d: p.duplicates_merged, s: p.self_loops_dropped }));
    this.part('preview-text').textContent = parts.join(' · ');
    const list = this.part('preview-attributes');
    list.innerHTML = '';
    for (const a of p.attributes) {
      const li = document.createElement('li');
      li.textContent = `${a.name} (${t(`attr_${a.type}`)}): ${a.examples.join(', ')}${a.values < p.people ? ` — ${t('preview_some', { k: a.values })}` : ''}`;
      list.appendChild(li);
    }
    const sel = this.part('segment-by');
    sel.innerHTML = '';
    const none = document.createElement('option');
    none.value = '';
    none.textContent = t('segment_by_none');
    sel.appendChild(none);
    for (const a of p.attributes.filter((x) => x.type === 'text' && x.name !== 'label')) {
      const o = document.createElement('option');
      o.value = a.name;
      o.textContent = a.name;
      sel.appendChild(o);
    }
    this.part('segment-by-row').hidden = sel.options.length < 2;
    sel.value = segmentByOf(this.controls.netValues.fileOptions);
  }

  /** The drawing as an edge list the CLI reads (`--graph FILE`): one friendship per line. */
  exportDrawing() {
    const c = this.controls;
    if (c.netKind !== 'drawn') return;
    const people = String(c.netValues.xy || '').split('/').filter(Boolean).length;
    const links = String(c.netValues.edges || '').split('/').filter(Boolean).map((e) => e.split('-').map(Number));
    const linked = new Set(links.flat());
    const alone = people - linked.size;
    this.part('draw-status').textContent = alone > 0 ? t('draw_alone', { k: alone }) : '';
    download('viralsim-drawing.txt', links.map(([a, b]) => `${a} ${b}`).join('\n') + '\n', 'text/plain');
  }

  sayCounts() {
    const sim = this.app.sim;
    if (!sim) return;
    this.part('net-info').textContent = t('nodes_edges', { n: sim.n.toLocaleString(language()), m: sim.edgeCount.toLocaleString(language()) });
  }

  localize() {
    fillSelect(this.part('net-kind'), Object.keys(NETWORKS), 'net_');
    this.sayCounts();
  }

  render(s) {
    const c = this.controls;
    const kind = this.part('net-kind');
    if (kind.value !== c.netKind) kind.value = c.netKind;
    const specs = NETWORKS[c.netKind].params;
    paramRows(this.part('net-params'), 'net', c.netKind, specs, c.netValues, (name, value, commit) => {
      if (!commit) return;
      this.change((x) => {
        x.netValues[name] = value;
        delete x.netValues.sizes; // sbm: moving a slider replaces sizes read from an address
      });
    }, this.abort.signal);
    this.part('file-row').hidden = c.netKind !== 'file';
    if (/,nodes=/.test(String(s?.network ?? ''))) this.part('nodes-row').hidden = false;
    if (c.netKind !== 'file') this.part('file-preview').hidden = true;
    this.part('draw-row').hidden = c.netKind !== 'drawn';
    if (!s) return;
  }
}
