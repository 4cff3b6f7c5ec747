//! What a plan pack holds, for `kizuki stats`: steps, tasks, documents, fields.

use super::{DocBlock, Plan};
use crate::stats::PackStats;

/// The plan's counts: steps, tasks, documents, fields and their sources.
pub(super) fn add_stats(plan: &Plan, stats: &mut PackStats) {
    stats.steps = plan.steps.len();
    stats.tasks = plan.steps.iter().map(|s| s.tasks.len()).sum();
    stats.documents = plan.documents.len();
    stats.fields = plan.fields.len();
    for field in plan.fields.iter().filter(|f| f.help.is_some()) {
        stats.count_fact_block(field.sources.as_deref());
    }
    for block in plan.documents.iter().flat_map(|d| &d.blocks) {
        stats.document_blocks += 1;
        let sourced = match block {
            DocBlock::Paragraph { sources, .. }
            | DocBlock::Guidance { sources, .. }
            | DocBlock::List { sources, .. } => !sources.is_empty(),
            _ => false,
        };
        stats.document_blocks_sourced += usize::from(sourced);
    }
}
