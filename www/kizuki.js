// Kizuki embed: load this module once, then use <kizuki-kit> or mount(element, options).
//
//   <script type="module" src="https://your.site/kizuki/kizuki.js"></script>
//   <kizuki-kit kit="checklist" lang="ja" center-name="…" center-phone="…"></kizuki-kit>
//
// Or from a module:  import { mount } from './kizuki.js';
//                    const handle = mount(element, { kit: 'course', lang: 'en' });
//                    handle.destroy();
//
// Everything (wasm, stylesheet, content packs) loads from the directory of this file, on the
// page's own origin. A host page with a Content-Security-Policy must allow
// script-src 'wasm-unsafe-eval' for the WebAssembly to start.

import init, { mount as mountWasm } from './pkg/kizuki_web.js';

const baseUrl = new URL('./', import.meta.url).href;

let startError = null;
try {
  await init({ module_or_path: new URL('./pkg/kizuki_web_bg.wasm', import.meta.url) });
} catch (error) {
  startError = error;
  console.error('Kizuki could not start its WebAssembly module:', error);
}

/**
 * Mounts a widget into a shadow root of `element` and returns its handle.
 * Options: kit (checklist | plan | course), lang (ja | en), namespace, centerName,
 * centerPhone, centerUrl, centerHours, packUrl, directoryUrl. Throws on a bad option.
 * @param {Element} element
 * @param {Record<string, string>} [options]
 * @returns {{ destroy(): void, readonly isMounted: boolean }}
 */
export function mount(element, options = {}) {
  if (startError) {
    throw new Error(`Kizuki could not start: ${startError.message ?? startError}`);
  }
  return mountWasm(element, { baseUrl, ...options });
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
  'pack-url': 'packUrl',
  'directory-url': 'directoryUrl',
  pack: 'pack',
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
      this.#showStartError(error);
    }
  }

  #stop() {
    this.#handle?.destroy();
    this.#handle = null;
  }

  /** Without the wasm there is no app: say so in plain text rather than stay blank. */
  #showStartError(error) {
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const message = document.createElement('p');
    message.setAttribute('role', 'alert');
    message.textContent =
      `このツールを開始できませんでした。/ This tool could not start. (${error?.message ?? error})`;
    root.replaceChildren(message);
  }
}

if (!customElements.get('kizuki-kit')) {
  customElements.define('kizuki-kit', KizukiKit);
}
