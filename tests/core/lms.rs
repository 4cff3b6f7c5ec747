//! What the course reports to an LMS: SCORM 1.2 values, suspend data within 4096 bytes
//! (reduced, or not sent, when larger), resuming from it, and cmi5 statements.

use kizuki_core::cmi5::{self, Cmi5Launch, Cmi5Record, Cmi5Verb};
use kizuki_core::kind::course::{Course, CourseAction, CourseProgress};
use kizuki_core::lms::{self, ResumeFrom, SuspendData, SCORM12_SUSPEND_LIMIT};
use kizuki_core::{load_pack, ValidPack};

use crate::repo_root;

fn linecare() -> ValidPack {
    load_pack(&std::fs::read(repo_root().join("content/linecare.json")).unwrap()).unwrap()
}

fn course(pack: &ValidPack) -> &Course {
    pack.content::<Course>().unwrap()
}

fn apply(course: &Course, progress: &mut CourseProgress, action: CourseAction) {
    course.apply(progress, &action).unwrap();
}

/// Takes one module's quiz: answers every question shown, right or (`wrong`) wrong.
fn take_quiz(course: &Course, progress: &mut CourseProgress, module: &str, wrong: bool, n: u64) {
    let found = course.module(module).unwrap();
    let retake = progress
        .modules
        .get(module)
        .is_some_and(|m| !m.attempts.is_empty());
    let action = if retake {
        CourseAction::RetakeQuiz {
            module: module.into(),
            seed: n,
        }
    } else {
        CourseAction::DrawQuiz {
            module: module.into(),
            seed: n,
        }
    };
    apply(course, progress, action);
    for shown in course.quiz_shown(progress, found) {
        let question = found
            .quiz
            .questions
            .iter()
            .find(|q| q.id == shown.question)
            .unwrap();
        for option in question.options.iter().filter(|o| o.correct != wrong) {
            apply(
                course,
                progress,
                CourseAction::ToggleOption {
                    module: module.into(),
                    question: question.id.clone(),
                    option: option.id.clone(),
                },
            );
            if !matches!(
                question.kind,
                kizuki_core::kind::course::QuestionKind::Multiple
            ) {
                break;
            }
        }
    }
    apply(
        course,
        progress,
        CourseAction::SubmitQuiz {
            module: module.into(),
            date: "2026-12-06".into(),
            at: Some("2026-12-06T01:02:03.000Z".into()),
        },
    );
}

/// Does everything in one module: lessons, scenarios (first choice each time), `failures`
/// failed attempts and then a passing one, both ratings, some active time.
fn finish_module(course: &Course, progress: &mut CourseProgress, index: usize, failures: u64) {
    let module = course.modules[index].clone();
    for lesson in &module.lessons {
        apply(
            course,
            progress,
            CourseAction::ReadLesson {
                module: module.id.clone(),
                lesson: lesson.id.clone(),
            },
        );
    }
    for scenario in &module.scenarios {
        for _ in 0..20 {
            let state = course.scenario_state(progress, &module.id, &scenario.id);
            let Some(state) = state.filter(|s| !s.finished) else {
                break;
            };
            let node = scenario.nodes.iter().find(|n| n.id == state.node).unwrap();
            apply(
                course,
                progress,
                CourseAction::Choose {
                    module: module.id.clone(),
                    scenario: scenario.id.clone(),
                    choice: node.choices[0].id.clone(),
                },
            );
        }
    }
    for n in 0..failures {
        take_quiz(course, progress, &module.id, true, n + 1);
    }
    take_quiz(course, progress, &module.id, false, 99);
    for (question, option) in [("understanding", "very"), ("usefulness", "mostly")] {
        apply(
            course,
            progress,
            CourseAction::SetFeedback {
                module: module.id.clone(),
                question: question.into(),
                option: option.into(),
            },
        );
    }
    apply(
        course,
        progress,
        CourseAction::AddActiveTime {
            module: module.id.clone(),
            seconds: 300,
        },
    );
}

fn started(course: &Course) -> CourseProgress {
    let mut progress = CourseProgress::default();
    apply(
        course,
        &mut progress,
        CourseAction::SetLearnerName {
            name: "山田 花子".into(),
        },
    );
    apply(
        course,
        &mut progress,
        CourseAction::SetLearnerId {
            id: "5f0c6a7e9b2d4c1a8e3f7b6d2c9a0e41".into(),
        },
    );
    progress
}

