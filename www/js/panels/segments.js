// The audience segments' selectors (ads, seeds): "everyone" and each segment of the network on
// screen. The rows marked .segs-only show only when the network has segments.
import { t } from '../i18n.js';

/** Fills `select` with the segments of the app's simulation and selects `value`. */
export function segmentOptions(panel, select, value) {
  const sim = panel.app.sim;
  const k = sim ? sim.segmentCount : 0;
  const names = sim?.segmentNames() ?? null;
  for (const el of panel.querySelectorAll('.segs-only')) el.hidden = k === 0;
  const key = `${k}:${document.documentElement.lang}:${names ? names.join('\u0001') : ''}`;
  if (select.dataset.key !== key) {
    select.dataset.key = key;
    select.innerHTML = '';
    const all = document.createElement('option');
    all.value = '';
    all.textContent = t('seg_all');
    select.appendChild(all);
    // the value is the scenario's (segmentControl): the name when segments have names, so that
    // a saved scenario or address says which audience it targets
    for (let s = 0; s < k; s++) {
      const o = document.createElement('option');
      o.value = JSON.stringify(names ? names[s] : s);
      o.textContent = names ? names[s] : t('seg_n', { s });
      select.appendChild(o);
    }
  }
  // an older address gives a number where segments have names: the same segment
  const n = value === '' ? NaN : Number(JSON.parse(value));
  select.value = names && Number.isInteger(n) && names[n] !== undefined && ![...select.options].some((o) => o.value === value)
    ? JSON.stringify(names[n]) : String(value);
}
