//! The JavaScript boundary: `mount(element, options)` and the [`Handle`] it returns.
//!
//! This is the only module with `#[wasm_bindgen]` exports. It reads the options, resolves
//! the pack and stylesheet URLs, creates the Shadow DOM root and starts the Yew [`App`] in
//! it. A panic is an immediate abort in the release build (a trap, no panic hook): the crash
//! screen is drawn by `kizuki.js`, which the module's glue tells when a call into it traps
//! (`scripts/guard-glue.mjs`).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use kizuki_core::text::is_safe_href;
use kizuki_core::Lang;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node, ShadowRoot};
use yew::AppHandle;

use crate::load::{js_error_text, PackSource};
use crate::{App, AppProps, CenterContact, KitChoice, WidgetConfig};

/// A mounted widget. Call `destroy()` to unmount it and empty its element.
#[wasm_bindgen]
pub struct Handle {
    id: u32,
    app: Option<AppHandle<App>>,
    shadow: ShadowRoot,
    namespace: String,
}

#[wasm_bindgen]
impl Handle {
    /// Unmounts the widget and empties its shadow root. A second call does nothing.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        remove_children(&self.shadow);
        LIVE_WIDGETS.with(|live| live.borrow_mut().retain(|widget| widget.id != self.id));
    }

    /// True until `destroy()` is called.
    #[wasm_bindgen(getter, js_name = isMounted)]
    pub fn is_mounted(&self) -> bool {
        self.app.is_some()
    }

    /// The widget's storage namespace (its records are `kizuki/<namespace>/…`): the `namespace`
    /// option, the learner's own in an LMS, or the kit's pack id. `kizuki.js`'s crash screen
    /// offers these records for download.
    #[wasm_bindgen(getter)]
    pub fn namespace(&self) -> String {
        self.namespace.clone()
    }
}