fn value<'a>(values: &'a [(String, String)], key: &str) -> Option<&'a str> {
    values
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

#[test]
fn scorm12_reports_incomplete_with_score_time_location_and_objectives_mid_course() {
    let pack = linecare();
    let course = course(&pack);
    let at_launch = started(course);
    let mut progress = at_launch.clone();
    finish_module(course, &mut progress, 0, 1);
    apply(
        course,
        &mut progress,
        CourseAction::Visit {
            module: course.modules[1].id.clone(),
            screen: "lesson:0".into(),
        },
    );
    let suspend = lms::suspend_data(&pack, &progress, "2026-12-06T10:00:00+09:00", 3, 4096);
    let values = lms::scorm12_values(&pack, &progress, &at_launch, &suspend);
    assert_eq!(value(&values, "cmi.core.lesson_status"), Some("incomplete"));
    // One of eight modules at 100 %, the others 0: the mean rounds to 13.
    assert_eq!(value(&values, "cmi.core.score.raw"), Some("13"));
    assert_eq!(value(&values, "cmi.core.score.max"), Some("100"));
    assert_eq!(
        value(&values, "cmi.core.session_time"),
        Some("0000:05:00.00")
    );
    assert_eq!(value(&values, "cmi.core.exit"), Some("suspend"));
    assert_eq!(
        value(&values, "cmi.core.lesson_location"),
        Some(format!("{}/lesson:0", course.modules[1].id).as_str())
    );
    assert_eq!(
        value(&values, "cmi.objectives.0.id"),
        Some(course.modules[0].id.as_str())
    );
    assert_eq!(value(&values, "cmi.objectives.0.status"), Some("passed"));
    assert_eq!(
        value(&values, "cmi.objectives.1.status"),
        Some("not attempted")
    );
    assert_eq!(value(&values, "cmi.suspend_data"), suspend.text());
    // The suspend data resumes to the same record.
    let resumed = lms::resume(&pack, suspend.text().unwrap())
        .unwrap()
        .unwrap();
    assert_eq!(resumed, progress);
}

#[test]
fn scorm12_reports_passed_once_every_module_is_complete() {
    let pack = linecare();
    let course = course(&pack);
    let at_launch = started(course);
    let mut progress = at_launch.clone();
    for index in 0..course.modules.len() {
        finish_module(course, &mut progress, index, 0);
    }
    let suspend = lms::suspend_data(&pack, &progress, "2026-12-06T10:00:00+09:00", 9, 4096);
    // A whole course taken in one attempt per module fits whole.
    let SuspendData::Full(_) = &suspend else {
        panic!("expected the whole record, got {suspend:?}");
    };
    let values = lms::scorm12_values(&pack, &progress, &at_launch, &suspend);
    assert_eq!(value(&values, "cmi.core.lesson_status"), Some("passed"));
    assert_eq!(value(&values, "cmi.core.score.raw"), Some("100"));
    assert_eq!(value(&values, "cmi.core.exit"), Some(""));
    assert_eq!(
        value(&values, "cmi.core.session_time"),
        Some("0000:40:00.00")
    );
    let last = course.modules.len() - 1;
    assert_eq!(
        value(&values, &format!("cmi.objectives.{last}.status")),
        Some("passed")
    );
}

#[test]
fn a_whole_course_with_retakes_fits_scorm12_suspend_data_reduced_and_resumes_complete() {
    let pack = linecare();
    let course = course(&pack);
    let mut progress = started(course);
    // Four failed attempts before the pass in every module: far more than 4096 bytes.
    for index in 0..course.modules.len() {
        finish_module(course, &mut progress, index, 4);
    }
    let full = lms::suspend_data(&pack, &progress, "2026-12-06T10:00:00+09:00", 1, usize::MAX);
    assert!(full.text().unwrap().len() > SCORM12_SUSPEND_LIMIT);
    let suspend = lms::suspend_data(
        &pack,
        &progress,
        "2026-12-06T10:00:00+09:00",
        1,
        SCORM12_SUSPEND_LIMIT,
    );
    let SuspendData::Reduced {
        text,
        attempts_left_out,
    } = &suspend
    else {
        panic!("expected a reduced record, got {suspend:?}");
    };
    assert!(text.len() <= SCORM12_SUSPEND_LIMIT, "{} bytes", text.len());
    // Five attempts per module: the first passing (also the best) and the last are kept.
    assert!(*attempts_left_out >= course.modules.len() * 2);
    let resumed = lms::resume(&pack, text).unwrap().unwrap();
    let result = course.result(&resumed);
    assert!(
        result.completed_on.is_some(),
        "the resumed record is complete"
    );
    assert_eq!(course.result(&progress).modules, {
        // Same statuses and best scores; only attempt counts shrink.
        let mut modules = result.modules.clone();
        for (resumed, original) in modules.iter_mut().zip(course.result(&progress).modules) {
            resumed.attempts = original.attempts;
        }
        modules
    });
    // The browser's record holds more: a launch continues it, not the reduced one.
    assert_eq!(
        lms::choose_resume(&progress, Some(&resumed)),
        ResumeFrom::Local
    );
    assert_eq!(
        lms::choose_resume(&resumed, Some(&progress)),
        ResumeFrom::Lms
    );
    assert_eq!(lms::choose_resume(&progress, None), ResumeFrom::Local);
}

