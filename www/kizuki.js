// Kizuki embed: load this module once, then use <kizuki-kit> or mount(element, options).
//
//   <script type="module" src="https://your.site/kizuki/kizuki.js"></script>
//   <kizuki-kit kit="checklist" lang="ja" center-name="…" center-phone="…"></kizuki-kit>
//
// Or from a module:  import { mount } from './kizuki.js';
//                    const handle = mount(element, { kit: 'course', lang: 'en' });
//                    await handle.ready;   // optional: resolves once the kit is shown
//                    handle.destroy();
//
// Each kit is its own WebAssembly module (pkg/kizuki_<module>.js and _bg.wasm): a widget
// loads only the one its kit needs, and at the same time its content pack, in the widget's
// language only (content/<pack>.<lang>.json). Until both are there the widget shows a
// loading line in its language, in a box of reserved height; if loading fails it says so.
// Each module has its own stylesheet too (kizuki-<module>.css, cut by scripts/build.sh from
// www/kizuki.css): the placeholder, the widget and the crash screen link only their
// module's. Everything (wasm, stylesheet, content packs) loads from the directory of this
// file, on the page's own origin. A host page with a
// Content-Security-Policy must allow script-src 'wasm-unsafe-eval' for the WebAssembly.

const baseUrl = new URL('./', import.meta.url).href;

/**
 * The words kizuki.js shows itself (the loading line, a start failure, the crash screen),
 * per language: scripts/build.sh fills them from web/locales/<lang>/ui.json, the one source
 * of the widgets' words; this file is never served unbuilt.
 */
const WORDS = /* KIZUKI_WORDS */ { ja: {}, en: {} } /* END_KIZUKI_WORDS */;

/**
 * Every kind's kit → the pack it loads by default: filled by scripts/build.sh from the web's
 * list of kinds (web/src/kind.rs). Each kind is its own module, pkg/kizuki_<kind>.js; the
 * aggregation page is pkg/kizuki_aggregate.js (built for speed); the "my data" page is
 * pkg/kizuki_mydata.js (no kind, no pack); the guide's checker and LMS package button share
 * pkg/kizuki_tools.js.
 */
const KINDS = /* KIZUKI_KINDS */ { checklist: 'mh-checklist', plan: 'return-to-work', course: 'linecare' } /* END_KIZUKI_KINDS */;
const TOOLS = { aggregate: 'aggregate', mydata: 'mydata', dircheck: 'tools', lmspackage: 'tools' };

/** The module that carries `kit` (a kind, its default pack's id, or a tool), or null. */
function moduleFor(kit) {
  if (Object.hasOwn(KINDS, kit)) return kit;
  const byPack = Object.keys(KINDS).find((kind) => KINDS[kind] === kit);
  if (byPack) return byPack;
  return Object.hasOwn(TOOLS, kit) ? TOOLS[kit] : null;
}

/**
 * The stylesheet of a module, relative to this file's directory: the shared layer, the frame
 * and the blocks of www/kizuki.css that the module's screens use (scripts/split-css.mjs).
 */
function stylesheetOf(name) {
  return `kizuki-${name}.css`;
}

/** Module name → its initialised exports, once loaded. */
const ready = new Map();
/** Module name → the promise of its exports. */
const starting = new Map();
/** Elements that hold a widget or one on its way (a second mount is refused). */
const held = new WeakSet();
/** Module name → the handles of its mounted widgets. */
const live = new Map();
/** Modules that trapped: no call goes into them again (their glue refuses it too). */
const stopped = new Set();

/** Below this size a file is read as the host sends it: the second request would cost more than it saves. */
const UNPACK_FROM = 64 * 1024;

/**
 * A large file (the wasm, a kit's pack) as small as the host lets it travel. A host that
 * compresses (a Content-Encoding) sends it small already. A plain host sends the file as it is
 * on disk: the checklist's wasm is then 790 KB instead of 270 KB, seconds on a phone line. So
 * when a large same-origin file the build made (the wasm, a shipped pack; not a center's own
 * pack) comes uncompressed, the gzip copy the build writes beside it
 * (`<file>.gz`) is asked for, the plain download is stopped, and the copy is unpacked here
 * (DecompressionStream). The copy is used only when it unpacks to the very size the host gave
 * for the file (a copy left from another version is not); without one (a host without the
 * `.gz` files: one 404) the file is read as sent, or asked for again if it was stopped.
 */
