//! A person's answers to a checklist, the actions that change them, and what they add up
//! to: progress, scores per area, maturity levels and a prioritised action plan.

use serde::{Deserialize, Serialize};

use super::{Checklist, Effort, Item, ItemDuty, Obligation, PlannedDuty};
use crate::error::{Error, Result};
use crate::pack::{applies, status_on, InForceStatus};
use crate::text::Text;
use crate::vec_map::VecMap;

/// Everything a person entered in a checklist. Serialised into saved state and exports.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistAnswers {
    /// Profile answers: question id → choice id.
    #[serde(default)]
    pub profile: VecMap<String>,
    /// Item answers by item id.
    #[serde(default, deserialize_with = "item_answers_of_any_format")]
    pub items: VecMap<ItemAnswer>,
    /// The action plan's owners and target dates, by item id.
    #[serde(default)]
    pub actions: VecMap<ActionEntry>,
    /// The draft 心の健康づくり計画 as the person edited it: section id
    /// ([`PLAN_SECTIONS`](super::PLAN_SECTIONS)) → text. A section left out reads as
    /// worded from the answers. Part of the record, so it is exported and imported with it.
    #[serde(default, skip_serializing_if = "VecMap::is_empty")]
    pub plan: VecMap<String>,
    /// The workplace's name, optional ([`clean_workplace`](super::clean_workplace)): kept
    /// only here, in the browser's record and the exported file; used in file names, the
    /// draft plan's heading, the print and the `.docx`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub workplace: String,
    /// The quick scan or the full audit. A record saved before the mode was kept has none
    /// and reads as the full audit.
    #[serde(default, skip_serializing_if = "super::AuditMode::is_full")]
    pub mode: super::AuditMode,
    /// Conflict copies of draft-plan sections: section id → texts another tab wrote in that
    /// section while this one did too ([`merge_plan`](super::merge_plan)), kept until the
    /// person chooses ([`ChecklistAction::ResolvePlanConflict`]). Part of the record.
    #[serde(default, skip_serializing_if = "VecMap::is_empty")]
    pub plan_conflicts: VecMap<Vec<String>>,
    /// Where the person was, so a reload goes back there ([`Checklist::resume`]): the id of
    /// the area of the full audit they were on, or a mark that is not an id, `#profile`
    /// (the profile) or `#results` (the results of the pass they are on, [`Self::mode`]).
    /// None on the quick scan's items, and in a record saved before it was kept (format 3),
    /// which goes on at the first area with an unanswered item. A build that knows no marks
    /// (format 4 before them) forgets one on import, as an area the pack does not have.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
}

/// The answer to one item.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemAnswer {
    /// The chosen scale option id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choice: Option<String>,
    /// "Why not" reason ids, when the item is not fully in place.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub why_not: Vec<String>,
    /// The free text for the "other" reason.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub why_not_other: String,
    /// A note the person keeps for themselves.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// Reads the item answers of a file: each an object today, or the choice's id alone as
/// format 1 of the export wrote it ([`EXPORT_FORMAT`](crate::export::EXPORT_FORMAT)).
fn item_answers_of_any_format<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> std::result::Result<VecMap<ItemAnswer>, D::Error> {
    let answers = VecMap::<ItemAnswerOfAnyFormat>::deserialize(deserializer)?;
    Ok(answers.map_values(|answer| answer.0))
}

/// An [`ItemAnswer`] read from an object or from a choice's id alone.
struct ItemAnswerOfAnyFormat(ItemAnswer);

impl<'de> Deserialize<'de> for ItemAnswerOfAnyFormat {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Self, D::Error> {
        deserializer.deserialize_any(ItemAnswerVisitor)
    }
}

struct ItemAnswerVisitor;

