//! Fetching a kit's content pack from the page's own origin and parsing it with the core.

use kizuki_core::load::{read_pack_for, PackRefusal, MAX_PACK_BYTES};
use kizuki_core::{ValidPack, FORMAT_VERSION};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::{KitChoice, UiText};

/// Why a pack could not be shown. Each variant has a message in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The request did not complete (offline, blocked, server down).
    Network(String),
    /// The server answered with an HTTP error status.
    Http(u16),
    /// The file is not a pack this build understands: JSON or structure error.
    NotAPack {
        /// serde_json's description, with line and column.
        detail: String,
    },
    /// The pack declares a `format_version` this build does not read.
    UnsupportedFormat(u32),
    /// The pack is of another kind than the kit asked for (e.g. a course for `kit="checklist"`).
    WrongKind {
        /// The kind the widget needs.
        expected: &'static str,
        /// The kind the pack declares.
        found: String,
    },
}

impl LoadError {
    /// The short message shown to the person, in the widget's language: no developer text
    /// (the details go to the browser console, [`LoadError::detail`], and the embed guide's
    /// checker lists every problem of a file in Japanese).
    pub fn message(&self, text: &UiText) -> String {
        match self {
            LoadError::Network(_) => text.error_network.to_string(),
            LoadError::Http(status) => text.error_http.replace("{status}", &status.to_string()),
            LoadError::NotAPack { .. } => text.error_not_a_pack.to_string(),
            LoadError::UnsupportedFormat(found) => text
                .error_format_version
                .replace("{found}", &found.to_string())
                .replace("{supported}", &FORMAT_VERSION.to_string()),
            LoadError::WrongKind { expected, found } => text
                .error_wrong_kind
                .replace("{expected}", expected)
                .replace("{found}", found),
        }
    }
}

impl LoadError {
    /// What went wrong for whoever runs the page (English, for the browser console).
    pub fn detail(&self) -> String {
        match self {
            LoadError::Network(detail) => format!("network: {detail}"),
            LoadError::Http(status) => format!("HTTP {status}"),
            LoadError::NotAPack { detail } => detail.clone(),
            LoadError::UnsupportedFormat(found) => format!("format_version {found}"),
            LoadError::WrongKind { expected, found } => {
                format!("expected a {expected} pack, found {found}")
            }
        }
    }
}

/// Tells whoever runs the page what went wrong, in the browser console (never in the
/// widget): the person sees a short message in their language.
pub fn log_for_developers(what: &str, detail: &str) {
    web_sys::console::warn_1(&format!("Kizuki: {what}: {detail}").into());
}

/// Reads pack JSON for `kit` through the core ([`read_pack_for`]: size, format version,
/// kind, structure, validation) and names the first problem. Pure, so it is tested natively.
pub fn parse_pack(json: &str, kit: KitChoice) -> Result<ValidPack, LoadError> {
    parse_pack_of(json, &[kit.kind_name()])
}

