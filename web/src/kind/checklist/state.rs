//! The checklist's state in the view: the person's answers in a reducer whose messages map
//! one-to-one to the core's `Checklist::apply`, the screen being shown, and what the screens
//! share (the [`Ctx`] handed to every part).

use std::rc::Rc;

use kizuki_core::kind::checklist::{
    AuditMode, Checklist, ChecklistAction, ChecklistAnswers, Comparison,
};
use kizuki_core::Lang;
use yew::prelude::*;

use super::text::{checklist_text, ChecklistText};
use crate::help::DirectoryState;
use crate::kind::PackRef;
use crate::CenterContact;

/// The pack's checklist. The frame only renders this view for checklist packs; any other
/// kind gets an empty checklist rather than a panic.
pub fn checklist_of(pack: &PackRef) -> &Checklist {
    static EMPTY: std::sync::OnceLock<Checklist> = std::sync::OnceLock::new();
    match pack.content::<Checklist>() {
        Some(checklist) => checklist,
        None => EMPTY.get_or_init(|| Checklist {
            profile: Vec::new(),
            scale: Vec::new(),
            why_not: Vec::new(),
            levels: Vec::new(),
            helpers: Vec::new(),
            areas: Vec::new(),
            consistency: Vec::new(),
            quick_scan: None,
            seconds_per_item: 20,
        }),
    }
}

/// The answers and a counter of changes still to be saved.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pack: PackRef,
    /// The person's answers.
    pub answers: Rc<ChecklistAnswers>,
    /// Counts changes that must be saved; the autosave effect runs when it moves.
    pub changes: u64,
}

/// A change of the answers.
pub enum Msg {
    /// One of the core's actions, applied with `Checklist::apply`.
    Apply(ChecklistAction),
    /// Replace every answer (import, erase, another tab's newer record).
    Replace {
        /// The new answers.
        answers: ChecklistAnswers,
        /// Whether the new answers must be saved (an import) or are already stored.
        save: bool,
    },
}

impl Model {
    /// Starts from answers already stored.
    pub fn new(pack: PackRef, answers: ChecklistAnswers) -> Model {
        Model {
            pack,
            answers: Rc::new(answers),
            changes: 0,
        }
    }
}

impl Reducible for Model {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        match msg {
            Msg::Apply(action) => {
                let mut answers = (*self.answers).clone();
                // The screens offer only ids from the pack; a refused action changes nothing.
                if checklist_of(&self.pack)
                    .apply(&mut answers, &action)
                    .is_err()
                    || answers == *self.answers
                {
                    return self;
                }
                Rc::new(Model {
                    pack: self.pack.clone(),
                    answers: Rc::new(answers),
                    changes: self.changes + 1,
                })
            }
            Msg::Replace { answers, save } => Rc::new(Model {
                pack: self.pack.clone(),
                answers: Rc::new(answers),
                changes: self.changes + u64::from(save),
            }),
        }
    }
}

/// Which screen is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The profile questions.
    Profile,
    /// One area, by its index in the pack.
    Area(usize),
    /// Results, action plan, draft plan, files.
    Results,
    /// The quick scan's key items on one screen.
    Quick,
    /// The quick scan's result: its first actions, a one-page summary.
    QuickResults,
}

impl Screen {
    /// Where to start: the profile until it is complete; in the quick scan (the record's
    /// mode), the scan until its items are answered, then its result; in the full audit,
    /// the first area with an unanswered item, else the results.
    pub fn start(checklist: &Checklist, answers: &ChecklistAnswers) -> Screen {
        if !checklist.profile_complete(answers) {
            return Screen::Profile;
        }
        if answers.mode == AuditMode::Quick {
            let quick = checklist.quick_scan_result(answers, &crate::platform::today());
            if !quick.items.is_empty() {
                return if quick.answered < quick.items.len() {
                    Screen::Quick
                } else {
                    Screen::QuickResults
                };
            }
        }
        Screen::full_audit(checklist, answers)
    }

    /// Where the full audit goes on: the first area with an unanswered item, else the
    /// results.
    pub fn full_audit(checklist: &Checklist, answers: &ChecklistAnswers) -> Screen {
        let result = checklist.scores(answers);
        checklist
            .areas_to_ask(answers)
            .into_iter()
            .find(|&index| {
                result
                    .areas
                    .get(index)
                    .is_some_and(|a| a.answered < a.applicable)
            })
            .map_or(Screen::Results, Screen::Area)
    }
}

/// What every part of the view needs: the pack, the language, the answers and the way to
/// change them.
#[derive(Clone, PartialEq)]
pub struct Ctx {
    /// The validated pack.
    pub pack: PackRef,
    /// The language shown.
    pub lang: Lang,
    /// Prefix of every element id in this widget (`kizuki-<namespace>-`).
    pub ids: Rc<str>,
    /// The widget's storage namespace.
    pub namespace: Rc<str>,
    /// The embedding center, if any.
    pub center: Option<CenterContact>,
    /// The places to get help (the center's directory or the built-in list).
    pub directory: DirectoryState,
    /// The answers now.
    pub answers: Rc<ChecklistAnswers>,
    /// What changed since the earlier export loaded for comparison, decided by the core
    /// (`Checklist::compare`); the results mark each area and action with it.
    pub comparison: Option<Rc<Comparison>>,
    /// Sends one core action.
    pub apply: Callback<ChecklistAction>,
}

impl Ctx {
    /// The pack's checklist.
    pub fn checklist(&self) -> &Checklist {
        checklist_of(&self.pack)
    }

    /// The UI strings in the shown language.
    pub fn text(&self) -> &'static ChecklistText {
        checklist_text(self.lang)
    }

    /// An element id unique to this widget.
    pub fn id(&self, parts: &[&str]) -> String {
        let mut id = self.ids.to_string();
        id.push_str(&parts.join("-"));
        id
    }

    /// The storage key of the draft plan's edits, next to the answers' record.
    pub fn draft_key(&self) -> String {
        format!(
            "{}/plan-draft",
            crate::platform::record_key(&self.namespace, &self.pack.pack().id)
        )
    }
}
