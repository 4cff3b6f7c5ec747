//! What a checklist pack holds, for `kizuki stats`: its areas, items and dated rules.

use super::{Checklist, Obligation};
use crate::pack::InForce;
use crate::stats::{AreaItems, DatedRule, PackStats};

/// The checklist's counts: areas, items per area and per source, dated rules.
pub(super) fn add_stats(checklist: &Checklist, stats: &mut PackStats, as_of: &str) {
    stats.areas = checklist.areas.len();
    for area in &checklist.areas {
        stats.items_per_area.push(AreaItems {
            area: area.id.clone(),
            items: area.items.iter().map(|i| i.id.clone()).collect(),
        });
    }
    for item in checklist.areas.iter().flat_map(|a| &a.items) {
        stats.items += 1;
        for source in &item.sources {
            *stats.items_by_source.entry(source.doc.clone()).or_default() += 1;
        }
        let dated =
            |rule: Option<usize>, level: Option<Obligation>, in_force: &InForce| DatedRule {
                id: item.id.clone(),
                rule,
                level,
                in_force: in_force.clone(),
                on_content_as_of: in_force.status_on(as_of),
            };
        if let Some(in_force) = &item.in_force {
            stats.dated_rules.push(dated(None, None, in_force));
        }
        for (index, rule) in item.obligation.iter().enumerate() {
            if let Some(in_force) = &rule.in_force {
                stats
                    .dated_rules
                    .push(dated(Some(index), Some(rule.level), in_force));
            }
        }
    }
}
