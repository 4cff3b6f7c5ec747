//! The course kind: modules of lessons, branching scenarios and quizzes with feedback.

use serde::{Deserialize, Serialize};

use crate::pack::{Choice, SourceRef};
use crate::text::Text;

/// An e-learning course.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Course {
    /// The percentage of quiz points needed to pass a module, unless the module sets its own.
    pub pass_mark_percent: u8,
    /// Questions asked at the end of every module (理解度, 有用度).
    pub feedback_questions: Vec<FeedbackQuestion>,
    /// The modules, in order.
    pub modules: Vec<Module>,
}

/// A question asked after each module, which centers report on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FeedbackQuestion {
    /// Stable id (e.g. `understanding`, `usefulness`).
    pub id: String,
    /// The question.
    pub prompt: Text,
    /// The answers, most positive first.
    pub options: Vec<Choice>,
    /// Ids of the answers counted as positive in reports (e.g. the top two).
    pub positive: Vec<String>,
}

/// A module of the course.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Module {
    /// Stable id.
    pub id: String,
    /// Title.
    pub title: Text,
    /// What the manager will be able to do after it.
    pub summary: Text,
    /// About how long it takes, in minutes.
    pub minutes: u16,
    /// Short lessons, read in order.
    pub lessons: Vec<Lesson>,
    /// Branching scenarios.
    pub scenarios: Vec<Scenario>,
    /// The module's quiz.
    pub quiz: Quiz,
    /// A pass mark for this module only, overriding the course's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pass_mark_percent: Option<u8>,
}

/// A short lesson.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Lesson {
    /// Stable id.
    pub id: String,
    /// Title.
    pub title: Text,
    /// The lesson's content.
    pub blocks: Vec<Block>,
    /// Ids of the pack's `updates` that concern it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub updates: Vec<String>,
    /// Sources for the lesson as a whole. Each block names the sources of its own facts
    /// (`Block::sources`); a lesson needs sources here only when no block cites one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceRef>,
}

// Read by `block_reader.rs` (its `type` anywhere among its keys, in one pass).
/// A block of lesson text. Texts may use `**strong**` and `[label](https://…)`; never HTML.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Block {
    /// A paragraph.
    Paragraph {
        /// The paragraph.
        text: Text,
        /// Where this block's facts come from, one reference per fact. An explicit empty list
        /// says the block states no fact (a question, a transition); leaving the key out makes
        /// validation warn (`unsourced_fact`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        sources: Option<Vec<SourceRef>>,
    },
    /// A bulleted list.
    List {
        /// The entries.
        items: Vec<Text>,
        /// Where this block's facts come from, one reference per fact. An explicit empty list
        /// says the block states no fact (a question, a transition); leaving the key out makes
        /// validation warn (`unsourced_fact`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        sources: Option<Vec<SourceRef>>,
    },
    /// A highlighted point ("ポイント").
    Note {
        /// The note.
        text: Text,
        /// Where this block's facts come from, one reference per fact. An explicit empty list
        /// says the block states no fact (a question, a transition); leaving the key out makes
        /// validation warn (`unsourced_fact`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        sources: Option<Vec<SourceRef>>,
    },
}

impl Block {
    /// The block's own sources: `None` when the key is absent (validation warns), an empty
    /// list when the author said the block states no fact.
    pub fn sources(&self) -> Option<&[SourceRef]> {
        match self {
            Block::Paragraph { sources, .. }
            | Block::List { sources, .. }
            | Block::Note { sources, .. } => sources.as_deref(),
        }
    }
}

/// A realistic situation with choices and consequences.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Stable id.
    pub id: String,
    /// Title.
    pub title: Text,
    /// The id of the node the scenario starts at.
    pub start: String,
    /// The nodes; a node without choices ends the scenario.
    pub nodes: Vec<ScenarioNode>,
    /// Where its advice comes from.
    pub sources: Vec<SourceRef>,
}

/// A moment in a scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ScenarioNode {
    /// Stable id within the scenario.
    pub id: String,
    /// What happens.
    pub text: Text,
    /// What the manager can do; empty at an ending.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<ScenarioChoice>,
    /// Where a fact stated in this node comes from (the scenario's `sources` cover the rest).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceRef>,
}

/// How good a scenario choice is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChoiceQuality {
    /// What the guidance recommends.
    Good,
    /// Understandable, but misses something.
    Acceptable,
    /// Likely to do harm.
    Poor,
}

/// A choice in a scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ScenarioChoice {
    /// Stable id within the node.
    pub id: String,
    /// What the manager does or says.
    pub text: Text,
    /// What follows and why.
    pub feedback: Text,
    /// How good the choice is.
    pub quality: ChoiceQuality,
    /// The node it leads to; absent ends the scenario.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
    /// Where the feedback's facts come from (the scenario's `sources` cover the rest).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceRef>,
}

/// A module's quiz.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Quiz {
    /// The questions, one point each: the pool each attempt draws from.
    pub questions: Vec<Question>,
    /// How many questions an attempt asks, drawn from `questions` (those not asked in the
    /// last attempt first). Absent: every question. Between 1 and the number of questions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub questions_per_attempt: Option<u16>,
}

impl Quiz {
    /// How many questions an attempt asks: `questions_per_attempt`, at most the pool.
    pub fn asked(&self) -> usize {
        self.questions_per_attempt
            .map_or(self.questions.len(), usize::from)
            .min(self.questions.len())
    }
}

/// Single or multiple choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// Exactly one option is correct.
    Single,
    /// One or more options are correct; all must be chosen, and no other.
    Multiple,
}

/// A quiz question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable id, unique in the pack.
    pub id: String,
    /// The question.
    pub prompt: Text,
    /// Single or multiple choice.
    pub kind: QuestionKind,
    /// The options.
    pub options: Vec<QuizOption>,
    /// Ids of the pack's `updates` that concern it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub updates: Vec<String>,
}

/// An option of a quiz question, with the feedback shown when it is chosen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct QuizOption {
    /// Stable id within the question.
    pub id: String,
    /// The option.
    pub text: Text,
    /// Whether it is (one of) the right answer(s).
    pub correct: bool,
    /// Why it is right or wrong.
    pub feedback: Text,
    /// Where the explanation comes from.
    pub sources: Vec<SourceRef>,
}

#[cfg(feature = "aggregate")]
pub mod aggregate;
mod block_reader;
pub mod cmi5;
pub mod csv;
mod draw;
mod kind_impl;
pub mod lms;
pub mod package;
pub mod report;
mod session;
#[cfg(feature = "all-kinds")]
mod stats;
pub mod steps;
mod validate;
pub mod xapi;

pub use session::{
    is_correct, is_learner_id, is_timestamp, percent, CourseAction, CourseProgress, CourseResult,
    FollowUp, Issuer, ModuleProgress, ModuleResult, Position, QuizAttempt, ScenarioState,
    ScenarioStep, ShownQuestion, FOLLOW_UP_AFTER_DAYS, FOLLOW_UP_LATER_DAYS,
    MAX_ACTIVE_SECONDS_PER_REPORT,
};

#[cfg(test)]
mod tests;

mod review;

pub use review::{review_question, QuestionReview, ReviewedStep, ScenarioReview};
