//! Return-to-work cases: several per person, each moving through the plan's steps, with
//! tasks, fields, notes, decisions, a kept history, and a computed follow-up schedule.

use serde::{Deserialize, Serialize};

use super::{FieldKind, Plan, Step, Task};
use crate::date::{add_days, parse_date};
use crate::error::{Error, Result};
use crate::pack::applies;
use crate::text::Text;
use crate::vec_map::VecMap;

/// All cases kept by one person. Serialised (then encrypted) into saved state and exports.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanCases {
    /// Cases by id.
    #[serde(default)]
    pub cases: VecMap<Case>,
}

impl PlanCases {
    /// Overwrites every text the cases hold with zeros, then empties them: what the
    /// planner does on lock, so the decrypted cases it held do not stay readable in the
    /// wasm memory. Copies already freed are the allocator's to zero: the planner's wasm
    /// uses one that zeroes every block it frees (`web/src/kind/plan.rs`).
    pub fn wipe(&mut self) {
        fn text(value: &mut String) {
            use zeroize::Zeroize;
            // The same buffer, zeroed where it lies (`into_bytes` does not copy), its whole
            // capacity too (a text that shrank leaves its old tail there).
            let mut bytes = std::mem::take(value).into_bytes();
            bytes.zeroize();
        }
        fn optional(value: &mut Option<String>) {
            value.iter_mut().for_each(text);
        }
        fn map(map: &mut VecMap<String>) {
            for (mut key, mut value) in std::mem::take(map) {
                text(&mut key);
                text(&mut value);
            }
        }
        for (mut id, mut case) in std::mem::take(&mut self.cases) {
            text(&mut id);
            text(&mut case.label);
            text(&mut case.opened);
            optional(&mut case.step);
            map(&mut case.fields);
            map(&mut case.tasks_done);
            map(&mut case.notes);
            for mut entry in std::mem::take(&mut case.history) {
                text(&mut entry.date);
                optional(&mut entry.event_date);
                text(&mut entry.step);
                text(&mut entry.outcome);
                optional(&mut entry.next);
                map(&mut entry.reopened_tasks);
            }
        }
    }
}

/// One worker's return-to-work case, under a label the user chose (a pseudonym).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// The label shown in lists.
    pub label: String,
    /// When the case was opened, `YYYY-MM-DD`.
    pub opened: String,
    /// The step the case is at; `None` once closed.
    pub step: Option<String>,
    /// Field values by field id.
    #[serde(default)]
    pub fields: VecMap<String>,
    /// Done tasks: task id → date done.
    #[serde(default)]
    pub tasks_done: VecMap<String>,
    /// Notes per step id.
    #[serde(default)]
    pub notes: VecMap<String>,
    /// Every decision taken, oldest first.
    #[serde(default)]
    pub history: Vec<HistoryEntry>,
}

impl Case {
    /// The name of a file downloaded for this case (a document, its calendar, its export)
    /// without its extension: `<what>-<label>-<date>`, the label made safe in a file name
    /// (`file_name::stem`), so two cases' files are told apart; `<what>-<date>` when nothing
    /// of the label is safe. The label is the pseudonym the user chose for the case.
    pub fn file_stem(&self, what: &str, today: &str) -> String {
        crate::file_name::stem(what, &self.label, today)
    }
}

/// What a case started on ([`Plan::case_start`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseStart<'a> {
    /// The pack's start field, filled in: its label and its date, `YYYY-MM-DD`.
    Field {
        /// The field's label (e.g. 休業開始日).
        label: &'a Text,
        /// The date.
        date: &'a str,
    },
    /// No start field, or not filled in yet: the day the case's record was made.
    Recorded(&'a str),
}

/// A decision taken on a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HistoryEntry {
    /// The day it was recorded, `YYYY-MM-DD`.
    pub date: String,
    /// The day it happened (e.g. the attending doctor's judgement), when the person gave
    /// one; never after [`HistoryEntry::date`]. Files written before it existed have none:
    /// the day recorded stands for it ([`HistoryEntry::event_day`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_date: Option<String>,
    /// The step decided.
    pub step: String,
    /// The outcome chosen.
    pub outcome: String,
    /// The step the case moved to; `None` closed it.
    pub next: Option<String>,
    /// Tasks that were done and are open again because the case went back (task → date).
    #[serde(default, skip_serializing_if = "VecMap::is_empty")]
    pub reopened_tasks: VecMap<String>,
}

