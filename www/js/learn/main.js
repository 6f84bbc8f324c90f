// Boots the Learn page (learn.html): the element, then the page object.
import '../../viral-sim.js';
import { LearnPage } from './page.js';
import { preferWasm } from '../sim.js';

// the page's full wasm (its Monte Carlo workers load it too), not the element's smaller one
preferWasm(new URL('../../pkg/viralsim_web_bg.wasm', import.meta.url));

new LearnPage(document).start();
