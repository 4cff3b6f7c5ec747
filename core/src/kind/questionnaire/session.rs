//! A person's answers to a questionnaire, the actions that change them, and the result:
//! measures (raw and converted), sums, rules with the branch that held, and the outcome.
//! Nothing is scored until every item and every respondent question is answered.

use crate::vec_map::VecMap;

use serde::{Deserialize, Serialize};

use super::{Measure, Questionnaire, SumOf, Threshold};
use crate::error::{Error, Result};

/// A person's answers: respondent facts and one answer option per item.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionnaireAnswers {
    /// Respondent question id → option id.
    #[serde(default)]
    pub respondent: VecMap<String>,
    /// Item id → answer option id.
    #[serde(default)]
    pub items: VecMap<String>,
    /// The group the person belongs to for a group analysis (e.g. a department, as the
    /// 実施者 named it); never a name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
}

/// The longest group label kept, in characters.
pub const MAX_GROUP_CHARS: usize = 40;

/// What a person can do; each maps to one [`Questionnaire::apply`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "action")]
pub enum QuestionnaireAction {
    /// Answers a respondent question.
    SetRespondent {
        /// The question id.
        question: String,
        /// The option id.
        choice: String,
    },
    /// Answers an item; `None` takes the answer back.
    Answer {
        /// The item id.
        item: String,
        /// The answer option id.
        choice: Option<String>,
    },
    /// Sets the group for a group analysis (trimmed; empty clears it).
    SetGroup {
        /// The group's label.
        group: String,
    },
    /// Erases every answer.
    Clear,
}

/// A measure's value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeasureResult {
    /// The measure's id.
    pub id: String,
    /// The raw value from the formula.
    pub raw: i32,
    /// The converted points, when the measure has a conversion.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub points: Option<u8>,
}

/// A sum's value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SumResult {
    /// The sum's id.
    pub id: String,
    /// The total.
    pub value: i32,
}

/// Whether a rule holds, and by which branches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleResult {
    /// The rule's id.
    pub id: String,
    /// Whether any branch holds.
    pub holds: bool,
    /// Every branch that holds, in pack order (e.g. both ㋐ and ㋑).
    pub branches: Vec<String>,
}

/// What the answers come to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionnaireResult {
    /// Items answered.
    pub answered: usize,
    /// Items in the questionnaire.
    pub total: usize,
    /// Every item and respondent question answered: the scores below are given.
    pub complete: bool,
    /// Each measure, in pack order (empty until complete).
    pub measures: Vec<MeasureResult>,
    /// Each sum, in pack order (empty until complete).
    pub sums: Vec<SumResult>,
    /// Each rule, in pack order (empty until complete).
    pub rules: Vec<RuleResult>,
    /// The outcome's id (absent until complete).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
}

impl Questionnaire {
    /// Applies one action. Unknown ids are errors and change nothing.
    pub fn apply(
        &self,
        answers: &mut QuestionnaireAnswers,
        action: &QuestionnaireAction,
    ) -> Result<()> {
        match action {
            QuestionnaireAction::SetRespondent { question, choice } => {
                let known = self
                    .respondent
                    .iter()
                    .find(|q| &q.id == question)
                    .ok_or_else(|| Error::UnknownId(question.clone()))?;
                if !known.options.iter().any(|o| &o.id == choice) {
                    return Err(Error::UnknownId(choice.clone()));
                }
                answers.respondent.insert(question.clone(), choice.clone());
            }
            QuestionnaireAction::Answer { item, choice } => {
                let (section, _) = self
                    .item(item)
                    .ok_or_else(|| Error::UnknownId(item.clone()))?;
                match choice {
                    None => {
                        answers.items.remove(item);
                    }
                    Some(choice) => {
                        let scale = self
                            .answer_scale(&section.scale)
                            .ok_or_else(|| Error::UnknownId(section.scale.clone()))?;
                        if !scale.options.iter().any(|o| &o.id == choice) {
                            return Err(Error::UnknownId(choice.clone()));
                        }
                        answers.items.insert(item.clone(), choice.clone());
                    }
                }
            }
            QuestionnaireAction::SetGroup { group } => {
                let group = group.trim();
                if group.chars().count() > MAX_GROUP_CHARS || group.chars().any(char::is_control) {
                    return Err(Error::NotAllowed(format!(
                        "a group label is at most {MAX_GROUP_CHARS} characters, without control characters"
                    )));
                }
                answers.group = (!group.is_empty()).then(|| group.to_string());
            }
            QuestionnaireAction::Clear => *answers = QuestionnaireAnswers::default(),
        }
        Ok(())
    }

