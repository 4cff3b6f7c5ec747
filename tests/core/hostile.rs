//! Hostile inputs: every file listed in `tests/data/hostile/README.md` gives the outcome
//! written there, and nothing panics; inputs too big to commit (50 MB, 100k-deep nesting,
//! huge strings) are generated here and refused or handled the same way.

use std::collections::{BTreeMap, BTreeSet};
use std::panic::{catch_unwind, AssertUnwindSafe};

use kizuki_core::export::{import, MAX_IMPORT_BYTES};
use kizuki_core::kind::checklist::Checklist;
use kizuki_core::kind::course::Course;
use kizuki_core::kind::plan::Plan;
use kizuki_core::load::MAX_PACK_BYTES;
use kizuki_core::report::{
    case_overview_html, certificate_html, checklist_html, course_summary_html,
};
use kizuki_core::text::{is_safe_href, parse_inline, Inline};
use kizuki_core::vault::{SealedRecord, VaultKey};
use kizuki_core::{load_pack, Diagnostic, Lang, ValidPack};
use serde_json::Value;

use crate::golden::TODAY;
use crate::repo_root;

/// The passphrase the committed vault records were sealed with.
const PASSPHRASE: &str = "correct horse battery";

const HOSTILE_DIR: &str = "tests/data/hostile";

/// One row of the manifest table.
#[derive(Debug)]
struct Case {
    file: String,
    loaded_as: String,
    expected: String,
}

/// Reads the manifest: rows of `| `file` | what it is | loaded as | expected |`.
fn manifest() -> Vec<Case> {
    let readme = std::fs::read_to_string(repo_root().join(HOSTILE_DIR).join("README.md"))
        .expect("tests/data/hostile/README.md exists");
    readme
        .lines()
        .filter(|line| line.starts_with("| `"))
        .map(|line| {
            let cells: Vec<&str> = line.trim_matches('|').split(" | ").map(str::trim).collect();
            assert_eq!(cells.len(), 4, "a manifest row has four cells: {line}");
            let unquote = |cell: &str| cell.trim_matches('`').to_string();
            Case {
                file: unquote(cells[0]),
                loaded_as: unquote(cells[2]),
                expected: unquote(cells[3]),
            }
        })
        .collect()
}

fn read_hostile(file: &str) -> Vec<u8> {
    std::fs::read(repo_root().join(HOSTILE_DIR).join(file))
        .unwrap_or_else(|error| panic!("{HOSTILE_DIR}/{file}: {error}"))
}

fn content_pack(id: &str) -> ValidPack {
    let bytes = std::fs::read(repo_root().join("content").join(format!("{id}.json"))).unwrap();
    load_pack(&bytes).unwrap_or_else(|d| panic!("content/{id}.json does not load: {d:#?}"))
}

/// The committed packs an import can be checked against, by id.
fn content_packs() -> BTreeMap<&'static str, ValidPack> {
    ["mh-checklist", "linecare", "return-to-work"]
        .into_iter()
        .map(|id| (id, content_pack(id)))
        .collect()
}

/// The error codes among diagnostics, sorted and joined (`ok` when there are none).
fn error_codes(diagnostics: &[Diagnostic]) -> String {
    let codes: BTreeSet<&str> = diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.code.as_str())
        .collect();
    if codes.is_empty() {
        "ok".to_string()
    } else {
        codes.into_iter().collect::<Vec<_>>().join(", ")
    }
}

fn pack_outcome(bytes: &[u8]) -> String {
    match load_pack(bytes) {
        Ok(_) => "ok".to_string(),
        Err(diagnostics) => error_codes(&diagnostics),
    }
}

/// Imports, and for an accepted file checks that it re-imports to the same value.
fn import_outcome(pack: &ValidPack, bytes: &[u8]) -> String {
    match import(pack, bytes) {
        Ok(export) => {
            let json = export.to_json();
            let again = import(pack, json.as_bytes()).expect("a re-serialised export imports");
            assert_eq!(again, export, "an accepted export round-trips");
            "ok".to_string()
        }
        Err(error) => error.code().to_string(),
    }
}

fn vault_outcome(bytes: &[u8]) -> String {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return "not_utf8".to_string();
    };
    let opened = SealedRecord::from_json(text).and_then(|record| {
        let key = VaultKey::for_record(PASSPHRASE, &record)?;
        key.open(&record)
    });
    match opened {
        Ok(_) => "ok".to_string(),
        Err(error) => error.code().to_string(),
    }
}

