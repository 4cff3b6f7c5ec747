//! A document drafted from a case (職場復帰支援プラン, 情報提供依頼書), shown full page as an
//! A4 sheet and printed from the browser. The core fills the template
//! (`report::render_document`); this module only lays the blocks out.
//!
//! Documents are always in Japanese: they go to the attending doctor and into the
//! workplace's files, whatever language the person reads the planner in.

use kizuki_core::report::{labels, render_document, RenderedBlock};
use kizuki_core::Lang;
use yew::prelude::*;

use super::state::Msg;
use super::{inline, Ctx};
use crate::platform;

/// The language documents are drafted in.
const DOCUMENT_LANG: Lang = Lang::Ja;

/// The document `doc_id` of the selected case, with its toolbar (hidden in print).
pub fn document_page(ctx: &Ctx<'_>, doc_id: &str, heading: NodeRef) -> Html {
    let text = ctx.text;
    let case = ctx
        .state
        .selected
        .as_ref()
        .and_then(|id| ctx.state.cases.cases.get(id));
    let Some(case) = case else {
        return html! {};
    };
    let Ok(document) = render_document(&ctx.state.pack, case, doc_id, DOCUMENT_LANG) else {
        return html! {};
    };
    let l = labels(DOCUMENT_LANG);
    let mut body: Vec<Html> = Vec::new();
    let mut fields: Vec<Html> = Vec::new();
    let mut first_heading = true;
    let flush = |fields: &mut Vec<Html>, body: &mut Vec<Html>| {
        if !fields.is_empty() {
            body.push(html! { <dl class="kizuki-plan-doc-fields">{ for fields.drain(..) }</dl> });
        }
    };
    for block in &document.blocks {
        if let RenderedBlock::Field {
            label,
            value,
            multiline,
            field,
        } = block
        {
            fields.push(html! {
                <div class="kizuki-plan-doc-field" data-field={field.clone()}>
                    <dt>{ label }</dt>
                    if let Some(value) = value {
                        <dd class={classes!(multiline.then_some("kizuki-plan-doc-multiline"))}>{ value }</dd>
                    } else {
                        <dd class="kizuki-plan-doc-blank">{ l.not_filled_in }</dd>
                    }
                </div>
            });
            continue;
        }
        flush(&mut fields, &mut body);
        body.push(match block {
            RenderedBlock::Heading { text } => {
                let mut class = classes!("kizuki-plan-doc-heading");
                if first_heading {
                    class.push("kizuki-plan-doc-heading--title");
                }
                if text.chars().count() == 1 {
                    // 「記」: the centred word that opens the particulars of a Japanese letter.
                    class.push("kizuki-plan-doc-heading--centre");
                }
                first_heading = false;
                html! { <h4 class={class}>{ inline(text) }</h4> }
            }
            RenderedBlock::Paragraph { text } => html! { <p>{ inline(text) }</p> },
            RenderedBlock::List { items } => html! {
                <ul>{ for items.iter().map(|item| html! { <li>{ inline(item) }</li> }) }</ul>
            },
            RenderedBlock::FollowUpSchedule {
                title,
                description,
                dates,
                missing_anchor,
            } => html! {
                <div class="kizuki-plan-doc-schedule">
                    <h5>{ inline(title) }</h5>
                    <p>{ inline(description) }</p>
                    if let Some(anchor) = missing_anchor {
                        <p class="kizuki-plan-doc-blank">{ l.schedule_needs_anchor.replace("{field}", anchor) }</p>
                    } else {
                        <table>
                            <tbody>
                                { for dates.iter().map(|d| html! {
                                    <tr><th scope="row">{ &d.offset_label }</th><td>{ &d.display }</td></tr>
                                }) }
                            </tbody>
                        </table>
                    }
                </div>
            },
            RenderedBlock::Signature { label } => html! {
                <div class="kizuki-plan-doc-signature">
                    <div>{ label }</div>
                    <div>{ l.date }</div>
                </div>
            },
            RenderedBlock::Field { .. } => html! {},
        });
    }
    flush(&mut fields, &mut body);

    let print = Callback::from(|_: MouseEvent| platform::print());
    let heading_id = ctx.id("document-heading");
    html! {
        <section class="kizuki-plan-docview" aria-labelledby={heading_id.clone()}>
            <div class="kizuki-plan-doc-toolbar">
                <h3 id={heading_id} ref={heading} tabindex="-1">{ &document.title }</h3>
                <div class="kizuki-actions">
                    <button type="button" class="kizuki-button" onclick={print}>{ &text.document_print }</button>
                    <button type="button" class="kizuki-button kizuki-button--secondary" onclick={ctx.send(Msg::ShowDocument(None))}>
                        { &text.document_hide }
                    </button>
                </div>
                <p class="kizuki-hint">{ &text.document_print_hint }</p>
                if ctx.lang != DOCUMENT_LANG {
                    <p class="kizuki-hint">{ &text.documents_language }</p>
                }
            </div>
            <article class="kizuki-plan-doc" lang={DOCUMENT_LANG.code()} data-document={document.id.clone()}>
                <p class="kizuki-plan-doc-notice">{ l.confidential }</p>
                { for body }
            </article>
        </section>
    }
}