impl HistoryEntry {
    /// The day it happened: the event date given, or else the day recorded.
    pub fn event_day(&self) -> &str {
        self.event_date.as_deref().unwrap_or(&self.date)
    }
}

/// Something done to the cases. Each maps to one change of [`PlanCases`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum PlanAction {
    /// Open a case at the first step. The caller chooses a fresh id.
    OpenCase {
        /// New case id.
        case: String,
        /// Label (a pseudonym is suggested).
        label: String,
        /// Today.
        date: String,
    },
    /// Change a case's label.
    RenameCase {
        /// Case id.
        case: String,
        /// New label.
        label: String,
    },
    /// Delete a case and everything in it.
    DeleteCase {
        /// Case id.
        case: String,
    },
    /// Set a field (empty clears it).
    SetField {
        /// Case id.
        case: String,
        /// Field id.
        field: String,
        /// Value.
        value: String,
    },
    /// Mark a task done on a date, or open again with `None`.
    SetTask {
        /// Case id.
        case: String,
        /// Task id.
        task: String,
        /// The date done.
        done: Option<String>,
    },
    /// Set the note on a step.
    SetNote {
        /// Case id.
        case: String,
        /// Step id.
        step: String,
        /// The note.
        text: String,
    },
    /// Take the decision that ends the current step.
    Decide {
        /// Case id.
        case: String,
        /// Outcome id of the current step's decision.
        outcome: String,
        /// Today (the day recorded).
        date: String,
        /// The day the decision was taken, if not today (not after `date`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        event_date: Option<String>,
    },
    /// Move on from a step without a decision.
    Advance {
        /// Case id.
        case: String,
        /// Today (the day recorded).
        date: String,
        /// The day it happened, if not today (not after `date`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        event_date: Option<String>,
    },
    /// Take back the last entry of the history (a decision, a move on, or the decision that
    /// closed the case): the case is at that entry's step again, and the tasks it opened
    /// again are done again, on their dates. Refused when the history is empty.
    UndoDecision {
        /// Case id.
        case: String,
    },
    /// Correct the day an entry of the history happened (not after the day it was recorded).
    SetEventDate {
        /// Case id.
        case: String,
        /// The entry's position in the history, oldest first.
        entry: usize,
        /// The day it happened.
        event_date: String,
    },
}

/// An event date is a real day, and not after the day it is recorded.
pub(crate) fn check_event_date(event_date: Option<&str>, recorded: &str) -> Result<()> {
    let Some(event_date) = event_date else {
        return Ok(());
    };
    check_date(event_date)?;
    // `YYYY-MM-DD` strings, both checked: their order is the calendar's.
    if event_date > recorded {
        return Err(Error::InvalidDate(format!(
            "{event_date} (after the day it is recorded, {recorded})"
        )));
    }
    Ok(())
}

fn set_last_event_date(case: &mut Case, event_date: &Option<String>) {
    if let Some(last) = case.history.last_mut() {
        last.event_date = event_date.clone().filter(|d| d != &last.date);
    }
}

/// Longest text kept in a field or note, in characters.
pub const MAX_CASE_TEXT_CHARS: usize = 10_000;

/// One follow-up meeting date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUpDate {
    /// Days after the anchor date.
    pub offset_days: u16,
    /// The date, `YYYY-MM-DD`.
    pub date: String,
}

