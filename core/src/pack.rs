//! The content pack: the versioned JSON document an author writes, shared by every kind.

use crate::vec_map::VecMap;

use serde::{Deserialize, Serialize};

pub use crate::kind::Kit;
use crate::text::{Lang, Text};

/// The pack format this build reads and writes. Packs with another number are refused.
pub const FORMAT_VERSION: u32 = 1;

/// A content pack: one kit's whole content, in Japanese and English, with its sources.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Pack {
    /// Always [`FORMAT_VERSION`].
    pub format_version: u32,
    /// Stable identifier, lowercase with dashes (e.g. `mh-checklist`). Exports name it.
    pub id: String,
    /// The pack's own version (e.g. `1.0.0`). Exports record it.
    pub version: String,
    /// The date (`YYYY-MM-DD`) the content was checked against current law: every rule is
    /// stated as it stands on this day (rules dated later say from when they apply).
    pub content_as_of: String,
    /// The date (`YYYY-MM-DD`) someone last reviewed the whole pack (wording, sources and
    /// dates), when that is recorded; it may be later than `content_as_of`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_reviewed: Option<String>,
    /// Who made the content, who reviewed it, its licence and how to report an error: the
    /// "about this content" panel ([`crate::about`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<PackAbout>,
    /// The kit's title.
    pub title: Text,
    /// One or two sentences saying who the kit is for and what it gives them.
    pub description: Text,
    /// The documents this content is written from; [`SourceRef`]s point here.
    pub sources: Vec<SourceDocument>,
    /// Rules that changed after a source was written, stated as they stand today.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub updates: Vec<LegalUpdate>,
    /// Absent in a pack an author writes (every text in both languages). In a file made
    /// for the readers of one language (`content/<id>.<lang>.json`, made by
    /// [`Pack::one_language`] at build time) that language: its texts carry only it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<Lang>,
    /// What kind of kit this is, with its content.
    pub kit: Kit,
}

/// Who stands behind a pack: the "about this content" panel shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PackAbout {
    /// Who wrote the content and keeps it up to date.
    pub made_by: Text,
    /// Who reviewed the content (監修), oldest first. Empty until someone has; the panel
    /// then says so plainly.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviewed_by: Vec<Review>,
    /// The content's licence, as its SPDX identifier (e.g. `CC-BY-4.0`) or in words.
    pub licence: String,
    /// What the licence covers and what it does not, in words (e.g. that the MHLW material
    /// it is written from, or a public questionnaire it carries, stays under its own terms).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licence_note: Option<Text>,
    /// How to report an error in the content, in words (a center that embeds the kit is
    /// named first by the panel).
    pub report_errors: Text,
}

/// One review of a pack's content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// Who reviewed it (a person or an organisation).
    pub name: Text,
    /// In what capacity (e.g. 産業医, 精神科医, 社会保険労務士).
    pub role: Text,
    /// The day the review was finished (`YYYY-MM-DD`).
    pub date: String,
}

/// A document the content is written from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SourceDocument {
    /// Short id used by [`SourceRef::doc`] (e.g. `mhlw-guideline-2015`).
    pub id: String,
    /// The document's title.
    pub title: Text,
    /// Who issued it (e.g. 厚生労働省).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<Text>,
    /// When it was issued or last revised, as written (e.g. `2015-11-30`, `2012`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued: Option<String>,
    /// Where to read it, if public (http or https only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The English name of each section as cited (`"第3 1(2)イ": "Part 3, 1(2)(a)"`), so
    /// an English reader sees references in English; a section not listed is shown as cited.
    #[serde(default, skip_serializing_if = "VecMap::is_empty")]
    pub sections_en: VecMap<String>,
}

impl Pack {
    /// A reference's section in the reader's language: the document's English name for it
    /// when the reader reads English and the pack gives one, else the section as cited.
    pub fn section_label<'a>(&'a self, source: &'a SourceRef, lang: crate::Lang) -> &'a str {
        if lang == crate::Lang::En {
            let english = self
                .sources
                .iter()
                .find(|document| document.id == source.doc)
                .and_then(|document| document.sections_en.get(&source.section));
            if let Some(english) = english {
                return english;
            }
        }
        &source.section
    }
}

/// A pointer from content to the document and section it rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    /// The id of a [`SourceDocument`] in the pack's `sources`.
    pub doc: String,
    /// Section, page or paragraph (e.g. `§4.1`, `3(2)`).
    pub section: String,
}

/// A rule that changed after a source was written, stated as it stands today.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LegalUpdate {
    /// Short id that items, lessons and questions list in their `updates`.
    pub id: String,
    /// The current rule, in plain words.
    pub text: Text,
    /// When this was last checked (`YYYY-MM-DD`).
    pub as_of: String,
    /// When the rule applies, if it is dated (e.g. a duty that starts on a later day).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_force: Option<InForce>,
    /// Where the current rule is stated.
    pub sources: Vec<SourceRef>,
}

