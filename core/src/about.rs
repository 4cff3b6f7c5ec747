//! The "about this content" panel: who made a pack, who reviewed it (and that nobody has
//! yet, when so), its version and the build's, the content-as-of date, the licence and
//! how to report an error. Decided here once; every widget and the home page render it.

use serde::Serialize;

use crate::pack::{Pack, Review};
use crate::report::display_date;
use crate::text::{Lang, Text};

/// What the panel shows for one pack, in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct About {
    /// The pack's title.
    pub title: String,
    /// Who made the content; `None` when the pack does not say (the panel says so).
    pub made_by: Option<String>,
    /// The reviews, oldest first; empty when nobody has reviewed the content yet.
    pub reviews: Vec<ReviewLine>,
    /// The pack's version.
    pub pack_version: String,
    /// The version of the program showing it.
    pub build_version: String,
    /// The day the content was checked against the law, as the reader's dates read
    /// (2026年12月6日, 6 December 2026).
    pub content_as_of: String,
    /// The day the whole pack was last reviewed by its makers, when recorded (as above).
    pub last_checked: Option<String>,
    /// The licence; `None` when the pack does not say.
    pub licence: Option<String>,
    /// What the licence covers and what it does not, in words; `None` when the pack does
    /// not say.
    pub licence_note: Option<String>,
    /// Whom to tell about an error, first: the embedding center's name, when there is one.
    pub report_to_center: Option<String>,
    /// How to report an error to the makers, in words; `None` when the pack does not say.
    pub report_errors: Option<String>,
    /// Where to report an error to whoever runs the site (the operator's one setting,
    /// `report_errors_url` in the workspace `Cargo.toml`); `None` when it is not an
    /// `http(s)` address.
    pub report_url: Option<String>,
    /// The address is still the project's placeholder (a reserved `.example` host): the
    /// panel says so plainly rather than pass it off as a real contact.
    pub report_url_is_placeholder: bool,
}

/// Whether `url`'s host is one of the names reserved for examples (RFC 2606 and 6761:
/// `example`, `example.com`, `example.net`, `example.org` and anything under them), which
/// never reach anyone: a placeholder, not a contact.
pub fn is_placeholder_address(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    let host = rest
        .split(['/', '?', '#'])
        .next()
        .unwrap_or("")
        .rsplit('@')
        .next()
        .unwrap_or("")
        .split(':')
        .next()
        .unwrap_or("")
        .trim_end_matches('.')
        .to_ascii_lowercase();
    ["example", "example.com", "example.net", "example.org"]
        .iter()
        .any(|reserved| host == *reserved || host.ends_with(&format!(".{reserved}")))
}

/// One review, in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReviewLine {
    /// Who reviewed it.
    pub name: String,
    /// In what capacity.
    pub role: String,
    /// When, as the reader's dates read.
    pub date: String,
}

/// The panel for `pack` shown by a program of `build_version`, in `lang`; `center` is the
/// name of the center that embeds the kit, if any (errors are reported to it first);
/// `report_url` is the site operator's address for reports (kept only when `http(s)`).
pub fn about(
    pack: &Pack,
    build_version: &str,
    center: Option<&str>,
    report_url: &str,
    lang: Lang,
) -> About {
    let report_url = report_url.trim();
    let report_url = (report_url.starts_with("https://") || report_url.starts_with("http://"))
        .then(|| report_url.to_string());
    let text = |text: &Text| text.get(lang).to_string();
    let meta = pack.about.as_ref();
    About {
        title: text(&pack.title),
        made_by: meta.map(|m| text(&m.made_by)),
        reviews: meta
            .map(|m| m.reviewed_by.iter().map(|r| review(r, lang)).collect())
            .unwrap_or_default(),
        pack_version: pack.version.clone(),
        build_version: build_version.to_string(),
        content_as_of: display_date(&pack.content_as_of, lang),
        last_checked: pack
            .last_reviewed
            .as_deref()
            .map(|day| display_date(day, lang)),
        licence: meta
            .map(|m| m.licence.trim().to_string())
            .filter(|l| !l.is_empty()),
        licence_note: meta
            .and_then(|m| m.licence_note.as_ref())
            .map(text)
            .filter(|n| !n.trim().is_empty()),
        report_to_center: center
            .map(str::trim)
            .filter(|name| !name.is_empty())
            .map(str::to_string),
        report_errors: meta.map(|m| text(&m.report_errors)),
        report_url_is_placeholder: report_url.as_deref().is_some_and(is_placeholder_address),
        report_url,
    }
}

fn review(review: &Review, lang: Lang) -> ReviewLine {
    ReviewLine {
        name: review.name.get(lang).to_string(),
        role: review.role.get(lang).to_string(),
        date: display_date(&review.date, lang),
    }
}
