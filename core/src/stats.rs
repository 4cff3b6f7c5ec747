//! Counts that tell an author (and a reviewer) what a pack holds and what it lacks.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::diagnostic::Code;
use crate::kind::checklist::Obligation;
use crate::pack::{InForce, InForceStatus, Pack, SourceRef};
use crate::validate::validate;

/// What a pack holds. Counts that do not apply to the pack's kind are zero.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PackStats {
    /// The pack id.
    pub id: String,
    /// The kind (`checklist`, `plan`, `course`).
    pub kind: String,
    /// The pack version.
    pub version: String,
    /// The "content as of" date.
    pub content_as_of: String,
    /// When the pack was last reviewed, if recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_reviewed: Option<String>,
    /// Source documents listed.
    pub sources: usize,
    /// Rules stated as changed since the sources.
    pub updates: usize,
    /// Checklist areas.
    pub areas: usize,
    /// Checklist items.
    pub items: usize,
    /// Checklist items by the source document they cite (an item citing two counts twice).
    pub items_by_source: BTreeMap<String, usize>,
    /// Checklist item ids per area, in pack order.
    pub items_per_area: Vec<AreaItems>,
    /// Every dated rule (an item's or an obligation rule's `in_force`, or an update's), with
    /// where it stands on the pack's `content_as_of`.
    pub dated_rules: Vec<DatedRule>,
    /// Plan steps.
    pub steps: usize,
    /// Plan tasks.
    pub tasks: usize,
    /// Plan documents.
    pub documents: usize,
    /// Course modules.
    pub modules: usize,
    /// Course lessons.
    pub lessons: usize,
    /// Course scenarios.
    pub scenarios: usize,
    /// Course quiz questions.
    pub quiz_questions: usize,
    /// Per module: lessons, scenarios and quiz questions.
    pub per_module: Vec<ModuleStats>,
    /// Lesson blocks (course) or fields with help (plan): each may state facts.
    pub fact_blocks: usize,
    /// Of those, how many cite sources of their own.
    pub fact_blocks_sourced: usize,
    /// Of those, how many say they state no fact (`"sources": []`).
    pub fact_blocks_without_claim: usize,
    /// Of those, how many may state facts and have no `sources` of their own (warnings
    /// `unsourced_fact`); 0 for every shipped pack.
    pub fact_blocks_unsourced: usize,
    /// How many of those blocks cite 0, 1, 2, … sources of their own (key: the count).
    pub sources_per_fact_block: BTreeMap<usize, usize>,
    /// Plan fields.
    pub fields: usize,
    /// Plan document blocks.
    pub document_blocks: usize,
    /// Plan document blocks citing sources of their own.
    pub document_blocks_sourced: usize,
    /// Things that must cite a source and cite none.
    pub missing_sources: usize,
    /// Texts without English.
    pub missing_english: usize,
    /// Quiz options without feedback.
    pub options_without_feedback: usize,
    /// Validation errors.
    pub errors: usize,
    /// Validation warnings.
    pub warnings: usize,
}

/// The items of one checklist area.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct AreaItems {
    /// The area id.
    pub area: String,
    /// Its item ids, in order.
    pub items: Vec<String>,
}

/// A rule dated by when it applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DatedRule {
    /// The item or update id carrying it.
    pub id: String,
    /// The obligation rule's index in the item's `obligation`, when the rule is dated
    /// rather than the whole item.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<usize>,
    /// The obligation it gives (absent for an item's own date and for updates).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<Obligation>,
    /// When it applies.
    pub in_force: InForce,
    /// Where it stands on the pack's `content_as_of`.
    pub on_content_as_of: InForceStatus,
}

/// Counts for one course module.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ModuleStats {
    /// The module id.
    pub id: String,
    /// Lessons.
    pub lessons: usize,
    /// Scenarios.
    pub scenarios: usize,
    /// Quiz questions.
    pub quiz_questions: usize,
    /// Lesson blocks.
    pub lesson_blocks: usize,
    /// Lesson blocks without `sources` of their own.
    pub lesson_blocks_unsourced: usize,
    /// Sources cited per lesson block, in order (`null`: no `sources` key), per lesson id.
    pub block_sources: BTreeMap<String, Vec<Option<usize>>>,
}

/// Counts what a pack holds and what validation found.
pub fn pack_stats(pack: &Pack) -> PackStats {
    let diagnostics = validate(pack);
    let mut stats = PackStats {
        id: pack.id.clone(),
        kind: pack.kit.kind_name().to_string(),
        version: pack.version.clone(),
        content_as_of: pack.content_as_of.clone(),
        last_reviewed: pack.last_reviewed.clone(),
        sources: pack.sources.len(),
        updates: pack.updates.len(),
        missing_sources: count(&diagnostics, Code::MissingSource),
        missing_english: count(&diagnostics, Code::MissingTranslation),
        errors: diagnostics.iter().filter(|d| d.is_error()).count(),
        warnings: diagnostics.iter().filter(|d| !d.is_error()).count(),
        ..PackStats::default()
    };
    for update in &pack.updates {
        if let Some(in_force) = &update.in_force {
            stats.dated_rules.push(DatedRule {
                id: update.id.clone(),
                rule: None,
                level: None,
                in_force: in_force.clone(),
                on_content_as_of: in_force.status_on(&pack.content_as_of),
            });
        }
    }
    // Each kind's own counts (`Kind::add_stats`, in its folder); a kind without any keeps
    // them at zero.
    pack.kit.add_stats(&mut stats, &pack.content_as_of);
    stats
}

fn count(diagnostics: &[crate::Diagnostic], code: Code) -> usize {
    diagnostics.iter().filter(|d| d.code == code).count()
}

impl PackStats {
    /// Counts one block or field help that may state facts, by the sources it cites.
    pub(crate) fn count_fact_block(&mut self, sources: Option<&[SourceRef]>) {
        self.fact_blocks += 1;
        match sources {
            None => self.fact_blocks_unsourced += 1,
            Some([]) => {
                self.fact_blocks_without_claim += 1;
                *self.sources_per_fact_block.entry(0).or_default() += 1;
            }
            Some(list) => {
                self.fact_blocks_sourced += 1;
                *self.sources_per_fact_block.entry(list.len()).or_default() += 1;
            }
        }
    }
}
