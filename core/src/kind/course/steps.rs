//! The steps of a module, in the order a learner goes through them (lessons, scenarios, the
//! quiz, the closing questions), how they follow each other, when each counts as done, and
//! the grammar of the saved position (`lesson:<id>`, `scenario:<id>`, `quiz`, `feedback`).

use super::{Course, CourseProgress, Module};

/// A step of a module, in the order a learner goes through them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// A lesson, by id.
    Lesson(String),
    /// A scenario, by id.
    Scenario(String),
    /// The module's quiz.
    Quiz,
    /// The closing questions (理解度, 有用度).
    Feedback,
}

impl Step {
    /// The screen name saved in `Position.screen`.
    pub fn name(&self) -> String {
        match self {
            Step::Lesson(id) => format!("lesson:{id}"),
            Step::Scenario(id) => format!("scenario:{id}"),
            Step::Quiz => "quiz".into(),
            Step::Feedback => "feedback".into(),
        }
    }

    /// Reads a saved screen name, checking that the step exists in the module.
    pub fn parse(module: &Module, name: &str) -> Option<Step> {
        let step = if let Some(id) = name.strip_prefix("lesson:") {
            Step::Lesson(id.to_string())
        } else if let Some(id) = name.strip_prefix("scenario:") {
            Step::Scenario(id.to_string())
        } else if name == "quiz" {
            Step::Quiz
        } else if name == "feedback" {
            Step::Feedback
        } else {
            return None;
        };
        steps(module).contains(&step).then_some(step)
    }
}

/// Every step of a module, in order: lessons, scenarios, quiz, survey.
pub fn steps(module: &Module) -> Vec<Step> {
    module
        .lessons
        .iter()
        .map(|l| Step::Lesson(l.id.clone()))
        .chain(
            module
                .scenarios
                .iter()
                .map(|s| Step::Scenario(s.id.clone())),
        )
        .chain([Step::Quiz, Step::Feedback])
        .collect()
}

/// The step after `step`, if any.
pub fn next_step(module: &Module, step: &Step) -> Option<Step> {
    let all = steps(module);
    let index = all.iter().position(|s| s == step)?;
    all.get(index + 1).cloned()
}

/// The step before `step`, if any.
pub fn previous_step(module: &Module, step: &Step) -> Option<Step> {
    let all = steps(module);
    let index = all.iter().position(|s| s == step)?;
    index.checked_sub(1).and_then(|i| all.get(i).cloned())
}

/// Whether the learner has done a step: lesson read, scenario played to an ending, quiz
/// passed, survey answered. Every fact comes from the core.
pub fn step_done(course: &Course, progress: &CourseProgress, module: &Module, step: &Step) -> bool {
    let module_progress = progress.modules.get(&module.id);
    match step {
        Step::Lesson(id) => module_progress.is_some_and(|m| m.lessons_read.contains(id)),
        Step::Scenario(id) => course
            .scenario_state(progress, &module.id, id)
            .is_some_and(|s| s.finished),
        Step::Quiz | Step::Feedback => {
            let result = course.result(progress);
            let Some(found) = result.modules.iter().find(|m| m.id == module.id) else {
                return false;
            };
            if *step == Step::Quiz {
                found.passed
            } else {
                found.feedback_given
            }
        }
    }
}

/// Where to open a module: its first step not done yet, else its first step.
pub fn first_open_step(course: &Course, progress: &CourseProgress, module: &Module) -> Step {
    let all = steps(module);
    all.iter()
        .find(|step| !step_done(course, progress, module, step))
        .or_else(|| all.first())
        .cloned()
        .unwrap_or(Step::Quiz)
}

/// Where the saved position says to resume: the module and its step, if both still exist
/// in the pack (a step that no longer exists resumes at the module's first open step).
pub fn resume_step<'course>(
    course: &'course Course,
    progress: &CourseProgress,
) -> Option<(&'course Module, Step)> {
    let position = progress.position.as_ref()?;
    let module = course.module(&position.module)?;
    let step = Step::parse(module, &position.screen)
        .unwrap_or_else(|| first_open_step(course, progress, module));
    Some((module, step))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kind::course::CourseAction;
    use crate::ValidPack;

    fn pack() -> ValidPack {
        let json = include_str!("../../../../content/linecare.json");
        crate::load_pack(json.as_bytes()).expect("the linecare pack loads")
    }

    fn course(pack: &ValidPack) -> &Course {
        pack.content::<Course>().expect("linecare is a course")
    }

    #[test]
    fn step_names_round_trip_and_unknown_steps_are_refused() {
        let pack = pack();
        let module = &course(&pack).modules[0];
        for step in steps(module) {
            assert_eq!(Step::parse(module, &step.name()), Some(step));
        }
        assert_eq!(Step::parse(module, "lesson:nope"), None);
        assert_eq!(Step::parse(module, "map"), None);
    }

    #[test]
    fn steps_run_lessons_then_scenarios_then_quiz_then_survey() {
        let pack = pack();
        let module = &course(&pack).modules[0];
        let all = steps(module);
        assert_eq!(
            all.first(),
            Some(&Step::Lesson(module.lessons[0].id.clone()))
        );
        assert_eq!(all.last(), Some(&Step::Feedback));
        assert_eq!(next_step(module, &Step::Quiz), Some(Step::Feedback));
        assert_eq!(next_step(module, &Step::Feedback), None);
        assert_eq!(previous_step(module, &all[0]), None);
        let last_lesson = Step::Lesson(module.lessons.last().unwrap().id.clone());
        assert_eq!(
            next_step(module, &last_lesson),
            Some(Step::Scenario(module.scenarios[0].id.clone()))
        );
    }

    #[test]
    fn a_module_opens_at_its_first_step_not_done_and_resume_follows_the_position() {
        let pack = pack();
        let course = course(&pack);
        let module = &course.modules[0];
        let mut progress = CourseProgress::default();
        assert_eq!(resume_step(course, &progress), None);
        assert_eq!(
            first_open_step(course, &progress, module),
            Step::Lesson(module.lessons[0].id.clone())
        );
        course
            .apply(
                &mut progress,
                &CourseAction::ReadLesson {
                    module: module.id.clone(),
                    lesson: module.lessons[0].id.clone(),
                },
            )
            .unwrap();
        assert_eq!(
            first_open_step(course, &progress, module),
            Step::Lesson(module.lessons[1].id.clone())
        );
        course
            .apply(
                &mut progress,
                &CourseAction::Visit {
                    module: module.id.clone(),
                    screen: "quiz".into(),
                },
            )
            .unwrap();
        let (resumed, step) = resume_step(course, &progress).expect("a position");
        assert_eq!(
            (resumed.id.as_str(), step),
            (module.id.as_str(), Step::Quiz)
        );
    }
}
