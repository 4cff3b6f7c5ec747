/* tslint:disable */
/* eslint-disable */

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
    packUrl?: string;
    directoryUrl?: string;
    baseUrl?: string;
    /** The widget's stylesheet, relative to baseUrl (kizuki.js passes its module's own, kizuki-<module>.css; default kizuki.css, every kit's). */
    stylesheetUrl?: string;
    /** A pack shipped in content/ instead of the kit's default (for "aggregate": mh-checklist, linecare, provider-checklist, bjsq-57 or bjsq-23). */
    pack?: "mh-checklist" | "return-to-work" | "linecare" | "provider-checklist" | "workplace-improvement" | "bjsq-57" | "bjsq-23";
    /** "none" when the page itself shows the brand and the privacy line (default "full"). */
    chrome?: "full" | "none";
}



/**
 * A mounted widget. Call `destroy()` to unmount it and empty its element.
 */
export class Handle {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Unmounts the widget and empties its shadow root. A second call does nothing.
     */
    destroy(): void;
    /**
     * True until `destroy()` is called.
     */
    readonly isMounted: boolean;
    /**
     * The widget's storage namespace (its records are `kizuki/<namespace>/…`): the `namespace`
     * option, the learner's own in an LMS, or the kit's pack id. `kizuki.js`'s crash screen
     * offers these records for download.
     */
    readonly namespace: string;
}

/**
 * Mounts a widget into a new (or reused) open shadow root of `element`.
 *
 * `options` is an object with string fields, all optional but `kit`:
 * `kit` (`checklist`, `plan`, `course`, `questionnaire`, or a tool), `lang` (`ja`, `en`; the person's own choice on this site comes
 * first, then this, then the browser's languages, the page's `lang`, `ja`), `namespace` (prefix of storage keys; default: the pack id), `centerName`,
 * `centerPhone`, `centerUrl`, `centerHours`, `packUrl` (a center's own pack, both languages
 * in one file) and `directoryUrl` (the center's resource directory; both relative to the
 * page and on the page's origin), `pack` (the id of a pack whose one-language files are in
 * `content/` beside `kizuki.js`, instead of the kit's default: a shipped pack, or the pack of
 * an LMS package; the widget fetches its file of the language shown, `content/<pack>.<lang>.json`;
 * for `aggregate`, `mh-checklist`, `linecare`, `provider-checklist`, `bjsq-57` or
 * `bjsq-23`, one file with both languages), `baseUrl` (where `content/` and the
 * stylesheets live; `kizuki.js` passes its own directory), `stylesheetUrl` (the widget's
 * stylesheet, relative to `baseUrl`: `kizuki.js` passes its module's own,
 * `kizuki-<module>.css`; default `kizuki.css`, which holds every kit's layout) and `chrome`
 * (`none` when the page shows the brand and privacy line itself; default `full`).
 */
export function mount(element: Element, options: MountOptions): Handle;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly __wbg_handle_free: (a: number, b: number) => void;
    readonly crashForTesting: () => void;
    readonly handle_destroy: (a: number) => void;
    readonly handle_isMounted: (a: number) => number;
    readonly handle_namespace: (a: number) => [number, number];
    readonly mount: (a: any, b: any) => [number, number, number];
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __externref_table_alloc: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __externref_drop_slice: (a: number, b: number) => void;
    readonly __wbindgen_destroy_closure: (a: number, b: number) => void;
    readonly __externref_table_dealloc: (a: number) => void;
    readonly __wbindgen_start: () => void;
}

export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * Instantiates the given `module`, which can either be bytes or
 * a precompiled `WebAssembly.Module`.
 *
 * @param {{ module: SyncInitInput }} module - Passing `SyncInitInput` directly is deprecated.
 *
 * @returns {InitOutput}
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * If `module_or_path` is {RequestInfo} or {URL}, makes a request and
 * for everything else, calls `WebAssembly.instantiate` directly.
 *
 * @param {{ module_or_path: InitInput | Promise<InitInput> }} module_or_path - Passing `InitInput` directly is deprecated.
 *
 * @returns {Promise<InitOutput>}
 */
export default function __wbg_init (module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
