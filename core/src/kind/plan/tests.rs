//! Unit tests of return-to-work cases against the committed pack: the five steps,
//! repeats, kept history, follow-up dates and refused moves.

use super::*;
use crate::error::Error;
use crate::load::load_pack;

fn plan() -> Plan {
    let pack = load_pack(include_bytes!("../../../../content/return-to-work.json")).unwrap();
    pack.content::<Plan>()
        .expect("the return-to-work pack is a plan")
        .clone()
}

fn act(plan: &Plan, cases: &mut PlanCases, action: PlanAction) {
    plan.apply(cases, &action).unwrap();
}

fn opened(plan: &Plan) -> PlanCases {
    let mut cases = PlanCases::default();
    act(
        plan,
        &mut cases,
        PlanAction::OpenCase {
            case: "c1".into(),
            label: "ケースA".into(),
            date: "2026-04-01".into(),
        },
    );
    cases
}

fn decide(plan: &Plan, cases: &mut PlanCases, outcome: &str, date: &str) {
    act(
        plan,
        cases,
        PlanAction::Decide {
            case: "c1".into(),
            outcome: outcome.into(),
            date: date.into(),
            event_date: None,
        },
    );
}

#[test]
fn a_case_walks_the_five_steps_and_closes() {
    let plan = plan();
    let mut cases = opened(&plan);
    assert_eq!(cases.cases["c1"].step.as_deref(), Some("step1"));
    act(
        &plan,
        &mut cases,
        PlanAction::Advance {
            case: "c1".into(),
            date: "2026-05-01".into(),
            event_date: None,
        },
    );
    decide(&plan, &mut cases, "yes", "2026-06-01");
    decide(&plan, &mut cases, "possible", "2026-06-10");
    decide(&plan, &mut cases, "return", "2026-06-20");
    assert_eq!(cases.cases["c1"].step.as_deref(), Some("step5"));
    decide(&plan, &mut cases, "stable", "2026-12-20");
    let case = &cases.cases["c1"];
    assert_eq!(case.step, None);
    let steps: Vec<&str> = case.history.iter().map(|h| h.step.as_str()).collect();
    assert_eq!(steps, ["step1", "step2", "step3", "step4", "step5"]);
    let refused = plan.apply(
        &mut cases,
        &PlanAction::Decide {
            case: "c1".into(),
            outcome: "stable".into(),
            date: "2027-01-01".into(),
            event_date: None,
        },
    );
    assert!(matches!(refused, Err(Error::NotAllowed(_))));
}

#[test]
fn going_back_reopens_tasks_and_keeps_them_in_history() {
    let plan = plan();
    let mut cases = opened(&plan);
    let first_task = plan.steps[0].tasks[0].id.clone();
    act(
        &plan,
        &mut cases,
        PlanAction::SetTask {
            case: "c1".into(),
            task: first_task.clone(),
            done: Some("2026-04-02".into()),
        },
    );
    act(
        &plan,
        &mut cases,
        PlanAction::Advance {
            case: "c1".into(),
            date: "2026-05-01".into(),
            event_date: None,
        },
    );
    decide(&plan, &mut cases, "not_yet", "2026-05-15");
    let case = &cases.cases["c1"];
    assert_eq!(case.step.as_deref(), Some("step1"));
    assert!(!case.tasks_done.contains_key(&first_task));
    assert_eq!(case.history[1].reopened_tasks[&first_task], "2026-04-02");
    let progress = plan.case_progress(case);
    assert!(progress[0].current);
    assert_eq!(progress[0].visits, 1);
    assert_eq!(progress[1].visits, 1);
}

#[test]
fn trial_commuting_tasks_appear_only_when_used() {
    let plan = plan();
    let mut cases = opened(&plan);
    let step3 = plan.step("step3").unwrap();
    let without = plan.tasks_for(step3, &cases.cases["c1"]).count();
    act(
        &plan,
        &mut cases,
        PlanAction::SetField {
            case: "c1".into(),
            field: "trial_commuting".into(),
            value: "yes".into(),
        },
    );
    let with = plan.tasks_for(step3, &cases.cases["c1"]).count();
    assert!(with > without, "{with} > {without}");
}

