//! The checklist's state in the view: the person's answers in a reducer whose messages map
//! one-to-one to the core's `Checklist::apply`, kept in the shell's record (saves, files and
//! erasing queued as effects), the screen being shown, and what the screens share (the
//! [`Ctx`] handed to every part).

use std::rc::Rc;

use kizuki_core::export::KitState;
use kizuki_core::kind::checklist::{Checklist, ChecklistAction, ChecklistAnswers, Comparison};
use kizuki_core::kind::FileFormat;
use kizuki_core::Lang;
use yew::prelude::*;

use super::text::{checklist_text, ChecklistText};
use crate::help::DirectoryState;
use crate::kind::PackRef;
use crate::shell;
use crate::shell::kit::{OnShell, ShellKit, ShellMsg, Shown};
use crate::shell::notice::KitNotice;
use crate::shell::record::{Effect, Record};
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

/// The checklist's own notice: an action the core refused (its error code).
#[derive(Debug, Clone, PartialEq)]
pub enum ChecklistNotice {
    /// The core refused a change (`Checklist::apply`'s error code): nothing changed.
    Refused(String),
}

impl KitNotice for ChecklistNotice {
    fn message(&self, lang: Lang) -> String {
        match self {
            ChecklistNotice::Refused(code) => crate::locale::error_message(lang, code).to_string(),
        }
    }

    fn is_problem(&self) -> bool {
        true
    }

    fn kind(&self) -> &'static str {
        "refused"
    }
}

/// Something the person should know: the shell's notices and the checklist's own.
pub type Notice = shell::notice::Notice<ChecklistNotice>;

/// The checklist's state: the answers, the screen, what to tell the person, and the record
/// they are saved in. The reducer queues every save, download and storage change on
/// `record` (`shell::record`), run by the view after rendering: `reduce` writes nothing.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pack: PackRef,
    /// The saved record and the effects queued on it, what to tell the person, a chosen
    /// file waiting for "replace what is saved?", whether an undo copy is kept.
    pub shell: OnShell<ChecklistNotice>,
    /// The person's answers (with the draft plan and its conflict copies).
    pub answers: Rc<ChecklistAnswers>,
    /// The screen shown.
    pub screen: Screen,
    /// Bumped when every answer is replaced (import, undo, erase), so the draft plan is
    /// drawn afresh.
    pub epoch: u32,
    /// The key of draft-plan edits kept apart from the record by older versions, while it
    /// may still be there: removed once a record holding a plan is saved.
    old_draft: Option<String>,
}

/// What the view asks the model to do.
pub enum Msg {
    /// One of the core's actions, applied with `Checklist::apply`, then saved.
    Apply(ChecklistAction),
    /// Show another screen.
    Go(Screen),
    /// The shell's: the data panel, a chosen file, what an effect came to, another tab.
    Shell(Box<ShellMsg>),
}

impl From<ShellMsg> for Msg {
    fn from(msg: ShellMsg) -> Msg {
        Msg::Shell(Box::new(msg))
    }
}

impl Model {
    /// Opens the checklist's record (`kizuki/<namespace>/<pack id>`) and starts where the
    /// person left off.
    pub fn new(pack: PackRef, namespace: &str) -> Model {
        let old_draft = old_draft_key(namespace, &pack);
        let (record, opened) = Record::open(pack.clone(), namespace);
        let record = record.also_erases(old_draft.clone());
        let shell = OnShell::new(record, &opened);
        let answers = opened.state.into_state::<Checklist>().unwrap_or_default();
        let screen = start(checklist_of(&pack), &answers);
        Model {
            pack,
            shell,
            answers: Rc::new(answers),
            screen,
            epoch: 0,
            old_draft: Some(old_draft),
        }
    }

