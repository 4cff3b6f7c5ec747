//! Pieces of content the course screens share: inline markup (`**strong**`, safe links),
//! source references, the "rule today" boxes for the pack's `updates`, and dates.

use kizuki_core::pack::SourceRef;
use kizuki_core::text::is_safe_href;
use kizuki_core::{Lang, ValidPack};
use yew::prelude::*;

use super::text::{fill, CourseText};

pub use crate::markup::inline;

/// A date for readers: the core's one format (`2026年11月22日`, `22 November 2026`).
pub use kizuki_core::report::display_date;

/// "Sources: title (section, section); …": one line per document, titles from the pack's
/// `sources`, sections in the order first cited.
pub fn sources(pack: &ValidPack, refs: &[&SourceRef], lang: Lang, text: &CourseText) -> Html {
    let mut documents: Vec<(&str, Vec<&str>)> = Vec::new();
    for source in refs {
        let section = pack.pack().section_label(source, lang);
        match documents.iter_mut().find(|(doc, _)| *doc == source.doc) {
            Some((_, sections)) => {
                if !sections.contains(&section) {
                    sections.push(section);
                }
            }
            None => documents.push((&source.doc, vec![section])),
        }
    }
    if documents.is_empty() {
        return Html::default();
    }
    let entries = documents.iter().map(|(doc, sections)| {
        let document = pack.pack().sources.iter().find(|d| d.id == *doc);
        let title = document.map_or(*doc, |d| d.title.get(lang));
        let sections = sections.join(text.source_sections_separator);
        let entry = fill(text.source_entry, &[("title", title), ("sections", &sections)]);
        match document
            .and_then(|d| d.url.as_deref())
            .filter(|u| is_safe_href(u))
        {
            Some(url) => html! {
                <li><a href={url.to_string()} rel="noopener noreferrer" target="_blank">{ entry }</a></li>
            },
            None => html! { <li>{ entry }</li> },
        }
    });
    html! {
        <div class="kizuki-course-sources">
            <p class="kizuki-course-sources-label">{ &text.sources_label }</p>
            <ul>{ for entries }</ul>
        </div>
    }
}

/// The current rule for each of the pack's `updates` named, folded into one line ("現在の
/// ルール: 出典の後に変わった点が N 件") that opens to the rules, each with its "as of" date
/// and sources. Nothing when no update is named.
pub fn updates(pack: &ValidPack, ids: &[String], lang: Lang, text: &CourseText) -> Html {
    let found: Vec<_> = ids
        .iter()
        .filter_map(|id| pack.pack().updates.iter().find(|u| &u.id == id))
        .collect();
    let Some(latest) = found.iter().map(|u| u.as_of.as_str()).max() else {
        return Html::default();
    };
    let today = crate::platform::today();
    let boxes = found.iter().map(|update| {
        let refs: Vec<&SourceRef> = update.sources.iter().collect();
        html! {
            <div class="kizuki-course-update">
                <p class="kizuki-course-update-heading">
                    { fill(text.update_heading, &[("date", &display_date(&update.as_of, lang))]) }
                </p>
                <p>{ inline(update.text.get(lang)) }</p>
                if let Some(planned) = kizuki_core::report::update_planned_label(update, &today, lang) {
                    <p><span class="kizuki-badge">{ planned }</span></p>
                }
                { sources(pack, &refs, lang, text) }
            </div>
        }
    });
    html! {
        <details class="kizuki-notice kizuki-notice--warning kizuki-course-updates">
            <summary>
                { fill(text.updates_summary, &[
                    ("n", &found.len().to_string()),
                    ("date", &display_date(latest, lang)),
                ]) }
            </summary>
            <p class="kizuki-course-update-intro">{ &text.update_intro }</p>
            { for boxes }
        </details>
    }
}
