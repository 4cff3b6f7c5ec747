//! A kit's saved record and the effects on it. A reducer stays pure: it *queues* what it
//! wants done ([`Effect`]: save, download, keep the undo copy before an import, undo,
//! erase, reload) on its [`Record`], and the component runs the queue after rendering
//! ([`Record::run`]), sending each [`Outcome`] back to the reducer as a message. Storage is
//! touched here and in `platform`, never inside `reduce`. Where the record is kept is a
//! [`Store`]: plain in the browser's storage, or sealed (the planner's vault).
//!
//! The record's revision lives in the handle, shared by every clone of the kit's state, so
//! two saves queued before a render both continue the latest revision (a save that finds a
//! newer record from another tab loads it instead of writing over it).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use kizuki_core::export::{import, import_checked, Export, KitState};
use kizuki_core::import_preview::{needs_confirmation, preview, ImportPreview};
use kizuki_core::imported::ChangedClaim;
use kizuki_core::Lang;

use kizuki_core::kind::FileFormat;
use kizuki_core::ValidPack;
use yew::Callback;

use super::data_panel::PanelChoice;
use super::notice::{NoOwnNotice, Notice};
use crate::import_confirm;
use crate::kind::PackRef;
use crate::platform::{self, StorageError};

/// Why a [`Store`] did not write the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// Another tab saved a newer record: the page continues from it
    /// (`Kit::after_refused_save`).
    NewerElsewhere,
    /// Anything else, by its code (`StorageError::code`, or the store's own): the notice.
    Code(&'static str),
}

/// Where a kit's record is kept: plain in the browser's storage ([`Plain`], every kit but
/// the planner), or sealed under a key (the planner's vault, `kind/plan/vault_store.rs`).
/// The [`Record`] keeps the revision and the queue; the store only reads and writes.
pub trait Store {
    /// Reads the record: its state (empty when none), revision and a problem; `Err` with a
    /// code when it cannot be read at all (the vault's record no longer opens with the key).
    fn load(&self, pack: &ValidPack, namespace: &str) -> Result<platform::Loaded, &'static str>;
    /// Writes `state` as the revision after `revision`, unless a newer one is stored.
    fn save(
        &self,
        pack: &ValidPack,
        namespace: &str,
        state: &KitState,
        revision: u64,
    ) -> Result<u64, Refused>;
    /// A stored text (the undo copy; what is saved, when a file is checked against it).
    fn read(&self, pack: &ValidPack, text: &str) -> Option<Export>;
}

/// The plain record: the export envelope as JSON in `localStorage` (`platform`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plain;

impl Store for Plain {
    fn load(&self, pack: &ValidPack, namespace: &str) -> Result<platform::Loaded, &'static str> {
        Ok(platform::load_plain(pack, namespace))
    }

    fn save(
        &self,
        pack: &ValidPack,
        namespace: &str,
        state: &KitState,
        revision: u64,
    ) -> Result<u64, Refused> {
        platform::save_plain(pack, namespace, state, revision).map_err(|error| match error {
            StorageError::NewerElsewhere => Refused::NewerElsewhere,
            error => Refused::Code(error.code()),
        })
    }

    fn read(&self, pack: &ValidPack, text: &str) -> Option<Export> {
        import(pack, text.as_bytes()).ok()
    }
}

/// A notice from the shell itself (no kit's own notices).
pub type ShellNotice = Notice<NoOwnNotice>;

/// Something a reducer asks for; run by [`Record::run`] after rendering.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Save this state over the record (revision-checked).
    Save(KitState),
    /// Download the state as the record's JSON file (the export envelope, this revision).
    ExportRecord(KitState),
    /// Download a file the kit made (the course's xAPI statements).
    Download {
        /// The file's name.
        file: String,
        /// Its media type.
        mime: &'static str,
        /// Its text.
        contents: String,
    },
    /// Keep what is saved as the undo copy, then hand the imported state (from the file of
    /// this name) back to be shown and saved.
    Replace(String, KitState),
    /// Put the undo copy back.
    Undo,
    /// Remove the undo copy.
    RemoveUndoCopy,
    /// Remove a key whose contents the record now holds (the checklist's draft-plan edits,
    /// kept apart by older versions); queued after the save that holds them, skipped when
    /// that save fails.
    RemoveOldKey(String),
    /// Erase the record and its undo copy.
    Erase,
    /// Read the record again (another tab saved it).
    Reload,
}

