//! The embed guide's "make the LMS package" button, for a center's web person who has no
//! command line: choose the course (the shipped `linecare`, or the center's own pack file,
//! checked by the core with every problem listed), SCORM 1.2 or cmi5, press the button,
//! and the zip downloads. The files come from this site's own origin (the folder
//! `kizuki.js` was loaded from); what the package holds, and its bytes, are decided by the
//! core ([`kizuki_core::lms_package`]), as for `kizuki package`. Nothing is sent.

use std::collections::BTreeMap;
use std::rc::Rc;

use kizuki_core::lms_package::{
    build_package, built_file, check_course, LmsStandard, PackageError, PackageOptions, SITE_FILES,
};
use kizuki_core::load::{check_pack_for, read_pack_for, PackCheckFailure, PackRefusal};
use kizuki_core::{Diagnostic, Lang, ValidPack, FORMAT_VERSION};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use super::fill;
use crate::locale::ui_text;
use crate::platform;

/// Every string of the package builder, in one language.
#[derive(Debug, PartialEq, Eq)]
pub struct LmsPackageText {
    pub heading: &'static str,
    pub intro: &'static str,
    pub pack_legend: &'static str,
    pub pack_shipped: &'static str,
    pub pack_own: &'static str,
    pub pack_choose: &'static str,
    /// `{title}`, `{version}`.
    pub pack_ok: &'static str,
    /// `{warnings}`.
    pub pack_ok_warnings: &'static str,
    pub pack_none: &'static str,
    pub pack_read_failed: &'static str,
    pub pack_too_large: &'static str,
    /// `{found}`: the kind the file declares.
    pub pack_wrong_kind: &'static str,
    /// The center's file is a course's file of one language (`{lang}`, its name in itself).
    pub pack_one_language: &'static str,
    /// `{found}`, `{supported}`.
    pub pack_format: &'static str,
    /// `{errors}`.
    pub pack_summary: &'static str,
    pub pack_place: &'static str,
    pub standard_legend: &'static str,
    pub standard_scorm12: &'static str,
    pub standard_cmi5: &'static str,
    pub lang_label: &'static str,
    pub lang_hint: &'static str,
    pub lang_ja: &'static str,
    pub lang_en: &'static str,
    pub details_summary: &'static str,
    pub center_name: &'static str,
    pub center_phone: &'static str,
    pub center_url: &'static str,
    pub center_hint: &'static str,
    pub iri_label: &'static str,
    pub iri_hint: &'static str,
    pub build: &'static str,
    pub building: &'static str,
    /// `{file}`, `{size}` (MB), `{standard}`.
    pub done: &'static str,
    pub done_standard_scorm12: &'static str,
    pub done_standard_cmi5: &'static str,
    /// `{file}`, `{status}`.
    pub missing_file: &'static str,
    /// `{file}`.
    pub network: &'static str,
    /// `{file}`.
    pub shipped_broken: &'static str,
    pub bad_iri: &'static str,
    pub bad_center_url: &'static str,
    pub download_failed: &'static str,
    /// The core could not make the pack's file of one language (`{lang}`): a fault of Kizuki's.
    pub language_file: &'static str,
    /// What a pack finding means, by the core's code (`other` for the rest).
    pub problems: &'static [(&'static str, &'static str)],
}

crate::locale_table!("lms_package", LmsPackageText, lms_package_text);

/// Properties of [`LmsPackageView`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct LmsPackageProps {
    /// The reader's language.
    pub lang: Lang,
    /// The widget's namespace, for unique element ids.
    pub namespace: String,
    /// The site's folder (where `kizuki.js` is), ending in `/`: the files are read from it.
    pub site_base: String,
}

/// One problem of a center's pack, worded for the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackFinding {
    /// The JSON pointer of the value concerned (empty: the whole file).
    pub place: String,
    /// What is wrong, in the reader's language.
    pub message: String,
    /// The core's code.
    pub code: &'static str,
}

/// What the core made of a center's own pack file.
#[derive(Debug, Clone, PartialEq)]
pub enum OwnPack {
    /// A course pack: usable.
    Usable(Rc<ValidPack>),
    /// The file could not be read, or is over the size limit (`read_failed`, `too_large`).
    Unreadable(String),
    /// Another kind's pack.
    WrongKind(String),
    /// A course's file of one language only (that language).
    OneLanguage(Lang),
    /// A format version this build does not read.
    Format(u64),
    /// Every error the core found.
    Invalid(Vec<PackFinding>),
}

