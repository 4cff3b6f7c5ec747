//! The data panel: where the cases live, export (encrypted by default, plain only after a
//! warning about health information; every button says which), import (either kind),
//! changing the passphrase, and erasing everything. Each part shows the notice its own
//! action caused, right under it, and moves focus there.

use yew::prelude::*;

use super::flows::{self, Scope};
use super::state::{Msg, Place};
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
                if ctx.state.pending_import.is_some() {
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