/// What running an effect gives back to the kit's reducer.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The state was saved; a storage notice from before can go.
    Saved,
    /// Show this state and save it (an import confirmed, an undo), with this notice.
    Replace {
        /// The state to continue from.
        state: KitState,
        /// What to tell the person.
        notice: ShellNotice,
        /// Whether an undo copy is kept now.
        undo_kept: bool,
    },
    /// The record is read again: show this state, which is what is saved (do not save it).
    Loaded {
        /// The saved state.
        state: KitState,
        /// The saved record's revision.
        revision: u64,
        /// What to tell the person, if anything.
        notice: Option<ShellNotice>,
    },
    /// The record and its undo copy are gone: start empty.
    Erased,
    /// Whether an undo copy is kept now.
    UndoKept(bool),
    /// Tell the person.
    Notice(ShellNotice),
}

/// A file chosen for import, checked by the core, waiting for "replace what is saved?".
#[derive(Debug, Clone, PartialEq)]
pub struct PendingImport {
    /// The file's name.
    pub name: String,
    /// The state it gives (results recomputed from its answers).
    pub state: KitState,
    /// How it compares with the saved record; `None` when nothing is saved.
    pub preview: Option<ImportPreview>,
    /// Results the file claimed that its answers do not give (an edited file).
    pub changed: Vec<ChangedClaim>,
}

/// What a chosen file is, once the core has read it.
#[derive(Debug, Clone, PartialEq)]
pub enum Checked {
    /// Nothing would be lost: replace at once.
    Replace(String, KitState),
    /// Ask first (something newer or different is saved, or the file was edited).
    Ask(PendingImport),
    /// Refused, with the notice that says why; nothing changes.
    Refused(ShellNotice),
}

/// What a kit still has to do after [`Record::on_panel`].
#[derive(Debug, Clone, PartialEq)]
pub enum PanelTask {
    /// Nothing: the shell queued what was asked, or there was nothing to do.
    Done,
    /// A download of a format the shell does not write itself (CSV, xAPI): the kit makes it
    /// (a kit that offers no CSV so carries no CSV writer).
    Export(FileFormat),
}

/// A kit's record: its pack, storage key and revision, and the queue of effects.
#[derive(Clone)]
pub struct Record {
    pack: PackRef,
    /// Where the record is kept.
    store: Rc<dyn Store>,
    namespace: String,
    key: String,
    revision: Rc<Cell<u64>>,
    /// The record as this page last read or wrote it: what a save refused because another
    /// tab saved since is merged against (`Kit::after_refused_save`).
    base: Rc<RefCell<KitState>>,
    /// Keys erased with the record besides its undo copy (`Record::also_erases`).
    erased_with: Vec<String>,
    queue: Rc<RefCell<Vec<Effect>>>,
}

impl PartialEq for Record {
    fn eq(&self, other: &Record) -> bool {
        Rc::ptr_eq(&self.queue, &other.queue)
    }
}

impl std::fmt::Debug for Record {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Record")
            .field("key", &self.key)
            .field("revision", &self.revision.get())
            .field("queued", &self.queue.borrow().len())
            .finish()
    }
}

/// What [`Record::open`] found.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    /// The state to start from (empty when nothing usable was saved).
    pub state: KitState,
    /// Whether a record replaced by an import is kept for "undo import".
    pub undo_kept: bool,
    /// A problem to tell the person about.
    pub notice: Option<ShellNotice>,
}

impl Record {
    /// Opens the kit's record (`kizuki/<namespace>/<pack id>`): reads it (one damaged is set
    /// aside and said so), its revision and whether an undo copy is kept.
    pub fn open(pack: PackRef, namespace: &str) -> (Record, Opened) {
        let loaded = platform::load_plain(&pack, namespace);
        let key = platform::record_key(namespace, &pack.pack().id);
        let store: Rc<dyn Store> = Rc::new(Plain);
        let notice = loaded.problem.map(Notice::of_load_problem);
        let undo_kept = import_confirm::undo_copy(&key).is_some();
        let record = Record {
            pack,
            store,
            namespace: namespace.to_string(),
            key,
            revision: Rc::new(Cell::new(loaded.revision)),
            base: Rc::new(RefCell::new(loaded.state.clone())),
            erased_with: Vec::new(),
            queue: Rc::default(),
        };
        let opened = Opened {
            state: loaded.state,
            undo_kept,
            notice,
        };
        (record, opened)
    }