/// Checks a center's pack file with the core: a course pack of this format, valid, or
/// every error with its place, worded in `lang`.
pub fn check_own_pack(lang: Lang, bytes: Vec<u8>) -> OwnPack {
    let text = lms_package_text(lang);
    let diagnostics = match check_pack_for(&bytes, &["course"]) {
        Ok(pack) => {
            return match check_course(&pack) {
                Err(PackageError::OneLanguage(lang)) => OwnPack::OneLanguage(lang),
                _ => OwnPack::Usable(Rc::new(pack)),
            }
        }
        Err(PackCheckFailure::Refused(refusal)) => match refusal {
            PackRefusal::TooLarge { .. } => return OwnPack::Unreadable("too_large".into()),
            PackRefusal::WrongKind { found } => return OwnPack::WrongKind(found),
            PackRefusal::UnsupportedFormat(found) => return OwnPack::Format(found),
            PackRefusal::NotAPack(_) => Vec::new(),
            PackRefusal::Invalid(first) => vec![first],
        },
        Err(PackCheckFailure::Findings(findings)) => findings,
    };
    let mut findings: Vec<PackFinding> = diagnostics
        .iter()
        .map(|d| PackFinding {
            place: d.path.clone(),
            message: finding_message(lang, d),
            code: d.code.as_str(),
        })
        .collect();
    if findings.is_empty() {
        findings.push(PackFinding {
            place: String::new(),
            message: problem(text, "other").to_string(),
            code: "other",
        });
    }
    OwnPack::Invalid(findings)
}

fn problem(text: &LmsPackageText, key: &str) -> &'static str {
    let find = |key: &str| {
        text.problems
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| *v)
    };
    find(key).or_else(|| find("other")).unwrap_or_default()
}

/// A finding in the reader's words: a problem of form as the guide's directory checker
/// says it (line and column, the field's name), any other by its code.
fn finding_message(lang: Lang, diagnostic: &Diagnostic) -> String {
    if diagnostic.structure_problem().is_some() {
        return super::dir_check::message(super::tools_text(lang), diagnostic);
    }
    problem(lms_package_text(lang), diagnostic.code.as_str()).to_string()
}

/// Why the package could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BuildProblem {
    /// The server answered a file with an HTTP error.
    Missing { file: String, status: u16 },
    /// A file could not be fetched at all.
    Network { file: String },
    /// The site's own course pack is not a valid course.
    ShippedBroken { file: String },
    /// The core refused the options.
    Package(PackageError),
    /// The browser did not start the download.
    Download,
}

impl BuildProblem {
    /// The message for the reader.
    pub fn message(&self, text: &LmsPackageText) -> String {
        match self {
            BuildProblem::Missing { file, status } => fill(
                text.missing_file,
                &[("file", file), ("status", &status.to_string())],
            ),
            BuildProblem::Network { file } => fill(text.network, &[("file", file)]),
            BuildProblem::ShippedBroken { file } => fill(text.shipped_broken, &[("file", file)]),
            BuildProblem::Package(PackageError::BadIri(_)) => text.bad_iri.to_string(),
            BuildProblem::Package(PackageError::BadCenterUrl(_)) => text.bad_center_url.to_string(),
            BuildProblem::Package(PackageError::NotACourse(found)) => {
                fill(text.pack_wrong_kind, &[("found", found)])
            }
            BuildProblem::Package(PackageError::MissingSiteFile(file)) => {
                fill(text.missing_file, &[("file", file), ("status", "—")])
            }
            BuildProblem::Package(PackageError::OneLanguage(lang)) => fill(
                text.pack_one_language,
                &[("lang", ui_text(*lang).language_name)],
            ),
            BuildProblem::Package(PackageError::LanguageFile(lang)) => {
                fill(text.language_file, &[("lang", lang.code())])
            }
            BuildProblem::Download => text.download_failed.to_string(),
        }
    }
}