async function fetchSmall(url, init) {
  const response = await fetch(url, init);
  const size = Number(response.headers.get('Content-Length'));
  if (!response.ok || response.type !== 'basic' || response.headers.has('Content-Encoding') || !(size >= UNPACK_FROM) || typeof DecompressionStream !== 'function') return response;
  // A page under a service worker (the site's offline cache, sw.js) has its files from that
  // cache, on the device: nothing to save by asking the host for a copy.
  if (navigator.serviceWorker?.controller) return response;
  let packed;
  try {
    packed = await fetch(`${url}.gz`, init);
  } catch {
    return response;
  }
  if (!packed.ok) return response;
  response.body?.cancel().catch(() => {});
  try {
    const bytes = await unpacked(packed);
    if (bytes.byteLength !== size) throw new Error('the .gz file is not a copy of this one');
    return new Response(bytes, { headers: { 'Content-Type': response.headers.get('Content-Type') ?? '', 'Content-Length': String(size) } });
  } catch {
    return fetch(url, init);
  }
}

/** A `.gz` response's bytes, unpacked (unless the host sent it with a Content-Encoding and the browser has unpacked it). */
async function unpacked(response) {
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
}

/**
 * A `WebAssembly.Module` from a fetched response: streamed when the server says
 * `application/wasm`, else (a host that labels it otherwise) from its bytes, as the glue
 * would. A failed response is refused in the glue's words.
 */
function compileWasm(response) {
  if (!response.ok) throw missingFile(new Error(`failed to fetch Wasm: ${response.status} ${response.statusText} fetching '${response.url}'`), response.url);
  const type = response.headers.get('Content-Type') ?? '';
  if (typeof WebAssembly.compileStreaming === 'function' && type.startsWith('application/wasm')) return WebAssembly.compileStreaming(response);
  return response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes));
}

/** Loads and initialises one kit's module, once per page. */
function loadModule(name) {
  if (!starting.has(name)) {
    const promise = (async () => {
      // The wasm is asked for at once, beside its glue, not after the glue has arrived, and
      // compiled as it arrives, while the glue is imported (a page that names both in its
      // head has them already: scripts/kit-pages.mjs).
      const compiled = fetchSmall(new URL(`./pkg/kizuki_${name}_bg.wasm`, import.meta.url).href).then(compileWasm);
      compiled.catch(() => {}); // a failed fetch or compile is reported by init below
      const glue = `./pkg/kizuki_${name}.js`;
      const module = await import(glue).catch((error) => {
        throw missingFile(error, new URL(glue, import.meta.url).href);
      });
      // The glue's guard (scripts/guard-glue.mjs) calls this when a call into the module
      // traps: from `mount`, an event listener, a promise callback or a timer alike. (A glue
      // built without scripts/build.sh has no guard: a trap then leaves the widget as it was.)
      module.onTrap?.((error) => moduleTrapped(name, error));
      await module.default({ module_or_path: await compiled });
      ready.set(name, module);
      return module;
    })();
    starting.set(name, promise);
  }
  return starting.get(name);
}

/**
 * A kit's module trapped (a panic is an immediate abort in the release build: RELIABILITY.md,
 * crash safety). Every live widget of that module shows the crash screen; widgets of other
 * modules go on. Nothing calls into the module again.
 */
function moduleTrapped(name, error) {
  if (stopped.has(name)) return;
  stopped.add(name);
  console.error(`Kizuki: the ${name} module stopped:`, error);
  for (const handle of live.get(name) ?? []) handle.crashed();
  live.delete(name);
}

/** Keeps stray calls into a stopped module (a storage event, a timer) out of the console: its trap was logged once. */
function quietStoppedCalls(event) {
  const error = event.type === 'error' ? event.error : event.reason;
  if (error?.name === 'KizukiModuleStopped') event.preventDefault();
}
window.addEventListener('error', quietStoppedCalls);
window.addEventListener('unhandledrejection', quietStoppedCalls);

