// Campaign-lab pieces of the page in real Chromium: Monte Carlo in Web Workers (identical to the
// CLI, progress, cancel, export) and influencer strategies in scenario URLs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, openPage, ROOT, scenarioToHash } from './helpers.mjs';

const CLI = join(ROOT, 'target/release/viralsim');
let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

test('Monte Carlo in Web Workers gives exactly the CLI numbers, with progress and export', { timeout: 120000 }, async () => {
  assert.ok(existsSync(CLI), 'the release CLI is built (./test builds it)');
  const { page, errors } = await openPage(browser, `${srv.url}#network=ba:n=2000,m=3&model=sir&beta=0.1&gamma=0.4&seeds=random:2&seed=9`);
  await page.locator('#mc-runs').fill('3000');
  await page.click('#mc-go');
  await page.waitForSelector('#mc-progress:not([hidden])');
  await page.waitForFunction(() => window.viralsim.lastMc() !== null, null, { timeout: 90000 });
  const r = await page.evaluate(() => window.viralsim.lastMc());
  const cli = JSON.parse(execFileSync(CLI, ['run', '--generate', 'ba:n=2000,m=3', '--model', 'sir', '--beta', '0.1', '--gamma', '0.4',
    '--seeds', 'random:2', '--seed', '9', '--runs', '3000', '--threshold', '1000']));
  assert.deepEqual(r.reach, cli.reach);
  assert.deepEqual(r.curve, cli.curve);
  assert.equal(r.prob_exceed, cli.prob_exceed.probability);
  assert.ok(await page.locator('#mc-chart').isVisible());
  assert.ok(await page.locator('#mc-progress').isHidden());
  // export: CSV with one row per step, JSON with the scenario
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#mc-csv')]);
  assert.equal(csv.suggestedFilename(), 'viralsim-runs.csv');
  const lines = (await readFile(await csv.path(), 'utf8')).trim().split('\n');
  assert.equal(lines[0], 'step,reach_mean,reach_p05,reach_p95,active_mean,active_p05,active_p95,ad_driven_mean,word_of_mouth_mean');
  assert.equal(lines.length - 1, cli.curve.mean.length);
  // the page's CSV is the CLI's file, byte for byte (one report module renders both)
  const cliCsv = execFileSync(CLI, ['run', '--generate', 'ba:n=2000,m=3', '--model', 'sir', '--beta', '0.1', '--gamma', '0.4',
    '--seeds', 'random:2', '--seed', '9', '--runs', '3000', '--threshold', '1000', '--format', 'csv'], { encoding: 'utf8' });
  assert.equal(await readFile(await csv.path(), 'utf8'), cliCsv);
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('#mc-json')]);
  const text = await readFile(await json.path(), 'utf8');
  const j = JSON.parse(text);
  assert.equal(j.scenario.network, 'ba:n=2000,m=3');
  for (const k of ['reach', 'reach_fraction', 'curve', 'active_curve', 'ad_curve', 'prob_exceed', 'nodes', 'edges', 'seed', 'runs', 'states', 'edge_checks']) {
    assert.deepEqual(j[k], cli[k], k);
  }
  // and it replays: the CLI reads the scenario inside the download
  const { mkdtemp, writeFile } = await import('node:fs/promises');
  const tmp = join(await mkdtemp(join(process.env.TMPDIR || '/tmp', 'viralsim-mc-')), 'viralsim-runs.json');
  await writeFile(tmp, text);
  const replay = JSON.parse(execFileSync(CLI, ['run', '--scenario', tmp, '--runs', '3000']));
  assert.deepEqual(replay.reach, cli.reach);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a long Monte Carlo can be cancelled and the page keeps working', { timeout: 120000 }, async () => {
  const { page, errors } = await openPage(browser, `${srv.url}#network=ws:n=20000,k=10,p=0.1&model=ic&p=0.3&seeds=random:5&seed=1`);
  await page.locator('#mc-runs').fill('100000');
  await page.click('#mc-go');
  await page.waitForFunction(() => document.getElementById('mc-progress').value > 0, null, { timeout: 60000 });
  await page.click('#mc-cancel');
  await page.waitForFunction(() => document.getElementById('mc-status').textContent === 'Cancelled.');
  assert.ok(await page.locator('#mc-cancel').isHidden());
  assert.equal(await page.evaluate(() => window.viralsim.lastMc()), null);
  // the page still plays, and a new Monte Carlo still runs
  await page.locator('#speed').fill('30');
  await page.click('#play');
  await page.waitForFunction(() => window.viralsim.sim.stepCount() >= 2, null, { timeout: 20000 });
  await page.click('#pause');
  await page.locator('#mc-runs').fill('50');
  await page.click('#mc-go');
  await page.waitForFunction(() => window.viralsim.lastMc()?.runs === 50, null, { timeout: 60000 });
  assert.deepEqual(errors, []);
  await page.close();
});

