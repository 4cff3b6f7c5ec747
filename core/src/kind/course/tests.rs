//! Unit tests of course progress against the committed course: lessons, scenarios,
//! quiz pass and fail, retake, feedback and completion.

use super::*;
use crate::error::Error;
use crate::load::load_pack;
use crate::pack::Kit;

fn course() -> Course {
    let pack = load_pack(include_bytes!("../../../../content/linecare.json")).unwrap();
    match &pack.pack().kit {
        Kit::Course(course) => course.clone(),
        _ => unreachable!("the line-care pack is a course"),
    }
}

fn act(course: &Course, progress: &mut CourseProgress, action: CourseAction) {
    course.apply(progress, &action).unwrap();
}

/// Answers every question of the first module, rightly or wrongly, and submits.
fn take_quiz(course: &Course, progress: &mut CourseProgress, right: bool, date: &str) {
    let module = &course.modules[0];
    for question in &module.quiz.questions {
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
    let correct: std::collections::BTreeSet<String> = question
        .options
        .iter()
        .filter(|o| o.correct)
        .map(|o| o.id.clone())
        .collect();
    assert!(is_correct(question, &correct));
    let mut too_many = correct.clone();
    too_many.insert(
        question
            .options
            .iter()
            .find(|o| !o.correct)
            .unwrap()
            .id
            .clone(),
    );
    assert!(!is_correct(question, &too_many));
    assert!(!is_correct(question, &Default::default()));
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
