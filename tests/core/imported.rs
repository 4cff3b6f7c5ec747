//! Results computed, never trusted: an import recomputes what follows from the answers.

use kizuki_core::export::import;
use kizuki_core::kind::checklist::Checklist;
use kizuki_core::kind::course::Course;
use kizuki_core::load_pack;

fn committed(pack: &str) -> kizuki_core::ValidPack {
    let path = crate::repo_root()
        .join("content")
        .join(format!("{pack}.json"));
    load_pack(&std::fs::read(path).unwrap()).unwrap()
}

fn hostile(file: &str) -> Vec<u8> {
    std::fs::read(crate::repo_root().join("tests/data/hostile").join(file)).unwrap()
}

#[test]
fn a_forged_course_completion_is_recomputed_to_fail() {
    let pack = committed("linecare");
    let Some(course) = pack.content::<Course>() else {
        panic!("linecare is a course")
    };
    let bytes = hostile("export-forged-course-completion.json");
    // The file claims every module passed with 100 %.
    let claimed: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    let modules = claimed["state"]["data"]["modules"].as_object().unwrap();
    assert_eq!(modules.len(), course.modules.len());
    assert!(modules
        .values()
        .all(|m| m["attempts"][0]["passed"] == true && m["attempts"][0]["percent"] == 100));
    let export = import(&pack, &bytes).expect("the answers themselves fit the pack");
    let Some(progress) = export.state.get::<Course>() else {
        panic!("a course state")
    };
    for module in progress.modules.values() {
        for attempt in &module.attempts {
            assert!(!attempt.passed);
            assert_eq!((attempt.correct, attempt.percent), (0, 0));
        }
    }
    let result = course.result(progress);
    assert_eq!(result.completed_modules, 0);
    assert_eq!(result.completed_on, None);
    assert!(result.modules.iter().all(|m| !m.passed && !m.completed));

    // What the file claimed and what its answers give, one line per attempt, for the person.
    let (_, changed) = kizuki_core::export::import_checked(&pack, &bytes).unwrap();
    assert_eq!(changed.len(), course.modules.len());
    for claim in &changed {
        assert_eq!((claim.claimed_percent, claim.claimed_passed), (100, true));
        assert_eq!((claim.percent, claim.passed), (0, false));
    }
    let honest = kizuki_core::export::Export::new(
        &pack,
        export.state.clone(),
        "2026-12-06T00:00:00.000Z",
        1,
    );
    let (_, unchanged) =
        kizuki_core::export::import_checked(&pack, honest.to_json().as_bytes()).unwrap();
    assert!(
        unchanged.is_empty(),
        "a file as Kizuki wrote it claims nothing new"
    );
}

#[test]
fn a_course_attempt_with_an_impossible_date_is_refused() {
    let pack = committed("linecare");
    let error = import(&pack, &hostile("export-course-attempt-bad-date.json")).unwrap_err();
    assert_eq!(error.code(), "invalid_date");
}

#[test]
fn plan_dates_and_history_ids_are_checked() {
    let pack = committed("return-to-work");
    let good = hostile("export-return-to-work-case.json");
    assert!(import(&pack, &good).is_ok());
    let value: serde_json::Value = serde_json::from_slice(&good).unwrap();
    let case_id = value["state"]["data"]["cases"]
        .as_object()
        .unwrap()
        .keys()
        .next()
        .unwrap()
        .clone();
    let with_case = |change: &dyn Fn(&mut serde_json::Value)| {
        let mut changed = value.clone();
        change(&mut changed["state"]["data"]["cases"][&case_id]);
        serde_json::to_vec(&changed).unwrap()
    };
    let bad_opened = with_case(&|case| case["opened"] = "2026-02-30".into());
    let bad_done = with_case(&|case| {
        case["tasks_done"] = serde_json::json!({"s1-receive-certificate": "yesterday"});
    });
    let bad_history = with_case(&|case| {
        case["history"] = serde_json::json!([
            {"date": "2026-05-01", "step": "no-such-step", "outcome": "x", "next": null}
        ]);
    });
    for (what, bytes, code) in [
        ("opened", bad_opened, "invalid_date"),
        ("done on", bad_done, "invalid_date"),
        ("history", bad_history, "does_not_fit"),
    ] {
        assert_eq!(
            import(&pack, &bytes).map(|_| ()).unwrap_err().code(),
            code,
            "{what}"
        );
    }
}

#[test]
fn a_checklist_export_carries_its_draft_plan_and_an_unknown_plan_section_is_refused() {
    let pack = crate::golden::test_pack("checklist");
    let export = |plan: &str| {
        format!(
            r#"{{"kizuki_export":2,"pack_id":"test-checklist","pack_version":"1.0.0","saved_at":"2026-11-22T10:00:00+09:00","revision":1,"state":{{"kind":"checklist","data":{{"profile":{{"size":"10to49"}},"plan":{plan}}}}}}}"#
        )
    };
    let imported = import(&pack, export(r#"{"policy":"方針の本文"}"#).as_bytes()).unwrap();
    let Some(answers) = imported.state.get::<Checklist>() else {
        panic!("a checklist state")
    };
    assert_eq!(answers.plan["policy"], "方針の本文");
    let error = import(&pack, export(r#"{"appendix":"x"}"#).as_bytes()).unwrap_err();
    assert_eq!(error.code(), "does_not_fit", "{error}");
}