    /// The answered points of an item (`None` when unanswered or unknown).
    pub fn points(&self, answers: &QuestionnaireAnswers, item: &str) -> Option<i32> {
        let choice = answers.items.get(item)?;
        let (section, _) = self.item(item)?;
        let scale = self.answer_scale(&section.scale)?;
        let option = scale.options.iter().find(|o| &o.id == choice)?;
        Some(i32::from(option.points))
    }

    /// An item's points as sums count them: reverse-scored items turned (lowest ↔ highest).
    pub fn scored_points(&self, answers: &QuestionnaireAnswers, item: &str) -> Option<i32> {
        let points = self.points(answers, item)?;
        let (_, found) = self.item(item)?;
        if found.reverse {
            let (min, max) = self.point_range(item)?;
            Some(min + max - points)
        } else {
            Some(points)
        }
    }

    /// A measure's raw value (`None` while one of its items is unanswered).
    pub fn measure_raw(&self, answers: &QuestionnaireAnswers, measure: &Measure) -> Option<i32> {
        let mut value = measure.constant;
        for item in &measure.add {
            value += self.points(answers, item)?;
        }
        for item in &measure.subtract {
            value -= self.points(answers, item)?;
        }
        Some(value)
    }

    /// A raw value converted by the measure's table for the person's answers (`None` when
    /// the measure has no conversion, the respondent answer is missing, or no band holds).
    pub fn convert(
        &self,
        answers: &QuestionnaireAnswers,
        measure: &Measure,
        raw: i32,
    ) -> Option<u8> {
        let conversion = measure.conversion.as_ref()?;
        let chosen = match &conversion.by {
            Some(question) => Some(answers.respondent.get(question)?),
            None => None,
        };
        let table = conversion
            .tables
            .iter()
            .find(|table| table.when.as_ref() == chosen)?;
        table
            .bands
            .iter()
            .find(|band| band.min <= raw && raw <= band.max)
            .map(|band| band.points)
    }

    /// Items answered.
    pub fn answered(&self, answers: &QuestionnaireAnswers) -> usize {
        self.items()
            .filter(|(_, item)| self.points(answers, &item.id).is_some())
            .count()
    }

    /// What the answers come to. Scores only once everything is answered.
    pub fn result(&self, answers: &QuestionnaireAnswers) -> QuestionnaireResult {
        let total = self.items().count();
        let answered = self.answered(answers);
        let respondent_done = self
            .respondent
            .iter()
            .all(|q| answers.respondent.contains_key(&q.id));
        let mut result = QuestionnaireResult {
            answered,
            total,
            complete: answered == total && respondent_done,
            measures: Vec::new(),
            sums: Vec::new(),
            rules: Vec::new(),
            outcome: None,
        };
        if !result.complete {
            return result;
        }
        for measure in &self.measures {
            let raw = self.measure_raw(answers, measure).unwrap_or(0);
            result.measures.push(MeasureResult {
                id: measure.id.clone(),
                raw,
                points: self.convert(answers, measure, raw),
            });
        }
        for sum in &self.sums {
            let value = match sum.sum_of {
                SumOf::ItemPoints => self
                    .sum_items(sum)
                    .iter()
                    .filter_map(|item| self.scored_points(answers, &item.id))
                    .sum(),
                SumOf::ConvertedMeasures => sum
                    .of
                    .iter()
                    .filter_map(|id| result.measures.iter().find(|m| &m.id == id))
                    .filter_map(|m| m.points.map(i32::from))
                    .sum(),
            };
            result.sums.push(SumResult {
                id: sum.id.clone(),
                value,
            });
        }
        for rule in &self.rules {
            let branches: Vec<String> = rule
                .branches
                .iter()
                .filter(|branch| {
                    branch
                        .all
                        .iter()
                        .all(|threshold| threshold_holds(threshold, &result.sums))
                })
                .map(|branch| branch.id.clone())
                .collect();
            result.rules.push(RuleResult {
                id: rule.id.clone(),
                holds: !branches.is_empty(),
                branches,
            });
        }
        result.outcome = self
            .outcomes
            .iter()
            .find(|outcome| {
                outcome.when_any.is_empty()
                    || outcome
                        .when_any
                        .iter()
                        .any(|id| result.rules.iter().any(|r| &r.id == id && r.holds))
            })
            .map(|outcome| outcome.id.clone());
        result
    }
}

fn threshold_holds(threshold: &Threshold, sums: &[SumResult]) -> bool {
    let total: i32 = threshold
        .sums
        .iter()
        .filter_map(|id| sums.iter().find(|s| &s.id == id))
        .map(|s| s.value)
        .sum();
    threshold.min.is_none_or(|min| total >= min) && threshold.max.is_none_or(|max| total <= max)
}