    /// A record read already, kept in `store` from now on (the planner's vault, opened with
    /// the key its passphrase gave): continues `state` at `revision`.
    pub fn continuing(
        pack: PackRef,
        namespace: &str,
        store: Rc<dyn Store>,
        state: KitState,
        revision: u64,
    ) -> Record {
        Record {
            key: platform::record_key(namespace, &pack.pack().id),
            pack,
            store,
            namespace: namespace.to_string(),
            revision: Rc::new(Cell::new(revision)),
            base: Rc::new(RefCell::new(state)),
            erased_with: Vec::new(),
            queue: Rc::default(),
        }
    }

    /// Erasing the record removes `key` too (something of the record kept apart from it).
    pub fn also_erases(mut self, key: String) -> Record {
        self.erased_with.push(key);
        self
    }

    /// The storage key of the record.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The revision of the record this page continues.
    pub fn revision(&self) -> u64 {
        self.revision.get()
    }

    /// Queues an effect (run after the next render).
    pub fn queue(&self, effect: Effect) {
        self.queue.borrow_mut().push(effect);
    }

    /// Another tab saved the record at `revision` (the `storage` event,
    /// `shell::other_tab`): a kit on the shell says so when it is newer than what this page
    /// continues, and changes nothing until the person asks ([`Record::load_newer`]).
    pub fn saved_elsewhere<K>(&self, revision: u64, notice: &mut Option<Notice<K>>) {
        if revision > self.revision() {
            *notice = Some(Notice::OtherTab);
        }
    }

    /// The person asked for the newer record: the notice goes and the record is read again.
    pub fn load_newer<K>(&self, notice: &mut Option<Notice<K>>) {
        *notice = None;
        self.queue(Effect::Reload);
    }

    /// The effects queued and not run yet (for tests and the component).
    pub fn queued(&self) -> Vec<Effect> {
        self.queue.borrow().clone()
    }

    /// Reads a chosen file through the core (`import_checked`: every id checked, results
    /// recomputed) and compares it with what is saved: whether it can replace at once or
    /// the person is asked first. Reads storage, writes nothing.
    pub fn check_import(&self, name: String, contents: &str) -> Checked {
        let refused = |code: &str| {
            Checked::Refused(Notice::ImportRefused {
                file: name.clone(),
                code: code.to_string(),
            })
        };
        let (export, changed) = match import_checked(&self.pack, contents.as_bytes()) {
            Ok(found) => found,
            Err(error) => return refused(error.code()),
        };
        let saved = platform::read(&self.key)
            .ok()
            .flatten()
            .and_then(|text| self.store.read(&self.pack, &text));
        let ask = needs_confirmation(&export, saved.as_ref());
        // An edited file is always questioned, saved record or not.
        let compared = saved.filter(|_| ask).map(|saved| preview(&export, &saved));
        if compared.is_none() && changed.is_empty() {
            return Checked::Replace(name, export.state);
        }
        Checked::Ask(PendingImport {
            name,
            state: export.state,
            preview: compared,
            changed,
        })
    }

    /// What a choice on the data panel comes to, the same for every kit: the record's JSON
    /// download of `state` (the export envelope, written after any save queued before it),
    /// "replace" with the file waiting in `pending` (taken), "keep what is saved" (dropped),
    /// undo, removing the undo copy, erasing. Another format comes back for the kit to write
    /// (`PanelTask::Export`). A chosen file never reaches here: [`Record::on_choice`] has the
    /// core read it first.
    pub fn on_panel(
        &self,
        choice: PanelChoice,
        state: impl FnOnce() -> KitState,
        pending: &mut Option<PendingImport>,
    ) -> PanelTask {
        match choice {
            PanelChoice::Export(FileFormat::Record) => self.queue(Effect::ExportRecord(state())),
            PanelChoice::Export(format) => return PanelTask::Export(format),
            PanelChoice::File(..) | PanelChoice::Unreadable(..) => {}
            PanelChoice::Replace => {
                if let Some(pending) = pending.take() {
                    self.queue(Effect::Replace(pending.name, pending.state));
                }
            }
            PanelChoice::KeepSaved => *pending = None,
            PanelChoice::Undo => self.queue(Effect::Undo),
            PanelChoice::RemoveUndoCopy => self.queue(Effect::RemoveUndoCopy),
            PanelChoice::Erase => self.queue(Effect::Erase),
        }
        PanelTask::Done
    }

