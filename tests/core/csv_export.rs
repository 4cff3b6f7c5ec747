//! CSV exports: a BOM, CRLF line ends, headers in the chosen language, one row per item,
//! question or task, and formulas typed by people defused.

use kizuki_core::export::KitState;
use kizuki_core::{csv_export, Kit, Lang};

use crate::golden::TODAY;
use crate::golden::{cases, test_pack};

fn records(csv: &str) -> Vec<Vec<String>> {
    let body = csv
        .strip_prefix('\u{feff}')
        .expect("the CSV starts with a BOM");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn assert_crlf_only(name: &str, csv: &str) {
    // The test data has no line breaks inside fields, so every LF ends a record.
    assert!(csv.ends_with("\r\n"), "{name}");
    assert!(
        !csv.replace("\r\n", "").contains('\n'),
        "{name} has bare LF"
    );
    assert!(
        !csv.replace("\r\n", "").contains('\r'),
        "{name} has bare CR"
    );
}

#[test]
fn every_csv_starts_with_the_bom_and_ends_lines_with_crlf() {
    for kind in ["checklist", "plan", "course"] {
        let pack = test_pack(kind);
        for (case, export) in cases(kind, &pack) {
            for lang in [Lang::Ja, Lang::En] {
                let csv = csv_export::export_csv(&pack, &export.state, lang, TODAY).unwrap();
                assert!(
                    csv.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]),
                    "{kind}/{case}"
                );
                assert_crlf_only(&format!("{kind}/{case}"), &csv);
            }
        }
    }
}

#[test]
fn the_checklist_csv_has_one_row_per_item_with_headers_in_the_language() {
    let pack = test_pack("checklist");
    let Kit::Checklist(checklist) = &pack.pack().kit else {
        unreachable!()
    };
    let (_, export) = cases("checklist", &pack)
        .into_iter()
        .find(|(name, _)| name == "small-workplace")
        .unwrap();
    let ja = records(&csv_export::export_csv(&pack, &export.state, Lang::Ja, TODAY).unwrap());
    let en = records(&csv_export::export_csv(&pack, &export.state, Lang::En, TODAY).unwrap());
    assert_eq!(ja.len(), checklist.items().count() + 1);
    assert_eq!(ja[0][0], "領域");
    assert_eq!(en[0][0], "Area");
    assert_eq!(ja[0].len(), en[0].len());
    let row =
        |rows: &[Vec<String>], item: &str| rows.iter().find(|r| r[1] == item).unwrap().clone();
    let committee = row(&en, "committee-deliberates");
    assert_eq!(committee[2], "Workers are heard", "the wording for 10–49");
    assert_eq!(committee[4], "Not in place");
    assert_eq!(committee[5], "0");
    assert_eq!(committee[8], "Duty to endeavour");
    assert_eq!(committee[9], "1", "first in the action plan");
    assert_eq!(
        committee[10], "'=HYPERLINK(\"http://x\")",
        "a formula typed as owner is defused"
    );
    let large_only = row(&ja, "committee-large-only");
    assert_eq!(large_only[3], "いいえ", "does not apply under 50");
    let plan = row(&ja, "policy-plan");
    assert_eq!(plan[6], "担当者がいない、その他");
    assert!(plan[7].starts_with("<script>"), "CSV keeps text as typed");
}

#[test]
fn the_course_csv_lists_modules_and_the_latest_attempts_questions() {
    let pack = test_pack("course");
    let (_, export) = cases("course", &pack)
        .into_iter()
        .find(|(name, _)| name == "completed")
        .unwrap();
    let rows = records(&csv_export::export_csv(&pack, &export.state, Lang::En, TODAY).unwrap());
    let kinds: Vec<&str> = rows.iter().skip(1).map(|r| r[0].as_str()).collect();
    assert_eq!(
        kinds,
        ["Module", "Question", "Question", "Module", "Question"]
    );
    assert_eq!(rows[2][3], "fc-q1");
    assert_eq!(rows[2][5], "Managers", "the latest attempt, not the first");
    assert_eq!(rows[2][6], "yes");
}

#[test]
fn the_plan_csv_has_one_row_per_task_per_case_and_no_field_values() {
    let pack = test_pack("plan");
    let Kit::Plan(plan) = &pack.pack().kit else {
        unreachable!()
    };
    let (_, export) = cases("plan", &pack).into_iter().next().unwrap();
    let KitState::Plan(cases) = &export.state else {
        unreachable!()
    };
    let csv = csv_export::export_csv(&pack, &export.state, Lang::Ja, TODAY).unwrap();
    let tasks: usize = plan.steps.iter().map(|s| s.tasks.len()).sum();
    assert_eq!(records(&csv).len(), tasks * cases.cases.len() + 1);
    for case in cases.cases.values() {
        for field in [
            "worker_name",
            "doctor_name",
            "accommodations",
            "letter_questions",
        ] {
            for line in case.fields.get(field).map_or("", String::as_str).lines() {
                assert!(!csv.contains(line), "{field} {line:?} leaked");
            }
        }
    }
}