/// When a rule applies, by calendar date. Compared with a date the caller passes in; the
/// core never reads a clock.
///
/// JSON, one of:
/// - a known start: `{"from": "2026-10-01"}`, optionally with an end:
///   `{"from": "2026-10-01", "until": "2027-03-31"}` (`until` is the last day it applies);
/// - a start still to be set by cabinet order, with the latest day the law allows:
///   `{"latest": "2028-05-13", "by_cabinet_order": true}`. Before `latest` the rule reads
///   as planned ("by cabinet order, at the latest …"); from `latest` on it is in force.
///
/// Exactly one of `from` and `latest` is given; `by_cabinet_order` goes with `latest`;
/// `until` is not before the start. Validation reports `invalid_date` for a date not written
/// `YYYY-MM-DD` and `invalid_period` for the rest.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct InForce {
    /// The first day the rule applies (`YYYY-MM-DD`), when it is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// When the first day is not known yet: the latest day it can be (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest: Option<String>,
    /// The day is set by cabinet order (政令で定める日); goes with `latest`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub by_cabinet_order: bool,
    /// The last day the rule applies (`YYYY-MM-DD`), if it ends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
}

/// Where a dated rule stands on a given day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum InForceStatus {
    /// It applies on that day.
    InForce,
    /// It applies from `from` (shown as "from YYYY-MM-DD (planned)").
    Planned {
        /// The first day it applies.
        from: String,
    },
    /// It applies from a day set by cabinet order, at the latest `latest`.
    PlannedByCabinetOrder {
        /// The latest first day the law allows.
        latest: String,
    },
    /// It applied until `until` and no longer does.
    Ended {
        /// The last day it applied.
        until: String,
    },
}

impl InForceStatus {
    /// Whether the rule applies on that day.
    pub fn is_in_force(&self) -> bool {
        matches!(self, InForceStatus::InForce)
    }

    /// Whether the rule has yet to start.
    pub fn is_planned(&self) -> bool {
        matches!(
            self,
            InForceStatus::Planned { .. } | InForceStatus::PlannedByCabinetOrder { .. }
        )
    }
}

impl InForce {
    /// The first day the rule surely applies: `from`, or else `latest`.
    pub fn start(&self) -> Option<&str> {
        self.from.as_deref().or(self.latest.as_deref())
    }

    /// Where the rule stands on `today` (`YYYY-MM-DD`). A `today` that is not a date, or a
    /// start that is not one (only in packs that failed validation), reads as not yet in
    /// force: Kizuki never claims a duty it cannot date.
    pub fn status_on(&self, today: &str) -> InForceStatus {
        let planned = || match (&self.from, &self.latest) {
            (Some(from), _) => InForceStatus::Planned { from: from.clone() },
            (None, Some(latest)) => InForceStatus::PlannedByCabinetOrder {
                latest: latest.clone(),
            },
            (None, None) => InForceStatus::Planned {
                from: String::new(),
            },
        };
        let Some(today) = crate::date::parse_date(today) else {
            return planned();
        };
        match self.start().and_then(crate::date::parse_date) {
            Some(start) if today >= start => {}
            _ => return planned(),
        }
        match &self.until {
            Some(until) if crate::date::parse_date(until).is_some_and(|end| today > end) => {
                InForceStatus::Ended {
                    until: until.clone(),
                }
            }
            _ => InForceStatus::InForce,
        }
    }
}

/// Where a possibly dated rule stands on `today`: an undated rule is always in force.
pub fn status_on(in_force: Option<&InForce>, today: &str) -> InForceStatus {
    in_force.map_or(InForceStatus::InForce, |dated| dated.status_on(today))
}

/// One choice of a question (a profile question, a field, a feedback question).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Stable id stored in answers.
    pub id: String,
    /// What the person reads.
    pub label: Text,
}

/// A condition on answers to choice questions (the checklist profile, plan fields).
///
/// JSON: `{"is": {"question": "size", "any_of": ["50plus"]}}`, `{"all": [...]}`,
/// `{"any": [...]}`, `{"not": {...}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Condition {
    /// True when `question` was answered with one of `any_of`.
    Is {
        /// The question id.
        question: String,
        /// Choice ids that make the condition true.
        any_of: Vec<String>,
    },
    /// True when every inner condition is true.
    All(Vec<Condition>),
    /// True when at least one inner condition is true.
    Any(Vec<Condition>),
    /// True when the inner condition is false.
    Not(Box<Condition>),
}

impl Condition {
    /// Evaluates against answers (question id → choice id). Unanswered questions match nothing.
    pub fn holds(&self, answers: &VecMap<String>) -> bool {
        match self {
            Condition::Is { question, any_of } => answers
                .get(question)
                .is_some_and(|answer| any_of.iter().any(|choice| choice == answer)),
            Condition::All(inner) => inner.iter().all(|c| c.holds(answers)),
            Condition::Any(inner) => inner.iter().any(|c| c.holds(answers)),
            Condition::Not(inner) => !inner.holds(answers),
        }
    }

    /// Every `(question, choice)` pair the condition names, for validation.
    pub fn references(&self) -> Vec<(&str, &str)> {
        let mut out = Vec::new();
        self.collect_references(&mut out);
        out
    }

    fn collect_references<'a>(&'a self, out: &mut Vec<(&'a str, &'a str)>) {
        match self {
            Condition::Is { question, any_of } => {
                out.extend(any_of.iter().map(|c| (question.as_str(), c.as_str())));
            }
            Condition::All(inner) | Condition::Any(inner) => {
                inner.iter().for_each(|c| c.collect_references(out));
            }
            Condition::Not(inner) => inner.collect_references(out),
        }
    }
}

/// Returns the condition result, treating a missing condition as "always".
pub fn applies(condition: Option<&Condition>, answers: &VecMap<String>) -> bool {
    condition.is_none_or(|c| c.holds(answers))
}
