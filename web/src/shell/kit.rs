//! A kit's model on the shell: what a kit holds of the shell ([`OnShell`]: its record, the
//! notice, a file waiting for "replace?", whether an undo copy is kept), the messages the
//! shell sends its reducer ([`ShellMsg`]), and the one way they are taken ([`take`]): the
//! data panel's choices, a chosen file as the core read it, what each effect came to,
//! another tab's save. A kit says only what is its own ([`ShellKit`]: how its state is
//! shown, what erasing starts from, the downloads the shell does not write) and its view
//! calls [`use_shell`] once, which runs the queued effects after rendering and listens for
//! other tabs.

use kizuki_core::export::KitState;
use kizuki_core::kind::FileFormat;
use kizuki_core::Lang;
use yew::prelude::*;

use super::data_panel::PanelChoice;
use super::notice::{KitNotice, Notice};
use super::record::{Checked, Effect, Opened, Outcome, PendingImport, Record, ShellNotice};

/// What a kit on the shell holds besides its own state.
#[derive(Debug, Clone, PartialEq)]
pub struct OnShell<K> {
    /// The saved record and the effects queued on it.
    pub record: Record,
    /// What to tell the person.
    pub notice: Option<Notice<K>>,
    /// A chosen file waiting for "replace what is saved?".
    pub pending: Option<PendingImport>,
    /// Whether the record an import replaced is kept for "undo import".
    pub undo_kept: bool,
}

impl<K> OnShell<K> {
    /// The shell's part of a kit that has just opened its record (`Record::open`).
    pub fn new(record: Record, opened: &Opened) -> OnShell<K> {
        OnShell {
            record,
            notice: opened.notice.clone().map(ShellNotice::lift),
            pending: None,
            undo_kept: opened.undo_kept,
        }
    }
}

/// What the shell sends a kit's reducer: one variant of the kit's own message enum
/// (`From<ShellMsg>`), taken by [`take`].
#[derive(Debug, Clone, PartialEq)]
pub enum ShellMsg {
    /// The data panel: a download (a kit's own format in this language), replace, keep,
    /// undo, erase.
    Panel(PanelChoice, Lang),
    /// A chosen file as the core read it (`Record::check_import`).
    Checked(Checked),
    /// What a queued effect came to.
    Outcome(Outcome),
    /// Another tab saved the record at this revision.
    SavedElsewhere(u64),
    /// Load what another tab saved.
    Reload,
    /// Hide the notice.
    Dismiss,
}

/// Why a state from elsewhere replaces the kit's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// A file was imported (replacing what was saved).
    Imported,
    /// "Undo import" put back what the import replaced.
    Restored,
    /// The record was read again (another tab's save, or a save refused because of it).
    Loaded,
}

/// What a kit says of itself on the shell; the rest is the shell's ([`take`]).
pub trait ShellKit {
    /// The kit's own notices.
    type Own: KitNotice;

    /// The shell's part of the kit's model.
    fn shell(&self) -> &OnShell<Self::Own>;

    /// … to change.
    fn shell_mut(&mut self) -> &mut OnShell<Self::Own>;

    /// The kit's state as the record holds it.
    fn state(&self) -> KitState;

    /// Shows a state that replaces the kit's (its screen follows as the kit wants).
    fn show(&mut self, state: KitState, why: Shown);

    /// The record is erased: start empty.
    fn erased(&mut self);

    /// A download of a format the shell does not write (`PanelTask::Export`: CSV through
    /// `record::queue_csv_download`, the course's xAPI). A kit writes the formats its core
    /// offers (`Kit::file_formats`) and nothing else, so a kit without CSV carries no CSV
    /// writer.
    fn export(&mut self, format: FileFormat, lang: Lang);

    /// The state was saved (the shell has cleared a storage notice already).
    fn saved(&mut self) {}

    /// A save or another effect did not happen (its notice is already set).
    fn failed(&mut self) {}

    /// A chosen file waits for "replace?" (the notice about the record is cleared).
    fn asking(&mut self) {}
}

/// Takes a message of the shell: the same for every kit.
pub fn take<M: ShellKit>(model: &mut M, msg: ShellMsg) {
    match msg {
        ShellMsg::Panel(choice, lang) => {
            let record = model.shell().record.clone();
            let mut pending = model.shell_mut().pending.take();
            let task = record.on_panel(choice, || model.state(), &mut pending);
            model.shell_mut().pending = pending;
            if let super::record::PanelTask::Export(format) = task {
                model.export(format, lang);
            }
        }
        ShellMsg::Checked(Checked::Replace(name, state)) => {
            model.shell_mut().pending = None;
            let undo_kept = model.shell().undo_kept;
            outcome(
                model,
                Outcome::Replace {
                    state,
                    notice: Notice::Imported(name),
                    undo_kept,
                },
            );
        }
        ShellMsg::Checked(Checked::Ask(pending)) => {
            let shell = model.shell_mut();
            if shell
                .notice
                .as_ref()
                .is_some_and(Notice::is_about_the_record)
            {
                shell.notice = None;
            }
            shell.pending = Some(pending);
            model.asking();
        }
        ShellMsg::Checked(Checked::Refused(notice)) => {
            model.shell_mut().notice = Some(notice.lift());
        }
        ShellMsg::Outcome(done) => outcome(model, done),
        ShellMsg::SavedElsewhere(revision) => {
            let shell = model.shell_mut();
            shell.record.saved_elsewhere(revision, &mut shell.notice);
        }
        ShellMsg::Reload => {
            let shell = model.shell_mut();
            shell.record.load_newer(&mut shell.notice);
        }
        ShellMsg::Dismiss => model.shell_mut().notice = None,
    }
}