/**
 * The placeholder's language, in the order the module decides it (kizuki_core's
 * `Lang::choose`): the person's choice on this site, the `lang` option, the browser's
 * languages, the page's `lang`, Japanese.
 */
function languageOf(options) {
  let stored = null;
  try {
    stored = window.localStorage.getItem('kizuki-lang');
  } catch {
    // storage blocked: no remembered choice
  }
  const candidates = [stored, options.lang, ...(navigator.languages ?? []), document.documentElement.lang];
  for (const candidate of candidates) {
    const lang = String(candidate ?? '').trim().slice(0, 2).toLowerCase();
    if (WORDS[lang]) return lang;
  }
  return 'ja';
}

/**
 * Starts fetching the pack the widget will ask for, so it arrives with the wasm. A kit's
 * shipped pack comes as one file per language (`content/<pack>.<lang>.json`, written by
 * `kizuki pack split` in scripts/build.sh): only the language the widget starts in is
 * fetched; the module fetches the other if the person switches. A center's own pack
 * (`packUrl`) and the aggregation page's are one file holding both languages.
 */
function prefetchPack(name, options, lang) {
  let url;
  try {
    if (options.packUrl) url = new URL(options.packUrl, document.baseURI);
    else if (['mydata', 'dircheck', 'lmspackage'].includes(options.kit)) return {}; // they read no pack on start
    else if (name === 'aggregate') url = new URL(`content/${options.pack || 'mh-checklist'}.json`, baseUrl);
    else url = new URL(`content/${options.pack || KINDS[name]}.${lang}.json`, baseUrl);
  } catch {
    return {};
  }
  if (url.origin !== window.location.origin) return {};
  // The build wrote a .gz copy of its own packs; a center's own (`packUrl`) has none.
  const prefetch = options.packUrl ? fetch(url.href, PACK_INIT) : fetchPackFile(url.href);
  prefetch.catch(() => {}); // the module reports a failed fetch in the widget
  return { prefetch, prefetchUrl: url.href };
}

/** A pack's file is revalidated with the server: a pack replaced on the site shows at once. */
const PACK_INIT = { credentials: 'same-origin', cache: 'no-cache' };

/**
 * A shipped pack's file, through fetchSmall: the first file here, the other language's by
 * the module when the person switches (the mount option `fetchFile`).
 */
function fetchPackFile(url) {
  return fetchSmall(url, PACK_INIT);
}

/** A widget's handle: the same object before and after its module has loaded. */
class Handle {
  #inner = null;
  #destroyed = false;
  #element;
  #module;
  #lang;
  #namespace = null;

  constructor(element, module, lang) {
    this.#element = element;
    this.#module = module;
    this.#lang = lang;
    /** Resolves with this handle once the kit is shown; rejects if it could not start. */
    this.ready = null;
  }

