// End-to-end tests of the page in Debian's Chromium (playwright-core), real page, real wasm.
// Run with `./test` (or `node --test tests/browser/` after ./run has built www/pkg).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, openPage, nodeOnScreen, ROOT, scenarioToHash } from './helpers.mjs';

let srv, browser;
const ARTIFACTS = join(ROOT, 'test-results');

before(async () => {
  srv = await serve();
  browser = await launch();
  await mkdir(ARTIFACTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  await srv?.close();
});

const counts = (page) => page.evaluate(() => window.viralsim.counts());
const stepCount = (page) => page.evaluate(() => window.viralsim.sim.stepCount());
const reach = (page) => page.evaluate(() => window.viralsim.sim.reach());

async function canvasHash(page) {
  return page.evaluate(() => {
    const c = document.getElementById('net-canvas');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let h = 0;
    for (let i = 0; i < d.length; i += 16) h = (h * 31 + d[i] + 7 * d[i + 1] + 13 * d[i + 2]) >>> 0;
    return h;
  });
}

test('the page loads with no console errors and no request outside its own files', { timeout: 60000 }, async () => {
  const { page, errors, external } = await openPage(browser, srv.url);
  assert.deepEqual(errors, []);
  assert.deepEqual(external, []);
  assert.equal(await page.locator('#net-info').textContent(), '34 people, 78 friendships');
  // every control has a visible label and an accessible name
  for (const id of ['net-kind', 'model-kind', 'seed-mode', 'k-seeds', 'rng-seed', 'speed', 'model-p', 'model-p-num', 'mc-runs']) {
    const name = await page.locator(`#${id}`).evaluate((el) => el.labels?.[0]?.textContent || el.getAttribute('aria-label') || '');
    assert.ok(name.trim().length > 0, `#${id} has an accessible name`);
  }
  await page.close();
});

test('Play makes the adopter count rise and the canvas change; Step advances one step; Reset returns to step 0', { timeout: 60000 }, async () => {
  const { page, errors } = await openPage(browser, `${srv.url}#network=ba:n=400,m=2&model=ic&p=0.3&seeds=top-degree:2&seed=5`);
  await page.waitForFunction(() => window.viralsim.layoutSettled(), null, { timeout: 20000 });
  await page.waitForTimeout(100);
  const before = await canvasHash(page);
  const r0 = await reach(page);
  assert.equal(await stepCount(page), 0);
  await page.locator('#speed').fill('20');
  await page.click('#play');
  await page.waitForFunction(() => window.viralsim.sim.stepCount() >= 3, null, { timeout: 10000 });
  await page.click('#pause');
  assert.ok((await reach(page)) > r0, 'the adopter count rises');
  assert.notEqual(await canvasHash(page), before, 'the canvas changes');
  const s = await stepCount(page);
  await page.waitForTimeout(400);
  assert.equal(await stepCount(page), s, 'Pause stops the clock');
  if (!(await page.evaluate(() => window.viralsim.sim.isFinished()))) {
    await page.click('#step');
    assert.equal(await stepCount(page), s + 1, 'Step advances exactly one step');
  }
  await page.click('#reset');
  assert.equal(await stepCount(page), 0);
  assert.equal(await reach(page), r0);
  assert.equal(await page.locator('#m-step').textContent(), '0');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a scenario URL reproduces the counts of the CLI (shared golden file)', { timeout: 120000 }, async () => {
  const golden = JSON.parse(await readFile(join(ROOT, 'tests/golden/scenarios.json'), 'utf8'));
  for (const g of golden) {
    const { page, errors } = await openPage(browser, srv.url + scenarioToHash(g.scenario));
    // the page read the scenario from the URL exactly
    const s = await page.evaluate(() => window.viralsim.scenario());
    assert.equal(s.network, g.scenario.network, g.name);
    assert.deepEqual(s.model, g.scenario.model, g.name);
    assert.equal(s.seeds, g.scenario.seeds, g.name);
    // run it to the end the way Play does, at top speed
    await page.locator('#speed').fill('60');
    await page.click('#play');
    await page.waitForFunction((n) => window.viralsim.sim.isFinished() || window.viralsim.sim.stepCount() >= n, g.scenario.max_steps, { timeout: 60000 });
    assert.deepEqual(await counts(page), g.counts.flat(), g.name);
    assert.deepEqual(errors, [], g.name);
    await page.close();
  }
  // and against the CLI binary itself, when it is built
  const cli = join(ROOT, 'target/release/viralsim');
  if (existsSync(cli)) {
    const sc = { network: 'ws:n=300,k=4,p=0.2', model: { kind: 'sir', beta: 0.3, gamma: 0.4 }, seeds: 'random:2', seed: 77, max_steps: 1000 };
    const out = JSON.parse(execFileSync(cli, ['run', '--generate', sc.network, '--model', 'sir', '--beta', '0.3', '--gamma', '0.4', '--seeds', sc.seeds, '--seed', '77']));
    const { page } = await openPage(browser, srv.url + scenarioToHash(sc));
    await page.evaluate(() => window.viralsim.sim.step(1000));
    assert.deepEqual(await counts(page), out.history.counts.flat());
    await page.close();
  }
});

test('an invalid value and a malformed file show an error next to the control, and Play still works', { timeout: 60000 }, async () => {
  const { page, errors } = await openPage(browser, `${srv.url}#network=karate&model=ic&p=0.4&seeds=nodes:0&seed=2`);
  await page.locator('#model-p-num').fill('1.5');
  await page.locator('#model-p-num').dispatchEvent('change');
  await page.waitForFunction(() => document.getElementById('model-error').textContent.length > 0);
  assert.match(await page.locator('#model-error').textContent(), /model\.p: must be a probability in \[0, 1\], got 1\.5/);
  assert.ok(await page.locator('#model-error').isVisible());
  assert.equal(await page.locator('#model-p-num').inputValue(), '0.4', 'the control is back to the value that runs');
  // Play still works on the last valid simulation
  await page.locator('#speed').fill('30');
  await page.click('#play');
  await page.waitForFunction(() => window.viralsim.sim.stepCount() >= 2, null, { timeout: 10000 });
  await page.click('#pause');
  assert.ok((await reach(page)) > 1);

  // a malformed upload
  await page.selectOption('#net-kind', 'file');
  await page.setInputFiles('#file', { name: 'broken.txt', mimeType: 'text/plain', buffer: Buffer.from('0 1\n1 2\n3\n') });
  await page.waitForFunction(() => document.getElementById('net-error').textContent.length > 0);
  assert.match(await page.locator('#net-error').textContent(), /line 3: expected 'source target \[weight\]', found 1 field/);
  assert.equal(await page.evaluate(() => window.viralsim.sim.n), 34, 'the previous network stays');
  await page.click('#reset');
  await page.click('#play');
  await page.waitForFunction(() => window.viralsim.sim.stepCount() >= 1, null, { timeout: 10000 });
  // a bad random seed
  await page.locator('#rng-seed').fill('-1');
  await page.locator('#rng-seed').dispatchEvent('change');
  assert.match(await page.locator('#seed-error').textContent(), /seed: must be a whole number/);
  assert.equal(await page.locator('#rng-seed').inputValue(), '2');
  // a bad number of Monte Carlo runs
  await page.locator('#mc-runs').fill('-3');
  await page.click('#mc-go');
  assert.match(await page.locator('#mc-error').textContent(), /runs: must be a whole number/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('uploading ego-Facebook through the file input loads 4,039 nodes', { timeout: 60000 }, async () => {
  const { page, errors } = await openPage(browser, srv.url);
  await page.selectOption('#net-kind', 'file');
  await page.setInputFiles('#file', join(ROOT, 'data/ego-facebook.txt'));
  await page.waitForFunction(() => window.viralsim.sim.n === 4039, null, { timeout: 30000 });
  assert.equal(await page.locator('#net-info').textContent(), '4,039 people, 88,234 friendships');
  assert.match(await page.evaluate(() => location.hash), /network=file:ego-facebook\.txt/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('switching language changes the labels', { timeout: 60000 }, async () => {
  const { page } = await openPage(browser, srv.url);
  assert.equal(await page.locator('#play').textContent(), 'Play');
  await page.selectOption('#lang', 'fr');
  assert.equal(await page.locator('#play').textContent(), 'Lecture');
  assert.equal(await page.locator('#reset').textContent(), 'Réinitialiser');
  assert.match(await page.locator('#legend').textContent(), /pas touché/);
  assert.match(await page.locator('#model-explain').textContent(), /une seule chance/);
  assert.match(await page.evaluate(() => location.hash), /lang=fr/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
  await page.close();
});

test('hover shows a tooltip and a click seeds a node (before and during a run)', { timeout: 60000 }, async () => {
  const { page } = await openPage(browser, `${srv.url}#network=star:n=12&model=ic&p=0&seeds=none&seed=1`);
  await page.waitForFunction(() => window.viralsim.layoutSettled(), null, { timeout: 20000 });
  // find the hub's position on screen
  const at = await nodeOnScreen(page, 0);
  await page.mouse.move(at.x, at.y);
  await page.waitForSelector('#tooltip:not([hidden])');
  assert.match(await page.locator('#tooltip').textContent(), /friends: 11/);
  await page.mouse.click(at.x, at.y);
  await page.waitForFunction(() => window.viralsim.sim.reach() === 1);
  assert.match(await page.evaluate(() => location.hash), /seeds=nodes:0/);
  await page.close();
});

test('a screenshot of a running simulation is saved', { timeout: 90000 }, async () => {
  const { page, errors } = await openPage(browser, `${srv.url}#network=facebook&model=ic&p=0.05&seeds=top-degree:3&seed=1`);
  await page.waitForFunction(() => window.viralsim.sim.n === 4039, null, { timeout: 30000 });
  await page.waitForTimeout(4000);
  await page.locator('#speed').fill('4');
  await page.click('#play');
  await page.waitForFunction(() => window.viralsim.sim.stepCount() >= 4, null, { timeout: 20000 });
  await page.screenshot({ path: join(ARTIFACTS, 'running-facebook.png') });
  assert.ok((await reach(page)) > 3);
  assert.deepEqual(errors, []);
  await page.close();
});

test('exports: network and chart as PNG, the cascade tree as JSON', { timeout: 60000 }, async () => {
  const { page, errors } = await openPage(browser, `${srv.url}#network=path:n=6&model=ic&p=1&seeds=nodes:0&seed=1`);
  await page.evaluate(() => window.viralsim.sim.step(10));
  for (const [button, name] of [['#png-net', 'viralsim-network.png'], ['#png-chart', 'viralsim-chart.png']]) {
    const [d] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
    assert.equal(d.suggestedFilename(), name);
    const bytes = await readFile(await d.path());
    assert.deepEqual([...bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'a PNG file');
  }
  const [d] = await Promise.all([page.waitForEvent('download'), page.click('#tree-json')]);
  const tree = JSON.parse(await readFile(await d.path(), 'utf8'));
  // a path told from one end: node i was told by node i − 1 at step i
  assert.equal(tree.adopters.length, 6);
  assert.deepEqual(tree.adopters.map((a) => [a.label, a.told_by, a.step, a.cause]),
    [['0', null, 0, 'seed'], ['1', '0', 1, 'word_of_mouth'], ['2', '1', 2, 'word_of_mouth'], ['3', '2', 3, 'word_of_mouth'], ['4', '3', 4, 'word_of_mouth'], ['5', '4', 5, 'word_of_mouth']]);
  assert.equal(tree.scenario.network, 'path:n=6');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a network the page cannot show is reported, not silently replaced', { timeout: 60000 }, async () => {
  const { page, errors } = await openPage(browser, `${srv.url}#network=lattice:n=10&model=ic&p=0.1&seeds=random:1&seed=1`);
  // the core's parser names it, in the CLI's words
  assert.match(await page.locator('#net-error').textContent(), /^network: unknown 'lattice' \(expected one of: er, gnm, ba/);
  assert.deepEqual(errors, []);
  await page.close();
});
