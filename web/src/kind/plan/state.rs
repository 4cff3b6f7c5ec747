//! The planner's state and its reducer. Case changes are [`PlanAction`]s applied by the
//! core (`Plan::apply`); after every change the reducer queues the save of the cases on the
//! shell's `Record` over the vault, which the view runs after rendering (sealed under the key
//! in memory): the reducer writes nothing.

use std::rc::Rc;

use kizuki_core::export::KitState;
use kizuki_core::kind::plan::{CaseConflict, Plan, PlanAction, PlanCases};
use kizuki_core::vault::{SealedRecord, VaultKey};
use yew::prelude::*;

use kizuki_core::Lang;

use super::text::{fill, plan_text};
use super::vault_store::{self, Stored, VaultStore};
use crate::kind::PackRef;
use crate::locale::error_message;
use crate::platform::StorageError;
use crate::shell;
use crate::shell::notice::KitNotice;
use crate::shell::record::{Effect, Outcome, Record, ShellNotice};

/// Where the person stands with the vault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Phase {
    /// Nothing stored yet: set a passphrase.
    Setup,
    /// A sealed record is stored: unlock it.
    Locked,
    /// Unlocked: the key stays in memory until locked.
    Unlocked(VaultKey),
}

/// The planner's own notices; storage problems, another tab, a refused file, a failed
/// download and erasing are the shell's (`shell::notice::Notice`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanNotice {
    /// Unlocking failed: wrong passphrase (or, for a record without a key check, a damaged
    /// record).
    WrongPassphrase,
    /// An encrypted file did not open with the passphrase given.
    WrongPassphraseFile,
    /// The passphrase is right but the record is damaged (its key check matched).
    DamagedRecord,
    /// A new passphrase refused by the core's check, and why.
    Weak(kizuki_core::passphrase::PassphraseProblem),
    /// Locked by the person.
    Locked,
    /// Locked by the inactivity timer.
    AutoLocked,
    /// A core error, by its code.
    Core(&'static str),
    /// An unencrypted record was found; it is sealed once a passphrase is set.
    PlainFound,
    /// Another tab changed the passphrase or erased: unlock again.
    ChangedElsewhere,
    /// Another tab erased the record while this one was unlocked: set up again.
    ErasedElsewhere,
    /// No secure random numbers.
    RandomUnavailable,
    /// An encrypted file was exported.
    Exported,
    /// A file without encryption was exported.
    ExportedPlain,
    /// A calendar file was exported.
    ExportedCalendar,
    /// What an import merged: the cases now here as the file has them, and the kept cases
    /// whose file copy the person chose not to take, by label.
    Imported {
        /// Cases added, replaced or already the same.
        brought_in: usize,
        /// Labels of kept cases left as they were, as the person chose.
        kept: Vec<String>,
    },
    /// The passphrase was changed.
    PassphraseChanged,
}

impl KitNotice for PlanNotice {
    fn message(&self, lang: Lang) -> String {
        let text = plan_text(lang);
        match self {
            PlanNotice::WrongPassphrase => text.wrong_passphrase.to_string(),
            PlanNotice::WrongPassphraseFile => text.wrong_passphrase_file.to_string(),
            PlanNotice::DamagedRecord => error_message(lang, "damaged_record").to_string(),
            PlanNotice::Weak(problem) => text.passphrase_problem(*problem),
            PlanNotice::Locked => text.locked.to_string(),
            PlanNotice::AutoLocked => text.auto_locked.to_string(),
            PlanNotice::Core(code) => error_message(lang, code).to_string(),
            PlanNotice::PlainFound => text.storage_plain_found.to_string(),
            PlanNotice::ChangedElsewhere => text.storage_changed_elsewhere.to_string(),
            PlanNotice::ErasedElsewhere => text.storage_erased_elsewhere.to_string(),
            PlanNotice::RandomUnavailable => text.random_unavailable.to_string(),
            PlanNotice::Exported => text.exported.to_string(),
            PlanNotice::ExportedPlain => text.exported_plain.to_string(),
            PlanNotice::ExportedCalendar => text.exported_calendar.to_string(),
            PlanNotice::Imported { brought_in, kept } => {
                let mut words = fill(text.imported, &[("n", &brought_in.to_string())]);
                if !kept.is_empty() {
                    let list = kept.join(if lang == Lang::Ja { "、" } else { ", " });
                    words.push(' ');
                    words.push_str(&fill(
                        text.import_kept,
                        &[("n", &kept.len().to_string()), ("cases", &list)],
                    ));
                }
                words
            }
            PlanNotice::PassphraseChanged => text.changed.to_string(),
        }
    }