/// A radio button's change: `state` becomes `value`, and the last build's outcome is
/// cleared (it no longer says what the choices now would give).
fn choose<T: Copy + 'static>(
    state: &UseStateHandle<T>,
    status: &UseStateHandle<Status>,
    value: T,
) -> Callback<Event> {
    let state = state.clone();
    let status = status.clone();
    Callback::from(move |_: Event| {
        state.set(value);
        status.set(Status::Idle);
    })
}

/// The size in MB, one decimal, as the message shows it.
pub fn megabytes(bytes: usize) -> String {
    let tenths = (bytes as u64 * 10 + 524_288) / 1_048_576;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// Fetches one of the site's files (same origin, not from the HTTP cache's stale copy).
async fn fetch_bytes(base: &str, file: &str) -> Result<Vec<u8>, BuildProblem> {
    let network = || BuildProblem::Network {
        file: file.to_string(),
    };
    let url = web_sys::Url::new_with_base(file, base).map_err(|_| network())?;
    let window = web_sys::window().ok_or_else(network)?;
    let init = web_sys::RequestInit::new();
    init.set_method("GET");
    init.set_credentials(web_sys::RequestCredentials::SameOrigin);
    init.set_cache(web_sys::RequestCache::NoCache);
    let response: web_sys::Response =
        JsFuture::from(window.fetch_with_str_and_init(&url.href(), &init))
            .await
            .map_err(|_| network())?
            .dyn_into()
            .map_err(|_| network())?;
    if !response.ok() {
        return Err(BuildProblem::Missing {
            file: file.to_string(),
            status: response.status(),
        });
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(|_| network())?)
        .await
        .map_err(|_| network())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// What the person chose, at the press of the button.
#[derive(Debug, Clone)]
struct Order {
    base: String,
    own: Option<Rc<ValidPack>>,
    options: PackageOptions,
}

/// Reads every file, builds the package with the core and starts the download.
async fn make(order: Order) -> Result<(String, usize), BuildProblem> {
    let pack = match order.own {
        Some(own) => own,
        None => {
            let file = "content/linecare.json";
            let bytes = fetch_bytes(&order.base, file).await?;
            let pack =
                read_pack_for(&bytes, &["course"]).map_err(|_| BuildProblem::ShippedBroken {
                    file: file.to_string(),
                })?;
            Rc::new(pack)
        }
    };
    let mut site = BTreeMap::new();
    for file in SITE_FILES {
        site.insert(
            file.to_string(),
            fetch_bytes(&order.base, built_file(file)).await?,
        );
    }
    let package = build_package(&pack, &site, &order.options).map_err(BuildProblem::Package)?;
    let zip = package.zip();
    platform::download_bytes(&package.file_name, "application/zip", &zip)
        .map_err(|_| BuildProblem::Download)?;
    Ok((package.file_name, zip.len()))
}

#[derive(Debug, Clone, PartialEq)]
enum Status {
    Idle,
    Working,
    Done {
        file: String,
        size: usize,
        standard: LmsStandard,
    },
    Failed(BuildProblem),
}

/// The form: content, standard, language, the optional center details, the button, and
/// what happened.
#[function_component(LmsPackageView)]
pub fn lms_package_view(props: &LmsPackageProps) -> Html {
    let text = lms_package_text(props.lang);
    let id = |name: &str| format!("kizuki-{}-lms-{name}", props.namespace);
    let use_own = use_state(|| false);
    // The chosen file: its name, and its bytes or why it could not be read.
    let own = use_state(|| None::<(String, Result<Rc<Vec<u8>>, String>)>);
    let standard = use_state(|| LmsStandard::Scorm12);
    let start_lang = use_state(|| props.lang);
    let center_name = use_state(String::new);
    let center_phone = use_state(String::new);
    let center_url = use_state(String::new);
    let iri = use_state(String::new);
    let status = use_state(|| Status::Idle);

    // The chosen file, checked by the core in the language shown, once per file and language.
    let checked = use_memo((props.lang, (*own).clone()), |(lang, own)| {
        own.as_ref().map(|(file, bytes)| {
            let checked = match bytes {
                Ok(bytes) => check_own_pack(*lang, bytes.to_vec()),
                Err(code) => OwnPack::Unreadable(code.clone()),
            };
            (file.clone(), checked)
        })
    });

    let on_file = {
        let own = own.clone();
        let status = status.clone();
        Callback::from(move |event: Event| {
            let Some(input) = platform::input_of(&event) else {
                return;
            };
            let files = input
                .files()
                .map(|list| platform::files_of(&list))
                .unwrap_or_default();
            input.set_value("");
            let Some(file) = files.into_iter().next() else {
                return;
            };
            let own = own.clone();
            status.set(Status::Idle);
            yew::platform::spawn_local(async move {
                if let Some((name, bytes)) =
                    platform::read_files(vec![file]).await.into_iter().next()
                {
                    own.set(Some((name, bytes.map(Rc::new))));
                }
            });
        })
    };

    let text_input = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = platform::input_of(&event) {
                state.set(input.value());
            }
        })
    };

    let usable_own = match &*checked {
        Some((_, OwnPack::Usable(pack))) => Some(pack.clone()),
        _ => None,
    };
    let ready = !*use_own || usable_own.is_some();
    let on_build = {
        let status = status.clone();
        let order = Order {
            base: props.site_base.clone(),
            own: if *use_own { usable_own.clone() } else { None },
            options: PackageOptions {
                standard: *standard,
                lang: *start_lang,
                iri: Some((*iri).clone()).filter(|_| *standard == LmsStandard::Cmi5),
                center_name: Some((*center_name).clone()),
                center_phone: Some((*center_phone).clone()),
                center_url: Some((*center_url).clone()),
            },
        };
        Callback::from(move |_: MouseEvent| {
            if *status == Status::Working {
                return;
            }
            status.set(Status::Working);
            let status = status.clone();
            let order = order.clone();
            yew::platform::spawn_local(async move {
                let chosen = order.options.standard;
                status.set(match make(order).await {
                    Ok((file, size)) => Status::Done {
                        file,
                        size,
                        standard: chosen,
                    },
                    Err(problem) => Status::Failed(problem),
                });
            });
        })
    };

    let radio = |name: &str, value: &str, label: &str, checked: bool, on: Callback<Event>| {
        let input_id = id(&format!("{name}-{value}"));
        html! {
            <div class="kizuki-option">
                <input type="radio" id={input_id.clone()} name={id(name)} value={value.to_string()}
                       checked={checked} onchange={on} />
                <label for={input_id}>{ label.to_string() }</label>
            </div>
        }
    };
    let set_own = |value: bool| choose(&use_own, &status, value);
    let set_standard = |value: LmsStandard| choose(&standard, &status, value);
    let on_lang = {
        let start_lang = start_lang.clone();
        Callback::from(move |event: Event| {
            if let Some(select) = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
            {
                start_lang.set(Lang::parse(&select.value()).unwrap_or(Lang::Ja));
            }
        })
    };

    let own_result = match &*checked {
        _ if !*use_own => html! {},
        None => html! { <p class="kizuki-hint" data-testid="lms-pack-none">{ text.pack_none }</p> },
        Some((_, OwnPack::Usable(pack))) => html! {
            <p class="kizuki-notice kizuki-notice--success" data-testid="lms-pack-ok">
                { fill(text.pack_ok, &[("title", pack.pack().title.get(props.lang)), ("version", &pack.pack().version)]) }
                if !pack.warnings().is_empty() {
                    { " " }{ fill(text.pack_ok_warnings, &[("warnings", &pack.warnings().len().to_string())]) }
                }
            </p>
        },
        Some((_, OwnPack::Unreadable(code))) => html! {
            <p class="kizuki-notice kizuki-notice--error" data-testid="lms-pack-error">
                { if code == "too_large" { text.pack_too_large } else { text.pack_read_failed } }
            </p>
        },
        Some((_, OwnPack::WrongKind(found))) => html! {
            <p class="kizuki-notice kizuki-notice--error" data-testid="lms-pack-error">
                { fill(text.pack_wrong_kind, &[("found", found)]) }
            </p>
        },
        Some((_, OwnPack::OneLanguage(lang))) => html! {
            <p class="kizuki-notice kizuki-notice--error" data-testid="lms-pack-error">
                { fill(text.pack_one_language, &[("lang", ui_text(*lang).language_name)]) }
            </p>
        },
        Some((_, OwnPack::Format(found))) => html! {
            <p class="kizuki-notice kizuki-notice--error" data-testid="lms-pack-error">
                { fill(text.pack_format, &[("found", &found.to_string()), ("supported", &FORMAT_VERSION.to_string())]) }
            </p>
        },
        Some((_, OwnPack::Invalid(findings))) => html! {
            <>
                <p class="kizuki-notice kizuki-notice--error" data-testid="lms-pack-error">
                    { fill(text.pack_summary, &[("errors", &findings.len().to_string())]) }
                </p>
                <ol class="kizuki-tools-check-list">
                    { for findings.iter().take(50).map(|finding| html! {
                        <li class="kizuki-tools-finding kizuki-tools-finding--error" data-code={finding.code}>
                            if !finding.place.is_empty() {
                                <strong class="kizuki-tools-finding-place">
                                    { text.pack_place }{ "：" }<code>{ &finding.place }</code>
                                </strong>
                            }
                            <p class="kizuki-tools-finding-message">{ &finding.message }</p>
                        </li>
                    }) }
                </ol>
            </>
        },
    };

    let status_line = match &*status {
        Status::Idle => html! {},
        Status::Working => html! { <p class="kizuki-status">{ text.building }</p> },
        Status::Done {
            file,
            size,
            standard,
        } => html! {
            <p class="kizuki-notice kizuki-notice--success" data-testid="lms-done">
                { fill(text.done, &[
                    ("file", file),
                    ("size", &megabytes(*size)),
                    ("standard", match standard {
                        LmsStandard::Scorm12 => text.done_standard_scorm12,
                        LmsStandard::Cmi5 => text.done_standard_cmi5,
                    }),
                ]) }
            </p>
        },
        Status::Failed(problem) => html! {
            <p class="kizuki-notice kizuki-notice--error" data-testid="lms-failed">{ problem.message(text) }</p>
        },
    };

    let field = |name: &str,
                 label: &str,
                 value: &UseStateHandle<String>,
                 kind: &str,
                 autocomplete: &str| {
        html! {
            <div class="kizuki-field">
                <label for={id(name)}>{ label.to_string() }</label>
                <input id={id(name)} type={kind.to_string()} value={(**value).clone()}
                       autocomplete={autocomplete.to_string()} oninput={text_input(value)} />
            </div>
        }
    };

    html! {
        <section class="kizuki-tools kizuki-tools-lms" aria-labelledby={id("heading")}>
            <h3 id={id("heading")}>{ text.heading }</h3>
            <p>{ text.intro }</p>
            <fieldset class="kizuki-question">
                <legend>{ text.pack_legend }</legend>
                <div class="kizuki-options">
                    { radio("pack", "shipped", text.pack_shipped, !*use_own, set_own(false)) }
                    { radio("pack", "own", text.pack_own, *use_own, set_own(true)) }
                </div>
                if *use_own {
                    // The browser's own "Choose File" would speak its language, not the
                    // page's: the input is hidden and its label is the button.
                    <div class="kizuki-tools-lms-file">
                        <input id={id("file")} class="kizuki-visually-hidden" type="file"
                               accept=".json,application/json" onchange={on_file} />
                        <label for={id("file")} class="kizuki-button kizuki-button--secondary">{ text.pack_choose }</label>
                        if let Some((file, _)) = &*checked {
                            <span class="kizuki-tools-file-name">{ file.clone() }</span>
                        }
                    </div>
                }
                <div role="status" aria-live="polite">{ own_result }</div>
            </fieldset>
            <fieldset class="kizuki-question">
                <legend>{ text.standard_legend }</legend>
                <div class="kizuki-options">
                    { radio("standard", "scorm12", text.standard_scorm12, *standard == LmsStandard::Scorm12, set_standard(LmsStandard::Scorm12)) }
                    { radio("standard", "cmi5", text.standard_cmi5, *standard == LmsStandard::Cmi5, set_standard(LmsStandard::Cmi5)) }
                </div>
            </fieldset>
            <div class="kizuki-field">
                <label for={id("lang")}>{ text.lang_label }</label>
                <select id={id("lang")} onchange={on_lang}>
                    <option value="ja" selected={*start_lang == Lang::Ja}>{ text.lang_ja }</option>
                    <option value="en" selected={*start_lang == Lang::En}>{ text.lang_en }</option>
                </select>
                <p class="kizuki-hint">{ text.lang_hint }</p>
            </div>
            <details class="kizuki-disclosure kizuki-tools-lms-details">
                <summary>{ text.details_summary }</summary>
                <p class="kizuki-hint">{ text.center_hint }</p>
                { field("center-name", text.center_name, &center_name, "text", "organization") }
                { field("center-phone", text.center_phone, &center_phone, "tel", "tel") }
                { field("center-url", text.center_url, &center_url, "url", "url") }
                if *standard == LmsStandard::Cmi5 {
                    { field("iri", text.iri_label, &iri, "url", "off") }
                    <p class="kizuki-hint">{ text.iri_hint }</p>
                }
            </details>
            <div class="kizuki-actions">
                <button type="button" class="kizuki-button" data-testid="lms-build"
                        disabled={!ready || *status == Status::Working} onclick={on_build}>
                    { text.build }
                </button>
            </div>
            <div role="status" aria-live="polite">{ status_line }</div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn linecare() -> Vec<u8> {
        std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../content/linecare.json"
        ))
        .unwrap()
    }

    #[test]
    fn a_course_pack_is_usable_and_another_kind_is_named() {
        assert!(matches!(
            check_own_pack(Lang::Ja, linecare()),
            OwnPack::Usable(_)
        ));
        let checklist = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../content/mh-checklist.json"
        ))
        .unwrap();
        assert_eq!(
            check_own_pack(Lang::Ja, checklist),
            OwnPack::WrongKind("checklist".into())
        );
        // The site's file of one language (content/linecare.ja.json): the bilingual file is asked for.
        let bilingual = kizuki_core::load_pack(&linecare()).unwrap();
        let japanese = bilingual.pack().one_language(Lang::Ja).unwrap();
        assert_eq!(
            check_own_pack(Lang::Ja, serde_json::to_vec(&japanese).unwrap()),
            OwnPack::OneLanguage(Lang::Ja)
        );
    }

    #[test]
    fn every_error_of_a_broken_course_is_listed_in_japanese_with_its_place() {
        let text = lms_package_text(Lang::Ja);
        // Edited as text (through a JSON value, `type` would not stay the kit's first key).
        let broken = String::from_utf8(linecare())
            .unwrap()
            .replacen(
                r#""pass_mark_percent": 80,"#,
                r#""pass_mark_percent": 140,"#,
                1,
            )
            .replacen(r#""m2-noticing""#, r#""m1-four-cares""#, 1);
        let OwnPack::Invalid(findings) = check_own_pack(Lang::Ja, broken.into_bytes()) else {
            panic!("a broken pack is refused");
        };
        let codes: Vec<&str> = findings.iter().map(|f| f.code).collect();
        assert!(codes.contains(&"pass_mark_out_of_range"), "{findings:#?}");
        assert!(codes.contains(&"duplicate_id"), "{findings:#?}");
        for finding in &findings {
            assert!(finding.place.starts_with("/kit/"), "{finding:?}");
            assert_ne!(finding.message, problem(text, "other"), "{finding:?}");
            assert!(!finding.message.is_ascii(), "Japanese words: {finding:?}");
        }
        // Broken JSON names its line, as the directory checker does.
        let OwnPack::Invalid(findings) =
            check_own_pack(Lang::Ja, b"{\n \"format_version\": 1,\n}".to_vec())
        else {
            panic!("broken JSON is refused");
        };
        assert!(findings[0].message.contains("3 行目"), "{findings:?}");
    }

    #[test]
    fn every_problem_has_words_in_both_languages_and_sizes_read_as_megabytes() {
        for lang in [Lang::Ja, Lang::En] {
            let text = lms_package_text(lang);
            assert!(text.problems.iter().any(|(k, _)| *k == "other"));
            let missing = BuildProblem::Missing {
                file: "lms.js".into(),
                status: 404,
            }
            .message(text);
            assert!(
                missing.contains("lms.js") && missing.contains("404"),
                "{missing}"
            );
        }
        assert_eq!(megabytes(1_700_000), "1.6");
        assert_eq!(megabytes(0), "0.0");
    }
}
