//! A core [`Document`] laid out as an A4 sheet (the shared `.kizuki-doc` styles), and its
//! downloads (plain text, `.docx`). Any kit shows a document through [`DocumentSheet`]: the
//! planner's letter and plan now, the checklist's draft plan later. The core fills the
//! document (`kizuki_core::document`); this module only lays its blocks out.

use kizuki_core::document::{self, Align, Block, Document};
use kizuki_core::report::labels;
use yew::prelude::*;

use crate::markup::inline;
use crate::platform;

/// The `.docx` media type.
pub const DOCX_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// Properties of a [`DocumentSheet`].
#[derive(Properties, PartialEq)]
pub struct DocumentSheetProps {
    /// The document.
    pub document: Document,
    /// The heading tag of the document's level-1 heading (e.g. 4 under a widget's `h3`),
    /// so the page's outline never skips a level; deeper levels follow, up to `h6`.
    pub top_heading: u8,
    /// Set on the `<article>` (print it with `print::on_print`).
    #[prop_or_default]
    pub sheet: NodeRef,
    /// More classes for the `<article>`.
    #[prop_or_default]
    pub class: Classes,
    /// `data-document` on the `<article>`.
    #[prop_or_default]
    pub id: AttrValue,
}

/// The document as a sheet.
#[function_component(DocumentSheet)]
pub fn document_sheet(props: &DocumentSheetProps) -> Html {
    let document = &props.document;
    let l = labels(document.lang);
    let html_of = |block: &Block| match block {
        Block::Notice { text } => html! { <p class="kizuki-doc-notice">{ text }</p> },
        Block::Heading { level, text } => {
            let tag = format!("h{}", (props.top_heading + level - 1).min(6));
            html! { <@{tag} class={format!("kizuki-doc-h{level}")}>{ inline(text) }</@> }
        }
        Block::Paragraph { text, align } => html! {
            <p class={align_class("kizuki-doc-p", *align)}>{ inline(text) }</p>
        },
        // A note for whoever drafts: on screen only (hidden in print by `.kizuki-doc-guidance`).
        Block::Guidance { text } => html! {
            <p class="kizuki-doc-guidance" data-screen-only="">{ inline(text) }</p>
        },
        Block::Lines { lines, align } => html! {
            <p class={align_class("kizuki-doc-lines", *align)}>
                { for lines.iter().enumerate().map(|(i, line)| html! {
                    <>
                        if i > 0 { <br /> }
                        { line }
                    </>
                }) }
            </p>
        },
        Block::List { items } => html! {
            <ul>{ for items.iter().map(|item| html! { <li>{ inline(item) }</li> }) }</ul>
        },
        Block::Fields { rows } => html! {
            <dl class="kizuki-doc-fields">
                { for rows.iter().map(|row| html! {
                    <div class="kizuki-doc-field" data-field={row.id.clone()}>
                        <dt>{ &row.label }</dt>
                        // The value, or the line(s) to write it in by hand (the core's rule).
                        <dd class={classes!(
                            row.multiline.then_some("kizuki-doc-multiline"),
                            row.value.is_none().then_some("kizuki-doc-blank"),
                        )}>{ row.shown() }</dd>
                    </div>
                }) }
            </dl>
        },
        Block::Table { header, rows } => html! {
            <table class="kizuki-doc-table">
                if !header.is_empty() {
                    <thead><tr>{ for header.iter().map(|cell| html! { <th scope="col">{ cell }</th> }) }</tr></thead>
                }
                <tbody>
                    { for rows.iter().map(|row| html! {
                        <tr>
                            { for row.iter().enumerate().map(|(i, cell)| if i == 0 {
                                html! { <th scope="row">{ cell }</th> }
                            } else {
                                html! { <td>{ cell }</td> }
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        },
        Block::AnswerBox { label, lines } => html! {
            <div class="kizuki-doc-answer" data-answer-box="">
                <p class="kizuki-doc-answer-label">{ label }</p>
                { for (0..*lines).map(|_| html! { <div class="kizuki-doc-answer-line"></div> }) }
            </div>
        },
        Block::Signature { label } => html! {
            <div class="kizuki-doc-signature">
                <div>{ label }</div>
                <div>{ l.date }</div>
            </div>
        },
    };
    // A part that ends in a signature (a heading and what follows it up to the next heading:
    // a letter's consent, the doctor's reply box) is one piece on paper, so a page does not
    // end between what is signed and its signature line.
    let mut parts: Vec<&[Block]> = Vec::new();
    let mut start = 0;
    for (index, block) in document.blocks.iter().enumerate() {
        if index > start && matches!(block, Block::Heading { .. }) {
            parts.push(&document.blocks[start..index]);
            start = index;
        }
    }
    parts.push(&document.blocks[start..]);
    let parts = parts.into_iter().map(|part| {
        if part
            .iter()
            .any(|block| matches!(block, Block::Signature { .. }))
        {
            html! { <div class="kizuki-doc-signed">{ for part.iter().map(html_of) }</div> }
        } else {
            html! { <>{ for part.iter().map(html_of) }</> }
        }
    });
    html! {
        <article ref={props.sheet.clone()} class={classes!("kizuki-doc", props.class.clone())}
                 lang={document.lang.code()} data-document={props.id.clone()}>
            { for parts }
        </article>
    }
}

fn align_class(base: &'static str, align: Align) -> Classes {
    match align {
        Align::Start => classes!(base),
        Align::Center => classes!(base, format!("{base}--center")),
        Align::End => classes!(base, format!("{base}--end")),
    }
}

/// Downloads the document as plain text (`<file_stem>.txt`, UTF-8).
pub fn download_text(document: &Document, file_stem: &str) -> Result<(), String> {
    platform::download(
        &format!("{file_stem}.txt"),
        "text/plain;charset=utf-8",
        &document::to_text(document),
    )
}

/// Downloads the document as an editable Word file (`<file_stem>.docx`).
pub fn download_docx(document: &Document, file_stem: &str) -> Result<(), String> {
    platform::download_bytes(
        &format!("{file_stem}.docx"),
        DOCX_TYPE,
        &document::to_docx(document),
    )
}
