// What a page that embeds <viral-sim> downloads: www/viral-sim.js, every module it imports
// (followed through static imports and re-exports, so a new import cannot be forgotten) and the
// widget's own wasm. One walk for the npm package (which files it ships), the browser benchmark
// and the byte-budget test.
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The element's modules, as paths relative to `www` (the directory), `viral-sim.js` first. */
export function widgetModules(www) {
  const seen = new Set();
  const walk = (f) => {
    if (seen.has(f)) return;
    seen.add(f);
    const src = readFileSync(join(www, f), 'utf8');
    for (const m of src.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s*["'](\.{1,2}\/[^"']+)["']/g)) walk(normalize(join(dirname(f), m[1])));
  };
  walk('viral-sim.js');
  return [...seen];
}

/** Bytes gzipped (level 9) of what a host page downloads: `{files, js, wasm}`. */
export function widgetBytes(www) {
  const gz = (f) => gzipSync(readFileSync(join(www, f)), { level: 9 }).length;
  const files = widgetModules(www);
  return { files, js: files.reduce((a, f) => a + gz(f), 0), wasm: gz('pkg/viralsim_widget_bg.wasm') };
}
