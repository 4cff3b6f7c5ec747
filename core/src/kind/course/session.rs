//! A learner's progress through a course: lessons read, scenario paths, quiz attempts,
//! feedback, and whether each module and the course are complete.

use std::collections::BTreeSet;

use crate::vec_map::{VecMap, VecSet};

use serde::{Deserialize, Serialize};

use super::{Course, Module, Question, QuestionKind};
use crate::error::{Error, Result};

/// Everything a learner did in a course. Serialised into saved state and exports.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CourseProgress {
    /// The name typed for the certificate (kept on the device).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub learner_name: String,
    /// An opaque id of this learner's record (random hex, made on the device the first time
    /// it is needed): the xAPI account name, so statements never carry the typed name as an
    /// identifier.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub learner_id: String,
    /// Where the learner was, to resume: a module id and a screen name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
    /// Progress per module id.
    #[serde(default)]
    pub modules: VecMap<ModuleProgress>,
    /// The answer to the follow-up offered a few weeks after completion
    /// ([`FOLLOW_UP_AFTER_DAYS`]): did the learner make a concrete improvement, and which.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<FollowUp>,
    /// The day the learner answered the follow-up with "later" (`YYYY-MM-DD`): it is offered
    /// again [`FOLLOW_UP_LATER_DAYS`] days after, on any device the record is taken to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up_later: Option<String>,
    /// The center whose page the training was taken on, named in the exported record. The
    /// record stays self-declared: the center did not check it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<Issuer>,
}

/// The center named in a training record (the embed's `center-*` options).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Issuer {
    /// The center's name.
    pub name: String,
    /// Its telephone number, as written.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
    /// Its web address (http or https).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub url: String,
    /// Always true: the record was made by the learner, not checked by the center.
    pub self_declared: bool,
}

/// Days after completing the course when the follow-up question is offered.
pub const FOLLOW_UP_AFTER_DAYS: i64 = 21;

/// Days after a "later" answer when the follow-up is offered again.
pub const FOLLOW_UP_LATER_DAYS: i64 = 7;

/// The most active time one report may add, in seconds (the web reports every few
/// seconds; a larger figure is not a measurement).
pub const MAX_ACTIVE_SECONDS_PER_REPORT: u32 = 300;

/// The follow-up answer: whether the learner made a concrete improvement at work after the
/// training, and which.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUp {
    /// The day answered, `YYYY-MM-DD`.
    pub date: String,
    /// Whether a concrete improvement was made.
    pub improved: bool,
    /// What it was, in the learner's words (at most 500 characters).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub improvement: String,
}

/// Where the learner left off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Position {
    /// Module id.
    pub module: String,
    /// Screen within the module (e.g. `lesson:m1-l2`, `quiz`).
    pub screen: String,
}

/// A learner's progress in one module.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModuleProgress {
    /// Lesson ids read.
    #[serde(default)]
    pub lessons_read: VecSet,
    /// Choices made in each scenario, in order: (node id, choice id).
    #[serde(default)]
    pub scenarios: VecMap<Vec<ScenarioStep>>,
    /// Answers of the quiz being taken: question id → chosen option ids.
    #[serde(default)]
    pub quiz_answers: VecMap<VecSet>,
    /// Questions of the quiz being taken whose answer was checked (the review was shown):
    /// their answer can no longer change until the quiz is submitted or retaken.
    #[serde(default, skip_serializing_if = "VecSet::is_empty")]
    pub quiz_checked: VecSet,
    /// The quiz being taken as drawn: its questions and their options, in the order shown.
    /// Empty when nothing was drawn (the first questions, in the pack's order).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quiz_shown: Vec<ShownQuestion>,
    /// Submitted quiz attempts, oldest first.
    #[serde(default)]
    pub attempts: Vec<QuizAttempt>,
    /// Closing feedback: feedback question id → option id.
    #[serde(default)]
    pub feedback: VecMap<String>,
    /// Active time spent in the module, in seconds: counted only while its page is shown
    /// and the learner is not idle.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub active_seconds: u64,
}

fn is_zero(value: &u64) -> bool {
    *value == 0
}

