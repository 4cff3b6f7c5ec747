//! The slow and the outward flows: deriving keys (set, unlock, change, open a file), file
//! import, and the exports (encrypted by default; plain only after a warning; calendar).
//!
//! Argon2id takes a noticeable time in WebAssembly and blocks the page while it runs, so
//! every derivation first shows "checking the key" and lets the browser paint once.

use std::time::Duration;

use kizuki_core::export::import;
use kizuki_core::kind::plan::{Plan, PlanCases};
use kizuki_core::vault::{SealedRecord, VaultKey};
use kizuki_core::Error;
use yew::prelude::*;

use super::state::{Msg, Notice, Place, Placed, PlanNotice, PlanState};
use super::vault_store;
use super::Ctx;
use crate::platform;
use crate::shell::data_panel::{on_file_chosen, PanelChoice};

/// Long enough for the browser to paint the "checking the key" status before Argon2 runs.
const PAINT_FIRST: Duration = Duration::from_millis(40);

/// Runs `work` (a key derivation) after showing the busy status and letting the page paint.
fn derive_later(dispatch: UseReducerDispatcher<PlanState>, work: impl FnOnce() -> Msg + 'static) {
    dispatch.dispatch(Msg::Busy(true));
    yew::platform::spawn_local(async move {
        yew::platform::time::sleep(PAINT_FIRST).await;
        dispatch.dispatch(work());
    });
}

fn refused(error: &Error, place: Place) -> Msg {
    Msg::Refused(
        match error {
            Error::DecryptionFailed if place == Place::Import => PlanNotice::WrongPassphraseFile,
            Error::DecryptionFailed => PlanNotice::WrongPassphrase,
            Error::DamagedRecord if place == Place::Unlock => PlanNotice::DamagedRecord,
            Error::WeakPassphrase(problem) => PlanNotice::Weak(*problem),
            Error::BrokenRandomness => PlanNotice::RandomUnavailable,
            other => PlanNotice::Core(other.code()),
        },
        place,
    )
}

/// First use: derive a key under a fresh salt; the reducer seals and stores the cases.
pub fn on_setup(ctx: &Ctx<'_>) -> Callback<(String, String)> {
    let dispatch = ctx.dispatch.clone();
    Callback::from(move |(_, passphrase): (String, String)| {
        derive_later(dispatch.clone(), move || {
            match vault_store::new_key(&passphrase) {
                None => Msg::Refused(PlanNotice::RandomUnavailable, Place::Top),
                Some(Ok(key)) => Msg::Created(key),
                Some(Err(error)) => refused(&error, Place::Top),
            }
        });
    })
}

/// Later visits: open the stored record. A wrong passphrase changes nothing.
pub fn on_unlock(ctx: &Ctx<'_>) -> Callback<String> {
    let dispatch = ctx.dispatch.clone();
    let pack = ctx.state.pack.clone();
    let namespace = ctx.state.namespace.clone();
    Callback::from(move |passphrase: String| {
        let (pack, namespace) = (pack.clone(), namespace.clone());
        derive_later(dispatch.clone(), move || {
            let Some(record) = vault_store::stored_record(&pack, &namespace) else {
                return Msg::Refused(PlanNotice::ChangedElsewhere, Place::Unlock);
            };
            match vault_store::unlock(&pack, &passphrase, &record) {
                Ok((key, cases, revision)) => Msg::Opened {
                    key,
                    cases,
                    revision,
                    reseal: record.needs_key_check(),
                },
                Err(error) => refused(&error, Place::Unlock),
            }
        });
    })
}

/// Changing the passphrase: check the current one against the stored record, then derive
/// the new key under a new salt; the reducer re-seals everything under it.
pub fn on_change_passphrase(ctx: &Ctx<'_>) -> Callback<(String, String)> {
    let dispatch = ctx.dispatch.clone();
    let pack = ctx.state.pack.clone();
    let namespace = ctx.state.namespace.clone();
    let current_key = ctx.state.key().cloned();
    Callback::from(move |(current, new): (String, String)| {
        let (pack, namespace, current_key) = (pack.clone(), namespace.clone(), current_key.clone());
        derive_later(dispatch.clone(), move || {
            let Some(record) = vault_store::stored_record(&pack, &namespace) else {
                return Msg::Refused(PlanNotice::ChangedElsewhere, Place::Change);
            };
            match VaultKey::for_record(&current, &record) {
                Ok(key) if Some(&key) == current_key.as_ref() => {}
                Ok(_) => return Msg::Refused(PlanNotice::WrongPassphrase, Place::Change),
                Err(error) => return refused(&error, Place::Change),
            }
            match vault_store::new_key(&new) {
                None => Msg::Refused(PlanNotice::RandomUnavailable, Place::Change),
                Some(Ok(key)) => Msg::Rekey(key),
                Some(Err(error)) => refused(&error, Place::Change),
            }
        });
    })
}