test('an influencer strategy in the URL picks the same people as the CLI', { timeout: 120000 }, async () => {
  const sc = { network: 'hk:n=3000,m=3,pt=0.4', model: { kind: 'ic', p: 0.05 }, seeds: 'imm:5,epsilon=0.3', seed: 21, max_steps: 1000 };
  const { page, errors } = await openPage(browser, srv.url + scenarioToHash(sc));
  const s = await page.evaluate(() => window.viralsim.scenario());
  assert.equal(s.seeds, 'imm:5,epsilon=0.3');
  assert.equal(await page.locator('#seed-mode').inputValue(), 'imm');
  const pageSeeds = await page.evaluate(() => window.viralsim.sim.seeds());
  await page.evaluate(() => window.viralsim.sim.step(1000));
  const counts = await page.evaluate(() => window.viralsim.counts());
  const cli = JSON.parse(execFileSync(CLI, ['run', '--generate', sc.network, '--model', 'ic', '--p', '0.05', '--seeds', 'imm:5', '--epsilon', '0.3', '--seed', '21']));
  assert.deepEqual(counts, cli.history.counts.flat());
  assert.equal(pageSeeds.length, 5);
  // a bad epsilon shows next to the seed controls
  await page.goto(srv.url + scenarioToHash(sc).replace('epsilon=0.3', 'epsilon=3'));
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  assert.match(await page.locator('#seed-error').textContent(), /epsilon: must be in \[0\.01, 1\)/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a two-scenario comparison: table equal to the CLI, exports, and the URL round trip', { timeout: 180000 }, async () => {
  const { page, errors } = await openPage(browser, `${srv.url}#network=ba:n=2000,m=3&model=ic&p=0.05&seeds=top-degree:5&seed=4`);
  await page.click('#cmp-add');
  await page.selectOption('#seed-mode', 'random');
  await page.locator('#k-seeds').fill('5');
  await page.locator('#k-seeds').dispatchEvent('change');
  await page.waitForFunction(() => window.viralsim.scenario().seeds === 'random:5');
  await page.click('#cmp-add');
  assert.equal(await page.locator('#cmp-list li').count(), 2);
  await page.locator('#mc-runs').fill('1000');
  await page.click('#cmp-go');
  await page.waitForFunction(() => window.viralsim.lastComparison() !== null, null, { timeout: 120000 });
  const c = await page.evaluate(() => window.viralsim.lastComparison());
  // the same comparison by the CLI
  const dir = await import('node:fs/promises').then((fs) => fs.mkdtemp(join((process.env.TMPDIR || '/tmp'), 'viralsim-cmp-')));
  const { writeFile } = await import('node:fs/promises');
  const a = join(dir, 'A.json'), b = join(dir, 'B.json');
  await writeFile(a, JSON.stringify({ network: 'ba:n=2000,m=3', model: { kind: 'ic', p: 0.05 }, seeds: 'top-degree:5', seed: 4 }));
  await writeFile(b, JSON.stringify({ network: 'ba:n=2000,m=3', model: { kind: 'ic', p: 0.05 }, seeds: 'random:5', seed: 4 }));
  const cli = JSON.parse(execFileSync(CLI, ['compare', a, b, '--runs', '1000', '--seed', '4', '--threshold', '1000', '--format', 'json']));
  for (const k of [0, 1]) {
    assert.deepEqual(c.scenarios[k].reach, cli.scenarios[k].reach);
    assert.equal(c.scenarios[k].steps_to_50, cli.scenarios[k].steps_to_50);
  }
  assert.deepEqual(c.pairs[0].ci95, cli.pairs[0].ci95);
  assert.equal(c.pairs[0].prob_a_better, cli.pairs[0].prob_a_better);
  assert.equal(c.best, 'A');
  // the table, the chart and the verdict are shown
  assert.equal(await page.locator('#cmp-table tbody tr').count(), 2);
  assert.ok(await page.locator('#cmp-chart').isVisible());
  assert.match(await page.locator('#cmp-best').textContent(), /^A reaches the most people/);
  // exports
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#cmp-csv')]);
  const lines = (await readFile(await csv.path(), 'utf8')).trim().split('\n');
  assert.equal(lines.length, 3);
  assert.match(lines[0], /^scenario,reach_mean,reach_std,reach_ci95_low,reach_ci95_high,reach_fraction,prob_exceed,steps_to_50,cost_per_adopter,prob_better_than_A,prob_better_than_B$/);
  assert.equal(Number(lines[1].split(',')[1]), cli.scenarios[0].reach.mean);
  // the CLI's compare CSV, byte for byte
  const cliCsv = execFileSync(CLI, ['compare', a, b, '--runs', '1000', '--seed', '4', '--threshold', '1000', '--format', 'csv'], { encoding: 'utf8' });
  assert.equal(await readFile(await csv.path(), 'utf8'), cliCsv);
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('#cmp-json')]);
  const j = JSON.parse(await readFile(await json.path(), 'utf8'));
  assert.deepEqual(j.scenario_set.map((s) => s.seeds), ['top-degree:5', 'random:5']);
  assert.deepEqual(j.scenarios.map((s) => s.reach), cli.scenarios.map((s) => s.reach));
  // the URL carries the scenario set: a new page has the same two scenarios and the same result
  const url = await page.evaluate(() => location.href);
  assert.match(url, /&compare=/);
  const { page: again } = await openPage(browser, url);
  assert.deepEqual(await again.evaluate(() => window.viralsim.compareSet().map((s) => s.seeds)), ['top-degree:5', 'random:5']);
  assert.equal(await again.locator('#cmp-list li').count(), 2);
  await again.locator('#mc-runs').fill('1000');
  await again.click('#cmp-go');
  await again.waitForFunction(() => window.viralsim.lastComparison() !== null, null, { timeout: 120000 });
  assert.deepEqual(await again.evaluate(() => window.viralsim.lastComparison().pairs), c.pairs);
  assert.deepEqual(errors, []);
  await again.close();
  await page.close();
});