/// One choice made in a scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioStep {
    /// The node where the choice was made.
    pub node: String,
    /// The choice.
    pub choice: String,
}

/// A quiz question as one attempt showed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShownQuestion {
    /// Question id.
    pub question: String,
    /// Its option ids, in the order shown.
    pub options: Vec<String>,
}

/// A submitted quiz.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuizAttempt {
    /// The date submitted, `YYYY-MM-DD`.
    pub date: String,
    /// The moment submitted, `YYYY-MM-DDTHH:MM:SSZ` (UTC); absent in older records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    /// The questions asked, in the order shown; empty in older records (then the quiz's
    /// first questions in the pack's order). Scores count every question asked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shown: Vec<ShownQuestion>,
    /// The answers given.
    pub answers: VecMap<VecSet>,
    /// Questions answered correctly.
    pub correct: usize,
    /// Questions in the quiz.
    pub total: usize,
    /// Score in percent.
    pub percent: u8,
    /// Whether it reached the pass mark.
    pub passed: bool,
}

/// Something a learner does. Each maps to one change of [`CourseProgress`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum CourseAction {
    /// Remember where the learner is.
    Visit {
        /// Module id.
        module: String,
        /// Screen name.
        screen: String,
    },
    /// Mark a lesson as read.
    ReadLesson {
        /// Module id.
        module: String,
        /// Lesson id.
        lesson: String,
    },
    /// Make a choice at the scenario's current node.
    Choose {
        /// Module id.
        module: String,
        /// Scenario id.
        scenario: String,
        /// Choice id at the current node.
        choice: String,
    },
    /// Start a scenario again.
    RestartScenario {
        /// Module id.
        module: String,
        /// Scenario id.
        scenario: String,
    },
    /// Choose or unchoose a quiz option (single choice questions keep one).
    ToggleOption {
        /// Module id.
        module: String,
        /// Question id.
        question: String,
        /// Option id.
        option: String,
    },
    /// Check the answer to one quiz question: shows its review and fixes the answer.
    CheckAnswer {
        /// Module id.
        module: String,
        /// Question id.
        question: String,
    },
    /// Submit the quiz; the date is passed in.
    SubmitQuiz {
        /// Module id.
        module: String,
        /// Today, `YYYY-MM-DD`.
        date: String,
        /// Now in UTC, `YYYY-MM-DDTHH:MM:SS[.sss]Z`, within a day of `date`, if known.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        at: Option<String>,
    },
    /// Draw the questions of a quiz not yet started (see [`CourseAction::RetakeQuiz`]).
    /// Refused once an answer is given.
    DrawQuiz {
        /// Module id.
        module: String,
        /// Random bits from the caller: the same seed gives the same draw.
        seed: u64,
    },
    /// Clear the quiz answers to take it again, with a new draw from the pool: questions
    /// not asked last time first, options shuffled and never in last time's order.
    RetakeQuiz {
        /// Module id.
        module: String,
        /// Random bits from the caller: the same seed gives the same draw.
        #[serde(default)]
        seed: u64,
    },
    /// Answer a closing feedback question.
    SetFeedback {
        /// Module id.
        module: String,
        /// Feedback question id.
        question: String,
        /// Option id.
        option: String,
    },
    /// Type the name shown on the certificate.
    SetLearnerName {
        /// The name.
        name: String,
    },
    /// Add active time to a module (at most [`MAX_ACTIVE_SECONDS_PER_REPORT`] at once).
    AddActiveTime {
        /// Module id.
        module: String,
        /// Seconds of active time since the last report.
        seconds: u32,
    },
    /// Answer the follow-up question, once the course is complete and it is due.
    AnswerFollowUp {
        /// Today, `YYYY-MM-DD`.
        date: String,
        /// Whether a concrete improvement was made.
        improved: bool,
        /// Which (trimmed, at most 500 characters kept).
        improvement: String,
    },
    /// Answer the follow-up with "later": it is offered again [`FOLLOW_UP_LATER_DAYS`] days
    /// after `date`.
    FollowUpLater {
        /// Today, `YYYY-MM-DD`.
        date: String,
    },
    /// Name the center the record is made for (each export from a center's page); an empty
    /// name clears it.
    SetIssuer {
        /// The center's name (at most 200 characters kept).
        name: String,
        /// Its telephone number (at most 100 characters kept).
        phone: String,
        /// Its web address; anything but http(s) is dropped.
        url: String,
    },
    /// Give the record its opaque learner id (16 to 64 lowercase hex digits), once: an id
    /// already set is kept.
    SetLearnerId {
        /// The id, from random bytes the caller drew.
        id: String,
    },
}

