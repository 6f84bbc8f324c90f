// The npm package, as a user gets it: scripts/package-npm.sh packs it (or its tarball is reused
// when newer than everything it is made of), `npm install --offline` puts it into a scratch
// project in the OS temp dir (it has no dependencies, so no network is needed), and then
//   (a) a child `node` process imports the low-level Simulation from `viralsim/node`, runs a
//       scenario and gets the CLI's counts (`viralsim run --format json`, history.counts);
//   (b) a page served from the scratch project imports `viralsim/element` from node_modules
//       (through an import map, as a bundler-free site would) and plays a <viral-sim>.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { ROOT, launch } from './helpers.mjs';

const SCENARIO = { network: 'karate', model: { kind: 'ic', p: 0.2 }, seeds: 'nodes:0', seed: 1 };
const CLI = join(ROOT, 'target/release/viralsim');

let scratch, tgz, server, url, browser;

/** Newest modification time of the files the package is made of. */
function newestInput() {
  const files = [join(ROOT, 'www/viral-sim.js'), join(ROOT, 'scripts/package-npm.sh'), join(ROOT, 'Cargo.toml')];
  for (const d of ['www/js', 'www/pkg', 'scripts/npm']) for (const f of readdirSync(join(ROOT, d))) files.push(join(ROOT, d, f));
  return Math.max(...files.map((f) => statSync(f).mtimeMs));
}

/** The package's tarball: the one in target/npm when it is fresh, or a new one. */
function tarball() {
  const out = join(ROOT, 'target/npm');
  const old = existsSync(out) ? readdirSync(out).filter((f) => /^viralsim-.*\.tgz$/.test(f)) : [];
  if (old.length === 1 && statSync(join(out, old[0])).mtimeMs > newestInput()) return join(out, old[0]);
  // --no-build: www/pkg is what every browser test uses (./test builds it first)
  const printed = execFileSync(join(ROOT, 'scripts/package-npm.sh'), ['--no-build'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const last = printed.trim().split('\n').at(-1);
  assert.match(last, /\/viralsim-[\w.-]+\.tgz$/, 'the script prints the tarball as its last line');
  return last;
}

before(async () => {
  tgz = tarball();
  scratch = mkdtempSync(join(tmpdir(), 'viralsim-npm-'));
  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', tgz], { cwd: scratch, stdio: ['ignore', 'ignore', 'inherit'] });

  // the scratch project's node_modules/viralsim, and one page that imports the element from it
  const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>npm</title><link rel="icon" href="data:,">
<script type="importmap">{"imports": {"viralsim/element": "/node_modules/viralsim/viral-sim.js"}}</script>
<script type="module">
  import { ViralSimElement } from 'viralsim/element';
  window.registered = customElements.get('viral-sim') === ViralSimElement;
</script>
</head><body>
<viral-sim id="w" scenario="network=karate&model=ic&p=0.3&seeds=top-degree:2&seed=1" controls="play step reset speed"></viral-sim>
</body></html>`;
  const base = join(scratch, 'node_modules', 'viralsim');
  const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.txt': 'text/plain; charset=utf-8' };
  server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path === '/') { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page); return; }
    const file = normalize(join(scratch, path));
    if (!file.startsWith(base)) { res.writeHead(404).end(); return; }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' }).end(await readFile(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  url = `http://127.0.0.1:${server.address().port}/`;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await new Promise((ok) => (server ? server.close(ok) : ok()));
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

test('the package: name, version, ESM, exports, types, files and sideEffects', () => {
  const pkg = JSON.parse(readFileSync(join(scratch, 'node_modules/viralsim/package.json'), 'utf8'));
  const cargo = /^\[package\][^[]*?^version\s*=\s*"([^"]+)"/m.exec(readFileSync(join(ROOT, 'Cargo.toml'), 'utf8'))[1];
  assert.equal(pkg.name, 'viralsim');
  assert.equal(pkg.version, cargo);
  assert.equal(pkg.type, 'module');
  assert.equal(pkg.dependencies, undefined, 'no dependencies');
  for (const key of ['.', './node', './element', './viralsim_web_bg.wasm', './viralsim_widget_bg.wasm']) assert.ok(pkg.exports[key], `exports ${key}`);
  assert.ok(pkg.sideEffects.includes('./viral-sim.js'));
  assert.ok(pkg.files.length > 0);
  const dir = join(scratch, 'node_modules/viralsim');
  // every path the exports name is in the installed package
  const paths = Object.values(pkg.exports).flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v)));
  for (const p of paths) assert.ok(existsSync(join(dir, p)), `${p} is installed`);
  for (const f of ['README.md', 'viral-sim.d.ts', 'node.d.ts', 'pkg/viralsim_web.d.ts']) assert.ok(existsSync(join(dir, f)), f);
  assert.match(readFileSync(join(dir, 'viral-sim.d.ts'), 'utf8'), /'viral-sim': ViralSimElement/);
  assert.match(readFileSync(join(dir, 'README.md'), 'utf8'), /<viral-sim scenario=/);
});

