// The tools pages: mounts the aggregation or "my data" widget. On the aggregation page,
// ?pack=<id> picks the pack content/<id>.json (linecare, provider-checklist, bjsq-57, …);
// the default is mh-checklist. No list of packs here: the widget loads the pack and the
// core decides whether its kind can be aggregated (a pack that cannot is refused there).
import './kizuki.js';

/** A pack id as packs spell them: lower-case letters, digits and hyphens. */
const PACK_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
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
  const id = pack && PACK_ID.test(pack) ? pack : 'mh-checklist';
  widget.setAttribute('pack-url', `content/${id}.json`);
  widget.setAttribute('namespace', `aggregate-${id}`);
  // The kit choice shows the pack aggregated; switching keeps a language given in the address.
  const choice = document.getElementById('tools-pack');
  if (choice && [...choice.options].some((option) => option.value === id)) choice.value = id;
  const form = choice?.form;
  if (form && lang) {
    const keep = document.createElement('input');
    keep.type = 'hidden';
    keep.name = 'lang';
    keep.value = lang;
    form.append(keep);
  }
}
container.append(widget);
