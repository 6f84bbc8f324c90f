// The full page's Embed button, as a new user would use it: open the page, press Embed, copy the
// element snippet, paste it into a page of another origin (a second server on another port),
// and the widget there loads, shows the same scenario and steps. Also: the dialog's keyboard use
// (Enter opens it, Escape closes it and focus goes back), its French, the iframe snippet, and
// the copy fallback where the clipboard is refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, serveHost, launch, openPage, scenarioToHash } from './helpers.mjs';

let srv, host, hostUrl, browser;
let pasted = ''; // what the host page's body holds (the snippet the test "pastes")

const SCENARIO = { network: 'ba:n=120,m=2', model: { kind: 'ic', p: 0.3 }, seeds: 'top-degree:2', seed: 5 };

before(async () => {
  srv = await serve();
  host = await serveHost((path) => (path !== '/' ? null
    : `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>My course</title><link rel="icon" href="data:,"></head>
<body><h1>Week 3: word of mouth</h1>
${pasted}
</body></html>`));
  hostUrl = host.url;
  assert.notEqual(new URL(hostUrl).origin, new URL(srv.url).origin);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await srv?.close();
  await host?.close();
});

const snippet = (page, id) => page.locator(`#${id}`).inputValue();

test('Embed: the element snippet, pasted into a page of another origin, loads the scenario on screen and steps', { timeout: 90000 }, async () => {
  const hash = scenarioToHash(SCENARIO);
  const { page, errors } = await openPage(browser, `${srv.url}${hash}`);
  await page.waitForFunction(() => window.viralsim.idle() && window.viralsim.sim);
  await page.locator('#embed').click();
  const dialog = page.locator('#embed-dialog');
  assert.equal(await dialog.evaluate((d) => d.open), true);
  assert.equal(await page.locator('#embed').textContent(), 'Embed');

  const element = await snippet(page, 'embed-element');
  const iframe = await snippet(page, 'embed-iframe');
  const address = hash.replace(/^#/, '');
  assert.equal(element,
    `<script type="module" src="${srv.url}viral-sim.js"></script>\n`
    + `<viral-sim scenario="${address}" controls="play step reset speed p"></viral-sim>`);
  assert.equal(iframe, `<iframe src="${srv.url}embed.html#${address}&controls=play+step+reset+speed+p" width="560" height="380" title="viralsim" loading="lazy" style="border:0;max-width:100%"></iframe>`);
  assert.ok(!element.includes('lang='), 'no language in an English snippet');

  // Escape closes it and gives the focus back to the button
  await page.keyboard.press('Escape');
  assert.equal(await dialog.evaluate((d) => d.open), false);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'embed');
  assert.deepEqual(errors, []);
  await page.close();

  // the snippet, pasted into a course page on another origin
  pasted = element;
  const hostPage = await browser.newPage({ viewport: { width: 900, height: 700 }, deviceScaleFactor: 1 });
  const hostErrors = [];
  hostPage.on('console', (m) => { if (m.type() === 'error') hostErrors.push(m.text()); });
  hostPage.on('pageerror', (e) => hostErrors.push(String(e)));
  await hostPage.goto(hostUrl);
  await hostPage.waitForFunction(() => document.querySelector('viral-sim')?.state?.ready, null, { timeout: 30000 });
  const got = await hostPage.evaluate(() => {
    const w = document.querySelector('viral-sim');
    return { scenario: w.scenario, state: w.state, buttons: [...w.shadowRoot.querySelectorAll('button')].filter((b) => !b.hidden).map((b) => b.textContent) };
  });
  assert.equal(got.state.nodes, 120);
  assert.equal(got.scenario.network, SCENARIO.network);
  assert.deepEqual(got.scenario.model, SCENARIO.model);
  assert.equal(got.scenario.seeds, SCENARIO.seeds);
  assert.equal(got.scenario.seed, SCENARIO.seed);
  assert.deepEqual(got.buttons, ['Play', 'Step', 'Reset']);
  // it steps, from a click as a reader would
  await hostPage.locator('viral-sim').locator('button[data-action=step]').click();
  await hostPage.locator('viral-sim').locator('button[data-action=step]').click();
  assert.equal(await hostPage.evaluate(() => document.querySelector('viral-sim').state.step), 2);
  // and plays
  await hostPage.locator('viral-sim').locator('button[data-action=play]').click();
  await hostPage.waitForFunction(() => { const s = document.querySelector('viral-sim').state; return s.step > 2 || s.finished; }, null, { timeout: 15000 });
  assert.deepEqual(hostErrors, []);
  await hostPage.close();
});

test('Embed: keyboard, copy, French, and the fallback when the clipboard is refused', { timeout: 60000 }, async () => {
  const hash = `${scenarioToHash({ network: 'karate', model: { kind: 'ic', p: 0.2 }, seeds: 'top-degree:2', seed: 1 })}&lang=fr`;
  const context = await browser.newContext({ viewport: { width: 390, height: 800 }, deviceScaleFactor: 1 });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(srv.url).origin });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${srv.url}${hash}`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 30000 });
  const button = page.locator('#embed');
  assert.equal(await button.textContent(), 'Intégrer');
  assert.ok(await button.isVisible());

  // the keyboard alone: focus the button, Enter opens, the first Copy button has the focus
  await button.focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#embed-dialog').evaluate((d) => d.open), true);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'embed-copy-element');
  assert.equal(await page.locator('#embed-title').textContent(), 'Intégrer cette simulation');
  const element = await snippet(page, 'embed-element');
  assert.match(element, / lang="fr"><\/viral-sim>$/, 'a French page gives a French widget');
  assert.match(await snippet(page, 'embed-iframe'), /&lang=fr" width=/);
  // the whole dialog fits a phone's width
  const box = await page.locator('#embed-dialog').boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 390, JSON.stringify(box));

  // Copy (Enter on the focused button) puts the snippet on the clipboard and says so
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#embed-copy-element + .copy-status').textContent !== '');
  assert.equal(await page.locator('#embed-copy-element + .copy-status').textContent(), 'Copié.');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), element);

  // the iframe's Copy, with the clipboard refused: the snippet is selected for Ctrl+C instead
  await page.evaluate(() => { navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError')); });
  await page.locator('#embed-copy-iframe').click();
  await page.waitForFunction(() => document.querySelector('#embed-copy-iframe + .copy-status').textContent !== '');
  assert.match(await page.locator('#embed-copy-iframe + .copy-status').textContent(), /Ctrl\+C/);
  const selected = await page.evaluate(() => {
    const a = document.activeElement;
    return { id: a.id, all: a.selectionStart === 0 && a.selectionEnd === a.value.length };
  });
  assert.deepEqual(selected, { id: 'embed-iframe', all: true });

  // Escape closes; focus is back on the button
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#embed-dialog').evaluate((d) => d.open), false);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'embed');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Embed: an uploaded network is named as something a snippet cannot carry', { timeout: 60000 }, async () => {
  const { page } = await openPage(browser, srv.url);
  await page.locator('#net-kind').selectOption('file');
  await page.locator('#file').setInputFiles({ name: 'club.txt', mimeType: 'text/plain', buffer: Buffer.from('1 2\n2 3\n3 1\n3 4\n') });
  await page.waitForFunction(() => window.viralsim.idle() && window.viralsim.sim?.n === 4, null, { timeout: 30000 });
  await page.locator('#embed').click();
  const warning = page.locator('#embed-warning');
  assert.ok(await warning.isVisible());
  assert.match(await warning.textContent(), /club\.txt/);
  await page.keyboard.press('Escape');
  await page.close();
});
