//! xAPI statements: `completed` per completed module and for the course, `passed` for a
//! module passed but not complete, with scores, success, timestamps and the given IRI base.

use kizuki_core::kind::course::{Course, CourseProgress};
use kizuki_core::{xapi, Error, Lang};

use crate::golden::{cases, test_pack, ACTIVITY_BASE};

fn progress(case: &str) -> CourseProgress {
    let pack = test_pack("course");
    let (_, export) = cases("course", &pack)
        .into_iter()
        .find(|(name, _)| name == case)
        .unwrap();
    let Some(progress) = export.state.into_state::<Course>() else {
        unreachable!()
    };
    progress
}

#[test]
fn a_completed_course_gives_one_completed_statement_per_module_and_one_for_the_course() {
    let pack = test_pack("course");
    let base = format!("{ACTIVITY_BASE}/");
    let statements =
        xapi::course_statements(&pack, &progress("completed"), &base, Lang::Ja).unwrap();
    let summary: Vec<(&str, &str, Option<&str>)> = statements
        .iter()
        .map(|s| (s.verb.id, s.object.id.as_str(), s.timestamp.as_deref()))
        .collect();
    assert_eq!(
        summary,
        [
            (
                xapi::VERB_COMPLETED,
                "https://center.example.jp/xapi/test-course/four-cares",
                Some("2026-03-02T01:15:30.250Z")
            ),
            (
                xapi::VERB_COMPLETED,
                "https://center.example.jp/xapi/test-course/noticing",
                Some("2026-03-05T07:40:02.000Z")
            ),
            (
                xapi::VERB_COMPLETED,
                "https://center.example.jp/xapi/test-course",
                Some("2026-03-05T07:40:02.000Z")
            ),
        ]
    );
    assert!(statements.iter().all(|s| s.result.success));
    assert!((statements[0].result.score.scaled - 1.0).abs() < f64::EPSILON);
    let json: serde_json::Value =
        serde_json::from_str(&xapi::statements_json(&statements)).unwrap();
    assert_eq!(json[0]["actor"]["objectType"], "Agent");
    assert_eq!(json[0]["actor"]["name"], "山田 花子");
    assert_eq!(json[0]["actor"]["account"]["homePage"], ACTIVITY_BASE);
    // The account is the record's opaque id, never the typed name.
    assert_eq!(
        json[0]["actor"]["account"]["name"],
        "5f0c6a7e9b2d4c1a8e3f7b6d2c9a0e41"
    );
    assert_eq!(
        json[0]["context"]["contextActivities"]["parent"][0]["id"],
        "https://center.example.jp/xapi/test-course"
    );
}

#[test]
fn a_module_passed_but_not_finished_gives_a_passed_statement_only() {
    let pack = test_pack("course");
    let statements =
        xapi::course_statements(&pack, &progress("in-progress"), ACTIVITY_BASE, Lang::En).unwrap();
    assert_eq!(statements.len(), 1);
    assert_eq!(statements[0].verb.id, xapi::VERB_PASSED);
    assert!(statements[0].result.success);
    assert!(!statements[0].result.completion);
    // Saved before moments were kept: no timestamp rather than a made-up midnight.
    let json: serde_json::Value =
        serde_json::from_str(&xapi::statements_json(&statements)).unwrap();
    assert!(json[0].get("timestamp").is_none());
}

#[test]
fn a_missing_name_or_a_non_http_base_is_refused() {
    let pack = test_pack("course");
    let mut anonymous = progress("completed");
    anonymous.learner_name = "  ".into();
    assert!(matches!(
        xapi::course_statements(&pack, &anonymous, ACTIVITY_BASE, Lang::Ja),
        Err(Error::NotAllowed(_))
    ));
    assert!(matches!(
        xapi::course_statements(&pack, &progress("completed"), "urn:x", Lang::Ja),
        Err(Error::NotAllowed(_))
    ));
    let mut no_id = progress("completed");
    no_id.learner_id.clear();
    assert!(matches!(
        xapi::course_statements(&pack, &no_id, ACTIVITY_BASE, Lang::Ja),
        Err(Error::NotAllowed(_))
    ));
}
