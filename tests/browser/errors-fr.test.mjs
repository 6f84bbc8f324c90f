// Errors in French, in real Chromium: the core's errors carry a field path and a code with its
// values; the page puts each one next to the control its field names (a lookup table) and says
// it from the code's French template (numbers written the French way), English keeping the
// core's text. The page keeps working afterwards.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage } from './helpers.mjs';

let srv, browser;
before(async () => { srv = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await srv?.close(); });

/** An element's text with French number spacing (narrow no-break spaces) as plain spaces. */
async function text(page, sel) {
  return (await page.locator(sel).textContent()).replace(/[\u202f\u00a0]/g, ' ');
}

async function set(page, id, v) {
  await page.locator(id).fill(v);
  await page.locator(id).dispatchEvent('change');
}

test('lang=fr: a bad parameter shows a French message next to its control, English the core\'s text', { timeout: 60000 }, async () => {
  const { page, errors } = await openPage(browser, `${srv.url}#network=karate&model=ic&p=0.4&seeds=nodes:0&seed=2&lang=fr`);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
  await set(page, '#model-p-num', '1.5');
  await page.waitForFunction(() => document.getElementById('model-error').textContent.length > 0);
  assert.equal(await text(page, '#model-error'), 'model.p : doit être une probabilité entre 0 et 1, reçu 1,5');
  // next to its control: the slot of the model's fieldset, and the box itself is marked
  assert.equal(await page.locator('#model-p-num').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#model-p-num').getAttribute('aria-errormessage'), 'model-error');
  assert.equal(await page.locator('#model-p-num').inputValue(), '0.4', 'the control is back to the value that runs');
  for (const id of ['#net-error', '#seed-error', '#campaign-error']) assert.equal(await text(page, id), '', id);
  // the same error in English is the core's (the CLI's) text, and back in French
  await page.selectOption('#lang', 'en');
  assert.equal(await text(page, '#model-error'), 'model.p: must be a probability in [0, 1], got 1.5');
  assert.equal(await page.locator('#model-p-num').getAttribute('aria-invalid'), 'true');
  await page.selectOption('#lang', 'fr');
  assert.equal(await text(page, '#model-error'), 'model.p : doit être une probabilité entre 0 et 1, reçu 1,5');
  // the page keeps working, and a valid value clears the message and the mark
  await page.click('#step');
  await page.waitForFunction(() => window.viralsim.sim.stepCount() === 1);
  await set(page, '#model-p-num', '0.5');
  await page.waitForFunction(() => window.viralsim.idle() && window.viralsim.scenario().model.p === 0.5);
  assert.equal(await text(page, '#model-error'), '');
  assert.equal(await page.locator('#model-p-num').getAttribute('aria-invalid'), null);
  // a line of an uploaded file, and the page's own checks, in French too
  await page.selectOption('#net-kind', 'file');
  await page.setInputFiles('#file', { name: 'broken.txt', mimeType: 'text/plain', buffer: Buffer.from('0 1\n1 2\n3\n') });
  await page.waitForFunction(() => document.getElementById('net-error').textContent.length > 0);
  assert.equal(await text(page, '#net-error'), 'ligne 3 : attendu « source cible [poids] », trouvé 1 champ');
  assert.equal(await page.locator('#file').getAttribute('aria-invalid'), 'true');
  await set(page, '#rng-seed', '-1');
  assert.equal(await text(page, '#seed-error'), 'seed : doit être un nombre entier de 0 à 2^53 − 1, reçu « -1 »');
  await page.locator('#mc-runs').fill('0');
  await page.click('#mc-go');
  assert.equal(await text(page, '#mc-error'), 'runs : doit être un nombre entier de 1 à 100 000, reçu « 0 »');
  assert.deepEqual(errors, []);
  await page.close();
});

test('lang=fr: addresses the core rejects are said in French next to their control', { timeout: 120000 }, async () => {
  const IC = 'model=ic&p=0.1&seeds=random:1&seed=1&lang=fr';
  for (const [address, slot, control, want] of [
    [`network=ba:n=300,mm=5&${IC}`, '#net-error', '#net-kind', 'network.mm : ba n’a pas de paramètre « mm » (il prend : n, m)'],
    [`network=ba:n=900000,m=2&${IC}`, '#net-error', '#net-kind', 'network (nœuds) : 900 000 dépasse la limite de 200 000'],
    ['network=karate&model=ic&p=abc&seeds=random:1&seed=1&lang=fr', '#model-error', '#model-p-num', 'model.p : « abc » n’est pas un nombre'],
    ['network=karate&model=ic&p=0.1&seeds=imm:1,epsilon=0.001&seed=1&lang=fr', '#seed-error', '#seed-mode', 'epsilon : doit être dans [0,01 ; 1[, reçu 0,001'],
    [`network=karate&${IC}&campaign=${encodeURIComponent('{"ads":{"impressions_per_step":40,"conversion":0.1,"steps":3}}')}`, '#campaign-error', '#ad-impressions',
      'campaign.ads.impressions_per_step : doit valoir au plus la taille du réseau (34), reçu 40'],
    [`network=karate&model=ic&p=0.1&seeds=random:1&seed=1&lang=fr&campaign=${encodeURIComponent('{"interventions":[{"step":2,"action":"debunk","nodes":"random:2"}]}')}`,
      '#campaign-error', '#debunk-k', 'campaign.interventions[0] : le démenti est défini pour rumor, sir et sis : dans les autres modèles, l’état « retiré » veut dire « a adopté » (le modèle est ic)'],
  ]) {
    const { page, errors } = await openPage(browser, `${srv.url}#${address}`);
    await page.waitForFunction(() => window.viralsim.idle());
    await page.waitForFunction((sel) => document.querySelector(sel).textContent.length > 0, slot, { timeout: 20000 });
    assert.equal(await text(page, slot), want, address);
    assert.equal(await page.locator(control).getAttribute('aria-invalid'), 'true', `${address}: ${control}`);
    // the page opened on what it could build, and works
    await page.click('#step');
    await page.waitForFunction(() => window.viralsim.sim && window.viralsim.sim.stepCount() === 1);
    assert.deepEqual(errors, [], address);
    await page.close();
  }
});

test('lang=fr: an error from a worker (budget seeding) keeps its field and code', { timeout: 60000 }, async () => {
  const campaign = encodeURIComponent(JSON.stringify({ costs: { per_seed: 10 } }));
  const { page, errors } = await openPage(browser, `${srv.url}#network=karate&model=ic&p=0.1&seeds=budget:60&seed=6&lang=fr&campaign=${campaign}`);
  await page.waitForFunction(() => window.viralsim.idle() && window.viralsim.sim);
  await set(page, '#cost-seed', '-5');
  await page.waitForFunction(() => document.getElementById('campaign-error').textContent !== '');
  assert.equal(await text(page, '#campaign-error'), 'campaign.costs.per_seed : doit être un nombre ≥ 0, reçu -5');
  assert.equal(await page.locator('#cost-seed').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#cost-seed').inputValue(), '10');
  assert.deepEqual(errors, []);
  await page.close();
});

test('on a 390 px phone, in French, the error fits its box and the language choice keeps its size', { timeout: 60000 }, async () => {
  const { page, errors } = await openPage(browser, `${srv.url}#network=karate&model=ic&p=1.5&seeds=nodes:0&seed=2&lang=fr`, { width: 390, height: 844 });
  await page.waitForFunction(() => document.getElementById('model-error').textContent.length > 0);
  assert.match(await text(page, '#model-error'), /^model\.p : doit être une probabilité entre 0 et 1, reçu 1,5$/);
  const lang = await page.locator('#lang').boundingBox();
  assert.ok(lang.width >= 70, `the language menu is ${lang.width} px wide`);
  assert.ok(lang.x + lang.width <= 390, 'the language menu is on the screen');
  const box = await page.locator('#model-error').boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 390, 'the message is within the screen');
  assert.deepEqual(errors, []);
});

test('lang=fr: a bad Gephi node table is named with its line, in French, next to the upload box', { timeout: 60000 }, async () => {
  const { page, errors } = await openPage(browser, `${srv.url}#network=karate&model=ic&p=0.1&seeds=top-degree:1&seed=1&lang=fr`);
  await page.waitForFunction(() => window.viralsim.idle() && window.viralsim.sim);
  await page.selectOption('#net-kind', 'file');
  await page.setInputFiles('#file', { name: 'edges.csv', mimeType: 'text/csv', buffer: Buffer.from('Source;Target;Type\nann;bob;Directed\n') });
  await page.waitForFunction(() => window.viralsim.idle() && /edges\.csv/.test(window.viralsim.app.running?.network ?? ''));
  await page.setInputFiles('#nodes-file', { name: 'nodes.csv', mimeType: 'text/csv', buffer: Buffer.from('Id;Label\nann;A\nann;B\n') });
  await page.waitForFunction(() => document.getElementById('net-error').textContent !== '');
  assert.equal(await text(page, '#net-error'), 'nodes : ligne 3 : Gephi CSV : attendu un Id pas encore utilisé, trouvé ann');
  assert.deepEqual(errors, []);
  await page.close();
});
