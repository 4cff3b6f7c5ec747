//! A document drafted from a case (職場復帰支援プラン, 情報提供依頼書), shown full page as an
//! A4 sheet, printed alone (`print::on_print`), and saved as an editable `.docx` or as
//! plain text. The core fills the template (`report::render_document`) into a
//! `kizuki_core::document::Document`; `document_view::DocumentSheet` lays it out.
//!
//! Documents are always in Japanese: they go to the attending doctor and into the
//! workplace's files, whatever language the person reads the planner in.

use kizuki_core::document::Block;
use kizuki_core::report::render_document;
use kizuki_core::Lang;
use yew::prelude::*;

use super::state::Msg;
use super::Ctx;
use crate::document_view::{download_docx, download_text, DocumentSheet};
use crate::print;

/// The language documents are drafted in.
const DOCUMENT_LANG: Lang = Lang::Ja;

/// The heading tag of a document's title: under the toolbar's `h3`.
const TOP_HEADING: u8 = 4;

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
    let sheet = NodeRef::default();
    let print = print::on_print(sheet.clone());
    // The file name says what the document is and which case it belongs to (its label, made
    // safe by the core), so two cases' files are told apart.
    let file_stem = case.file_stem(&document.title, &crate::platform::today());
    let on_docx = {
        let document = document.clone();
        let file_stem = file_stem.clone();
        Callback::from(move |_: MouseEvent| {
            let _ = download_docx(&document, &file_stem);
        })
    };
    let on_text = {
        let document = document.clone();
        Callback::from(move |_: MouseEvent| {
            let _ = download_text(&document, &file_stem);
        })
    };
    let heading_id = ctx.id("document-heading");
    let hint_id = ctx.id("document-download-hint");
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
                if document.blocks.iter().any(|block| matches!(block, Block::Guidance { .. })) {
                    <p class="kizuki-hint">{ &text.document_guidance_hint }</p>
                }
                <div class="kizuki-actions">
                    <button type="button" class="kizuki-button kizuki-button--secondary" data-download="docx"
                            aria-describedby={hint_id.clone()} onclick={on_docx}>
                        { &text.document_download_docx }
                    </button>
                    <button type="button" class="kizuki-button kizuki-button--secondary" data-download="text"
                            aria-describedby={hint_id.clone()} onclick={on_text}>
                        { &text.document_download_text }
                    </button>
                </div>
                <p class="kizuki-hint" id={hint_id}>{ &text.document_download_hint }</p>
                if ctx.lang != DOCUMENT_LANG {
                    <p class="kizuki-hint">{ &text.documents_language }</p>
                }
            </div>
            <DocumentSheet document={document.clone()} top_heading={TOP_HEADING} sheet={sheet}
                           class={classes!("kizuki-plan-doc")} id={AttrValue::from(doc_id.to_string())} />
        </section>
    }
}
