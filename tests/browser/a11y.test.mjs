// Issue 10 §4, bugs 1, 2, 9 and 10 (in part), as a user meets them: hidden parts stay hidden,
// the states' colours meet 3:1 on white and differ without colour, a tiny share is not "0 %",
// the chart's axis says 250k, not a six-digit number cut by the margin, and Monte Carlo
// results of an earlier scenario are marked as such.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage } from './helpers.mjs';

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

test('every part marked hidden is not displayed, whatever its own display rule', { timeout: 60000 }, async () => {
  const { page, errors } = await openPage(browser, `${srv.url}#network=karate&model=ic&p=0.2&seeds=nodes:0&seed=1`);
  const shown = await page.evaluate(() => [...document.querySelectorAll('[hidden]')]
    .filter((e) => getComputedStyle(e).display !== 'none').map((e) => e.id || e.className || e.tagName));
  assert.deepEqual(shown, []);
  const count = await page.evaluate(() => document.querySelectorAll('[hidden]').length);
  assert.ok(count >= 5, `hidden parts checked: ${count}`);
  assert.deepEqual(errors, []);
});

test('state colours: 3:1 on white, and "just adopted" differs by shape, not colour alone', { timeout: 60000 }, async () => {
  const { page } = await openPage(browser, `${srv.url}#network=karate&model=ic&p=0.2&seeds=nodes:0&seed=1`);
  const c = await page.evaluate(async () => {
    const m = await import('./js/colors.js');
    const lum = (h) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16) / 255)
        .map((x) => (x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
    return {
      states: m.STATE_COLORS.map((s) => ratio(s, '#ffffff')),
      transmission: ratio(m.TRANSMISSION_COLOR, '#ffffff'),
      activeVsAdopted: ratio(m.STATE_COLORS[1], m.STATE_COLORS[2]),
      shapes: m.STATE_SHAPES,
    };
  });
  for (const r of [...c.states, c.transmission]) assert.ok(r >= 3, `contrast ${r.toFixed(2)}`);
  assert.ok(c.activeVsAdopted >= 1.5, `just adopted vs adopted: ${c.activeVsAdopted.toFixed(2)}`);
  assert.notEqual(c.shapes[1], c.shapes[0]);
  assert.notEqual(c.shapes[1], c.shapes[2]);
  // the legend shows the diamond too
  assert.equal(await page.locator('#legend .sw.diamond').count(), 1);
});

test('one person of 4,039 is 0.025 %, not 0 %; the chart axis writes 250k', { timeout: 90000 }, async () => {
  const { page, errors } = await openPage(browser, `${srv.url}#network=facebook&model=ic&p=0.01&seeds=nodes:0&seed=1`);
  await page.waitForFunction(() => /4[.,\s\u202f]?039/.test(document.body.textContent), null, { timeout: 60000 });
  assert.match(await page.locator('#m-reach').textContent(), /^1 \(0[.,]025 %\)$/);
  const { said: labels, adsShown } = await page.evaluate(async () => {
    const { drawBand } = await import('./js/chart.js');
    const canvas = document.createElement('canvas');
    canvas.style.width = '300px'; canvas.style.height = '150px';
    document.body.append(canvas);
    const said = [];
    const ctx = canvas.getContext('2d');
    const fill = ctx.fillText.bind(ctx);
    ctx.fillText = (text, x, y) => { said.push(String(text)); fill(text, x, y); };
    const curve = { mean: [1, 125000, 250000], p05: [1, 100000, 200000], p95: [1, 150000, 250000] };
    drawBand(canvas, { curve, ad_curve: { mean: [0, 0, 0] } }, { x: 'step', band: 'b', wom: 'w', ad: 'a', lang: 'en' });
    const withAds = [];
    ctx.fillText = (text, x, y) => { withAds.push(String(text)); fill(text, x, y); };
    drawBand(canvas, { curve, ad_curve: { mean: [0, 5, 9] } }, { x: 'step', band: 'b', wom: 'w', ad: 'a', lang: 'en' });
    canvas.remove();
    return { said, adsShown: withAds.includes('a') };
  });
  assert.ok(labels.includes('250K'), labels.join(' | '));
  assert.ok(!labels.includes('a'), `no ads legend without ads: ${labels.join(' | ')}`);
  assert.ok(adsShown, 'the ads legend with ads');
  assert.ok(!labels.some((l) => /^\d{6,}$/.test(l)), labels.join(' | '));
  assert.deepEqual(errors, []);
});