/// Where a scenario stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioState {
    /// The node shown now.
    pub node: String,
    /// Whether an ending was reached.
    pub finished: bool,
}

impl Course {
    /// The module with this id.
    pub fn module(&self, id: &str) -> Option<&Module> {
        self.modules.iter().find(|m| m.id == id)
    }

    /// The pass mark that applies to a module.
    pub fn pass_mark(&self, module: &Module) -> u8 {
        module.pass_mark_percent.unwrap_or(self.pass_mark_percent)
    }

    fn known_module(&self, id: &str) -> Result<&Module> {
        self.module(id)
            .ok_or_else(|| Error::UnknownId(id.to_string()))
    }

    /// Applies one action. Unknown ids and impossible moves are refused and change nothing.
    pub fn apply(&self, progress: &mut CourseProgress, action: &CourseAction) -> Result<()> {
        match action {
            CourseAction::Visit { module, screen } => {
                self.known_module(module)?;
                progress.position = Some(Position {
                    module: module.clone(),
                    screen: screen.chars().take(80).collect(),
                });
            }
            CourseAction::ReadLesson { module, lesson } => {
                let found = self.known_module(module)?;
                if !found.lessons.iter().any(|l| &l.id == lesson) {
                    return Err(Error::UnknownId(lesson.clone()));
                }
                entry(progress, module).lessons_read.insert(lesson.clone());
            }
            CourseAction::Choose {
                module,
                scenario,
                choice,
            } => {
                let found = self.known_module(module)?;
                let definition = found
                    .scenarios
                    .iter()
                    .find(|s| &s.id == scenario)
                    .ok_or_else(|| Error::UnknownId(scenario.clone()))?;
                let path = entry(progress, module)
                    .scenarios
                    .entry(scenario.clone())
                    .or_default();
                let state = scenario_state(definition, path);
                if state.finished {
                    return Err(Error::NotAllowed("the scenario has ended".into()));
                }
                let node = definition
                    .nodes
                    .iter()
                    .find(|n| n.id == state.node)
                    .ok_or_else(|| Error::UnknownId(state.node.clone()))?;
                if !node.choices.iter().any(|c| &c.id == choice) {
                    return Err(Error::UnknownId(choice.clone()));
                }
                path.push(ScenarioStep {
                    node: state.node,
                    choice: choice.clone(),
                });
            }
            CourseAction::RestartScenario { module, scenario } => {
                self.known_module(module)?;
                entry(progress, module).scenarios.remove(scenario);
            }
            CourseAction::ToggleOption {
                module,
                question,
                option,
            } => {
                let found = self.known_module(module)?;
                let definition = found
                    .quiz
                    .questions
                    .iter()
                    .find(|q| &q.id == question)
                    .ok_or_else(|| Error::UnknownId(question.clone()))?;
                if !definition.options.iter().any(|o| &o.id == option) {
                    return Err(Error::UnknownId(option.clone()));
                }
                self.asked_now(progress, found, question)?;
                if entry(progress, module).quiz_checked.contains(question) {
                    return Err(Error::NotAllowed(format!(
                        "the answer to `{question}` was checked; retake the quiz to change it"
                    )));
                }
                let chosen = entry(progress, module)
                    .quiz_answers
                    .entry(question.clone())
                    .or_default();
                match definition.kind {
                    QuestionKind::Single => {
                        chosen.clear();
                        chosen.insert(option.clone());
                    }
                    QuestionKind::Multiple => {
                        if !chosen.remove(option) {
                            chosen.insert(option.clone());
                        }
                    }
                }
            }
            CourseAction::CheckAnswer { module, question } => {
                let found = self.known_module(module)?;
                if !found.quiz.questions.iter().any(|q| &q.id == question) {
                    return Err(Error::UnknownId(question.clone()));
                }
                self.asked_now(progress, found, question)?;
                entry(progress, module)
                    .quiz_checked
                    .insert(question.clone());
            }
            CourseAction::SubmitQuiz { module, date, at } => {
                let found = self.known_module(module)?;
                if crate::date::parse_date(date).is_none() {
                    return Err(Error::InvalidDate(date.clone()));
                }
                if let Some(at) = at {
                    if !is_timestamp_near(at, date) {
                        return Err(Error::InvalidDate(at.chars().take(40).collect()));
                    }
                }
                let pass_mark = self.pass_mark(found);
                let shown = self.quiz_shown(progress, found);
                let module_progress = entry(progress, module);
                let answers = std::mem::take(&mut module_progress.quiz_answers);
                module_progress.quiz_checked.clear();
                module_progress.quiz_shown.clear();
                let (correct, total) = score(found, &shown, &answers);
                let percent = percent(correct, total);
                module_progress.attempts.push(QuizAttempt {
                    date: date.clone(),
                    at: at.clone(),
                    shown,
                    answers,
                    correct,
                    total,
                    percent,
                    passed: percent >= pass_mark,
                });
            }
            CourseAction::DrawQuiz { module, seed } => {
                let found = self.known_module(module)?;
                let module_progress = entry(progress, module);
                if !module_progress.quiz_answers.is_empty() {
                    return Err(Error::NotAllowed(
                        "the quiz has answers; retake it to draw again".into(),
                    ));
                }
                let last = module_progress
                    .attempts
                    .last()
                    .map(|a| self.attempt_shown(found, a))
                    .unwrap_or_default();
                module_progress.quiz_checked.clear();
                module_progress.quiz_shown = super::draw::draw(found, &last, *seed);
            }
            CourseAction::RetakeQuiz { module, seed } => {
                let found = self.known_module(module)?;
                let module_progress = entry(progress, module);
                let last = module_progress
                    .attempts
                    .last()
                    .map(|a| self.attempt_shown(found, a))
                    .unwrap_or_default();
                module_progress.quiz_answers.clear();
                module_progress.quiz_checked.clear();
                module_progress.quiz_shown = super::draw::draw(found, &last, *seed);
            }
            CourseAction::SetFeedback {
                module,
                question,
                option,
            } => {
                self.known_module(module)?;
                let definition = self
                    .feedback_questions
                    .iter()
                    .find(|q| &q.id == question)
                    .ok_or_else(|| Error::UnknownId(question.clone()))?;
                if !definition.options.iter().any(|o| &o.id == option) {
                    return Err(Error::UnknownId(option.clone()));
                }
                entry(progress, module)
                    .feedback
                    .insert(question.clone(), option.clone());
            }
            CourseAction::SetLearnerName { name } => {
                progress.learner_name = name.trim().chars().take(100).collect();
            }
            CourseAction::AddActiveTime { module, seconds } => {
                self.known_module(module)?;
                if *seconds == 0 || *seconds > MAX_ACTIVE_SECONDS_PER_REPORT {
                    return Err(Error::NotAllowed(format!(
                        "active time is reported in steps of 1 to {MAX_ACTIVE_SECONDS_PER_REPORT} seconds"
                    )));
                }
                let module_progress = entry(progress, module);
                module_progress.active_seconds = module_progress
                    .active_seconds
                    .saturating_add(u64::from(*seconds));
            }
            CourseAction::AnswerFollowUp {
                date,
                improved,
                improvement,
            } => {
                if crate::date::parse_date(date).is_none() {
                    return Err(Error::InvalidDate(date.clone()));
                }
                if !self.follow_up_due(progress, date) && progress.follow_up.is_none() {
                    return Err(Error::NotAllowed(
                        "the follow-up is asked a few weeks after the course is complete".into(),
                    ));
                }
                progress.follow_up = Some(FollowUp {
                    date: date.clone(),
                    improved: *improved,
                    improvement: improvement.trim().chars().take(500).collect(),
                });
            }
            CourseAction::FollowUpLater { date } => {
                if crate::date::parse_date(date).is_none() {
                    return Err(Error::InvalidDate(date.clone()));
                }
                if !self.follow_up_due(progress, date) {
                    return Err(Error::NotAllowed(
                        "only a follow-up that is offered can be answered with later".into(),
                    ));
                }
                progress.follow_up_later = Some(date.clone());
            }
            CourseAction::SetIssuer { name, phone, url } => {
                let name: String = name.trim().chars().take(200).collect();
                progress.issuer = (!name.is_empty()).then(|| Issuer {
                    name,
                    phone: phone.trim().chars().take(100).collect(),
                    url: if crate::text::is_safe_href(url.trim()) {
                        url.trim().chars().take(500).collect()
                    } else {
                        String::new()
                    },
                    self_declared: true,
                });
            }
            CourseAction::SetLearnerId { id } => {
                if !is_learner_id(id) {
                    return Err(Error::NotAllowed(
                        "a learner id is 16 to 64 lowercase hex digits".into(),
                    ));
                }
                if progress.learner_id.is_empty() {
                    progress.learner_id = id.clone();
                }
            }
        }
        Ok(())
    }

