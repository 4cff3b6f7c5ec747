//! The one renderer of Kizuki's inline markup (`**strong**`, safe links) into Yew nodes,
//! used by every kit and by the documents. The core parses (`kizuki_core::text`); this only
//! renders. Anything else, HTML included, stays text.

use kizuki_core::text::{parse_inline, Inline};
use yew::prelude::*;

/// Renders text with Kizuki's inline markup; links open in a new tab without an opener.
pub fn inline(source: &str) -> Html {
    parse_inline(source)
        .into_iter()
        .map(|run| match run {
            Inline::Plain(text) => html! { { text } },
            Inline::Strong(text) => html! { <strong>{ text }</strong> },
            Inline::Link { label, href } => html! {
                <a href={href} rel="noopener noreferrer" target="_blank">{ label }</a>
            },
        })
        .collect()
}
