//! The plan kind: ordered steps of tasks, case fields, decisions and document templates
//! (the return-to-work planner).

use serde::{Deserialize, Serialize};

use crate::pack::{Condition, SourceRef};
use crate::text::Text;

/// A stepwise process followed once per case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// Who takes part (the worker, the manager, HR, OH staff, the attending doctor).
    pub roles: Vec<Role>,
    /// Everything recorded about a case; steps say which fields they collect.
    pub fields: Vec<Field>,
    /// The steps, in order. A case starts at the first.
    pub steps: Vec<Step>,
    /// The follow-up schedule computed from a date field.
    pub follow_up: FollowUp,
    /// The id of the `date` field a case's start is read from (the first day of leave): the
    /// case's card and overview show it, under its label, once it is filled in; until then,
    /// or without this key, they show the day the case's record was made, saying so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_field: Option<String>,
    /// Documents drafted from the case (the plan, the letter to the doctor).
    pub documents: Vec<DocumentTemplate>,
}

/// Someone who takes part in the process.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// Stable id tasks refer to.
    pub id: String,
    /// Name of the role.
    pub label: Text,
}

/// What kind of value a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    /// One line of text.
    Text,
    /// Several lines of text.
    LongText,
    /// A date, `YYYY-MM-DD`.
    Date,
    /// One of `options`.
    Choice,
}

/// A value recorded about a case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Field {
    /// Stable id, unique in the pack.
    pub id: String,
    /// The field's label.
    pub label: Text,
    /// A hint shown under the field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<Text>,
    /// Where the facts in `help` come from, one reference per fact. An explicit empty list
    /// says the help states no fact (an example, an instruction); leaving the key out of a
    /// field with help makes validation warn (`unsourced_fact`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sources: Option<Vec<SourceRef>>,
    /// What it holds.
    pub kind: FieldKind,
    /// The choices, for `choice` fields.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<FieldOption>,
    /// For a `date` field: the date fields whose dates it never comes before (a return date
    /// is not before the first day of leave). A case where it does is warned about beside the
    /// field, and kept as entered ([`Plan::date_warnings`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_before: Vec<String>,
    /// For a `date` field that is a birth date: the youngest age, in whole years, it may give
    /// today (15: 労働基準法 第56条 lets no one be employed before the March after their
    /// fifteenth birthday). A birth
    /// date after today, or giving a younger age, is warned about ([`Plan::date_warnings`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_age: Option<u8>,
}

/// One choice of a `choice` field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FieldOption {
    /// Stable id stored in the case.
    pub id: String,
    /// What the person reads.
    pub label: Text,
    /// Where a fact in the label comes from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceRef>,
}

/// One step of the process.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Stable id.
    pub id: String,
    /// Title of the step.
    pub title: Text,
    /// What happens in this step and its goal.
    pub summary: Text,
    /// Privacy rules that apply at this step (need-to-know, consent, emergencies).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub privacy: Vec<PrivacyNote>,
    /// The tasks to tick off.
    pub tasks: Vec<Task>,
    /// Ids of the fields collected at this step.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<String>,
    /// Ids of the documents prepared at this step.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<String>,
    /// The decision that ends the step; absent means "go on to the next step".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decision>,
    /// Where this step comes from.
    pub sources: Vec<SourceRef>,
}

// Read by `plan/readers.rs` (in one pass, without serde's buffer for untagged enums).
/// A privacy rule shown at a step: a bare text (older packs; the step's `sources` cover
/// it), or a text with the sources of its own facts.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged, deny_unknown_fields)]
pub enum PrivacyNote {
    /// A text with its own sources.
    Sourced {
        /// The rule.
        text: Text,
        /// Where it comes from, one reference per fact.
        sources: Vec<SourceRef>,
    },
    /// A text covered by the step's sources.
    Plain(Text),
}

impl PrivacyNote {
    /// The rule's text.
    pub fn text(&self) -> &Text {
        match self {
            PrivacyNote::Sourced { text, .. } | PrivacyNote::Plain(text) => text,
        }
    }

    /// Its own sources (empty for a bare text).
    pub fn sources(&self) -> &[SourceRef] {
        match self {
            PrivacyNote::Sourced { sources, .. } => sources,
            PrivacyNote::Plain(_) => &[],
        }
    }
}

/// A task within a step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Task {
    /// Stable id, unique in the pack.
    pub id: String,
    /// What to do.
    pub text: Text,
    /// Ids of the roles that do it.
    pub roles: Vec<String>,
    /// How to do it, or what to watch for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<Text>,
    /// Shown only when this holds for the case's choice fields (e.g. trial commuting used).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_if: Option<Condition>,
    /// Where this comes from.
    pub sources: Vec<SourceRef>,
}

/// The decision that ends a step and says where the case goes next.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// Stable id.
    pub id: String,
    /// The question decided (e.g. 職場復帰は可能か).
    pub label: Text,
    /// The outcomes.
    pub options: Vec<DecisionOption>,
}

