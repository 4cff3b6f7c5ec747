//! Golden files for results, reports and exports: every `tests/data/<kind>/<case>.answers.json`
//! (an export envelope) is scored and rendered, and each output is compared with
//! `<case>.expected.<what>.<ext>` next to it. `UPDATE_EXPECT=1 cargo test` re-blesses them.

use kizuki_core::kind::checklist::Checklist;
use kizuki_core::kind::course::Course;
use std::path::{Path, PathBuf};

use kizuki_core::export::{import, Export, KitState};
use kizuki_core::kind::plan::{Plan, PlanCases};
use kizuki_core::{csv_export, ics, load_pack, report, xapi, Error, Lang, ValidPack};

use crate::repo_root;

/// The day golden checklist results, reports and CSV files are dated on (obligations of
/// dated rules depend on it; the core never reads a clock).
pub const TODAY: &str = "2026-12-04";
/// The DTSTAMP used for golden calendars.
pub const DTSTAMP: &str = "2026-11-22T09:00:00+09:00";
/// The activity IRI base used for golden xAPI statements.
pub const ACTIVITY_BASE: &str = "https://center.example.jp/xapi";

/// Compares `actual` with the file at `path`; with `UPDATE_EXPECT=1`, writes it instead.
pub fn check(path: &Path, actual: &str) {
    if std::env::var_os("UPDATE_EXPECT").is_some_and(|v| v == "1") {
        std::fs::write(path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_else(|_| {
        panic!(
            "{} is missing; run `UPDATE_EXPECT=1 cargo test -p kizuki-core` and review it",
            path.display()
        )
    });
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(e, a)| e != a)
            .map_or_else(
                || expected.lines().count().min(actual.lines().count()) + 1,
                |i| i + 1,
            );
        panic!(
            "{} differs from the output at line {line}:\n  expected: {:?}\n  actual:   {:?}\n\
             re-bless with UPDATE_EXPECT=1 if the change is intended",
            path.display(),
            expected.lines().nth(line - 1).unwrap_or("<end of file>"),
            actual.lines().nth(line - 1).unwrap_or("<end of file>"),
        );
    }
}

/// The folder of a kind's test data.
pub fn data_dir(kind: &str) -> PathBuf {
    repo_root().join("tests/data").join(kind)
}

/// The kind's test pack.
pub fn test_pack(kind: &str) -> ValidPack {
    let path = data_dir(kind).join("pack.json");
    load_pack(&std::fs::read(&path).unwrap())
        .unwrap_or_else(|d| panic!("{} does not validate: {d:#?}", path.display()))
}

/// The kind's cases: `(case name, export)` for each `<case>.answers.json`, sorted.
pub fn cases(kind: &str, pack: &ValidPack) -> Vec<(String, Export)> {
    let mut cases: Vec<(String, Export)> = std::fs::read_dir(data_dir(kind))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter_map(|path| {
            let name = path.file_name()?.to_str()?.strip_suffix(".answers.json")?;
            let export = import(pack, &std::fs::read(&path).unwrap())
                .unwrap_or_else(|e| panic!("{} does not import: {e}", path.display()));
            Some((name.to_string(), export))
        })
        .collect();
    cases.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(!cases.is_empty(), "no cases in tests/data/{kind}");
    cases
}

/// The path of one expected output.
pub fn expected(kind: &str, case: &str, what: &str) -> PathBuf {
    data_dir(kind).join(format!("{case}.expected.{what}"))
}

fn json(value: &impl serde::Serialize) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap();
    text.push('\n');
    text
}

#[test]
fn checklist_cases_match_their_golden_files() {
    let pack = test_pack("checklist");
    let Some(checklist) = pack.content::<Checklist>() else {
        panic!("not a checklist")
    };
    for (case, export) in cases("checklist", &pack) {
        let Some(answers) = export.state.get::<Checklist>() else {
            panic!("{case} is not a checklist export")
        };
        let result = checklist.result(answers, TODAY);
        check(&expected("checklist", &case, "result.json"), &json(&result));
        for lang in [Lang::Ja, Lang::En] {
            let html = report::checklist_html(&pack, answers, lang, TODAY).unwrap();
            check(
                &expected("checklist", &case, &format!("report.{}.html", lang.code())),
                &html,
            );
        }
        let csv = csv_export::export_csv(&pack, &export.state, Lang::Ja, TODAY).unwrap();
        check(&expected("checklist", &case, "csv"), &csv);
    }
}

