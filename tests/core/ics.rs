//! Follow-up calendars: valid RFC 5545 lines (CRLF, 75-octet folding, TEXT escaping),
//! stable UIDs, and nothing but the case label and the meeting in each event.

use kizuki_core::kind::plan::{Case, Plan};
use kizuki_core::{ics, Lang};

use crate::golden::{cases, test_pack, text_places, with_text_at, DTSTAMP};

fn case_a() -> Case {
    let pack = test_pack("plan");
    let (_, export) = cases("plan", &pack).into_iter().next().unwrap();
    let Some(cases) = export.state.into_state::<Plan>() else {
        unreachable!()
    };
    cases.cases["case-a"].clone()
}

/// Unfolds content lines (RFC 5545 §3.1).
fn unfold(calendar: &str) -> Vec<String> {
    calendar
        .replace("\r\n ", "")
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn lines_end_in_crlf_and_fold_within_75_octets() {
    let pack = test_pack("plan");
    let mut case = case_a();
    case.label = "とても長いケースの名前".repeat(6);
    let calendar = ics::case_ics(&pack, "case-a", &case, Lang::Ja, DTSTAMP).unwrap();
    assert!(calendar.ends_with("END:VCALENDAR\r\n"));
    assert!(!calendar.replace("\r\n", "").contains('\n'), "bare LF");
    assert!(!calendar.replace("\r\n", "").contains('\r'), "bare CR");
    let physical: Vec<&str> = calendar.split("\r\n").collect();
    assert!(physical.iter().all(|l| l.len() <= 75));
    assert!(
        physical.iter().any(|l| l.starts_with(' ')),
        "the label folds"
    );
    let summary = unfold(&calendar)
        .into_iter()
        .find(|l| l.starts_with("SUMMARY:"))
        .unwrap();
    assert!(
        summary.contains(&case.label),
        "folding keeps characters whole"
    );
}

#[test]
fn one_all_day_event_per_follow_up_date_with_stable_uids() {
    let pack = test_pack("plan");
    let case = case_a();
    let calendar = ics::case_ics(&pack, "case-a", &case, Lang::En, DTSTAMP).unwrap();
    let lines = unfold(&calendar);
    let starts: Vec<&str> = lines
        .iter()
        .filter_map(|l| l.strip_prefix("DTSTART;VALUE=DATE:"))
        .collect();
    assert_eq!(starts, ["20260408", "20260501", "20260630"]);
    assert!(lines.contains(&"DTEND;VALUE=DATE:20260409".to_string()));
    assert!(lines.contains(&"DTSTAMP:20261122T000000Z".to_string()));
    assert!(lines.contains(&"UID:kizuki-test-plan-case-a-follow-up-30".to_string()));
    assert!(lines.contains(&"SUMMARY:Aさん: Follow-up meeting (30 days after)".to_string()));
    let later = ics::case_ics(&pack, "case-a", &case, Lang::En, "2027-01-01T00:00:00Z").unwrap();
    let uids = |text: &str| -> Vec<String> {
        unfold(text)
            .into_iter()
            .filter(|l| l.starts_with("UID:"))
            .collect()
    };
    assert_eq!(
        uids(&calendar),
        uids(&later),
        "re-importing updates the same events"
    );
    assert_eq!(
        calendar,
        ics::case_ics(&pack, "case-a", &case, Lang::En, DTSTAMP).unwrap()
    );
}

#[test]
fn events_carry_no_health_details() {
    let pack = test_pack("plan");
    let case = case_a();
    let calendar = ics::case_ics(&pack, "case-a", &case, Lang::Ja, DTSTAMP).unwrap();
    for value in case.fields.values().chain(case.notes.values()) {
        for line in value.lines() {
            assert!(!calendar.contains(line), "{line:?} is in the calendar");
        }
    }
    assert!(!calendar.contains("DESCRIPTION"));
}

#[test]
fn text_values_escape_commas_semicolons_backslashes_and_newlines() {
    let pack = test_pack("plan");
    let mut case = case_a();
    case.label = "A,B;C\\D\nE".into();
    let calendar = ics::case_ics(&pack, "case-a", &case, Lang::En, DTSTAMP).unwrap();
    assert!(
        unfold(&calendar)
            .contains(&"SUMMARY:A\\,B\\;C\\\\D\\nE: Follow-up meeting (7 days after)".to_string()),
        "{calendar}"
    );
}

#[test]
fn a_case_without_a_return_date_or_a_bad_stamp_is_refused() {
    let pack = test_pack("plan");
    let mut case = case_a();
    assert!(ics::case_ics(&pack, "case-a", &case, Lang::Ja, "2026-11-22").is_err());
    case.fields.remove("return_date");
    assert!(ics::case_ics(&pack, "case-a", &case, Lang::Ja, DTSTAMP).is_err());
}

/// Hostile text in every place a case takes text still gives lines within 75 octets.
#[test]
fn every_case_text_hostile_still_folds_within_75_octets() {
    let pack = test_pack("plan");
    for (name, export) in cases("plan", &pack) {
        let hostile = "<script>alert(1)</script>\"'&;,\\";
        // The cases that have a calendar (follow-up dates set).
        let with_dates: Vec<String> = export
            .state
            .get::<Plan>()
            .unwrap()
            .cases
            .iter()
            .filter(|(id, case)| ics::case_ics(&pack, id, case, Lang::Ja, DTSTAMP).is_ok())
            .map(|(id, _)| id.clone())
            .collect();
        assert!(!with_dates.is_empty(), "{name}: a case has follow-up dates");
        let calendars = |state: &kizuki_core::export::KitState| {
            let cases = &state.get::<Plan>().unwrap().cases;
            let made = with_dates.iter().flat_map(|id| {
                [Lang::Ja, Lang::En].map(|lang| ics::case_ics(&pack, id, &cases[id], lang, DTSTAMP))
            });
            made.collect::<Result<Vec<_>, _>>()
        };
        // A date is refused (never a calendar with a made-up day): those places are left.
        let places: Vec<String> = text_places(&pack, &export.state)
            .into_iter()
            .filter(|place| {
                let one = with_text_at(&export.state, std::slice::from_ref(place), hostile);
                calendars(&one).is_ok()
            })
            .collect();
        assert!(places.len() >= 2, "{name}: a case holds text ({places:?})");
        let state = with_text_at(&export.state, &places, hostile);
        for calendar in calendars(&state).unwrap() {
            assert!(calendar.split("\r\n").all(|l| l.len() <= 75), "{name}");
            assert!(
                calendar.contains("alert(1)"),
                "{name}: the label is in the calendar"
            );
        }
    }
}
