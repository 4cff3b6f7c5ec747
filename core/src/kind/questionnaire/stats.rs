//! What a questionnaire pack holds, for `kizuki stats`: its sections and items.

use super::Questionnaire;
use crate::stats::{AreaItems, PackStats};

/// Sections count as areas and items as items, so `items_per_area` lists each section's
/// items.
pub(super) fn add_stats(questionnaire: &Questionnaire, stats: &mut PackStats) {
    stats.areas = questionnaire.sections.len();
    for section in &questionnaire.sections {
        stats.items += section.items.len();
        stats.items_per_area.push(AreaItems {
            area: section.id.clone(),
            items: section.items.iter().map(|i| i.id.clone()).collect(),
        });
    }
}
