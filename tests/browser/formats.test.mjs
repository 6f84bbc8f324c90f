// Issue 12 §4: real audience files in the page. Every fixture written by networkx (GML, GraphML,
// GEXF, node-link JSON, Pajek) and the Gephi edge table gives the CLI's counts; the preview says
// what was read (format, people, friendships, direction, weights, attributes, the header); a
// text attribute becomes the segments, with their names in the selectors and the Monte Carlo's
// reach per segment; a file dropped on the picture is read; a bad file names its line and keeps
// the upload box open; "Download for Gephi" writes a GEXF the CLI reads back with each person's
// result.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, launch, openPage, ROOT } from './helpers.mjs';

const CLI = process.env.VIRALSIM_BIN || join(ROOT, 'target/release/viralsim');
const FIX = join(ROOT, 'tests/fixtures/formats');

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

const idle = (page) => page.waitForFunction(() => window.viralsim.idle() && window.viralsim.sim !== null, null, { timeout: 30000 });
const info = (file) => JSON.parse(execFileSync(CLI, ['info', '--graph', file, '--format', 'json'], { stdio: ['ignore', 'pipe', 'ignore'] }));

async function upload(page, name) {
  const before = await page.evaluate(() => window.viralsim.app.running?.network);
  await page.setInputFiles('#file', { name, mimeType: 'application/octet-stream', buffer: readFileSync(join(FIX, name)) });
  await page.waitForFunction((b) => window.viralsim.idle() && window.viralsim.app.running?.network !== b, before, { timeout: 30000 });
}

test('every fixture of every format gives the CLI\'s people and friendships, and the preview says what was read', { timeout: 180000 }, async () => {
  const { page, errors } = await openPage(browser, `${srv.url}#network=karate&model=ic&p=0.2&seeds=random:1&seed=1`);
  await idle(page);
  await page.selectOption('#net-kind', 'file');
  for (const name of ['nx_karate.gml', 'nx_karate.graphml', 'nx_karate.gexf', 'nx_karate.json', 'nx_karate.net', 'nx_audience.gml', 'nx_audience.graphml', 'nx_audience.gexf', 'nx_audience.json', 'gephi_edges.csv', 'follower.csv']) {
    await upload(page, name);
    const cli = info(join(FIX, name));
    const got = await page.evaluate(() => ({ n: window.viralsim.sim.n, m: window.viralsim.sim.edgeCount }));
    assert.deepEqual(got, { n: cli.nodes, m: cli.edges }, name);
    const text = await page.locator('#preview-text').textContent();
    assert.match(text, new RegExp(`Read as [\\w-]+: ${cli.nodes.toLocaleString('en')} people, ${cli.edges.toLocaleString('en')} friendships`), `${name}: ${text}`);
  }
  // an edge list with column names: the header decision is said
  assert.match(await page.locator('#preview-text').textContent(), /first line 'follower,followee' read as column names/);
  assert.deepEqual(errors, []);
});