impl<'de> serde::de::Visitor<'de> for ItemAnswerVisitor {
    type Value = ItemAnswerOfAnyFormat;

    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("an item's answer: an object, or a choice's id (format 1)")
    }

    fn visit_str<E: serde::de::Error>(self, choice: &str) -> std::result::Result<Self::Value, E> {
        Ok(ItemAnswerOfAnyFormat(ItemAnswer {
            choice: Some(choice.to_string()),
            ..ItemAnswer::default()
        }))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        map: A,
    ) -> std::result::Result<Self::Value, A::Error> {
        ItemAnswer::deserialize(serde::de::value::MapAccessDeserializer::new(map))
            .map(ItemAnswerOfAnyFormat)
    }
}

/// Who will act on a recommendation, and by when.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionEntry {
    /// Who is responsible (a name or a role).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// Target date, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub due: String,
    /// Whether it is done.
    #[serde(default)]
    pub done: bool,
}

/// Something a person does in the checklist. Each maps to one change of [`ChecklistAnswers`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum ChecklistAction {
    /// Answer a profile question.
    SetProfile {
        /// Question id.
        question: String,
        /// Choice id.
        choice: String,
    },
    /// Choose an answer for an item (`None` clears it).
    Answer {
        /// Item id.
        item: String,
        /// Scale option id.
        choice: Option<String>,
    },
    /// Tick or untick a "why not" reason.
    ToggleWhyNot {
        /// Item id.
        item: String,
        /// Reason id.
        reason: String,
    },
    /// Set the free text of the "other" reason.
    SetWhyNotOther {
        /// Item id.
        item: String,
        /// The text.
        text: String,
    },
    /// Set the person's note on an item.
    SetNote {
        /// Item id.
        item: String,
        /// The note.
        text: String,
    },
    /// Set the edited text of a section of the draft plan (`None` goes back to the text
    /// worded from the answers).
    SetPlanSection {
        /// One of [`PLAN_SECTIONS`](super::PLAN_SECTIONS).
        section: String,
        /// The text, at most [`MAX_PLAN_SECTION_CHARS`] characters (longer is cut).
        text: Option<String>,
    },
    /// Set the workplace's name (an empty text removes it).
    SetWorkplace {
        /// The name as typed; kept on one line, at most
        /// [`MAX_WORKPLACE_CHARS`](super::MAX_WORKPLACE_CHARS) characters.
        name: String,
    },
    /// Say which screen the person is on, so a reload goes back there
    /// ([`Checklist::resume`]); an area or a results screen also sets the pass it belongs
    /// to ([`ChecklistAnswers::mode`]).
    SetScreen {
        /// The screen shown.
        screen: super::ChecklistScreen,
    },
    /// Switch between the quick scan and the full audit (answers are shared).
    SetMode {
        /// The pass to be on.
        mode: super::AuditMode,
    },
    /// Choose what to do with a conflict copy of a draft-plan section (see
    /// [`merge_plan`](super::merge_plan)).
    ResolvePlanConflict {
        /// One of [`PLAN_SECTIONS`](super::PLAN_SECTIONS).
        section: String,
        /// Which of the section's copies (index into its list).
        copy: usize,
        /// Use this tab's text, the copy, or both.
        choice: super::PlanConflictChoice,
    },
    /// Set who acts on an item's recommendation and by when.
    SetAction {
        /// Item id.
        item: String,
        /// Owner.
        owner: String,
        /// Target date (`YYYY-MM-DD` or empty).
        due: String,
        /// Done or not.
        done: bool,
    },
}

/// The share of applicable items (in percent) that must be answered before a score and a
/// maturity level are shown, overall and per area. Below it the result says how much is
/// answered and asks for more: a level read from a few answers would mislead.
pub const COVERAGE_THRESHOLD_PERCENT: u8 = 80;

/// Whether `answered` of `applicable` items reach [`COVERAGE_THRESHOLD_PERCENT`].
pub fn coverage_reached(answered: usize, applicable: usize) -> bool {
    applicable > 0
        && (answered as u64) * 100 >= (applicable as u64) * u64::from(COVERAGE_THRESHOLD_PERCENT)
}

