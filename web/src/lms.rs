//! The LMS adapter a SCORM 1.2 or cmi5 package's launch page passes to `mount` (the
//! `lms` option, made by `www/lms.js`): an opaque JavaScript object the course calls
//! (`web/src/kind/course/lms.rs`); every other kit ignores it.

use wasm_bindgen::JsValue;

/// The `lms` option: the adapter object of `www/lms.js`. Equal when it is the same object.
#[derive(Debug, Clone)]
pub struct LmsAdapter(pub JsValue);

impl PartialEq for LmsAdapter {
    fn eq(&self, other: &LmsAdapter) -> bool {
        js_sys::Object::is(&self.0, &other.0)
    }
}

impl Eq for LmsAdapter {}

impl LmsAdapter {
    /// A string field of the adapter (empty when absent).
    pub fn text(&self, key: &str) -> String {
        js_sys::Reflect::get(&self.0, &JsValue::from_str(key))
            .ok()
            .and_then(|value| value.as_string())
            .unwrap_or_default()
    }
}