/// Mounts a widget into a new (or reused) open shadow root of `element`.
///
/// `options` is an object with string fields, all optional but `kit`:
/// `kit` (`checklist`, `plan`, `course`, `questionnaire`, or a tool), `lang` (`ja`, `en`; the person's own choice on this site comes
/// first, then this, then the browser's languages, the page's `lang`, `ja`), `namespace` (prefix of storage keys; default: the pack id), `centerName`,
/// `centerPhone`, `centerUrl`, `centerHours`, `packUrl` (a center's own pack, both languages
/// in one file) and `directoryUrl` (the center's resource directory; both relative to the
/// page and on the page's origin), `pack` (the id of a pack whose one-language files are in
/// `content/` beside `kizuki.js`, instead of the kit's default: a shipped pack, or the pack of
/// an LMS package; the widget fetches its file of the language shown, `content/<pack>.<lang>.json`;
/// for `aggregate`, `mh-checklist`, `linecare`, `provider-checklist`, `bjsq-57` or
/// `bjsq-23`, one file with both languages), `baseUrl` (where `content/` and the
/// stylesheets live; `kizuki.js` passes its own directory), `stylesheetUrl` (the widget's
/// stylesheet, relative to `baseUrl`: `kizuki.js` passes its module's own,
/// `kizuki-<module>.css`; default `kizuki.css`, which holds every kit's layout) and `chrome`
/// (`none` when the page shows the brand and privacy line itself; default `full`).
#[wasm_bindgen]
pub fn mount(
    element: Element,
    #[wasm_bindgen(unchecked_param_type = "MountOptions")] options: JsValue,
) -> Result<Handle, JsError> {
    let options = MountOptions::read(&options)?;
    let window = web_sys::window().ok_or_else(|| JsError::new("Kizuki needs a browser window"))?;
    let document = window
        .document()
        .ok_or_else(|| JsError::new("Kizuki needs a document"))?;

    let kit_name = options
        .kit
        .as_deref()
        .ok_or_else(|| JsError::new("option `kit` is required: checklist, plan or course"))?;
    // Each kit's module knows only its own kit: kizuki.js picks the module by `kit`.
    let kit = KitChoice::parse(kit_name).ok_or_else(|| {
        JsError::new(&format!(
            "unknown kit `{kit_name}` in this module: use checklist, plan or course, through kizuki.js"
        ))
    })?;
    if let Some(code) = options.lang.as_deref() {
        Lang::parse(code)
            .ok_or_else(|| JsError::new(&format!("unknown lang `{code}`: use ja or en")))?;
    }
    let browser = crate::platform::browser_languages();
    let lang = Lang::choose(
        crate::platform::stored_lang().as_deref(),
        options.lang.as_deref(),
        browser.iter().map(String::as_str),
        page_lang(&document).as_deref(),
    );
    let namespace = options
        .namespace
        .clone()
        .or_else(|| lms_namespace(options.lms.as_ref()))
        .unwrap_or_else(|| kit.default_pack_id().to_string());
    if !is_valid_namespace(&namespace) {
        return Err(JsError::new(
            "option `namespace` must be 1 to 64 letters, digits, '.', '_' or '-'",
        ));
    }

    let page_base = document
        .base_uri()
        .ok()
        .flatten()
        .or_else(|| window.location().href().ok())
        .ok_or_else(|| JsError::new("cannot tell the page's address"))?;
    let script_base = options
        .base_url
        .clone()
        .unwrap_or_else(|| page_base.clone());
    // A center's own pack is one file with both languages; a shipped pack is one file per
    // language for a kit's widget (`content/<pack>.<lang>.json`, written at build time by
    // `kizuki pack split`), one bilingual file for the aggregation page.
    let pack_source = match &options.pack_url {
        Some(url) => PackSource::Bilingual(resolve_url(url, &page_base)?.href()),
        None => {
            let id = match (options.pack.as_deref(), kit) {
                (None, _) => kit.default_pack_id(),
                (
                    Some(
                        id @ ("mh-checklist" | "linecare" | "provider-checklist" | "bjsq-57"
                        | "bjsq-23"),
                    ),
                    KitChoice::Aggregate,
                ) => id,
                (Some(id), KitChoice::Kind(_)) if kizuki_core::validate::well_formed_id(id) => id,
                (Some(other), _) => {
                    return Err(JsError::new(&format!(
                        "unknown pack `{other}` for kit `{kit_name}`: the option `pack` is the id of a pack in content/ (kit=\"aggregate\": mh-checklist, linecare, provider-checklist, bjsq-57 or bjsq-23)"
                    )));
                }
            };
            match kit {
                KitChoice::Kind(_) => PackSource::PerLanguage {
                    stem: resolve_url(&format!("content/{id}"), &script_base)?.href(),
                    fetch_file: options.fetch_file.clone().map(crate::load::FetchFile),
                },
                _ => PackSource::Bilingual(
                    resolve_url(&format!("content/{id}.json"), &script_base)?.href(),
                ),
            }
        }
    };
    let pack_url = resolve_url(&pack_source.url(lang), &page_base)?;
    let page_origin = window
        .location()
        .origin()
        .map_err(|error| JsError::new(&js_error_text(&error)))?;
    if pack_url.origin() != page_origin {
        return Err(JsError::new(&format!(
            "the pack must come from this page's origin ({page_origin}), not {}",
            pack_url.origin()
        )));
    }
    let directory_url = match &options.directory_url {
        Some(url) => {
            let url = resolve_url(url, &page_base)?;
            if url.origin() != page_origin {
                return Err(JsError::new(&format!(
                    "the directory must come from this page's origin ({page_origin}), not {}",
                    url.origin()
                )));
            }
            Some(url.href())
        }
        None => None,
    };
    let stylesheet_url = resolve_url(
        options.stylesheet_url.as_deref().unwrap_or("kizuki.css"),
        &script_base,
    )?
    .href();

    let center = options.center();
    let config = WidgetConfig {
        kit,
        lang,
        namespace,
        center,
        report_errors_url: options
            .report_errors_url
            .clone()
            .filter(|url| is_safe_href(url)),
        prefetched_pack: options
            .prefetch
            .as_ref()
            .filter(|(url, _)| *url == pack_url.href())
            .map(|(_, promise)| crate::load::Prefetched(promise.clone())),
        pack_source,
        directory_url,
        chrome: match options.chrome.as_deref() {
            None | Some("full") => true,
            Some("none") => false,
            Some(other) => {
                return Err(JsError::new(&format!(
                    "unknown chrome `{other}`: use full (the default) or none (the page shows the brand and privacy line itself)"
                )))
            }
        },
        lms: options.lms.clone(),
    };

    // Every kit's module marks its widget's root, so a second module sees it too. (The
    // shadow root's children are looked at: `:scope >` matches nothing on a shadow root.)
    let held = element.shadow_root().is_some_and(|shadow| {
        let children = shadow.child_nodes();
        (0..children.length())
            .filter_map(|index| children.item(index))
            .filter_map(|child| child.dyn_into::<Element>().ok())
            .any(|child| {
                child
                    .class_name()
                    .split_whitespace()
                    .any(|name| name == "kizuki-root")
            })
    });
    if held || LIVE_WIDGETS.with(|live| live.borrow().iter().any(|w| w.host == element)) {
        return Err(JsError::new(
            "this element already holds a Kizuki widget: call destroy() on its handle first",
        ));
    }
    let shadow = match element.shadow_root() {
        Some(shadow) => shadow,
        None => element
            .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
            .map_err(|error| {
                JsError::new(&format!(
                    "cannot attach a shadow root to <{}> ({}): mount into a <div> or use <kizuki-kit>",
                    element.tag_name().to_ascii_lowercase(),
                    js_error_text(&error)
                ))
            })?,
    };
    // The loading placeholder's stylesheet (`kizuki.js` links the same file while the module
    // loads) stays where it is: a new `<link>` would fetch it again, and the widget would be
    // drawn unstyled until it arrived.
    let kept = remove_children_but_stylesheet(&shadow, &stylesheet_url);
    if !kept {
        let link = create_element(&document, "link")?;
        set_attribute(&link, "rel", "stylesheet")?;
        set_attribute(&link, "href", &stylesheet_url)?;
        append(&shadow, &link)?;
    }
    let container = create_element(&document, "div")?;
    set_attribute(&container, "class", "kizuki-root")?;
    append(&shadow, &container)?;

    let id = NEXT_WIDGET_ID.with(|next| {
        let id = next.get();
        next.set(id.wrapping_add(1));
        id
    });
    LIVE_WIDGETS.with(|live| {
        live.borrow_mut().push(LiveWidget {
            id,
            host: element.clone(),
        })
    });
    let namespace = config.namespace.clone();
    let props = AppProps {
        config: Rc::new(config),
    };
    let app = yew::Renderer::<App>::with_root_and_props(container, props).render();
    Ok(Handle {
        id,
        app: Some(app),
        shadow,
        namespace,
    })
}