/// Longest free text kept in an answer, in characters; longer input is cut.
pub const MAX_FREE_TEXT_CHARS: usize = 2000;

/// Longest text kept in one section of the draft plan, in characters; longer input is cut.
pub const MAX_PLAN_SECTION_CHARS: usize = 20_000;

fn bounded(text: &str) -> String {
    text.chars().take(MAX_FREE_TEXT_CHARS).collect()
}

impl Checklist {
    /// Every item with the area it belongs to, in order.
    pub fn items(&self) -> impl Iterator<Item = (&super::Area, &Item)> {
        self.areas
            .iter()
            .flat_map(|area| area.items.iter().map(move |item| (area, item)))
    }

    /// The item with this id.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items()
            .map(|(_, item)| item)
            .find(|item| item.id == id)
    }

    /// Applies one action to the answers. Unknown ids are refused and change nothing.
    pub fn apply(&self, answers: &mut ChecklistAnswers, action: &ChecklistAction) -> Result<()> {
        match action {
            ChecklistAction::SetProfile { question, choice } => {
                let known = self
                    .profile
                    .iter()
                    .find(|q| &q.id == question)
                    .ok_or_else(|| Error::UnknownId(question.clone()))?;
                if !known.options.iter().any(|o| &o.id == choice) {
                    return Err(Error::UnknownId(choice.clone()));
                }
                answers.profile.insert(question.clone(), choice.clone());
            }
            ChecklistAction::Answer { item, choice } => {
                self.item(item)
                    .ok_or_else(|| Error::UnknownId(item.clone()))?;
                if let Some(choice) = choice {
                    if !self.scale.iter().any(|o| &o.id == choice) {
                        return Err(Error::UnknownId(choice.clone()));
                    }
                }
                // "Why not" reasons and the "other" text stay when the choice changes, so
                // changing back brings them back; they count only while the choice asks
                // why (`reasons_in_effect`).
                answers.items.entry(item.clone()).or_default().choice = choice.clone();
                prune(answers, item);
            }
            ChecklistAction::ToggleWhyNot { item, reason } => {
                self.item(item)
                    .ok_or_else(|| Error::UnknownId(item.clone()))?;
                if !self.why_not.iter().any(|r| &r.id == reason) {
                    return Err(Error::UnknownId(reason.clone()));
                }
                let entry = answers.items.entry(item.clone()).or_default();
                if let Some(position) = entry.why_not.iter().position(|r| r == reason) {
                    entry.why_not.remove(position);
                } else {
                    entry.why_not.push(reason.clone());
                    // In the pack's order of reasons. A handful of reasons: an insertion
                    // sort (stable, so the result is a stable sort's) in place of a sort's
                    // kilobytes of wasm.
                    let rank = |r: &String| self.why_not.iter().position(|o| &o.id == r);
                    let reasons = &mut entry.why_not;
                    for end in 1..reasons.len() {
                        let mut at = end;
                        while at > 0 && rank(&reasons[at - 1]) > rank(&reasons[at]) {
                            reasons.swap(at - 1, at);
                            at -= 1;
                        }
                    }
                }
                prune(answers, item);
            }
            ChecklistAction::SetWhyNotOther { item, text } => {
                self.item(item)
                    .ok_or_else(|| Error::UnknownId(item.clone()))?;
                answers.items.entry(item.clone()).or_default().why_not_other = bounded(text);
                prune(answers, item);
            }
            ChecklistAction::SetNote { item, text } => {
                self.item(item)
                    .ok_or_else(|| Error::UnknownId(item.clone()))?;
                answers.items.entry(item.clone()).or_default().note = bounded(text);
                prune(answers, item);
            }
            ChecklistAction::SetPlanSection { section, text } => {
                if !super::PLAN_SECTIONS.contains(&section.as_str()) {
                    return Err(Error::UnknownId(section.clone()));
                }
                match text {
                    Some(text) => {
                        let text: String = text.chars().take(MAX_PLAN_SECTION_CHARS).collect();
                        answers.plan.insert(section.clone(), text);
                    }
                    None => {
                        answers.plan.remove(section);
                    }
                }
            }
            ChecklistAction::SetWorkplace { name } => {
                answers.workplace = super::clean_workplace(name);
            }
            ChecklistAction::SetMode { mode } => answers.mode = *mode,
            ChecklistAction::SetScreen { screen } => {
                let (area, mode) = super::resume::kept_for(self, *screen)?;
                answers.area = area;
                if let Some(mode) = mode {
                    answers.mode = mode;
                }
            }
            ChecklistAction::ResolvePlanConflict {
                section,
                copy,
                choice,
            } => {
                super::plan_merge::resolve(answers, section, *copy, *choice)
                    .ok_or_else(|| Error::UnknownId(format!("{section}/{copy}")))?;
            }
            ChecklistAction::SetAction {
                item,
                owner,
                due,
                done,
            } => {
                self.item(item)
                    .ok_or_else(|| Error::UnknownId(item.clone()))?;
                if !due.is_empty() && crate::date::parse_date(due).is_none() {
                    return Err(Error::InvalidDate(due.clone()));
                }
                let entry = ActionEntry {
                    owner: bounded(owner),
                    due: due.clone(),
                    done: *done,
                };
                if entry == ActionEntry::default() {
                    answers.actions.remove(item);
                } else {
                    answers.actions.insert(item.clone(), entry);
                }
            }
        }
        Ok(())
    }

    /// Whether an item is asked for this profile and these answers: its `applies_if` holds
    /// for the profile and, when it `depends_on` another item, that item applies and is
    /// unanswered or answered with one of the listed choices.
    pub fn item_applies(&self, item: &Item, answers: &ChecklistAnswers) -> bool {
        // A chain is at most as long as the list of items; validation refuses circles, and
        // the bound keeps an unvalidated circle from looping.
        let longest_chain = self.areas.iter().map(|area| area.items.len()).sum();
        self.item_applies_within(item, answers, longest_chain)
    }

    fn item_applies_within(&self, item: &Item, answers: &ChecklistAnswers, steps: usize) -> bool {
        if !applies(item.applies_if.as_ref(), &answers.profile) {
            return false;
        }
        let Some(dependency) = &item.depends_on else {
            return true;
        };
        let Some(decider) = self.item(&dependency.item).filter(|_| steps > 0) else {
            return true;
        };
        if !self.item_applies_within(decider, answers, steps - 1) {
            return false;
        }
        answers
            .items
            .get(&dependency.item)
            .and_then(|answer| answer.choice.as_deref())
            .is_none_or(|choice| dependency.any_of.iter().any(|c| c == choice))
    }

    /// The wording of an item for this profile.
    pub fn item_text<'a>(&self, item: &'a Item, answers: &ChecklistAnswers) -> &'a Text {
        item.variants
            .iter()
            .find(|v| v.when.holds(&answers.profile))
            .map_or(&item.text, |v| &v.text)
    }

    /// The item worded as a goal for this profile ("…を把握する", not "…を把握している"),
    /// as the action plan and the draft plan list it: the goal of the wording the profile
    /// reads (its variant's, else the item's), else that wording's statement.
    pub fn item_goal<'a>(&self, item: &'a Item, answers: &ChecklistAnswers) -> &'a Text {
        match item
            .variants
            .iter()
            .find(|v| v.when.holds(&answers.profile))
        {
            Some(variant) => variant.goal.as_ref().unwrap_or(&variant.text),
            None => item.goal.as_ref().unwrap_or(&item.text),
        }
    }

    /// Why an item matters, worded for this profile (its `advice`, else its own `why`).
    pub fn item_why<'a>(&self, item: &'a Item, answers: &ChecklistAnswers) -> &'a Text {
        tailored(item, answers, |a| a.why.as_ref()).unwrap_or(&item.why)
    }

    /// What shows an item is in place, for this profile.
    pub fn item_evidence<'a>(&self, item: &'a Item, answers: &ChecklistAnswers) -> &'a Text {
        tailored(item, answers, |a| a.evidence.as_ref()).unwrap_or(&item.evidence)
    }

    /// What to do when an item is not in place, for this profile: a 120-person workplace
    /// reads the advice for 50 and more, a 30-person one the advice for 10–49.
    pub fn item_recommendation<'a>(&self, item: &'a Item, answers: &ChecklistAnswers) -> &'a Text {
        tailored(item, answers, |a| a.recommendation.as_ref()).unwrap_or(&item.recommendation)
    }

    /// Who to ask about an item ("どこに相談"), for this profile: the item's advice for the
    /// profile, else its own list, each helper kept only when its `applies_if` holds (the
    /// 地域産業保健センター only under 50), in the authored order.
    pub fn item_helpers(&self, item: &Item, answers: &ChecklistAnswers) -> Vec<String> {
        tailored(item, answers, |a| a.helpers.as_ref())
            .unwrap_or(&item.helpers)
            .iter()
            .filter(|id| {
                self.helpers
                    .iter()
                    .find(|h| &h.id == *id)
                    .is_some_and(|h| applies(h.applies_if.as_ref(), &answers.profile))
            })
            .cloned()
            .collect()
    }

    /// The obligation that applies to an item for this profile on `today` (`YYYY-MM-DD`).
    pub fn item_obligation(
        &self,
        item: &Item,
        answers: &ChecklistAnswers,
        today: &str,
    ) -> Obligation {
        self.item_duty(item, answers, today).level
    }

    /// The obligation on `today`, and a stricter one ahead if a dated rule has not started.
    ///
    /// Rules are tried in order; a rule whose `when` holds but whose date (its own
    /// `in_force`, else the item's) has not come is skipped and remembered as planned, and
    /// one that has ended is skipped. The first rule in force gives the level (recommended
    /// when none is). The planned rule is reported only when it is stricter than that level.
    pub fn item_duty(&self, item: &Item, answers: &ChecklistAnswers, today: &str) -> ItemDuty {
        let mut planned: Option<PlannedDuty> = None;
        let mut level = Obligation::Recommended;
        for rule in &item.obligation {
            if !applies(rule.when.as_ref(), &answers.profile) {
                continue;
            }
            let status = status_on(rule.in_force.as_ref().or(item.in_force.as_ref()), today);
            match status {
                InForceStatus::InForce => {
                    level = rule.level;
                    break;
                }
                InForceStatus::Planned { .. } | InForceStatus::PlannedByCabinetOrder { .. } => {
                    if planned.is_none() {
                        planned = Some(PlannedDuty {
                            level: rule.level,
                            when: status,
                        });
                    }
                }
                InForceStatus::Ended { .. } => {}
            }
        }
        ItemDuty {
            level,
            planned: planned.filter(|p| p.level < level),
        }
    }

    /// The maturity level index for a percentage.
    pub fn level_for(&self, percent: u8) -> usize {
        self.levels
            .iter()
            .rposition(|level| level.min_percent <= percent)
            .unwrap_or(0)
    }

    /// Whether every profile question is answered.
    pub fn profile_complete(&self, answers: &ChecklistAnswers) -> bool {
        self.profile
            .iter()
            .all(|q| answers.profile.contains_key(&q.id))
    }

    /// Progress, scores, levels and the prioritised action plan, with each item's
    /// obligation as it stands on `today` (`YYYY-MM-DD`; the caller reads the clock).
    pub fn result(&self, answers: &ChecklistAnswers, today: &str) -> ChecklistResult {
        self.tally(answers, Some(today))
    }

    /// Progress, scores and levels as in [`Checklist::result`], without the action plan
    /// (`recommendations` stays empty): what the aggregation of many files needs.
    /// Scores do not depend on the date; only obligations in the action plan do.
    pub fn scores(&self, answers: &ChecklistAnswers) -> ChecklistResult {
        self.tally(answers, None)
    }

    /// With `plan_on` (today's date), also the action plan with obligations on that day.
    fn tally(&self, answers: &ChecklistAnswers, plan_on: Option<&str>) -> ChecklistResult {
        let mut result = ChecklistResult::default();
        let mut overall = Tally::default();
        for area in &self.areas {
            let mut tally = Tally::default();
            let mut area_result = AreaResult {
                id: area.id.clone(),
                ..AreaResult::default()
            };
            for item in area.items.iter().filter(|i| self.item_applies(i, answers)) {
                area_result.applicable += 1;
                let option = answers
                    .items
                    .get(&item.id)
                    .and_then(|a| a.choice.as_deref())
                    .and_then(|c| self.scale.iter().find(|o| o.id == c));
                let Some(option) = option else { continue };
                area_result.answered += 1;
                if option.unknown {
                    area_result.unknown += 1;
                }
                match option.credit {
                    None => {
                        area_result.not_applicable += 1;
                        let is_duty = plan_on.is_some_and(|today| {
                            self.item_duty(item, answers, today).level == Obligation::LegalDuty
                        });
                        if is_duty {
                            result.contradicted_not_applicable.push(item.id.clone());
                        }
                    }
                    Some(credit) => {
                        tally.add(item.weight, credit);
                        overall.add(item.weight, credit);
                        if let Some(today) = plan_on.filter(|_| credit < 100) {
                            let mut recommendation =
                                self.recommendation(area, item, answers, credit, today);
                            recommendation.unknown = option.unknown;
                            recommendation.done =
                                answers.actions.get(&item.id).is_some_and(|a| a.done);
                            result.recommendations.push(recommendation);
                        }
                    }
                }
            }
            area_result.coverage_reached =
                coverage_reached(area_result.answered, area_result.applicable);
            area_result.percent = tally.percent().filter(|_| area_result.coverage_reached);
            area_result.level = area_result.percent.map(|p| self.level_for(p));
            result.applicable += area_result.applicable;
            result.answered += area_result.answered;
            result.unknown += area_result.unknown;
            result.areas.push(area_result);
        }
        result.consistency = self
            .consistency
            .iter()
            .filter(|check| check.when.holds(&answers.profile))
            .map(|check| check.id.clone())
            .collect();
        result.progress_percent = percent_of(result.answered, result.applicable);
        result.coverage_threshold_percent = COVERAGE_THRESHOLD_PERCENT;
        result.coverage_reached = coverage_reached(result.answered, result.applicable);
        result.percent = overall.percent().filter(|_| result.coverage_reached);
        result.level = result.percent.map(|p| self.level_for(p));
        result.recommendations.sort_by_key(|r| {
            (
                r.done,
                r.obligation,
                std::cmp::Reverse(r.weight),
                r.effort,
                r.credit,
            )
        });
        for (rank, recommendation) in result.recommendations.iter_mut().enumerate() {
            recommendation.rank = rank + 1;
        }
        result
    }

    fn recommendation(
        &self,
        area: &super::Area,
        item: &Item,
        answers: &ChecklistAnswers,
        credit: u8,
        today: &str,
    ) -> Recommendation {
        let helpers = self.item_helpers(item, answers);
        let duty = self.item_duty(item, answers, today);
        Recommendation {
            rank: 0,
            item: item.id.clone(),
            area: area.id.clone(),
            obligation: duty.level,
            planned: duty.planned,
            weight: item.weight,
            effort: item.effort,
            credit,
            unknown: false,
            done: false,
            helpers,
        }
    }

    /// What changed between an earlier set of answers (e.g. last year's export) and now:
    /// overall, per area and per item, each better, worse or new.
    ///
    /// An item is better or worse when both times gave it credit and the credit moved; it
    /// is new when it earns credit now and did not before (not asked, not answered, or
    /// answered "not applicable" then). An area is new when it has a score now and had
    /// none then.
    pub fn compare(&self, before: &ChecklistAnswers, after: &ChecklistAnswers) -> Comparison {
        let old = self.scores(before);
        let new = self.scores(after);
        let credit = |answers: &ChecklistAnswers, item: &Item| {
            if !self.item_applies(item, answers) {
                return None;
            }
            answers
                .items
                .get(&item.id)
                .and_then(|a| a.choice.as_deref())
                .and_then(|c| self.scale.iter().find(|o| o.id == c))
                .and_then(|o| o.credit)
        };
        let mut comparison = Comparison {
            percent_before: old.percent,
            percent_after: new.percent,
            ..Comparison::default()
        };
        for (before_area, after_area) in old.areas.iter().zip(&new.areas) {
            comparison.areas.push(AreaChange {
                id: after_area.id.clone(),
                percent_before: before_area.percent,
                percent_after: after_area.percent,
                change: change_between(before_area.percent, after_area.percent),
            });
        }
        for (_, item) in self.items() {
            let list = match change_between(credit(before, item), credit(after, item)) {
                Some(Change::Better) => &mut comparison.improved,
                Some(Change::Worse) => &mut comparison.worsened,
                Some(Change::New) => &mut comparison.new,
                None => continue,
            };
            list.push(item.id.clone());
        }
        comparison
    }
}

