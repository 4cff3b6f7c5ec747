//! The data panel: where the cases live, export (encrypted by default, plain only after a
//! warning about health information; every button says which), import (either kind),
//! changing the passphrase, and erasing everything. Each part shows the notice its own
//! action caused, right under it, and moves focus there.

use kizuki_core::kind::plan::{CaseConflict, CaseProgress, Further};
use kizuki_core::report::display_date;
use kizuki_core::Lang;
use yew::prelude::*;

use super::flows::{self, Scope};
use super::state::{Msg, Place};
use super::text::{fill, plan_text};
use super::widgets::{NewPassphraseForm, PassphraseEntry};
use super::{notice_view, Ctx};
use crate::file_button::FileButton;
use crate::shell::confirm::Confirm;

/// The panel under the cases.
pub fn data_panel(ctx: &Ctx<'_>) -> Html {
    let text = ctx.text;
    let selected = ctx
        .state
        .selected
        .clone()
        .filter(|id| ctx.state.cases.cases.contains_key(id));
    let has_cases = !ctx.state.cases.cases.is_empty();
    let import_id = ctx.id("import-file");
    html! {
        <section class="kizuki-plan-data" aria-labelledby={ctx.id("data-heading")}>
            <h3 id={ctx.id("data-heading")}>{ &text.data_heading }</h3>
            <p>{ &text.data_where }</p>

            <div class="kizuki-plan-data-part">
                <h4>{ &text.export_heading }</h4>
                <p class="kizuki-hint">{ &text.export_encrypted_note }</p>
                <div class="kizuki-actions">
                    <button type="button" class="kizuki-button" disabled={!has_cases} data-export="sealed-all"
                            onclick={flows::on_export_encrypted(ctx, Scope::All)}>
                        { &text.data_panel.export_json }
                    </button>
                    if let Some(id) = &selected {
                        <button type="button" class="kizuki-button kizuki-button--secondary" data-export="sealed-case"
                                onclick={flows::on_export_encrypted(ctx, Scope::Case(id.clone()))}>
                            { &text.export_case }
                        </button>
                    }
                </div>
                if has_cases {
                    <div class="kizuki-plan-plain-exports">
                        <p class="kizuki-plan-plain-heading"><strong>{ &text.export_plain_heading }</strong></p>
                        <Confirm lang={ctx.lang} danger=true open_label={text.export_plain_open.to_string()}
                                 question={text.export_plain_warning.to_string()}
                                 yes_label={text.export_plain_all.to_string()}
                                 on_confirm={flows::on_export_plain(ctx, Scope::All)} />
                        if let Some(id) = &selected {
                            <Confirm key={id.clone()} lang={ctx.lang} danger=true
                                     class={classes!("kizuki-plan-plain-case")}
                                     open_label={text.export_plain_case_open.to_string()}
                                     question={text.export_plain_warning.to_string()}
                                     yes_label={text.export_plain_case.to_string()}
                                     on_confirm={flows::on_export_plain(ctx, Scope::Case(id.clone()))} />
                        }
                    </div>
                }
                { notice_view(ctx, Place::Export) }
            </div>

            <div class="kizuki-plan-data-part">
                <h4>{ &text.import_heading }</h4>
                if let Some(pending) = &ctx.state.pending_merge {
                    <ImportChoice lang={ctx.lang} id_prefix={ctx.id("import-choose")}
                                  conflicts={pending.conflicts.clone()}
                                  on_apply={{ let dispatch = ctx.dispatch.clone();
                                              Callback::from(move |replace| dispatch.dispatch(Msg::ResolveImport(replace))) }}
                                  on_cancel={ctx.send::<()>(Msg::CancelImport)} />
                } else if ctx.state.pending_import.is_some() {
                    <div class="kizuki-card kizuki-card--current kizuki-plan-import-pass" role="group" aria-labelledby={ctx.id("import-pass-heading")}>
                        <p id={ctx.id("import-pass-heading")}><strong>{ &text.import_passphrase_heading }</strong></p>
                        <p>{ &text.import_passphrase_intro }</p>
                        <PassphraseEntry id={ctx.id("import")} lang={ctx.lang} busy={ctx.state.busy}
                                         button={text.import_button.to_string()}
                                         on_submit={flows::on_import_passphrase(ctx)}
                                         on_cancel={ctx.send::<()>(Msg::CancelImport)} />
                        { notice_view(ctx, Place::Import) }
                    </div>
                } else {
                    <div class="kizuki-actions kizuki-no-print">
                        <FileButton id={import_id.clone()} label={text.data_panel.import_label}
                                    hint_id={format!("{import_id}-hint")}
                                    onchange={flows::on_import_file(ctx)} />
                        <p class="kizuki-hint" id={format!("{import_id}-hint")}>{ &text.import_hint }</p>
                    </div>
                    { notice_view(ctx, Place::Import) }
                }
            </div>

            <div class="kizuki-plan-data-part">
                <h4>{ &text.change_heading }</h4>
                <NewPassphraseForm id={ctx.id("change")} lang={ctx.lang} ask_current=true busy={ctx.state.busy}
                                   button={text.change_button.to_string()}
                                   on_submit={flows::on_change_passphrase(ctx)} />
                { notice_view(ctx, Place::Change) }
            </div>

            <div class="kizuki-plan-data-part">
                <h4>{ &text.erase_heading }</h4>
                <p>{ &text.erase_text }</p>
                <Confirm lang={ctx.lang} danger=true open_label={text.data_panel.erase.to_string()}
                         question={text.data_panel.erase_confirm_text.to_string()}
                         yes_label={text.data_panel.erase_confirm.to_string()}
                         on_confirm={flows::on_erase::<()>(ctx)} />
            </div>
        </section>
    }
}