    fn is_problem(&self) -> bool {
        !matches!(
            self,
            PlanNotice::Locked
                | PlanNotice::AutoLocked
                | PlanNotice::PlainFound
                | PlanNotice::Exported
                | PlanNotice::ExportedPlain
                | PlanNotice::ExportedCalendar
                | PlanNotice::PassphraseChanged
                | PlanNotice::Imported { .. }
        )
    }
}

/// Something to tell the person: the shell's one notice type with the planner's own.
pub type Notice = shell::notice::Notice<PlanNotice>;

impl From<PlanNotice> for Notice {
    fn from(own: PlanNotice) -> Notice {
        Notice::Kit(own)
    }
}

/// Where a notice shows: next to the action that caused it (and then it takes focus, so a
/// phone scrolls to it and a screen reader reads it), or at the top for what no action of
/// the person's caused (a lock, another tab, storage found damaged).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Place {
    /// Above everything; not focused.
    #[default]
    Top,
    /// Under the unlock form.
    Unlock,
    /// In the data panel's export part.
    Export,
    /// In the data panel's import part (also under an encrypted file's passphrase).
    Import,
    /// In the data panel's "change the passphrase" part.
    Change,
    /// Under the follow-up schedule's calendar export.
    Calendar,
}

/// A notice and where it shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// What to say.
    pub notice: Notice,
    /// Where it shows.
    pub place: Place,
}

impl Placed {
    /// A notice at the top.
    pub fn top(notice: impl Into<Notice>) -> Placed {
        Placed {
            notice: notice.into(),
            place: Place::Top,
        }
    }

    /// The same notice, shown at `place`.
    pub fn at(self, place: Place) -> Placed {
        Placed { place, ..self }
    }
}

/// Everything the planner shows.
#[derive(Debug, Clone)]
pub struct PlanState {
    /// The pack (a plan).
    pub pack: PackRef,
    /// The widget's storage namespace.
    pub namespace: String,
    /// Locked, unlocked, or not set up.
    pub phase: Phase,
    /// The cases (empty while locked).
    pub cases: PlanCases,
    /// The sealed record while unlocked (the shell's `Record` kept in the vault, its
    /// revision and its queue of saves, run by the view after rendering); `None` while
    /// locked or not set up.
    pub record: Option<Record>,
    /// The case shown.
    pub selected: Option<String>,
    /// The step shown in that case; `None` shows the case's current step.
    pub viewing: Option<String>,
    /// The document shown full page (ready to print), if any.
    pub document: Option<String>,
    /// The notice shown, and where.
    pub notice: Option<Placed>,
    /// A key is being derived (Argon2id is slow): forms wait.
    pub busy: bool,
    /// Counts the person's actions; the auto-lock timer restarts when it changes.
    pub activity: u64,
    /// Counts the moves of a case from one step to another (a decision, closing the case
    /// included, a move on, an undone decision or a reopened case) and the returns from an
    /// earlier step to the current one: when it changes, the view moves focus to the heading
    /// of the step now shown, where the person goes on (the button they pressed is gone with
    /// the step it was in).
    pub step_moves: u64,
    /// Cases from an unencrypted record, sealed when the passphrase is set.
    pub pending_plain: Option<PlanCases>,
    /// An encrypted file waiting for its passphrase.
    pub pending_import: Option<SealedRecord>,
    /// A file's cases, some kept here with other contents: waiting for the person to say,
    /// case by case, which copy stays (nothing is replaced unasked).
    pub pending_merge: Option<PendingMerge>,
}

