// The content and interventions in the page, in real Chromium: controls → scenario → the CLI's
// numbers, the URL round trip, a segments file upload, live mute and boost, and the single-run
// chart's ad / word-of-mouth split.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, openPage, nodeOnScreen, ROOT } from './helpers.mjs';

const CLI = join(ROOT, 'target/release/viralsim');
let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

async function set(page, id, v) {
  await page.locator(id).fill(v);
  await page.locator(id).dispatchEvent('change');
}

test('decay, stickiness, posting, seed segment and scheduled interventions: CLI numbers and URL round trip', { timeout: 120000 }, async () => {
  const { page, errors } = await openPage(browser, `${srv.url}#network=sbm:sizes=150/150,pin=0.08,pout=0.01&model=sir&beta=0.2&gamma=0.3&seeds=top-degree:3&seed=5`);
  // segment controls appear because the network has two segments
  await page.waitForSelector('#seed-segment option[value="1"]', { state: 'attached' });
  assert.ok(await page.locator('#stickiness').isVisible());
  for (const [id, v] of [['#half-life', '4'], ['#fatigue', '0.1'], ['#post-prob', '0.8'], ['#stickiness', '1/0.5'], ['#boost-at', '5'],
    ['#mute-k', '2'], ['#mute-at', '3'], ['#debunk-k', '5'], ['#debunk-at', '4']]) await set(page, id, v);
  await page.selectOption('#seed-segment', '1');
  await page.waitForFunction(() => window.viralsim.scenario().campaign?.seed_segment === 1);
  const sc = await page.evaluate(() => window.viralsim.scenario());
  assert.deepEqual(sc.campaign, {
    decay: { half_life: 4, fatigue: 0.1 }, stickiness: [1, 0.5], post_probability: 0.8, seed_segment: 1,
    interventions: [{ step: 5, action: 'boost' }, { step: 3, action: 'mute', nodes: 'top-degree:2' }, { step: 4, action: 'debunk', nodes: 'random:5' }],
  });
  // the page's run and Monte Carlo are the CLI's, draw for draw
  const dir = await mkdtemp(join(process.env.TMPDIR || '/tmp', 'viralsim-content-'));
  const file = join(dir, 'content.json');
  await writeFile(file, JSON.stringify(sc));
  await page.evaluate(() => window.viralsim.sim.step(1000));
  const one = JSON.parse(execFileSync(CLI, ['run', '--scenario', file, '--runs', '1']));
  assert.deepEqual(await page.evaluate(() => window.viralsim.counts()), one.history.counts.flat());
  await page.locator('#mc-runs').fill('400');
  await page.click('#mc-go');
  await page.waitForFunction(() => window.viralsim.lastMc()?.runs === 400, null, { timeout: 60000 });
  const cli = JSON.parse(execFileSync(CLI, ['run', '--scenario', file, '--runs', '400']));
  assert.deepEqual(await page.evaluate(() => window.viralsim.lastMc().reach), cli.reach);
  // the reach table per segment shows the CLI's means
  assert.equal(await page.locator('#mc-segments tbody tr').count(), 2);
  const row1 = await page.locator('#mc-segments tbody tr').nth(1).locator('td').allTextContents();
  assert.equal(row1[0], '1');
  assert.equal(Number(row1[2].replace(/,/g, '')), Math.round(cli.segments[1].reached.mean * 10) / 10);
  // a bad stickiness is refused next to the controls and the box goes back
  await set(page, '#stickiness', '1/x');
  assert.match(await page.locator('#campaign-error').textContent(), /campaign\.stickiness: '1\/x'/);
  assert.equal(await page.locator('#stickiness').inputValue(), '1/0.5');
  // debunkers need a model that has stiflers: the core's message, the old controls kept
  await page.selectOption('#model-kind', 'ic');
  assert.match(await page.locator('#campaign-error').textContent(), /debunk is defined for rumor, sir and sis/);
  assert.equal(await page.locator('#model-kind').inputValue(), 'sir');
  // the address reproduces every control
  const { page: again } = await openPage(browser, await page.evaluate(() => location.href));
  assert.deepEqual(await again.evaluate(() => window.viralsim.scenario()), sc);
  for (const [id, v] of [['#half-life', '4'], ['#boost-at', '5'], ['#mute-k', '2'], ['#debunk-at', '4'], ['#seed-segment', '1']]) {
    assert.equal(await again.locator(id).inputValue(), v, id);
  }
  assert.deepEqual(errors, []);
  await again.close();
  await page.close();
});