    /// The data panel's `on_choice` for a kit: a chosen file is read by the core against
    /// what is saved ([`Record::check_import`]) and goes to `checked`, a file that could not
    /// be read is refused there too; every other choice goes to `choose` (the kit's
    /// reducer, which hands it to [`Record::on_panel`]).
    pub fn on_choice(
        &self,
        checked: Callback<Checked>,
        choose: Callback<PanelChoice>,
    ) -> Callback<PanelChoice> {
        let record = self.clone();
        Callback::from(move |choice: PanelChoice| match choice {
            PanelChoice::File(name, contents) => checked.emit(record.check_import(name, &contents)),
            PanelChoice::Unreadable(file, code) => {
                checked.emit(Checked::Refused(Notice::ImportRefused {
                    file,
                    code: code.to_string(),
                }))
            }
            choice => choose.emit(choice),
        })
    }

    /// Runs every queued effect in order, giving each outcome to `report`. Of several saves
    /// queued together only the last is written (each holds the whole state); after a save
    /// that did not happen, the undo copy is not removed.
    pub fn run(&self, report: impl Fn(Outcome)) {
        let effects = std::mem::take(&mut *self.queue.borrow_mut());
        let last_save = effects
            .iter()
            .rposition(|effect| matches!(effect, Effect::Save(_)));
        let mut save_failed = false;
        for (index, effect) in effects.into_iter().enumerate() {
            match effect {
                Effect::Save(_) if Some(index) != last_save => continue,
                Effect::RemoveUndoCopy | Effect::RemoveOldKey(_) if save_failed => continue,
                _ => {}
            }
            let saving = matches!(effect, Effect::Save(_));
            if let Some(outcome) = self.run_one(effect) {
                save_failed |= saving && outcome != Outcome::Saved;
                report(outcome);
            }
        }
    }

    fn run_one(&self, effect: Effect) -> Option<Outcome> {
        match effect {
            Effect::Save(state) => Some(self.save(&state)),
            Effect::ExportRecord(state) => Some(self.export_record(state)),
            Effect::Download {
                file,
                mime,
                contents,
            } => Some(Outcome::Notice(
                match platform::download(&file, mime, &contents) {
                    Ok(()) => Notice::Exported(file),
                    Err(detail) => Notice::ExportFailed(detail),
                },
            )),
            Effect::Replace(name, state) => {
                Some(match import_confirm::keep_before_import(&self.key) {
                    Ok(()) => Outcome::Replace {
                        state,
                        notice: Notice::Imported(name),
                        // Nothing was saved before an import into an empty kit: nothing to undo.
                        undo_kept: import_confirm::undo_copy(&self.key).is_some(),
                    },
                    Err(_) => Outcome::Notice(Notice::CopyFailed),
                })
            }
            // The copy stays until the state it holds is saved again: the kit queues the save,
            // then `RemoveUndoCopy` (skipped when that save fails).
            Effect::Undo => {
                let kept = import_confirm::undo_copy(&self.key)
                    .and_then(|text| self.store.read(&self.pack, &text))?;
                Some(Outcome::Replace {
                    state: kept.state,
                    notice: Notice::Restored,
                    undo_kept: true,
                })
            }
            Effect::RemoveUndoCopy => {
                let removed = platform::remove(&import_confirm::undo_key(&self.key)).is_ok();
                Some(Outcome::UndoKept(!removed))
            }
            Effect::RemoveOldKey(key) => {
                // Nothing to tell: a key left behind goes at a later visit's save, or when erasing.
                let _ = platform::remove(&key);
                None
            }
            Effect::Erase => Some(
                match self.erased_with.iter().fold(
                    platform::remove(&self.key)
                        .and(platform::remove(&import_confirm::undo_key(&self.key))),
                    |done, key| done.and(platform::remove(key)),
                ) {
                    Ok(()) => {
                        self.revision.set(0);
                        *self.base.borrow_mut() = KitState::empty_for(&self.pack.pack().kit);
                        Outcome::Erased
                    }
                    Err(error) => Outcome::Notice(Notice::Storage(error.code())),
                },
            ),
            Effect::Reload => Some(self.reload()),
        }
    }

    fn save(&self, state: &KitState) -> Outcome {
        let saved = self
            .store
            .save(&self.pack, &self.namespace, state, self.revision.get());
        match saved {
            Ok(revision) => {
                self.revision.set(revision);
                *self.base.borrow_mut() = state.clone();
                Outcome::Saved
            }
            Err(Refused::NewerElsewhere) => self.after_refused_save(state),
            Err(Refused::Code(code)) => Outcome::Notice(Notice::Storage(code)),
        }
    }

