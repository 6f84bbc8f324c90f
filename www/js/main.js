// The full page's boot: one App (app.js) over the document, and a small handle for the tests and
// benchmarks. Everything else lives in the parts the App makes.
import { App } from './app.js';

const app = new App(document);

const mc = () => app.panels?.mc;
const cmp = () => app.panels?.compare;

window.viralsim = {
  app,
  get sim() { return app.sim; },
  counts: () => (app.sim ? Array.from(app.sim.history()) : []),
  scenario: () => app.store.get(),
  monteCarlo: () => mc().run(),
  lastMc: () => mc()?.last?.result ?? null,
  lastComparison: () => cmp()?.last?.comparison ?? null,
  compareSet: () => app.compareSet,
  layoutSettled: () => !app.controller.layoutMoving,
  idle: () => app.building === 0 && !app.recovering,
  /** Test only: makes the wasm instance trap; the page restarts it and rebuilds. */
  forceTrap: () => { try { app.sim?.forceTrap(); } catch { /* recovery is under way */ } },
  restarts: () => app.restarts,
  ready: app.start(),
};