#[test]
fn follow_up_dates_count_from_the_return_date() {
    let plan = plan();
    let mut cases = opened(&plan);
    assert!(plan.follow_up_dates(&cases.cases["c1"]).is_empty());
    act(
        &plan,
        &mut cases,
        PlanAction::SetField {
            case: "c1".into(),
            field: "return_date".into(),
            value: "2026-12-25".into(),
        },
    );
    let dates = plan.follow_up_dates(&cases.cases["c1"]);
    assert_eq!(dates[0].date, "2027-01-01");
    assert_eq!(dates.len(), plan.follow_up.offsets_days.len());
}

#[test]
fn bad_values_are_refused_and_change_nothing() {
    let plan = plan();
    let mut cases = opened(&plan);
    let before = cases.clone();
    for action in [
        PlanAction::SetField {
            case: "c1".into(),
            field: "return_date".into(),
            value: "soon".into(),
        },
        PlanAction::SetField {
            case: "c1".into(),
            field: "trial_commuting".into(),
            value: "perhaps".into(),
        },
        PlanAction::SetField {
            case: "c9".into(),
            field: "return_date".into(),
            value: "2026-01-01".into(),
        },
        PlanAction::Decide {
            case: "c1".into(),
            outcome: "yes".into(),
            date: "2026-01-01".into(),
            event_date: None,
        },
        PlanAction::OpenCase {
            case: "c1".into(),
            label: "dup".into(),
            date: "2026-01-01".into(),
        },
    ] {
        assert!(plan.apply(&mut cases, &action).is_err(), "{action:?}");
        assert_eq!(cases, before);
    }
}

#[test]
fn a_decision_carries_the_day_it_happened_as_well_as_the_day_recorded() {
    let plan = plan();
    let mut cases = opened(&plan);
    plan.apply(
        &mut cases,
        &PlanAction::Advance {
            case: "c1".into(),
            date: "2026-12-04".into(),
            event_date: Some("2026-11-25".into()),
        },
    )
    .unwrap();
    let entry = &cases.cases["c1"].history[0];
    assert_eq!(entry.date, "2026-12-04");
    assert_eq!(entry.event_day(), "2026-11-25");
    // Corrected later; the same day as recorded stores nothing extra.
    plan.apply(
        &mut cases,
        &PlanAction::SetEventDate {
            case: "c1".into(),
            entry: 0,
            event_date: "2026-11-26".into(),
        },
    )
    .unwrap();
    assert_eq!(cases.cases["c1"].history[0].event_day(), "2026-11-26");
    plan.apply(
        &mut cases,
        &PlanAction::SetEventDate {
            case: "c1".into(),
            entry: 0,
            event_date: "2026-12-04".into(),
        },
    )
    .unwrap();
    assert_eq!(cases.cases["c1"].history[0].event_date, None);
    // Never after the day recorded, never an impossible day, never a missing entry.
    for (entry, day) in [(0, "2026-12-05"), (0, "2026-02-30"), (7, "2026-11-01")] {
        let before = cases.clone();
        assert!(plan
            .apply(
                &mut cases,
                &PlanAction::SetEventDate {
                    case: "c1".into(),
                    entry,
                    event_date: day.into(),
                },
            )
            .is_err());
        assert_eq!(cases, before);
    }
}