    /// The quiz being taken, as shown: the draw, else (nothing drawn) the first questions in
    /// the pack's order. Drawn ids the pack no longer has are left out.
    pub fn quiz_shown(&self, progress: &CourseProgress, module: &Module) -> Vec<ShownQuestion> {
        let drawn = progress
            .modules
            .get(&module.id)
            .map(|m| known_shown(module, &m.quiz_shown))
            .unwrap_or_default();
        if drawn.is_empty() {
            super::draw::pack_order(module)
        } else {
            drawn
        }
    }

    /// The questions an attempt asked, as shown (older records: the first questions in the
    /// pack's order). Ids the pack does not have, and repeats, are left out.
    pub fn attempt_shown(&self, module: &Module, attempt: &QuizAttempt) -> Vec<ShownQuestion> {
        let shown = known_shown(module, &attempt.shown);
        if shown.is_empty() {
            super::draw::pack_order(module)
        } else {
            shown
        }
    }

    /// An attempt's score recomputed from its answers: (correct, total). The total is the
    /// questions it asked, never fewer than the quiz asks.
    pub fn attempt_score(&self, module: &Module, attempt: &QuizAttempt) -> (usize, usize) {
        score(
            module,
            &self.attempt_shown(module, attempt),
            &attempt.answers,
        )
    }