/// Cases read from a file and what in them differs from the cases kept here.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingMerge {
    /// The file's cases.
    pub cases: PlanCases,
    /// Its cases kept here with other contents, in id order (the core's comparison).
    pub conflicts: Vec<CaseConflict>,
}

/// Everything that changes the state. `Plan` maps one-to-one to the core's `Plan::apply`.
#[derive(Debug, Clone)]
pub enum Msg {
    /// A key derivation starts (`true`) or was abandoned (`false`).
    Busy(bool),
    /// A passphrase was set: the new key, over the (possibly migrated) cases.
    Created(VaultKey),
    /// The stored record was unlocked.
    Opened {
        /// Its key.
        key: VaultKey,
        /// Its cases.
        cases: PlanCases,
        /// Its revision.
        revision: u64,
        /// The record was sealed before the key check (`SealedRecord::needs_key_check`):
        /// seal it again at once, so a damaged record is named as such next time.
        reseal: bool,
    },
    /// A key derivation or a check failed: say why (next to the form that asked), change
    /// nothing else.
    Refused(PlanNotice, Place),
    /// A change to the cases, applied by the core.
    Plan(PlanAction),
    /// Show a case.
    Select(Option<String>),
    /// Show a step of the selected case (`None`: its current step).
    View(Option<String>),
    /// Show a document full page, or go back.
    ShowDocument(Option<String>),
    /// Forget the key and the cases in memory.
    Lock {
        /// Locked by the inactivity timer.
        auto: bool,
    },
    /// The passphrase changed: re-seal under the new key.
    Rekey(VaultKey),
    /// An encrypted file was chosen: ask for its passphrase.
    AwaitImport(SealedRecord),
    /// The import is not done after all (an encrypted file's passphrase, or the choice
    /// between two copies of a case, abandoned): nothing changes.
    CancelImport,
    /// Cases read from a file, to merge in: at once when no case kept here differs, else
    /// after the person has chosen ([`Msg::ResolveImport`]).
    Import(PlanCases),
    /// The person's choice for the pending import: the ids of the cases whose file copy
    /// replaces the one kept here (the others stay).
    ResolveImport(Vec<String>),
    /// Everything stored was erased (`flows::on_erase`, outside the reducer), or why not
    /// (the storage error's code).
    Erased(Result<(), &'static str>),
    /// The damaged stored record was moved aside to this key (`flows::on_keep_aside`), kept
    /// byte for byte, to start again; `None`: it could not be moved and stays in place.
    KeptAside(Option<String>),
    /// Another tab wrote the record (its text; `None`: removed): when it is newer than what
    /// this page continues, say so and offer to load it.
    StoredElsewhere(Option<String>),
    /// Load the newer record another tab saved (opened with the key in memory, by the
    /// record's `Effect::Reload`).
    LoadNewer,
    /// What a queued save or reload came to.
    Outcome(Box<Outcome>),
    /// Show a message.
    Notify(Placed),
    /// Hide the message.
    Dismiss,
    /// The person did something (keeps the auto-lock away).
    Touch,
}

impl PlanState {
    /// The state a widget starts in, from what storage holds.
    pub fn start(pack: PackRef, namespace: String) -> PlanState {
        let found = vault_store::load(&pack, &namespace);
        let mut notice = found
            .problem
            .map(|problem| Placed::top(Notice::of_load_problem(problem)));
        let (phase, pending_plain) = match found.stored {
            Stored::Nothing => (Phase::Setup, None),
            Stored::Sealed(_) => (Phase::Locked, None),
            Stored::Plain(cases) => {
                notice = Some(Placed::top(PlanNotice::PlainFound));
                (Phase::Setup, Some(cases))
            }
        };
        PlanState {
            pack,
            namespace,
            phase,
            cases: PlanCases::default(),
            record: None,
            selected: None,
            viewing: None,
            document: None,
            notice,
            busy: false,
            activity: 0,
            step_moves: 0,
            pending_plain,
            pending_import: None,
            pending_merge: None,
        }
    }

    /// The plan of the pack (the frame only hands plan packs to this view).
    pub fn plan(&self) -> Option<&Plan> {
        self.pack.content::<Plan>()
    }

