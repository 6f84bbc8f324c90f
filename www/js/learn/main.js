// Boots the Learn page (learn.html): the element, then the page object.
import '../../viral-sim.js';
import { LearnPage } from './page.js';

new LearnPage(document).start();
