// Shared by the browser tests and the browser benchmark: a static file server for www/ on a free
// loopback port, and Debian's Chromium driven by playwright-core (no browser download).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import * as pkg from '../../www/pkg/viralsim_web.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WWW = join(ROOT, 'www');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json', '.txt': 'text/plain; charset=utf-8' };

/** Serves www/ on 127.0.0.1 and a free port, with `Access-Control-Allow-Origin: *` (as ./run);
 * returns {url, close, requests}. */
export async function serve() {
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    const file = normalize(join(WWW, path === '/' ? 'index.html' : path));
    if (!file.startsWith(WWW)) { res.writeHead(403).end(); return; }
    try {
      const s = await stat(file);
      if (!s.isFile()) throw new Error('not a file');
      // any origin may load the files (the <viral-sim> widget is embedded in other sites' pages)
      res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream', 'access-control-allow-origin': '*' });
      res.end(await readFile(file));
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, requests, close: () => new Promise((ok) => server.close(ok)) };
}

/** A host page's server on another free port (another origin than serve()'s): `page(path)`
 * gives the HTML for a path, or null for a 404. Returns {url, close}. */
export async function serveHost(page) {
  const server = createServer((req, res) => {
    const body = page(new URL(req.url, 'http://x').pathname);
    if (body === null) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

export async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Opens the page and waits until the app is ready; collects console errors and page errors. */
export async function openPage(browser, url, { width = 1400, height = 900 } = {}) {
  const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
  const errors = [];
  const external = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => { if (!r.url().startsWith(url.replace(/\/[^/]*$/, '/').replace(/#.*$/, '')) && !r.url().startsWith('data:')) external.push(r.url()); });
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 30000 });
  return { page, errors, external };
}

/** Where node `i` is on the screen (page coordinates), with the renderer's fit-to-view transform
 * (before any zoom or pan). */
export async function nodeOnScreen(page, i) {
  return page.evaluate((i) => {
    const p = window.viralsim.sim.positions();
    const c = document.getElementById('net-canvas');
    const r = c.getBoundingClientRect();
    let minx = Infinity, miny = Infinity, maxx = -Infinity, maxy = -Infinity;
    for (let k = 0; k < p.length; k += 2) { minx = Math.min(minx, p[k]); maxx = Math.max(maxx, p[k]); miny = Math.min(miny, p[k + 1]); maxy = Math.max(maxy, p[k + 1]); }
    const scale = (0.92 * Math.min(c.width, c.height)) / Math.max(maxx - minx, maxy - miny);
    const x = (p[2 * i] - (minx + maxx) / 2) * scale + c.width / 2, y = (p[2 * i + 1] - (miny + maxy) / 2) * scale + c.height / 2;
    return { x: r.left + x / (window.devicePixelRatio || 1), y: r.top + y / (window.devicePixelRatio || 1) };
  }, i);
}

/** The page's address of a scenario object, written by the core (the page's own writer, loaded
 * in Node from the built www/pkg). */
export function scenarioToHash(scenario) {
  if (!scenarioToHash.ready) {
    pkg.initSync({ module: readFileSync(join(WWW, 'pkg', 'viralsim_web_bg.wasm')) });
    scenarioToHash.ready = true;
  }
  return pkg.scenarioToAddress(scenario);
}
