// Browser benchmark (a script, not a timed test): `npm run bench:browser` after ./run or ./test
// has built www/pkg. Prints a markdown table.
//   - frames per second while ego-Facebook animates (layout settling, then a run playing)
//   - time for 10,000 IC Monte Carlo runs on ego-Facebook inside the page (one thread, wasm),
//     beside the same runs by the native CLI in this script (ratio wasm / native)
//   - bytes of the page (wasm + JS + HTML + CSS), raw and gzipped
//   - the <viral-sim> widget: its bytes gzipped (the element, every module it imports, the
//     wasm), and the time from a host page's script tag to the widget's first frame (karate)
//   - the page at its limit: frame gaps while a BA(200,000) outbreak plays
import { readFile, readdir } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { serve, serveHost, launch, openPage, ROOT } from '../tests/browser/helpers.mjs';
import { widgetBytes } from '../scripts/widget-modules.mjs';

const srv = await serve();
const browser = await launch();
const rows = [];

async function fps(page, ms) {
  return page.evaluate((ms) => new Promise((ok) => {
    let frames = 0;
    const t0 = performance.now();
    const tick = (now) => { frames++; if (now - t0 < ms) requestAnimationFrame(tick); else ok((frames * 1000) / (now - t0)); };
    requestAnimationFrame(tick);
  }), ms);
}

const { page } = await openPage(browser, `${srv.url}#network=facebook&model=ic&p=0.02&seeds=top-degree:3&seed=1`);
await page.waitForFunction(() => window.viralsim.sim?.n === 4039, null, { timeout: 30000 });
const settling = await fps(page, 3000);
const t0 = Date.now();
await page.waitForFunction(() => window.viralsim.layoutSettled(), null, { timeout: 120000 });
const settleS = (Date.now() - t0) / 1000 + 3;
await page.locator('#speed').fill('20');
await page.click('#play');
const playing = await fps(page, 4000);
rows.push(['frames per second, ego-Facebook, layout settling', settling.toFixed(1), '≥ 60']);
rows.push(['frames per second, ego-Facebook, run playing (20 steps/s)', playing.toFixed(1), '≥ 60']);
rows.push(['seconds until the ego-Facebook layout has settled', settleS.toFixed(1), 'a few']);

for (const p of [0.01, 0.05]) {
  const out = await page.evaluate(async (p) => {
    const { SimView } = await import('./js/sim.js');
    const text = await (await fetch('pkg/ego-facebook.txt')).text();
    const s = new SimView({ network: 'facebook', model: { kind: 'ic', p }, seeds: 'random:1', seed: 1, max_steps: 1000 }, text);
    s.sim.monteCarlo(100, 1, -1, false);
    const t0 = performance.now();
    const res = s.sim.monteCarlo(10000, 1, -1, false);
    const ms = performance.now() - t0;
    s.free();
    return { ms, mean: res.reach.mean };
  }, p);
  let native = '';
  const cli = join(ROOT, 'target/release/viralsim');
  if (existsSync(cli)) {
    const j = JSON.parse(execFileSync(cli, ['run', '--generate', 'facebook', '--model', 'ic', '--p', String(p), '--seeds', 'random:1', '--runs', '10000', '--threads', '1', '--seed', '1']));
    native = ` (native CLI, 1 thread, with metrics: ${j.elapsed_ms.toFixed(0)} ms, mean reach ${j.reach.mean.toFixed(1)}; wasm/native ${(out.ms / j.elapsed_ms).toFixed(2)})`;
  }
  rows.push([`10,000 IC runs on ego-Facebook in the page, one wasm thread, p = ${p}, 1 random seed (mean reach ${out.mean.toFixed(1)})${native}`, `${(out.ms / 1000).toFixed(2)} s`, '< 2 s']);
  // the page's own path: "Run many times" in Web Workers, from the click to the result
  const { page: p3 } = await openPage(browser, `${srv.url}#network=facebook&model=ic&p=${p}&seeds=random:1&seed=1`);
  await p3.waitForFunction(() => window.viralsim.sim?.n === 4039, null, { timeout: 30000 });
  // once the layout worker has finished (it would share the two cores with the runs)
  await p3.waitForFunction(() => window.viralsim.layoutSettled(), null, { timeout: 60000 });
  await p3.locator('#mc-runs').fill('200');
  await p3.click('#mc-go'); // warm the workers up
  await p3.waitForFunction(() => window.viralsim.lastMc()?.runs === 200, null, { timeout: 60000 });
  await p3.locator('#mc-runs').fill('10000');
  const ms = await p3.evaluate(() => new Promise((ok) => {
    const t0 = performance.now();
    document.getElementById('mc-go').click();
    const poll = () => (window.viralsim.lastMc()?.runs === 10000 ? ok(performance.now() - t0) : setTimeout(poll, 5));
    poll();
  }));
  const workers = await p3.evaluate(() => Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2)));
  rows.push([`10,000 IC runs on ego-Facebook with the page's "Run many times" (${workers} Web Workers), p = ${p}`, `${(ms / 1000).toFixed(2)} s`, '< 2 s']);
  await p3.close();
}
await page.close();

