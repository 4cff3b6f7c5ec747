//! The record panel on the course map: the shell's data panel (export as JSON, CSV or
//! xAPI, import with clear messages, erase with confirmation) in the course's words, and
//! the list of results an edited file claimed.

use yew::prelude::*;

use super::rich::display_date;
use super::text::fill;
use super::Ctx;
use crate::shell::data_panel::{DataPanel, PanelWords};
use crate::shell::kit::ShellMsg;
use crate::shell::notice::{notice_slot, NoticeSlotProps};

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

/// The record panel: the shell's data panel in the course's words.
pub fn panel(ctx: &Ctx<'_>) -> Html {
    let text = ctx.text;
    let lang = ctx.lang;
    let words = PanelWords {
        export_xapi: text.export_xapi,
        xapi_hint: Some(text.xapi_hint),
        import_recomputed_yes: text.import_recomputed_yes,
        import_recomputed_no: text.import_recomputed_no,
        ..text.data_panel.panel_words(lang)
    };
    let on_choice =
        crate::shell::kit::panel_choice(&ctx.state.shell.record, ctx.dispatch.clone(), lang);
    let changed = ctx
        .state
        .shell
        .pending
        .as_ref()
        .map(|pending| changed_claims(ctx, &pending.changed))
        .unwrap_or_default();
    let status = html! {
        { notice_slot(NoticeSlotProps {
            id: Some(ctx.id("record-status").into()),
            ..NoticeSlotProps::new(lang, ctx.notice(true), ctx.send(ShellMsg::Reload.into()))
        }) }
    };
    html! {
        <section class="kizuki-card kizuki-card--tint kizuki-no-print kizuki-course-record" aria-labelledby={ctx.id("record-heading")}>
            <h3 id={ctx.id("record-heading")}>{ &text.record_panel_heading }</h3>
            <DataPanel lang={lang} id_prefix={ctx.id("")} formats={ctx.pack.pack().kit.file_formats()}
                       words={words} pending={ctx.state.shell.pending.clone()} pending_note={changed}
                       undo_kept={ctx.state.shell.undo_kept} on_choice={on_choice} status={status}>
                <p class="kizuki-hint">{ &text.record_where }</p>
            </DataPanel>
        </section>
    }
}
