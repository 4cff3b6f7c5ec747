// The tools pages: mounts the aggregation or "my data" widget. On the aggregation page,
// ?pack=linecare (or provider-checklist, bjsq-57, bjsq-23) picks the pack; the default is
// mh-checklist.
import './kizuki.js';

const PACKS = ['mh-checklist', 'linecare', 'provider-checklist', 'bjsq-57', 'bjsq-23'];
const container = document.getElementById('kit-container');
const params = new URLSearchParams(window.location.search);
const widget = document.createElement('kizuki-kit');
// The page shows the brand and the privacy line itself: the widget does not repeat them.
widget.setAttribute('chrome', 'none');
widget.setAttribute('kit', container.dataset.kit);
const lang = params.get('lang');
if (lang) widget.setAttribute('lang', lang);
if (container.dataset.kit === 'aggregate') {
  const pack = params.get('pack');
  const id = PACKS.includes(pack) ? pack : 'mh-checklist';
  widget.setAttribute('pack-url', `content/${id}.json`);
  widget.setAttribute('namespace', `aggregate-${id}`);
  for (const link of document.querySelectorAll('.tools-packs a')) {
    if (new URL(link.href).searchParams.get('pack') === id) link.setAttribute('aria-current', 'page');
  }
}
container.append(widget);
