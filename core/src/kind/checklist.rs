//! The checklist kind: a profile, areas of items on an answer scale, and "why not" reasons.

use serde::{Deserialize, Serialize};

use crate::pack::{Choice, Condition, InForce, InForceStatus, SourceRef};
use crate::text::Text;

/// A self-audit checklist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    /// Questions about the workplace, asked first; conditions on items refer to them.
    pub profile: Vec<ProfileQuestion>,
    /// The answer scale shared by all items (e.g. 実施している / 一部 / 未実施 / 該当しない).
    pub scale: Vec<ScaleOption>,
    /// Reasons offered when an item is not (fully) in place.
    pub why_not: Vec<WhyNotReason>,
    /// Maturity levels by percentage score, lowest threshold first (the first must be 0).
    pub levels: Vec<MaturityLevel>,
    /// Who can help with items not in place; items list their ids in `helpers`.
    pub helpers: Vec<Helper>,
    /// The areas of the checklist, in the order they are asked.
    pub areas: Vec<Area>,
    /// Profile answers that contradict the law (e.g. 50 workers or more and no 産業医):
    /// each holding check is a finding shown on the results and in the draft plan.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub consistency: Vec<ConsistencyCheck>,
    /// A first pass of key items (about 10–12) with a short action plan, before the full
    /// audit; answers given in it count for the full audit too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quick_scan: Option<QuickScan>,
    /// How long one item takes to answer, on average, in seconds: the expected time said
    /// up front for the quick scan and the full audit.
    #[serde(default = "default_seconds_per_item")]
    pub seconds_per_item: u16,
}

fn default_seconds_per_item() -> u16 {
    20
}

/// The quick scan: the pack names its key items; the core asks those that apply, legal
/// duties at the workplace's size first, at most [`QUICK_SCAN_MAX_ITEMS`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct QuickScan {
    /// Item ids, in the order asked after the legal duties (which come first).
    pub items: Vec<String>,
    /// How many actions its plan lists (3–5).
    pub actions: u8,
}

/// A check of the profile against the law, authored as data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ConsistencyCheck {
    /// Stable id, listed in results.
    pub id: String,
    /// The profile answers that make the finding (e.g. size 50plus and sangyoi no).
    pub when: Condition,
    /// What the person reads: the duty, and the first step to meet it.
    pub finding: Text,
    /// Where the duty is stated (article, guideline section); at least one.
    pub sources: Vec<SourceRef>,
}

/// A profile question with one answer from a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProfileQuestion {
    /// Stable id used in conditions.
    pub id: String,
    /// The question.
    pub label: Text,
    /// A hint under the question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<Text>,
    /// The possible answers.
    pub options: Vec<Choice>,
}

/// One step of the answer scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ScaleOption {
    /// Stable id stored in answers.
    pub id: String,
    /// What the person reads.
    pub label: Text,
    /// Credit in percent (0–100); `null` means "not applicable" and leaves the item out.
    pub credit: Option<u8>,
    /// Marks the "don't know" answer (わからない): it must carry credit 0, so the item goes
    /// into the action plan as not in place, and results count it apart.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unknown: bool,
}

/// A reason an item is not in place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct WhyNotReason {
    /// Stable id stored in answers and tallied by centers.
    pub id: String,
    /// What the person reads.
    pub label: Text,
    /// Whether choosing it asks for a free-text explanation ("other").
    #[serde(default)]
    pub free_text: bool,
}

/// A maturity level for an area or the whole checklist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MaturityLevel {
    /// The lowest percentage score at this level.
    pub min_percent: u8,
    /// Short name (e.g. これから / 基礎あり / 定着 / 充実).
    pub label: Text,
    /// What this level means and what to do next.
    pub description: Text,
}

/// Someone who can help (a public center, the 産業医, an EAP), shown with recommendations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Helper {
    /// Stable id items refer to.
    pub id: String,
    /// Name of the service or role.
    pub name: Text,
    /// What they can help with, and how to reach them in general terms.
    pub description: Text,
    /// Offered only when this holds for the profile (e.g. 地域産業保健センター under 50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_if: Option<Condition>,
}

/// An area of the checklist (a screen of items).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// Stable id.
    pub id: String,
    /// Title of the area.
    pub title: Text,
    /// A short introduction shown above the items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<Text>,
    /// The items of the area.
    pub items: Vec<Item>,
}

/// How much work an item takes to put in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Effort {
    /// Hours, no money.
    Low,
    /// Days, or some money.
    Medium,
    /// Weeks, outside help or a budget.
    High,
}

/// Whether an item is required by law at this workplace, or recommended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Obligation {
    /// A legal duty (義務).
    LegalDuty,
    /// A duty to endeavour (努力義務).
    EffortDuty,
    /// Recommended by a guideline or good practice.
    Recommended,
}

/// One rule of an item's obligation list: the first whose `when` holds applies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ObligationRule {
    /// When this rule applies; absent means always (use it for the last rule).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Condition>,
    /// The obligation when it applies.
    pub level: Obligation,
    /// When this rule applies by date (e.g. a duty from 2026-10-01); before that day the
    /// rule is skipped and the next one whose `when` holds applies. Without it, the item's
    /// own `in_force` (if any) dates the rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_force: Option<InForce>,
    /// Where this rule is stated (article, guideline section), when it has its own source.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceRef>,
}

