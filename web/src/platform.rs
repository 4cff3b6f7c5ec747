//! Browser services the kits share: local storage with a versioned, revision-checked
//! record per kit, file download and upload, the clock and random bytes. Downloads go
//! through gloo-file; storage and file reading stay on web-sys (ARCHITECTURE.md says why).
//!
//! Every storage key starts with `kizuki/` and the widget's namespace, so two widgets on
//! one page never share a record. A record that cannot be read is kept aside under
//! `…/corrupt/<time>` and reported, never silently dropped.

use kizuki_core::export::{import, Export, KitState};
use kizuki_core::ValidPack;
use wasm_bindgen::JsCast;

/// Why storage could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// The browser has no local storage here (disabled, private mode, sandboxed frame).
    Unavailable,
    /// The storage is full (quota exceeded).
    Full,
    /// Another tab saved newer answers; this tab must reload them instead of overwriting.
    NewerElsewhere,
    /// The stored record was saved by a newer version of Kizuki: it is left untouched and
    /// nothing is saved over it until this page is updated.
    NewerVersion,
    /// The stored record cannot be read and could not be set aside (storage full): it stays
    /// where it is, byte for byte, and nothing is saved over it until the person has
    /// downloaded it and erased it (the "my data" page).
    KeptInPlace,
    /// Anything else the browser said.
    Other(String),
}

impl StorageError {
    /// A stable code, the key of the message in the locale files (`storage_<code>`).
    pub fn code(&self) -> &'static str {
        match self {
            StorageError::Unavailable => "unavailable",
            StorageError::Full => "full",
            StorageError::NewerElsewhere => "newer_elsewhere",
            StorageError::NewerVersion => "newer_version",
            StorageError::KeptInPlace => "kept_in_place",
            StorageError::Other(_) => "other",
        }
    }
}

/// The storage key of a kit's record: `kizuki/<namespace>/<pack id>`.
pub fn record_key(namespace: &str, pack_id: &str) -> String {
    format!("kizuki/{namespace}/{pack_id}")
}

fn local_storage() -> Result<web_sys::Storage, StorageError> {
    web_sys::window()
        .ok_or(StorageError::Unavailable)?
        .local_storage()
        .map_err(|_| StorageError::Unavailable)?
        .ok_or(StorageError::Unavailable)
}

/// Reads a raw value.
pub fn read(key: &str) -> Result<Option<String>, StorageError> {
    local_storage()?
        .get_item(key)
        .map_err(|e| StorageError::Other(js_text(&e)))
}

/// Writes a raw value; a full storage is [`StorageError::Full`].
pub fn write(key: &str, value: &str) -> Result<(), StorageError> {
    local_storage()?.set_item(key, value).map_err(|error| {
        if is_quota_error(&error) {
            StorageError::Full
        } else {
            StorageError::Other(js_text(&error))
        }
    })
}

/// Whether a storage exception means "full": by the DOMException's name or legacy code
/// (Chromium and Safari say `QuotaExceededError`, code 22; older Firefox
/// `NS_ERROR_DOM_QUOTA_REACHED`), with the message as a last resort.
fn is_quota_error(error: &wasm_bindgen::JsValue) -> bool {
    if let Some(exception) = error.dyn_ref::<web_sys::DomException>() {
        let name = exception.name();
        if name == "QuotaExceededError"
            || name == "NS_ERROR_DOM_QUOTA_REACHED"
            || exception.code() == 22
        {
            return true;
        }
    }
    let text = js_text(error).to_ascii_lowercase();
    text.contains("quota")
}

/// Removes a value.
pub fn remove(key: &str) -> Result<(), StorageError> {
    local_storage()?
        .remove_item(key)
        .map_err(|e| StorageError::Other(js_text(&e)))
}

/// Every key that starts with `prefix`, with its value's length in UTF-16 units.
pub fn list(prefix: &str) -> Vec<(String, usize)> {
    entries(prefix)
        .into_iter()
        .map(|(key, value)| (key, value.encode_utf16().count()))
        .collect()
}

/// Every key that starts with `prefix`, with its value.
pub fn entries(prefix: &str) -> Vec<(String, String)> {
    let Ok(storage) = local_storage() else {
        return Vec::new();
    };
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with(prefix))
        .map(|key| {
            let value = storage.get_item(&key).ok().flatten().unwrap_or_default();
            (key, value)
        })
        .collect()
}

/// What was found in storage for a kit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    /// The state to start from (empty when nothing usable was stored).
    pub state: KitState,
    /// The stored record's revision (0 when none).
    pub revision: u64,
    /// A problem to tell the person about, if any (the bad record was kept aside).
    pub problem: Option<LoadProblem>,
}

/// Why a stored record was not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadProblem {
    /// Storage could not be read.
    Storage(StorageError),
    /// The record was damaged or did not fit the pack; it was moved to this key.
    KeptAside {
        /// The key it was moved to.
        key: String,
        /// The core's error code.
        code: &'static str,
    },
}

