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
use crate::kind::course::{Course, CourseProgress};
#[cfg(feature = "plan")]
use crate::kind::plan::{Plan, PlanCases};
use crate::load::ValidPack;

/// Checks every date and id of an imported state and recomputes what follows from its
/// answers. On an error nothing is half-changed that the caller keeps: the caller drops
/// the state.
pub fn recompute(pack: &ValidPack, state: &mut KitState) -> Result<()> {
    pack.pack().kit.recompute_imported(state)
}

/// A quiz attempt whose file claimed another result than its answers give: the file was
/// edited (or made by hand). The recomputed result is the one kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangedClaim {
    /// The module id.
    pub module: String,
    /// The attempt's date, `YYYY-MM-DD`.
    pub date: String,
    /// The score the file claimed, in percent.
    pub claimed_percent: u8,
    /// Whether the file claimed a pass.
    pub claimed_passed: bool,
    /// The score its answers give.
    pub percent: u8,
    /// Whether its answers pass.
    pub passed: bool,
}

/// Every attempt whose claimed score or pass differs from the recomputed one, in module
/// then attempt order. Empty for kinds with nothing recomputed.
pub fn changed_claims(claimed: &KitState, recomputed: &KitState) -> Vec<ChangedClaim> {
    #[cfg(feature = "course")]
    if let (Some(claimed), Some(recomputed)) = (claimed.get::<Course>(), recomputed.get::<Course>())
    {
        return claimed
            .modules
            .iter()
            .filter_map(|(id, module)| Some((id, module, recomputed.modules.get(id)?)))
            .flat_map(|(id, before, after)| {
                before
                    .attempts
                    .iter()
                    .zip(&after.attempts)
                    .filter(|(b, a)| (b.percent, b.passed) != (a.percent, a.passed))
                    .map(move |(b, a)| ChangedClaim {
                        module: id.clone(),
                        date: a.date.clone(),
                        claimed_percent: b.percent,
                        claimed_passed: b.passed,
                        percent: a.percent,
                        passed: a.passed,
                    })
            })
            .collect();
    }
    let _ = (claimed, recomputed);
    Vec::new()
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
    if !progress.learner_id.is_empty() && !crate::kind::course::is_learner_id(&progress.learner_id)
    {
        return Err(Error::DoesNotFit(
            "the learner id is not 16 to 64 hex digits".into(),
        ));
    }
    if let Some(issuer) = &mut progress.issuer {
        // A record is self-declared whatever a file says.
        issuer.self_declared = true;
    }
    if let Some(later) = &progress.follow_up_later {
        date(later)?;
    }
    if let Some(follow_up) = &mut progress.follow_up {
        date(&follow_up.date)?;
        follow_up.improvement = follow_up.improvement.trim().chars().take(500).collect();
    }
    for (module_id, module_progress) in &mut progress.modules {
        let module = course
            .module(module_id)
            .ok_or_else(|| Error::DoesNotFit(format!("unknown module `{module_id}`")))?;
        let pass_mark = course.pass_mark(module);
        for attempt in &mut module_progress.attempts {
            date(&attempt.date)?;
            if let Some(at) = &attempt.at {
                let near = at
                    .get(..10)
                    .and_then(|day| crate::date::days_between(day, &attempt.date))
                    .is_some_and(|days| days.abs() <= 1);
                if !crate::kind::course::is_timestamp(at) || !near {
                    return Err(Error::InvalidDate(at.chars().take(40).collect()));
                }
            }
            // What was asked, as the pack knows it (unknown ids and repeats dropped); the
            // score counts at least as many questions as the quiz asks.
            if !attempt.shown.is_empty() {
                attempt.shown = course.attempt_shown(module, attempt);
            }
            let (correct, total) = course.attempt_score(module, attempt);
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
