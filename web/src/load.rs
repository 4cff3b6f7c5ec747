//! Fetching a kit's content pack from the page's own origin and parsing it with the core:
//! where it comes from ([`PackSource`]: a shipped pack's file per language, or one bilingual
//! file), and the pack the views share ([`PackRef`]: each language's file loaded so far).

use std::cell::{Cell, OnceCell};
use std::ops::Deref;
use std::rc::Rc;

use kizuki_core::load::{read_pack_for, PackRefusal, MAX_PACK_BYTES};
use kizuki_core::{Lang, ValidPack, FORMAT_VERSION};
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
    /// The file of the language switched to is of another pack or version than the one shown.
    OtherVersion {
        /// The pack and version of the file fetched.
        found: String,
        /// The pack and version shown.
        shown: String,
    },
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
            LoadError::OtherVersion { .. } => text.error_other_version.to_string(),
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
            LoadError::OtherVersion { found, shown } => {
                format!("the other language's file is {found}; the pack shown is {shown}")
            }
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

/// Whether this module shows a pack: every module but those of the tools that show none ("my
/// data", the guide's checker and LMS button), which then link no pack reader (the core
/// cannot be built without a kind, so theirs carries one).
const SHOWS_PACKS: bool = !crate::kind::KINDS.is_empty() || cfg!(feature = "aggregate");

/// Reads pack JSON for `kit` through the core ([`read_pack_for`]: size, format version,
/// kind, structure, validation) and names the first problem. Pure, so it is tested natively.
pub fn parse_pack(json: &str, kit: KitChoice) -> Result<ValidPack, LoadError> {
    parse_pack_bytes(json.as_bytes(), &[kit.kind_name()])
}

