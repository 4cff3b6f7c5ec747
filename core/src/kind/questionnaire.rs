//! The questionnaire kind: a scored instrument (sections of items on verbatim answer
//! scales, reverse-scored items), scales made of items, and scoring written as data:
//! sums, conversion tables chosen by a respondent answer (e.g. sex), threshold rules with
//! named branches, result outcomes and the routes each outcome points to.
//!
//! The BJSQ packs (`content/bjsq-57.json`, `content/bjsq-23.json`) are the first users;
//! nothing here names them.

#[cfg(feature = "aggregate")]
pub mod aggregate;
mod kind_impl;
mod session;
#[cfg(feature = "all-kinds")]
mod stats;
mod validate;

use serde::{Deserialize, Serialize};

use crate::pack::{Choice, SourceRef};
use crate::text::Text;

pub use session::{
    MeasureResult, QuestionnaireAction, QuestionnaireAnswers, QuestionnaireResult, RuleResult,
    SumResult,
};

/// A scored questionnaire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Questionnaire {
    /// Who made the instrument and where it is published: shown with every result.
    pub instrument: Instrument,
    /// Facts about the person the scoring needs (e.g. sex, because the conversion tables
    /// differ), each with the reason it is asked. Asked before the items.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub respondent: Vec<RespondentQuestion>,
    /// The answer scales, anchors verbatim; sections name one.
    pub answer_scales: Vec<AnswerScale>,
    /// The sections in the order they are asked.
    pub sections: Vec<Section>,
    /// Scales made of items (尺度), each computed as the instrument's manual writes it.
    pub measures: Vec<Measure>,
    /// Sums of answered points (reverse-scored items turned) or of converted measure points.
    pub sums: Vec<Sum>,
    /// Threshold rules (e.g. the two high-stress methods), each a list of branches.
    pub rules: Vec<Rule>,
    /// What a complete result means, in order: the first outcome whose rules hold is the
    /// person's; the last one, with no rules, is the outcome when none holds.
    pub outcomes: Vec<Outcome>,
    /// Where to turn: people, services and lines that outcomes point to.
    pub routes: Vec<Route>,
    /// What a group analysis of many exports shows (e.g. the 仕事のストレス判定図), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_analysis: Option<GroupAnalysis>,
}

/// The group analysis: means of some measures per group, split by a respondent answer
/// (sex, as the 判定図 is), and a health risk where the pack gives a model for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GroupAnalysis {
    /// The respondent question that splits every breakdown (e.g. `sex`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// The measures whose raw means are shown (e.g. workload, control, supervisor and
    /// coworker support).
    pub measures: Vec<String>,
    /// Health-risk models, one per answer of `by` (or one without `by`); none when the
    /// pack does not carry verified coefficients.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub risk_models: Vec<RiskModel>,
    /// Where the method and its numbers come from.
    pub sources: Vec<SourceRef>,
}

/// A health risk: `100 × exp(Σ (group mean − national mean) × coefficient)` for each part;
/// the total risk is the product of the parts divided by 100 per extra part.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RiskModel {
    /// The answer of `by` this model is for (absent when `by` is).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    /// The parts (e.g. 量–コントロール, 職場の支援), each a risk of its own.
    pub parts: Vec<RiskPart>,
}

/// One part of a health-risk model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RiskPart {
    /// Stable id results name.
    pub id: String,
    /// The part's name (e.g. 量–コントロール判定図).
    pub label: Text,
    /// Its terms.
    pub terms: Vec<RiskTerm>,
}

/// A term of a health-risk part: a measure's national mean and its coefficient.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RiskTerm {
    /// The measure's id.
    pub measure: String,
    /// The national mean of its raw value.
    pub mean: f64,
    /// The coefficient.
    pub coefficient: f64,
}

/// The instrument's name and authors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    /// The instrument's name (e.g. 職業性ストレス簡易調査票（57項目）).
    pub name: Text,
    /// Who developed it and who publishes it.
    pub attribution: Text,
    /// Where the items, anchors and scoring come from; at least one.
    pub sources: Vec<SourceRef>,
    /// Notes on the data for the 実施者 and reviewers: which copy each table was read from,
    /// where public copies disagree and which was used, and what is not yet verified.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Text>,
}

