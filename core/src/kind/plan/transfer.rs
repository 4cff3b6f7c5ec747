//! Moving cases between files and storage: one case on its own (to export a single case)
//! and merging the cases of an imported file into those already kept.

use super::{Case, PlanCases};

/// What a merge did: which case ids were new and which replaced a case kept before.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeSummary {
    /// Ids of cases that were not kept before.
    pub added: Vec<String>,
    /// Ids of kept cases replaced by the imported ones (the same case, exported earlier).
    pub replaced: Vec<String>,
}

impl MergeSummary {
    /// How many cases the merge brought in.
    pub fn total(&self) -> usize {
        self.added.len() + self.replaced.len()
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

    /// Adds every case of `imported`. A case with an id already kept is the same case
    /// exported before: the imported one replaces it. Cases not in `imported` stay.
    pub fn merge(&mut self, imported: PlanCases) -> MergeSummary {
        let mut summary = MergeSummary::default();
        for (id, case) in imported.cases {
            if self.cases.insert(id.clone(), case).is_some() {
                summary.replaced.push(id);
            } else {
                summary.added.push(id);
            }
        }
        summary
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
        assert_eq!(summary.replaced, vec!["b".to_string()]);
        assert_eq!(summary.total(), 2);
        assert_eq!(kept.cases.len(), 3);
        assert_eq!(kept.cases["b"].label, "ケースB（更新）");
        assert_eq!(kept.cases["a"].label, "ケースA");
    }
}