test('a text attribute becomes the segments: names in the selectors and in the reach per segment; Download for Gephi reads back', { timeout: 120000 }, async () => {
  const { page, errors } = await openPage(browser, `${srv.url}#network=karate&model=ic&p=0.5&seeds=random:2&seed=2&lang=en`);
  await idle(page);
  await page.selectOption('#net-kind', 'file');
  await upload(page, 'nx_audience.gexf');
  assert.match(await page.locator('#preview-attributes').textContent(), /country \(text\): France, Germany, Spain/);
  assert.ok(await page.locator('#segment-by').isVisible());
  await page.selectOption('#segment-by', 'country');
  await page.waitForFunction(() => window.viralsim.idle() && /segment_by=country/.test(window.viralsim.app.running?.network ?? ''));
  const options = await page.locator('#ad-segment option').allTextContents();
  assert.deepEqual(options.slice(1), ['France', 'Germany', 'Spain']);
  await page.locator('#mc-runs').fill('200');
  await page.click('#mc-go');
  await page.waitForFunction(() => window.viralsim.lastMc()?.runs === 200, null, { timeout: 60000 });
  const rows = await page.locator('#mc-segments tbody tr td:first-child').allTextContents();
  assert.deepEqual(rows, ['France', 'Germany', 'Spain']);
  // the CLI, on the same file with --segment-by country, gives the same reach per segment
  const s = await page.evaluate(() => window.viralsim.app.running);
  const cli = JSON.parse(execFileSync(CLI, ['run', '--graph', join(FIX, 'nx_audience.gexf'), '--segment-by', 'country', '--model', 'ic', '--p', '0.5',
    '--seeds', s.seeds, '--seed', String(s.seed), '--runs', '200']));
  const mc = await page.evaluate(() => window.viralsim.lastMc());
  assert.deepEqual(mc.segments.map((g) => g.reached.mean), cli.segments.map((g) => g.reached.mean));
  // a campaign targeted at a named segment: the scenario (so the address, and every file that
  // saves it) keeps the names; the CLI given the same names gives the same numbers
  for (const [id, v] of [['#ad-impressions', '2'], ['#ad-conversion', '0.3'], ['#ad-steps', '3'], ['#stickiness', 'France=1.5, Spain=0.5']]) {
    await page.locator(id).fill(v);
    await page.locator(id).dispatchEvent('change');
  }
  await page.selectOption('#ad-segment', { label: 'Germany' });
  await page.waitForFunction(() => window.viralsim.idle() && window.viralsim.app.running?.campaign?.ads?.segment === 'Germany');
  const camp = await page.evaluate(() => window.viralsim.app.running.campaign);
  assert.deepEqual(camp.stickiness, { France: 1.5, Spain: 0.5 });
  const hash = decodeURIComponent(await page.evaluate(() => location.hash));
  assert.match(hash, /"segment":"Germany"/);
  assert.match(hash, /"stickiness":\{"France":1\.5,"Spain":0\.5\}/);
  await page.evaluate(() => { window.previousMc = window.viralsim.lastMc(); });
  await page.click('#mc-go');
  await page.waitForFunction(() => window.viralsim.lastMc() && window.viralsim.lastMc() !== window.previousMc, null, { timeout: 60000 });
  const named = await page.evaluate(() => window.viralsim.lastMc());
  const cliNamed = JSON.parse(execFileSync(CLI, ['run', '--graph', join(FIX, 'nx_audience.gexf'), '--segment-by', 'country', '--model', 'ic', '--p', '0.5',
    '--seeds', s.seeds, '--seed', String(s.seed), '--runs', '200', '--ad-impressions', '2', '--ad-conversion', '0.3', '--ad-steps', '3',
    '--ad-segment', 'Germany', '--stickiness', 'France=1.5,Spain=0.5', '--format', 'json']));
  assert.deepEqual(cliNamed.scenario.campaign.ads.segment, 'Germany');
  assert.deepEqual(named.segments.map((g) => g.reached.mean), cliNamed.segments.map((g) => g.reached.mean));
  assert.equal(named.reach.mean, cliNamed.reach.mean);
  // a run, then the network with each person's result for Gephi
  await page.click('#step');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#gephi')]);
  const gexf = join(ROOT, 'target/page-result.gexf');
  writeFileSync(gexf, readFileSync(await download.path()));
  const back = info(gexf);
  assert.equal(back.nodes, await page.evaluate(() => window.viralsim.sim.n));
  const names = back.attributes.map((a) => a.name);
  for (const a of ['state', 'country']) assert.ok(names.includes(a), `${a} in ${names}`);
  assert.deepEqual(errors, []);
});

test('a file dropped on the picture is read; a bad one names its line and keeps the upload box open', { timeout: 60000 }, async () => {
  const { page, errors } = await openPage(browser, `${srv.url}#network=karate&model=ic&p=0.2&seeds=random:1&seed=1`);
  await idle(page);
  const text = readFileSync(join(FIX, 'nx_karate.gml'), 'utf8');
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'club.gml'));
    const view = document.getElementById('view');
    view.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    view.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, text);
  await page.waitForFunction(() => window.viralsim.idle() && /^file:club\.gml/.test(window.viralsim.app.running?.network ?? ''));
  assert.equal(await page.locator('#net-kind').inputValue(), 'file');
  // a GraphML cut short: the error names where, the network on screen stays, the box stays open
  await page.setInputFiles('#file', { name: 'broken.graphml', mimeType: 'application/xml', buffer: Buffer.from('<?xml version="1.0"?>\n<graphml>\n<graph edgedefault="undirected">\n<node id="a"/>\n<edge source="a" target=') });
  await page.waitForFunction(() => document.getElementById('net-error').textContent.length > 0);
  assert.match(await page.locator('#net-error').textContent(), /line/);
  assert.ok(await page.locator('#file').isVisible());
  assert.match(await page.evaluate(() => window.viralsim.app.running.network), /^file:club\.gml/);
  assert.deepEqual(errors, []);
});