/// Loads a kit's saved state from a plain (unencrypted) record.
pub fn load_plain(pack: &ValidPack, namespace: &str) -> Loaded {
    let key = record_key(namespace, &pack.pack().id);
    let empty = KitState::empty_for(&pack.pack().kit);
    match read(&key) {
        Err(error) => Loaded {
            state: empty,
            revision: 0,
            problem: Some(LoadProblem::Storage(error)),
        },
        Ok(None) => Loaded {
            state: empty,
            revision: 0,
            problem: None,
        },
        Ok(Some(text)) => match import(pack, text.as_bytes()) {
            Ok(export) => Loaded {
                state: export.state,
                revision: export.revision,
                problem: None,
            },
            Err(error) => Loaded {
                state: empty,
                revision: 0,
                problem: Some(unreadable(&key, &text, &error)),
            },
        },
    }
}

/// What to do with a stored record this build cannot use: one from a newer version stays
/// untouched; a damaged one is set aside, or, when there is no room for the copy, stays
/// where it is. Either way [`save_plain`] never writes over a record it cannot read.
pub fn unreadable(key: &str, text: &str, error: &kizuki_core::Error) -> LoadProblem {
    if let kizuki_core::Error::FutureVersion { .. } = error {
        return LoadProblem::Storage(StorageError::NewerVersion);
    }
    match keep_aside(key, text) {
        Some(aside) => LoadProblem::KeptAside {
            key: aside,
            code: error.code(),
        },
        None => LoadProblem::Storage(StorageError::KeptInPlace),
    }
}

/// Copies a damaged record out of the way (under `<key>/corrupt/<time>`), then removes the
/// original, and returns the new key. When the copy cannot be written (storage full), the
/// original is left where it is and `None` comes back.
pub fn keep_aside(key: &str, text: &str) -> Option<String> {
    let aside = format!("{key}/corrupt/{}", js_sys::Date::now() as u64);
    write(&aside, text).ok()?;
    // Only once the copy reads back the same is the original removed.
    if read(&aside).ok().flatten().as_deref() != Some(text) {
        let _ = remove(&aside);
        return None;
    }
    let _ = remove(key);
    Some(aside)
}

/// Saves a kit's state as a plain record, refusing to overwrite a newer record from another
/// tab. Returns the new revision.
pub fn save_plain(
    pack: &ValidPack,
    namespace: &str,
    state: &KitState,
    revision: u64,
) -> Result<u64, StorageError> {
    let key = record_key(namespace, &pack.pack().id);
    if let Some(text) = read(&key)? {
        match import(pack, text.as_bytes()) {
            Ok(stored) if stored.revision > revision => return Err(StorageError::NewerElsewhere),
            Ok(_) => {}
            Err(kizuki_core::Error::FutureVersion { .. }) => {
                return Err(StorageError::NewerVersion)
            }
            // Never write over a record that cannot be read: it was not set aside.
            Err(_) => return Err(StorageError::KeptInPlace),
        }
    }
    let next = revision.saturating_add(1);
    let export = Export::new(pack, state.clone(), &now_iso(), next);
    write(&key, &export.to_json())?;
    Ok(next)
}

/// The key of the person's language choice: one per site (local storage is per origin),
/// outside the `kizuki/` records, shared by every widget of the site.
pub const LANG_KEY: &str = "kizuki-lang";

/// The language the person last chose on this site, if any.
pub fn stored_lang() -> Option<String> {
    read(LANG_KEY).ok().flatten()
}

/// Remembers the person's language choice for this site (a full or blocked storage only
/// means it is not remembered).
pub fn remember_lang(code: &str) {
    let _ = write(LANG_KEY, code);
}

/// The browser's languages in the person's order (`navigator.languages`).
pub fn browser_languages() -> Vec<String> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    js_sys::Reflect::get(&window, &"navigator".into())
        .and_then(|navigator| js_sys::Reflect::get(&navigator, &"languages".into()))
        .ok()
        .filter(js_sys::Array::is_array)
        .map(|languages| {
            js_sys::Array::from(&languages)
                .iter()
                .filter_map(|code| code.as_string())
                .collect()
        })
        .unwrap_or_default()
}

/// The current time as ISO 8601 (UTC).
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Today's date as `YYYY-MM-DD` in the person's local time zone.
pub fn today() -> String {
    let date = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date()
    )
}

/// Fills `bytes` from the browser's cryptographic random source.
pub fn random_bytes<const N: usize>() -> Option<[u8; N]> {
    let mut bytes = [0u8; N];
    let crypto = web_sys::window()?.crypto().ok()?;
    crypto.get_random_values_with_u8_array(&mut bytes).ok()?;
    Some(bytes)
}

/// 64 random bits, for the core's draws (a quiz's questions and option order): from the
/// cryptographic source, else from the clock and `Math.random` (a draw is not a secret).
pub fn random_seed() -> u64 {
    random_bytes::<8>().map_or_else(
        || (js_sys::Date::now() as u64) ^ ((js_sys::Math::random() * 4_294_967_296.0) as u64) << 32,
        u64::from_le_bytes,
    )
}