/// Better, worse or new between two values, or nothing to say (same, or nothing now).
fn change_between(before: Option<u8>, after: Option<u8>) -> Option<Change> {
    match (before, after) {
        (Some(b), Some(a)) if a > b => Some(Change::Better),
        (Some(b), Some(a)) if a < b => Some(Change::Worse),
        (None, Some(_)) => Some(Change::New),
        _ => None,
    }
}

/// The first of an item's advice variants that holds for the profile and carries `field`.
fn tailored<'a, T>(
    item: &'a Item,
    answers: &ChecklistAnswers,
    field: impl Fn(&'a super::AdviceVariant) -> Option<&'a T>,
) -> Option<&'a T> {
    item.advice
        .iter()
        .filter(|advice| advice.when.holds(&answers.profile))
        .find_map(field)
}

/// Removes an item's entry once nothing is left in it, so saved state stays minimal.
fn prune(answers: &mut ChecklistAnswers, item: &str) {
    if answers.items.get(item) == Some(&ItemAnswer::default()) {
        answers.items.remove(item);
    }
}

#[derive(Default)]
struct Tally {
    earned: u64,
    possible: u64,
}

impl Tally {
    fn add(&mut self, weight: u8, credit: u8) {
        self.earned += u64::from(weight) * u64::from(credit);
        self.possible += u64::from(weight) * 100;
    }