test("a Gephi edge table with its node table: the preview counts the node table's people and attributes, segments come from it, and the numbers are the CLI's --nodes", { timeout: 90000 }, async () => {
  const { page, errors } = await openPage(browser, `${srv.url}#network=karate&model=ic&p=0.2&seeds=random:1&seed=1&lang=en`);
  await idle(page);
  await page.selectOption('#net-kind', 'file');
  assert.ok(await page.locator('#nodes-file').isHidden(), 'no node table box before a Gephi edge table');
  await upload(page, 'gephi_edges.csv');
  assert.ok(await page.locator('#nodes-file').isVisible(), 'a Gephi edge table offers its node table');
  assert.match(await page.locator('#preview-text').textContent(), /Read as gephi-csv: 4 people/);
  await page.setInputFiles('#nodes-file', { name: 'gephi_nodes.csv', mimeType: 'text/csv', buffer: readFileSync(join(FIX, 'gephi_nodes.csv')) });
  await page.waitForFunction(() => window.viralsim.idle() && /,nodes=gephi_nodes\.csv$/.test(window.viralsim.app.running?.network ?? ''));
  assert.match(await page.locator('#preview-text').textContent(), /Read as gephi-csv: 5 people, 4 friendships/);
  assert.match(await page.locator('#preview-attributes').textContent(), /country \(text\): France, Germany, Spain/);
  const cli = JSON.parse(execFileSync(CLI, ['info', '--graph', join(FIX, 'gephi_edges.csv'), '--nodes', join(FIX, 'gephi_nodes.csv'), '--format', 'json'], { stdio: ['ignore', 'pipe', 'ignore'] }));
  assert.equal(await page.evaluate(() => window.viralsim.sim.n), cli.nodes);
  await page.selectOption('#segment-by', 'country');
  await page.waitForFunction(() => window.viralsim.idle() && window.viralsim.app.running?.network === 'file:gephi_edges.csv,segment_by=country,nodes=gephi_nodes.csv');
  assert.deepEqual((await page.locator('#ad-segment option').allTextContents()).slice(1), ['France', 'Germany', 'Spain', '(none)']);
  // a bad node table names itself and its line; the network on screen stays
  await page.setInputFiles('#nodes-file', { name: 'twice.csv', mimeType: 'text/csv', buffer: Buffer.from('Id;Label\nann;A\nann;B\n') });
  await page.waitForFunction(() => document.getElementById('net-error').textContent.length > 0);
  assert.match(await page.locator('#net-error').textContent(), /^nodes: line 3: /);
  assert.match(await page.evaluate(() => window.viralsim.app.running.network), /,nodes=gephi_nodes\.csv$/);
  // the address names the node table: opened elsewhere, the page asks for it once the edge table is there
  const address = await page.evaluate(() => location.hash);
  const other = await openPage(browser, `${srv.url}${address}`);
  await other.page.waitForFunction(() => document.getElementById('net-error').textContent.length > 0 || document.body.textContent.includes('upload'));
  await other.page.setInputFiles('#file', { name: 'gephi_edges.csv', mimeType: 'text/csv', buffer: readFileSync(join(FIX, 'gephi_edges.csv')) });
  await other.page.waitForFunction(() => /node table 'gephi_nodes\.csv'/.test(document.body.textContent));
  assert.ok(await other.page.locator('#nodes-file').isVisible());
  await other.page.setInputFiles('#nodes-file', { name: 'gephi_nodes.csv', mimeType: 'text/csv', buffer: readFileSync(join(FIX, 'gephi_nodes.csv')) });
  await other.page.waitForFunction(() => window.viralsim.idle() && window.viralsim.sim?.n === 5);
  assert.deepEqual(errors, []);
  assert.deepEqual(other.errors, []);
});