/// A question about the person that scoring depends on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RespondentQuestion {
    /// Stable id (conversions name it in `by`).
    pub id: String,
    /// The question.
    pub label: Text,
    /// Why it is asked and what is done with it.
    pub why: Text,
    /// The possible answers.
    pub options: Vec<Choice>,
}

/// An answer scale, its anchors as the instrument prints them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AnswerScale {
    /// Stable id sections refer to.
    pub id: String,
    /// The options in the printed order.
    pub options: Vec<AnswerOption>,
}

/// One anchor of an answer scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AnswerOption {
    /// Stable id stored in answers.
    pub id: String,
    /// The anchor, verbatim.
    pub label: Text,
    /// The points the instrument gives this answer (the number printed beside it).
    pub points: u8,
}

/// A section: an instruction and items answered on one scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Stable id (sums may name a section for all its items).
    pub id: String,
    /// The section's heading (e.g. A, B).
    pub label: Text,
    /// The instruction printed above the items, verbatim.
    pub instruction: Text,
    /// The answer scale's id.
    pub scale: String,
    /// The items in printed order.
    pub items: Vec<Item>,
}

/// One item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Stable id stored in answers.
    pub id: String,
    /// The number printed beside it (e.g. `1`), as the manual refers to it.
    pub number: String,
    /// The item, verbatim.
    pub text: Text,
    /// Reverse-scored in point sums: the points are turned (lowest ↔ highest).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub reverse: bool,
}

/// Which way a measure's raw value reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// A higher value means more strain (e.g. workload).
    HigherIsWorse,
    /// A higher value means less strain (e.g. control, support).
    HigherIsBetter,
}

/// A scale made of items: `constant + Σ add − Σ subtract` of the items' answered points,
/// as the manual's 計算 column writes it (`15-(No.1+No.2+No.3)` is constant 15, subtract
/// the three items).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// Stable id sums and results name.
    pub id: String,
    /// The scale's name.
    pub label: Text,
    /// Which way the raw value reads.
    pub direction: Direction,
    /// The constant of the formula.
    #[serde(default)]
    pub constant: i32,
    /// Items whose points are added.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub add: Vec<String>,
    /// Items whose points are subtracted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subtract: Vec<String>,
    /// The conversion of the raw value to points (e.g. the 素点換算表), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conversion: Option<Conversion>,
}

/// Conversion tables of one measure, one per answer of a respondent question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Conversion {
    /// The respondent question that picks the table (e.g. `sex`); absent for one table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// The tables; each possible raw value falls in exactly one band of each.
    pub tables: Vec<ConversionTable>,
    /// The page the tables were read from.
    pub sources: Vec<SourceRef>,
}

/// One conversion table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ConversionTable {
    /// The answer of `by` this table is for (absent when `by` is).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    /// Raw-value bands and their points.
    pub bands: Vec<Band>,
}

/// Raw values `min..=max` convert to `points`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// The lowest raw value of the band.
    pub min: i32,
    /// The highest raw value of the band.
    pub max: i32,
    /// The converted points (e.g. 評価点 1–5).
    pub points: u8,
}

/// What a sum adds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SumOf {
    /// The answered points of items (reverse-scored items turned); `of` names items or
    /// sections.
    ItemPoints,
    /// The converted points of measures; `of` names measures with a conversion.
    ConvertedMeasures,
}

/// A sum rules compare with thresholds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Sum {
    /// Stable id rules name.
    pub id: String,
    /// What the sum is (e.g. 領域B 合計点).
    pub label: Text,
    /// What is added.
    pub sum_of: SumOf,
    /// Ids of items or sections (`item_points`) or of measures (`converted_measures`).
    pub of: Vec<String>,
}

/// A rule: it holds when any of its branches holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Stable id outcomes name.
    pub id: String,
    /// The method's name as the person reads it.
    pub label: Text,
    /// The branches (e.g. ㋐, ㋑).
    pub branches: Vec<Branch>,
    /// Where the rule is stated.
    pub sources: Vec<SourceRef>,
}

/// A branch: it holds when all its thresholds hold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Branch {
    /// Stable id results name.
    pub id: String,
    /// The branch in words (e.g. 領域Bが77点以上).
    pub label: Text,
    /// The thresholds, all of which must hold.
    pub all: Vec<Threshold>,
}