test('prices, a budget and ads set in the page give the CLI numbers and travel in the URL', { timeout: 120000 }, async () => {
  const { page, errors } = await openPage(browser, `${srv.url}#network=karate&model=ic&p=0.1&seeds=top-degree:2&seed=6`);
  for (const [id, v] of [['#cost-seed', '10'], ['#cost-degree', '1'], ['#ad-impressions', '4'], ['#ad-conversion', '0.2'], ['#ad-steps', '3'], ['#cost-impression', '0.5']]) {
    await page.locator(id).fill(v);
    await page.locator(id).dispatchEvent('change');
  }
  await page.selectOption('#seed-mode', 'budget');
  await page.locator('#budget').fill('60');
  await page.locator('#budget').dispatchEvent('change');
  await page.waitForFunction(() => window.viralsim.scenario().seeds === 'budget:60' && window.viralsim.idle());
  const sc = await page.evaluate(() => window.viralsim.scenario());
  assert.deepEqual(sc.campaign, { ads: { impressions_per_step: 4, conversion: 0.2, steps: 3 }, costs: { per_seed: 10, per_seed_degree: 1, per_impression: 0.5 } });
  assert.match(await page.evaluate(() => location.hash), /campaign=/);
  // the same run and the same Monte Carlo as the CLI on that scenario
  const dir = await import('node:fs/promises').then((fs) => fs.mkdtemp(join(process.env.TMPDIR || '/tmp', 'viralsim-budget-')));
  const file = join(dir, 'page.json');
  await import('node:fs/promises').then((fs) => fs.writeFile(file, JSON.stringify(sc)));
  await page.evaluate(() => window.viralsim.sim.step(1000));
  const one = JSON.parse(execFileSync(CLI, ['run', '--scenario', file, '--runs', '1']));
  assert.deepEqual(await page.evaluate(() => window.viralsim.counts()), one.history.counts.flat());
  await page.locator('#mc-runs').fill('500');
  await page.click('#mc-go');
  await page.waitForFunction(() => window.viralsim.lastMc()?.runs === 500, null, { timeout: 60000 });
  const r = await page.evaluate(() => window.viralsim.lastMc());
  const cli = JSON.parse(execFileSync(CLI, ['run', '--scenario', file, '--runs', '500']));
  assert.deepEqual(r.campaign, cli.campaign);
  assert.ok(cli.campaign.seed_cost <= 60);
  assert.match(await page.locator('#mc-result').textContent(), /per person reached/);
  // a bad price shows next to the campaign controls
  await page.locator('#cost-seed').fill('-5');
  await page.locator('#cost-seed').dispatchEvent('change');
  // (budget seeding is chosen in a worker, so the error arrives asynchronously)
  await page.waitForFunction(() => document.getElementById('campaign-error').textContent !== '');
  assert.match(await page.locator('#campaign-error').textContent(), /campaign\.costs\.per_seed: must be a number ≥ 0/);
  assert.equal(await page.locator('#cost-seed').inputValue(), '10');
  // the address reproduces the controls
  const { page: again } = await openPage(browser, await page.evaluate(() => location.href));
  assert.deepEqual(await again.evaluate(() => window.viralsim.scenario()), sc);
  assert.equal(await again.locator('#budget').inputValue(), '60');
  assert.deepEqual(errors, []);
  await again.close();
  await page.close();
});

