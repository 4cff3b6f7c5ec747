//! The "about this content" panel shown in every widget: who made the pack, who reviewed
//! it (or that nobody has yet), the versions, the content-as-of date, the licence and how
//! to report an error. What it says is decided by [`kizuki_core::about::about`].

use kizuki_core::about::about;
use kizuki_core::Lang;
use yew::prelude::*;

use crate::locale::fill;
use crate::ui_text;

/// The version of this program, shown beside the pack's.
pub const BUILD_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Where people report an error to the site's operator: `report_errors_url` in the
/// workspace `Cargo.toml` (read by `web/build.rs`), the operator's one setting.
pub const REPORT_ERRORS_URL: &str = env!("KIZUKI_REPORT_ERRORS_URL");

/// Properties of [`AboutPanel`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct AboutProps {
    /// The pack the widget shows.
    pub pack: crate::kind::PackRef,
    /// The embedding center's name, if any: errors are reported to it first.
    pub center: Option<String>,
    /// The reader's language.
    pub lang: Lang,
    /// The host page's own address for reports (`report-errors-url`), if it gave one: it
    /// takes the place of the build's [`REPORT_ERRORS_URL`].
    #[prop_or_default]
    pub report_url: Option<String>,
}

/// A closed disclosure: "About this content", with the details inside.
#[function_component(AboutPanel)]
pub fn about_panel(props: &AboutProps) -> Html {
    let text = ui_text(props.lang);
    let panel = about(
        props.pack.pack(),
        BUILD_VERSION,
        props.center.as_deref(),
        props.report_url.as_deref().unwrap_or(REPORT_ERRORS_URL),
        props.lang,
    );
    let or_not_stated =
        |value: Option<String>| value.unwrap_or_else(|| text.about_not_stated.to_string());
    html! {
        <details class="kizuki-disclosure kizuki-about kizuki-no-print">
            <summary>{ &text.about_summary }</summary>
            <dl class="kizuki-about-details">
                <dt>{ &text.about_made_by }</dt>
                <dd>{ or_not_stated(panel.made_by) }</dd>
                <dt>{ &text.about_reviewed_by }</dt>
                if panel.reviews.is_empty() {
                    <dd class="kizuki-about-not-reviewed">{ &text.about_not_reviewed }</dd>
                } else {
                    { for panel.reviews.iter().map(|review| html! {
                        <dd>{ fill(text.about_review_line, &[
                            ("name", &review.name),
                            ("role", &review.role),
                            ("date", &review.date),
                        ]) }</dd>
                    }) }
                }
                <dt>{ &text.about_version }</dt>
                <dd>{ fill(text.about_version_value, &[
                    ("pack", &panel.pack_version),
                    ("build", &panel.build_version),
                ]) }</dd>
                <dt>{ &text.about_as_of }</dt>
                <dd>{ fill(text.about_as_of_value, &[("date", &panel.content_as_of)]) }</dd>
                if let Some(day) = &panel.last_checked {
                    <dt>{ &text.about_last_checked }</dt>
                    <dd>{ day }</dd>
                }
                <dt>{ &text.about_licence }</dt>
                <dd>
                    <p>{ or_not_stated(panel.licence) }</p>
                    if let Some(note) = &panel.licence_note {
                        <p>{ note }</p>
                    }
                </dd>
                <dt>{ &text.about_report }</dt>
                <dd>
                    if let Some(center) = &panel.report_to_center {
                        <p>{ fill(text.about_report_center, &[("center", center)]) }</p>
                    }
                    <p>{ or_not_stated(panel.report_errors) }</p>
                    if let Some(url) = &panel.report_url {
                        <p class="kizuki-about-report-url">
                            { text.about_report_url }
                            if panel.report_url_is_placeholder {
                                <span>{ url }</span>{ text.about_report_placeholder }
                            } else {
                                <a class="kizuki-url" href={url.clone()} rel="noopener noreferrer">{ url }</a>
                            }
                        </p>
                    }
                </dd>
            </dl>
        </details>
    }
}