/// An item's obligation on a given day, and a stricter one ahead when a dated rule has not
/// started yet. Computed by [`Checklist::item_duty`]; views show `planned` as
/// "legal duty from YYYY-MM-DD (planned)" and never count it as a duty before its day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemDuty {
    /// The obligation that applies on that day.
    pub level: Obligation,
    /// A stricter obligation that applies later, with when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned: Option<PlannedDuty>,
}

/// An obligation that has not started yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedDuty {
    /// The obligation it will be.
    pub level: Obligation,
    /// From when: [`InForceStatus::Planned`] or [`InForceStatus::PlannedByCabinetOrder`].
    pub when: InForceStatus,
}

/// A different wording of an item for some profiles (e.g. 衛生委員会 vs. hearing workers).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TextVariant {
    /// When this wording is used instead of the item's `text`.
    pub when: Condition,
    /// The wording.
    pub text: Text,
    /// The goal worded for these profiles (see [`Item::goal`]); required when the item
    /// has a goal (`missing_goal`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<Text>,
}

/// Advice tailored to some profiles: the why, the evidence, the recommendation and the
/// "where to ask" helpers of an item for workplaces where `when` holds (size band, 産業医,
/// 衛生委員会, in-house staff, EAP). Each field left out falls back to the item's own.
/// For each field the first variant whose condition holds and that carries the field wins.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AdviceVariant {
    /// The profiles this advice is for.
    pub when: Condition,
    /// Why it matters, for these profiles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<Text>,
    /// What shows it is in place, for these profiles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Text>,
    /// What to do when it is not in place, for these profiles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recommendation: Option<Text>,
    /// Who to ask ([`Helper`] ids, in the order shown), for these profiles; each helper's
    /// own `applies_if` still applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub helpers: Option<Vec<String>>,
    /// Where the facts of this advice are stated, beyond the item's own sources.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceRef>,
}

/// Which answers of another item let an item be asked.
///
/// The item applies when the other item applies and is either not answered yet or
/// answered with one of `any_of`. Chains are allowed; circles are refused by validation
/// (`dependency_cycle`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ItemDependency {
    /// The id of the item whose answer decides.
    pub item: String,
    /// Scale option ids of that answer under which this item is asked.
    pub any_of: Vec<String>,
}

/// One checklist item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Stable id, unique in the pack; answers are keyed by it.
    pub id: String,
    /// The statement the person answers ("…している").
    pub text: Text,
    /// The same measure worded as a goal ("…する"), as the action plan and the draft plan's
    /// 重点取組 list it. Without it they read the statement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<Text>,
    /// Other wordings by profile; the first whose condition holds is used.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<TextVariant>,
    /// Why it matters.
    pub why: Text,
    /// What shows it is in place (documents, minutes, notices).
    pub evidence: Text,
    /// What to do when it is not in place: an action, as the action plan and the draft plan
    /// list it.
    pub recommendation: Text,
    /// A hint shown under the statement while answering, e.g. when the scale's
    /// 「該当しない」 is the right answer (「採用をしていない場合は「該当しない」を選んでください。」).
    /// Only the question shows it, never the action plan, the draft plan or the report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer_hint: Option<Text>,
    /// Importance, 1 (nice to have) to 5 (essential).
    pub weight: u8,
    /// How much work it takes.
    pub effort: Effort,
    /// Obligation rules, first match wins; an empty list means recommended.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub obligation: Vec<ObligationRule>,
    /// When the item's rules apply by date (a rule's own `in_force` overrides it). Before
    /// that day the item is still asked, but reads as planned and counts as recommended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_force: Option<InForce>,
    /// The item is asked only when this holds for the profile.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_if: Option<Condition>,
    /// Skip logic: the item is asked only when another item's answer allows it (e.g. group
    /// analysis only when the stress check is done). A hidden item leaves the score, the
    /// coverage and the action plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub depends_on: Option<ItemDependency>,
    /// Ids of [`Helper`]s who can help with it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub helpers: Vec<String>,
    /// Advice by profile: why, evidence, recommendation and helpers that replace the
    /// item's own for some workplaces (see [`Checklist::item_recommendation`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub advice: Vec<AdviceVariant>,
    /// Ids of the pack's `updates` (rules changed since the source) that concern it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub updates: Vec<String>,
    /// Where this comes from.
    pub sources: Vec<SourceRef>,
}

#[cfg(feature = "aggregate")]
pub mod aggregate;
pub mod csv;
mod kind_impl;
pub mod report;
mod session;
#[cfg(feature = "all-kinds")]
mod stats;
mod validate;

pub use session::{
    coverage_reached, ActionEntry, AreaChange, AreaResult, Change, ChecklistAction,
    ChecklistAnswers, ChecklistResult, Comparison, ItemAnswer, Recommendation,
    COVERAGE_THRESHOLD_PERCENT, MAX_FREE_TEXT_CHARS, MAX_PLAN_SECTION_CHARS,
};

#[cfg(test)]
mod tests;

pub mod guidance;

mod plan_draft;
mod plan_merge;
mod quick_scan;
mod resume;
mod workplace;

pub use workplace::{clean_workplace, file_stem, AuditMode, MAX_WORKPLACE_CHARS};

pub use quick_scan::{QuickScanResult, QUICK_SCAN_MAX_ITEMS};

pub use resume::ChecklistScreen;

pub use plan_draft::{plan_document, DraftArea, DraftPriority, PlanDraft, PLAN_SECTIONS};
pub use plan_merge::{both_fit, merge_plan, PlanConflictChoice, BOTH_SEPARATOR};