/// What an effect came to, taken the same way by every kit.
fn outcome<M: ShellKit>(model: &mut M, outcome: Outcome) {
    match outcome {
        Outcome::Saved => {
            let shell = model.shell_mut();
            if matches!(shell.notice, Some(Notice::Storage(_))) {
                shell.notice = None;
            }
            model.saved();
        }
        Outcome::Replace {
            state,
            notice,
            undo_kept,
        } => {
            let restored = notice == ShellNotice::Restored;
            model.show(
                state,
                if restored {
                    Shown::Restored
                } else {
                    Shown::Imported
                },
            );
            let state = model.state();
            let shell = model.shell_mut();
            shell.record.queue(Effect::Save(state));
            if restored {
                // Once the restored state is saved, the copy has done its work (the shell
                // keeps it when that save fails, whose notice then replaces this one).
                shell.record.queue(Effect::RemoveUndoCopy);
            }
            shell.undo_kept = undo_kept;
            shell.notice = Some(notice.lift());
        }
        Outcome::Loaded { state, notice, .. } => {
            model.show(state, Shown::Loaded);
            model.shell_mut().notice = notice.map(ShellNotice::lift);
        }
        Outcome::Erased => {
            model.erased();
            let shell = model.shell_mut();
            shell.undo_kept = false;
            shell.notice = Some(Notice::Erased);
        }
        Outcome::UndoKept(kept) => model.shell_mut().undo_kept = kept,
        Outcome::Notice(notice) => {
            let failed = notice.is_problem();
            model.shell_mut().notice = Some(notice.lift());
            if failed {
                model.failed();
            }
        }
    }
}

/// [`ShellKit::export`] for a kit whose one format of its own is CSV (the checklist, the
/// stress self-check): queues the state's CSV (`record::queue_csv_download`). Only a kit that
/// calls it carries the CSV writer.
pub fn export_csv<M: ShellKit>(model: &mut M, format: FileFormat, lang: Lang) {
    if format == FileFormat::Csv {
        let state = model.state();
        let shell = model.shell_mut();
        super::record::queue_csv_download(&shell.record, &state, lang, &mut shell.notice);
    }
}

/// The shell's part of a kit's view: runs the effects the reducer queued (saving,
/// downloads, the undo copy, erasing) after rendering, each outcome back to the reducer,
/// and listens for another tab's save of the record (`other_tab`).
#[hook]
pub fn use_shell<M>(model: &UseReducerHandle<M>)
where
    M: Reducible + ShellKit + 'static,
    M::Action: From<ShellMsg>,
{
    {
        let record = model.shell().record.clone();
        let dispatcher = model.dispatcher();
        use_effect(move || {
            record.run(|outcome| dispatcher.dispatch(ShellMsg::Outcome(outcome).into()))
        });
    }
    super::other_tab::use_record_changes(model.shell().record.key().to_string(), {
        let dispatcher = model.dispatcher();
        Callback::from(move |revision| {
            dispatcher.dispatch(ShellMsg::SavedElsewhere(revision).into())
        })
    });
}

/// The data panel's `on_choice` for a kit's view: a chosen file goes through the core
/// (`Record::on_choice`), every other choice to the reducer with the page's language.
pub fn panel_choice<M>(
    record: &Record,
    dispatcher: UseReducerDispatcher<M>,
    lang: Lang,
) -> Callback<PanelChoice>
where
    M: Reducible + 'static,
    M::Action: From<ShellMsg>,
{
    let checked = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |checked| dispatcher.dispatch(ShellMsg::Checked(checked).into()))
    };
    let choose =
        Callback::from(move |choice| dispatcher.dispatch(ShellMsg::Panel(choice, lang).into()));
    record.on_choice(checked, choose)
}

/// A button that sends a shell message (the notice's "load the newer one", "close").
pub fn send<M>(dispatcher: UseReducerDispatcher<M>, msg: ShellMsg) -> Callback<MouseEvent>
where
    M: Reducible + 'static,
    M::Action: From<ShellMsg>,
{
    Callback::from(move |_: MouseEvent| dispatcher.dispatch(msg.clone().into()))
}