/// One outcome of a decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DecisionOption {
    /// Stable id stored in the case history.
    pub id: String,
    /// What the person reads.
    pub label: Text,
    /// The step the case moves to; absent closes the case.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

impl DecisionOption {
    /// Whether this outcome closes the case (it has no next step: the case can then only be
    /// read, nothing more recorded in it).
    pub fn closes_case(&self) -> bool {
        self.next.is_none()
    }
}

/// Follow-up meetings scheduled from a date field (e.g. the return date).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FollowUp {
    /// Title of the schedule.
    pub title: Text,
    /// What the follow-up meetings check.
    pub description: Text,
    /// The id of the `date` field the schedule counts from.
    pub anchor_field: String,
    /// Days after the anchor date, ascending (e.g. 7, 14, 30, 60, 90, 180).
    pub offsets_days: Vec<u16>,
}

/// A document drafted from the case, printed on A4.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DocumentTemplate {
    /// Stable id steps refer to.
    pub id: String,
    /// The document's title.
    pub title: Text,
    /// The document's content, top to bottom.
    pub blocks: Vec<DocBlock>,
    /// Where its structure comes from.
    pub sources: Vec<SourceRef>,
}

// Read by `plan/readers.rs` (its `type` anywhere among its keys, in one pass).
/// One block of a document template.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum DocBlock {
    /// A heading: level 1 is the document's own title, 2 a section, 3 a part of one;
    /// levels never skip going down (validated).
    Heading {
        /// 1 to 3; 2 when not given.
        #[serde(default = "default_heading_level")]
        level: u8,
        /// The heading.
        text: Text,
    },
    /// A fixed paragraph.
    Paragraph {
        /// The paragraph.
        text: Text,
        /// Where it sits: `start` (the default), `center` or `end` (a letter's closing
        /// 「以上」).
        #[serde(default, skip_serializing_if = "DocAlign::is_start")]
        align: DocAlign,
        /// Where this block's facts come from.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        sources: Vec<SourceRef>,
    },
    /// A note for whoever drafts the document (what a section should cover, 「記載する事項：…」):
    /// shown beside the draft on screen, never printed nor written into a downloaded file.
    Guidance {
        /// The note.
        text: Text,
        /// Where this block's facts come from.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        sources: Vec<SourceRef>,
    },
    /// A fixed list.
    List {
        /// The list's entries.
        items: Vec<Text>,
        /// Where this block's facts come from.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        sources: Vec<SourceRef>,
    },
    /// The value of a case field, under its label (or the label given here).
    Field {
        /// The field id.
        field: String,
        /// A label to use instead of the field's own.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        label: Option<Text>,
        /// Shown only when this holds for the case's choice fields: the 試し出勤 row is left
        /// out of a plan whose case does not use the scheme (it printed 「（未記入）」).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        applies_if: Option<Condition>,
    },
    /// The computed follow-up dates.
    FollowUpSchedule,
    /// A line to sign on paper (e.g. the worker's consent).
    Signature {
        /// Who signs and what for.
        label: Text,
    },
    /// Short lines made of case fields, without labels: a letter's date, its addressee
    /// (「○○クリニック」, 「高橋 先生 御机下」), its sender.
    Lines {
        /// The lines, top to bottom.
        lines: Vec<DocLine>,
        /// Where they sit: `start` (the default), `center` or `end` (a letter's date and sender).
        #[serde(default)]
        align: DocAlign,
    },
    /// A framed space for someone else to write in (the attending doctor's answer).
    AnswerBox {
        /// What to write there.
        label: Text,
        /// How many ruled lines it holds (1 to 30).
        lines: u8,
    },
}

fn default_heading_level() -> u8 {
    2
}

/// One line of a [`DocBlock::Lines`]: a field's value between two fixed texts. An empty
/// field leaves a blank to fill in on paper (the fixed texts stay: 「＿＿＿ 先生 御机下」).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DocLine {
    /// Text before the value (e.g. 「電話 」).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<Text>,
    /// The field whose value the line shows.
    pub field: String,
    /// Text after the value (e.g. 「 先生 御机下」: the honorific follows the name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<Text>,
}

/// Where a [`DocBlock::Lines`] sits on the line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DocAlign {
    /// At the start of the line.
    #[default]
    Start,
    /// Centred.
    Center,
    /// At the end of the line.
    End,
}

impl DocAlign {
    /// Whether this is the default, `start` (left out when a pack is written).
    pub fn is_start(&self) -> bool {
        *self == DocAlign::Start
    }
}

pub mod csv;
mod dates;
pub mod ics;
mod kind_impl;
mod readers;
pub mod report;
mod session;
#[cfg(feature = "all-kinds")]
mod stats;
mod validate;

pub use dates::{DateProblem, DateWarning};
pub(crate) use session::check_event_date;
pub use session::{
    Case, CaseStart, FollowUpDate, HistoryEntry, PlanAction, PlanCases, StepProgress,
    MAX_CASE_TEXT_CHARS,
};

#[cfg(test)]
mod tests;

mod transfer;

pub use transfer::{CaseConflict, CaseProgress, Further, MergeSummary};