#[test]
fn history_without_an_event_date_still_reads_and_a_later_event_date_is_refused_on_import() {
    let older: HistoryEntry = serde_json::from_str(
        r#"{"date": "2026-12-04", "step": "step1", "outcome": "advance", "next": "step2"}"#,
    )
    .unwrap();
    assert_eq!(older.event_date, None);
    assert_eq!(older.event_day(), "2026-12-04");
    let plan = plan();
    let mut cases = opened(&plan);
    let case = cases.cases.get_mut("c1").unwrap();
    case.history.push(HistoryEntry {
        event_date: Some("2026-11-25".into()),
        ..older.clone()
    });
    assert_eq!(crate::imported::check_plan(&plan, &cases), Ok(()));
    cases.cases.get_mut("c1").unwrap().history[0].event_date = Some("2026-12-05".into());
    assert!(matches!(
        crate::imported::check_plan(&plan, &cases),
        Err(Error::InvalidDate(_))
    ));
}

#[test]
fn wiping_empties_the_cases() {
    let plan = plan();
    let mut cases = opened(&plan);
    cases
        .cases
        .get_mut("c1")
        .unwrap()
        .fields
        .insert("worker_name".into(), "山田".into());
    cases.wipe();
    assert_eq!(cases, PlanCases::default());
}

/// Downloads carried only the day: two cases' letters, plans and calendars had the same
/// names. A case's files carry its label, made safe in a file name.
#[test]
fn a_case_files_carry_its_label_made_safe() {
    let case = |label: &str| Case {
        label: label.into(),
        opened: "2026-01-01".into(),
        ..Case::default()
    };
    assert_eq!(
        case("ケースA").file_stem("職場復帰支援プラン", "2026-12-07"),
        "職場復帰支援プラン-ケースA-2026-12-07"
    );
    assert_ne!(
        case("ケースA").file_stem("x", "2026-12-07"),
        case("ケースB").file_stem("x", "2026-12-07")
    );
    assert_eq!(
        case("営業部/A: 2").file_stem("x", "2026-12-07"),
        "x-営業部-A-2-2026-12-07"
    );
    assert_eq!(case("..").file_stem("x", "2026-12-07"), "x-2026-12-07");
}

/// The case card's 「開始日」 was the day the record was made, not the leave's: the pack names
/// the field a case starts on (休業開始日), shown once filled in; until then the card says the
/// record's day under its own name.
#[test]
fn a_case_starts_on_the_first_day_of_leave_once_known() {
    let plan = plan();
    let mut case = Case {
        label: "A".into(),
        opened: "2026-07-01".into(),
        ..Case::default()
    };
    assert_eq!(plan.case_start(&case), CaseStart::Recorded("2026-07-01"));
    case.fields
        .insert("leave_start".into(), "2026-06-01".into());
    match plan.case_start(&case) {
        CaseStart::Field { label, date } => {
            assert_eq!(date, "2026-06-01");
            assert_eq!(label.ja, "休業開始日");
        }
        other => panic!("{other:?}"),
    }
    let overview = super::report::case_overview_html(
        &load_pack(include_bytes!("../../../../content/return-to-work.json")).unwrap(),
        &case,
        crate::text::Lang::Ja,
    )
    .unwrap();
    assert!(overview.contains("休業開始日: 2026年6月1日"), "{overview}");
}

fn advance(plan: &Plan, cases: &mut PlanCases, date: &str) {
    act(
        plan,
        cases,
        PlanAction::Advance {
            case: "c1".into(),
            date: date.into(),
            event_date: None,
        },
    );
}

fn undo(plan: &Plan, cases: &mut PlanCases) -> crate::error::Result<()> {
    plan.apply(cases, &PlanAction::UndoDecision { case: "c1".into() })
}

#[test]
fn undoing_a_decision_puts_the_case_back_at_its_step() {
    let plan = plan();
    let mut cases = opened(&plan);
    advance(&plan, &mut cases, "2026-05-01");
    let at_step2 = cases.clone();
    decide(&plan, &mut cases, "yes", "2026-06-01");
    assert_eq!(cases.cases["c1"].step.as_deref(), Some("step3"));
    undo(&plan, &mut cases).unwrap();
    assert_eq!(cases, at_step2, "as before the decision, history and all");
    // The move on from step 1 is taken back the same way.
    undo(&plan, &mut cases).unwrap();
    let case = &cases.cases["c1"];
    assert_eq!(case.step.as_deref(), Some("step1"));
    assert!(case.history.is_empty());
}

