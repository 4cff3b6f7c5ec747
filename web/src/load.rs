//! Fetching a kit's content pack from the page's own origin and parsing it with the core.

use kizuki_core::{Pack, ValidPack, FORMAT_VERSION};
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
        found: &'static str,
    },
}

impl LoadError {
    /// The message shown to the person, in the widget's language.
    pub fn message(&self, text: &UiText) -> String {
        match self {
            LoadError::Network(detail) => text.error_network.replace("{detail}", detail),
            LoadError::Http(status) => text.error_http.replace("{status}", &status.to_string()),
            LoadError::NotAPack { detail } => text.error_not_a_pack.replace("{detail}", detail),
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

/// Parses pack JSON and checks that it suits the kit. Pure, so it is tested natively.
pub fn parse_pack(json: &str, kit: KitChoice) -> Result<Pack, LoadError> {
    // Read the version first, so a pack from a newer format gets the right message
    // rather than a structure error.
    #[derive(serde::Deserialize)]
    struct VersionProbe {
        format_version: Option<u64>,
    }
    if let Ok(VersionProbe {
        format_version: Some(version),
    }) = serde_json::from_str::<VersionProbe>(json)
    {
        if version != u64::from(FORMAT_VERSION) {
            return Err(LoadError::UnsupportedFormat(
                u32::try_from(version).unwrap_or(u32::MAX),
            ));
        }
    }
    let pack: Pack = serde_json::from_str(json).map_err(|error| LoadError::NotAPack {
        detail: error.to_string(),
    })?;
    if pack.format_version != FORMAT_VERSION {
        return Err(LoadError::UnsupportedFormat(pack.format_version));
    }
    let found = pack.kit.kind_name();
    if found != kit.kind_name() {
        return Err(LoadError::WrongKind {
            expected: kit.kind_name(),
            found,
        });
    }
    Ok(pack)
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
/// already asked for, and parses it as a pack for `kit`.
pub(crate) async fn fetch_pack(
    url: &str,
    kit: KitChoice,
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
    validate_pack(parse_pack(&json, kit)?)
}

/// Runs the core's validation; a pack with errors is refused, naming the first problem.
pub fn validate_pack(pack: Pack) -> Result<ValidPack, LoadError> {
    ValidPack::new(pack).map_err(|diagnostics| LoadError::NotAPack {
        detail: diagnostics
            .iter()
            .find(|d| d.is_error())
            .map(ToString::to_string)
            .unwrap_or_default(),
    })
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

/// A short description of a thrown JavaScript value (an `Error`'s message, or the value).
pub(crate) fn js_error_text(value: &wasm_bindgen::JsValue) -> String {
    if let Some(error) = value.dyn_ref::<js_sys::Error>() {
        return String::from(error.message());
    }
    value.as_string().unwrap_or_else(|| format!("{value:?}"))
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
        let kits = [KitChoice::Checklist, KitChoice::Plan, KitChoice::Course];
        for (path, json) in committed_packs() {
            let Some(own) = kits.into_iter().find(|kit| parse_pack(&json, *kit).is_ok()) else {
                continue; // Packs that do not parse are the core's tests' business.
            };
            for other in kits.into_iter().filter(|kit| *kit != own) {
                assert_eq!(
                    parse_pack(&json, other).expect_err(&path),
                    LoadError::WrongKind {
                        expected: other.kind_name(),
                        found: own.kind_name()
                    },
                    "{path}"
                );
            }
        }
    }

    #[test]
    fn a_newer_format_version_is_named_rather_than_reported_as_broken() {
        let json = r#"{"format_version": 99, "id": "future", "kit": {"type": "hologram"}}"#;
        let error = parse_pack(json, KitChoice::Checklist).expect_err("version 99 is unknown");
        assert_eq!(error, LoadError::UnsupportedFormat(99));
    }

    #[test]
    fn html_instead_of_json_is_not_a_pack() {
        let error = parse_pack("<!doctype html><p>404</p>", KitChoice::Checklist)
            .expect_err("html is not a pack");
        assert!(matches!(error, LoadError::NotAPack { .. }));
    }
}