#[test]
fn a_record_too_large_even_reduced_is_not_sent() {
    let pack = linecare();
    let course = course(&pack);
    let mut progress = started(course);
    finish_module(course, &mut progress, 0, 0);
    let suspend = lms::suspend_data(&pack, &progress, "2026-12-06T10:00:00+09:00", 1, 200);
    assert!(matches!(suspend, SuspendData::TooLarge { bytes } if bytes > 200));
    assert_eq!(suspend.text(), None);
    let values = lms::scorm12_values(&pack, &progress, &progress, &suspend);
    assert_eq!(value(&values, "cmi.suspend_data"), None);
}

#[test]
fn suspend_data_is_checked_like_an_imported_file() {
    let pack = linecare();
    assert_eq!(lms::resume(&pack, "").unwrap(), None);
    assert_eq!(
        lms::resume(&pack, "not json").unwrap_err().code(),
        "invalid_json"
    );
    let course = course(&pack);
    let mut progress = started(course);
    finish_module(course, &mut progress, 0, 0);
    let text = lms::suspend_data(&pack, &progress, "2026-12-06T10:00:00+09:00", 1, 4096)
        .text()
        .unwrap()
        .to_string();
    // A "later" answer to the follow-up is part of the record, in the compact form too.
    let mut later = progress.clone();
    later.follow_up_later = Some("2026-12-20".into());
    let compact = lms::suspend_data(&pack, &later, "2026-12-06T10:00:00+09:00", 1, 4096);
    let text_later = compact.text().unwrap();
    assert_eq!(lms::resume(&pack, text_later).unwrap().unwrap(), later);
    let bad_day = text_later.replace("2026-12-20", "2026-02-30");
    assert_eq!(
        lms::resume(&pack, &bad_day).unwrap_err().code(),
        "invalid_date"
    );
    assert!(text.starts_with("{\"k\":1,"), "{text}");
    let resumed = lms::resume(&pack, &text).unwrap().unwrap();
    assert!(
        resumed.modules[&course.modules[0].id].attempts[0].passed,
        "recomputed"
    );
    assert_eq!(resumed, progress);
    // A place the pack does not have is refused, like an unknown id in a file.
    let broken = text.replacen("\"l\":[0,", "\"l\":[99,", 1);
    assert_ne!(broken, text);
    assert_eq!(
        lms::resume(&pack, &broken).unwrap_err().code(),
        "unknown_id"
    );
    let other_pack = text.replacen("\"p\":\"linecare\"", "\"p\":\"other\"", 1);
    assert_eq!(
        lms::resume(&pack, &other_pack).unwrap_err().code(),
        "wrong_pack"
    );
    // The envelope (cmi5's state document): an edited score is recomputed, never trusted.
    let envelope = lms::suspend_data(&pack, &progress, "2026-12-06T10:00:00+09:00", 1, usize::MAX)
        .text()
        .unwrap()
        .to_string();
    let edited = envelope.replacen("\"passed\":true", "\"passed\":false", 1);
    assert_ne!(edited, envelope);
    let resumed = lms::resume(&pack, &edited).unwrap().unwrap();
    assert!(resumed.modules[&course.modules[0].id].attempts[0].passed);
}