/// The total of some sums against a bound: `min` (at least) or `max` (at most).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Threshold {
    /// Ids of the sums added together.
    pub sums: Vec<String>,
    /// Holds when the total is at least this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<i32>,
    /// Holds when the total is at most this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i32>,
}

/// What a complete result means for the person, and where to turn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// Stable id results name.
    pub id: String,
    /// Applies when any of these rules holds; empty for the last outcome (none holds).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub when_any: Vec<String>,
    /// The heading the person reads.
    pub title: Text,
    /// Plain advice, one paragraph each.
    pub advice: Vec<Text>,
    /// Route ids, most important first.
    pub routes: Vec<String>,
    /// Where the advice rests.
    pub sources: Vec<SourceRef>,
}

/// Someone or something to turn to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Route {
    /// Stable id outcomes name.
    pub id: String,
    /// Who or what.
    pub label: Text,
    /// What they do and how to reach them.
    pub description: Text,
    /// Where it is stated.
    pub sources: Vec<SourceRef>,
}

impl Rule {
    /// The branches of this rule that `got` (its result) met, in the order it met them: what
    /// the result screen and the CSV say in words.
    pub fn met_branches<'a>(&'a self, got: &'a RuleResult) -> impl Iterator<Item = &'a Branch> {
        got.branches
            .iter()
            .filter_map(|id| self.branches.iter().find(|branch| &branch.id == id))
    }
}

impl Questionnaire {
    /// Every item with its section, in the order asked.
    pub fn items(&self) -> impl Iterator<Item = (&Section, &Item)> {
        self.sections
            .iter()
            .flat_map(|section| section.items.iter().map(move |item| (section, item)))
    }

    /// The item called `id` and its section.
    pub fn item(&self, id: &str) -> Option<(&Section, &Item)> {
        self.items().find(|(_, item)| item.id == id)
    }

    /// The answer scale called `id`.
    pub fn answer_scale(&self, id: &str) -> Option<&AnswerScale> {
        self.answer_scales.iter().find(|scale| scale.id == id)
    }

    /// The measure called `id`.
    pub fn measure(&self, id: &str) -> Option<&Measure> {
        self.measures.iter().find(|measure| measure.id == id)
    }

    /// The sum called `id`.
    pub fn sum(&self, id: &str) -> Option<&Sum> {
        self.sums.iter().find(|sum| sum.id == id)
    }

    /// The rule called `id`.
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|rule| rule.id == id)
    }

    /// The route called `id`.
    pub fn route(&self, id: &str) -> Option<&Route> {
        self.routes.iter().find(|route| route.id == id)
    }

    /// The outcome called `id`.
    pub fn outcome(&self, id: &str) -> Option<&Outcome> {
        self.outcomes.iter().find(|outcome| outcome.id == id)
    }

    /// The lowest and highest points of an item's answer scale (`None` for an unknown item
    /// or an empty scale).
    pub fn point_range(&self, item: &str) -> Option<(i32, i32)> {
        let (section, _) = self.item(item)?;
        let scale = self.answer_scale(&section.scale)?;
        let points = scale.options.iter().map(|o| i32::from(o.points));
        Some((points.clone().min()?, points.max()?))
    }

    /// The lowest and highest raw values a measure can take (`None` if an item is unknown).
    pub fn measure_range(&self, measure: &Measure) -> Option<(i32, i32)> {
        let (mut low, mut high) = (measure.constant, measure.constant);
        for item in &measure.add {
            let (min, max) = self.point_range(item)?;
            low += min;
            high += max;
        }
        for item in &measure.subtract {
            let (min, max) = self.point_range(item)?;
            low -= max;
            high -= min;
        }
        Some((low, high))
    }

    /// The items a sum of item points covers: items named, and every item of a section named.
    pub fn sum_items<'a>(&'a self, sum: &'a Sum) -> Vec<&'a Item> {
        let mut items = Vec::new();
        for id in &sum.of {
            if let Some(section) = self.sections.iter().find(|s| &s.id == id) {
                items.extend(section.items.iter());
            } else if let Some((_, item)) = self.item(id) {
                items.push(item);
            }
        }
        items
    }
}

#[cfg(test)]
mod tests;