  /** Unmounts the widget and empties its shadow root. A second call does nothing. */
  destroy() {
    if (this.#destroyed) return;
    this.#destroyed = true;
    live.get(this.#module)?.delete(this);
    // A module that trapped is not called again: its widget is only emptied.
    if (!stopped.has(this.#module)) this.#inner?.destroy();
    this.#inner = null;
    this.#element.shadowRoot?.replaceChildren();
    held.delete(this.#element);
  }

  /** True until `destroy()` is called. */
  get isMounted() {
    return !this.#destroyed;
  }

  /** @internal */
  attach(inner) {
    if (this.#destroyed) {
      inner.destroy();
      return;
    }
    this.#inner = inner;
    // The storage namespace the module chose (an option, the learner's in an LMS, or the
    // kit's pack): the crash screen offers that namespace's records.
    this.#namespace = inner.namespace;
    if (!live.has(this.#module)) live.set(this.#module, new Set());
    live.get(this.#module).add(this);
  }

  /** @internal The module trapped: the crash screen replaces the widget. */
  crashed() {
    this.#inner = null;
    if (!this.#destroyed) showCrash(this.#element, this.#module, this.#lang, this.#namespace);
  }
}

/**
 * Whether a module's widget root is a child of the element's shadow root. (A query with
 * `:scope >` matches nothing on a shadow root, which is not an element.)
 */
function holdsWidget(element) {
  const root = element.shadowRoot;
  return !!root && [...root.children].some((child) => child.classList.contains('kizuki-root'));
}

/** A loading line in the widget's language, in a box of reserved height, at once. */
function showPlaceholder(element, module, lang) {
  const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL(stylesheetOf(module), baseUrl).href;
  const box = document.createElement('div');
  box.className = 'kizuki-placeholder';
  box.lang = lang;
  // Set through the CSSOM (allowed under a strict style-src), so the room is kept even
  // before the stylesheet arrives.
  box.style.minHeight = '16rem';
  const line = document.createElement('p');
  line.className = 'kizuki-status';
  line.setAttribute('role', 'status');
  line.textContent = WORDS[lang].loading;
  box.append(line);
  watchStylesheet(link, root, lang);
  root.replaceChildren(link, box);
  setBaseSize(element, root);
}

/**
 * A stylesheet that does not load (not uploaded, or a host that refuses `.css`) leaves the
 * widget working but unstyled: a line at its top says so in the widget's language, naming the
 * file, and the console has the address. The line is drawn by a constructed stylesheet
 * (CSSOM, allowed under a strict style-src), not by a node: the module's own rendering
 * replaces the shadow root's children and would take a node away.
 */
function watchStylesheet(link, root, lang) {
  link.addEventListener('error', () => {
    console.error(`Kizuki: the stylesheet ${link.href} did not load`);
    const words = WORDS[lang].style_missing.replace('{file}', fromBase(link.href));
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(
      ':host{display:block;font-family:sans-serif;line-height:1.6;overflow-wrap:anywhere}' +
        `.kizuki-placeholder::before,.kizuki-root::before{content:${JSON.stringify(words)};display:block;` +
        'padding:.75em 1em;margin-bottom:1em;border:2px solid #a00;color:#600;background:#fff4f4}',
    );
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }, { once: true });
}

/**
 * The widget's sizes are written against `--k-rem`, the reader's default text size, not
 * `rem`: inside a shadow root `rem` still reads the host page's root, and a host's
 * `html { font-size: 62.5% }` would shrink every button and gap. `medium` is the reader's
 * default size whatever the page says; an inline custom property on the host element wins
 * over the `:host` default (1rem) in kizuki.css.
 */
function setBaseSize(element, root) {
  const probe = document.createElement('span');
  probe.style.fontSize = 'medium';
  root.append(probe);
  const size = getComputedStyle(probe).fontSize;
  probe.remove();
  if (size && size.endsWith('px')) element.style.setProperty('--k-rem', size);
}

/**
 * A start that failed for a reason the page's maker can fix, named in the widget's words
 * (`kizukiProblem`: the words' key and what fills them), not only in the console's English.
 */
function withProblem(error, words, values) {
  error.kizukiProblem = { words, values };
  return error;
}

/** A file's address as a page's maker finds it: its path from kizuki.js's folder (or the whole address, elsewhere). */
function fromBase(url) {
  return url.startsWith(baseUrl) ? url.slice(baseUrl.length) : url;
}

/** A file of Kizuki's that did not load (not uploaded, or not where kizuki.js is): its path from kizuki.js's folder. */
function missingFile(error, url) {
  return withProblem(error, 'file_missing', { file: fromBase(url) });
}

/** Without its module there is no app: say so in plain text rather than stay blank. */
function showStartError(element, lang, error) {
  const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.lang = lang;
  // A long address must not widen a phone's page (set through the CSSOM: allowed under a strict style-src).
  message.style.overflowWrap = 'anywhere';
  const problem = error?.kizukiProblem;
  const words = WORDS[lang];
  message.textContent = problem
    ? `${words.start_failed}${words[problem.words].replace(/\{(\w+)\}/g, (_, key) => problem.values[key] ?? '')}`
    : `${words.start_failed} (${error?.message ?? error})`;
  root.replaceChildren(message);
}

/**
 * The crash screen, in place of a widget whose module trapped: what went wrong in the
 * widget's language, a download of each record the widget saved (as stored: a sealed
 * planner record stays sealed; records kept aside as damaged are left out), a reload link;
 * then a `kizuki-error` event on the host element. Drawn here, never by the module: after
 * a trap nothing may call into it.
 */
function showCrash(element, module, mountLang, namespace) {
  const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  // The language shown at the time (the person may have switched), else the one mounted in.
  const shown = root.querySelector('.kizuki[lang], .kizuki-placeholder[lang]')?.lang;
  const lang = WORDS[shown] ? shown : mountLang;
  const words = WORDS[lang];
  const make = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  };
  const section = make('section', 'kizuki-error');
  section.setAttribute('role', 'alert');
  section.append(make('h2', null, words.crashed_title), make('p', null, words.crashed_message));
  const records = namespace ? savedRecords(namespace) : [];
  if (records.length) {
    const buttons = make('p', 'kizuki-actions');
    for (const [key, value] of records) {
      const link = make('a', 'kizuki-button', words.crashed_export);
      link.href = URL.createObjectURL(new Blob([value], { type: 'application/json' }));
      link.download = recordFileName(key);
      link.dataset.key = key;
      buttons.append(link);
    }
    section.append(make('p', null, words.crashed_export_note), buttons);
  }
  const reload = make('a', 'kizuki-button', words.reload);
  reload.href = window.location.href;
  section.append(reload);
  const wrapper = make('div', 'kizuki');
  wrapper.lang = lang;
  wrapper.append(section);
  // A new container: the module's own listeners (Yew delegates events to its root) stay
  // on the old one, which leaves the page.
  const container = make('div', 'kizuki-root');
  container.append(wrapper);
  // The stylesheet stays where it is: a <link> taken out and put back loads again, and
  // the screen would show unstyled meanwhile.
  const stylesheet = [...root.children].find((child) => child.matches('link[rel="stylesheet"]'));
  if (stylesheet) {
    for (const child of [...root.childNodes]) if (child !== stylesheet) child.remove();
    root.append(container);
  } else {
    const link = make('link');
    link.rel = 'stylesheet';
    link.href = new URL(stylesheetOf(module), baseUrl).href;
    watchStylesheet(link, root, lang);
    root.replaceChildren(link, container);
  }
  element.dispatchEvent(new CustomEvent('kizuki-error', { bubbles: true, composed: true }));
}

/** This browser's records of a storage namespace (`kizuki/<namespace>/…`), but those kept aside as damaged. */
function savedRecords(namespace) {
  const prefix = `kizuki/${namespace}/`;
  const records = [];
  try {
    for (let i = 0; i < window.localStorage.length; i += 1) {
      const key = window.localStorage.key(i);
      if (key?.startsWith(prefix) && !key.includes('/corrupt/')) records.push([key, window.localStorage.getItem(key) ?? '']);
    }
  } catch {
    // storage blocked: nothing to offer
  }
  return records;
}

/** A record's download name, as the "my data" page names it (web/src/tools/my_data.rs `file_name`). */
function recordFileName(key) {
  return `${key.replace(/[^A-Za-z0-9.-]/gu, '_')}.json`;
}

/**
 * Mounts a widget into a shadow root of `element` and returns its handle at once.
 * Options: kit (checklist | plan | course | questionnaire | aggregate | mydata | dircheck),
 * lang (ja | en), namespace, centerName, centerPhone, centerUrl, centerHours, pack (a pack
 * shipped in content/, fetched one language at a time), packUrl (a center's own pack, both
 * languages in one file), directoryUrl, chrome ("none" when the page shows the brand and
 * privacy line itself).
 * Throws on an unknown kit or an element that already holds a widget; when the kit's module
 * is already loaded, also on any other bad option. Otherwise a problem found while loading
 * is shown in the widget and rejects `handle.ready`.
 * @param {Element} element
 * @param {Record<string, string>} [options]
 * @returns {{ destroy(): void, readonly isMounted: boolean, ready: Promise<object> }}
 */
export function mount(element, options = {}) {
  const kit = String(options.kit ?? '').trim().toLowerCase();
  if (!kit) throw new Error('option `kit` is required: checklist, plan or course');
  const name = moduleFor(kit);
  if (!name) {
    const kits = [...Object.keys(KINDS), 'aggregate', 'mydata'].join(', ');
    throw withProblem(new Error(`unknown kit \`${options.kit}\`: use ${kits}`), 'unknown_kit', { kit: options.kit, kits });
  }
  // Checked here too (the module checks again), so a bad address fails at once even
  // before the kit's module has loaded.
  for (const [option, what] of [['packUrl', 'pack'], ['directoryUrl', 'directory']]) {
    if (!options[option]) continue;
    const origin = new URL(options[option], document.baseURI).origin;
    if (origin !== window.location.origin) {
      throw new Error(`the ${what} must come from this page's origin (${window.location.origin}), not ${origin}`);
    }
  }
  const lang = languageOf(options);
  const handle = new Handle(element, name, lang);
  const loaded = ready.get(name);
  const waiting = held.has(element) && !holdsWidget(element);
  /** What the module's `mount` is given: the options, and what kizuki.js adds to them. */
  const moduleOptions = (early = {}) => ({ baseUrl, ...options, ...early, fetchFile: fetchPackFile, stylesheetUrl: stylesheetOf(name) });
  if (loaded && !waiting && !stopped.has(name)) {
    // The module checks every option (and a widget already there) and throws at once.
    let inner;
    try {
      inner = loaded.mount(element, moduleOptions());
    } catch (error) {
      if (!stopped.has(name)) throw error;
      // The call trapped: the crash screen, not an exception for the page.
      held.add(element);
      handle.crashed();
      handle.ready = Promise.reject(error);
      handle.ready.catch(() => {});
      return handle;
    }
    handle.attach(inner);
    held.add(element);
    handle.ready = Promise.resolve(handle);
    return handle;
  }
  if (held.has(element) || holdsWidget(element)) {
    throw new Error('this element already holds a Kizuki widget: call destroy() on its handle first');
  }
  held.add(element);
  // The pack, the wasm and its glue are asked for before the placeholder is drawn: drawing
  // it computes the page's styles, which would hold the requests back by a few milliseconds.
  const early = stopped.has(name) ? {} : prefetchPack(name, { ...options, kit }, lang);
  const loading = loadModule(name);
  showPlaceholder(element, name, lang);
  handle.ready = loading
    .then((module) => {
      if (!handle.isMounted) return handle;
      if (stopped.has(name)) throw new Error(`the ${name} module stopped after an error`);
      handle.attach(module.mount(element, moduleOptions(early)));
      return handle;
    })
    .catch((error) => {
      console.error('Kizuki could not start:', error);
      if (handle.isMounted) {
        if (stopped.has(name)) handle.crashed();
        else showStartError(element, lang, error);
      }
      throw error;
    });
  handle.ready.catch(() => {}); // shown in the widget; callers may still await it
  return handle;
}

/** Attribute name → mount option name. */
const ATTRIBUTES = {
  kit: 'kit',
  lang: 'lang',
  namespace: 'namespace',
  'center-name': 'centerName',
  'center-phone': 'centerPhone',
  'center-url': 'centerUrl',
  'center-hours': 'centerHours',
  'report-errors-url': 'reportErrorsUrl',
  'pack-url': 'packUrl',
  'directory-url': 'directoryUrl',
  pack: 'pack',
  chrome: 'chrome',
};

/** `<kizuki-kit kit="checklist" lang="ja" …>`: mounts when connected, destroys when removed. */
class KizukiKit extends HTMLElement {
  static observedAttributes = Object.keys(ATTRIBUTES);

  #handle = null;

  /** The widget's handle while it is mounted, else null. */
  get handle() {
    return this.#handle;
  }

  connectedCallback() {
    this.#start();
  }

  disconnectedCallback() {
    this.#stop();
  }

  attributeChangedCallback(_name, oldValue, newValue) {
    if (this.#handle && oldValue !== newValue) {
      this.#stop();
      this.#start();
    }
  }

  #start() {
    if (this.#handle) return;
    const options = {};
    for (const [attribute, option] of Object.entries(ATTRIBUTES)) {
      const value = this.getAttribute(attribute);
      if (value !== null) options[option] = value;
    }
    try {
      this.#handle = mount(this, options);
    } catch (error) {
      console.error('<kizuki-kit>:', error);
      showStartError(this, languageOf(options), error);
    }
  }

  #stop() {
    this.#handle?.destroy();
    this.#handle = null;
  }
}

if (!customElements.get('kizuki-kit')) {
  customElements.define('kizuki-kit', KizukiKit);
}
