// The standalone site's service worker: after the first visit the whole site works offline.
// It keeps one cache per build (its name carries a hash of every file, filled in by
// scripts/build.sh with the list of the build's files: every pack's file of each language
// among them, so switching a widget's language works offline too), answers this origin's GET requests
// from that cache first, and deletes the caches of older builds once the new one is in
// place. It never touches a request to another origin (the site makes none) and never
// stores what a person enters: answers live in the page's local storage, not here.

//
// A center that embeds the widgets can use it from its own service worker at its site's root
// (www/embed/guide.html#offline):
//   self.KIZUKI_BASE = '/kizuki/';                 // where Kizuki's files are
//   self.KIZUKI_EXTRA = ['/mental/checklist.html']; // the center's own pages to keep too
//   importScripts('/kizuki/sw.js');

const VERSION = /* KIZUKI_VERSION */ 'dev' /* END_KIZUKI_VERSION */;
const FILES = /* KIZUKI_FILES */ ['./'] /* END_KIZUKI_FILES */;
const BASE = new URL(self.KIZUKI_BASE ?? './', self.location);
const URLS = [
  ...FILES.map((file) => new URL(file, BASE).href),
  ...(self.KIZUKI_EXTRA ?? []).map((file) => new URL(file, self.location).href),
];
const CACHE = `kizuki-site-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // Fetched afresh (not from the HTTP cache), so the cache holds exactly this build.
      await cache.addAll(URLS.map((url) => new Request(url, { cache: 'reload' })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('kizuki-site-') && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // Pages are stored without their query (app.html?kit=course is app.html).
      const cached = await cache.match(request, { ignoreSearch: request.mode === 'navigate' || /\.html$/.test(new URL(request.url).pathname) });
      if (cached) return cached;
      return fetch(request);
    })(),
  );
});
