//! Rules dated by when they apply: the same answers read differently on different days
//! (the day is passed in), and validation refuses dates that are not dates or periods
//! that are not periods. Golden files in `tests/data/checklist/dated-rules.*` and
//! `bad-dates.*`; `UPDATE_EXPECT=1` re-blesses them.

use kizuki_core::export::import;
use kizuki_core::kind::checklist::{Checklist, Obligation, PlannedDuty};
use kizuki_core::pack::InForceStatus;
use kizuki_core::{csv_export, load_pack, report, Lang};

use crate::golden::{check, data_dir};

fn json(value: &impl serde::Serialize) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap();
    text.push('\n');
    text
}

#[test]
fn a_duty_dated_2028_reads_as_planned_in_2026_and_as_a_duty_in_june_2028() {
    let dir = data_dir("checklist");
    let pack = load_pack(&std::fs::read(dir.join("dated-rules.pack.json")).unwrap())
        .unwrap_or_else(|d| panic!("{d:#?}"));
    let Some(checklist) = pack.content::<Checklist>() else {
        panic!("not a checklist")
    };
    let export = import(
        &pack,
        &std::fs::read(dir.join("dated-rules.export.json")).unwrap(),
    )
    .expect("the export imports");
    let Some(answers) = export.state.get::<Checklist>() else {
        panic!("not a checklist export")
    };
    for today in ["2026-12-04", "2028-06-01"] {
        let result = checklist.result(answers, today);
        let name = |what: &str| dir.join(format!("dated-rules.expected.{today}.{what}"));
        check(&name("result.json"), &json(&result));
        for lang in [Lang::Ja, Lang::En] {
            let html = report::checklist_html(&pack, answers, lang, today).unwrap();
            check(&name(&format!("report.{}.html", lang.code())), &html);
        }
        let csv = csv_export::export_csv(&pack, &export.state, Lang::En, today).unwrap();
        check(&name("csv"), &csv);
    }

    let item = checklist.item("stress-check-small").unwrap();
    let before = checklist.item_duty(item, answers, "2026-12-04");
    assert_eq!(before.level, Obligation::EffortDuty);
    assert_eq!(
        before.planned,
        Some(PlannedDuty {
            level: Obligation::LegalDuty,
            when: InForceStatus::PlannedByCabinetOrder {
                latest: "2028-05-13".into()
            }
        })
    );
    let after = checklist.item_duty(item, answers, "2028-06-01");
    assert_eq!(after.level, Obligation::LegalDuty);
    assert_eq!(after.planned, None);

    let harassment = checklist.item("customer-harassment").unwrap();
    let day_before = checklist.item_duty(harassment, answers, "2026-09-30");
    assert_eq!(day_before.level, Obligation::Recommended);
    assert!(matches!(
        day_before.planned,
        Some(PlannedDuty { level: Obligation::LegalDuty, when: InForceStatus::Planned { ref from } }) if from == "2026-10-01"
    ));
    let first_day = checklist.item_duty(harassment, answers, "2026-10-01");
    assert_eq!(first_day.level, Obligation::LegalDuty);

    let ended = checklist.item("expired-rule").unwrap();
    assert_eq!(
        checklist.item_obligation(ended, answers, "2026-12-04"),
        Obligation::Recommended
    );
    assert_eq!(
        checklist.item_obligation(ended, answers, "2025-12-31"),
        Obligation::LegalDuty
    );
    // A day that is not a date never makes a dated rule a duty.
    assert_eq!(
        checklist.item_obligation(harassment, answers, "someday"),
        Obligation::Recommended
    );
}

#[test]
fn validation_refuses_bad_dates_and_impossible_periods_with_their_paths() {
    let dir = data_dir("checklist");
    let diagnostics = load_pack(&std::fs::read(dir.join("bad-dates.pack.json")).unwrap())
        .expect_err("bad dates are errors");
    let lines: String = diagnostics.iter().map(|d| format!("{d}\n")).collect();
    check(&dir.join("bad-dates.expected.diagnostics.txt"), &lines);
    let codes: Vec<&str> = diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert!(codes.contains(&"invalid_date"), "{lines}");
    assert!(codes.contains(&"invalid_period"), "{lines}");
}