    /// The key, while unlocked.
    pub fn key(&self) -> Option<&VaultKey> {
        match &self.phase {
            Phase::Unlocked(key) => Some(key),
            _ => None,
        }
    }

    /// Merges a file's cases (`replace`: the kept cases whose file copy the person chose),
    /// says what came of it under the import, shows the first case brought in, and saves.
    fn merge(&mut self, cases: PlanCases, replace: &[String]) {
        let summary = self.cases.merge(cases, replace);
        let kept = summary
            .kept
            .iter()
            .map(|id| {
                self.cases
                    .cases
                    .get(id)
                    .map_or_else(|| id.clone(), |c| c.label.clone())
            })
            .collect();
        let imported = PlanNotice::Imported {
            brought_in: summary.total(),
            kept,
        };
        self.notice = Some(Placed::top(imported).at(Place::Import));
        if let Some(first) = summary.added.first().or(summary.replaced.first()) {
            self.selected = Some(first.clone());
            self.viewing = None;
            self.document = None;
        }
        self.persist();
    }

    fn forget(&mut self, phase: Phase) {
        self.phase = phase;
        // Zeroed, not only dropped: the decrypted texts do not stay in the wasm memory.
        self.cases.wipe();
        if let Some(plain) = self
            .pending_plain
            .as_mut()
            .filter(|_| self.phase != Phase::Setup)
        {
            plain.wipe();
        }
        self.record = None;
        self.selected = None;
        self.viewing = None;
        self.document = None;
        self.pending_import = None;
        if let Some(mut pending) = self.pending_merge.take() {
            pending.cases.wipe();
        }
        self.busy = false;
    }

    /// The vault's record of `key`, continuing `cases` at `revision` (its saves sealed under
    /// `key`, after opening the stored record with `check_with` when that is another key).
    fn keep_in_vault(&mut self, key: &VaultKey, check_with: Option<VaultKey>, revision: u64) {
        let store: Rc<dyn shell::record::Store> = match check_with {
            Some(old) => Rc::new(VaultStore::rekeyed(key.clone(), old)),
            None => Rc::new(VaultStore::new(key.clone())),
        };
        self.record = Some(Record::continuing(
            self.pack.clone(),
            &self.namespace,
            store,
            KitState::from(self.cases.clone()),
            revision,
        ));
    }

    /// Queues the save of the cases, sealed (run by the view after rendering; what it came
    /// to returns as `Msg::Outcome`).
    fn persist(&mut self) {
        if let Some(record) = &self.record {
            record.queue(Effect::Save(KitState::from(self.cases.clone())));
        }
    }

    /// The revision of the record these cases continue (0 while locked).
    pub fn revision(&self) -> u64 {
        self.record.as_ref().map_or(0, Record::revision)
    }

    /// What a queued save or reload came to: another tab's newer cases continued from, the
    /// vault's refusals as the planner's notices (a record that no longer opens with the key
    /// locks the page), storage problems as the shell's.
    fn outcome(&mut self, outcome: Outcome) {
        // Locked meanwhile: nothing comes back into the page.
        if self.key().is_none() {
            return;
        }
        match outcome {
            Outcome::Loaded { state, notice, .. } => {
                if let Some(cases) = state.into_state::<Plan>() {
                    self.continue_from(cases);
                }
                self.notice = notice.map(|notice| Placed::top(notice.lift()));
            }
            Outcome::Notice(ShellNotice::Storage(vault_store::CHANGED_ELSEWHERE)) => {
                self.forget(Phase::Locked);
                self.notice = Some(Placed::top(PlanNotice::ChangedElsewhere));
            }
            Outcome::Notice(ShellNotice::Storage(vault_store::NO_RANDOM)) => {
                self.notice = Some(Placed::top(PlanNotice::RandomUnavailable));
            }
            Outcome::Notice(notice) => self.notice = Some(Placed::top(notice.lift())),
            // The planner's record is not replaced by an import, nor erased through it.
            Outcome::Saved | Outcome::Replace { .. } | Outcome::Erased | Outcome::UndoKept(_) => {}
        }
    }