    fn asked_now(&self, progress: &CourseProgress, module: &Module, question: &str) -> Result<()> {
        if self
            .quiz_shown(progress, module)
            .iter()
            .any(|shown| shown.question == question)
        {
            Ok(())
        } else {
            Err(Error::NotAllowed(format!(
                "`{question}` is not asked in this attempt"
            )))
        }
    }

    /// The day the follow-up is first offered: [`FOLLOW_UP_AFTER_DAYS`] after completion.
    pub fn follow_up_from(&self, progress: &CourseProgress) -> Option<String> {
        let completed_on = self.result(progress).completed_on?;
        crate::date::add_days(&completed_on, FOLLOW_UP_AFTER_DAYS)
    }

    /// Whether the follow-up question is to be offered on `today`: the course is complete,
    /// its day has come, it is not answered yet, and no "later" was answered in the last
    /// [`FOLLOW_UP_LATER_DAYS`] days.
    pub fn follow_up_due(&self, progress: &CourseProgress, today: &str) -> bool {
        progress.follow_up.is_none()
            && progress.follow_up_later.as_deref().is_none_or(|later| {
                crate::date::days_between(later, today)
                    .is_some_and(|days| days >= FOLLOW_UP_LATER_DAYS)
            })
            && self
                .follow_up_from(progress)
                .and_then(|from| crate::date::days_between(&from, today))
                .is_some_and(|days| days >= 0)
    }

    /// Where a scenario stands for this learner.
    pub fn scenario_state(
        &self,
        progress: &CourseProgress,
        module: &str,
        scenario: &str,
    ) -> Option<ScenarioState> {
        let definition = self
            .module(module)?
            .scenarios
            .iter()
            .find(|s| s.id == scenario)?;
        let path = progress
            .modules
            .get(module)
            .and_then(|m| m.scenarios.get(scenario))
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        Some(scenario_state(definition, path))
    }