/// What `parse_inline` made of a text: `plain only`, `no link` (plain and strong runs) or
/// `safe links only`; an unsafe link target is always a failure.
fn inline_outcome(bytes: &[u8]) -> String {
    let text = std::str::from_utf8(bytes).expect("inline cases are UTF-8");
    let runs = parse_inline(text);
    for run in &runs {
        if let Inline::Link { href, .. } = run {
            assert!(
                is_safe_href(href),
                "parse_inline made a live link to {href:?}"
            );
        }
    }
    if runs.iter().all(|run| matches!(run, Inline::Plain(_))) {
        "plain only".to_string()
    } else if !runs.iter().any(|run| matches!(run, Inline::Link { .. })) {
        "no link".to_string()
    } else {
        "safe links only".to_string()
    }
}

#[test]
fn every_hostile_file_gives_the_outcome_its_manifest_row_names() {
    let packs = content_packs();
    let mut failures = Vec::new();
    for case in manifest() {
        let bytes = read_hostile(&case.file);
        let run = catch_unwind(AssertUnwindSafe(|| match case.loaded_as.split_once(' ') {
            Some(("import", pack_id)) => {
                let pack = packs
                    .get(pack_id)
                    .unwrap_or_else(|| panic!("no committed pack `{pack_id}`"));
                import_outcome(pack, &bytes)
            }
            _ => match case.loaded_as.as_str() {
                "pack" => pack_outcome(&bytes),
                "vault" => vault_outcome(&bytes),
                "inline" => inline_outcome(&bytes),
                "csv" => csv_outcome(&bytes),
                other => panic!("unknown `loaded as` value `{other}`"),
            },
        }));
        match run {
            Ok(found) if found == case.expected => {}
            Ok(found) => failures.push(format!(
                "{} as {}: expected `{}`, got `{found}`",
                case.file, case.loaded_as, case.expected
            )),
            Err(_) => failures.push(format!("{} as {}: PANICKED", case.file, case.loaded_as)),
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// Each cell of a JSON array written by `write_csv` as a header and a cell, read back.
fn csv_outcome(bytes: &[u8]) -> String {
    let cells: Vec<String> = serde_json::from_slice(bytes).expect("a JSON array of cells");
    for cell in &cells {
        let csv = kizuki_core::csv_export::write_csv(&[cell.as_str()], &[vec![cell.as_str()]]);
        let body = csv.strip_prefix('\u{feff}').unwrap_or(&csv);
        for record in csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(body.as_bytes())
            .records()
        {
            for field in record.expect("the CSV reads back").iter() {
                if crate::csv_export::could_run(field) {
                    return format!("live: {field:?}");
                }
            }
        }
    }
    "neutralised".to_string()
}

#[test]
fn every_hostile_file_is_in_the_manifest_and_every_row_names_a_file() {
    let listed: BTreeSet<String> = manifest().into_iter().map(|case| case.file).collect();
    let present: BTreeSet<String> = std::fs::read_dir(repo_root().join(HOSTILE_DIR))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != "README.md")
        .collect();
    let unlisted: Vec<_> = present.difference(&listed).collect();
    let missing: Vec<_> = listed.difference(&present).collect();
    assert!(
        unlisted.is_empty() && missing.is_empty(),
        "files without a manifest row: {unlisted:?}; rows without a file: {missing:?}"
    );
}

/// JSON pointers of every text object (`{"ja": …, "en": …}`) in a JSON document.
fn text_pointers(value: &Value, pointer: &str, found: &mut Vec<String>) {
    match value {
        Value::Object(map)
            if map.contains_key("ja") && map.keys().all(|k| k == "ja" || k == "en") =>
        {
            found.push(pointer.to_string());
        }
        Value::Object(map) => {
            for (key, inner) in map {
                let key = key.replace('~', "~0").replace('/', "~1");
                text_pointers(inner, &format!("{pointer}/{key}"), found);
            }
        }
        Value::Array(items) => {
            for (index, inner) in items.iter().enumerate() {
                text_pointers(inner, &format!("{pointer}/{index}"), found);
            }
        }
        _ => {}
    }
}

#[test]
fn a_javascript_link_in_any_text_field_is_reported_as_an_unsafe_link() {
    let bytes = read_hostile("pack-script-and-javascript-links.json");
    let diagnostics = load_pack(&bytes).expect_err("javascript: links are errors");
    let unsafe_paths: BTreeSet<&str> = diagnostics
        .iter()
        .filter(|d| d.code.as_str() == "unsafe_link")
        .map(|d| d.path.as_str())
        .collect();
    let mut texts = Vec::new();
    text_pointers(&serde_json::from_slice(&bytes).unwrap(), "", &mut texts);
    assert!(
        texts.len() > 40,
        "the case covers every text field ({})",
        texts.len()
    );
    let mut unreported = Vec::new();
    for text in &texts {
        for language in ["ja", "en"] {
            let path = format!("{text}/{language}");
            if !unsafe_paths.contains(path.as_str()) {
                unreported.push(path);
            }
        }
    }
    assert!(
        unreported.is_empty(),
        "javascript: links not reported at {unreported:#?}"
    );
    assert!(
        unsafe_paths.contains("/sources/0/url"),
        "the javascript: source url"
    );
}

#[test]
fn script_tags_in_every_text_field_load_and_stay_plain_text() {
    let bytes = read_hostile("pack-script-as-text.json");
    let pack = load_pack(&bytes).expect("HTML as text is allowed");
    let mut texts = Vec::new();
    let value = serde_json::to_value(pack.pack()).unwrap();
    text_pointers(&value, "", &mut texts);
    assert!(
        texts.len() > 40,
        "the case covers every text field ({})",
        texts.len()
    );
    for pointer in &texts {
        for language in ["ja", "en"] {
            let Some(source) = value
                .pointer(&format!("{pointer}/{language}"))
                .and_then(Value::as_str)
            else {
                continue;
            };
            assert!(
                source.contains("<script>"),
                "{pointer}/{language} was poisoned"
            );
            let runs = parse_inline(source);
            assert_eq!(
                runs,
                vec![Inline::Plain(source.to_string())],
                "{pointer}/{language} must stay one plain run"
            );
        }
    }
}

/// The same markup, escaped as reports write it.
const IMG_ESCAPED: &str = "&lt;img src=x onerror=alert(1)&gt;";

fn assert_no_live_markup(html: &str, what: &str) {
    assert!(!html.contains("<img"), "{what} holds a live <img>");
    assert!(!html.contains("<script"), "{what} holds a live <script>");
    assert!(
        !html.contains("onerror=alert(1)>"),
        "{what} holds a live handler"
    );
}

#[test]
fn html_in_free_text_imports_and_every_report_escapes_it() {
    let packs = content_packs();

    let checklist = &packs["mh-checklist"];
    let export = import(
        checklist,
        &read_hostile("export-checklist-xss-free-text.json"),
    )
    .expect("HTML in free text is just text");
    let Some(answers) = export.state.get::<Checklist>() else {
        panic!("a checklist state")
    };
    for lang in [Lang::Ja, Lang::En] {
        let html = checklist_html(checklist, answers, lang, TODAY).unwrap();
        assert_no_live_markup(&html, "the checklist report");
        assert!(
            html.contains(IMG_ESCAPED),
            "the action owner is shown, escaped"
        );
        assert!(html.contains("&lt;script&gt;alert(document.cookie)&lt;/script&gt;"));
    }

    let course = &packs["linecare"];
    let export = import(course, &read_hostile("export-linecare-progress.json")).unwrap();
    let Some(progress) = export.state.get::<Course>() else {
        panic!("a course state")
    };
    for lang in [Lang::Ja, Lang::En] {
        let html = course_summary_html(course, progress, lang).unwrap();
        assert_no_live_markup(&html, "the course summary");
        assert!(
            html.contains(IMG_ESCAPED),
            "the learner's name is shown, escaped"
        );
        // The course is not complete, so there is no certificate yet: an error, not a panic.
        assert_eq!(
            certificate_html(course, progress, lang).unwrap_err().code(),
            "not_allowed"
        );
    }

    let plan = &packs["return-to-work"];
    let export = import(plan, &read_hostile("export-return-to-work-case.json")).unwrap();
    let Some(cases) = export.state.get::<Plan>() else {
        panic!("a plan state")
    };
    for lang in [Lang::Ja, Lang::En] {
        for case in cases.cases.values() {
            let html = case_overview_html(plan, case, lang).unwrap();
            assert_no_live_markup(&html, "the case overview");
            assert!(
                html.contains(IMG_ESCAPED),
                "the case label is shown, escaped"
            );
        }
    }
}

#[test]
fn a_50_mb_import_is_refused_as_too_large_before_parsing() {
    // Not JSON at all: had it been parsed, the error would be invalid_json.
    let bytes = vec![b'['; 50 * 1024 * 1024];
    let pack = content_pack("mh-checklist");
    assert_eq!(import(&pack, &bytes).unwrap_err().code(), "too_large");
    let just_over = vec![b' '; MAX_IMPORT_BYTES + 1];
    assert_eq!(import(&pack, &just_over).unwrap_err().code(), "too_large");
    let text = String::from_utf8(bytes).unwrap();
    assert_eq!(
        SealedRecord::from_json(&text).unwrap_err().code(),
        "too_large"
    );
}

#[test]
fn a_pack_over_8_mb_is_refused_before_parsing() {
    let mut padded = std::fs::read(repo_root().join("tests/data/checklist/pack.json")).unwrap();
    assert_eq!(pack_outcome(&padded), "ok");
    padded.resize(MAX_PACK_BYTES + 1, b' ');
    let diagnostics = load_pack(&padded).unwrap_err();
    assert_eq!(error_codes(&diagnostics), "out_of_range");
    let not_json = vec![b'{'; 9 * 1024 * 1024];
    assert_eq!(pack_outcome(&not_json), "out_of_range");
}

/// Runs `check` on a thread with a 1 MiB stack, the size rust-lld gives a wasm32 module by
/// default (and half a native test thread's), so a parser that recursed per nesting level
/// would overflow it.
fn on_a_small_stack(check: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(1024 * 1024)
        .spawn(check)
        .unwrap()
        .join()
        .expect("no panic and no stack overflow");
}

#[test]
fn nesting_100k_deep_is_refused_without_overflowing_the_stack() {
    const DEPTH: usize = 100_000;
    let arrays = format!("{}{}", "[".repeat(DEPTH), "]".repeat(DEPTH));
    let objects = format!("{}1{}", "{\"a\":".repeat(DEPTH), "}".repeat(DEPTH));
    let in_an_export =
        format!(r#"{{"kizuki_export": 2, "pack_id": "mh-checklist", "state": {arrays}}}"#);
    let pack = content_pack("mh-checklist");
    on_a_small_stack(move || {
        for deep in [&arrays, &objects, &in_an_export] {
            assert_eq!(pack_outcome(deep.as_bytes()), "invalid_json");
            assert_eq!(
                import(&pack, deep.as_bytes()).unwrap_err().code(),
                "invalid_json"
            );
            assert_eq!(
                SealedRecord::from_json(deep).unwrap_err().code(),
                "not_an_export"
            );
        }
        let runs = parse_inline(&arrays);
        assert!(runs.iter().all(|run| matches!(run, Inline::Plain(_))));
    });
}

#[test]
fn huge_strings_in_packs_and_exports_load_and_round_trip() {
    let template =
        std::fs::read_to_string(repo_root().join("tests/data/checklist/pack.json")).unwrap();
    let mut value: Value = serde_json::from_str(&template).unwrap();
    // 1.2 MB of Japanese (3 bytes a character) and 1 MB of ASCII in one pack.
    let huge = "気".repeat(400_000);
    value["title"]["ja"] = Value::from(huge.clone());
    value["kit"]["areas"][0]["items"][0]["text"]["en"] = Value::from("x".repeat(1_000_000));
    let bytes = serde_json::to_vec(&value).unwrap();
    assert!(bytes.len() < MAX_PACK_BYTES);
    let pack = load_pack(&bytes).expect("a huge text is still a text");
    assert_eq!(pack.pack().title.ja, huge);

    let checklist = content_pack("mh-checklist");
    let mut export: Value =
        serde_json::from_slice(&read_hostile("export-checklist-xss-free-text.json")).unwrap();
    export["state"]["data"]["items"]["mh-plan"]["note"] = Value::from(huge.clone());
    let bytes = serde_json::to_vec(&export).unwrap();
    assert!(bytes.len() < MAX_IMPORT_BYTES);
    assert_eq!(import_outcome(&checklist, &bytes), "ok");
    // A huge id is refused by validation, not by a crash.
    value["title"]["ja"] = Value::from("タイトル");
    value["kit"]["areas"][0]["items"][0]["id"] = Value::from("a".repeat(1_000_000));
    let diagnostics = load_pack(&serde_json::to_vec(&value).unwrap()).unwrap_err();
    assert!(error_codes(&diagnostics).contains("invalid_id"));
}

#[test]
fn many_brackets_in_a_text_are_handled_in_reasonable_time() {
    // 400 KB runs of `[` and of `[a](`: each `[` starts a possible link. Inline parsing and
    // link collection used to rescan the rest of the text for each one (quadratic: 80 KB
    // took 11 s, so this case would take minutes); now they stop at the next `[`.
    let template =
        std::fs::read_to_string(repo_root().join("tests/data/checklist/pack.json")).unwrap();
    let mut value: Value = serde_json::from_str(&template).unwrap();
    value["title"]["ja"] = Value::from("[".repeat(400_000));
    value["description"]["ja"] = Value::from("[a](".repeat(100_000));
    let bytes = serde_json::to_vec(&value).unwrap();
    assert_eq!(pack_outcome(&bytes), "ok");
    let runs = parse_inline(&"[a](".repeat(100_000));
    assert!(runs.iter().all(|run| matches!(run, Inline::Plain(_))));
}
