// Reliability in real Chromium: every address and button that used to crash or freeze the page
// (issue 8) now gives an error next to the control that names the field, or a correct result;
// the page answers within a second, nothing is thrown at the page, and Play works afterwards.
// A forced wasm trap is survived with a fresh instance.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { serve, launch, openPage, ROOT } from './helpers.mjs';

const CLI = join(ROOT, 'target/release/viralsim');
let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const IC = 'model=ic&p=0.1&seeds=random:1&seed=1';
const sizes20k = Array(20000).fill('1').join('/');

// [address, element that must hold the message, text it must contain]
const HOSTILE = [
  [`network=ba:n=0,m=4294967295&${IC}`, '#net-error', 'network.n: must be greater than m = 4294967295'],
  [`network=hk:n=0,m=4294967295,pt=0.5&${IC}`, '#net-error', 'network.n: must be greater than m = 4294967295'],
  [`network=ba:n=0,m=18446744073709551615&${IC}`, '#net-error', 'network.n: must be greater than m'],
  [`network=sbm:sizes=4294967295/2,pin=0.1,pout=0.1&${IC}`, '#net-error', 'network (nodes): 4294967297 is over the limit of 200000'],
  [`network=sbm:sizes=5/18446744073709551615,pin=0.1,pout=0.1&${IC}`, '#net-error', 'network (nodes)'],
  [`network=sbm:sizes=${sizes20k},pin=0.1,pout=0.1&${IC}`, '#net-error', 'network.sizes (segments): 20000 is over the limit of 1000'],
  [`network=ring:n=5,k=18446744073709551614&${IC}`, '#net-error', 'network.n: must be greater than k'],
  [`network=karate&${IC}&campaign={"ads":{"impressions_per_step":4294967295,"conversion":0.1,"steps":3}}`, '#campaign-error', "campaign.ads.impressions_per_step: must be at most the network's size (34)"],
  ['network=karate&model=ic&p=0.1&seeds=imm:1,epsilon=0.001&seed=1', '#seed-error', 'epsilon: must be in [0.01, 1), got 0.001'],
  ['network=karate&model=ic&p=0.1&seeds=celf:1,runs=4294967295&seed=1', '#seed-error', 'seeds: celf runs must be a whole number from 1 to 10000'],
  [`network=ba:n=300,mm=5&${IC}`, '#net-error', "network.mm: ba has no parameter 'mm'"],
  [`network=er:n=300&${IC}`, '#net-error', 'network.p: er needs p'],
  [`network=grid:rows=10,;ols=10&${IC}`, '#net-error', "network.;ols: grid has no parameter ';ols'"],
  ['network=karate&model=ic&p=0.1&zzz=3&seeds=random:1&seed=1', '#model-error', 'unknown field `zzz`'],
  ['network=karate&model=sis&beta=0.2&gamma=0.3&seeds=random:1&seed=1&max_steps=abc', '#seed-error', 'max_steps: must be a whole number'],
  ['network=karate&model=ic&p=0.1&seeds=random:1&seed=9007199254740993', '#seed-error', 'seed: must be a whole number from 0 to 2^53 − 1'],
  ['network=karate&model=ic&p=abc&seeds=random:1&seed=1', '#model-error', "model.p: 'abc' is not a number"],
];

/** The page answers (a round trip through its main thread) within `ms`. */
async function responsive(page, ms = 1000) {
  const t0 = Date.now();
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => ok())));
  const took = Date.now() - t0;
  assert.ok(took < ms, `the page took ${took} ms to answer`);
}

/** Play advances the running simulation. */
async function playWorks(page) {
  await page.click('#reset');
  await page.click('#play');
  await page.waitForFunction(() => window.viralsim.sim && window.viralsim.sim.stepCount() > 0, null, { timeout: 10000 });
  await page.click('#pause');
}

test('hostile addresses: an error that names the field, a responsive page, Play afterwards', { timeout: 300000 }, async () => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  for (const [address, slot, text] of HOSTILE) {
    const t0 = Date.now();
    await page.goto('about:blank');
    await page.goto(`${srv.url}#${address}`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true' && window.viralsim.idle(), null, { timeout: 20000 });
    await page.waitForFunction(([sel, want]) => document.querySelector(sel).textContent.includes(want), [slot, text], { timeout: 20000 })
      .catch(async () => assert.fail(`${address.slice(0, 80)}: ${slot} says '${await page.locator(slot).textContent()}'`));
    assert.ok(Date.now() - t0 < 15000, `${address.slice(0, 60)}: opened in ${Date.now() - t0} ms`);
    await responsive(page);
    await playWorks(page);
    assert.deepEqual(errors, [], address.slice(0, 80));
  }
  await page.close();
});

