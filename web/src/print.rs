//! Print isolation, shared by every kit: a document, a certificate or a kit's results print
//! alone, on clean A4 pages, wherever the widget is embedded.
//!
//! A widget lives inside a host page it does not own: `window.print()` alone prints the
//! center's header, the other widgets and everything around (issue 16). [`print_element`]
//! makes a **print-only copy** instead:
//!
//! 1. a `<div data-kizuki-print-root>` is appended to the host's `<body>` (the one place a
//!    widget writes outside its own element; it is removed after printing), with a Shadow
//!    DOM root of its own holding copies of the widget's stylesheets;
//! 2. inside it, the element to print, cloned deep, wrapped in shallow copies of its
//!    ancestors up to the widget's root (same classes and attributes, none of their other
//!    children), so every rule of the widget's stylesheet (`kizuki-<module>.css`) — screen and
//!    print — applies as in the widget;
//!    form values (`value`, `checked`) are copied over, since cloning keeps only attributes;
//! 3. one constructed stylesheet adopted by the host document: on screen the copy is never
//!    shown; in print every other child of `<body>` is hidden and the host's `html`
//!    font size, margins and writing mode are reset (a host's `html { font-size: 62.5% }`
//!    does not shrink the print); `@page` is A4 with 15 mm margins;
//! 4. once the copied stylesheets have loaded (or after [`STYLE_WAIT_MS`]), `window.print()`;
//!    the copy is removed on `afterprint` (and before the next print).
//!
//! Where the browser cannot adopt a constructed stylesheet (Safari before 16.4), the page
//! is printed as it is: the widget's own print rules still hide its controls.
//!
//! Kits call it through [`on_print`] with a [`NodeRef`] on the element to print.

use std::cell::Cell;
use std::rc::Rc;

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node, ShadowRoot};
use yew::{Callback, MouseEvent, NodeRef};

/// The attribute marking the print-only copy's host element in the host page.
pub const PRINT_ROOT_ATTRIBUTE: &str = "data-kizuki-print-root";

/// How long to wait for the copied stylesheets before printing anyway, in milliseconds.
pub const STYLE_WAIT_MS: u32 = 1500;

/// The host-page rules: the copy hidden on screen; in print, only the copy, unshrunk, on A4.
const PAGE_RULES: &str = "\
@media screen { [data-kizuki-print-root] { display: none !important; } }
@media print {
  html, body {
    margin: 0 !important; padding: 0 !important; border: 0 !important;
    font-size: 100% !important; writing-mode: horizontal-tb !important;
    width: auto !important; height: auto !important; min-height: 0 !important;
    overflow: visible !important; background: #fff !important; color: #000 !important;
    transform: none !important; zoom: 1 !important;
  }
  body > :not([data-kizuki-print-root]) { display: none !important; }
  [data-kizuki-print-root] {
    display: block !important; position: static !important; visibility: visible !important;
  }
}
@page { size: A4; margin: 15mm; }
";

/// A callback for a print button: prints the element `target` points at, alone.
pub fn on_print(target: NodeRef) -> Callback<MouseEvent> {
    Callback::from(move |_: MouseEvent| match target.cast::<Element>() {
        Some(element) => print_element(&element),
        None => print_page(),
    })
}

/// Prints `element` alone (see the module doc); falls back to printing the page.
pub fn print_element(element: &Element) {
    if make_print_copy(element).is_err() {
        remove_print_copies(element.owner_document().as_ref());
        print_page();
    }
}

fn print_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

fn make_print_copy(element: &Element) -> Result<(), JsValue> {
    let document = element.owner_document().ok_or("no document")?;
    let body = document.body().ok_or("no body")?;
    remove_print_copies(Some(&document));
    adopt_page_rules(&document)?;

    let root = document.create_element("div")?;
    root.set_attribute(PRINT_ROOT_ATTRIBUTE, "")?;
    let shadow =
        root.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?;

    let mut stylesheets = Vec::new();
    if let Ok(source) = element.get_root_node().dyn_into::<ShadowRoot>() {
        let styles = source.query_selector_all("link[rel~=\"stylesheet\"], style")?;
        for index in 0..styles.length() {
            let Some(style) = styles.item(index) else {
                continue;
            };
            let copy = style.clone_node_with_deep(true)?;
            shadow.append_child(&copy)?;
            if let Ok(link) = copy.dyn_into::<Element>() {
                if link.tag_name().eq_ignore_ascii_case("link") {
                    stylesheets.push(link);
                }
            }
        }
        let adopted = js_sys::Reflect::get(&source, &"adoptedStyleSheets".into())?;
        if !adopted.is_undefined() {
            js_sys::Reflect::set(&shadow, &"adoptedStyleSheets".into(), &adopted)?;
        }
    }

    let copy = element.clone_node_with_deep(true)?;
    copy_form_values(element, &copy)?;
    let mut top: Node = copy;
    let mut ancestor = element.parent_element();
    while let Some(parent) = ancestor {
        let tag = parent.tag_name();
        if tag.eq_ignore_ascii_case("body") || tag.eq_ignore_ascii_case("html") {
            break;
        }
        let shallow = parent.clone_node()?;
        shallow.append_child(&top)?;
        top = shallow;
        ancestor = parent.parent_element();
    }
    shadow.append_child(&top)?;
    body.append_child(&root)?;

    print_when_styled(&document, stylesheets);
    Ok(())
}

