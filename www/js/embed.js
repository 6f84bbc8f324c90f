// The Embed button's dialog: the two snippets (element and iframe) for the scenario on screen,
// each with a Copy button (or selected for Ctrl+C where the clipboard is refused).
import { scenarioToAddress } from './sim.js';
import { t, language } from './i18n.js';

/** An attribute value as HTML source: quotes and angle brackets escaped, and an `&` only where
 * it could start a character reference (the address's `&key=` pairs stay readable). */
function attr(v) {
  return String(v).replace(/&(?=#|[A-Za-z0-9]+;)/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const EMBED_CONTROLS = 'play step reset speed p';

/** The two snippets (element, iframe) for a scenario address (`network=…`, no `#`), in a
 * language, with the widget's files at `base` (the folder this page is served from). */
export function embedSnippets(address, lang, base) {
  const scenario = address.replace(/^#/, '');
  const script = new URL('viral-sim.js', base).href;
  const frame = `${new URL('embed.html', base).href}#${scenario}&controls=${EMBED_CONTROLS.replace(/ /g, '+')}${lang !== 'en' ? `&lang=${lang}` : ''}`;
  const element = `<script type="module" src="${attr(script)}"></script>\n`
    + `<viral-sim scenario="${attr(scenario)}" controls="${EMBED_CONTROLS}"${lang !== 'en' ? ` lang="${attr(lang)}"` : ''}></viral-sim>`;
  const iframe = `<iframe src="${attr(frame)}" width="560" height="380" title="viralsim" loading="lazy" style="border:0;max-width:100%"></iframe>`;
  return { element, iframe };
}

function openEmbed(app) {
  const $ = (id) => app.$(id);
  let address = app.shownAddress;
  if (!address) {
    try { address = scenarioToAddress(app.store.get()); } catch { address = null; }
  }
  const dialog = $('embed-dialog');
  const warning = $('embed-warning');
  // an uploaded file cannot travel in a snippet: say so (the snippets stay, for the record)
  const file = /(?:^#?|&)network=file:([^&,]*)/.exec(address ?? '');
  warning.textContent = file ? t('embed_file', { spec: decodeURIComponent(file[1].replace(/\+/g, ' ')) }) : '';
  warning.hidden = !file;
  const { element, iframe } = address ? embedSnippets(address, language(), location.href) : { element: '', iframe: '' };
  $('embed-element').value = element;
  $('embed-iframe').value = iframe;
  for (const s of dialog.querySelectorAll('.copy-status')) s.textContent = '';
  if (!dialog.open) dialog.showModal();
  // each box as tall as its snippet (the dialog scrolls when the screen is short)
  for (const area of dialog.querySelectorAll('textarea')) {
    area.style.height = 'auto';
    area.style.height = `${area.scrollHeight + 2}px`;
  }
}

/** Copies a snippet; where the clipboard is refused, selects it for Ctrl+C instead. */
async function copySnippet(app, button) {
  const $ = (id) => app.$(id);
  const area = $(button.dataset.copy);
  const status = button.parentElement.querySelector('.copy-status');
  for (const s of $('embed-dialog').querySelectorAll('.copy-status')) s.textContent = '';
  try {
    if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
    await navigator.clipboard.writeText(area.value);
    status.textContent = t('copied');
  } catch {
    area.focus();
    area.select();
    area.setSelectionRange(0, area.value.length);
    status.textContent = t('copy_selected');
  }
}

/** Wires the Embed button and its dialog; returns {dispose}. */
export function installEmbed(app) {
  const $ = (id) => app.$(id);
  const ac = new AbortController();
  const opts = { signal: ac.signal };
  const dialog = $('embed-dialog');
  $('embed').addEventListener('click', () => openEmbed(app), opts);
  $('embed-close').addEventListener('click', () => dialog.close(), opts);
  for (const b of dialog.querySelectorAll('[data-copy]')) b.addEventListener('click', () => copySnippet(app, b), opts);
  // a click on the backdrop (outside the box) closes it; Escape closes it (the <dialog>'s own)
  dialog.addEventListener('click', (e) => { if (e.target === dialog) dialog.close(); }, opts);
  dialog.addEventListener('close', () => $('embed').focus(), opts);
  return { dispose: () => ac.abort() };
}