#[test]
fn ratings_are_sent_once_as_likert_interactions() {
    let pack = linecare();
    let course = course(&pack);
    let before = started(course);
    let mut progress = before.clone();
    finish_module(course, &mut progress, 0, 0);
    let new = lms::new_ratings(course, &before, &progress);
    assert_eq!(new.len(), 2);
    assert_eq!(new[0].question, "understanding");
    assert_eq!(new[0].place, 1);
    assert_eq!(new[1].place, 2);
    let values = lms::scorm12_interaction(5, &new[1]);
    assert_eq!(
        values,
        [
            (
                "cmi.interactions.5.id".to_string(),
                format!("{}.usefulness", course.modules[0].id)
            ),
            ("cmi.interactions.5.type".into(), "likert".into()),
            ("cmi.interactions.5.student_response".into(), "2".into()),
            ("cmi.interactions.5.result".into(), "neutral".into()),
        ]
    );
    assert!(lms::new_ratings(course, &progress, &progress).is_empty());
}

#[test]
fn time_spans_and_durations() {
    assert_eq!(lms::scorm12_timespan(0), "0000:00:00.00");
    assert_eq!(lms::scorm12_timespan(3723), "0001:02:03.00");
    // Hours are capped at the four digits SCORM 1.2 allows.
    assert_eq!(lms::scorm12_timespan(10_000 * 3600 + 61), "9999:01:01.00");
    assert_eq!(lms::iso8601_duration(3723), "PT1H2M3S");
    assert_eq!(lms::iso8601_duration(0), "PT0H0M0S");
}

