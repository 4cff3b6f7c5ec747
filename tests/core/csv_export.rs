//! CSV exports: a BOM, CRLF line ends, headers in the chosen language, one row per item,
//! question or task, and formulas typed by people defused.

use kizuki_core::export::KitState;
use kizuki_core::kind::checklist::Checklist;
use kizuki_core::kind::plan::Plan;
use kizuki_core::{csv_export, Lang};

use crate::golden::TODAY;
use crate::golden::{cases, kinds_with_cases, test_pack, text_places, with_text_at};

/// A CSV file's records, read by the `csv` crate (an independent reader), after its BOM.
pub fn records(csv: &str) -> Vec<Vec<String>> {
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
    for kind in kinds_with_cases() {
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
    let Some(checklist) = pack.content::<Checklist>() else {
        unreachable!()
    };
    let (_, export) = cases("checklist", &pack)
        .into_iter()
        .find(|(name, _)| name == "small-workplace")
        .unwrap();
    let ja = records(&csv_export::export_csv(&pack, &export.state, Lang::Ja, TODAY).unwrap());
    let en = records(&csv_export::export_csv(&pack, &export.state, Lang::En, TODAY).unwrap());
    // The header, one row per profile question, one per item, the overall row.
    assert_eq!(
        ja.len(),
        checklist.profile.len() + checklist.items().count() + 2
    );
    // The profile in the screen's words: the question and the answer chosen.
    assert_eq!(ja[1][0], "事業場について");
    assert_eq!((ja[1][1].as_str(), ja[1][4].as_str()), ("size", "10〜49人"));
    assert_eq!(en[1][0], "About the workplace");
    // Column names as on the screen: 目標日 (not 期限), and 法定義務 for a legal duty.
    assert!(ja[0].iter().any(|h| h == "目標日"), "{:?}", ja[0]);
    assert!(!ja[0].iter().any(|h| h == "期限"));
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
    assert_eq!(
        committee[9], "2",
        "marked done: after the open action, though a stricter duty"
    );
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
    let Some(plan) = pack.content::<Plan>() else {
        unreachable!()
    };
    let (_, export) = cases("plan", &pack).into_iter().next().unwrap();
    let Some(cases) = export.state.get::<Plan>() else {
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

/// The hostile corpus of formula cells (`tests/data/hostile/csv-formula-cells.json`).
fn hostile_cells() -> Vec<String> {
    let path = crate::repo_root().join("tests/data/hostile/csv-formula-cells.json");
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// An independent reading of "a spreadsheet could run this": written here, not borrowed
/// from the core, so the test can fail.
pub fn could_run(cell: &str) -> bool {
    if cell.starts_with('\'') {
        return false;
    }
    if cell.starts_with(['\t', '\r', '\n']) {
        return true;
    }
    if cell.parse::<f64>().is_ok() && !cell.contains(['e', 'E', '+', 'i', 'n', 'N']) {
        return false;
    }
    let rest: String = cell
        .chars()
        .skip_while(|c| {
            c.is_whitespace()
                || c.is_control()
                || ('\u{200B}'..='\u{206F}').contains(c)
                || *c == '\u{FEFF}'
        })
        .collect();
    let folded: String = rest
        .chars()
        .take(1)
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap(),
            '\u{FE62}' => '+',
            '\u{FE63}' | '\u{2212}' => '-',
            '\u{FE66}' => '=',
            '\u{FE6B}' => '@',
            c => c,
        })
        .collect();
    folded.starts_with(['=', '+', '-', '@', '|'])
}

/// Walks a pack's JSON and sets every bilingual text (`{"ja": …, "en": …}`) to `cell`.
fn set_every_text(value: &mut serde_json::Value, cell: &str) {
    match value {
        serde_json::Value::Object(map) => {
            let is_text = map.len() == 2
                && map.get("ja").is_some_and(|v| v.is_string())
                && map.get("en").is_some_and(|v| v.is_string());
            if is_text {
                map.insert("ja".into(), cell.into());
                map.insert("en".into(), cell.into());
            } else {
                map.values_mut().for_each(|v| set_every_text(v, cell));
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(|v| set_every_text(v, cell)),
        _ => {}
    }
}

/// A golden case's name, its state, and the places where that state takes text.
type GoldenState = (String, KitState, Vec<String>);

#[test]
fn every_cell_of_every_csv_from_the_hostile_corpus_is_neutralised() {
    let cells = hostile_cells();
    assert!(cells.len() >= 30, "the corpus is there");
    let mut packs_loaded = 0;
    // Each kind's golden states and the places where each takes text, learnt once.
    let states: Vec<(&str, Vec<GoldenState>)> = kinds_with_cases()
        .into_iter()
        .map(|kind| {
            let pack = test_pack(kind);
            let states = cases(kind, &pack)
                .into_iter()
                .map(|(case, export)| {
                    let places = text_places(&pack, &export.state);
                    (case, export.state, places)
                })
                .collect();
            (kind, states)
        })
        .collect();
    for cell in &cells {
        assert!(
            could_run(cell),
            "{cell:?} is hostile by the test's own reading"
        );
        // write_csv itself, headers and rows.
        let csv = csv_export::write_csv(&[cell.as_str()], &[vec![cell.as_str()]]);
        for record in records(&csv) {
            for field in record {
                assert!(
                    !could_run(&field),
                    "{cell:?} came through write_csv as {field:?}"
                );
            }
        }
        // Every kind's CSV, with every authored text and every typed text set to the cell
        // (the places a state takes text are learnt from its type: `golden::text_places`).
        for (kind, states) in &states {
            let path = crate::golden::data_dir(kind).join("pack.json");
            let mut value: serde_json::Value =
                serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
            set_every_text(&mut value, cell);
            let Ok(pack) = kizuki_core::load_pack(value.to_string().as_bytes()) else {
                continue; // a text the validator refuses (control characters) never reaches a CSV
            };
            packs_loaded += 1;
            for (case, state, places) in states {
                let state = with_text_at(state, places, cell);
                for lang in [Lang::Ja, Lang::En] {
                    let csv = csv_export::export_csv(&pack, &state, lang, TODAY).unwrap();
                    for record in records(&csv) {
                        for field in record {
                            assert!(
                                !could_run(&field),
                                "{kind}/{case}: {cell:?} came through as {field:?}"
                            );
                        }
                    }
                }
            }
        }
    }
    assert!(
        packs_loaded >= cells.len() * states.len() * 2 / 3,
        "most hostile texts load into packs ({packs_loaded})"
    );
}

/// What the `csv` crate writes for these records (CRLF, quoting where needed): the writer the
/// core's `CsvText` replaces in the widgets (its float parser cost ~12 KB gzip each).
fn csv_crate_text(records: &[Vec<String>]) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .flexible(true)
        .from_writer(Vec::new());
    for record in records {
        writer.write_record(record).unwrap();
    }
    String::from_utf8(writer.into_inner().unwrap()).unwrap()
}

fn core_text(records: &[Vec<String>]) -> String {
    let mut text = csv_export::CsvText::new();
    for record in records {
        text.record(record);
    }
    text.finish()
}

#[test]
fn the_cores_csv_writer_writes_what_the_csv_crate_writes() {
    let cases: Vec<Vec<Vec<String>>> = vec![
        vec![
            vec!["a".into(), "b".into()],
            vec!["x,y".into(), "z\"w".into()],
        ],
        vec![vec!["".into()]],
        vec![vec!["".into(), "".into()]],
        vec![vec![
            "line\nbreak".into(),
            "cr\rhere".into(),
            "crlf\r\n".into(),
        ]],
        vec![vec![
            "\"".into(),
            ",".into(),
            "総務課、人事".into(),
            " spaced ".into(),
        ]],
        vec![vec![
            "-1.5".into(),
            "1e5".into(),
            "NaN".into(),
            "#comment".into(),
        ]],
    ];
    for records in cases {
        assert_eq!(core_text(&records), csv_crate_text(&records), "{records:?}");
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
    #[test]
    fn any_records_are_written_as_the_csv_crate_writes_and_read_back_whole(
        records in proptest::collection::vec(
            proptest::collection::vec("[a-z,\"\r\n 0-9.\\-=総務\t]{0,6}", 1..5),
            1..6,
        )
    ) {
        let text = core_text(&records);
        proptest::prop_assert_eq!(&text, &csv_crate_text(&records));
        let read: Vec<Vec<String>> = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect())
            .collect();
        proptest::prop_assert_eq!(read, records);
    }
}
