// The Learn page (www/learn.html), in real Chromium: every chapter loads without a console error
// and its widgets draw; every chapter's task can be met with the control it names and the page
// says so; the French chapters are French; Previous / Next, the keyboard and #chapter=N work, and
// a chapter left takes its widgets with it; at 390 px nothing overflows sideways.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage } from './helpers.mjs';

let srv, browser;
const CHAPTERS = 8;
const WIDGETS = [1, 1, 2, 2, 1, 1, 1, 1]; // widgets per chapter

before(async () => {
  srv = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await srv?.close();
});

/** Opens learn.html with `hash`; collects console errors and uncaught ones. */
async function open(hash = '', { width = 1400, height = 900 } = {}) {
  const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${srv.url}learn.html${hash}`);
  await ready(page);
  return { page, errors };
}

/** Waits until the chapter on screen has all its widgets built. */
const ready = (page) => page.waitForFunction(() => document.body.dataset.ready === 'true'
  && [...document.querySelectorAll('viral-sim')].every((w) => w.state.ready), null, { timeout: 30000 });

/** Goes to chapter n through the address (as a shared link or the chapter list does). */
async function goTo(page, n, lang = 'en') {
  await page.evaluate(({ n, lang }) => { location.hash = `#chapter=${n}${lang === 'en' ? '' : `&lang=${lang}`}`; }, { n, lang });
  await page.waitForFunction((n) => document.querySelector('.chapter')?.dataset.chapter === String(n), n);
  await ready(page);
}

/** Whether every widget's picture has something drawn on it. */
const drawn = (page) => page.evaluate(() => [...document.querySelectorAll('viral-sim')].map((w) => {
  const c = w.shadowRoot.querySelector('canvas');
  if (!c.width || !c.height) return false;
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  for (let i = 3; i < d.length; i += 4) if (d[i] > 0) return true;
  return false;
}));