test('in Node, viralsim/node runs a scenario to the CLI\'s counts', { timeout: 30000 }, () => {
  const scenarioFile = join(scratch, 'scenario.json');
  writeFileSync(scenarioFile, JSON.stringify(SCENARIO));
  const cli = JSON.parse(execFileSync(CLI, ['run', '--scenario', scenarioFile, '--format', 'json'], { encoding: 'utf8' }));
  const expected = cli.history.counts;
  assert.ok(expected.length > 1, 'the CLI printed a trajectory');

  // a child process in the scratch project: what a user's script sees
  const script = `
    import { Simulation, counts, version } from 'viralsim/node';
    import init, { Simulation as Low, initSync } from 'viralsim';
    const sim = new Simulation(${JSON.stringify(SCENARIO)});
    sim.run(10000);
    const out = { version: version(), reach: sim.reach(), counts: counts(sim), same: Low === Simulation,
      init: typeof init, initSync: typeof initSync };
    sim.free();
    console.log(JSON.stringify(out));`;
  writeFileSync(join(scratch, 'run.mjs'), script);
  const got = JSON.parse(execFileSync(process.execPath, ['run.mjs'], { cwd: scratch, encoding: 'utf8' }));
  assert.deepEqual(got.counts, expected);
  assert.equal(got.reach, expected.at(-1)[1] + expected.at(-1)[2]);
  assert.equal(got.version, JSON.parse(readFileSync(join(scratch, 'node_modules/viralsim/package.json'), 'utf8')).version);
  assert.equal(got.same, true, '"." and "./node" are the same module');
  assert.equal(got.init, 'function');
  assert.equal(got.initSync, 'function');
});

test('a page imports viralsim/element from node_modules and plays it', { timeout: 60000 }, async () => {
  const page = await browser.newPage({ viewport: { width: 800, height: 600 }, deviceScaleFactor: 1 });
  const errors = [];
  const failed = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('requestfailed', (r) => failed.push(r.url()));
  page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
  await page.goto(url);
  await page.waitForFunction(() => document.getElementById('w')?.state?.ready, null, { timeout: 30000 });
  assert.equal(await page.evaluate(() => window.registered), true, 'the export is the registered class');
  assert.equal(await page.evaluate(() => document.getElementById('w').state.nodes), 34);

  // Play, as a reader would: the step count rises
  const play = page.locator('#w').locator('button[data-action=play]');
  await play.click();
  await page.waitForFunction(() => document.getElementById('w').state.step >= 2, null, { timeout: 15000 });
  assert.equal(await play.getAttribute('aria-pressed'), 'true');
  await page.close();
  assert.deepEqual(errors, []);
  assert.deepEqual(failed, []);
});
