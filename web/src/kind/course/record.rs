//! The record panel on the course map: where the progress is kept, export (JSON), import
//! with clear messages, and erase with confirmation.

use yew::prelude::*;

use super::rich::display_date;
use super::text::fill;
use super::{Ctx, Msg};
use crate::import_confirm::{ImportConfirm, UndoImport};
use crate::platform;

/// What an edited file claimed and what its answers give, one line per attempt: shown
/// before the file replaces anything.
fn changed_claims(ctx: &Ctx<'_>, changed: &[kizuki_core::imported::ChangedClaim]) -> Html {
    if changed.is_empty() {
        return Html::default();
    }
    let text = ctx.text;
    let lang = ctx.lang;
    let verdict = |passed: bool| {
        if passed {
            text.import_claim_passed
        } else {
            text.import_claim_failed
        }
    };
    let lines = changed.iter().map(|claim| {
        let title = ctx
            .course
            .module(&claim.module)
            .map_or(claim.module.as_str(), |m| m.title.get(lang));
        html! {
            <li>
                { fill(text.import_claim_line, &[
                    ("module", title),
                    ("date", &display_date(&claim.date, lang)),
                    ("claimed", &format!("{}%・{}", claim.claimed_percent, verdict(claim.claimed_passed))),
                    ("actual", &format!("{}%・{}", claim.percent, verdict(claim.passed))),
                ]) }
            </li>
        }
    });
    html! {
        <div class="kizuki-notice kizuki-notice--warning kizuki-course-import-claims"
             id={ctx.id("import-question")} tabindex="-1" role="alert">
            <p class="kizuki-course-update-heading">{ &text.import_claims_heading }</p>
            <p>{ &text.import_claims_intro }</p>
            <ul>{ for lines }</ul>
        </div>
    }
}

/// The record panel.
pub fn panel(ctx: &Ctx<'_>) -> Html {
    let text = ctx.text;
    let input_id = ctx.id("import");
    let on_file = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |event: Event| {
            let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            let dispatch = dispatch.clone();
            yew::platform::spawn_local(async move {
                let read = platform::read_chosen_file(&input).await;
                // Clear the input so choosing the same file again still fires `change`.
                input.set_value("");
                match read {
                    Ok((name, contents)) => dispatch.dispatch(Msg::Import(name, contents)),
                    Err(detail) => dispatch.dispatch(Msg::ImportUnreadable(detail)),
                }
            });
        })
    };
    let status = ctx.notice(true);
    html! {
        <section class="kizuki-card kizuki-card--tint kizuki-no-print kizuki-course-record" aria-labelledby={ctx.id("record-heading")}>
            <h3 id={ctx.id("record-heading")}>{ &text.record_panel_heading }</h3>
            <p class="kizuki-hint">{ &text.record_where }</p>
            <div class="kizuki-actions">
                <button type="button" class="kizuki-button kizuki-button--secondary" onclick={ctx.send(Msg::ExportJson)}>
                    { &text.export_json }
                </button>
                <button type="button" class="kizuki-button kizuki-button--secondary"
                        aria-describedby={ctx.id("xapi-hint")} onclick={ctx.send(Msg::ExportXapi(ctx.lang))}>
                    { &text.export_xapi }
                </button>
            </div>
            <p class="kizuki-hint" id={ctx.id("xapi-hint")}>{ &text.xapi_hint }</p>
            <div class="kizuki-field">
                <label for={input_id.clone()}>{ &text.import_label }</label>
                <input type="file" id={input_id} accept=".json,application/json" onchange={on_file} />
            </div>
            if let Some(pending) = &ctx.state.pending_import {
                { changed_claims(ctx, &pending.changed) }
                if let Some(preview) = &pending.preview {
                    <ImportConfirm lang={ctx.lang} id_prefix={ctx.id("")} file_name={pending.name.clone()}
                                   preview={preview.clone()}
                                   on_replace={ctx.dispatch_callback(|()| Msg::ConfirmImport)}
                                   on_cancel={ctx.dispatch_callback(|()| Msg::CancelImport)} />
                } else {
                    <div class="kizuki-actions">
                        <button type="button" class="kizuki-button" onclick={ctx.send(Msg::ConfirmImport)}>
                            { &text.import_recomputed_yes }
                        </button>
                        <button type="button" class="kizuki-button kizuki-button--secondary" onclick={ctx.send(Msg::CancelImport)}>
                            { &text.import_recomputed_no }
                        </button>
                    </div>
                }
            }
            if ctx.state.undo_kept && ctx.state.pending_import.is_none() {
                <UndoImport lang={ctx.lang}
                            on_undo={ctx.dispatch_callback(|()| Msg::UndoImport)}
                            on_remove={ctx.dispatch_callback(|()| Msg::RemoveUndoCopy)} />
            }
            <div class="kizuki-actions">
                if ctx.state.confirm_erase {
                    <div class="kizuki-confirm kizuki-confirm--danger" role="alertdialog" aria-labelledby={ctx.id("erase-confirm")}>
                        <p id={ctx.id("erase-confirm")} tabindex="-1">{ &text.erase_confirm }</p>
                        <button type="button" class="kizuki-button kizuki-button--danger" onclick={ctx.send(Msg::Erase)}>
                            { &text.erase_yes }
                        </button>
                        <button type="button" class="kizuki-button kizuki-button--secondary" onclick={ctx.send(Msg::AskErase(false))}>
                            { &text.erase_no }
                        </button>
                    </div>
                } else {
                    <button type="button" class="kizuki-button kizuki-button--secondary" id={ctx.id("erase")}
                            onclick={ctx.send(Msg::AskErase(true))}>
                        { &text.erase }
                    </button>
                }
            </div>
            <div id={ctx.id("record-status")} tabindex="-1" role="status" aria-live="polite">
                if let Some((message, problem)) = status {
                    <p class={classes!("kizuki-notice", problem.then_some("kizuki-notice--error"))}>
                        { message }
                    </p>
                }
            </div>
        </section>
    }
}
