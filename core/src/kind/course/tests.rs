//! Unit tests of course progress against the committed course: lessons, scenarios,
//! quiz pass and fail, retake, feedback and completion.

use std::collections::BTreeSet;

use super::*;
use crate::error::Error;
use crate::load::load_pack;

fn course() -> Course {
    let pack = load_pack(include_bytes!("../../../../content/linecare.json")).unwrap();
    pack.content::<Course>()
        .expect("the line-care pack is a course")
        .clone()
}

fn act(course: &Course, progress: &mut CourseProgress, action: CourseAction) {
    course.apply(progress, &action).unwrap();
}

/// Answers every question of the first module, rightly or wrongly, and submits.
fn take_quiz(course: &Course, progress: &mut CourseProgress, right: bool, date: &str) {
    let module = &course.modules[0];
    let shown = course.quiz_shown(progress, module);
    for question in shown
        .iter()
        .filter_map(|s| module.quiz.questions.iter().find(|q| q.id == s.question))
    {
        for option in question.options.iter().filter(|o| o.correct == right) {
            act(
                course,
                progress,
                CourseAction::ToggleOption {
                    module: module.id.clone(),
                    question: question.id.clone(),
                    option: option.id.clone(),
                },
            );
            if question.kind == QuestionKind::Single {
                break;
            }
        }
    }
    act(
        course,
        progress,
        CourseAction::SubmitQuiz {
            module: module.id.clone(),
            date: date.into(),
            at: None,
        },
    );
}