    /// Another tab saved since this page read the record: the core says what this page
    /// continues from (`Kit::after_refused_save`: the other tab's record, with what the
    /// kind merges of this page's changes). A merged state is not saved yet: its save is
    /// queued here, against the other tab's revision.
    fn after_refused_save(&self, ours: &KitState) -> Outcome {
        let refused = Notice::Storage(StorageError::NewerElsewhere.code());
        // The record as this page last had it, taken before loading makes the newer one the
        // base.
        let base = self.base.borrow().clone();
        let (theirs, revision, notice) = match self.load() {
            Ok(loaded) => loaded,
            Err(code) => return Outcome::Notice(Notice::Storage(code)),
        };
        let notice = notice.or(Some(refused));
        let merged = self
            .pack
            .pack()
            .kit
            .after_refused_save(&base, ours, theirs.clone());
        if merged != theirs {
            self.queue(Effect::Save(merged.clone()));
        }
        Outcome::Loaded {
            state: merged,
            revision,
            notice,
        }
    }

    fn reload(&self) -> Outcome {
        match self.load() {
            Ok((state, revision, notice)) => Outcome::Loaded {
                state,
                revision,
                notice,
            },
            Err(code) => Outcome::Notice(Notice::Storage(code)),
        }
    }

    /// Reads the record again: its state, revision and a problem to tell (`Err`: the
    /// store's code, nothing read).
    fn load(&self) -> Result<(KitState, u64, Option<ShellNotice>), &'static str> {
        let loaded = self.store.load(&self.pack, &self.namespace)?;
        self.revision.set(loaded.revision);
        *self.base.borrow_mut() = loaded.state.clone();
        let problem = loaded.problem.map(Notice::of_load_problem);
        Ok((loaded.state, loaded.revision, problem))
    }

    /// The name of a file of `format` downloaded for `state` (the core's
    /// `Kit::download_stem`: the checklist's carries the workplace's name).
    pub fn file_name(&self, format: FileFormat, state: &KitState) -> String {
        let today = platform::today();
        let pack = self.pack.pack();
        let stem = pack.kit.download_stem(&pack.id, state, &today);
        format.file_name(&stem, &pack.id, &today)
    }

    fn export_record(&self, state: KitState) -> Outcome {
        let file = self.file_name(FileFormat::Record, &state);
        let export = Export::new(&self.pack, state, &platform::now_iso(), self.revision());
        Outcome::Notice(
            match platform::download(&file, FileFormat::Record.mime(), &export.to_json()) {
                Ok(()) => Notice::Exported(file),
                Err(detail) => Notice::ExportFailed(detail),
            },
        )
    }
}

/// Queues the download of a state's CSV (the core's `Kit::csv`, dated today, in `lang`) for
/// a kit whose core offers `FileFormat::Csv`, or puts the reason it failed in `notice`. A
/// function apart from `Record::on_panel`, so a kit that offers no CSV carries no CSV writer
/// in its module.
pub fn queue_csv_download<K>(
    record: &Record,
    state: &KitState,
    lang: Lang,
    notice: &mut Option<Notice<K>>,
) {
    let today = platform::today();
    match record.pack.pack().kit.csv(state, lang, &today) {
        Ok(csv) => record.queue(Effect::Download {
            file: record.file_name(FileFormat::Csv, state),
            mime: FileFormat::Csv.mime(),
            contents: csv,
        }),
        Err(error) => *notice = Some(Notice::ExportFailed(error.to_string())),
    }
}

impl ShellNotice {
    /// The same notice in a kit's notice type.
    pub fn lift<K>(self) -> Notice<K> {
        match self {
            Notice::Storage(code) => Notice::Storage(code),
            Notice::KeptAside(key) => Notice::KeptAside(key),
            Notice::OtherTab => Notice::OtherTab,
            Notice::Exported(file) => Notice::Exported(file),
            Notice::ExportFailed(detail) => Notice::ExportFailed(detail),
            Notice::Imported(file) => Notice::Imported(file),
            Notice::ImportRefused { file, code } => Notice::ImportRefused { file, code },
            Notice::CopyFailed => Notice::CopyFailed,
            Notice::Restored => Notice::Restored,
            Notice::Erased => Notice::Erased,
            Notice::Kit(never) => match never {},
        }
    }
}
