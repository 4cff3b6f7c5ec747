//! Files: export the answers (JSON, lossless; CSV for spreadsheets), import a saved file
//! (checked by the core before anything changes), erase with confirmation, and compare the
//! answers now with an earlier export.

use std::cell::RefCell;
use std::rc::Rc;

use kizuki_core::export::{import, Export, KitState};
use kizuki_core::import_preview::{needs_confirmation, preview, ImportPreview};
use kizuki_core::kind::checklist::{file_stem, Checklist, ChecklistAnswers};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::state::Ctx;
use super::text::fill;
use crate::file_button::FileButton;
use crate::import_confirm::{self, ImportConfirm, UndoImport};
use crate::platform;

/// The message for a core error code (`Error::code`) or a file-reading failure: the one
/// wording every kit uses.
pub fn error_message(lang: kizuki_core::Lang, code: &str) -> String {
    crate::locale::error_message(lang, code).to_string()
}

/// A file chosen with a [`FileButton`] and checked by the core.
struct Chosen {
    name: String,
    result: Result<Export, String>,
}

/// Reads the chosen file, checks it with `kizuki_core::export::import`, clears the input so
/// the same file can be chosen again, and hands the outcome on.
fn on_file_chosen(ctx: &Ctx, done: Callback<Chosen>) -> Callback<Event> {
    let pack = ctx.pack.clone();
    Callback::from(move |event: Event| {
        let input: HtmlInputElement = event.target_unchecked_into();
        let pack = pack.clone();
        let done = done.clone();
        yew::platform::spawn_local(async move {
            let read = platform::read_chosen_file(&input).await;
            input.set_value("");
            let chosen = match read {
                Ok((name, contents)) => Chosen {
                    name,
                    result: import(&pack, contents.as_bytes()).map_err(|e| e.code().to_string()),
                },
                Err(code) if code == "no file" => return,
                Err(code) => Chosen {
                    name: String::new(),
                    result: Err(code),
                },
            };
            done.emit(chosen);
        });
    })
}

fn answers_of(export: Export) -> Result<ChecklistAnswers, String> {
    export
        .state
        .into_state::<Checklist>()
        .ok_or_else(|| "does_not_fit".into())
}

/// What the files panel last did, for its status line.
#[derive(Clone, PartialEq)]
enum Status {
    Exported(String),
    ExportFailed(String),
    Refused {
        file: String,
        code: String,
    },
    /// The undo copy could not be written: nothing was imported.
    CopyFailed,
    /// The record from before the import is back.
    Restored,
}

/// A checked file waiting for the person's answer.
#[derive(Clone, PartialEq)]
struct Pending {
    name: String,
    answers: ChecklistAnswers,
    preview: ImportPreview,
}

/// Properties of [`FilesPanel`].
#[derive(Clone, PartialEq, Properties)]
pub struct FilesProps {
    /// What the view shares.
    pub ctx: Ctx,
    /// The stored record's revision, written into exports.
    pub revision: Rc<RefCell<u64>>,
    /// Replaces every answer: with a file's (its name given: the view goes to the
    /// results and says the file was read), or with the answers from before an import
    /// (no name: "undo").
    pub on_import: Callback<(Option<String>, ChecklistAnswers)>,
    /// Erases the stored answers.
    pub on_erase: Callback<()>,
}