/// [`parse_pack`] for a widget that takes a pack of any of `kinds` (the aggregation page).
pub(crate) fn parse_pack_of(json: &str, kinds: &[&'static str]) -> Result<ValidPack, LoadError> {
    read_pack_for(json.as_bytes(), kinds).map_err(|refusal| match refusal {
        PackRefusal::TooLarge { size } => LoadError::NotAPack {
            detail: format!("{size} bytes; at most {MAX_PACK_BYTES}"),
        },
        PackRefusal::NotAPack(detail) => LoadError::NotAPack { detail },
        PackRefusal::UnsupportedFormat(found) => {
            LoadError::UnsupportedFormat(u32::try_from(found).unwrap_or(u32::MAX))
        }
        PackRefusal::WrongKind { found } => LoadError::WrongKind {
            expected: kinds.first().copied().unwrap_or_default(),
            found,
        },
        PackRefusal::Invalid(diagnostic) => LoadError::NotAPack {
            detail: diagnostic.to_string(),
        },
    })
}

/// A `Promise<Response>` for the pack that `kizuki.js` started while the wasm loaded.
#[derive(Debug, Clone)]
pub struct Prefetched(pub js_sys::Promise);

impl PartialEq for Prefetched {
    fn eq(&self, other: &Self) -> bool {
        wasm_bindgen::JsValue::from(&self.0) == wasm_bindgen::JsValue::from(&other.0)
    }
}

impl Eq for Prefetched {}

/// Fetches `url` (same origin, checked by the caller), or reads the response `kizuki.js`
/// already asked for, and reads it as a pack of one of `kinds`.
pub(crate) async fn fetch_pack(
    url: &str,
    kinds: &[&'static str],
    prefetched: Option<Prefetched>,
) -> Result<ValidPack, LoadError> {
    let json = match prefetched {
        Some(Prefetched(promise)) => {
            read_response(
                JsFuture::from(promise).await,
                kizuki_core::load::MAX_PACK_BYTES,
            )
            .await?
        }
        None => fetch_text(url, kizuki_core::load::MAX_PACK_BYTES).await?,
    };
    parse_pack_of(&json, kinds)
}

/// Fetches `url` as text, refusing a body over `limit` bytes (by its Content-Length before
/// reading it, and by its length after).
pub(crate) async fn fetch_text(url: &str, limit: usize) -> Result<String, LoadError> {
    let window =
        web_sys::window().ok_or_else(|| LoadError::Network("no window object".to_string()))?;
    let init = web_sys::RequestInit::new();
    init.set_method("GET");
    init.set_credentials(web_sys::RequestCredentials::SameOrigin);
    init.set_cache(web_sys::RequestCache::NoCache);
    read_response(
        JsFuture::from(window.fetch_with_str_and_init(url, &init)).await,
        limit,
    )
    .await
}

/// The refusal of a file over `limit` bytes, in the words of the core's size check.
fn too_large(size: f64, limit: usize) -> LoadError {
    LoadError::NotAPack {
        detail: format!("the file is {size} bytes; the limit is {limit}"),
    }
}

/// The body of a fetched response, or why there is none.
async fn read_response(
    response: Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>,
    limit: usize,
) -> Result<String, LoadError> {
    let response: web_sys::Response = response
        .map_err(|error| LoadError::Network(js_error_text(&error)))?
        .dyn_into()
        .map_err(|value| LoadError::Network(js_error_text(&value)))?;
    if !response.ok() {
        return Err(LoadError::Http(response.status()));
    }
    // Refused before reading when the server says how large it is.
    let declared = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|value| value.trim().parse::<f64>().ok());
    if let Some(size) = declared.filter(|&size| size > limit as f64) {
        return Err(too_large(size, limit));
    }
    let body = response
        .text()
        .map_err(|error| LoadError::Network(js_error_text(&error)))?;
    let body = JsFuture::from(body)
        .await
        .map_err(|error| LoadError::Network(js_error_text(&error)))?;
    let text = body.as_string().unwrap_or_default();
    if text.len() > limit {
        return Err(too_large(text.len() as f64, limit));
    }
    Ok(text)
}

/// A short description of a thrown JavaScript value (an `Error`'s message, the string or
/// number thrown, or else its type). Not through `Debug`: release builds print no `{:?}`
/// (-Zfmt-debug=none, scripts/lib.sh).
pub(crate) fn js_error_text(value: &wasm_bindgen::JsValue) -> String {
    if let Some(error) = value.dyn_ref::<js_sys::Error>() {
        return String::from(error.message());
    }
    if let Some(number) = value.as_f64() {
        return number.to_string();
    }
    value
        .as_string()
        .or_else(|| value.js_typeof().as_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The committed packs in `content/` (top level only), with their file names.
    fn committed_packs() -> Vec<(String, String)> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
        let Ok(entries) = std::fs::read_dir(dir) else {
            return Vec::new();
        };
        entries
            .flatten()
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
            .filter_map(|path| {
                let json = std::fs::read_to_string(&path).ok()?;
                Some((path.display().to_string(), json))
            })
            .collect()
    }

    #[test]
    fn a_pack_of_another_kind_is_refused_with_both_kinds_named() {
        let kits = ["checklist", "plan", "course"].map(KitChoice::Kind);
        for (path, json) in committed_packs() {
            let Some(own) = kits.into_iter().find(|kit| parse_pack(&json, *kit).is_ok()) else {
                continue; // Packs that do not parse are the core's tests' business.
            };
            for other in kits.into_iter().filter(|kit| *kit != own) {
                assert_eq!(
                    parse_pack(&json, other).expect_err(&path),
                    LoadError::WrongKind {
                        expected: other.kind_name(),
                        found: own.kind_name().to_string()
                    },
                    "{path}"
                );
            }
        }
    }

    #[test]
    fn a_newer_format_version_is_named_rather_than_reported_as_broken() {
        let json = r#"{"format_version": 99, "id": "future", "kit": {"type": "hologram"}}"#;
        let error =
            parse_pack(json, KitChoice::Kind("checklist")).expect_err("version 99 is unknown");
        assert_eq!(error, LoadError::UnsupportedFormat(99));
    }

    #[test]
    fn html_instead_of_json_is_not_a_pack() {
        let error = parse_pack("<!doctype html><p>404</p>", KitChoice::Kind("checklist"))
            .expect_err("html is not a pack");
        assert!(matches!(error, LoadError::NotAPack { .. }));
    }
}