/// Removes every print-only copy (after printing, and before making a new one).
fn remove_print_copies(document: Option<&Document>) {
    let Some(document) = document else {
        return;
    };
    let Ok(copies) = document.query_selector_all(&format!("[{PRINT_ROOT_ATTRIBUTE}]")) else {
        return;
    };
    for index in 0..copies.length() {
        if let Some(copy) = copies
            .item(index)
            .and_then(|n| n.dyn_into::<Element>().ok())
        {
            copy.remove();
        }
    }
}

/// Adds [`PAGE_RULES`] to the host document's adopted stylesheets, once.
fn adopt_page_rules(document: &Document) -> Result<(), JsValue> {
    thread_local! {
        static ADOPTED: Cell<bool> = const { Cell::new(false) };
    }
    let key: JsValue = "adoptedStyleSheets".into();
    let current = js_sys::Reflect::get(document, &key)?;
    let Ok(current) = current.dyn_into::<js_sys::Array>() else {
        return Err("adoptedStyleSheets is not supported".into());
    };
    if ADOPTED.with(Cell::get) {
        return Ok(());
    }
    let sheet = web_sys::CssStyleSheet::new()?;
    sheet.replace_sync(PAGE_RULES)?;
    let sheets = current.slice(0, current.length());
    sheets.push(&sheet);
    js_sys::Reflect::set(document, &key, &sheets)?;
    ADOPTED.with(|adopted| adopted.set(true));
    Ok(())
}

/// Cloning copies attributes, not what was typed or ticked: copy `value` and `checked`.
fn copy_form_values(source: &Element, copy: &Node) -> Result<(), JsValue> {
    let Some(copy) = copy.dyn_ref::<Element>() else {
        return Ok(());
    };
    let selector = "input, textarea, select";
    let from = source.query_selector_all(selector)?;
    let to = copy.query_selector_all(selector)?;
    for index in 0..from.length().min(to.length()) {
        let (Some(from), Some(to)) = (from.item(index), to.item(index)) else {
            continue;
        };
        for property in ["value", "checked"] {
            let key: JsValue = property.into();
            let value = js_sys::Reflect::get(&from, &key)?;
            if !value.is_undefined() {
                js_sys::Reflect::set(&to, &key, &value)?;
            }
        }
    }
    Ok(())
}

/// Calls `window.print()` once every copied stylesheet has loaded (or failed), or after
/// [`STYLE_WAIT_MS`]; removes the copy on `afterprint`.
///
/// The listeners (`once`) and the timeout are handed over to the browser (`forget`): each
/// runs at most once, and wasm-bindgen frees its closure when the browser drops the function
/// (after it fired, or with the copy's links), as it did the `Closure::once_into_js` these
/// replace.
fn print_when_styled(document: &Document, stylesheets: Vec<Element>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let printed = Rc::new(Cell::new(false));
    let pending = Rc::new(Cell::new(stylesheets.len()));
    let go = {
        let printed = printed.clone();
        let document = document.clone();
        Rc::new(move || {
            if printed.replace(true) {
                return;
            }
            let document = document.clone();
            EventListener::once(&window, "afterprint", move |_| {
                remove_print_copies(Some(&document))
            })
            .forget();
            let _ = window.print();
        })
    };
    if stylesheets.is_empty() {
        go();
        return;
    }
    for link in &stylesheets {
        for event in ["load", "error"] {
            let go = go.clone();
            let pending = pending.clone();
            EventListener::once(link, event, move |_| {
                pending.set(pending.get().saturating_sub(1));
                if pending.get() == 0 {
                    go();
                }
            })
            .forget();
        }
    }
    Timeout::new(STYLE_WAIT_MS, move || go()).forget();
}
