//! The "about this content" panel: who made a pack, who reviewed it (and that nobody has
//! yet, when so), its version and the build's, the content-as-of date, the licence and
//! how to report an error. Decided here once; every widget and the home page render it.

use serde::Serialize;

use crate::pack::{Pack, Review};
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
    /// The day the content was checked against the law.
    pub content_as_of: String,
    /// The day the whole pack was last reviewed by its makers, when recorded.
    pub last_checked: Option<String>,
    /// The licence; `None` when the pack does not say.
    pub licence: Option<String>,
    /// Whom to tell about an error, first: the embedding center's name, when there is one.
    pub report_to_center: Option<String>,
    /// How to report an error to the makers, in words; `None` when the pack does not say.
    pub report_errors: Option<String>,
}

/// One review, in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReviewLine {
    /// Who reviewed it.
    pub name: String,
    /// In what capacity.
    pub role: String,
    /// When (`YYYY-MM-DD`).
    pub date: String,
}

/// The panel for `pack` shown by a program of `build_version`, in `lang`; `center` is the
/// name of the center that embeds the kit, if any (errors are reported to it first).
pub fn about(pack: &Pack, build_version: &str, center: Option<&str>, lang: Lang) -> About {
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
        content_as_of: pack.content_as_of.clone(),
        last_checked: pack.last_reviewed.clone(),
        licence: meta
            .map(|m| m.licence.trim().to_string())
            .filter(|l| !l.is_empty()),
        report_to_center: center
            .map(str::trim)
            .filter(|name| !name.is_empty())
            .map(str::to_string),
        report_errors: meta.map(|m| text(&m.report_errors)),
    }
}

fn review(review: &Review, lang: Lang) -> ReviewLine {
    ReviewLine {
        name: review.name.get(lang).to_string(),
        role: review.role.get(lang).to_string(),
        date: review.date.clone(),
    }
}
