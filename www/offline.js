// The standalone site's pages register its service worker (sw.js) once the page has shown
// what it came for, then say when the site is ready for offline use on this device. A
// browser without service workers (or a page opened from a file) simply stays online-only.

const status = document.getElementById('offline-status');

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

// Registered after the page's own files, so the first visit is not slowed down by the copy.
if (document.readyState === 'complete') register();
else window.addEventListener('load', register, { once: true });