#[test]
fn undoing_a_decision_that_went_back_marks_its_reopened_tasks_done_again_on_their_dates() {
    let plan = plan();
    let mut cases = opened(&plan);
    let first_task = plan.steps[0].tasks[0].id.clone();
    act(
        &plan,
        &mut cases,
        PlanAction::SetTask {
            case: "c1".into(),
            task: first_task.clone(),
            done: Some("2026-04-02".into()),
        },
    );
    advance(&plan, &mut cases, "2026-05-01");
    let before = cases.clone();
    decide(&plan, &mut cases, "not_yet", "2026-05-15");
    assert!(!cases.cases["c1"].tasks_done.contains_key(&first_task));
    undo(&plan, &mut cases).unwrap();
    let case = &cases.cases["c1"];
    assert_eq!(case.step.as_deref(), Some("step2"));
    assert_eq!(case.tasks_done[&first_task], "2026-04-02");
    assert_eq!(cases, before);
}

#[test]
fn undoing_the_decision_that_closed_a_case_reopens_it_at_the_step_it_closed_from() {
    let plan = plan();
    let mut cases = opened(&plan);
    advance(&plan, &mut cases, "2026-05-01");
    decide(&plan, &mut cases, "yes", "2026-06-01");
    decide(&plan, &mut cases, "possible", "2026-06-10");
    decide(&plan, &mut cases, "return", "2026-06-20");
    decide(&plan, &mut cases, "stable", "2026-12-20");
    assert_eq!(cases.cases["c1"].step, None);
    undo(&plan, &mut cases).unwrap();
    let case = &cases.cases["c1"];
    assert_eq!(case.step.as_deref(), Some("step5"));
    assert_eq!(case.history.len(), 4);
    // Open again: the case records and decides as before.
    decide(&plan, &mut cases, "stable", "2026-12-21");
    assert_eq!(cases.cases["c1"].step, None);
    assert_eq!(cases.cases["c1"].history[4].date, "2026-12-21");
}

#[test]
fn undoing_without_a_decision_is_refused_and_changes_nothing() {
    let plan = plan();
    let mut cases = opened(&plan);
    let before = cases.clone();
    assert!(matches!(undo(&plan, &mut cases), Err(Error::NotAllowed(_))));
    assert_eq!(cases, before);
    assert!(matches!(
        plan.apply(&mut cases, &PlanAction::UndoDecision { case: "c9".into() }),
        Err(Error::UnknownId(_))
    ));
    assert_eq!(cases, before);
}

fn with_dates(plan: &Plan, dates: &[(&str, &str)]) -> PlanCases {
    let mut cases = opened(plan);
    for (field, value) in dates {
        act(
            plan,
            &mut cases,
            PlanAction::SetField {
                case: "c1".into(),
                field: (*field).into(),
                value: (*value).into(),
            },
        );
    }
    cases
}

#[test]
fn a_return_date_before_the_leave_began_is_warned_about_and_kept() {
    let plan = plan();
    let cases = with_dates(
        &plan,
        &[("leave_start", "2026-04-01"), ("return_date", "2026-03-20")],
    );
    let case = &cases.cases["c1"];
    assert_eq!(case.fields["return_date"], "2026-03-20", "kept as entered");
    assert_eq!(
        plan.date_warnings(case, "2026-12-08"),
        [DateWarning {
            field: "return_date",
            problem: DateProblem::BeforeOther {
                other: "leave_start",
                date: "2026-04-01",
            },
        }]
    );
    // The same day, or later, is no contradiction; nor is a date compared with an empty field.
    for value in ["2026-04-01", "2026-10-01"] {
        let cases = with_dates(
            &plan,
            &[("leave_start", "2026-04-01"), ("return_date", value)],
        );
        assert!(plan
            .date_warnings(&cases.cases["c1"], "2026-12-08")
            .is_empty());
    }
    let cases = with_dates(&plan, &[("return_date", "2026-03-20")]);
    assert!(plan
        .date_warnings(&cases.cases["c1"], "2026-12-08")
        .is_empty());
}

