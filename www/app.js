// The standalone page: mounts the kit named in the address (?kit=checklist&lang=en). The
// site links each kind's own page instead (checklist.html, …), which names its files in advance.
import './kizuki.js';

const params = new URLSearchParams(window.location.search);
const kit = params.get('kit') ?? 'checklist';
const widget = document.createElement('kizuki-kit');
// The page shows the brand and the privacy line itself: the widget does not repeat them.
widget.setAttribute('chrome', 'none');
widget.setAttribute('kit', kit);
const lang = params.get('lang');
if (lang) widget.setAttribute('lang', lang);
// ?pack=workplace-improvement (a committed pack of the kit's kind) instead of its default,
// fetched one language at a time as the default is.
const pack = params.get('pack');
if (pack && /^[a-z0-9_-]{1,64}$/.test(pack)) widget.setAttribute('pack', pack);

// The header links each kind's own page (checklist.html, …: scripts/kit-pages.mjs).
for (const link of document.querySelectorAll('.site-nav a')) {
  if (new URL(link.href).pathname.endsWith(`/${kit}.html`)) link.setAttribute('aria-current', 'page');
}
document.getElementById('kit-container').append(widget);