/// Properties of [`ImportChoice`].
#[derive(Clone, PartialEq, Properties)]
pub struct ImportChoiceProps {
    /// The language shown.
    pub lang: Lang,
    /// A prefix for element ids unique to the widget.
    pub id_prefix: AttrValue,
    /// The file's cases kept here with other contents (the core's comparison).
    pub conflicts: Vec<CaseConflict>,
    /// Import, replacing the cases with these ids by the file's copies.
    pub on_apply: Callback<Vec<String>>,
    /// Change nothing.
    pub on_cancel: Callback<()>,
}

/// Asks, for each case of an imported file kept here with other contents, which copy
/// stays: how far each has come (dated entries, decisions, tasks done) and which is further,
/// as the core tells; what is saved here is chosen until the person picks the file's. Like
/// the other kits' import question (`import_confirm.rs`), it takes focus when it opens and
/// answers Escape with "change nothing".
#[function_component(ImportChoice)]
pub fn import_choice(props: &ImportChoiceProps) -> Html {
    let text = plan_text(props.lang);
    let lang = props.lang;
    let take_file = use_state(Vec::<String>::new);
    let (node, on_keydown) = crate::import_confirm::use_import_question(&props.on_cancel);
    let heading_id = format!("{}-heading", props.id_prefix);
    let progress = |progress: &CaseProgress| {
        fill(
            text.import_progress,
            &[
                ("date", &display_date(&progress.latest, lang)),
                ("decisions", &progress.decisions.to_string()),
                ("tasks", &progress.tasks_done.to_string()),
            ],
        )
    };
    let cases = props.conflicts.iter().enumerate().map(|(index, conflict)| {
        let name = format!("{}-{index}", props.id_prefix);
        let taken = take_file.contains(&conflict.id);
        let set = |file: bool| {
            let (take_file, id) = (take_file.clone(), conflict.id.clone());
            Callback::from(move |_: Event| {
                let mut ids: Vec<String> = (*take_file).clone();
                ids.retain(|other| *other != id);
                if file {
                    ids.push(id.clone());
                }
                take_file.set(ids);
            })
        };
        let further = match conflict.further() {
            Further::File => text.import_further_file,
            Further::Kept => text.import_further_kept,
            Further::Neither => text.import_further_neither,
        };
        html! {
            <fieldset class="kizuki-field kizuki-plan-import-case" data-case={conflict.id.clone()}>
                <legend>{ &conflict.label }</legend>
                if conflict.file_label != conflict.label {
                    <p class="kizuki-hint">{ fill(text.import_file_label, &[("label", &conflict.file_label)]) }</p>
                }
                <p class="kizuki-hint">{ further }</p>
                <div class="kizuki-options">
                    <div class="kizuki-option">
                        <input id={format!("{name}-kept")} type="radio" name={name.clone()} value="kept"
                               checked={!taken} onchange={set(false)} />
                        // One flex item (the option's label is a flex row): the choice, then how
                        // far that copy has come, under it.
                        <label for={format!("{name}-kept")}>
                            <span>{ text.import_keep_here }<br />
                                <span class="kizuki-hint">{ progress(&conflict.kept) }</span></span>
                        </label>
                    </div>
                    <div class="kizuki-option">
                        <input id={format!("{name}-file")} type="radio" name={name.clone()} value="file"
                               checked={taken} onchange={set(true)} />
                        <label for={format!("{name}-file")}>
                            <span>{ text.import_take_file }<br />
                                <span class="kizuki-hint">{ progress(&conflict.file) }</span></span>
                        </label>
                    </div>
                </div>
            </fieldset>
        }
    });
    let apply = {
        let (on_apply, take_file) = (props.on_apply.clone(), take_file.clone());
        Callback::from(move |_: MouseEvent| on_apply.emit((*take_file).clone()))
    };
    let cancel = props.on_cancel.reform(|_: MouseEvent| ());
    html! {
        <div class="kizuki-card kizuki-card--current kizuki-plan-import-choose" role="group"
             aria-labelledby={heading_id.clone()} data-testid="import-choose"
             tabindex="-1" ref={node} onkeydown={on_keydown}>
            <p id={heading_id}><strong>{ text.import_choose_heading }</strong></p>
            <p>{ text.import_choose_intro }</p>
            { for cases }
            <div class="kizuki-actions">
                <button type="button" class="kizuki-button" data-testid="import-apply" onclick={apply}>
                    { text.import_apply }
                </button>
                <button type="button" class="kizuki-button kizuki-button--secondary" onclick={cancel}>
                    { text.import_choose_cancel }
                </button>
            </div>
        </div>
    }
}
