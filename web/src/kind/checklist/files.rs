//! Files: the shell's data panel for the answers (export as JSON, lossless, or CSV for
//! spreadsheets; import a saved file, checked by the core before anything changes; erase
//! with confirmation), and the checklist's own comparison of the answers now with an
//! earlier export (shown beside them, never stored, replacing nothing).

use kizuki_core::export::{import, Export};
use kizuki_core::kind::checklist::{Checklist, ChecklistAnswers};
use yew::prelude::*;

use super::state::{Ctx, Model};
use super::text::fill;
use crate::file_button::FileButton;
use crate::shell::data_panel::{DataPanel, PanelChoice, PanelWords};
use crate::shell::notice::{notice_slot, NoticeShown, NoticeSlotProps};

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

/// Reads the chosen file (the shell's `data_panel::on_file_chosen`, as every import does),
/// checks it with `kizuki_core::export::import`, and hands the outcome on.
fn on_file_chosen(ctx: &Ctx, done: Callback<Chosen>) -> Callback<Event> {
    let pack = ctx.pack.clone();
    crate::shell::data_panel::on_file_chosen(Callback::from(move |choice: PanelChoice| {
        let chosen = match choice {
            PanelChoice::File(name, contents) => Chosen {
                name,
                result: import(&pack, contents.as_bytes()).map_err(|e| e.code().to_string()),
            },
            PanelChoice::Unreadable(name, code) => Chosen {
                name,
                result: Err(code.to_string()),
            },
            _ => return,
        };
        done.emit(chosen);
    }))
}

fn answers_of(export: Export) -> Result<ChecklistAnswers, String> {
    export
        .state
        .into_state::<Checklist>()
        .ok_or_else(|| "does_not_fit".into())
}

/// Export, import and erase: the shell's data panel (its downloads the formats the core
/// offers for a checklist, JSON and CSV, named with the workplace's name), in the
/// checklist's words. `status` is what the panel last did, if anything.
pub fn files_panel(
    ctx: &Ctx,
    model: &UseReducerHandle<Model>,
    status: Option<NoticeShown>,
    on_reload: Callback<MouseEvent>,
) -> Html {
    let text = ctx.text();
    let lang = ctx.lang;
    let words = PanelWords {
        import_hint: Some(text.import_hint),
        ..text.data_panel.panel_words(lang)
    };
    let on_choice = crate::shell::kit::panel_choice(&model.shell.record, model.dispatcher(), lang);
    let status = html! {
        { notice_slot(NoticeSlotProps {
            slot_testid: Some("files-status"),
            ..NoticeSlotProps::new(lang, status, on_reload)
        }) }
    };
    html! {
        <section class="kizuki-cl-files" aria-labelledby={ctx.id(&["files-heading"])}>
            <h4 id={ctx.id(&["files-heading"])}>{ &text.files_heading }</h4>
            <DataPanel lang={lang} id_prefix={ctx.id(&[""])} formats={ctx.pack.pack().kit.file_formats()}
                       words={words} pending={model.shell.pending.clone()} undo_kept={model.shell.undo_kept}
                       on_choice={on_choice} status={status}>
                <p class="kizuki-cl-files-note">{ &text.autosave_note }</p>
                <p class="kizuki-cl-intro">{ &text.files_intro }</p>
            </DataPanel>
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
                        { fill(text.data_panel.import_refused, &[("file", file), ("reason", &error_message(ctx.lang, code))]) }
                    </p>
                }
            </div>
            if let (Some(earlier), Some(comparison)) = (&*earlier, &ctx.comparison) {
                { {
                    // When it was saved, in the reader's time zone (the file says UTC).
                    let date = crate::locale::local_date_time(lang, &earlier.saved_at);
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