/// A file was chosen: an encrypted one waits for its passphrase, a plain one is checked and
/// merged at once. A bad file gets a message and changes nothing.
pub fn on_import_file(ctx: &Ctx<'_>) -> Callback<Event> {
    let dispatch = ctx.dispatch.clone();
    let pack = ctx.state.pack.clone();
    on_file_chosen(Callback::from(move |choice: PanelChoice| {
        let msg = match choice {
            PanelChoice::File(file, text) => match SealedRecord::from_json(&text) {
                Ok(record) => Msg::AwaitImport(record),
                Err(error @ (Error::FutureVersion { .. } | Error::TooLarge { .. })) => {
                    refused_file(file, error.code())
                }
                Err(_) => match import(&pack, text.as_bytes()) {
                    Ok(export) => match export.state.into_state::<Plan>() {
                        Some(cases) => Msg::Import(cases),
                        None => refused_file(file, "does_not_fit"),
                    },
                    Err(error) => refused_file(file, error.code()),
                },
            },
            PanelChoice::Unreadable(file, code) => refused_file(file, code),
            _ => return,
        };
        dispatch.dispatch(msg);
    }))
}

/// A chosen file refused (the shell's notice, with the core's reason), under the import.
fn refused_file(file: String, code: &str) -> Msg {
    Msg::Notify(
        Placed::top(Notice::ImportRefused {
            file,
            code: code.to_string(),
        })
        .at(Place::Import),
    )
}

/// The passphrase of an encrypted file: open it and merge its cases.
pub fn on_import_passphrase(ctx: &Ctx<'_>) -> Callback<String> {
    let dispatch = ctx.dispatch.clone();
    let pack = ctx.state.pack.clone();
    let record = ctx.state.pending_import.clone();
    Callback::from(move |passphrase: String| {
        let Some(record) = record.clone() else {
            return;
        };
        let pack = pack.clone();
        derive_later(dispatch.clone(), move || {
            match vault_store::unlock(&pack, &passphrase, &record) {
                Ok((_, cases, _)) => Msg::Import(cases),
                Err(error) => refused(&error, Place::Import),
            }
        });
    })
}

/// Erasing everything (confirmed): the record and anything kept aside from it go; the
/// reducer then starts again, or says why not.
pub fn on_erase<E: 'static>(ctx: &Ctx<'_>) -> Callback<E> {
    let dispatch = ctx.dispatch.clone();
    let pack = ctx.state.pack.clone();
    let namespace = ctx.state.namespace.clone();
    Callback::from(move |_: E| {
        let done = vault_store::erase(&pack, &namespace).map_err(|error| error.code());
        dispatch.dispatch(Msg::Erased(done));
    })
}

/// A damaged stored record moved aside, byte for byte, to start again.
pub fn on_keep_aside(ctx: &Ctx<'_>) -> Callback<MouseEvent> {
    let dispatch = ctx.dispatch.clone();
    let pack = ctx.state.pack.clone();
    let namespace = ctx.state.namespace.clone();
    Callback::from(move |_: MouseEvent| {
        dispatch.dispatch(Msg::KeptAside(vault_store::keep_aside(&pack, &namespace)));
    })
}

/// What an export holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Every case.
    All,
    /// One case, by id.
    Case(String),
}

fn cases_in(ctx: &Ctx<'_>, scope: &Scope) -> Option<PlanCases> {
    match scope {
        Scope::All => Some(ctx.state.cases.clone()),
        Scope::Case(id) => ctx.state.cases.only(id),
    }
}