    /// Each module's status and the course's.
    pub fn result(&self, progress: &CourseProgress) -> CourseResult {
        let modules: Vec<ModuleResult> = self
            .modules
            .iter()
            .map(|module| self.module_result(module, progress.modules.get(&module.id)))
            .collect();
        let completed = modules.iter().filter(|m| m.completed).count();
        let completed_on = if completed == modules.len() && !modules.is_empty() {
            modules.iter().filter_map(|m| m.completed_on.clone()).max()
        } else {
            None
        };
        CourseResult {
            progress_percent: percent(completed, modules.len()),
            completed_modules: completed,
            completed_on,
            modules,
        }
    }

    fn module_result(&self, module: &Module, progress: Option<&ModuleProgress>) -> ModuleResult {
        let empty = ModuleProgress::default();
        let progress = progress.unwrap_or(&empty);
        let lessons_read = module
            .lessons
            .iter()
            .filter(|l| progress.lessons_read.contains(&l.id))
            .count();
        let scenarios_finished = module
            .scenarios
            .iter()
            .filter(|s| {
                let path = progress
                    .scenarios
                    .get(&s.id)
                    .map(Vec::as_slice)
                    .unwrap_or(&[]);
                scenario_state(s, path).finished
            })
            .count();
        let best = progress
            .attempts
            .iter()
            .max_by_key(|a| (a.percent, std::cmp::Reverse(a.date.clone())));
        let first_pass = progress.attempts.iter().find(|a| a.passed);
        let passed = first_pass.is_some();
        let completed = passed
            && lessons_read == module.lessons.len()
            && scenarios_finished == module.scenarios.len();
        let steps_total = module.lessons.len() + module.scenarios.len() + 1;
        let steps_done = lessons_read + scenarios_finished + usize::from(passed);
        ModuleResult {
            id: module.id.clone(),
            lessons_read,
            lessons: module.lessons.len(),
            scenarios_finished,
            scenarios: module.scenarios.len(),
            attempts: progress.attempts.len(),
            best_percent: best.map(|a| a.percent),
            passed,
            pass_mark: self.pass_mark(module),
            progress_percent: percent(steps_done, steps_total),
            completed,
            completed_on: if completed {
                first_pass.map(|a| a.date.clone())
            } else {
                None
            },
            feedback_given: self
                .feedback_questions
                .iter()
                .all(|q| progress.feedback.contains_key(&q.id)),
        }
    }
}

/// The shown questions the module has, each once, with only the option ids its question has
/// (and every one of them: missing ones are added in the pack's order).
fn known_shown(module: &Module, shown: &[ShownQuestion]) -> Vec<ShownQuestion> {
    let mut seen = crate::validate::IdSet::new();
    shown
        .iter()
        .filter_map(|item| {
            let question = module
                .quiz
                .questions
                .iter()
                .find(|q| q.id == item.question)?;
            if !seen.insert(question.id.as_str()) {
                return None;
            }
            let mut options: Vec<String> = Vec::new();
            for id in item
                .options
                .iter()
                .chain(question.options.iter().map(|o| &o.id))
            {
                if question.options.iter().any(|o| &o.id == id) && !options.contains(id) {
                    options.push(id.clone());
                }
            }
            Some(ShownQuestion {
                question: question.id.clone(),
                options,
            })
        })
        .collect()
}

/// (correct, total) of answers to the questions shown; the total is never below what the
/// quiz asks, so a record that names fewer questions cannot score higher.
fn score(module: &Module, shown: &[ShownQuestion], answers: &VecMap<VecSet>) -> (usize, usize) {
    let correct = shown
        .iter()
        .filter_map(|s| module.quiz.questions.iter().find(|q| q.id == s.question))
        .filter(|q| {
            answers
                .get(&q.id)
                .is_some_and(|chosen| is_correct(q, chosen))
        })
        .count();
    (correct, shown.len().max(module.quiz.asked()))
}