/// Export, import and erase.
#[function_component(FilesPanel)]
pub fn files_panel(props: &FilesProps) -> Html {
    let ctx = &props.ctx;
    let text = ctx.text();
    let status = use_state(|| None::<Status>);
    let confirming = use_state(|| false);
    let pack_id = ctx.pack.pack().id.clone();

    let export_json = {
        let ctx = ctx.clone();
        let revision = props.revision.clone();
        let status = status.clone();
        let pack_id = pack_id.clone();
        Callback::from(move |_: MouseEvent| {
            let state = KitState::Checklist((*ctx.answers).clone());
            let export = Export::new(&ctx.pack, state, &platform::now_iso(), *revision.borrow());
            let stem = file_stem(&pack_id, &ctx.answers.workplace, &platform::today());
            let name = format!("{stem}.json");
            status.set(Some(
                match platform::download(&name, "application/json", &export.to_json()) {
                    Ok(()) => Status::Exported(name),
                    Err(detail) => Status::ExportFailed(detail),
                },
            ));
        })
    };
    let export_csv = {
        let ctx = ctx.clone();
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let csv = kizuki_core::csv_export::checklist_csv(
                ctx.checklist(),
                &ctx.answers,
                ctx.lang,
                &platform::today(),
            );
            let stem = file_stem(&pack_id, &ctx.answers.workplace, &platform::today());
            let name = format!("{stem}.csv");
            status.set(Some(
                match platform::download(&name, "text/csv;charset=utf-8", &csv) {
                    Ok(()) => Status::Exported(name),
                    Err(detail) => Status::ExportFailed(detail),
                },
            ));
        })
    };
    let record_key = platform::record_key(&ctx.namespace, &ctx.pack.pack().id);
    let pending = use_state(|| None::<Pending>);
    let undo_present = {
        let record_key = record_key.clone();
        use_state(move || import_confirm::undo_copy(&record_key).is_some())
    };
    // Keeps what is saved as the undo copy, then replaces it; never replaces without the copy.
    let replace_with = {
        let status = status.clone();
        let on_import = props.on_import.clone();
        let record_key = record_key.clone();
        let undo_present = undo_present.clone();
        Rc::new(
            move |name: String, answers: ChecklistAnswers, keep_copy: bool| {
                if keep_copy {
                    if import_confirm::keep_before_import(&record_key).is_err() {
                        status.set(Some(Status::CopyFailed));
                        return;
                    }
                    undo_present.set(true);
                }
                // The view says the file was read, above the results it goes to.
                status.set(None);
                on_import.emit((Some(name), answers));
            },
        )
    };
    let on_import = {
        let status = status.clone();
        let pending = pending.clone();
        let pack = ctx.pack.clone();
        let record_key = record_key.clone();
        let replace_with = replace_with.clone();
        on_file_chosen(
            ctx,
            Callback::from(move |chosen: Chosen| {
                let file = match chosen.result {
                    Ok(file) => file,
                    Err(code) => {
                        status.set(Some(Status::Refused {
                            file: chosen.name,
                            code,
                        }));
                        return;
                    }
                };
                let saved = platform::read(&record_key)
                    .ok()
                    .flatten()
                    .and_then(|text| import(&pack, text.as_bytes()).ok());
                let ask = needs_confirmation(&file, saved.as_ref());
                let compared = saved.as_ref().map(|saved| preview(&file, saved));
                match (answers_of(file), compared) {
                    (Err(code), _) => status.set(Some(Status::Refused {
                        file: chosen.name,
                        code,
                    })),
                    (Ok(answers), Some(preview)) if ask => {
                        status.set(None);
                        pending.set(Some(Pending {
                            name: chosen.name,
                            answers,
                            preview,
                        }));
                    }
                    (Ok(answers), _) => replace_with(chosen.name, answers, false),
                }
            }),
        )
    };
    let on_replace = {
        let pending = pending.clone();
        let replace_with = replace_with.clone();
        Callback::from(move |()| {
            if let Some(chosen) = (*pending).clone() {
                pending.set(None);
                replace_with(chosen.name, chosen.answers, true);
            }
        })
    };
    let on_cancel = {
        let pending = pending.clone();
        Callback::from(move |()| pending.set(None))
    };
    let on_undo = {
        let status = status.clone();
        let on_import = props.on_import.clone();
        let pack = ctx.pack.clone();
        let record_key = record_key.clone();
        let undo_present = undo_present.clone();
        Callback::from(move |()| {
            let Some(text) = import_confirm::undo_copy(&record_key) else {
                undo_present.set(false);
                return;
            };
            match import(&pack, text.as_bytes())
                .map_err(|e| e.code().to_string())
                .and_then(answers_of)
            {
                Ok(answers) => {
                    on_import.emit((None, answers));
                    let _ = platform::remove(&import_confirm::undo_key(&record_key));
                    undo_present.set(false);
                    status.set(Some(Status::Restored));
                }
                Err(code) => status.set(Some(Status::Refused {
                    file: import_confirm::undo_key(&record_key),
                    code,
                })),
            }
        })
    };
    let on_remove_copy = {
        let record_key = record_key.clone();
        let undo_present = undo_present.clone();
        Callback::from(move |()| {
            if platform::remove(&import_confirm::undo_key(&record_key)).is_ok() {
                undo_present.set(false);
            }
        })
    };
    let ask_erase = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let cancel_erase = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    let erase = {
        let confirming = confirming.clone();
        let on_erase = props.on_erase.clone();
        Callback::from(move |_: MouseEvent| {
            confirming.set(false);
            on_erase.emit(());
        })
    };

    let ui = crate::locale::ui_text(ctx.lang);
    let status_line = status.as_ref().map(|s| match s {
        Status::Exported(file) => (false, fill(text.exported, &[("file", file)])),
        Status::ExportFailed(detail) => (true, fill(text.export_failed, &[("detail", detail)])),
        Status::CopyFailed => (true, ui.import_copy_failed.to_string()),
        Status::Restored => (false, ui.import_undo_done.to_string()),
        Status::Refused { file, code } => (
            true,
            fill(
                text.import_refused,
                &[("file", file), ("reason", &error_message(ctx.lang, code))],
            ),
        ),
    });
    let import_id = ctx.id(&["import"]);
    html! {
        <section class="kizuki-cl-files" aria-labelledby={ctx.id(&["files-heading"])}>
            <h4 id={ctx.id(&["files-heading"])}>{ &text.files_heading }</h4>
            <p class="kizuki-cl-files-note">{ &text.autosave_note }</p>
            <p class="kizuki-cl-intro">{ &text.files_intro }</p>
            <div class="kizuki-actions">
                <button type="button" class="kizuki-button kizuki-button--secondary" data-testid="export-json"
                        onclick={export_json}>{ &text.export_json }</button>
                <button type="button" class="kizuki-button kizuki-button--secondary" data-testid="export-csv"
                        onclick={export_csv}>{ &text.export_csv }</button>
            </div>
            <div class="kizuki-actions kizuki-no-print">
                <FileButton id={import_id} label={text.import_label} test_id="import"
                            hint_id={ctx.id(&["import-hint"])} onchange={on_import} />
                <p class="kizuki-hint" id={ctx.id(&["import-hint"])}>{ &text.import_hint }</p>
            </div>
            if let Some(chosen) = &*pending {
                <ImportConfirm lang={ctx.lang} id_prefix={ctx.id(&[""])} file_name={chosen.name.clone()}
                               preview={chosen.preview.clone()} on_replace={on_replace} on_cancel={on_cancel} />
            }
            if *undo_present && pending.is_none() {
                <UndoImport lang={ctx.lang} on_undo={on_undo} on_remove={on_remove_copy} />
            }
            <div class="kizuki-cl-status" role="status" data-testid="files-status">
                if let Some((problem, message)) = &status_line {
                    <p class={classes!("kizuki-notice", problem.then_some("kizuki-notice--error"))}>{ message }</p>
                }
            </div>
            if *confirming {
                <div class="kizuki-confirm kizuki-confirm--danger" role="group" aria-labelledby={ctx.id(&["erase-text"])}>
                    <p id={ctx.id(&["erase-text"])}>{ &text.erase_confirm_text }</p>
                    <button type="button" class="kizuki-button kizuki-button--danger" data-testid="erase-confirm"
                            onclick={erase}>{ &text.erase_confirm }</button>
                    <button type="button" class="kizuki-button kizuki-button--secondary" onclick={cancel_erase}>
                        { &text.erase_cancel }
                    </button>
                </div>
            } else {
                <button type="button" class="kizuki-button kizuki-button--secondary kizuki-button--danger" data-testid="erase"
                        onclick={ask_erase}>{ &text.erase }</button>
            }
        </section>
    }
}