#[wasm_bindgen(typescript_custom_section)]
const MOUNT_OPTIONS_TYPESCRIPT: &str = r#"
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
"#;

/// The options object, read field by field. Empty strings count as absent, so a custom
/// element can pass attributes straight through.
#[derive(Debug, Default)]
struct MountOptions {
    kit: Option<String>,
    lang: Option<String>,
    namespace: Option<String>,
    center_name: Option<String>,
    center_phone: Option<String>,
    center_url: Option<String>,
    center_hours: Option<String>,
    report_errors_url: Option<String>,
    pack_url: Option<String>,
    directory_url: Option<String>,
    base_url: Option<String>,
    /// The widget's stylesheet, relative to `base_url` (`kizuki.js` passes its module's own).
    stylesheet_url: Option<String>,
    pack: Option<String>,
    chrome: Option<String>,
    /// The LMS adapter object of a package's launch page (`www/lms.js`), if given.
    lms: Option<crate::lms::LmsAdapter>,
    /// `kizuki.js` starts fetching the pack while the wasm loads: the `Promise<Response>`
    /// and the URL it asked for. Used only when that URL is the pack's.
    prefetch: Option<(String, js_sys::Promise)>,
    /// `kizuki.js`'s way of fetching a shipped pack's file (`fetchFile`): for the other
    /// language's file when the person switches.
    fetch_file: Option<js_sys::Function>,
}