    fn percent(&self) -> Option<u8> {
        (self.possible > 0).then(|| rounded_percent(self.earned, self.possible))
    }
}

fn rounded_percent(part: u64, whole: u64) -> u8 {
    if whole == 0 {
        return 0;
    }
    u8::try_from((part * 100 + whole / 2) / whole)
        .unwrap_or(100)
        .min(100)
}

fn percent_of(part: usize, whole: usize) -> u8 {
    rounded_percent(part as u64, whole as u64)
}

/// What a checklist's answers add up to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecklistResult {
    /// Items that apply to this profile.
    pub applicable: usize,
    /// Of those, how many are answered.
    pub answered: usize,
    /// Answered share of applicable items, 0–100.
    pub progress_percent: u8,
    /// The share of applicable items that must be answered before a score and a level are
    /// given ([`COVERAGE_THRESHOLD_PERCENT`]), so every reader of the result can state it.
    pub coverage_threshold_percent: u8,
    /// Whether enough items are answered for a score and a level (`answered` is at least
    /// `coverage_threshold_percent` of `applicable`). When false, `percent` and `level` are
    /// `None`: the result only says how much is answered.
    pub coverage_reached: bool,
    /// Of the answered items, how many were answered "don't know" (counted as not in place).
    pub unknown: usize,
    /// Overall weighted score, 0–100, once enough items are answered (`coverage_reached`)
    /// and anything with credit is answered.
    pub percent: Option<u8>,
    /// Overall maturity level (index into the pack's `levels`), with `percent`.
    pub level: Option<usize>,
    /// Items answered "not applicable" although they are a legal duty for this profile on
    /// the day scored (empty in [`Checklist::scores`], which has no day), in pack order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contradicted_not_applicable: Vec<String>,
    /// Ids of the pack's consistency checks that the profile answers make (e.g. 50 or more
    /// workers and no 産業医: a legal duty), in pack order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub consistency: Vec<String>,
    /// Per area, in pack order.
    pub areas: Vec<AreaResult>,
    /// Items not fully in place, most urgent first; those whose action is done come last.
    pub recommendations: Vec<Recommendation>,
}

