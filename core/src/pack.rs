//! The content pack: the versioned JSON document an author writes, shared by every kind.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::kind::{checklist::Checklist, course::Course, plan::Plan};
use crate::text::Text;

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
    /// The date (`YYYY-MM-DD`) the content was checked against current law.
    pub content_as_of: String,
    /// The kit's title.
    pub title: Text,
    /// One or two sentences saying who the kit is for and what it gives them.
    pub description: Text,
    /// The documents this content is written from; [`SourceRef`]s point here.
    pub sources: Vec<SourceDocument>,
    /// Rules that changed after a source was written, stated as they stand today.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub updates: Vec<LegalUpdate>,
    /// What kind of kit this is, with its content.
    pub kit: Kit,
}

/// The kinds of kit. A closed set: adding one is a compile error everywhere it must be handled.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Kit {
    /// A self-audit checklist with a profile, areas, items and an action plan.
    Checklist(Checklist),
    /// A stepwise plan kept per case (the return-to-work planner).
    Plan(Plan),
    /// An e-learning course of modules, lessons, scenarios and quizzes.
    Course(Course),
}

impl Kit {
    /// The JSON tag of this kind (`checklist`, `plan`, `course`).
    pub fn kind_name(&self) -> &'static str {
        match self {
            Kit::Checklist(_) => "checklist",
            Kit::Plan(_) => "plan",
            Kit::Course(_) => "course",
        }
    }
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
    /// Where the current rule is stated.
    pub sources: Vec<SourceRef>,
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
    pub fn holds(&self, answers: &BTreeMap<String, String>) -> bool {
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
pub fn applies(condition: Option<&Condition>, answers: &BTreeMap<String, String>) -> bool {
    condition.is_none_or(|c| c.holds(answers))
}