impl MountOptions {
    fn read(options: &JsValue) -> Result<MountOptions, JsError> {
        if options.is_undefined() || options.is_null() {
            return Ok(MountOptions::default());
        }
        if !options.is_object() {
            return Err(JsError::new("options must be an object"));
        }
        let field = |key: &str| -> Result<Option<String>, JsError> {
            let value = js_sys::Reflect::get(options, &JsValue::from_str(key))
                .map_err(|error| JsError::new(&js_error_text(&error)))?;
            if value.is_undefined() || value.is_null() {
                return Ok(None);
            }
            let text = value
                .as_string()
                .ok_or_else(|| JsError::new(&format!("option `{key}` must be a string")))?;
            let text = text.trim();
            Ok((!text.is_empty()).then(|| text.to_string()))
        };
        Ok(MountOptions {
            kit: field("kit")?,
            lang: field("lang")?,
            namespace: field("namespace")?,
            center_name: field("centerName")?,
            center_phone: field("centerPhone")?,
            center_url: field("centerUrl")?,
            center_hours: field("centerHours")?,
            report_errors_url: field("reportErrorsUrl")?,
            pack_url: field("packUrl")?,
            directory_url: field("directoryUrl")?,
            base_url: field("baseUrl")?,
            stylesheet_url: field("stylesheetUrl")?,
            pack: field("pack")?,
            chrome: field("chrome")?,
            prefetch: {
                let promise = js_sys::Reflect::get(options, &JsValue::from_str("prefetch"))
                    .ok()
                    .and_then(|value| value.dyn_into::<js_sys::Promise>().ok());
                field("prefetchUrl")?.zip(promise)
            },
            fetch_file: js_sys::Reflect::get(options, &JsValue::from_str("fetchFile"))
                .ok()
                .and_then(|value| value.dyn_into::<js_sys::Function>().ok()),
            lms: js_sys::Reflect::get(options, &JsValue::from_str("lms"))
                .ok()
                .filter(JsValue::is_object)
                .map(crate::lms::LmsAdapter),
        })
    }

    /// The center's contacts if any were given; a web address that is not http(s) is dropped.
    fn center(&self) -> Option<CenterContact> {
        let url = self.center_url.clone().filter(|url| is_safe_href(url));
        let any = self.center_name.is_some()
            || self.center_phone.is_some()
            || url.is_some()
            || self.center_hours.is_some();
        any.then(|| CenterContact {
            name: self.center_name.clone().unwrap_or_default(),
            phone: self.center_phone.clone(),
            url,
            hours: self.center_hours.clone(),
        })
    }
}

/// In an LMS, the learner's own storage namespace (core `lms::learner_namespace`), so two
/// learners on one computer never resume each other's record; none without a learner id.
fn lms_namespace(lms: Option<&crate::lms::LmsAdapter>) -> Option<String> {
    #[cfg(feature = "course")]
    {
        let learner = lms?.text("learnerId");
        (!learner.is_empty()).then(|| kizuki_core::lms::learner_namespace(&learner))
    }
    #[cfg(not(feature = "course"))]
    {
        let _ = lms;
        None
    }
}

