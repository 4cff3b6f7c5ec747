//! Results computed, never trusted: what an import checks and recomputes beyond the ids
//! that `export::check_fits` checks.
//!
//! A file says what a person answered; everything that follows from the answers (a quiz
//! attempt's score, whether it passed, so a module's and the course's completion) is
//! computed again from the answers and the pack, whatever the file claims. Every date in
//! a file must be a real `YYYY-MM-DD` day, and every step, outcome and task a plan's case
//! history names must exist.

use crate::error::{Error, Result};
use crate::export::KitState;
#[cfg(feature = "course")]
use crate::kind::course::{is_correct, Course, CourseProgress};
#[cfg(feature = "plan")]
use crate::kind::plan::{Plan, PlanCases};
use crate::load::ValidPack;

/// Checks every date and id of an imported state and recomputes what follows from its
/// answers. On an error nothing is half-changed that the caller keeps: the caller drops
/// the state.
pub fn recompute(pack: &ValidPack, state: &mut KitState) -> Result<()> {
    pack.pack().kit.recompute_imported(state)
}

fn date(value: &str) -> Result<()> {
    match crate::date::parse_date(value) {
        Some(_) => Ok(()),
        None => Err(Error::InvalidDate(value.chars().take(40).collect())),
    }
}

/// Every attempt's date checked, and its `correct`, `total`, `percent` and `passed`
/// recomputed from its answers and the pack's quiz and pass mark.
#[cfg(feature = "course")]
pub fn recompute_course(course: &Course, progress: &mut CourseProgress) -> Result<()> {
    for (module_id, module_progress) in &mut progress.modules {
        let module = course
            .module(module_id)
            .ok_or_else(|| Error::DoesNotFit(format!("unknown module `{module_id}`")))?;
        let pass_mark = course.pass_mark(module);
        for attempt in &mut module_progress.attempts {
            date(&attempt.date)?;
            let total = module.quiz.questions.len();
            let correct = module
                .quiz
                .questions
                .iter()
                .filter(|q| attempt.answers.get(&q.id).is_some_and(|c| is_correct(q, c)))
                .count();
            let percent = crate::kind::course::percent(correct, total);
            attempt.correct = correct;
            attempt.total = total;
            attempt.percent = percent;
            attempt.passed = percent >= pass_mark;
        }
    }
    Ok(())
}

/// Every case's dates (opened, tasks done, decisions, reopened tasks) are real days, and
/// every history entry names a step, an outcome of that step's decision and a next step
/// that exist.
#[cfg(feature = "plan")]
pub fn check_plan(plan: &Plan, cases: &PlanCases) -> Result<()> {
    let task_exists = |id: &str| plan.steps.iter().flat_map(|s| &s.tasks).any(|t| t.id == id);
    for case in cases.cases.values() {
        date(&case.opened)?;
        for done in case.tasks_done.values() {
            date(done)?;
        }
        for entry in &case.history {
            date(&entry.date)?;
            crate::kind::plan::check_event_date(entry.event_date.as_deref(), &entry.date)?;
            let step = plan
                .step(&entry.step)
                .ok_or_else(|| Error::DoesNotFit(format!("unknown step `{}`", entry.step)))?;
            let known_outcome = step
                .decision
                .as_ref()
                .is_none_or(|d| d.options.iter().any(|o| o.id == entry.outcome));
            if !known_outcome {
                return Err(Error::DoesNotFit(format!(
                    "unknown outcome `{}`",
                    entry.outcome
                )));
            }
            if let Some(next) = &entry.next {
                plan.step(next)
                    .ok_or_else(|| Error::DoesNotFit(format!("unknown step `{next}`")))?;
            }
            for (task, reopened) in &entry.reopened_tasks {
                if !task_exists(task) {
                    return Err(Error::DoesNotFit(format!("unknown task `{task}`")));
                }
                date(reopened)?;
            }
        }
    }
    Ok(())
}