/// An earlier export chosen for comparison. Held by the view, so the results can mark
/// what changed in each area and action.
#[derive(Clone, PartialEq)]
pub struct Earlier {
    name: String,
    saved_at: String,
    /// Its answers.
    pub answers: ChecklistAnswers,
}

/// Properties of [`ComparePanel`].
#[derive(Clone, PartialEq, Properties)]
pub struct CompareProps {
    /// What the view shares (its `comparison` is made from `earlier`).
    pub ctx: Ctx,
    /// The earlier export chosen, if any.
    pub earlier: UseStateHandle<Option<Earlier>>,
}

/// Compare the answers now with an earlier export: overall and per area before and after,
/// and the items that improved or slipped back.
#[function_component(ComparePanel)]
pub fn compare_panel(props: &CompareProps) -> Html {
    let ctx = &props.ctx;
    let text = ctx.text();
    let lang = ctx.lang;
    let checklist = ctx.checklist();
    let earlier = props.earlier.clone();
    let refused = use_state(|| None::<(String, String)>);
    let on_choose = {
        let earlier = earlier.clone();
        let refused = refused.clone();
        on_file_chosen(
            ctx,
            Callback::from(move |chosen: Chosen| {
                let saved_at = chosen
                    .result
                    .as_ref()
                    .map(|e| e.saved_at.clone())
                    .unwrap_or_default();
                match chosen.result.and_then(answers_of) {
                    Ok(answers) => {
                        refused.set(None);
                        earlier.set(Some(Earlier {
                            name: chosen.name,
                            saved_at,
                            answers,
                        }));
                    }
                    Err(code) => refused.set(Some((chosen.name, code))),
                }
            }),
        )
    };
    let close = {
        let earlier = earlier.clone();
        Callback::from(move |_: MouseEvent| earlier.set(None))
    };
    let percent = |p: Option<u8>| p.map_or(text.compare_no_score.to_string(), |p| format!("{p}%"));
    let change = |before: Option<u8>, after: Option<u8>| match (before, after) {
        (Some(b), Some(a)) if a > b => fill(text.change_up, &[("n", &(a - b).to_string())]),
        (Some(b), Some(a)) if a < b => fill(text.change_down, &[("n", &(b - a).to_string())]),
        (Some(_), Some(_)) => text.change_same.to_string(),
        _ => text.compare_no_score.to_string(),
    };
    let item_list = |ids: &[String]| {
        if ids.is_empty() {
            return html! { <p>{ &text.compare_none }</p> };
        }
        // Folded: a year's changes can name dozens of items, and the marks on the chart and
        // the action plan already show them where they matter.
        html! {
            <details class="kizuki-cl-details">
                <summary>{ fill(text.compare_show_items, &[("n", &ids.len().to_string())]) }</summary>
                <ul>
                    { for ids.iter().filter_map(|id| checklist.item(id)).map(|item| html! {
                        <li data-item={item.id.clone()}>{ checklist.item_text(item, &ctx.answers).get(lang) }</li>
                    }) }
                </ul>
            </details>
        }
    };
    let input_id = ctx.id(&["compare-file"]);
    html! {
        <section class="kizuki-cl-compare" aria-labelledby={ctx.id(&["compare-heading"])}>
            <h4 id={ctx.id(&["compare-heading"])}>{ &text.compare_heading }</h4>
            <p class="kizuki-cl-intro">{ &text.compare_intro }</p>
            <div class="kizuki-actions kizuki-no-print">
                <FileButton id={input_id} label={text.compare_label} test_id="compare-file"
                            onchange={on_choose} />
            </div>
            <div role="status">
                if let Some((file, code)) = &*refused {
                    <p class="kizuki-notice kizuki-notice--error">
                        { fill(text.import_refused, &[("file", file), ("reason", &error_message(ctx.lang, code))]) }
                    </p>
                }
            </div>
            if let (Some(earlier), Some(comparison)) = (&*earlier, &ctx.comparison) {
                { {
                    let date = kizuki_core::report::display_date(
                        earlier.saved_at.get(..10).unwrap_or(&earlier.saved_at),
                        lang,
                    );
                    html! {
                        <div class="kizuki-cl-comparison" data-testid="comparison">
                            <p>{ fill(text.compare_loaded, &[("file", &earlier.name), ("date", &date)]) }</p>
                            <p class="kizuki-hint">{ &text.compare_marked }</p>
                            <p class="kizuki-cl-score-change">
                                { fill(text.compare_overall, &[
                                    ("before", &percent(comparison.percent_before)),
                                    ("after", &percent(comparison.percent_after)),
                                ]) }
                            </p>
                            <div class="kizuki-table-wrap">
                                <table class="kizuki-table kizuki-cl-table">
                                    <thead>
                                        <tr>
                                            <th scope="col">{ &text.compare_area }</th>
                                            <th scope="col">{ &text.compare_before }</th>
                                            <th scope="col">{ &text.compare_after }</th>
                                            <th scope="col">{ &text.compare_change }</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        { for comparison.areas.iter().filter_map(|row| {
                                            let area = checklist.areas.iter().find(|a| a.id == row.id)?;
                                            if row.percent_before.is_none() && row.percent_after.is_none() {
                                                return None;
                                            }
                                            Some(html! {
                                                <tr data-area={row.id.clone()}>
                                                    <th scope="row">{ area.title.get(lang) }</th>
                                                    <td>{ percent(row.percent_before) }</td>
                                                    <td>{ percent(row.percent_after) }</td>
                                                    <td>{ change(row.percent_before, row.percent_after) }</td>
                                                </tr>
                                            })
                                        }) }
                                    </tbody>
                                </table>
                            </div>
                            <h5>{ &text.compare_improved }</h5>
                            <div data-testid="improved">{ item_list(&comparison.improved) }</div>
                            <h5>{ &text.compare_worsened }</h5>
                            <div data-testid="worsened">{ item_list(&comparison.worsened) }</div>
                            <h5>{ &text.compare_new }</h5>
                            <div data-testid="new">{ item_list(&comparison.new) }</div>
                            <button type="button" class="kizuki-button kizuki-button--secondary" onclick={close}>
                                { &text.compare_close }
                            </button>
                        </div>
                    }
                } }
            }
        </section>
    }
}