    /// Continues from the cases another tab saved (the ones here zeroed), on the case shown
    /// if it is still there.
    fn continue_from(&mut self, cases: PlanCases) {
        self.cases.wipe();
        self.cases = cases;
        if self
            .selected
            .as_ref()
            .is_some_and(|id| !self.cases.cases.contains_key(id))
        {
            self.selected = None;
            self.viewing = None;
            self.document = None;
        }
    }

    /// Another tab wrote the record: a sealed record that opens with the key in memory and
    /// is newer than these cases is announced ("load the newer one"), nothing changes until
    /// the person asks; one that does not open with it (the passphrase was changed there)
    /// locks this page, as a save would; a record erased there closes the cases here too
    /// (else this page's next save would write them back). Pure: the text comes with the
    /// message.
    fn stored_elsewhere(&mut self, text: Option<&str>) {
        let Some(key) = self.key() else {
            return;
        };
        let Some(text) = text else {
            self.forget(Phase::Setup);
            self.notice = Some(Placed::top(PlanNotice::ErasedElsewhere));
            return;
        };
        let Ok(record) = SealedRecord::from_json(text) else {
            return;
        };
        match vault_store::open(&self.pack, key, &record) {
            Ok((mut cases, revision)) => {
                cases.wipe();
                if revision > self.revision() {
                    self.notice = Some(Placed::top(Notice::OtherTab));
                }
            }
            Err(_) => {
                self.forget(Phase::Locked);
                self.notice = Some(Placed::top(PlanNotice::ChangedElsewhere));
            }
        }
    }