test('an uploaded segments file gives segment controls; a bad one names its line', { timeout: 60000 }, async () => {
  const { page, errors } = await openPage(browser, `${srv.url}#network=karate&model=ic&p=0.2&seeds=random:1&seed=1`);
  await page.selectOption('#net-kind', 'file');
  const edges = 'a,b\nb,c\nc,d\nd,e\ne,f\nf,a\n';
  await page.setInputFiles('#file', { name: 'audience.csv', mimeType: 'text/csv', buffer: Buffer.from(edges) });
  await page.waitForFunction(() => window.viralsim.sim?.n === 6);
  assert.ok(await page.locator('#seed-segment').isHidden());
  await page.setInputFiles('#seg-file', { name: 'groups.csv', mimeType: 'text/csv', buffer: Buffer.from('id,segment\na,0\nb,0\nc,0\nd,1\ne,1\nf,x\n') });
  await page.waitForFunction(() => document.getElementById('net-error').textContent !== '');
  assert.equal(await page.locator('#net-error').textContent(), 'segments: line 7: segment \'x\' is not a whole number 0–65535');
  await page.setInputFiles('#seg-file', { name: 'groups.csv', mimeType: 'text/csv', buffer: Buffer.from('id,segment\na,0\nb,0\nc,0\nd,1\ne,1\nf,1\n') });
  await page.waitForFunction(() => window.viralsim.sim?.segmentCount === 2);
  assert.equal(await page.evaluate(() => window.viralsim.scenario().network), 'file:audience.csv,segments=groups.csv');
  assert.ok(await page.locator('#seed-segment').isVisible());
  await page.selectOption('#seed-segment', '1');
  await page.waitForFunction(() => window.viralsim.scenario().campaign?.seed_segment === 1);
  const seed = await page.evaluate(() => window.viralsim.sim.nodeInfo(window.viralsim.sim.seeds()[0]).label);
  assert.ok(['d', 'e', 'f'].includes(seed), seed);
  assert.deepEqual(errors, []);
  await page.close();
});

test('during a run a click mutes a person, Boost re-posts, and the chart splits ads from word of mouth', { timeout: 60000 }, async () => {
  // SIR with certain transmission on a star, seeded at a leaf: the hub is told at step 1
  const { page, errors } = await openPage(browser, `${srv.url}#network=star:n=12&model=sir&beta=1&gamma=1&seeds=nodes:1&seed=1`);
  await page.waitForFunction(() => window.viralsim.layoutSettled(), null, { timeout: 20000 });
  await page.click('#step');
  await page.waitForFunction(() => window.viralsim.sim.stepCount() === 1 && window.viralsim.sim.reach() === 2);
  await page.selectOption('#click-action', 'mute');
  const at = await nodeOnScreen(page, 0);
  await page.mouse.click(at.x, at.y);
  await page.waitForFunction(() => window.viralsim.sim.isMuted(0));
  assert.match(await page.locator('#content-status').textContent(), /is muted/);
  await page.evaluate(() => window.viralsim.sim.step(100));
  assert.equal(await page.evaluate(() => window.viralsim.sim.reach()), 2, 'the muted hub told nobody');
  // Boost: the seed posts again (its only neighbour has heard it already)
  await page.click('#boost-now');
  assert.equal(await page.locator('#content-status').textContent(), '1 seeds posted again.');
  // ads: the single-run chart gets the ad / word-of-mouth split, as the CLI labels it
  await page.goto(`${srv.url}#network=ba:n=500,m=2&model=ic&p=0.05&seeds=random:2&seed=3&campaign={"ads":{"impressions_per_step":20,"conversion":0.3,"steps":4}}`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  await page.evaluate(() => window.viralsim.sim.step(1000));
  const causes = await page.evaluate(() => Array.from(window.viralsim.sim.reachByCause()));
  const dir = await mkdtemp(join(process.env.TMPDIR || '/tmp', 'viralsim-ads-'));
  const file = join(dir, 'ads.json');
  await writeFile(file, JSON.stringify(await page.evaluate(() => window.viralsim.scenario())));
  const cli = JSON.parse(execFileSync(CLI, ['run', '--scenario', file, '--runs', '1']));
  assert.equal(causes.at(-2), cli.reach.mean);
  assert.equal(causes.at(-1), cli.ad_curve.mean.at(-1));
  assert.ok(causes.at(-1) > 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('interventions the controls cannot show are listed and kept in the scenario', { timeout: 60000 }, async () => {
  const campaign = { interventions: [{ step: 2, action: 'boost' }, { step: 6, action: 'boost' }, { step: 3, action: 'mute', nodes: 'nodes:0,33' }] };
  const { page, errors } = await openPage(browser, `${srv.url}#network=karate&model=ic&p=0.2&seeds=top-degree:2&seed=4&campaign=${encodeURIComponent(JSON.stringify(campaign))}`);
  assert.equal(await page.locator('#boost-at').inputValue(), '2');
  assert.equal(await page.locator('#extra-iv').textContent(), 'Also in this scenario (from its address): boost @ 6; mute @ 3 (nodes:0,33).');
  assert.deepEqual(await page.evaluate(() => window.viralsim.scenario().campaign), campaign);
  assert.deepEqual(errors, []);
  await page.close();
});