fn finish_lessons_and_scenarios(course: &Course, progress: &mut CourseProgress) {
    let module = &course.modules[0];
    for lesson in &module.lessons {
        act(
            course,
            progress,
            CourseAction::ReadLesson {
                module: module.id.clone(),
                lesson: lesson.id.clone(),
            },
        );
    }
    for scenario in &module.scenarios {
        while let Some(state) = course.scenario_state(progress, &module.id, &scenario.id) {
            if state.finished {
                break;
            }
            let node = scenario.nodes.iter().find(|n| n.id == state.node).unwrap();
            act(
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
}

#[test]
fn failing_then_passing_completes_the_module_on_the_passing_date() {
    let course = course();
    let mut progress = CourseProgress::default();
    finish_lessons_and_scenarios(&course, &mut progress);
    take_quiz(&course, &mut progress, false, "2026-11-01");
    let first = &course.result(&progress).modules[0];
    assert!(!first.passed && !first.completed);
    assert_eq!(first.best_percent, Some(0));
    take_quiz(&course, &mut progress, true, "2026-11-02");
    let module = &course.result(&progress).modules[0];
    assert!(module.passed && module.completed);
    assert_eq!(module.attempts, 2);
    assert_eq!(module.best_percent, Some(100));
    assert_eq!(module.completed_on.as_deref(), Some("2026-11-02"));
    assert_eq!(module.progress_percent, 100);
    assert_eq!(
        course.result(&progress).completed_on,
        None,
        "other modules remain"
    );
}

#[test]
fn passing_the_quiz_alone_does_not_complete_the_module() {
    let course = course();
    let mut progress = CourseProgress::default();
    take_quiz(&course, &mut progress, true, "2026-11-02");
    let module = &course.result(&progress).modules[0];
    assert!(module.passed);
    assert!(!module.completed);
}

#[test]
fn a_multiple_choice_answer_must_be_exactly_the_correct_options() {
    let course = course();
    let question = course
        .modules
        .iter()
        .flat_map(|m| &m.quiz.questions)
        .find(|q| q.kind == QuestionKind::Multiple && q.options.iter().any(|o| !o.correct))
        .expect("the course has a multiple-choice question with a wrong option");
    let correct: crate::vec_map::VecSet = question
        .options
        .iter()
        .filter(|o| o.correct)
        .map(|o| o.id.clone())
        .collect();
    assert!(is_correct(question, &correct));
    let wrong = question
        .options
        .iter()
        .find(|o| !o.correct)
        .unwrap()
        .id
        .clone();
    let mut too_many = correct.clone();
    too_many.insert(wrong.clone());
    assert!(!is_correct(question, &too_many));
    assert!(!is_correct(question, &Default::default()));
    // As many as the correct ones, but one of them swapped for a wrong or an unknown id.
    let first_correct = correct.iter().next().unwrap().clone();
    for stranger in [wrong, "nope".into()] {
        let mut swapped = correct.clone();
        swapped.remove(&first_correct);
        swapped.insert(stranger);
        assert_eq!(swapped.len(), correct.len());
        assert!(!is_correct(question, &swapped));
    }
    let mut one_short = correct.clone();
    one_short.remove(&first_correct);
    assert!(!is_correct(question, &one_short));
}

#[test]
fn scenario_choices_after_the_end_and_unknown_ids_are_refused() {
    let course = course();
    let mut progress = CourseProgress::default();
    finish_lessons_and_scenarios(&course, &mut progress);
    let module = &course.modules[0];
    let scenario = &module.scenarios[0];
    let before = progress.clone();
    let after_end = course.apply(
        &mut progress,
        &CourseAction::Choose {
            module: module.id.clone(),
            scenario: scenario.id.clone(),
            choice: scenario.nodes[0].choices[0].id.clone(),
        },
    );
    assert!(matches!(after_end, Err(Error::NotAllowed(_))));
    let unknown = course.apply(
        &mut progress,
        &CourseAction::ReadLesson {
            module: module.id.clone(),
            lesson: "no-such-lesson".into(),
        },
    );
    assert!(matches!(unknown, Err(Error::UnknownId(_))));
    assert_eq!(progress, before);
}

#[test]
fn feedback_and_position_are_kept() {
    let course = course();
    let mut progress = CourseProgress::default();
    let module = course.modules[1].id.clone();
    act(
        &course,
        &mut progress,
        CourseAction::Visit {
            module: module.clone(),
            screen: "quiz".into(),
        },
    );
    for question in &course.feedback_questions {
        act(
            &course,
            &mut progress,
            CourseAction::SetFeedback {
                module: module.clone(),
                question: question.id.clone(),
                option: question.options[0].id.clone(),
            },
        );
    }
    assert_eq!(progress.position.as_ref().unwrap().screen, "quiz");
    assert!(course.result(&progress).modules[1].feedback_given);
    assert!(!course.result(&progress).modules[0].feedback_given);
}

#[test]
fn a_checked_answer_is_fixed_until_the_quiz_is_submitted_or_retaken() {
    let course = course();
    let module = &course.modules[0];
    let question = &module.quiz.questions[0];
    let toggle = |option: &str| CourseAction::ToggleOption {
        module: module.id.clone(),
        question: question.id.clone(),
        option: option.to_string(),
    };
    let mut progress = CourseProgress::default();
    act(&course, &mut progress, toggle(&question.options[0].id));
    act(
        &course,
        &mut progress,
        CourseAction::CheckAnswer {
            module: module.id.clone(),
            question: question.id.clone(),
        },
    );
    let before = progress.clone();
    let changed = course.apply(&mut progress, &toggle(&question.options[1].id));
    assert!(matches!(changed, Err(Error::NotAllowed(_))), "{changed:?}");
    assert_eq!(progress, before, "a refused action changes nothing");
    // It survives a save and a load.
    let json = serde_json::to_string(&progress).unwrap();
    let reloaded: CourseProgress = serde_json::from_str(&json).unwrap();
    assert!(reloaded.modules[&module.id]
        .quiz_checked
        .contains(&question.id));

    act(
        &course,
        &mut progress,
        CourseAction::RetakeQuiz {
            module: module.id.clone(),
            seed: 7,
        },
    );
    assert!(progress.modules[&module.id].quiz_checked.is_empty());
    act(&course, &mut progress, toggle(&question.options[1].id));
    let unknown = course.apply(
        &mut progress,
        &CourseAction::CheckAnswer {
            module: module.id.clone(),
            question: "no-such-question".into(),
        },
    );
    assert!(matches!(unknown, Err(Error::UnknownId(_))));
}

/// The first module with a pool: it asks 4 of its questions per attempt.
fn pooled_course() -> Course {
    let mut course = course();
    course.modules[0].quiz.questions_per_attempt = Some(4);
    course
}

fn answer_shown_rightly(course: &Course, progress: &mut CourseProgress) {
    let module = &course.modules[0];
    for shown in course.quiz_shown(progress, module) {
        let question = module
            .quiz
            .questions
            .iter()
            .find(|q| q.id == shown.question)
            .unwrap();
        for option in question.options.iter().filter(|o| o.correct) {
            act(
                course,
                progress,
                CourseAction::ToggleOption {
                    module: module.id.clone(),
                    question: question.id.clone(),
                    option: option.id.clone(),
                },
            );
        }
    }
}

#[test]
fn a_quiz_with_a_pool_asks_its_count_and_the_same_seed_draws_the_same() {
    let course = pooled_course();
    let module = &course.modules[0];
    let draw = |seed| {
        let mut progress = CourseProgress::default();
        act(
            &course,
            &mut progress,
            CourseAction::DrawQuiz {
                module: module.id.clone(),
                seed,
            },
        );
        progress.modules[&module.id].quiz_shown.clone()
    };
    let shown = draw(1);
    assert_eq!(shown.len(), 4);
    let ids: BTreeSet<&str> = shown.iter().map(|s| s.question.as_str()).collect();
    assert_eq!(ids.len(), 4, "no question twice");
    for item in &shown {
        let question = module
            .quiz
            .questions
            .iter()
            .find(|q| q.id == item.question)
            .unwrap();
        let mut options = item.options.clone();
        options.sort();
        let mut expected: Vec<String> = question.options.iter().map(|o| o.id.clone()).collect();
        expected.sort();
        assert_eq!(
            options, expected,
            "every option of {} shown once",
            question.id
        );
    }
    assert_eq!(draw(1), shown);
    assert!(
        (2..20).any(|seed| draw(seed) != shown),
        "other seeds draw otherwise"
    );
}

#[test]
fn a_retake_asks_the_questions_left_out_first_and_changes_every_repeated_option_order() {
    let course = pooled_course();
    let module = &course.modules[0];
    for seed in 0..50 {
        let mut progress = CourseProgress::default();
        act(
            &course,
            &mut progress,
            CourseAction::DrawQuiz {
                module: module.id.clone(),
                seed,
            },
        );
        answer_shown_rightly(&course, &mut progress);
        act(
            &course,
            &mut progress,
            CourseAction::SubmitQuiz {
                module: module.id.clone(),
                date: "2026-12-01".into(),
                at: Some("2026-12-01T09:30:00.000Z".into()),
            },
        );
        let first = progress.modules[&module.id].attempts[0].clone();
        assert_eq!((first.correct, first.total, first.percent), (4, 4, 100));
        assert_eq!(first.shown.len(), 4, "the attempt keeps what was shown");
        act(
            &course,
            &mut progress,
            CourseAction::RetakeQuiz {
                module: module.id.clone(),
                seed: seed.wrapping_mul(31).wrapping_add(5),
            },
        );
        let retake = progress.modules[&module.id].quiz_shown.clone();
        assert_eq!(retake.len(), 4);
        let left_out: Vec<&Question> = module
            .quiz
            .questions
            .iter()
            .filter(|q| !first.shown.iter().any(|s| s.question == q.id))
            .collect();
        for question in &left_out {
            assert!(
                retake.iter().any(|s| s.question == question.id),
                "seed {seed}: {} was left out last time and is asked now",
                question.id
            );
        }
        for item in &retake {
            if let Some(before) = first.shown.iter().find(|s| s.question == item.question) {
                assert_ne!(
                    before.options, item.options,
                    "seed {seed}: {} shows its options in a new order",
                    item.question
                );
            }
        }
    }
}

#[test]
fn only_the_questions_drawn_can_be_answered() {
    let course = pooled_course();
    let module = &course.modules[0];
    let mut progress = CourseProgress::default();
    act(
        &course,
        &mut progress,
        CourseAction::DrawQuiz {
            module: module.id.clone(),
            seed: 3,
        },
    );
    let shown = progress.modules[&module.id].quiz_shown.clone();
    let not_drawn = module
        .quiz
        .questions
        .iter()
        .find(|q| !shown.iter().any(|s| s.question == q.id))
        .unwrap();
    let refused = course.apply(
        &mut progress,
        &CourseAction::ToggleOption {
            module: module.id.clone(),
            question: not_drawn.id.clone(),
            option: not_drawn.options[0].id.clone(),
        },
    );
    assert!(matches!(refused, Err(Error::NotAllowed(_))));
    assert_eq!(course.unanswered_questions(&progress, &module.id).len(), 4);
    // Once an answer is given, a new draw is refused (a retake draws again).
    answer_shown_rightly(&course, &mut progress);
    let redraw = course.apply(
        &mut progress,
        &CourseAction::DrawQuiz {
            module: module.id.clone(),
            seed: 4,
        },
    );
    assert!(matches!(redraw, Err(Error::NotAllowed(_))));
}

#[test]
fn a_submitted_time_must_be_a_utc_moment_within_a_day_of_the_local_date() {
    let course = course();
    let module = &course.modules[0];
    for at in [
        "2026-12-03T09:00:00Z",
        "2026-12-01",
        "2026-12-01T24:00:00Z",
        "2026-12-01T09:00:00+09:00",
    ] {
        let mut progress = CourseProgress::default();
        let refused = course.apply(
            &mut progress,
            &CourseAction::SubmitQuiz {
                module: module.id.clone(),
                date: "2026-12-01".into(),
                at: Some(at.into()),
            },
        );
        assert!(matches!(refused, Err(Error::InvalidDate(_))), "{at}");
    }
    assert!(is_timestamp("2026-12-01T09:00:00Z"));
    assert!(is_timestamp("2026-12-01T23:59:59.123Z"));
    assert!(!is_timestamp("2026-02-30T09:00:00Z"));
}

#[test]
fn an_attempt_that_names_fewer_questions_than_the_quiz_asks_scores_over_the_full_count() {
    let course = pooled_course();
    let module = &course.modules[0];
    let question = &module.quiz.questions[0];
    let right: crate::vec_map::VecSet = question
        .options
        .iter()
        .filter(|o| o.correct)
        .map(|o| o.id.clone())
        .collect();
    let forged = QuizAttempt {
        date: "2026-12-01".into(),
        at: None,
        shown: vec![ShownQuestion {
            question: question.id.clone(),
            options: question.options.iter().map(|o| o.id.clone()).collect(),
        }],
        answers: [(question.id.clone(), right)].into(),
        correct: 1,
        total: 1,
        percent: 100,
        passed: true,
    };
    assert_eq!(course.attempt_score(module, &forged), (1, 4));
}

#[test]
fn a_quiz_asking_none_or_more_than_its_pool_is_refused_with_its_path() {
    let json = include_str!("../../../../content/linecare.json");
    for asked in ["0", "9"] {
        let bad = json.replacen(
            "\"questions_per_attempt\": 6",
            &format!("\"questions_per_attempt\": {asked}"),
            1,
        );
        let Err(diagnostics) = load_pack(bad.as_bytes()) else {
            panic!("questions_per_attempt {asked} must be refused");
        };
        assert!(
            diagnostics
                .iter()
                .any(|d| d.code == crate::diagnostic::Code::OutOfRange
                    && d.path == "/kit/modules/1/quiz/questions_per_attempt"),
            "{diagnostics:?}"
        );
    }
}

#[test]
fn every_scenario_of_the_course_has_a_recommended_path_to_an_ending() {
    let course = course();
    let progress = CourseProgress::default();
    for module in &course.modules {
        for scenario in &module.scenarios {
            let review = course
                .scenario_review(&progress, &module.id, &scenario.id)
                .unwrap();
            let last = review.recommended.last().expect("a first good choice");
            let ends = match &last.choice.next {
                None => true,
                Some(next) => scenario
                    .nodes
                    .iter()
                    .find(|n| &n.id == next)
                    .is_some_and(|n| n.choices.is_empty()),
            };
            assert!(ends, "{}: the good choices lead to an ending", scenario.id);
        }
    }
}

#[test]
fn active_time_adds_up_per_module_in_small_steps_only() {
    let course = course();
    let module = &course.modules[0];
    let mut progress = CourseProgress::default();
    let add = |seconds| CourseAction::AddActiveTime {
        module: module.id.clone(),
        seconds,
    };
    act(&course, &mut progress, add(5));
    act(&course, &mut progress, add(MAX_ACTIVE_SECONDS_PER_REPORT));
    assert_eq!(
        progress.modules[&module.id].active_seconds,
        5 + u64::from(MAX_ACTIVE_SECONDS_PER_REPORT)
    );
    for seconds in [0, MAX_ACTIVE_SECONDS_PER_REPORT + 1] {
        assert!(matches!(
            course.apply(&mut progress, &add(seconds)),
            Err(Error::NotAllowed(_))
        ));
    }
}

#[test]
fn the_follow_up_is_due_weeks_after_completion_and_answered_once_due() {
    let course = course();
    let mut progress = CourseProgress::default();
    let answer = |date: &str| CourseAction::AnswerFollowUp {
        date: date.into(),
        improved: true,
        improvement: "  週1回の1対1面談を始めた  ".into(),
    };
    // Not complete: never due, and an answer is refused.
    assert!(!course.follow_up_due(&progress, "2027-01-01"));
    assert!(course.apply(&mut progress, &answer("2027-01-01")).is_err());
    // Every module complete on 2026-11-20 (and earlier).
    for module in &course.modules {
        let module_progress = progress.modules.entry(module.id.clone()).or_default();
        module_progress.lessons_read = module.lessons.iter().map(|l| l.id.clone()).collect();
        for scenario in &module.scenarios {
            let review_path = course
                .scenario_review(&CourseProgress::default(), &module.id, &scenario.id)
                .unwrap()
                .recommended
                .iter()
                .map(|step| ScenarioStep {
                    node: step.node.id.clone(),
                    choice: step.choice.id.clone(),
                })
                .collect();
            module_progress
                .scenarios
                .insert(scenario.id.clone(), review_path);
        }
        module_progress.attempts.push(QuizAttempt {
            date: "2026-11-20".into(),
            at: None,
            shown: Vec::new(),
            answers: crate::vec_map::VecMap::new(),
            correct: 1,
            total: 1,
            percent: 100,
            passed: true,
        });
    }
    assert_eq!(
        course.result(&progress).completed_on.as_deref(),
        Some("2026-11-20")
    );
    assert_eq!(
        course.follow_up_from(&progress).as_deref(),
        Some("2026-12-11")
    );
    assert!(!course.follow_up_due(&progress, "2026-12-10"));
    assert!(course.apply(&mut progress, &answer("2026-12-10")).is_err());
    let later = |date: &str| CourseAction::FollowUpLater { date: date.into() };
    assert!(
        course.apply(&mut progress, &later("2026-12-10")).is_err(),
        "not offered yet"
    );
    assert!(course.follow_up_due(&progress, "2026-12-11"));
    // "Later" is saved in the record: not offered again for a week, then offered again.
    act(&course, &mut progress, later("2026-12-11"));
    assert_eq!(progress.follow_up_later.as_deref(), Some("2026-12-11"));
    assert!(!course.follow_up_due(&progress, "2026-12-17"));
    assert!(course.follow_up_due(&progress, "2026-12-18"));
    act(&course, &mut progress, answer("2026-12-18"));
    let follow_up = progress.follow_up.clone().unwrap();
    assert_eq!(
        (follow_up.date.as_str(), follow_up.improved),
        ("2026-12-18", true)
    );
    assert_eq!(follow_up.improvement, "週1回の1対1面談を始めた");
    assert!(!course.follow_up_due(&progress, "2027-01-01"), "answered");
}

#[test]
fn the_record_names_its_center_as_self_declared_and_drops_unsafe_addresses() {
    let course = course();
    let mut progress = CourseProgress::default();
    let set = |name: &str, url: &str| CourseAction::SetIssuer {
        name: name.into(),
        phone: " 03-0000-0000 ".into(),
        url: url.into(),
    };
    act(
        &course,
        &mut progress,
        set(" みなと産業保健総合支援センター ", "javascript:alert(1)"),
    );
    let issuer = progress.issuer.clone().unwrap();
    assert_eq!(issuer.name, "みなと産業保健総合支援センター");
    assert_eq!(issuer.phone, "03-0000-0000");
    assert_eq!(issuer.url, "", "only http(s) addresses are kept");
    assert!(issuer.self_declared);
    act(&course, &mut progress, set("  ", "https://example.jp/"));
    assert_eq!(progress.issuer, None, "an empty name clears it");
}

/// A person who rated `usefulness` with `answers` in the first modules (in order) and
/// `understanding` as "very" in the first module.
fn rated(course: &Course, answers: &[&str]) -> CourseProgress {
    let mut progress = CourseProgress::default();
    act(
        course,
        &mut progress,
        CourseAction::SetFeedback {
            module: course.modules[0].id.clone(),
            question: "understanding".into(),
            option: "very".into(),
        },
    );
    for (module, answer) in course.modules.iter().zip(answers) {
        act(
            course,
            &mut progress,
            CourseAction::SetFeedback {
                module: module.id.clone(),
                question: "usefulness".into(),
                option: (*answer).into(),
            },
        );
    }
    progress
}

#[test]
fn course_wide_usefulness_counts_each_person_once_by_the_majority_of_their_module_ratings() {
    use super::aggregate::{person_is_positive, CourseTally, USEFUL_TARGET_PERCENT};
    let course = course();
    assert_eq!(course.modules.len(), 8);
    // Worked by hand: eight people rate every module "very" (positive); one rates three
    // modules very / mostly / little (2 of 3: positive); one very / not (a tie: not
    // positive); one little (not); one very / little / not / little (1 of 4: not); one
    // answers only 理解度. 有用度: 12 people answered, 9 positive = 75.0 %, under the 90 %
    // line. 理解度: 13 people answered, all positive.
    let mut people: Vec<CourseProgress> = (0..8).map(|_| rated(&course, &["very"; 8])).collect();
    people.push(rated(&course, &["very", "mostly", "little"]));
    people.push(rated(&course, &["very", "not"]));
    people.push(rated(&course, &["little"]));
    people.push(rated(&course, &["very", "little", "not", "little"]));
    people.push(rated(&course, &[]));
    let figures = |min_group: usize| {
        let mut tally = CourseTally::new(&course);
        for person in &people {
            tally.add(person);
        }
        tally.finish(min_group)
    };
    let shown = figures(10);
    let ids: Vec<&str> = shown
        .course_feedback
        .iter()
        .map(|f| f.question.as_str())
        .collect();
    assert_eq!(ids, ["understanding", "usefulness"]);
    let understanding = &shown.course_feedback[0];
    let numbers = understanding.figures.shown().unwrap();
    assert_eq!((numbers.answered, numbers.positive), (13, 13));
    assert_eq!(understanding.target_percent, None);
    assert_eq!(understanding.meets_target, None);
    let useful = &shown.course_feedback[1];
    let numbers = useful.figures.shown().unwrap();
    assert_eq!((numbers.answered, numbers.positive), (12, 9));
    assert_eq!(numbers.positive_percent, 75.0);
    assert_eq!(useful.target_percent, Some(USEFUL_TARGET_PERCENT));
    assert_eq!(useful.meets_target, Some(false));
    // The first module alone: 11 answers, 1 not positive, so hidden (a cell under 3);
    // the course as a whole still shows.
    let first = shown.modules[0].figures.shown().unwrap();
    assert_eq!(first.feedback[1].question, "usefulness");
    assert!(first.feedback[1].figures.shown().is_none());
    // Under the minimum group size, the course-wide figure is hidden like the others.
    let thirteen = figures(13);
    assert!(thirteen.course_feedback[1].figures.shown().is_none());
    assert_eq!(thirteen.course_feedback[1].meets_target, None);
    assert!(thirteen.course_feedback[0].figures.shown().is_some());
    assert!(figures(14).course_feedback[0].figures.shown().is_none());
    // The rule itself.
    assert_eq!(person_is_positive(0, 0), None);
    assert_eq!(person_is_positive(1, 2), Some(false));
    assert_eq!(person_is_positive(2, 3), Some(true));
    assert_eq!(person_is_positive(1, 1), Some(true));
}