/// `<pack>-<date><suffix>` for every case; for one, `<pack>-case-<label>-<date><suffix>`
/// (the label made safe by the core: `Case::file_stem`).
fn file_name(pack_id: &str, scope: &Scope, cases: &PlanCases, suffix: &str) -> String {
    let today = platform::today();
    match scope {
        Scope::All => format!("{pack_id}-{today}{suffix}"),
        Scope::Case(id) => {
            let what = format!("{pack_id}-case");
            match cases.cases.get(id) {
                Some(case) => format!("{}{suffix}", case.file_stem(&what, &today)),
                None => format!("{what}-{today}{suffix}"),
            }
        }
    }
}

/// Exports the cases sealed under the current key (the default).
pub fn on_export_encrypted(ctx: &Ctx<'_>, scope: Scope) -> Callback<MouseEvent> {
    let dispatch = ctx.dispatch.clone();
    let pack = ctx.state.pack.clone();
    let key = ctx.state.key().cloned();
    let cases = cases_in(ctx, &scope);
    let revision = ctx.state.revision();
    Callback::from(move |_: MouseEvent| {
        let (Some(key), Some(cases)) = (&key, &cases) else {
            return;
        };
        let msg = match vault_store::seal(&pack, key, cases, revision) {
            Ok(json) => deliver(
                &file_name(&pack.pack().id, &scope, cases, ".encrypted.json"),
                "application/json",
                &json,
                PlanNotice::Exported,
                Place::Export,
            ),
            Err(_) => Msg::Notify(Placed::top(PlanNotice::RandomUnavailable).at(Place::Export)),
        };
        dispatch.dispatch(msg);
    })
}

/// Exports the cases as plain JSON (only reached after the health-information warning).
pub fn on_export_plain(ctx: &Ctx<'_>, scope: Scope) -> Callback<()> {
    let dispatch = ctx.dispatch.clone();
    let pack = ctx.state.pack.clone();
    let cases = cases_in(ctx, &scope);
    let revision = ctx.state.revision();
    Callback::from(move |()| {
        let Some(cases) = &cases else {
            return;
        };
        let json = vault_store::plain_json(&pack, cases, revision);
        dispatch.dispatch(deliver(
            &file_name(&pack.pack().id, &scope, cases, ".json"),
            "application/json",
            &json,
            PlanNotice::ExportedPlain,
            Place::Export,
        ));
    })
}

/// Exports a case's follow-up dates as an iCalendar file (case label and meeting only).
pub fn on_export_ics(ctx: &Ctx<'_>, case_id: &str) -> Callback<MouseEvent> {
    let dispatch = ctx.dispatch.clone();
    let pack = ctx.state.pack.clone();
    let case = ctx.state.cases.cases.get(case_id).cloned();
    let case_id = case_id.to_string();
    let lang = ctx.lang;
    Callback::from(move |_: MouseEvent| {
        let Some(case) = &case else {
            return;
        };
        let msg =
            match kizuki_core::ics::case_ics(&pack, &case_id, case, lang, &platform::now_iso()) {
                Ok(ics) => deliver(
                    &format!(
                        "{}.ics",
                        case.file_stem(
                            &format!("{}-follow-up", pack.pack().id),
                            &platform::today()
                        )
                    ),
                    "text/calendar",
                    &ics,
                    PlanNotice::ExportedCalendar,
                    Place::Calendar,
                ),
                Err(error) => {
                    Msg::Notify(Placed::top(PlanNotice::Core(error.code())).at(Place::Calendar))
                }
            };
        dispatch.dispatch(msg);
    })
}

fn deliver(name: &str, mime: &str, contents: &str, done: PlanNotice, place: Place) -> Msg {
    Msg::Notify(
        match platform::download(name, mime, contents) {
            Ok(()) => Placed::top(done),
            Err(detail) => Placed::top(Notice::ExportFailed(detail)),
        }
        .at(place),
    )
}

/// Downloads the stored record exactly as it is (a damaged one, to keep).
pub fn on_download_stored(ctx: &Ctx<'_>) -> Callback<MouseEvent> {
    let pack = ctx.state.pack.clone();
    let namespace = ctx.state.namespace.clone();
    Callback::from(move |_: MouseEvent| {
        if let Some(text) = vault_store::stored_text(&pack, &namespace) {
            let name = format!("{}-damaged-{}.json", pack.pack().id, platform::today());
            let _ = platform::download(&name, "application/json", &text);
        }
    })
}
