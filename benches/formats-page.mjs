// Reading speed of every network file format in the page, on the user's path: the file chosen
// in the Network panel, until the network is built and on screen (the text read, the preview's
// reading, the simulation's reading). Uses the files `benches/formats.sh` wrote (BENCH_DIR,
// default /tmp/viralsim-formats-bench: 1,000,000 edges among 200,000 people); run that first.
//   node benches/formats-page.mjs     (after ./run or ./test has built www/pkg)
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, openPage } from '../tests/browser/helpers.mjs';

const dir = process.env.BENCH_DIR || '/tmp/viralsim-formats-bench';
const files = ['net.txt', 'net.csv', 'net.gml', 'net.graphml', 'net.gexf', 'net.net', 'net.json'].filter((f) => existsSync(join(dir, f)));
if (!files.length) { console.error(`no files in ${dir}: run benches/formats.sh first`); process.exit(2); }
const srv = await serve();
const browser = await launch();
console.log('| format | file | in the page: chosen → on screen | people | friendships |\n|---|---:|---:|---:|---:|');
for (const f of files) {
  const { page } = await openPage(browser, `${srv.url}#network=karate&model=ic&p=0.1&seeds=random:1&seed=1`);
  await page.selectOption('#net-kind', 'file');
  await page.evaluate(() => { window.t0 = performance.now(); });
  await page.setInputFiles('#file', join(dir, f));
  await page.waitForFunction(() => window.viralsim.idle() && window.viralsim.sim?.n > 1000, null, { timeout: 300000 });
  const r = await page.evaluate(() => ({ ms: performance.now() - window.t0, n: window.viralsim.sim.n, m: window.viralsim.sim.edgeCount }));
  console.log(`| ${f.split('.')[1]} | ${(statSync(join(dir, f)).size / 1048576).toFixed(0)} MB | ${(r.ms / 1000).toFixed(2)} s | ${r.n.toLocaleString('en')} | ${r.m.toLocaleString('en')} |`);
  await page.close();
}
await browser.close();
await srv.close();