/// One area's progress and score.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaResult {
    /// Area id.
    pub id: String,
    /// Items that apply.
    pub applicable: usize,
    /// Items answered.
    pub answered: usize,
    /// Items answered "not applicable".
    pub not_applicable: usize,
    /// Items answered "don't know".
    pub unknown: usize,
    /// Whether enough of the area is answered for a score ([`COVERAGE_THRESHOLD_PERCENT`]).
    pub coverage_reached: bool,
    /// Weighted score, 0–100, once the area's coverage is reached.
    pub percent: Option<u8>,
    /// Maturity level index.
    pub level: Option<usize>,
}

/// An item of the action plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recommendation {
    /// 1 for the most urgent.
    pub rank: usize,
    /// Item id.
    pub item: String,
    /// Area id.
    pub area: String,
    /// Legal duty, effort duty or recommended, for this profile, on the day scored.
    pub obligation: Obligation,
    /// A stricter obligation that has not started on that day (shown as planned).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned: Option<PlannedDuty>,
    /// The item's weight.
    pub weight: u8,
    /// The item's effort.
    pub effort: Effort,
    /// The credit the answer earned (0 or partial).
    pub credit: u8,
    /// Its action is marked done: it leaves the priorities (ranked after every open action,
    /// left out of the draft plan's 重点取組) until the answer is updated.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub done: bool,
    /// Answered "don't know": the first step is to find out whether it is in place.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unknown: bool,
    /// Helpers who can help with it, for this profile.
    pub helpers: Vec<String>,
}