/** Sets a range inside widget `i` (its `p` or `speed` control) as a user would: input, change. */
const setWidgetRange = (page, i, control, value) => page.evaluate(({ i, control, value }) => {
  const input = document.querySelectorAll('viral-sim')[i].shadowRoot.querySelector(`[data-control=${control}] input`);
  input.value = String(value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}, { i, control, value });

/** Waits until widget `i` runs a scenario for which `pred(scenario)` holds, and is built. */
const waitScenario = (page, i, pred) => page.waitForFunction(({ i, pred }) => {
  const w = document.querySelectorAll('viral-sim')[i];
  return w.state.ready && w.scenario && new Function('s', `return ${pred}`)(w.scenario);
}, { i, pred }, { timeout: 30000 });

const play = (page, i) => page.locator('viral-sim').nth(i).locator('[data-action=play]').click();
const fast = (page, i) => setWidgetRange(page, i, 'speed', 30);

/** Waits for the task box to say the task is met; returns its text. */
async function verdict(page) {
  await page.waitForSelector('.verdict.done', { timeout: 60000 });
  return page.locator('.verdict').textContent();
}

test('every chapter loads without a console error and its widgets draw', { timeout: 180000 }, async () => {
  for (let n = 1; n <= CHAPTERS; n++) {
    const { page, errors } = await open(`#chapter=${n}`);
    assert.equal(await page.locator('viral-sim').count(), WIDGETS[n - 1], `chapter ${n}: its widgets`);
    await page.waitForFunction(() => [...document.querySelectorAll('viral-sim')].every((w) => {
      const c = w.shadowRoot.querySelector('canvas');
      return c.width > 0 && c.height > 0;
    }));
    await page.waitForTimeout(300); // a frame or two
    assert.ok((await drawn(page)).every(Boolean), `chapter ${n}: every widget drew`);
    const texts = await page.evaluate(() => ({
      paragraphs: document.querySelectorAll('.chapter .text p:not(.kicker)').length,
      task: document.querySelector('.task-text').textContent,
      hint: document.querySelector('.hint p').textContent,
      terms: document.querySelectorAll('.terms dt').length,
      lab: document.querySelector('.lab-link').getAttribute('href'),
    }));
    assert.ok(texts.paragraphs >= 2 && texts.paragraphs <= 5, `chapter ${n}: ${texts.paragraphs} paragraphs`);
    assert.ok(texts.task.length > 20 && texts.hint.length > 20 && texts.terms >= 2, `chapter ${n}: task, hint and words`);
    assert.match(texts.lab, /^index\.html#network=/, `chapter ${n}: Open in the lab`);
    assert.doesNotMatch(texts.task, /\{\w+\}/, `chapter ${n}: the task's numbers are filled in`);
    const low = await page.evaluate(lowContrast);
    assert.deepEqual(low, [], `chapter ${n}: text under 4.5:1`);
    assert.deepEqual(errors, [], `chapter ${n}: no console errors`);
    await page.close();
  }
});

/** Text of the page (outside the widgets, which have their own tests) whose colour is under
 * 4.5:1 against the first opaque background behind it. Runs in the page. */
function lowContrast() {
  const rgb = (c) => (c.match(/[\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = (x) => { x /= 255; return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] === 1)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const el = t.parentElement;
    if (!t.textContent.trim() || !el.getClientRects().length || el.closest('.sr, .skip')) continue;
    const fg = rgb(getComputedStyle(el).color).slice(0, 3), bg = background(el);
    const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
    const ratio = (a + 0.05) / (b + 0.05);
    if (ratio < 4.5) out.push(`${el.tagName}.${el.className} "${t.textContent.trim().slice(0, 30)}" ${ratio.toFixed(2)}`);
  }
  return out;
}

test('chapter 1: a stickier message (the widget’s p slider) reaches half the club', { timeout: 60000 }, async () => {
  const { page, errors } = await open('#chapter=1');
  await play(page, 0);
  await page.waitForSelector('.verdict.note'); // p = 0.1 does not: the page says so
  assert.match(await page.locator('.verdict').textContent(), /of 34/);
  await setWidgetRange(page, 0, 'p', 0.3);
  await waitScenario(page, 0, 's.model.p === 0.3');
  await play(page, 0);
  assert.match(await verdict(page), /You did it!.*reached \d+ of 34/);
  assert.ok(await page.locator('.gens tbody tr').count() >= 2, 'the generations table');
  assert.match(await page.locator('.lab-link').getAttribute('href'), /p=0\.3/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('chapter 2: the tipping point is marked, and ten runs above it go big at least 3 times', { timeout: 60000 }, async () => {
  const { page, errors } = await open('#chapter=2');
  const tc = await page.locator('.tc').textContent();
  const value = Number(/≈ ([\d.]+)/.exec(tc)[1]);
  assert.ok(value > 0.15 && value < 0.35, `T_c = ${value}`);
  assert.equal(await page.locator('.tc-mark').isVisible(), true);
  await page.locator('#c2-p').evaluate((el) => { el.value = '0.35'; el.dispatchEvent(new Event('input')); el.dispatchEvent(new Event('change')); });
  await waitScenario(page, 0, 's.model.p === 0.35');
  await page.getByRole('button', { name: 'Run it 10 times' }).click();
  assert.match(await verdict(page), /You did it!.*in \d+ of 10 runs/);
  assert.equal(await page.locator('.runs li').count(), 10);
  assert.deepEqual(errors, []);
  await page.close();
});

test('chapter 3: played to the end, the hubs reach more than random people', { timeout: 60000 }, async () => {
  const { page, errors } = await open('#chapter=3');
  await fast(page, 0);
  await fast(page, 1);
  await play(page, 0);
  await play(page, 1);
  assert.match(await verdict(page), /You did it!.*hubs reached \d+ people/);
  await page.getByRole('button', { name: 'Run both 100 times' }).click();
  await page.waitForFunction(() => /Over 100 runs/.test(document.querySelector('.extra').textContent));
  assert.deepEqual(errors, []);
  await page.close();
});

test('chapter 4: a second seed chosen with the keyboard makes the complex contagion spread', { timeout: 60000 }, async () => {
  const { page, errors } = await open('#chapter=4');
  // the layout settles before a person is picked by position
  await page.waitForTimeout(2500);
  await play(page, 0); // one seed alone: nothing happens
  await page.waitForSelector('.verdict.note');
  const canvas = page.locator('viral-sim').nth(0).locator('canvas');
  await canvas.focus();
  await page.keyboard.press('ArrowRight'); // the ringed seed
  await page.keyboard.press('ArrowRight'); // its nearest neighbour on the right
  await page.keyboard.press('Enter'); // becomes a seed
  assert.equal(await page.evaluate(() => document.querySelector('viral-sim').simulation.seeds().length), 2);
  await fast(page, 0);
  await play(page, 0);
  assert.match(await verdict(page), /You did it!.*Two seeds reached \d+ of 40/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('chapter 5: three runs of the rumour leave about a fifth unaware', { timeout: 90000 }, async () => {
  const { page, errors } = await open('#chapter=5');
  await fast(page, 0);
  await play(page, 0);
  for (const seed of [2, 3]) {
    await page.waitForFunction((k) => document.querySelectorAll('.rows li').length === k, seed - 1, { timeout: 30000 });
    await page.getByRole('button', { name: 'Another run' }).click(); // a new random seed, played at once
    await page.waitForFunction((seed) => document.querySelector('viral-sim').scenario?.seed === seed, seed);
  }
  assert.match(await verdict(page), /You did it!.*never heard the rumour/);
  assert.equal(await page.locator('.rows li').count(), 3);
  assert.deepEqual(errors, []);
  await page.close();
});

test('chapter 6: more advertising (the widget’s p slider) makes adoption peak earlier', { timeout: 60000 }, async () => {
  const { page, errors } = await open('#chapter=6');
  assert.match(await page.locator('.task-text').textContent(), /\(step \d+\)/);
  await setWidgetRange(page, 0, 'p', 0.05);
  await waitScenario(page, 0, 's.model.p === 0.05');
  await fast(page, 0);
  await play(page, 0);
  assert.match(await verdict(page), /You did it!.*peaked at step \d+ instead of \d+/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('chapter 7: 1,000 runs in the workers find a p that goes viral about half the time', { timeout: 90000 }, async () => {
  const { page, errors } = await open('#chapter=7');
  await setWidgetRange(page, 0, 'p', 0.4);
  await waitScenario(page, 0, 's.model.p === 0.4');
  await page.getByRole('button', { name: 'Run it 1,000 times' }).click();
  assert.match(await verdict(page), /You did it!.*went viral in [\d.]+\s% of the runs/);
  assert.equal(await page.locator('.chart-box').isVisible(), true);
  assert.deepEqual(errors, []);
  await page.close();
});

test('chapter 8: an early re-post doubles the reach of content that ages', { timeout: 60000 }, async () => {
  const { page, errors } = await open('#chapter=8');
  await page.waitForFunction(() => /reaches \d+ people/.test(document.querySelector('.extra').textContent));
  await page.getByLabel('Re-post at step').selectOption('3');
  await waitScenario(page, 0, "(s.campaign?.interventions ?? []).some((x) => x.action === 'boost' && x.step === 3)");
  await fast(page, 0);
  await play(page, 0);
  assert.match(await verdict(page), /You did it!.*from \d+ to \d+ people/);
  assert.match(await page.locator('.lab-link').getAttribute('href'), /campaign=/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the French chapters are in French, and a task met says Bravo', { timeout: 120000 }, async () => {
  const en = await open('#chapter=1');
  const { page, errors } = await open('#chapter=1&lang=fr');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
  assert.equal((await page.locator('#learn-next').textContent()).trim(), 'Suivant →');
  assert.equal((await page.locator('#learn-prev').textContent()).trim(), '← Précédent');
  for (let n = 1; n <= CHAPTERS; n++) {
    if (n > 1) { await goTo(page, n, 'fr'); await goTo(en.page, n); }
    const text = (p) => p.evaluate(() => ({
      title: document.querySelector('.chapter h2').textContent,
      body: document.querySelector('.chapter .text').textContent,
      task: document.querySelector('.task-text').textContent,
      lab: document.querySelector('.lab-link').textContent,
      href: document.querySelector('.lab-link').getAttribute('href'),
      langs: [...document.querySelectorAll('viral-sim')].map((w) => w.getAttribute('lang')),
    }));
    const [fr, eng] = [await text(page), await text(en.page)];
    assert.notEqual(fr.title, eng.title, `chapter ${n}: title`);
    assert.notEqual(fr.body, eng.body, `chapter ${n}: text`);
    assert.notEqual(fr.task, eng.task, `chapter ${n}: task`);
    assert.equal(fr.lab, 'Ouvrir dans le labo');
    assert.match(fr.href, /&lang=fr$/);
    assert.ok(fr.langs.every((l) => l === 'fr'), `chapter ${n}: the widgets speak French`);
  }
  // the seed words: "graine" for a person, "germe aléatoire" for the random seed
  await goTo(page, 3, 'fr');
  const words = await page.locator('.terms').textContent();
  assert.match(words, /graine/);
  assert.match(words, /germe aléatoire/);
  await goTo(page, 1, 'fr');
  await setWidgetRange(page, 0, 'p', 0.3);
  await waitScenario(page, 0, 's.model.p === 0.3');
  await play(page, 0);
  assert.match(await verdict(page), /^Bravo\s!/);
  // the selector switches the language and keeps the chapter
  await page.locator('#learn-lang').selectOption('en');
  await page.waitForFunction(() => document.documentElement.lang === 'en' && location.hash === '#chapter=1');
  await ready(page);
  assert.equal(await page.locator('.chapter h2').textContent(), 'How one share becomes many');
  assert.deepEqual(errors, []);
  assert.deepEqual(en.errors, []);
  await page.close();
  await en.page.close();
});

test('Previous, Next, the keyboard and #chapter=N; a chapter left frees its widgets', { timeout: 90000 }, async () => {
  const { page, errors } = await open('#chapter=1');
  assert.equal(await page.locator('#learn-prev').isDisabled(), true);
  await page.evaluate(() => { window.oldWidget = document.querySelector('viral-sim'); });
  await page.locator('#learn-next').click();
  await page.waitForFunction(() => location.hash === '#chapter=2');
  await ready(page);
  assert.equal(await page.locator('.chapter h2').textContent(), 'The tipping point');
  assert.equal(await page.locator('viral-sim').count(), 1);
  assert.deepEqual(await page.evaluate(() => [window.oldWidget.isConnected, window.oldWidget.simulation]), [false, null]);
  // the heading of the new chapter has the focus
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H2');
  // keyboard: Tab to Next, Enter; Space on Previous
  await page.locator('#learn-next').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash === '#chapter=3');
  await ready(page);
  assert.equal(await page.locator('viral-sim').count(), 2);
  await page.locator('#learn-prev').focus();
  await page.keyboard.press('Space');
  await page.waitForFunction(() => location.hash === '#chapter=2');
  await ready(page);
  // the browser's Back goes to the chapter before
  await page.goBack();
  await page.waitForFunction(() => location.hash === '#chapter=3');
  await ready(page);
  // a shared link opens its chapter, and a reload keeps it
  await page.goto(`${srv.url}learn.html#chapter=5`);
  await ready(page);
  assert.equal(await page.locator('.chapter').getAttribute('data-chapter'), '5');
  await page.reload();
  await ready(page);
  assert.equal(await page.locator('.chapter').getAttribute('data-chapter'), '5');
  assert.equal(await page.locator('#learn-where').textContent(), 'Chapter 5 of 8');
  await page.goto(`${srv.url}learn.html#chapter=8`);
  await ready(page);
  // after the last chapter, Next leads to the lab with that chapter's scenario (no dead end)
  assert.equal((await page.locator('#learn-next').textContent()).trim(), 'To the lab →');
  const lab = await page.locator('a.lab-link').getAttribute('href');
  await Promise.all([page.waitForURL(/index\.html#network=/), page.locator('#learn-next').click()]);
  assert.ok(page.url().endsWith(lab), `${page.url()} ends with ${lab}`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true' && window.viralsim?.sim);
  assert.match(await page.evaluate(() => window.viralsim.app.running.network), /^hk:/);
  // a chapter out of range opens the first
  await page.goto(`${srv.url}learn.html#chapter=99`);
  await ready(page);
  assert.equal(await page.locator('.chapter').getAttribute('data-chapter'), '1');
  // the chapter list links to each chapter
  await page.locator('#learn-toc a[data-chapter="7"]').click();
  await page.waitForFunction(() => location.hash === '#chapter=7');
  await ready(page);
  assert.equal(await page.locator('#learn-toc a[aria-current=page]').getAttribute('data-chapter'), '7');
  assert.deepEqual(errors, []);
  await page.close();
});

test('"Open in the lab" opens the chapter\'s scenario in the simulator, in the page\'s language', { timeout: 60000 }, async () => {
  const { page, errors } = await open('#chapter=8&lang=fr');
  const href = await page.locator('.lab-link').getAttribute('href');
  await page.close();
  const lab = await openPage(browser, srv.url + href);
  assert.equal(await lab.page.evaluate(() => document.documentElement.lang), 'fr');
  const running = await lab.page.evaluate(() => window.viralsim.scenario());
  assert.equal(running.network, 'hk:n=300,m=2,pt=0.5');
  assert.equal(running.model.p, 0.3);
  assert.equal(running.campaign?.decay?.half_life, 2);
  assert.deepEqual(lab.errors, []);
  assert.deepEqual(errors, []);
  await lab.page.close();
});

test('on a 390 px phone no chapter overflows sideways, in English or French', { timeout: 150000 }, async () => {
  for (const lang of ['en', 'fr']) {
    const { page, errors } = await open(`#chapter=1${lang === 'fr' ? '&lang=fr' : ''}`, { width: 390, height: 844 });
    for (let n = 1; n <= CHAPTERS; n++) {
      if (n > 1) await goTo(page, n, lang);
      const { scroll, wide } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        wide: [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > 390.5 && e.getClientRects().length)
          .map((e) => e.tagName + (e.className ? `.${e.className}` : '')).slice(0, 5),
      }));
      assert.ok(scroll <= 390, `chapter ${n} (${lang}): ${scroll} px wide; ${wide.join(', ')}`);
    }
    assert.deepEqual(errors, []);
    await page.close();
  }
});