    /// Applies one of the core's actions and queues the save; a refusal becomes the notice.
    /// False when nothing changed (nothing to draw or save).
    fn apply(&mut self, action: &ChecklistAction) -> bool {
        let mut answers = (*self.answers).clone();
        match checklist_of(&self.pack).apply(&mut answers, action) {
            Ok(()) if answers == *self.answers => false,
            Ok(()) => {
                self.answers = Rc::new(answers);
                self.shell.record.queue(Effect::Save(self.state()));
                true
            }
            Err(error) => {
                self.shell.notice = Some(Notice::Kit(ChecklistNotice::Refused(
                    error.code().to_string(),
                )));
                true
            }
        }
    }

    /// Shows answers that replaced every answer (an import, an undo, erasing).
    fn replace(&mut self, answers: ChecklistAnswers) {
        self.answers = Rc::new(answers);
        self.epoch = self.epoch.wrapping_add(1);
    }
}

impl ShellKit for Model {
    type Own = ChecklistNotice;

    fn shell(&self) -> &OnShell<ChecklistNotice> {
        &self.shell
    }

    fn shell_mut(&mut self) -> &mut OnShell<ChecklistNotice> {
        &mut self.shell
    }

    fn state(&self) -> KitState {
        KitState::from((*self.answers).clone())
    }

    fn show(&mut self, state: KitState, why: Shown) {
        let Some(answers) = state.into_state::<Checklist>() else {
            return;
        };
        match why {
            // Another tab's answers: the screen and the draft plan's editors stay.
            Shown::Loaded => self.answers = Rc::new(answers),
            Shown::Restored => self.replace(answers),
            Shown::Imported => {
                self.replace(answers);
                // A file read in goes to its results (or to the quick scan it was on), the
                // message above them.
                self.screen = checklist_of(&self.pack)
                    .imported_screen(&self.answers, &crate::platform::today());
            }
        }
    }

    fn erased(&mut self) {
        self.replace(ChecklistAnswers::default());
        self.old_draft = None;
        self.screen = Screen::Profile;
    }

    /// Its CSV, written here, so only a kit that offers it carries the writer.
    fn export(&mut self, format: FileFormat, lang: Lang) {
        shell::kit::export_csv(self, format, lang);
    }

    fn saved(&mut self) {
        if matches!(self.shell.notice, Some(Notice::Erased)) {
            self.shell.notice = None;
        }
        // The draft plan now lives in the record: the old separate key goes once a record
        // holding a plan is saved.
        if !self.answers.plan.is_empty() {
            if let Some(key) = self.old_draft.take() {
                self.shell.record.queue(Effect::RemoveOldKey(key));
            }
        }
    }
}

/// The key under which older versions kept the draft plan's edits, next to the record.
pub fn old_draft_key(namespace: &str, pack: &PackRef) -> String {
    format!(
        "{}/plan-draft",
        crate::platform::record_key(namespace, &pack.pack().id)
    )
}

impl Reducible for Model {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut next = (*self).clone();
        match msg {
            Msg::Apply(action) => {
                // Nothing changed: nothing to draw or save.
                if !next.apply(&action) {
                    return self;
                }
            }
            Msg::Go(screen) => {
                next.screen = screen;
                // The screen the person is on is part of the record, so a reload goes back
                // there (the core's `resume`).
                next.apply(&ChecklistAction::SetScreen { screen });
            }
            Msg::Shell(msg) => shell::kit::take(&mut next, *msg),
        }
        Rc::new(next)
    }
}

/// Which screen is shown: the core's screens, whose record keeps the one shown.
pub use kizuki_core::kind::checklist::ChecklistScreen as Screen;

/// Where to start: where the core says a reload picks up (`Checklist::resume`: the screen
/// the person was on, results included; the profile until it is complete).
pub fn start(checklist: &Checklist, answers: &ChecklistAnswers) -> Screen {
    checklist.resume(answers, &crate::platform::today())
}

/// Where the full audit goes on: the first area with an unanswered item, else the
/// results.
pub fn full_audit(checklist: &Checklist, answers: &ChecklistAnswers) -> Screen {
    checklist
        .first_open_area(answers)
        .map_or(Screen::Results, Screen::Area)
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
    /// The model's dispatcher: the same from one render to the next, so a component given
    /// it (an item) is not rendered again for it.
    pub dispatcher: UseReducerDispatcher<Model>,
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
}