#[test]
fn plan_cases_match_their_golden_files() {
    let pack = test_pack("plan");
    let Some(plan) = pack.content::<Plan>() else {
        panic!("not a plan")
    };
    for (case, export) in cases("plan", &pack) {
        let Some(PlanCases { cases }) = export.state.get::<Plan>() else {
            panic!("{case} is not a plan export")
        };
        let score: serde_json::Value = cases
            .iter()
            .map(|(id, c)| {
                let value = serde_json::json!({
                    "progress": plan.case_progress(c),
                    "follow_up": plan.follow_up_dates(c),
                });
                (id.clone(), value)
            })
            .collect::<serde_json::Map<_, _>>()
            .into();
        check(&expected("plan", &case, "score.json"), &json(&score));
        for (case_id, one) in cases {
            for document in &plan.documents {
                let what = format!("{case_id}.{}", document.id);
                let rendered = report::render_document(&pack, one, &document.id, Lang::Ja).unwrap();
                check(
                    &expected("plan", &case, &format!("{what}.json")),
                    &json(&rendered),
                );
                let html = report::document_html(&pack, one, &document.id, Lang::Ja).unwrap();
                check(&expected("plan", &case, &format!("{what}.html")), &html);
                check(
                    &expected("plan", &case, &format!("{what}.txt")),
                    &kizuki_core::document::to_text(&rendered),
                );
            }
            let overview = report::case_overview_html(&pack, one, Lang::Ja).unwrap();
            check(
                &expected("plan", &case, &format!("{case_id}.overview.html")),
                &overview,
            );
            match ics::case_ics(&pack, case_id, one, Lang::Ja, DTSTAMP) {
                Ok(calendar) => check(
                    &expected("plan", &case, &format!("{case_id}.ics")),
                    &calendar,
                ),
                Err(error) => {
                    assert!(plan.follow_up_dates(one).is_empty(), "{case_id}: {error}");
                    assert!(matches!(error, Error::NotAllowed(_)), "{error:?}");
                }
            }
        }
        let csv = csv_export::export_csv(&pack, &export.state, Lang::Ja, TODAY).unwrap();
        check(&expected("plan", &case, "csv"), &csv);
    }
}

#[test]
fn course_cases_match_their_golden_files() {
    let pack = test_pack("course");
    let Some(course) = pack.content::<Course>() else {
        panic!("not a course")
    };
    for (case, export) in cases("course", &pack) {
        let Some(progress) = export.state.get::<Course>() else {
            panic!("{case} is not a course export")
        };
        let result = course.result(progress);
        check(&expected("course", &case, "result.json"), &json(&result));
        let summary = report::course_summary_html(&pack, progress, Lang::Ja).unwrap();
        check(&expected("course", &case, "summary.html"), &summary);
        for lang in [Lang::Ja, Lang::En] {
            let what = format!("certificate.{}.html", lang.code());
            match report::certificate_html(&pack, progress, lang) {
                Ok(certificate) => check(&expected("course", &case, &what), &certificate),
                Err(error) => {
                    assert!(result.completed_on.is_none(), "{case}: {error}");
                    assert!(!expected("course", &case, &what).exists());
                }
            }
        }
        let statements = xapi::course_statements(&pack, progress, ACTIVITY_BASE, Lang::Ja).unwrap();
        check(
            &expected("course", &case, "xapi.json"),
            &xapi::statements_json(&statements),
        );
        let csv = csv_export::export_csv(&pack, &export.state, Lang::Ja, TODAY).unwrap();
        check(&expected("course", &case, "csv"), &csv);
    }
}

/// The kinds that have a test pack and golden cases (`tests/data/<kind>/pack.json` and
/// `<case>.answers.json`), named by the core's one list of kinds.
pub fn kinds_with_cases() -> Vec<&'static str> {
    kizuki_core::kind::KIND_NAMES
        .iter()
        .copied()
        .filter(|kind| data_dir(kind).join("pack.json").exists())
        .collect()
}

/// Every place in a state where its kind takes any text: the JSON pointers of the string
/// values (not keys) that, set to `<probe>`, still give a state of the same kind that fits
/// the pack (`Kit::check_fits`). Ids drop out; free text, labels and dates stay. Learnt
/// from the state's own type and the kind's fit check, so it needs no code per kind.
pub fn text_places(pack: &ValidPack, state: &KitState) -> Vec<String> {
    let value = serde_json::to_value(state).unwrap();
    let mut pointers = Vec::new();
    string_pointers(&value["data"], String::new(), &mut pointers);
    pointers
        .into_iter()
        .filter(|pointer| {
            let mut data = value["data"].clone();
            *data.pointer_mut(pointer).unwrap() = "<probe>".into();
            let file = format!(r#"{{"kind": "{}", "data": {data}}}"#, state.kind_name());
            serde_json::from_str::<KitState>(&file)
                .is_ok_and(|probed| pack.pack().kit.check_fits(pack, &probed).is_ok())
        })
        .collect()
}

/// `state` with `text` at every one of `places` (from [`text_places`]).
pub fn with_text_at(state: &KitState, places: &[String], text: &str) -> KitState {
    let value = serde_json::to_value(state).unwrap();
    let mut data = value["data"].clone();
    for pointer in places {
        *data.pointer_mut(pointer).unwrap() = text.into();
    }
    let file = format!(r#"{{"kind": "{}", "data": {data}}}"#, state.kind_name());
    serde_json::from_str(&file).unwrap()
}

fn string_pointers(value: &serde_json::Value, at: String, pointers: &mut Vec<String>) {
    let escape = |key: &str| key.replace('~', "~0").replace('/', "~1");
    match value {
        serde_json::Value::String(_) => pointers.push(at),
        serde_json::Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                string_pointers(item, format!("{at}/{index}"), pointers);
            }
        }
        serde_json::Value::Object(map) => {
            for (key, item) in map {
                string_pointers(item, format!("{at}/{}", escape(key)), pointers);
            }
        }
        _ => {}
    }
}