#[test]
fn dates_of_the_letter_the_plan_and_the_return_are_checked_against_the_ones_before_them() {
    let plan = plan();
    let cases = with_dates(
        &plan,
        &[
            ("leave_start", "2026-04-01"),
            ("letter_date", "2026-03-31"),
            ("doctor_judgement_date", "2026-09-01"),
            ("plan_date", "2026-09-10"),
            ("plan_explained_date", "2026-09-09"),
            ("final_decision_date", "2026-09-20"),
            ("return_date", "2026-09-15"),
            ("closure_date", "2026-09-14"),
        ],
    );
    let found: Vec<(&str, &str)> = plan
        .date_warnings(&cases.cases["c1"], "2026-12-08")
        .iter()
        .map(|w| match w.problem {
            DateProblem::BeforeOther { other, .. } => (w.field, other),
            _ => (w.field, "?"),
        })
        .collect();
    assert_eq!(
        found,
        [
            ("letter_date", "leave_start"),
            ("return_date", "final_decision_date"),
            ("plan_explained_date", "plan_date"),
            ("closure_date", "return_date"),
        ]
    );
}

#[test]
fn a_birth_date_in_the_future_or_under_fifteen_years_ago_is_warned_about() {
    let plan = plan();
    let warnings = |birth: &str| {
        let cases = with_dates(&plan, &[("worker_birthdate", birth)]);
        plan.date_warnings(&cases.cases["c1"], "2026-12-08")
            .iter()
            .map(|w| format!("{} {:?}", w.field, w.problem))
            .collect::<Vec<_>>()
    };
    assert_eq!(warnings("2027-01-01"), ["worker_birthdate InTheFuture"]);
    assert_eq!(
        warnings("2011-12-09"),
        ["worker_birthdate YoungerThan { min_age: 15 }"]
    );
    assert!(warnings("2011-12-08").is_empty(), "fifteen today");
    assert!(warnings("1988-04-12").is_empty());
}

#[test]
fn a_date_rule_names_date_fields_only() {
    let mut pack: serde_json::Value =
        serde_json::from_slice(include_bytes!("../../../../content/return-to-work.json")).unwrap();
    let fields = pack["kit"]["fields"].as_array_mut().unwrap();
    let index =
        |fields: &[serde_json::Value], id: &str| fields.iter().position(|f| f["id"] == id).unwrap();
    let return_date = index(fields, "return_date");
    let worker_name = index(fields, "worker_name");
    fields[return_date]["not_before"] =
        serde_json::json!(["nowhere", "worker_name", "return_date"]);
    fields[worker_name]["min_age"] = serde_json::json!(15);
    let bytes = serde_json::to_vec(&pack).unwrap();
    let Err(diagnostics) = load_pack(&bytes) else {
        panic!("refused")
    };
    let found: Vec<(&str, String)> = diagnostics
        .iter()
        .map(|d| (d.code.as_str(), d.path.clone()))
        .collect();
    for expected in [
        (
            "unknown_ref",
            format!("/kit/fields/{return_date}/not_before/0"),
        ),
        (
            "wrong_field_kind",
            format!("/kit/fields/{return_date}/not_before/1"),
        ),
        (
            "wrong_field_kind",
            format!("/kit/fields/{return_date}/not_before/2"),
        ),
        ("wrong_field_kind", format!("/kit/fields/{worker_name}")),
    ] {
        assert!(
            found.contains(&(expected.0, expected.1.clone())),
            "{expected:?} in {found:?}"
        );
    }
}
