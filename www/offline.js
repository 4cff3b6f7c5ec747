// The standalone site's pages register its service worker (sw.js) once the page has shown
// what it came for, then say when the site is ready for offline use on this device. A
// browser without service workers (or a page opened from a file) simply stays online-only.

const status = document.getElementById('offline-status');

/** Longest wait for the page's widgets before the copy starts anyway (a widget that never loads). */
const WIDGET_WAIT_MS = 15_000;

async function register() {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  try {
    await navigator.serviceWorker.register(new URL('sw.js', import.meta.url), { scope: new URL('./', import.meta.url).pathname });
    await navigator.serviceWorker.ready;
    if (status) {
      status.hidden = false;
      status.dataset.ready = 'true';
    }
  } catch (error) {
    console.warn('Kizuki: offline use is not available here:', error);
  }
}

/**
 * Resolves once every widget on the page has shown its kit (or failed to), at most
 * WIDGET_WAIT_MS after the page's load, and then once the browser is idle. The copy for
 * offline use fetches every kit's module and pack (about 2.5 MB): started earlier, it takes
 * the line and the processor from the widget a person is waiting for.
 */
async function widgetsShown() {
  if (document.readyState !== 'complete') await new Promise((done) => window.addEventListener('load', done, { once: true }));
  const widgets = [...document.querySelectorAll('kizuki-kit')].map((widget) => widget.handle?.ready).filter(Boolean);
  await Promise.race([Promise.allSettled(widgets), new Promise((done) => setTimeout(done, WIDGET_WAIT_MS))]);
  await new Promise((done) => (window.requestIdleCallback ? window.requestIdleCallback(done, { timeout: 2000 }) : setTimeout(done, 200)));
}

widgetsShown().then(register);