/// [`parse_pack`] of a file's bytes, for a widget that takes a pack of any of `kinds` (the
/// aggregation page takes every kind).
pub(crate) fn parse_pack_bytes(
    bytes: &[u8],
    kinds: &[&'static str],
) -> Result<ValidPack, LoadError> {
    if !SHOWS_PACKS {
        return Err(LoadError::NotAPack {
            detail: "this module shows no pack".to_string(),
        });
    }
    read_pack_for(bytes, kinds).map_err(|refusal| match refusal {
        PackRefusal::TooLarge { size } => LoadError::NotAPack {
            detail: format!("{size} bytes; at most {MAX_PACK_BYTES}"),
        },
        PackRefusal::NotAPack(diagnostic) => LoadError::NotAPack {
            detail: diagnostic.to_string(),
        },
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

/// `kizuki.js`'s `fetchSmall`, given to the module for the shipped packs' files: on a host
/// that sends files uncompressed it takes the build's `.gz` copy (www/kizuki.js says how).
/// Used for the other language's file when the person switches; the first file comes
/// through it already ([`Prefetched`]).
#[derive(Debug, Clone)]
pub struct FetchFile(pub js_sys::Function);

impl FetchFile {
    /// Its `Promise<Response>` for `url`, or None if it throws or answers with something else
    /// (the widget then fetches the file itself).
    fn start(&self, url: &str) -> Option<Prefetched> {
        self.0
            .call1(
                &wasm_bindgen::JsValue::NULL,
                &wasm_bindgen::JsValue::from_str(url),
            )
            .ok()
            .and_then(|value| value.dyn_into::<js_sys::Promise>().ok())
            .map(Prefetched)
    }
}

impl PartialEq for FetchFile {
    fn eq(&self, other: &Self) -> bool {
        wasm_bindgen::JsValue::from(&self.0) == wasm_bindgen::JsValue::from(&other.0)
    }
}

impl Eq for FetchFile {}

/// Fetches `url` (same origin, checked by the caller), or reads the response `kizuki.js`
/// already asked for, and reads it as a pack of one of `kinds`. The body is read as bytes and
/// handed to the core as they are (its UTF-8 check, its BOM rule): no decoding to a
/// JavaScript string and back.
pub(crate) async fn fetch_pack(
    url: &str,
    kinds: &[&'static str],
    prefetched: Option<Prefetched>,
) -> Result<ValidPack, LoadError> {
    let response = match prefetched {
        Some(Prefetched(promise)) => promise,
        None => request(url)?,
    };
    let response = checked_response(
        JsFuture::from(response).await,
        kizuki_core::load::MAX_PACK_BYTES,
    )?;
    let body = body_of(response.array_buffer()).await?;
    let bytes = js_sys::Uint8Array::new(&body).to_vec();
    parse_pack_bytes(&bytes, kinds)
}

/// Fetches `url` as text, refusing a body over `limit` bytes (by its Content-Length before
/// reading it, and by its length after).
pub(crate) async fn fetch_text(url: &str, limit: usize) -> Result<String, LoadError> {
    let response = checked_response(JsFuture::from(request(url)?).await, limit)?;
    let text = body_of(response.text())
        .await?
        .as_string()
        .unwrap_or_default();
    if text.len() > limit {
        return Err(too_large(text.len() as u64, limit));
    }
    Ok(text)
}

/// The body a response's reader (`text()`, `arrayBuffer()`) resolves to, or why it failed.
async fn body_of(
    reading: Result<js_sys::Promise, wasm_bindgen::JsValue>,
) -> Result<wasm_bindgen::JsValue, LoadError> {
    let reading = reading.map_err(|error| LoadError::Network(js_error_text(&error)))?;
    JsFuture::from(reading)
        .await
        .map_err(|error| LoadError::Network(js_error_text(&error)))
}

/// A GET of `url` with this origin's credentials, revalidated with the server (a pack or
/// directory replaced on the site shows at once).
fn request(url: &str) -> Result<js_sys::Promise, LoadError> {
    let window =
        web_sys::window().ok_or_else(|| LoadError::Network("no window object".to_string()))?;
    let init = web_sys::RequestInit::new();
    init.set_method("GET");
    init.set_credentials(web_sys::RequestCredentials::SameOrigin);
    init.set_cache(web_sys::RequestCache::NoCache);
    Ok(window.fetch_with_str_and_init(url, &init))
}

/// The refusal of a file over `limit` bytes, in the words of the core's size check.
fn too_large(size: u64, limit: usize) -> LoadError {
    LoadError::NotAPack {
        detail: format!("the file is {size} bytes; the limit is {limit}"),
    }
}

/// A fetched response whose body may be read: its status is a success, and a size it
/// declares is within `limit` (refused before reading; the core checks the bytes again).
fn checked_response(
    response: Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>,
    limit: usize,
) -> Result<web_sys::Response, LoadError> {
    let response: web_sys::Response = response
        .map_err(|error| LoadError::Network(js_error_text(&error)))?
        .dyn_into()
        .map_err(|value| LoadError::Network(js_error_text(&value)))?;
    if !response.ok() {
        return Err(LoadError::Http(response.status()));
    }
    let declared = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|value| value.trim().parse::<u64>().ok());
    if let Some(size) = declared.filter(|&size| size > limit as u64) {
        return Err(too_large(size, limit));
    }
    Ok(response)
}

/// A short description of a thrown JavaScript value (an `Error`'s message, the string or
/// number thrown, or else its type). Not through `Debug`: release builds print no `{:?}`
/// (-Zfmt-debug=none, scripts/lib.sh). A number is written by JavaScript: Rust's float
/// formatting would add about 10 KB of code and tables to every module for this one case.
pub(crate) fn js_error_text(value: &wasm_bindgen::JsValue) -> String {
    if let Some(error) = value.dyn_ref::<js_sys::Error>() {
        return String::from(error.message());
    }
    if let Some(number) = value.dyn_ref::<js_sys::Number>() {
        if let Ok(text) = number.to_string_with_radix(10) {
            return String::from(text);
        }
    }
    value
        .as_string()
        .or_else(|| value.js_typeof().as_string())
        .unwrap_or_default()
}

/// Where a widget's pack comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackSource {
    /// A shipped pack: one file per language, `<stem>.<lang>.json` (`kizuki pack split`
    /// writes them at build time). The widget fetches the file of the language it shows, and
    /// the other one when the person switches.
    PerLanguage {
        /// The pack's address without `.<lang>.json`, e.g. `…/content/mh-checklist`.
        stem: String,
        /// How `kizuki.js` fetches such files (its `.gz` path on a plain host), if it said.
        fetch_file: Option<FetchFile>,
    },
    /// One file holding both languages: a center's own pack (`packUrl`), the tools' packs.
    Bilingual(String),
}

impl PackSource {
    /// The file a reader of `lang` needs.
    pub fn url(&self, lang: Lang) -> String {
        match self {
            PackSource::PerLanguage { stem, .. } => format!("{stem}.{}.json", lang.code()),
            PackSource::Bilingual(url) => url.clone(),
        }
    }

    /// The fetch of `lang`'s file through `kizuki.js`'s `fetchSmall`, when the module was
    /// given it (a shipped pack's files): every fetch of a file the response `kizuki.js`
    /// started does not answer (the other language, a retry, a prefetch of another file).
    pub(crate) fn start_fetch(&self, lang: Lang) -> Option<Prefetched> {
        match self {
            PackSource::PerLanguage {
                fetch_file: Some(fetch_file),
                ..
            } => fetch_file.start(&self.url(lang)),
            _ => None,
        }
    }
}

/// A widget's validated pack, shared by its views; compared by pointer, so re-renders stay
/// cheap.
///
/// With one file per language it holds each language's file loaded so far and reads as the
/// file of the language shown: the frame alone adds a file ([`PackRef::add`]) and picks the
/// language ([`PackRef::show`]), in the same turn as it hands the views that language, so a
/// view always reads texts in the language it is given. Ids, structure and numbers are the
/// same in every file (the core's `Pack::one_language`), so state a view holds (answers,
/// position, an unlocked case) stays valid across a switch.
#[derive(Debug, Clone)]
pub struct PackRef(Rc<PackFiles>);

#[derive(Debug)]
struct PackFiles {
    /// The file loaded first (for a bilingual pack, the only one).
    first: ValidPack,
    /// Files fetched later, by language (in [`Lang::ALL`]'s order); each set at most once.
    later: Vec<OnceCell<ValidPack>>,
    /// The language shown, when it is one of the later files'.
    shown: Cell<Option<usize>>,
}

fn lang_index(lang: Lang) -> usize {
    Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0)
}

impl PackRef {
    /// The pack as first loaded.
    pub fn new(pack: ValidPack) -> PackRef {
        PackRef(Rc::new(PackFiles {
            first: pack,
            later: Lang::ALL.iter().map(|_| OnceCell::new()).collect(),
            shown: Cell::new(None),
        }))
    }

    /// Whether a file loaded so far carries `lang`'s texts.
    pub fn has(&self, lang: Lang) -> bool {
        self.0.first.pack().serves(lang)
            || self
                .0
                .later
                .get(lang_index(lang))
                .is_some_and(|file| file.get().is_some())
    }

    /// Keeps the file fetched for `lang` (a second one for the same language is ignored).
    pub fn add(&self, lang: Lang, pack: ValidPack) {
        if let Some(slot) = self.0.later.get(lang_index(lang)) {
            let _ = slot.set(pack);
        }
    }

    /// Reads as the file that carries `lang` from now on (when none does, as before).
    pub fn show(&self, lang: Lang) {
        if self.0.first.pack().serves(lang) {
            self.0.shown.set(None);
        } else if self.has(lang) {
            self.0.shown.set(Some(lang_index(lang)));
        }
    }
}

impl PartialEq for PackRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for PackRef {
    type Target = ValidPack;

    fn deref(&self) -> &ValidPack {
        let files = &self.0;
        files
            .shown
            .get()
            .and_then(|index| files.later.get(index))
            .and_then(OnceCell::get)
            .unwrap_or(&files.first)
    }
}

/// Fetches the file of `lang` for a pack already shown in another language, and checks it
/// is the same pack and version as `shown` (an export made with either fits both).
pub(crate) async fn fetch_other_language(
    source: &PackSource,
    lang: Lang,
    shown: &ValidPack,
) -> Result<ValidPack, LoadError> {
    let kind = shown.pack().kit.kind_name();
    let file = fetch_pack(&source.url(lang), &[kind], source.start_fetch(lang)).await?;
    check_same_pack(shown, file, lang)
}

/// The file of another language, if it is the same pack and version as the one shown and
/// carries `lang`. Pure, so it is tested natively.
pub(crate) fn check_same_pack(
    shown: &ValidPack,
    file: ValidPack,
    lang: Lang,
) -> Result<ValidPack, LoadError> {
    let (one, other) = (shown.pack(), file.pack());
    if one.id != other.id || one.version != other.version {
        return Err(LoadError::OtherVersion {
            found: format!("{} {}", other.id, other.version),
            shown: format!("{} {}", one.id, one.version),
        });
    }
    if !other.serves(lang) {
        return Err(LoadError::NotAPack {
            detail: format!("the file is not for readers of {}", lang.code()),
        });
    }
    Ok(file)
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

    /// The committed checklist pack, and its file of each language as the build writes it.
    fn checklist_files() -> (ValidPack, ValidPack, ValidPack) {
        let json = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../content/mh-checklist.json"),
        )
        .expect("the checklist pack is committed");
        let bilingual = parse_pack(&json, KitChoice::Kind("checklist")).expect("it loads");
        let file = |lang| {
            let one = bilingual
                .pack()
                .one_language(lang)
                .expect("a bilingual pack splits");
            let json = serde_json::to_string(&one).expect("it serializes");
            parse_pack(&json, KitChoice::Kind("checklist")).expect("the widget reads it")
        };
        (file(Lang::Ja), file(Lang::En), bilingual)
    }

    #[test]
    fn a_pack_ref_reads_as_the_file_of_the_language_shown() {
        let (japanese, english, bilingual) = checklist_files();
        let pack = PackRef::new(japanese.clone());
        let view = pack.clone(); // what a view holds
        assert!(pack.has(Lang::Ja) && !pack.has(Lang::En));
        pack.show(Lang::En); // no English file yet: nothing changes
        assert_eq!(*view, japanese);
        pack.add(Lang::En, english.clone());
        assert!(pack.has(Lang::En));
        pack.show(Lang::En);
        assert_eq!(*view, english, "every clone reads the language shown");
        assert_eq!(
            view.pack().title.get(Lang::En),
            bilingual.pack().title.get(Lang::En)
        );
        pack.show(Lang::Ja);
        assert_eq!(*view, japanese);
        let both = PackRef::new(bilingual.clone());
        assert!(both.has(Lang::Ja) && both.has(Lang::En));
    }

    #[test]
    fn the_other_language_must_be_the_same_pack_and_version() {
        let (japanese, english, _) = checklist_files();
        assert_eq!(
            check_same_pack(&japanese, english.clone(), Lang::En).as_ref(),
            Ok(&english)
        );
        let mut newer = english.pack().clone();
        newer.version = "9.9.9".into();
        let newer = kizuki_core::ValidPack::new(newer).expect("still valid");
        assert!(matches!(
            check_same_pack(&japanese, newer, Lang::En),
            Err(LoadError::OtherVersion { .. })
        ));
        // A Japanese file where the English one was asked for.
        assert!(matches!(
            check_same_pack(&japanese, japanese.clone(), Lang::En),
            Err(LoadError::NotAPack { .. })
        ));
    }

    #[test]
    fn a_shipped_pack_has_a_file_per_language_and_a_centers_pack_one() {
        let shipped = PackSource::PerLanguage {
            stem: "https://c.jp/kizuki/content/mh-checklist".into(),
            fetch_file: None,
        };
        assert_eq!(
            shipped.url(Lang::En),
            "https://c.jp/kizuki/content/mh-checklist.en.json"
        );
        let own = PackSource::Bilingual("https://c.jp/own.json".into());
        assert_eq!(own.url(Lang::Ja), own.url(Lang::En));
    }

    #[test]
    fn html_instead_of_json_is_not_a_pack() {
        let error = parse_pack("<!doctype html><p>404</p>", KitChoice::Kind("checklist"))
            .expect_err("html is not a pack");
        assert!(matches!(error, LoadError::NotAPack { .. }));
    }
}