fn is_valid_namespace(namespace: &str) -> bool {
    (1..=64).contains(&namespace.len())
        && namespace
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

fn page_lang(document: &Document) -> Option<String> {
    document.document_element()?.get_attribute("lang")
}

fn resolve_url(url: &str, base: &str) -> Result<web_sys::Url, JsError> {
    web_sys::Url::new_with_base(url, base)
        .map_err(|error| JsError::new(&format!("bad URL `{url}`: {}", js_error_text(&error))))
}

fn create_element(document: &Document, tag: &str) -> Result<Element, JsError> {
    document
        .create_element(tag)
        .map_err(|error| JsError::new(&js_error_text(&error)))
}

fn set_attribute(element: &Element, name: &str, value: &str) -> Result<(), JsError> {
    element
        .set_attribute(name, value)
        .map_err(|error| JsError::new(&js_error_text(&error)))
}

fn append(parent: &Node, child: &Node) -> Result<(), JsError> {
    parent
        .append_child(child)
        .map(|_| ())
        .map_err(|error| JsError::new(&js_error_text(&error)))
}

/// Removes every child of `parent` but a stylesheet `<link>` to `href` (an absolute URL);
/// says whether one was kept.
fn remove_children_but_stylesheet(parent: &Node, href: &str) -> bool {
    let mut kept = false;
    let mut child = parent.first_child();
    while let Some(node) = child {
        child = node.next_sibling();
        let is_the_stylesheet = node
            .dyn_ref::<web_sys::HtmlLinkElement>()
            .is_some_and(|link| link.rel() == "stylesheet" && link.href() == href);
        if is_the_stylesheet && !kept {
            kept = true;
        } else if parent.remove_child(&node).is_err() {
            break;
        }
    }
    kept
}

fn remove_children(parent: &Node) {
    while let Some(child) = parent.last_child() {
        if parent.remove_child(&child).is_err() {
            break;
        }
    }
}

/// A mounted widget: a second `mount` into its element is refused.
struct LiveWidget {
    id: u32,
    host: Element,
}

thread_local! {
    static LIVE_WIDGETS: RefCell<Vec<LiveWidget>> = const { RefCell::new(Vec::new()) };
    static NEXT_WIDGET_ID: Cell<u32> = const { Cell::new(1) };
}

/// Panics on purpose, so the browser tests can check the crash screen in the shipped build:
/// in the release build a panic is an immediate abort, a trap the glue reports to
/// `kizuki.js`. It reads and writes nothing; a host page that calls it only breaks the
/// widgets of this kit's module.
#[wasm_bindgen(js_name = crashForTesting, skip_typescript)]
pub fn crash_for_testing() {
    panic!("crashForTesting() was called");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pack_option_names_a_file_in_content_and_nothing_else() {
        use kizuki_core::validate::well_formed_id as is_pack_id;
        assert!(is_pack_id("provider-checklist"));
        assert!(is_pack_id("bjsq-23"));
        // Any id a pack may have (an LMS package of a center's own course mounts with it).
        assert!(is_pack_id("center_course-2"));
        assert!(!is_pack_id("../secret"));
        assert!(!is_pack_id("a/b"));
        assert!(!is_pack_id("Pack"));
        assert!(!is_pack_id(""));
        assert!(!is_pack_id(&"a".repeat(65)));
    }

    #[test]
    fn namespaces_are_short_and_plain() {
        assert!(is_valid_namespace("center-a.checklist_2"));
        assert!(!is_valid_namespace(""));
        assert!(!is_valid_namespace("a b"));
        assert!(!is_valid_namespace(&"x".repeat(65)));
    }

    #[test]
    fn a_center_url_that_is_not_http_is_dropped() {
        let options = MountOptions {
            center_name: Some("センター".into()),
            center_url: Some("javascript:alert(1)".into()),
            ..MountOptions::default()
        };
        let center = options.center().expect("a name makes a center");
        assert_eq!(center.url, None);
        assert_eq!(MountOptions::default().center(), None);
    }
}