test('CELF chooses the influencers in a worker: the page keeps drawing, and the seeds are the CLI\'s', { timeout: 120000 }, async () => {
  const { page, errors } = await openPage(browser, `${srv.url}#network=ba:n=20000,m=3&model=ic&p=0.04&seeds=top-degree:3&seed=2`);
  // about 2–3 s of simulation to choose 3 seeds
  await page.evaluate(() => { location.hash = location.hash.replace('top-degree:3', 'celf:3,runs=600'); });
  await page.waitForFunction(() => document.getElementById('seed-status').textContent !== '');
  // the main thread's longest stall over one second while CELF runs (it would be the whole
  // computation if CELF ran on the main thread)
  const stall = await page.evaluate(() => new Promise((done) => {
    const t0 = performance.now();
    let last = t0, worst = 0;
    const tick = () => {
      const now = performance.now();
      worst = Math.max(worst, now - last);
      last = now;
      if (now - t0 < 1000) setTimeout(tick, 10); else done({ worst, still: document.getElementById('seed-status').textContent !== '' });
    };
    setTimeout(tick, 10);
  }));
  assert.ok(stall.still, 'CELF was still running at the end of the measurement');
  assert.ok(stall.worst < 500, `the main thread stalled ${stall.worst} ms while CELF ran`);
  await page.waitForFunction(() => window.viralsim.idle() && window.viralsim.sim.seeds().length === 3, null, { timeout: 60000 });
  assert.equal(await page.locator('#seed-status').textContent(), '');
  assert.equal(await page.evaluate(() => window.viralsim.scenario().seeds), 'celf:3,runs=600');
  await page.evaluate(() => window.viralsim.sim.step(1000));
  const cli = JSON.parse(execFileSync(CLI, ['run', '--generate', 'ba:n=20000,m=3', '--model', 'ic', '--p', '0.04', '--seeds', 'celf:3,runs=600', '--seed', '2']));
  assert.deepEqual(await page.evaluate(() => window.viralsim.counts()), cli.history.counts.flat());
  assert.deepEqual(errors, []);
  await page.close();
});