#[test]
fn learner_namespaces_are_valid_and_apart() {
    let a = lms::learner_namespace("student@example.jp");
    let b = lms::learner_namespace("student#example.jp");
    assert_ne!(a, b);
    for namespace in [
        &a,
        &b,
        &lms::learner_namespace(&"x".repeat(500)),
        &lms::learner_namespace(""),
    ] {
        assert!(namespace.len() <= 64, "{namespace}");
        assert!(namespace
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')));
    }
}

fn launch_data(mode: &str, mastery: Option<f64>) -> Cmi5Launch {
    launch_with(mode, mastery, "CompletedAndPassed", None)
}

fn launch_with(
    mode: &str,
    mastery: Option<f64>,
    move_on: &str,
    return_url: Option<&str>,
) -> Cmi5Launch {
    let data = serde_json::json!({
        "contextTemplate": {
            "extensions": {"https://w3id.org/xapi/cmi5/context/extensions/sessionid": "s-1"},
            "contextActivities": {"grouping": [{"id": "https://lms.example/course/1"}]}
        },
        "launchMode": mode,
        "masteryScore": mastery,
        "moveOn": move_on,
        "returnURL": return_url,
    });
    Cmi5Launch::read(
        r#"{"objectType":"Agent","account":{"homePage":"https://lms.example","name":"u-42"}}"#,
        "d6b8f5a2-0000-4000-8000-000000000001",
        "https://center.example.jp/kizuki/linecare/au",
        &data.to_string(),
    )
    .unwrap()
}

#[test]
fn cmi5_statements_carry_registration_categories_duration_score_and_ratings() {
    let pack = linecare();
    let course = course(&pack);
    let at_launch = started(course);
    let mut progress = at_launch.clone();
    let launch = launch_data("Normal", None);
    let none = Cmi5Record::default();
    assert!(cmi5::due(course, &progress, &launch, &none).is_empty());
    for index in 0..course.modules.len() {
        finish_module(course, &mut progress, index, 0);
    }
    assert_eq!(
        cmi5::due(course, &progress, &launch, &none),
        [Cmi5Verb::Completed, Cmi5Verb::Passed]
    );
    let sent = Cmi5Record {
        record: String::new(),
        completed_sent: true,
        passed_sent: true,
    };
    assert!(cmi5::due(course, &progress, &launch, &sent).is_empty());
    assert!(cmi5::due(course, &progress, &launch_data("Review", None), &none).is_empty());
    // A mastery score above the course's score holds back `passed`, never sends `failed`.
    let mut failing = started(course);
    finish_module(course, &mut failing, 0, 0);
    assert!(cmi5::due(course, &failing, &launch_data("Normal", Some(0.5)), &none).is_empty());

    let iri = "https://center.example.jp/kizuki/linecare";
    let passed = cmi5::statement(
        course,
        &progress,
        &at_launch,
        &launch,
        Cmi5Verb::Passed,
        "0c1e3b5a-1111-4222-8333-444455556666",
        "2026-12-06T01:02:03.000Z",
        iri,
    );
    assert_eq!(
        passed["verb"]["id"],
        "http://adlnet.gov/expapi/verbs/passed"
    );
    assert_eq!(passed["id"], "0c1e3b5a-1111-4222-8333-444455556666");
    assert_eq!(passed["object"]["id"], launch.activity_id);
    assert_eq!(passed["actor"]["account"]["name"], "u-42");
    assert_eq!(passed["context"]["registration"], launch.registration);
    assert_eq!(
        passed["context"]["extensions"]["https://w3id.org/xapi/cmi5/context/extensions/sessionid"],
        "s-1"
    );
    let categories: Vec<&str> = passed["context"]["contextActivities"]["category"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(categories, [cmi5::CATEGORY_CMI5, cmi5::CATEGORY_MOVEON]);
    assert_eq!(
        passed["context"]["contextActivities"]["grouping"][0]["id"],
        "https://lms.example/course/1"
    );
    assert_eq!(passed["result"]["success"], true);
    assert_eq!(passed["result"]["score"]["scaled"], 1.0);
    assert_eq!(passed["result"]["duration"], "PT0H40M0S");

    let terminated = cmi5::statement(
        course,
        &progress,
        &at_launch,
        &launch,
        Cmi5Verb::Terminated,
        "id",
        "2026-12-06T01:02:03.000Z",
        iri,
    );
    let categories = terminated["context"]["contextActivities"]["category"]
        .as_array()
        .unwrap();
    assert_eq!(categories.len(), 1, "no moveon on terminated");
    let ratings = &terminated["result"]["extensions"][format!("{iri}/extensions/ratings")];
    assert_eq!(ratings[&course.modules[0].id]["understanding"], "very");
    assert_eq!(ratings[&course.modules[7].id]["usefulness"], "mostly");
    let initialized = cmi5::statement(
        course,
        &progress,
        &at_launch,
        &launch,
        Cmi5Verb::Initialized,
        "id",
        "2026-12-06T01:02:03.000Z",
        iri,
    );
    assert!(initialized.get("result").is_none());
}

#[test]
fn a_cmi5_launch_without_its_parts_is_refused() {
    let data = r#"{"contextTemplate":{}}"#;
    assert!(Cmi5Launch::read("{}", "r", "a", data).is_ok());
    assert!(Cmi5Launch::read("nope", "r", "a", data).is_err());
    assert!(Cmi5Launch::read("{}", "", "a", data).is_err());
    assert!(Cmi5Launch::read("{}", "r", "a", "{}").is_err());
    let record = Cmi5Record {
        record: "{}".into(),
        completed_sent: true,
        passed_sent: false,
    };
    assert_eq!(Cmi5Record::read(&record.to_json()), record);
    assert_eq!(Cmi5Record::read("garbage"), Cmi5Record::default());
}

#[test]
fn cmi5_move_on_decides_which_of_completed_and_passed_are_sent_and_browse_or_review_send_neither() {
    let pack = linecare();
    let course = course(&pack);
    let mut progress = started(course);
    for index in 0..course.modules.len() {
        finish_module(course, &mut progress, index, 0);
    }
    let none = Cmi5Record::default();
    let due = |launch: &Cmi5Launch| cmi5::due(course, &progress, launch, &none);
    let both = [Cmi5Verb::Completed, Cmi5Verb::Passed];
    assert_eq!(
        due(&launch_with("Normal", None, "Completed", None)),
        [Cmi5Verb::Completed]
    );
    assert_eq!(
        due(&launch_with("Normal", None, "Passed", None)),
        [Cmi5Verb::Passed]
    );
    assert_eq!(
        due(&launch_with("Normal", None, "CompletedAndPassed", None)),
        both
    );
    assert_eq!(
        due(&launch_with("Normal", None, "CompletedOrPassed", None)),
        both
    );
    assert_eq!(
        due(&launch_with("Normal", None, "NotApplicable", None)),
        both
    );
    assert_eq!(
        due(&launch_with("Normal", None, "no such rule", None)),
        both
    );
    for mode in ["Browse", "Review"] {
        for move_on in ["Completed", "Passed", "CompletedAndPassed"] {
            assert!(
                due(&launch_with(mode, None, move_on, None)).is_empty(),
                "{mode} {move_on}"
            );
        }
    }
    // A mode the spec does not know is read as Normal (the LMS expects a result then).
    assert_eq!(
        due(&launch_with("normal?", None, "Passed", None)),
        [Cmi5Verb::Passed]
    );
    assert_eq!(
        launch_with("Review", None, "Passed", None).launch_mode,
        cmi5::LaunchMode::Review
    );
    assert_eq!(
        launch_with("Normal", None, "Passed", None).move_on,
        cmi5::MoveOn::Passed
    );
}

#[test]
fn cmi5_mastery_score_replaces_the_packs_pass_marks_and_travels_with_passed() {
    let pack = linecare();
    let course = course(&pack);
    // Seven modules at 100 %, the last quiz taken once, all wrong (0 %): the course score
    // is 87.5 and one module is not passed by the pack's mark.
    let mut progress = started(course);
    for index in 0..course.modules.len() - 1 {
        finish_module(course, &mut progress, index, 0);
    }
    let last = course.modules.last().unwrap().id.clone();
    take_quiz(course, &mut progress, &last, true, 1);
    let passed = |mastery: Option<f64>| {
        cmi5::is_passed(
            course,
            &progress,
            &launch_with("Normal", mastery, "Passed", None),
        )
    };
    assert!(!passed(None), "the pack's marks: one module not passed");
    assert!(passed(Some(0.8)), "0.875 reaches a mastery score of 0.8");
    assert!(passed(Some(0.875)));
    assert!(!passed(Some(0.9)));
    // Every module's quiz must have been taken, whatever the mastery score.
    let mut untried = started(course);
    finish_module(course, &mut untried, 0, 0);
    assert!(!cmi5::is_passed(
        course,
        &untried,
        &launch_with("Normal", Some(0.0), "Passed", None)
    ));
    // All passed by the marks, but under the LMS's mastery score: not passed.
    let mut retaken = started(course);
    for index in 0..course.modules.len() {
        finish_module(course, &mut retaken, index, 0);
    }
    assert!(cmi5::is_passed(
        course,
        &retaken,
        &launch_data("Normal", None)
    ));
    assert!(cmi5::is_passed(
        course,
        &retaken,
        &launch_data("Normal", Some(1.0))
    ));

    let launch = launch_with("Normal", Some(0.8), "Passed", None);
    assert_eq!(
        cmi5::due(course, &progress, &launch, &Cmi5Record::default()),
        [Cmi5Verb::Passed]
    );
    let statement = cmi5::statement(
        course,
        &progress,
        &progress,
        &launch,
        Cmi5Verb::Passed,
        "id",
        "2026-12-06T01:02:03.000Z",
        "https://center.example.jp/kizuki/linecare",
    );
    let extensions = &statement["context"]["extensions"];
    assert_eq!(extensions[cmi5::EXTENSION_MASTERY_SCORE], 0.8);
    assert_eq!(
        extensions["https://w3id.org/xapi/cmi5/context/extensions/sessionid"], "s-1",
        "the LMS's template is kept"
    );
    assert_eq!(statement["result"]["score"]["scaled"], 0.88);
    // Without a mastery score, no such extension.
    let plain = cmi5::statement(
        course,
        &retaken,
        &retaken,
        &launch_data("Normal", None),
        Cmi5Verb::Passed,
        "id",
        "2026-12-06T01:02:03.000Z",
        "https://center.example.jp/kizuki/linecare",
    );
    assert!(plain["context"]["extensions"]
        .get(cmi5::EXTENSION_MASTERY_SCORE)
        .is_none());
}

#[test]
fn cmi5_return_url_is_kept_only_when_a_page_may_go_there() {
    let url = |given: &str| {
        launch_with("Normal", None, "Passed", Some(given))
            .return_url()
            .map(str::to_string)
    };
    assert_eq!(
        url("https://lms.example/mod/cmi5/view.php?id=12").as_deref(),
        Some("https://lms.example/mod/cmi5/view.php?id=12")
    );
    assert_eq!(
        url("  http://lms.example/back  ").as_deref(),
        Some("http://lms.example/back")
    );
    assert_eq!(url("/lms/return?x=1").as_deref(), Some("/lms/return?x=1"));
    for refused in [
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "//evil.example/",
        "/\\evil.example/",
        "https://",
        "lms/return",
        "https://lms.example/\nback",
        "",
    ] {
        assert_eq!(url(refused), None, "{refused:?}");
    }
    assert_eq!(launch_data("Normal", None).return_url(), None);
}
