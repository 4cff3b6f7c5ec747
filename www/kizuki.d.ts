// Types of kizuki.js, the embed's entry point (written by hand; the per-kit modules'
// own declarations are pkg/kizuki_<module>.d.ts, written by wasm-bindgen).

/** The options of `mount`. Every field is a string; only `kit` is required. */
export interface MountOptions {
  kit: "checklist" | "plan" | "course" | "questionnaire" | "mh-checklist" | "return-to-work" | "linecare" | "bjsq-57" | "aggregate" | "mydata" | "dircheck";
  lang?: "ja" | "en";
  namespace?: string;
  centerName?: string;
  centerPhone?: string;
  centerUrl?: string;
  centerHours?: string;
  /** Where visitors report an error in the content (http or https): the center's own form or page, in place of the address the build carries. */
  reportErrorsUrl?: string;
  /** A center's own pack (same origin): one file holding both languages. */
  packUrl?: string;
  directoryUrl?: string;
  /**
   * A pack shipped in content/ instead of the kit's default: the widget fetches its file of
   * the language shown (content/<pack>.<lang>.json), the other when the person switches.
   * For kit "aggregate": mh-checklist, linecare, provider-checklist, bjsq-57 or bjsq-23.
   */
  pack?: "mh-checklist" | "return-to-work" | "linecare" | "provider-checklist" | "workplace-improvement" | "bjsq-57" | "bjsq-23";
  /** "none" when the page itself shows the brand and the privacy line (default "full"). */
  chrome?: "full" | "none";
}

/** A widget, from the moment `mount` returns: it shows a loading line until its kit is ready. */
export interface Handle {
  /** Unmounts the widget and empties its shadow root. A second call does nothing. */
  destroy(): void;
  /** True until `destroy()` is called. */
  readonly isMounted: boolean;
  /** Resolves with this handle once the kit is shown; rejects if it could not start. */
  readonly ready: Promise<Handle>;
}

/**
 * Mounts a widget into a shadow root of `element`. Loads only the module of the kit asked
 * for (and its pack, at the same time). Throws on an unknown kit or an element that
 * already holds a widget.
 */
export function mount(element: Element, options: MountOptions): Handle;