    fn apply(&mut self, action: PlanAction) {
        let Some(plan) = self.plan() else {
            return;
        };
        let mut cases = self.cases.clone();
        if let Err(error) = plan.apply(&mut cases, &action) {
            self.notice = Some(Placed::top(PlanNotice::Core(error.code())));
            return;
        }
        self.cases = cases;
        match &action {
            PlanAction::OpenCase { case, .. } => {
                self.selected = Some(case.clone());
                self.viewing = None;
                self.document = None;
            }
            PlanAction::DeleteCase { case } if self.selected.as_ref() == Some(case) => {
                self.selected = None;
                self.viewing = None;
                self.document = None;
            }
            PlanAction::Decide { .. }
            | PlanAction::Advance { .. }
            | PlanAction::UndoDecision { .. } => {
                self.viewing = None;
                self.step_moves += 1;
            }
            _ => {}
        }
        if matches!(
            self.notice,
            Some(Placed {
                notice: Notice::Kit(PlanNotice::Core(_)),
                ..
            })
        ) {
            self.notice = None;
        }
        self.persist();
    }
}

impl PlanState {
    /// Whether `msg` makes sense in the current phase.
    fn accepts(&self, msg: &Msg) -> bool {
        match msg {
            Msg::Created(_) => self.phase == Phase::Setup,
            Msg::Opened { .. } => self.phase == Phase::Locked,
            Msg::Plan(_)
            | Msg::Rekey(_)
            | Msg::AwaitImport(_)
            | Msg::Import(_)
            | Msg::StoredElsewhere(_)
            | Msg::LoadNewer => self.key().is_some(),
            _ => true,
        }
    }
}

impl Reducible for PlanState {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut next = (*self).clone();
        if !next.accepts(&msg) {
            // A late result of a derivation (the person locked or erased meanwhile) must
            // never write cases sealed under a key nobody holds any more.
            next.busy = false;
            return Rc::new(next);
        }
        match msg {
            Msg::Busy(busy) => {
                next.busy = busy;
                if busy {
                    next.notice = None;
                }
            }
            Msg::Created(key) => {
                next.busy = false;
                next.cases = next.pending_plain.take().unwrap_or_default();
                next.keep_in_vault(&key, None, 0);
                next.phase = Phase::Unlocked(key);
                next.notice = None;
                next.activity += 1;
                next.persist();
            }
            Msg::Opened {
                key,
                cases,
                revision,
                reseal,
            } => {
                next.busy = false;
                next.cases = cases;
                next.keep_in_vault(&key, None, revision);
                next.phase = Phase::Unlocked(key);
                next.notice = None;
                next.activity += 1;
                if next.cases.cases.len() == 1 {
                    next.selected = next.cases.cases.keys().next().cloned();
                }
                if reseal {
                    next.persist();
                }
            }
            Msg::Refused(message, place) => {
                next.busy = false;
                // The record no longer opens with the key here: unlock again, as a save would.
                if message == PlanNotice::ChangedElsewhere && next.key().is_some() {
                    next.forget(Phase::Locked);
                }
                next.notice = Some(Placed::top(message).at(place));
            }
            Msg::Plan(action) => {
                next.activity += 1;
                next.apply(action);
            }
            Msg::Select(case) => {
                next.activity += 1;
                next.selected = case;
                next.viewing = None;
                next.document = None;
            }
            Msg::View(step) => {
                next.activity += 1;
                // Back to the current step from an earlier one (「現在のステップを表示」, which
                // goes with the step it was in): focus to the heading shown, as after a move.
                // The tracker's buttons name a step and stay where they are.
                if step.is_none() && next.viewing.is_some() {
                    next.step_moves += 1;
                }
                next.viewing = step;
            }
            Msg::ShowDocument(document) => {
                next.activity += 1;
                next.document = document;
            }
            Msg::Lock { auto } => {
                if next.key().is_none() {
                    return self;
                }
                next.forget(Phase::Locked);
                next.notice = Some(Placed::top(if auto {
                    PlanNotice::AutoLocked
                } else {
                    PlanNotice::Locked
                }));
            }
            Msg::Rekey(key) => {
                next.busy = false;
                let old = next.key().cloned();
                let revision = next.revision();
                next.keep_in_vault(&key, old, revision);
                next.phase = Phase::Unlocked(key);
                next.activity += 1;
                next.notice = Some(Placed::top(PlanNotice::PassphraseChanged).at(Place::Change));
                next.persist();
            }
            Msg::AwaitImport(record) => {
                next.activity += 1;
                next.pending_import = Some(record);
            }
            Msg::CancelImport => {
                next.activity += 1;
                next.pending_import = None;
                if let Some(mut pending) = next.pending_merge.take() {
                    pending.cases.wipe();
                }
                next.busy = false;
            }
            Msg::Import(cases) => {
                next.activity += 1;
                next.busy = false;
                next.pending_import = None;
                let conflicts = next.cases.conflicts(&cases);
                if conflicts.is_empty() {
                    next.merge(cases, &[]);
                } else {
                    next.notice = None;
                    next.pending_merge = Some(PendingMerge { cases, conflicts });
                }
            }
            Msg::ResolveImport(replace) => {
                next.activity += 1;
                if let Some(pending) = next.pending_merge.take() {
                    next.merge(pending.cases, &replace);
                }
            }
            Msg::KeptAside(aside) => match aside {
                Some(aside) => {
                    next.forget(Phase::Setup);
                    next.notice = Some(Placed::top(Notice::KeptAside(aside)));
                }
                None => {
                    next.notice = Some(
                        Placed::top(Notice::Storage(StorageError::KeptInPlace.code()))
                            .at(Place::Unlock),
                    );
                }
            },
            Msg::Erased(done) => match done {
                Ok(()) => {
                    next.forget(Phase::Setup);
                    next.pending_plain = None;
                    next.notice = Some(Placed::top(Notice::Erased));
                }
                Err(code) => next.notice = Some(Placed::top(Notice::Storage(code))),
            },
            Msg::StoredElsewhere(text) => next.stored_elsewhere(text.as_deref()),
            Msg::LoadNewer => {
                next.activity += 1;
                next.notice = None;
                if let Some(record) = &next.record {
                    record.queue(Effect::Reload);
                }
            }
            Msg::Outcome(outcome) => next.outcome(*outcome),
            Msg::Notify(notice) => next.notice = Some(notice),
            Msg::Dismiss => next.notice = None,
            Msg::Touch => next.activity += 1,
        }
        Rc::new(next)
    }
}
