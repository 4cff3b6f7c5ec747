//! The embed guide's checker for a center's directory file: the center's web person drops
//! the file and sees every problem the core's validation finds
//! ([`kizuki_core::directory::check_directory`]), each in the reader's language with its
//! place in the file ("相談先の3件目（id: c） › ウェブサイト（url）"). Nothing is sent.

use kizuki_core::diagnostic::StructureProblem;
use kizuki_core::directory::check_directory;
use kizuki_core::{Code, Diagnostic, Lang};
use yew::prelude::*;

use super::{fill, tools_text, ToolsText};
use crate::file_button::FileButton;
use crate::platform;

/// Properties of [`DirectoryCheckView`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct DirectoryCheckProps {
    /// The reader's language.
    pub lang: Lang,
    /// The widget's namespace, for unique element ids.
    pub namespace: String,
}

/// One finding, worded for the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// An error (the file is not used) rather than a warning.
    pub error: bool,
    /// Where in the file.
    pub place: String,
    /// What is wrong and how to fix it.
    pub message: String,
    /// The core's code, for tests and for whoever reads the page's source.
    pub code: &'static str,
}

/// The file chosen: its name and bytes (checked again, cheaply, in the language shown).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Chosen {
    Read {
        file: String,
        bytes: std::rc::Rc<Vec<u8>>,
    },
    Unreadable {
        file: String,
    },
}

fn lookup(table: &[(&'static str, &'static str)], key: &str) -> Option<&'static str> {
    table.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

/// The place of a finding in words: the resource by its number (and id, when the file has
/// one there), then each field by its name in the reader's language.
pub fn place(
    text: &ToolsText,
    diagnostic: &Diagnostic,
    json: Option<&serde_json::Value>,
) -> String {
    let segments = diagnostic.path_segments();
    if segments.is_empty() {
        return text.chk_place_file.to_string();
    }
    let mut parts = Vec::new();
    let mut rest = segments.as_slice();
    if let [first, index, tail @ ..] = rest {
        if first == "resources" {
            if let Ok(index) = index.parse::<usize>() {
                let n = (index + 1).to_string();
                let id = json
                    .and_then(|json| json.get("resources"))
                    .and_then(|list| list.get(index))
                    .and_then(|resource| resource.get("id"))
                    .and_then(serde_json::Value::as_str);
                parts.push(match id {
                    Some(id) => fill(text.chk_place_resource_id, &[("n", &n), ("id", id)]),
                    None => fill(text.chk_place_resource, &[("n", &n)]),
                });
                rest = tail;
            }
        }
    }
    for segment in rest {
        parts.push(match segment.parse::<usize>() {
            Ok(index) => fill(text.chk_place_item, &[("n", &(index + 1).to_string())]),
            Err(_) => {
                lookup(text.chk_fields, segment).map_or_else(|| segment.clone(), str::to_string)
            }
        });
    }
    parts.join(" › ")
}

/// What is wrong, in the reader's language, from the finding's code (and, for a problem
/// of form, from what the parser said).
pub fn message(text: &ToolsText, diagnostic: &Diagnostic) -> String {
    let problem = |key: &str| lookup(text.chk_problems, key).unwrap_or_default();
    if let Some(structure) = diagnostic.structure_problem() {
        return match structure {
            StructureProblem::NotText => problem("not_text").to_string(),
            StructureProblem::PackNotDirectory => problem("pack_not_directory").to_string(),
            StructureProblem::Syntax { line, column } => fill(
                problem("syntax"),
                &[("line", &line.to_string()), ("column", &column.to_string())],
            ),
            StructureProblem::MissingField(field) => {
                fill(problem("missing_field"), &[("field", &field)])
            }
            StructureProblem::UnknownField(field) => {
                fill(problem("unknown_field"), &[("field", &field)])
            }
            StructureProblem::UnknownValue(value) => {
                fill(problem("unknown_value"), &[("value", &value)])
            }
            StructureProblem::WrongType => problem("wrong_type").to_string(),
            StructureProblem::TooLarge => problem("too_large").to_string(),
            StructureProblem::Other => problem("structure").to_string(),
        };
    }
    let key = match diagnostic.code {
        Code::UnsupportedFormatVersion => "unsupported_format_version",
        Code::DuplicateId => "duplicate_id",
        Code::EmptyText => "empty_text",
        Code::MissingTranslation => "missing_translation",
        Code::MissingSource => "missing_source",
        Code::UnsafeLink => "unsafe_link",
        Code::InvalidDate => "invalid_date",
        Code::OutOfRange => "out_of_range",
        _ => "other",
    };
    problem(key).to_string()
}