/// How a checklist's answers changed between two times.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comparison {
    /// Overall score before.
    pub percent_before: Option<u8>,
    /// Overall score now.
    pub percent_after: Option<u8>,
    /// Per area.
    pub areas: Vec<AreaChange>,
    /// Items whose answer earns more credit now.
    pub improved: Vec<String>,
    /// Items whose answer earns less credit now.
    pub worsened: Vec<String>,
    /// Items that earn credit now and did not before (not asked, not answered or answered
    /// "not applicable" then).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub new: Vec<String>,
}

impl Comparison {
    /// What changed for one item, if anything.
    pub fn item_change(&self, item: &str) -> Option<Change> {
        let has = |list: &[String]| list.iter().any(|id| id == item);
        if has(&self.improved) {
            Some(Change::Better)
        } else if has(&self.worsened) {
            Some(Change::Worse)
        } else if has(&self.new) {
            Some(Change::New)
        } else {
            None
        }
    }

    /// What changed for one area, if anything.
    pub fn area_change(&self, area: &str) -> Option<Change> {
        self.areas
            .iter()
            .find(|a| a.id == area)
            .and_then(|a| a.change)
    }
}

/// How an item's answer or an area's score moved since the earlier file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// More credit, or a higher score, than before.
    Better,
    /// Less credit, or a lower score, than before.
    Worse,
    /// Credit or a score now, none before.
    New,
}

/// One area's score before and now.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaChange {
    /// Area id.
    pub id: String,
    /// Score before.
    pub percent_before: Option<u8>,
    /// Score now.
    pub percent_after: Option<u8>,
    /// Better, worse or new; `None` when the same or not scored now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<Change>,
}
