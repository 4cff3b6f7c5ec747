//! The quick scan: a first pass of the pack's key items (legal duties at the workplace's
//! size first) with a 3–5 action plan, and the expected time of it and of the full audit.
//! Its answers are the checklist's answers, so the full audit goes on without asking again.

use serde::{Deserialize, Serialize};

use super::{Checklist, ChecklistAnswers, Item, Obligation, Recommendation};

/// The most items a quick scan asks, whatever the pack lists.
pub const QUICK_SCAN_MAX_ITEMS: usize = 12;

/// What the quick scan's answers add up to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuickScanResult {
    /// The items it asks for this profile, in the order asked.
    pub items: Vec<String>,
    /// Of those, how many are answered.
    pub answered: usize,
    /// Ids of the consistency checks the profile makes (legal duties not met).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub consistency: Vec<String>,
    /// The first actions, most urgent first (at most the pack's `actions`), ranked 1…n.
    pub actions: Vec<Recommendation>,
    /// Items of the full audit that apply and are still unanswered.
    pub remaining: usize,
    /// Expected minutes for the remaining items of the full audit.
    pub remaining_minutes: u32,
}

impl Checklist {
    /// The quick scan's items for this profile and these answers on `today`: those of the
    /// pack's list that apply, legal duties on that day first (then in the pack's order),
    /// at most [`QUICK_SCAN_MAX_ITEMS`]. Empty when the pack has no quick scan.
    pub fn quick_scan_items(&self, answers: &ChecklistAnswers, today: &str) -> Vec<&Item> {
        let Some(quick) = &self.quick_scan else {
            return Vec::new();
        };
        // Legal duties first, each part in the pack's order: a partition, not a sort (a
        // sort's code in the wasm is kilobytes).
        let (mut items, others): (Vec<&Item>, Vec<&Item>) = quick
            .items
            .iter()
            .filter_map(|id| self.item(id))
            .filter(|item| self.item_applies(item, answers))
            .partition(|item| self.item_obligation(item, answers, today) == Obligation::LegalDuty);
        items.extend(others);
        items.truncate(QUICK_SCAN_MAX_ITEMS);
        items
    }

    /// Minutes to answer `items` items (rounded up), from the pack's `seconds_per_item`.
    pub fn expected_minutes(&self, items: usize) -> u32 {
        let seconds = u32::try_from(items)
            .unwrap_or(u32::MAX)
            .saturating_mul(u32::from(self.seconds_per_item));
        seconds.div_ceil(60)
    }

    /// The quick scan's result: how much of it is answered, the legal-duty findings, and
    /// its short action plan (the full action plan's order, kept to the quick items).
    pub fn quick_scan_result(&self, answers: &ChecklistAnswers, today: &str) -> QuickScanResult {
        let items: Vec<String> = self
            .quick_scan_items(answers, today)
            .iter()
            .map(|item| item.id.clone())
            .collect();
        let full = self.result(answers, today);
        let answered = items
            .iter()
            .filter(|id| {
                answers
                    .items
                    .get(id.as_str())
                    .and_then(|a| a.choice.as_deref())
                    .is_some_and(|c| self.scale.iter().any(|o| o.id == c))
            })
            .count();
        let most = self
            .quick_scan
            .as_ref()
            .map_or(0, |quick| usize::from(quick.actions));
        let mut actions: Vec<Recommendation> = full
            .recommendations
            .into_iter()
            .filter(|r| !r.done && items.contains(&r.item))
            .take(most)
            .collect();
        for (rank, action) in actions.iter_mut().enumerate() {
            action.rank = rank + 1;
        }
        let remaining = full.applicable.saturating_sub(full.answered);
        QuickScanResult {
            items,
            answered,
            consistency: full.consistency,
            actions,
            remaining,
            remaining_minutes: self.expected_minutes(remaining),
        }
    }
}