impl Plan {
    /// The step with this id.
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }

    fn step_index(&self, id: &str) -> Option<usize> {
        self.steps.iter().position(|s| s.id == id)
    }

    /// The tasks of a step that apply to this case.
    pub fn tasks_for<'a>(
        &'a self,
        step: &'a Step,
        case: &'a Case,
    ) -> impl Iterator<Item = &'a Task> {
        step.tasks
            .iter()
            .filter(|task| applies(task.applies_if.as_ref(), &case.fields))
    }

    /// Applies one action. Unknown ids and impossible moves are refused and change nothing.
    pub fn apply(&self, cases: &mut PlanCases, action: &PlanAction) -> Result<()> {
        match action {
            PlanAction::OpenCase { case, label, date } => {
                check_date(date)?;
                if cases.cases.contains_key(case) || case.is_empty() {
                    return Err(Error::NotAllowed(format!("case id `{case}` is taken")));
                }
                let first = self.steps.first().map(|s| s.id.clone());
                cases.cases.insert(
                    case.clone(),
                    Case {
                        label: bounded(label, 100),
                        opened: date.clone(),
                        step: first,
                        ..Case::default()
                    },
                );
            }
            PlanAction::RenameCase { case, label } => {
                known_case(cases, case)?.label = bounded(label, 100);
            }
            PlanAction::DeleteCase { case } => {
                cases
                    .cases
                    .remove(case)
                    .ok_or_else(|| Error::UnknownId(case.clone()))?;
            }
            PlanAction::SetField { case, field, value } => {
                let definition = self
                    .fields
                    .iter()
                    .find(|f| &f.id == field)
                    .ok_or_else(|| Error::UnknownId(field.clone()))?;
                if !value.is_empty() {
                    match definition.kind {
                        FieldKind::Date => check_date(value)?,
                        FieldKind::Choice if !definition.options.iter().any(|o| &o.id == value) => {
                            return Err(Error::UnknownId(value.clone()))
                        }
                        _ => {}
                    }
                }
                let entry = known_case(cases, case)?;
                if value.is_empty() {
                    entry.fields.remove(field);
                } else {
                    entry
                        .fields
                        .insert(field.clone(), bounded(value, MAX_CASE_TEXT_CHARS));
                }
            }
            PlanAction::SetTask { case, task, done } => {
                if !self
                    .steps
                    .iter()
                    .flat_map(|s| &s.tasks)
                    .any(|t| &t.id == task)
                {
                    return Err(Error::UnknownId(task.clone()));
                }
                if let Some(date) = done {
                    check_date(date)?;
                }
                let entry = known_case(cases, case)?;
                match done {
                    Some(date) => entry.tasks_done.insert(task.clone(), date.clone()),
                    None => entry.tasks_done.remove(task),
                };
            }
            PlanAction::SetNote { case, step, text } => {
                self.step(step)
                    .ok_or_else(|| Error::UnknownId(step.clone()))?;
                let entry = known_case(cases, case)?;
                if text.is_empty() {
                    entry.notes.remove(step);
                } else {
                    entry
                        .notes
                        .insert(step.clone(), bounded(text, MAX_CASE_TEXT_CHARS));
                }
            }
            PlanAction::Decide {
                case,
                outcome,
                date,
                event_date,
            } => {
                check_date(date)?;
                check_event_date(event_date.as_deref(), date)?;
                let entry = known_case(cases, case)?;
                let current = self.current_step(entry)?;
                let decision = current
                    .decision
                    .as_ref()
                    .ok_or_else(|| Error::NotAllowed("this step has no decision".into()))?;
                let option = decision
                    .options
                    .iter()
                    .find(|o| &o.id == outcome)
                    .ok_or_else(|| Error::UnknownId(outcome.clone()))?;
                self.move_case(entry, &current.id, outcome, option.next.clone(), date);
                set_last_event_date(entry, event_date);
            }
            PlanAction::Advance {
                case,
                date,
                event_date,
            } => {
                check_date(date)?;
                check_event_date(event_date.as_deref(), date)?;
                let entry = known_case(cases, case)?;
                let current = self.current_step(entry)?;
                if current.decision.is_some() {
                    return Err(Error::NotAllowed("this step ends with a decision".into()));
                }
                let next = self
                    .step_index(&current.id)
                    .and_then(|i| self.steps.get(i + 1))
                    .map(|s| s.id.clone());
                self.move_case(entry, &current.id, "advance", next, date);
                set_last_event_date(entry, event_date);
            }
            PlanAction::UndoDecision { case } => {
                let entry = known_case(cases, case)?;
                let last = entry.history.last().ok_or_else(|| {
                    Error::NotAllowed("the case has no decision to take back".into())
                })?;
                self.step(&last.step)
                    .ok_or_else(|| Error::UnknownId(last.step.clone()))?;
                if let Some(last) = entry.history.pop() {
                    entry.step = Some(last.step);
                    for (task, done) in last.reopened_tasks {
                        entry.tasks_done.insert(task, done);
                    }
                }
            }
            PlanAction::SetEventDate {
                case,
                entry,
                event_date,
            } => {
                let case = known_case(cases, case)?;
                let history = case
                    .history
                    .get_mut(*entry)
                    .ok_or_else(|| Error::UnknownId(format!("history entry {entry}")))?;
                check_event_date(Some(event_date), &history.date)?;
                history.event_date = (event_date != &history.date).then(|| event_date.clone());
            }
        }
        Ok(())
    }

    fn current_step(&self, case: &Case) -> Result<&Step> {
        let id = case
            .step
            .as_deref()
            .ok_or_else(|| Error::NotAllowed("the case is closed".into()))?;
        self.step(id)
            .ok_or_else(|| Error::UnknownId(id.to_string()))
    }

    /// Moves a case; going back to an earlier (or the same) step opens that step's tasks
    /// and the later ones again, keeping their old dates in the history.
    fn move_case(
        &self,
        case: &mut Case,
        from: &str,
        outcome: &str,
        next: Option<String>,
        date: &str,
    ) {
        let mut reopened = VecMap::new();
        let from_index = self.step_index(from).unwrap_or(0);
        if let Some(target) = next.as_deref().and_then(|n| self.step_index(n)) {
            if target <= from_index {
                for task in self.steps[target..].iter().flat_map(|s| &s.tasks) {
                    if let Some(done) = case.tasks_done.remove(&task.id) {
                        reopened.insert(task.id.clone(), done);
                    }
                }
            }
        }
        case.history.push(HistoryEntry {
            date: date.to_string(),
            event_date: None,
            step: from.to_string(),
            outcome: outcome.to_string(),
            next: next.clone(),
            reopened_tasks: reopened,
        });
        case.step = next;
    }

    /// What a case started on, as its card and overview say it: the pack's start field (the
    /// first day of leave) once filled in, or else the day the record was made.
    pub fn case_start<'a>(&'a self, case: &'a Case) -> CaseStart<'a> {
        self.start_field
            .as_ref()
            .and_then(|id| {
                let field = self.fields.iter().find(|f| &f.id == id)?;
                let date = case.fields.get(id).filter(|d| !d.trim().is_empty())?;
                Some(CaseStart::Field {
                    label: &field.label,
                    date,
                })
            })
            .unwrap_or(CaseStart::Recorded(&case.opened))
    }

    /// The follow-up dates, once the anchor date is set.
    pub fn follow_up_dates(&self, case: &Case) -> Vec<FollowUpDate> {
        let Some(anchor) = case.fields.get(&self.follow_up.anchor_field) else {
            return Vec::new();
        };
        self.follow_up
            .offsets_days
            .iter()
            .filter_map(|&offset| {
                add_days(anchor, i64::from(offset)).map(|date| FollowUpDate {
                    offset_days: offset,
                    date,
                })
            })
            .collect()
    }

    /// A case's progress: for each step, applicable tasks done out of all.
    pub fn case_progress(&self, case: &Case) -> Vec<StepProgress> {
        self.steps
            .iter()
            .map(|step| {
                let tasks: Vec<&Task> = self.tasks_for(step, case).collect();
                StepProgress {
                    step: step.id.clone(),
                    done: tasks
                        .iter()
                        .filter(|t| case.tasks_done.contains_key(&t.id))
                        .count(),
                    total: tasks.len(),
                    current: case.step.as_deref() == Some(step.id.as_str()),
                    visits: case.history.iter().filter(|h| h.step == step.id).count(),
                }
            })
            .collect()
    }
}

/// Tasks done in one step of a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepProgress {
    /// Step id.
    pub step: String,
    /// Applicable tasks done.
    pub done: usize,
    /// Applicable tasks.
    pub total: usize,
    /// Whether the case is at this step.
    pub current: bool,
    /// How many times this step was decided (more than one when it repeated).
    pub visits: usize,
}

fn known_case<'a>(cases: &'a mut PlanCases, id: &str) -> Result<&'a mut Case> {
    cases
        .cases
        .get_mut(id)
        .ok_or_else(|| Error::UnknownId(id.to_string()))
}

fn check_date(value: &str) -> Result<()> {
    parse_date(value)
        .map(|_| ())
        .ok_or_else(|| Error::InvalidDate(value.to_string()))
}

fn bounded(text: &str, max_chars: usize) -> String {
    text.chars().take(max_chars).collect()
}
