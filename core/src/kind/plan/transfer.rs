//! Moving cases between files and storage: one case on its own (to export a single case)
//! and merging the cases of an imported file into those already kept.

use super::{Case, PlanCases};

/// What a merge did: which case ids were new, which replaced a case kept before, and which
/// kept cases were left as they were because the file's copy is older or cannot be told
/// apart as newer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeSummary {
    /// Ids of cases that were not kept before.
    pub added: Vec<String>,
    /// Ids of kept cases replaced by the imported ones (the file's copy is newer).
    pub replaced: Vec<String>,
    /// Ids of cases the file holds exactly as kept.
    pub unchanged: Vec<String>,
    /// Ids of kept cases newer than the file's copy: not replaced.
    pub kept_newer: Vec<String>,
    /// Ids of cases whose two copies differ with neither newer: the kept one stays.
    pub kept_differs: Vec<String>,
}

impl MergeSummary {
    /// How many cases of the file are now here as the file has them (added, replaced or
    /// already the same).
    pub fn total(&self) -> usize {
        self.added.len() + self.replaced.len() + self.unchanged.len()
    }
}

impl PlanCases {
    /// Only the case with this id, as a set of its own (for exporting one case).
    pub fn only(&self, id: &str) -> Option<PlanCases> {
        let case: &Case = self.cases.get(id)?;
        let mut single = PlanCases::default();
        single.cases.insert(id.to_string(), case.clone());
        Some(single)
    }

    /// Merges the cases of `imported`, case by case. A new id is added. A case already
    /// kept is replaced only when the file's copy is newer ([`Case::newness`]: later last
    /// date, then more decisions, then more tasks done); a kept case that is newer, or that
    /// differs with neither newer, stays as it is and the summary says so. Cases not in
    /// `imported` stay.
    pub fn merge(&mut self, imported: PlanCases) -> MergeSummary {
        let mut summary = MergeSummary::default();
        for (id, case) in imported.cases {
            let Some(kept) = self.cases.get(&id) else {
                self.cases.insert(id.clone(), case);
                summary.added.push(id);
                continue;
            };
            if *kept == case {
                summary.unchanged.push(id);
                continue;
            }
            match case.newness().cmp(&kept.newness()) {
                std::cmp::Ordering::Greater => {
                    self.cases.insert(id.clone(), case);
                    summary.replaced.push(id);
                }
                std::cmp::Ordering::Less => summary.kept_newer.push(id),
                std::cmp::Ordering::Equal => summary.kept_differs.push(id),
            }
        }
        summary
    }
}

impl Case {
    /// How far along a case is, to tell which of two copies of it is newer: its latest date
    /// (opened, a task done, a decision, a task reopened), then its number of decisions,
    /// then its number of tasks done.
    pub fn newness(&self) -> (String, usize, usize) {
        let latest = std::iter::once(&self.opened)
            .chain(self.tasks_done.values())
            .chain(self.history.iter().map(|h| &h.date))
            .chain(self.history.iter().flat_map(|h| h.reopened_tasks.values()))
            .max()
            .cloned()
            .unwrap_or_default();
        (latest, self.history.len(), self.tasks_done.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(label: &str) -> Case {
        Case {
            label: label.into(),
            opened: "2026-04-01".into(),
            step: Some("step1".into()),
            ..Case::default()
        }
    }

    #[test]
    fn only_keeps_one_case_and_unknown_ids_give_none() {
        let mut cases = PlanCases::default();
        cases.cases.insert("a".into(), case("ケースA"));
        cases.cases.insert("b".into(), case("ケースB"));
        let single = cases.only("b").unwrap();
        assert_eq!(single.cases.len(), 1);
        assert_eq!(single.cases["b"].label, "ケースB");
        assert!(cases.only("c").is_none());
    }

    #[test]
    fn merge_adds_new_cases_replaces_the_same_case_and_keeps_the_others() {
        let mut kept = PlanCases::default();
        kept.cases.insert("a".into(), case("ケースA"));
        kept.cases.insert("b".into(), case("ケースB"));
        let mut imported = PlanCases::default();
        imported.cases.insert("b".into(), case("ケースB（更新）"));
        imported.cases.insert("c".into(), case("ケースC"));
        let summary = kept.merge(imported);
        assert_eq!(summary.added, vec!["c".to_string()]);
        assert_eq!(
            summary.kept_differs,
            vec!["b".to_string()],
            "neither copy is newer"
        );
        assert_eq!(summary.total(), 1);
        assert_eq!(kept.cases.len(), 3);
        assert_eq!(
            kept.cases["b"].label, "ケースB",
            "kept, not replaced silently"
        );
        assert_eq!(kept.cases["a"].label, "ケースA");
    }

    #[test]
    fn an_older_backup_does_not_replace_a_newer_case_and_a_newer_one_does() {
        let mut newer = case("ケースB");
        newer.tasks_done.insert("t1".into(), "2026-05-01".into());
        let older = case("ケースB");
        let mut kept = PlanCases::default();
        kept.cases.insert("b".into(), newer.clone());
        let mut backup = PlanCases::default();
        backup.cases.insert("b".into(), older.clone());
        let summary = kept.merge(backup.clone());
        assert_eq!(summary.kept_newer, vec!["b".to_string()]);
        assert_eq!(kept.cases["b"], newer);
        assert_eq!(kept.merge(kept.clone()).unchanged, vec!["b".to_string()]);
        // The other way round: the file's copy is newer and replaces the kept one.
        let mut kept = backup;
        let mut file = PlanCases::default();
        file.cases.insert("b".into(), newer.clone());
        assert_eq!(kept.merge(file).replaced, vec!["b".to_string()]);
        assert_eq!(kept.cases["b"], newer);
    }
}
