// The <viral-sim> widget on a third-party page, in real Chromium: www/ is served on one port (the
// widget's origin, which sends CORS headers as ./run does) and the host page by a second server
// on another port (another origin). The host page loads the module by its full URL, holds two
// widgets, a widget with a bad scenario, one in French and an iframe of embed.html, and a
// stylesheet that tries to reach inside.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, serveHost, launch } from './helpers.mjs';

let srv, host, hostUrl, browser;

const A = 'network=karate&model=ic&p=0.2&seeds=top-degree:2&seed=1';
const B = 'network=ba:n=300,m=2&model=sir&beta=0.2&gamma=0.3&seeds=random:2&seed=3';
const IFRAME = 'network=ws:n=100,k=4,p=0.1&model=ic&p=0.3&seeds=random:1&seed=2';

function hostPage(www) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A blog post</title><link rel="icon" href="data:,">
<style>* { color: red !important; font: 40px serif !important }</style>
<script type="module" src="${www}viral-sim.js"></script>
</head><body>
<h1>Word of mouth</h1>
<viral-sim id="a" scenario="${A}" controls="play step reset speed p"></viral-sim>
<viral-sim id="b" scenario="${B}" height="300"></viral-sim>
<viral-sim id="bad" scenario="network=karate&model=ic&p=abc&seeds=top-degree:2"></viral-sim>
<viral-sim id="fr" lang="fr" scenario="network=karate&model=ic&p=1.5&seeds=top-degree:2"></viral-sim>
<iframe id="frame" title="viralsim" src="${www}embed.html#${IFRAME}" width="480" height="340"></iframe>
</body></html>`;
}

before(async () => {
  srv = await serve();
  host = await serveHost((path) => (path === '/' ? hostPage(srv.url)
    : path === '/bare' ? '<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body><p>bare</p></body></html>'
      : null));
  hostUrl = host.url;
  assert.notEqual(new URL(hostUrl).origin, new URL(srv.url).origin);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await srv?.close();
  await host?.close();
});

/** Opens a host page and collects its errors (console errors and uncaught ones). */
async function open(path = '', { width = 1000, height = 1800 } = {}) {
  const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(hostUrl + path);
  return { page, errors };
}

const ready = (page, id) => page.waitForFunction((id) => document.getElementById(id)?.state?.ready, id, { timeout: 30000 });
const state = (page, id) => page.evaluate((id) => document.getElementById(id).state, id);

test('two widgets and an iframe on another origin load and run independently; events carry the documented detail', { timeout: 90000 }, async () => {
  const { page, errors } = await open();
  await ready(page, 'a');
  await ready(page, 'b');
  const frame = page.frames().find((f) => f.url().includes('/embed.html'));
  assert.ok(frame, 'the iframe is there');
  await frame.waitForFunction(() => document.querySelector('viral-sim')?.state?.ready, null, { timeout: 30000 });
  assert.equal((await state(page, 'a')).nodes, 34);
  assert.equal((await state(page, 'b')).nodes, 300);
  assert.equal(await frame.evaluate(() => document.querySelector('viral-sim').state.nodes), 100);

  // stepping one: its step count changes, the other's and the iframe's do not
  const got = await page.evaluate(() => {
    const a = document.getElementById('a');
    const seen = [];
    const onEl = (e) => seen.push({ type: e.type, detail: e.detail, target: e.target.id });
    a.addEventListener('viralsim:step', onEl);
    document.addEventListener('viralsim:step', (e) => seen.push({ type: 'document', target: e.target.id }), { once: true });
    a.step();
    a.removeEventListener('viralsim:step', onEl);
    return seen;
  });
  assert.equal(got.length, 2, 'the event reaches the element and bubbles to the document');
  const { detail } = got[0];
  assert.equal(got[1].target, 'a');
  assert.equal(detail.step, 1);
  assert.equal(typeof detail.reach, 'number');
  assert.ok(Array.isArray(detail.counts) && detail.counts.length === 3);
  assert.equal(detail.counts.reduce((x, y) => x + y, 0), 34, 'counts: one number per state, summing to the network');
  assert.equal(detail.reach, detail.counts[1] + detail.counts[2]);
  assert.equal((await state(page, 'a')).step, 1);
  assert.equal((await state(page, 'b')).step, 0);

  // playing one (fast): it runs to its end and says so; the other stays at step 0
  const finished = await page.evaluate(() => new Promise((ok) => {
    const a = document.getElementById('a');
    const input = a.shadowRoot.querySelector('[data-control=speed] input');
    input.value = '30';
    input.dispatchEvent(new Event('input'));
    a.addEventListener('viralsim:finished', (e) => ok(e.detail), { once: true });
    a.play();
  }));
  assert.ok(finished.step > 1 && finished.finished === true, JSON.stringify(finished));
  assert.equal(finished.counts.reduce((x, y) => x + y, 0), 34);
  assert.equal((await state(page, 'b')).step, 0);
  assert.equal(await frame.evaluate(() => document.querySelector('viral-sim').state.step), 0);

  // the iframe's widget plays on its own too
  await frame.evaluate(() => document.querySelector('viral-sim').step());
  assert.equal(await frame.evaluate(() => document.querySelector('viral-sim').state.step), 1);
  assert.equal((await state(page, 'b')).step, 0);

  // the buttons are real buttons, with their text, in the tab order, with a visible focus ring
  const buttons = await page.evaluate(() => [...document.getElementById('b').shadowRoot.querySelectorAll('button')]
    .filter((x) => !x.hidden).map((x) => x.textContent));
  assert.deepEqual(buttons, ['Play', 'Step', 'Reset']);
  await page.evaluate(() => document.getElementById('b').shadowRoot.querySelector('[data-action=step]').focus());
  await page.keyboard.press('Enter');
  assert.equal((await state(page, 'b')).step, 1, 'Enter on the focused Step button steps');
  await page.keyboard.press('Shift+Tab'); // keyboard focus: :focus-visible applies
  const ring = await page.evaluate(() => {
    const b = document.getElementById('b').shadowRoot.activeElement;
    const cs = getComputedStyle(b);
    return { text: b.textContent, outline: cs.outlineStyle, width: cs.outlineWidth };
  });
  assert.equal(ring.text, 'Play');
  assert.equal(ring.outline, 'solid');
  assert.equal(ring.width, '3px');

  // changing one widget's attribute rebuilds that widget only
  const aBefore = await state(page, 'a');
  await page.evaluate(() => document.getElementById('b').setAttribute('scenario', 'network=ring:n=40,k=4&model=ic&p=0.5&seeds=nodes:0&seed=1'));
  await page.waitForFunction(() => document.getElementById('b').state.nodes === 40);
  assert.deepEqual(await state(page, 'a'), aBefore);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the host page's CSS does not reach inside; a bad scenario shows its message inside, in the widget's language, and throws nothing", { timeout: 60000 }, async () => {
  const { page, errors } = await open();
  await ready(page, 'a');
  const style = await page.evaluate(() => {
    const root = document.getElementById('a').shadowRoot;
    const pick = (el) => { const cs = getComputedStyle(el); return { color: cs.color, size: cs.fontSize, family: cs.fontFamily }; };
    return { button: pick(root.querySelector('button')), status: pick(root.querySelector('.status')), h1: pick(document.querySelector('h1')) };
  });
  assert.equal(style.h1.color, 'rgb(255, 0, 0)', 'the host CSS applies to the host page');
  for (const el of [style.button, style.status]) {
    assert.notEqual(el.color, 'rgb(255, 0, 0)');
    assert.notEqual(el.size, '40px');
    assert.ok(!/^serif$/.test(el.family), el.family);
  }
  // the bad attribute: the message inside the widget names the field; nothing thrown
  await page.waitForFunction(() => document.getElementById('bad').state.error);
  const bad = await page.evaluate(() => {
    const el = document.getElementById('bad');
    const box = el.shadowRoot.querySelector('.error');
    return { text: box.textContent, hidden: box.hidden, role: box.getAttribute('role'), state: el.state };
  });
  assert.equal(bad.text, "model.p: 'abc' is not a number");
  assert.equal(bad.hidden, false);
  assert.equal(bad.role, 'alert');
  assert.equal(bad.state.ready, false);
  // in French, from the core's code and values (numbers the French way), buttons in French
  await page.waitForFunction(() => document.getElementById('fr').state.error);
  const fr = await page.evaluate(() => {
    const root = document.getElementById('fr').shadowRoot;
    return { text: root.querySelector('.error').textContent.replace(/[\u202f\u00a0]/g, ' '), play: root.querySelector('[data-action=play]').textContent };
  });
  assert.equal(fr.text, 'model.p : doit être une probabilité entre 0 et 1, reçu 1,5');
  assert.equal(fr.play, 'Lecture');
  // the error event, and a bad widget attribute named too
  const ev = await page.evaluate(() => new Promise((ok) => {
    const el = document.getElementById('bad');
    el.addEventListener('viralsim:error', (e) => ok(e.detail), { once: true });
    el.setAttribute('scenario', 'network=ba:n=300,mm=5&model=ic&p=0.1');
  }));
  assert.equal(ev.field, 'network.mm');
  assert.equal(ev.code, 'no_such_parameter');
  assert.match(ev.message, /^network\.mm: ba has no parameter 'mm'/);
  await page.evaluate(() => document.getElementById('a').setAttribute('controls', 'play sideways'));
  await page.waitForFunction(() => document.getElementById('a').state.error);
  assert.match((await state(page, 'a')).error, /^controls: unknown control 'sideways'/);
  assert.equal((await state(page, 'a')).ready, true, 'the simulation still runs');
  assert.deepEqual(errors, []);
  await page.close();
});

test('autoplay plays, but not for a reader who asks for reduced motion; the scenario property', { timeout: 60000 }, async () => {
  for (const reducedMotion of ['no-preference', 'reduce']) {
    const { page, errors } = await open('bare');
    await page.emulateMedia({ reducedMotion });
    const got = await page.evaluate(async (www) => {
      await import(`${www}viral-sim.js`);
      const el = document.createElement('viral-sim');
      el.setAttribute('scenario', 'network=karate&model=ic&p=0.2&seeds=top-degree:2&seed=1');
      el.setAttribute('autoplay', '');
      document.body.append(el);
      await new Promise((ok) => el.addEventListener('viralsim:ready', ok, { once: true }));
      await new Promise((ok) => setTimeout(ok, 700));
      const played = el.state.step;
      // a scenario object through the property, then an address
      el.scenario = { network: 'ring:n=20,k=2', model: { kind: 'ic', p: 1 }, seeds: 'nodes:0', seed: 1, max_steps: 1000 };
      await new Promise((ok) => el.addEventListener('viralsim:ready', ok, { once: true }));
      const ring = { nodes: el.state.nodes, p: el.scenario.model.p };
      el.scenario = 'network=star:n=9&model=ic&p=1&seeds=nodes:0&seed=1';
      await new Promise((ok) => el.addEventListener('viralsim:ready', ok, { once: true }));
      return { played, ring, star: el.state.nodes, attr: el.getAttribute('scenario') };
    }, srv.url);
    if (reducedMotion === 'reduce') assert.equal(got.played, 0, 'no autoplay under reduced motion');
    else assert.ok(got.played >= 1, `autoplay: step ${got.played}`);
    assert.deepEqual(got.ring, { nodes: 20, p: 1 });
    assert.equal(got.star, 9);
    assert.equal(got.attr, 'network=star:n=9&model=ic&p=1&seeds=nodes:0&seed=1');
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('the module adds no global to window besides the element; 200 add/remove cycles keep wasm memory flat', { timeout: 240000 }, async () => {
  const { page, errors } = await open('bare');
  const added = await page.evaluate(async (www) => {
    const before = new Set(Object.keys(window));
    await import(`${www}viral-sim.js`);
    await customElements.whenDefined('viral-sim');
    const el = document.createElement('viral-sim');
    el.setAttribute('scenario', 'network=karate&model=ic&p=0.2&seeds=top-degree:2&seed=1');
    document.body.append(el);
    await new Promise((ok) => el.addEventListener('viralsim:ready', ok, { once: true }));
    el.step();
    el.play();
    await new Promise((ok) => setTimeout(ok, 300));
    el.remove();
    return Object.keys(window).filter((k) => !before.has(k));
  }, srv.url);
  assert.deepEqual(added, []);

  const figures = await page.evaluate(async (www) => {
    const { memoryBytes } = await import(`${www}js/sim.js`);
    const cycle = async () => {
      const el = document.createElement('viral-sim');
      el.setAttribute('scenario', 'network=ba:n=1000,m=3&model=ic&p=0.1&seeds=top-degree:3&seed=1');
      el.setAttribute('controls', 'play step reset speed p');
      document.body.append(el);
      await new Promise((ok) => el.addEventListener('viralsim:ready', ok, { once: true }));
      el.step();
      await new Promise((ok) => requestAnimationFrame(ok)); // one frame drawn
      el.remove();
    };
    for (let i = 0; i < 10; i++) await cycle(); // warm-up: the allocator reaches its working size
    const heap = () => performance.memory?.usedJSHeapSize ?? 0;
    const start = { wasm: memoryBytes(), heap: heap() };
    const t0 = performance.now();
    for (let i = 0; i < 200; i++) await cycle();
    return { start, end: { wasm: memoryBytes(), heap: heap() }, ms: performance.now() - t0, left: document.querySelectorAll('viral-sim').length };
  }, srv.url);
  console.log(`# 200 cycles of ba:n=1000,m=3 in ${Math.round(figures.ms)} ms: wasm memory ${figures.start.wasm} → ${figures.end.wasm} bytes; JS heap ${figures.start.heap} → ${figures.end.heap} bytes`);
  assert.equal(figures.left, 0);
  // a leaked simulation of 1,000 nodes and 3,000 edges costs well over 64 KiB: 200 of them would
  // grow the memory by many MB; freed ones leave it where it was (one 64 KiB page of slack)
  assert.ok(figures.end.wasm - figures.start.wasm <= 65536, `wasm memory grew from ${figures.start.wasm} to ${figures.end.wasm}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the widget by keyboard: arrows move between people (ringed, described), Enter seeds the focused one', { timeout: 60000 }, async () => {
  const { page, errors } = await open();
  await ready(page, 'a');
  await page.evaluate(() => {
    window.events = [];
    document.getElementById('a').addEventListener('viralsim:step', (e) => window.events.push(e.detail));
    document.getElementById('a').shadowRoot.querySelector('canvas').focus();
  });
  await page.keyboard.press('ArrowRight'); // the first press lands on the first seed
  const tip = () => page.evaluate(() => {
    const t = document.getElementById('a').shadowRoot.querySelector('.tip');
    return t.hidden ? null : t.querySelector('strong').textContent;
  });
  const first = await tip();
  assert.ok(first !== null, 'a person is described');
  let other = first;
  for (const key of ['ArrowLeft', 'ArrowDown', 'ArrowRight', 'ArrowUp']) {
    await page.keyboard.press(key);
    other = await tip();
    if (other !== first) break;
  }
  assert.notEqual(other, first, 'an arrow moves to another person');
  const before = (await state(page, 'a')).reach;
  await page.keyboard.press('Enter');
  const after = (await state(page, 'a')).reach;
  assert.ok(after === before + 1 || after === before, `reach ${before} → ${after}`);
  if (after === before + 1) assert.equal((await page.evaluate(() => window.events.at(-1))).reach, after, 'the step event tells the host');
  await page.keyboard.press('Escape');
  assert.equal(await tip(), null);
  assert.deepEqual(errors, []);
});

test("the widget loads its own smaller wasm, never the page's; it plays the page's trajectory, and the page's extras answer 'not in the widget' in the widget's language", { timeout: 60000 }, async () => {
  const page = await browser.newPage({ viewport: { width: 800, height: 600 }, deviceScaleFactor: 1 });
  const wasmFiles = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasmFiles.push(new URL(r.url()).pathname); });
  await page.goto(hostUrl + 'bare');
  const out = await page.evaluate(async ({ www, A }) => {
    await import(`${www}viral-sim.js`);
    const el = document.createElement('viral-sim');
    el.setAttribute('scenario', A);
    document.body.append(el);
    await new Promise((ok) => el.addEventListener('viralsim:ready', ok, { once: true }));
    for (let i = 0; i < 1000 && !el.state.finished; i++) el.step();
    const widget = { step: el.state.step, reach: el.state.reach };
    // the same glue, initialised with the page's wasm in a fresh copy of the module: the same run
    const full = await import(`${www}pkg/viralsim_web.js?full`);
    await full.default({ module_or_path: `${www}pkg/viralsim_web_bg.wasm` });
    const scenario = full.parseAddress(A).scenario;
    const sim = new full.Simulation(scenario);
    sim.run(10000);
    const page = { step: sim.stepCount(), reach: sim.reach() };
    sim.free();
    // the widget's copy of the module: its extras say they are not there
    const lite = await import(`${www}pkg/viralsim_web.js`);
    const liteSim = new lite.Simulation(scenario);
    const errors = [];
    for (const f of [() => liteSim.exportNetwork('gexf'), () => liteSim.monteCarloCsv(), () => liteSim.compareCsv(),
      () => liteSim.monteCarlo(10, 1, -1, false), () => liteSim.theory(), () => liteSim.metrics(), () => lite.scenarioToAddress(scenario),
      () => new lite.Simulation({ ...scenario, network: 'file:a.gml' }, 'graph [ node [ id 0 ] ]')]) {
      try { f(); errors.push(null); } catch (e) { errors.push({ code: e.code, field: e.field, message: e.message }); }
    }
    liteSim.free();
    const { errorText } = await import(`${www}js/errors.js`);
    const fr = errorText(Object.assign(new Error('x'), { code: 'not_in_widget', field: 'network', line: null, values: { feature: 'file readers' } }), 'fr');
    return { widget, page, errors, fr };
  }, { www: srv.url, A });
  assert.deepEqual(out.widget, out.page, 'the widget and the page run the same trajectory');
  assert.ok(out.widget.reach >= 2);
  assert.deepEqual(wasmFiles.filter((f) => !f.endsWith('viralsim_web_bg.wasm')), ['/pkg/viralsim_widget_bg.wasm'], 'the widget fetched its own wasm');
  assert.equal(wasmFiles.filter((f) => f.endsWith('viralsim_web_bg.wasm')).length, 1, "the page's wasm only for the comparison in this test");
  assert.deepEqual(out.errors.map((e) => e && [e.code, e.field]), [['not_in_widget', 'format'], ['not_in_widget', 'runs'], ['not_in_widget', 'compare'],
    ['not_in_widget', 'runs'], ['not_in_widget', 'theory'], ['not_in_widget', 'metrics'], ['not_in_widget', 'scenario'], ['not_in_widget', 'network']]);
  assert.match(out.errors[0].message, /the widget's build of viralsim has no file writers; the full page and the CLI do/);
  assert.equal(out.fr, 'network : la version de viralsim du widget n’a pas de lecteurs de fichiers ; la page complète et la CLI en ont');
  await page.close();
});

test('what a host page downloads for the widget (every module it imports and its wasm) stays under 250 KB gzipped', async () => {
  const { readFileSync } = await import('node:fs');
  const { gzipSync } = await import('node:zlib');
  const { join } = await import('node:path');
  const { ROOT } = await import('./helpers.mjs');
  const { widgetBytes } = await import('../../scripts/widget-modules.mjs');
  const www = join(ROOT, 'www');
  const { files, js, wasm } = widgetBytes(www);
  assert.ok(!files.includes('js/i18n.js'), "the widget does not import the full page's dictionary");
  const pageWasm = gzipSync(readFileSync(join(www, 'pkg/viralsim_web_bg.wasm')), { level: 9 }).length;
  assert.ok(wasm < pageWasm - 80 * 1024, `the widget's wasm (${wasm} B) is well under the page's`);
  assert.ok(js + wasm < 250 * 1024, `widget bytes ${((js + wasm) / 1024).toFixed(1)} KB (JS ${(js / 1024).toFixed(1)} + wasm ${(wasm / 1024).toFixed(1)})`);
});