/// Whether `id` is 16 to 64 lowercase hex digits (a learner id).
pub fn is_learner_id(id: &str) -> bool {
    (16..=64).contains(&id.len()) && id.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// Whether `at` is a UTC timestamp within a day of `date` (the learner's local day: time
/// zones run from UTC−12 to UTC+14).
fn is_timestamp_near(at: &str, date: &str) -> bool {
    is_timestamp(at)
        && at
            .get(..10)
            .and_then(|day| crate::date::days_between(day, date))
            .is_some_and(|days| days.abs() <= 1)
}

/// Whether `at` is a UTC timestamp `YYYY-MM-DDTHH:MM:SS[.fraction]Z` on a real day.
pub fn is_timestamp(at: &str) -> bool {
    let Some((day, time)) = at.split_once('T') else {
        return false;
    };
    let Some(time) = time.strip_suffix('Z') else {
        return false;
    };
    let (clock, fraction) = time.split_once('.').unwrap_or((time, "0"));
    let parts: Vec<&str> = clock.split(':').collect();
    let two_digits = |s: &&str| s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit());
    let in_range = |s: &str, max: u8| s.parse::<u8>().is_ok_and(|v| v <= max);
    crate::date::parse_date(day).is_some()
        && parts.len() == 3
        && parts.iter().all(two_digits)
        && in_range(parts[0], 23)
        && in_range(parts[1], 59)
        && in_range(parts[2], 60)
        && !fraction.is_empty()
        && fraction.len() <= 9
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

fn entry<'a>(progress: &'a mut CourseProgress, module: &str) -> &'a mut ModuleProgress {
    progress.modules.entry(module.to_string()).or_default()
}

/// Whether the chosen options answer the question correctly: exactly the correct ones.
pub fn is_correct(question: &Question, chosen: &VecSet) -> bool {
    let correct: BTreeSet<&String> = question
        .options
        .iter()
        .filter(|o| o.correct)
        .map(|o| &o.id)
        .collect();
    !chosen.is_empty()
        && chosen.len() == correct.len()
        && chosen.iter().all(|c| correct.contains(c))
}

fn scenario_state(scenario: &super::Scenario, path: &[ScenarioStep]) -> ScenarioState {
    let mut node = scenario.start.clone();
    for step in path {
        let next = scenario
            .nodes
            .iter()
            .find(|n| n.id == step.node)
            .and_then(|n| n.choices.iter().find(|c| c.id == step.choice))
            .map(|c| c.next.clone());
        match next {
            Some(Some(next)) => node = next,
            Some(None) => {
                return ScenarioState {
                    node: step.node.clone(),
                    finished: true,
                }
            }
            None => break,
        }
    }
    let finished = scenario
        .nodes
        .iter()
        .find(|n| n.id == node)
        .is_none_or(|n| n.choices.is_empty());
    ScenarioState { node, finished }
}

/// `part` of `whole` in whole percent, rounded half up; 0 of nothing is 0.
pub fn percent(part: usize, whole: usize) -> u8 {
    if whole == 0 {
        return 0;
    }
    u8::try_from((part * 100 + whole / 2) / whole)
        .unwrap_or(100)
        .min(100)
}

/// A course's status for one learner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseResult {
    /// Completed modules as a share of all, 0–100.
    pub progress_percent: u8,
    /// How many modules are complete.
    pub completed_modules: usize,
    /// When the last module was completed, once all are.
    pub completed_on: Option<String>,
    /// Per module, in course order.
    pub modules: Vec<ModuleResult>,
}

/// One module's status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModuleResult {
    /// Module id.
    pub id: String,
    /// Lessons read.
    pub lessons_read: usize,
    /// Lessons in the module.
    pub lessons: usize,
    /// Scenarios played to an ending.
    pub scenarios_finished: usize,
    /// Scenarios in the module.
    pub scenarios: usize,
    /// Quiz attempts submitted.
    pub attempts: usize,
    /// Best quiz score.
    pub best_percent: Option<u8>,
    /// Whether any attempt passed.
    pub passed: bool,
    /// The pass mark.
    pub pass_mark: u8,
    /// Lessons, scenarios and quiz done, as a share, 0–100.
    pub progress_percent: u8,
    /// Lessons read, scenarios finished and quiz passed.
    pub completed: bool,
    /// The date of the first passing attempt, once complete.
    pub completed_on: Option<String>,
    /// Whether every closing feedback question is answered.
    pub feedback_given: bool,
}