test('Bass and LT: "Brand re-posts now" is refused as a scheduled boost is, and the page goes on', { timeout: 60000 }, async () => {
  const { page, errors } = await openPage(browser, `${srv.url}#network=ba:n=300,m=2&model=bass&p=0.01&q=0.3&seeds=top-degree:3&seed=1`);
  await page.click('#step');
  await page.click('#step');
  await page.click('#boost-now');
  assert.match(await page.locator('#live-error').textContent(), /^boost: boost is defined for ic, sir, sis and rumor.*\(the model is bass\)/);
  await page.click('#step');
  assert.equal(await page.evaluate(() => window.viralsim.sim.stepCount()), 3);
  // the run is the CLI's, untouched by the refused boost
  const counts = await page.evaluate(() => window.viralsim.counts());
  const cli = JSON.parse(execFileSync(CLI, ['run', '--generate', 'ba:n=300,m=2', '--model', 'bass', '--p', '0.01', '--q', '0.3', '--seeds', 'top-degree:3', '--seed', '1', '--max-steps', '3']));
  assert.deepEqual(counts, cli.history.counts.flat());
  await playWorks(page);
  // LT: same rule (a scheduled boost in LT is refused too)
  await page.selectOption('#model-kind', 'lt');
  await page.waitForFunction(() => window.viralsim.idle() && window.viralsim.scenario().model.kind === 'lt');
  await page.click('#step');
  const before = await page.evaluate(() => window.viralsim.sim.reach());
  await page.click('#boost-now');
  assert.match(await page.locator('#live-error').textContent(), /\(the model is lt\)/);
  assert.equal(await page.evaluate(() => window.viralsim.sim.reach()), before);
  assert.deepEqual(errors, []);
  await page.close();
});

test('max_steps from the address is kept, shown, and gives the CLI numbers', { timeout: 120000 }, async () => {
  const hash = 'network=ba:n=300,m=2&model=sis&beta=0.2&gamma=0.3&seeds=top-degree:3&seed=1&max_steps=5';
  const { page, errors } = await openPage(browser, `${srv.url}#${hash}`);
  assert.equal(await page.locator('#max-steps').inputValue(), '5');
  assert.equal((await page.evaluate(() => window.viralsim.scenario())).max_steps, 5);
  await page.click('#play');
  await page.waitForFunction(() => window.viralsim.sim.isFinished(), null, { timeout: 20000 });
  assert.equal(await page.evaluate(() => window.viralsim.sim.stepCount()), 5);
  await page.locator('#mc-runs').fill('200');
  await page.click('#mc-go');
  await page.waitForFunction(() => window.viralsim.lastMc()?.runs === 200, null, { timeout: 60000 });
  const mean = await page.evaluate(() => window.viralsim.lastMc().reach.mean);
  const cli = JSON.parse(execFileSync(CLI, ['run', '--address', `http://x/#${hash}`, '--runs', '200']));
  assert.equal(mean, cli.reach.mean);
  assert.match(page.url(), /max_steps=5/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('an empty upload says so and keeps the page working', { timeout: 60000 }, async () => {
  const { page, errors } = await openPage(browser, srv.url);
  await page.selectOption('#net-kind', 'file');
  await page.setInputFiles('#file', { name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
  await page.waitForFunction(() => document.querySelector('#net-error').textContent.includes('is empty'));
  assert.match(await page.locator('#net-error').textContent(), /^file: 'empty\.csv' is empty \(0 bytes\)/);
  await responsive(page);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a wasm trap is survived: a fresh instance, the last scenario rebuilt, a message, and Play works', { timeout: 60000 }, async () => {
  const { page, errors } = await openPage(browser, `${srv.url}#network=ba:n=300,m=2&model=ic&p=0.1&seeds=top-degree:3&seed=1`);
  await page.click('#step');
  await page.evaluate(() => window.viralsim.forceTrap());
  await page.waitForFunction(() => window.viralsim.restarts() === 1 && window.viralsim.idle() && window.viralsim.sim, null, { timeout: 20000 });
  assert.match(await page.locator('#engine-status').textContent(), /restarted/);
  assert.equal((await page.evaluate(() => window.viralsim.scenario())).network, 'ba:n=300,m=2');
  // every button works again, on the fresh instance
  await playWorks(page);
  await page.click('#step');
  const counts = await page.evaluate(() => window.viralsim.counts());
  assert.ok(counts.length >= 6);
  await page.locator('#mc-runs').fill('100');
  await page.click('#mc-go');
  await page.waitForFunction(() => window.viralsim.lastMc()?.runs === 100, null, { timeout: 60000 });
  // the only errors are the forced panic's own report
  assert.ok(errors.every((e) => /forced trap|unreachable|RuntimeError/.test(e)), errors.join('\n'));
  await page.close();
});