// IMM with k = 50 on a 100,000-node graph, inside the page (the strategy runs when the
// simulation is built; building the network alone is timed separately and subtracted)
{
  const { page: p2 } = await openPage(browser, srv.url);
  const out = await p2.evaluate(async () => {
    const { SimView } = await import('./js/sim.js');
    const sc = (seeds) => ({ network: 'ba:n=100000,m=5', model: { kind: 'ic', p: 0.01 }, seeds, seed: 1, max_steps: 1000 });
    let t0 = performance.now();
    const plain = new SimView(sc('top-degree:50'));
    const base = performance.now() - t0;
    plain.free();
    t0 = performance.now();
    const s = new SimView(sc('imm:50'));
    const total = performance.now() - t0;
    const seeds = s.seeds().length;
    const mc = s.sim.monteCarlo(1000, 1, -1, false).reach.mean;
    s.free();
    const top = new SimView(sc('top-degree:50'));
    const mcTop = top.sim.monteCarlo(1000, 1, -1, false).reach.mean;
    top.free();
    return { imm: total - base, total, seeds, mc, mcTop };
  });
  rows.push([`IMM k = 50, ε = 0.5, IC p = 0.01 on BA(100,000, 5) in the page (build with IMM ${(out.total / 1000).toFixed(2)} s; spread ${out.mc.toFixed(1)} vs top-degree ${out.mcTop.toFixed(1)}, 1,000 runs)`, `${(out.imm / 1000).toFixed(2)} s`, '< 5 s']);
  await p2.close();
}

let raw = 0, gz = 0;
const files = ['index.html', 'style.css', ...(await readdir(join(ROOT, 'www/js'), { recursive: true })).filter((f) => f.endsWith('.js')).map((f) => `js/${f}`), 'pkg/viralsim_web.js', 'pkg/viralsim_web_bg.wasm'];
for (const f of files) {
  const b = await readFile(join(ROOT, 'www', f));
  raw += b.length;
  gz += gzipSync(b, { level: 9 }).length;
}
const wasm = await readFile(join(ROOT, 'www/pkg/viralsim_web_bg.wasm'));
rows.push([`page bytes, gzipped (${files.length} files; raw ${(raw / 1024).toFixed(0)} KB)`, `${(gz / 1024).toFixed(0)} KB`, '< 300 KB']);
rows.push(['of which wasm, gzipped (raw)', `${(gzipSync(wasm, { level: 9 }).length / 1024).toFixed(0)} KB (${(wasm.length / 1024).toFixed(0)} KB)`, '']);

// the widget: what a host page downloads, and how soon it draws
{
  // the element's modules and its own wasm (scripts/build-web.sh)
  const { files: seen, js, wasm: w } = widgetBytes(join(ROOT, 'www'));
  rows.push([`widget bytes, gzipped: ${seen.length} JS files ${(js / 1024).toFixed(0)} KB + wasm ${(w / 1024).toFixed(0)} KB`, `${((js + w) / 1024).toFixed(0)} KB`, '< 250 KB']);
  const host = await serveHost(() => `<!doctype html><meta charset="utf-8"><title>host</title>
<script>window.t0 = performance.now();</script>
<script type="module" src="${srv.url}viral-sim.js"></script>
<viral-sim scenario="network=karate&model=ic&p=0.3&seeds=top-degree:1&seed=1"></viral-sim>
<script>document.querySelector('viral-sim').addEventListener('viralsim:ready', () => requestAnimationFrame(() => { window.firstFrame = performance.now() - window.t0; }));</script>`);
  const times = [];
  for (let i = 0; i < 5; i++) {
    const ctx = await browser.newContext({ viewport: { width: 900, height: 600 } });
    const pg = await ctx.newPage();
    await pg.goto(host.url);
    await pg.waitForFunction(() => window.firstFrame !== undefined, null, { timeout: 30000 });
    times.push(await pg.evaluate(() => window.firstFrame));
    await ctx.close();
  }
  times.sort((a, b) => a - b);
  rows.push([`widget: script tag to first frame, karate, fresh context each (median of 5; min–max ${times[0].toFixed(0)}–${times[4].toFixed(0)} ms)`, `${times[2].toFixed(0)} ms`, '< 1,000 ms']);
  await host.close();
}

// the page at its limit: a large outbreak on BA(200,000, 2) playing at 20 steps per second
{
  const { page: p4 } = await openPage(browser, `${srv.url}#network=ba:n=200000,m=2&model=ic&p=0.4&seeds=random:3&seed=1`);
  await p4.waitForFunction(() => window.viralsim.sim && window.viralsim.idle(), null, { timeout: 60000 });
  const out = await p4.evaluate(() => new Promise((ok) => {
    const app = window.viralsim.app;
    app.controller.setSpeed(20);
    app.controller.play();
    const gaps = [];
    let last = performance.now();
    const t0 = last;
    const tick = (now) => {
      gaps.push(now - last);
      last = now;
      if (now - t0 < 4000) requestAnimationFrame(tick);
      else { app.controller.pause(); gaps.sort((a, b) => a - b); ok({ worst: gaps[gaps.length - 1], p95: gaps[Math.floor(0.95 * gaps.length)], frames: gaps.length, reach: app.sim.reach() }); }
    };
    requestAnimationFrame(tick);
  }));
  rows.push([`BA(200,000, 2), IC p = 0.4 playing at 20 steps/s: worst frame gap (95th percentile ${out.p95.toFixed(0)} ms, ${out.frames} frames in 4 s, reach ${out.reach})`, `${out.worst.toFixed(0)} ms`, '< 100 ms']);
  await p4.close();
}

console.log('| measure | value | target |\n|---|---:|---|');
for (const [a, b, c] of rows) console.log(`| ${a} | ${b} | ${c} |`);
await browser.close();
await srv.close();