/// A `blob:` URL holding `contents`, for a link or a download. The caller owns it (it is
/// not revoked here).
pub fn object_url(mime: &str, contents: &str) -> Result<String, String> {
    let blob = gloo_file::Blob::new_with_options(contents, Some(mime));
    web_sys::Url::create_object_url_with_blob(blob.as_ref()).map_err(|e| js_text(&e))
}

/// Offers `contents` as a file download named `file_name`. The text goes into the `Blob` as
/// its UTF-8 bytes (gloo-file), with no round trip through a JavaScript string.
pub fn download(file_name: &str, mime: &str, contents: &str) -> Result<(), String> {
    click_download(
        file_name,
        gloo_file::Blob::new_with_options(contents, Some(mime)),
    )
}

/// Offers bytes (a `.docx`) as a file download named `file_name`.
pub fn download_bytes(file_name: &str, mime: &str, contents: &[u8]) -> Result<(), String> {
    click_download(
        file_name,
        gloo_file::Blob::new_with_options(contents, Some(mime)),
    )
}

/// Clicks a temporary link to `blob`; its `blob:` URL is revoked when `url` is dropped, once
/// the click has started the download.
fn click_download(file_name: &str, blob: gloo_file::Blob) -> Result<(), String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| js_text(&e))?
        .dyn_into()
        .map_err(|_| "not an anchor")?;
    let url = gloo_file::ObjectUrl::from(blob);
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    Ok(())
}

/// What a person chose in an `<input type="file">`, read.
#[derive(Debug, Clone, PartialEq)]
pub enum ChosenFile {
    /// The file's name and text.
    Read(String, String),
    /// The file's name and why it could not be read: `too_large` (over the core's import
    /// limit, not read at all) or `read_failed`.
    Unreadable(String, &'static str),
    /// Nothing was chosen.
    Nothing,
}

/// Reads the first file chosen in an `<input type="file">` as text, then clears the input,
/// so that choosing the same file again still fires `change`.
pub async fn take_chosen_file(input: &web_sys::HtmlInputElement) -> ChosenFile {
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return ChosenFile::Nothing;
    };
    let chosen = if file.size() > kizuki_core::export::MAX_IMPORT_BYTES as f64 {
        ChosenFile::Unreadable(file.name(), "too_large")
    } else {
        match wasm_bindgen_futures::JsFuture::from(file.text()).await {
            Ok(text) => ChosenFile::Read(file.name(), text.as_string().unwrap_or_default()),
            Err(_) => ChosenFile::Unreadable(file.name(), "read_failed"),
        }
    };
    input.set_value("");
    chosen
}

fn js_text(value: &wasm_bindgen::JsValue) -> String {
    crate::load::js_error_text(value)
}

/// The `<input>` an event happened on (a file chooser's `change`, a text field's `input`),
/// or `None` when the event came from anything else.
pub fn input_of(event: &web_sys::Event) -> Option<web_sys::HtmlInputElement> {
    event.target().and_then(|target| target.dyn_into().ok())
}

/// The files of a file list, taken out of it (an input's list empties when its value is reset).
pub fn files_of(list: &web_sys::FileList) -> Vec<web_sys::File> {
    (0..list.length())
        .filter_map(|index| list.get(index))
        .collect()
}

/// Reads files as bytes, in order. A file that cannot be read, or is larger than an export
/// may be, gives an error code (`read_failed`, `too_large`) instead. All reads are started
/// at once and awaited together (`Promise.allSettled`): one after the other, ten thousand
/// small files took many seconds.
pub async fn read_files(files: Vec<web_sys::File>) -> Vec<(String, Result<Vec<u8>, String>)> {
    let promises = js_sys::Array::new();
    for file in &files {
        if file.size() <= kizuki_core::export::MAX_IMPORT_BYTES as f64 {
            promises.push(&file.array_buffer());
        }
    }
    let settled = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::all_settled(&promises))
        .await
        .ok()
        .and_then(|value| value.dyn_into::<js_sys::Array>().ok());
    let mut outcomes = settled.iter().flat_map(|array| array.iter());
    files
        .into_iter()
        .map(|file| {
            let name = file.name();
            if file.size() > kizuki_core::export::MAX_IMPORT_BYTES as f64 {
                return (name, Err("too_large".to_string()));
            }
            let bytes = outcomes
                .next()
                .filter(|outcome| {
                    js_sys::Reflect::get(outcome, &"status".into())
                        .ok()
                        .and_then(|status| status.as_string())
                        .is_some_and(|status| status == "fulfilled")
                })
                .and_then(|outcome| js_sys::Reflect::get(&outcome, &"value".into()).ok())
                .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec())
                .ok_or_else(|| "read_failed".to_string());
            (name, bytes)
        })
        .collect()
}

/// The files carried by a drop event (`event.dataTransfer.files`), if any.
pub fn dropped_files(event: &web_sys::Event) -> Option<web_sys::FileList> {
    let transfer =
        js_sys::Reflect::get(event, &wasm_bindgen::JsValue::from_str("dataTransfer")).ok()?;
    let files = js_sys::Reflect::get(&transfer, &wasm_bindgen::JsValue::from_str("files")).ok()?;
    files.dyn_into().ok()
}