/// Every finding of a directory file, worded for the reader, in the core's order.
pub fn check(text: &ToolsText, bytes: &[u8]) -> Vec<Finding> {
    let json: Option<serde_json::Value> = kizuki_core::json::from_slice(bytes).ok();
    let diagnostics = check_directory(bytes);
    diagnostics
        .iter()
        .map(|diagnostic| Finding {
            error: diagnostic.is_error(),
            place: place(text, diagnostic, json.as_ref()),
            message: message(text, diagnostic),
            code: diagnostic.code.as_str(),
        })
        .collect()
}

/// A file field (and drop zone) and the list of what the chosen file has wrong.
#[function_component(DirectoryCheckView)]
pub fn directory_check_view(props: &DirectoryCheckProps) -> Html {
    let text = tools_text(props.lang);
    let chosen = use_state(|| None::<Chosen>);
    let id = |name: &str| format!("kizuki-{}-chk-{name}", props.namespace);

    let take = {
        let chosen = chosen.clone();
        Callback::from(move |files: Vec<web_sys::File>| {
            let Some(file) = files.into_iter().next() else {
                return;
            };
            let chosen = chosen.clone();
            yew::platform::spawn_local(async move {
                let outcome = platform::read_files(vec![file]).await.into_iter().next();
                chosen.set(outcome.map(|(file, bytes)| match bytes {
                    Ok(bytes) => Chosen::Read {
                        file,
                        bytes: std::rc::Rc::new(bytes),
                    },
                    Err(_) => Chosen::Unreadable { file },
                }));
            });
        })
    };
    let on_choose = {
        let take = take.clone();
        Callback::from(move |event: Event| {
            if let Some(input) = platform::input_of(&event) {
                if let Some(list) = input.files() {
                    take.emit(platform::files_of(&list));
                }
                input.set_value("");
            }
        })
    };
    let on_drop = {
        let take = take.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            if let Some(list) = platform::dropped_files(&event) {
                take.emit(platform::files_of(&list));
            }
        })
    };
    let on_drag_over = Callback::from(|event: DragEvent| event.prevent_default());

    let result = match &*chosen {
        None => html! {},
        Some(Chosen::Unreadable { file }) => html! {
            <>
                <h3>{ fill(text.chk_file, &[("file", file)]) }</h3>
                <p class="kizuki-notice kizuki-notice--error">{ &text.chk_read_failed }</p>
            </>
        },
        Some(Chosen::Read { file, bytes }) => {
            let findings = check(text, bytes);
            let errors = findings.iter().filter(|f| f.error).count();
            let warnings = findings.len() - errors;
            html! {
                <>
                    <h3>{ fill(text.chk_file, &[("file", file)]) }</h3>
                    if findings.is_empty() {
                        <p class="kizuki-notice kizuki-notice--success" data-testid="check-ok">{ &text.chk_ok }</p>
                    } else {
                        <p class={classes!("kizuki-notice", if errors > 0 { "kizuki-notice--error" } else { "kizuki-notice--warning" })}
                           data-testid="check-summary">
                            { fill(text.chk_summary, &[
                                ("errors", &errors.to_string()),
                                ("warnings", &warnings.to_string()),
                            ]) }
                            if errors == 0 { { " " }{ &text.chk_ok_warnings } }
                        </p>
                        <ol class="kizuki-tools-check-list">
                            { for findings.iter().map(|finding| html! {
                                <li class={classes!("kizuki-tools-finding", finding.error.then_some("kizuki-tools-finding--error"))}
                                    data-code={finding.code}>
                                    <span class="kizuki-badge">{ if finding.error { text.chk_error } else { text.chk_warning } }</span>
                                    { " " }<strong class="kizuki-tools-finding-place">{ &finding.place }</strong>
                                    <p class="kizuki-tools-finding-message">{ &finding.message }</p>
                                </li>
                            }) }
                        </ol>
                    }
                </>
            }
        }
    };

    html! {
        <section class="kizuki-tools kizuki-tools-check" aria-labelledby={id("heading")}>
            <h2 id={id("heading")}>{ &text.chk_heading }</h2>
            <p>{ &text.chk_intro }</p>
            <div class="kizuki-tools-drop" ondrop={on_drop} ondragover={on_drag_over}>
                <p>{ &text.chk_drop }</p>
                <FileButton id={id("file")} label={text.chk_choose} onchange={on_choose} />
            </div>
            <div class="kizuki-tools-check-result" role="status" aria-live="polite">{ result }</div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BAD: &str = r#"{"directory_format": 2, "maintained_by": {"ja": "テスト"}, "as_of": "2026/12/06",
      "resources": [
        {"id": "a", "kind": "hotline", "name": {"ja": "A", "en": "A"}, "description": {"ja": "a", "en": "a"}, "phne": "03"},
        {"id": "b", "kind": "helpline", "name": {"ja": "B", "en": "B"}, "description": {"ja": "b", "en": "b"}},
        {"id": "c", "kind": "hotline", "name": {"ja": "C", "en": "C"}, "description": {"ja": "c", "en": "c"}, "url": "javascript:alert(1)",
         "source": {"url": "https://www.mhlw.go.jp/", "publisher": {"ja": "厚生労働省", "en": "MHLW"}, "checked": "2026-12-06"}}
      ]}"#;

    #[test]
    fn every_problem_is_worded_in_japanese_with_its_place() {
        let findings = check(tools_text(Lang::Ja), BAD.as_bytes());
        let lines: Vec<String> = findings
            .iter()
            .map(|f| format!("{} | {}", f.place, f.message))
            .collect();
        assert_eq!(findings.len(), 5, "{lines:#?}");
        // Errors in the file's order (the header before the resources), then the warning.
        assert!(
            lines[0].starts_with("確認日（as_of） | 日付は"),
            "{lines:#?}"
        );
        assert!(
            lines[1].starts_with("相談先の1件目（id: a） › phne | 「phne」という項目はありません"),
            "{lines:#?}"
        );
        assert!(
            lines[2].starts_with(
                "相談先の2件目（id: b） › 種類（kind） | 「helpline」は選べる値ではありません"
            ),
            "{lines:#?}"
        );
        assert!(
            lines[3].starts_with("相談先の3件目（id: c） › ウェブサイト（url） | アドレスは"),
            "{lines:#?}"
        );
        assert!(
            lines[4].starts_with("作成者（maintained_by） › 英語（en） | 英語の文がありません"),
            "{lines:#?}"
        );
        assert!(findings[..4].iter().all(|f| f.error) && !findings[4].error);
        for line in &lines {
            assert!(!line.contains("error["), "no developer text: {line}");
        }
    }

    #[test]
    fn broken_json_names_the_line() {
        let findings = check(tools_text(Lang::Ja), b"{\n  \"directory_format\": 2,\n}");
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].place, "ファイル全体");
        assert!(
            findings[0].message.contains("3 行目"),
            "{}",
            findings[0].message
        );
    }

    #[test]
    fn a_pack_given_to_the_directory_checker_is_named_as_one() {
        let pack = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../content/workplace-improvement.json"
        ))
        .unwrap();
        let findings = check(tools_text(Lang::Ja), &pack);
        assert_eq!(findings.len(), 1, "one finding, not every field unknown");
        assert_eq!(findings[0].place, "ファイル全体");
        assert!(
            findings[0]
                .message
                .starts_with("これは相談先の一覧ではなく"),
            "{}",
            findings[0].message
        );
    }

    #[test]
    fn broken_json_on_one_line_names_the_place_too() {
        // A file written on one line: the column alone (「1 行目 96 文字目」) is hard to find
        // by hand, so the place says which resource and field the break is in.
        let file = br#"{"directory_format":2,"as_of":"2026-12-01","resources":[{"id":"a"},{"id":"b" "url":1}]}"#;
        let findings = check(tools_text(Lang::Ja), file);
        assert_eq!(findings.len(), 1);
        assert!(
            findings[0].place.starts_with("相談先の2件目 › "),
            "{}",
            findings[0].place
        );
        assert!(
            findings[0].message.contains("1 行目"),
            "{}",
            findings[0].message
        );
    }

    #[test]
    fn every_code_a_directory_can_have_has_its_own_words() {
        let text = tools_text(Lang::En);
        let other = lookup(text.chk_problems, "other").unwrap();
        for code in [
            Code::UnsupportedFormatVersion,
            Code::DuplicateId,
            Code::EmptyText,
            Code::MissingTranslation,
            Code::MissingSource,
            Code::UnsafeLink,
            Code::InvalidDate,
            Code::OutOfRange,
        ] {
            let diagnostic = Diagnostic::new(code, "/resources/0/url", "x");
            assert_ne!(message(text, &diagnostic), other, "{code:?}");
        }
    }
}