test('Monte Carlo results of an earlier scenario are marked, in the page\'s language, until run again', { timeout: 90000 }, async () => {
  const { page, errors } = await openPage(browser, `${srv.url}#network=karate&model=ic&p=0.2&seeds=nodes:0&seed=1&lang=fr`);
  await page.locator('#mc-runs').fill('200');
  await page.click('#mc-go');
  await page.waitForFunction(() => window.viralsim.lastMc() !== null, null, { timeout: 60000 });
  assert.ok(await page.locator('#mc-stale').isHidden());
  // the scenario changes: the results stay, dimmed, with a note
  await page.locator('#model-p-num').fill('0.3');
  await page.locator('#model-p-num').dispatchEvent('change');
  await page.waitForSelector('#mc-stale:not([hidden])');
  assert.match(await page.locator('#mc-stale').textContent(), /scénario précédent/);
  assert.ok(await page.locator('#mc-result').evaluate((e) => e.classList.contains('stale')));
  // run again: the note goes
  const before = await page.evaluate(() => window.viralsim.lastMc().reach.mean);
  await page.click('#mc-go');
  await page.waitForFunction((m) => window.viralsim.lastMc().reach.mean !== m, before, { timeout: 60000 });
  await page.waitForSelector('#mc-stale', { state: 'hidden' });
  assert.ok(!(await page.locator('#mc-result').evaluate((e) => e.classList.contains('stale'))));
  assert.deepEqual(errors, []);
});

test('switching models keeps the parameters set for each one', { timeout: 60000 }, async () => {
  const { page, errors } = await openPage(browser, `${srv.url}#network=karate&model=ic&p=0.35&seeds=nodes:0&seed=1`);
  assert.equal(await page.locator('#model-p-num').inputValue(), '0.35');
  await page.selectOption('#model-kind', 'sir');
  await page.waitForSelector('#model-beta-num');
  await page.locator('#model-beta-num').fill('0.45');
  await page.locator('#model-beta-num').dispatchEvent('change');
  await page.selectOption('#model-kind', 'ic');
  await page.waitForSelector('#model-p-num');
  assert.equal(await page.locator('#model-p-num').inputValue(), '0.35');
  await page.selectOption('#model-kind', 'sir');
  await page.waitForSelector('#model-beta-num');
  assert.equal(await page.locator('#model-beta-num').inputValue(), '0.45');
  await page.waitForFunction(() => location.hash.includes('beta=0.45'));
  assert.deepEqual(errors, []);
});

test('the keyboard on the picture: arrows move between people, Enter seeds, Escape lets go', { timeout: 60000 }, async () => {
  const { page, errors } = await openPage(browser, `${srv.url}#network=karate&model=ic&p=0.2&seeds=nodes:0&seed=1`);
  await page.focus('#net-canvas');
  await page.keyboard.press('ArrowRight'); // the first press lands on the first seed
  await page.waitForSelector('#tooltip:not([hidden])');
  const first = await page.locator('#tooltip strong').textContent();
  assert.equal(first, '0');
  const seen = new Set([first]);
  for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'ArrowRight']) {
    await page.keyboard.press(key);
    seen.add(await page.locator('#tooltip strong').textContent());
  }
  assert.ok(seen.size >= 3, `moved between people: ${[...seen]}`);
  const who = await page.locator('#tooltip strong').textContent();
  // Enter before the run adds the focused person to the seeds, as a click would
  await page.keyboard.press('Enter');
  await page.waitForFunction((w) => decodeURIComponent(location.hash).includes(`seeds=nodes:0,${w}`) || w === '0', who);
  if (who !== '0') assert.match(decodeURIComponent(await page.evaluate(() => location.hash)), new RegExp(`seeds=nodes:0,${who}`));
  await page.keyboard.press('Escape');
  assert.ok(await page.locator('#tooltip').isHidden());
  assert.deepEqual(errors, []);
});
