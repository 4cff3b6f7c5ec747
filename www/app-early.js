// The standalone page's head start: app.html loads this small classic script `async`, so it
// runs as soon as it arrives, before the page's first layout (the module scripts, app.js and
// kizuki.js, run after it). It asks for the wasm of the kit named in the address and compiles
// it while the page lays itself out; kizuki.js takes the compiled module (`takeEarlyModule`)
// instead of asking again. Anything that goes wrong here (an old browser, a host that serves
// the wasm with another MIME type, a failed request) only means kizuki.js asks itself.
(() => {
  // Each kit's module, as kizuki.js names them (scripts/build.sh fills in the web list of kinds).
  const KINDS = /* KIZUKI_KINDS */ { checklist: 'mh-checklist', plan: 'return-to-work', course: 'linecare' } /* END_KIZUKI_KINDS */;
  const kit = new URLSearchParams(window.location.search).get('kit') ?? 'checklist';
  if (!Object.hasOwn(KINDS, kit) || typeof WebAssembly?.compileStreaming !== 'function') return;
  const base = document.currentScript?.src ?? document.baseURI;
  const url = new URL(`./pkg/kizuki_${kit}_bg.wasm`, base).href;
  const compiled = WebAssembly.compileStreaming(fetch(url));
  compiled.catch(() => {}); // kizuki.js then asks for the wasm itself
  window.kizukiEarlyModule = { name: kit, compiled };
  // The module's glue, asked for now too (kizuki.js imports it once it runs).
  const glue = document.createElement('link');
  glue.rel = 'modulepreload';
  glue.href = new URL(`./pkg/kizuki_${kit}.js`, base).href;
  document.head.append(glue);
})();
