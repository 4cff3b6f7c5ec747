//! Moving cases between files and storage: one case on its own (to export a single case)
//! and merging the cases of an imported file into those already kept.

use super::{Case, PlanCases};

/// What a merge did: which case ids were new, which replaced a case kept before (the person
/// chose the file's copy), which the file holds exactly as kept, and which kept cases stayed
/// as they were (the person chose to keep them).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeSummary {
    /// Ids of cases that were not kept before.
    pub added: Vec<String>,
    /// Ids of kept cases replaced by the file's copies, as the person chose.
    pub replaced: Vec<String>,
    /// Ids of cases the file holds exactly as kept.
    pub unchanged: Vec<String>,
    /// Ids of kept cases whose file copy differs and was not taken, as the person chose.
    pub kept: Vec<String>,
}

impl MergeSummary {
    /// How many cases of the file are now here as the file has them (added, replaced or
    /// already the same).
    pub fn total(&self) -> usize {
        self.added.len() + self.replaced.len() + self.unchanged.len()
    }
}

/// How far a copy of a case has come, by what is dated in it: its latest date (opened, a
/// task done, a decision, a task reopened), its decisions and its tasks done. Edits to its
/// text fields carry no date, so two copies can differ with neither further along.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct CaseProgress {
    /// The latest date in the case (`YYYY-MM-DD`).
    pub latest: String,
    /// Its decisions recorded.
    pub decisions: usize,
    /// Its tasks done.
    pub tasks_done: usize,
}

/// Which of two copies of a case has come further, by [`CaseProgress`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Further {
    /// The file's copy.
    File,
    /// The copy kept here.
    Kept,
    /// Neither: the same dates and counts (they differ in what is undated, e.g. a note).
    Neither,
}

/// A case of an imported file that is kept here with other contents: the import asks which
/// copy stays, showing how far each has come.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseConflict {
    /// The case's id.
    pub id: String,
    /// Its label here.
    pub label: String,
    /// Its label in the file (the same unless renamed).
    pub file_label: String,
    /// How far the copy kept here has come.
    pub kept: CaseProgress,
    /// How far the file's copy has come.
    pub file: CaseProgress,
}

impl CaseConflict {
    /// Which copy has come further.
    pub fn further(&self) -> Further {
        match self.file.cmp(&self.kept) {
            std::cmp::Ordering::Greater => Further::File,
            std::cmp::Ordering::Less => Further::Kept,
            std::cmp::Ordering::Equal => Further::Neither,
        }
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

    /// The cases of `imported` kept here with other contents, in id order: an import asks,
    /// for each, which copy stays before anything is replaced.
    pub fn conflicts(&self, imported: &PlanCases) -> Vec<CaseConflict> {
        imported
            .cases
            .iter()
            .filter_map(|(id, case)| {
                let kept = self.cases.get(id).filter(|kept| *kept != case)?;
                Some(CaseConflict {
                    id: id.clone(),
                    label: kept.label.clone(),
                    file_label: case.label.clone(),
                    kept: kept.progress(),
                    file: case.progress(),
                })
            })
            .collect()
    }

    /// Merges the cases of `imported`, case by case: a new id is added, a case the file
    /// holds as kept stays, and a kept case with other contents is replaced only when
    /// `replace` names it (the person chose the file's copy; see [`PlanCases::conflicts`]).
    /// Cases not in `imported` stay.
    pub fn merge(&mut self, imported: PlanCases, replace: &[String]) -> MergeSummary {
        let mut summary = MergeSummary::default();
        for (id, case) in imported.cases {
            let Some(kept) = self.cases.get(&id) else {
                self.cases.insert(id.clone(), case);
                summary.added.push(id);
                continue;
            };
            if *kept == case {
                summary.unchanged.push(id);
            } else if replace.contains(&id) {
                self.cases.insert(id.clone(), case);
                summary.replaced.push(id);
            } else {
                summary.kept.push(id);
            }
        }
        summary
    }
}

impl Case {
    /// How far this copy of the case has come ([`CaseProgress`]).
    pub fn progress(&self) -> CaseProgress {
        let latest = std::iter::once(&self.opened)
            .chain(self.tasks_done.values())
            .chain(self.history.iter().map(|h| &h.date))
            .chain(self.history.iter().flat_map(|h| h.reopened_tasks.values()))
            .max()
            .cloned()
            .unwrap_or_default();
        CaseProgress {
            latest,
            decisions: self.history.len(),
            tasks_done: self.tasks_done.len(),
        }
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
    fn merge_adds_new_cases_and_replaces_a_differing_case_only_when_chosen() {
        let mut kept = PlanCases::default();
        kept.cases.insert("a".into(), case("ケースA"));
        kept.cases.insert("b".into(), case("ケースB"));
        let mut imported = PlanCases::default();
        imported.cases.insert("a".into(), case("ケースA"));
        imported.cases.insert("b".into(), case("ケースB（更新）"));
        imported.cases.insert("c".into(), case("ケースC"));
        let conflicts = kept.conflicts(&imported);
        assert_eq!(conflicts.len(), 1, "only the case kept with other contents");
        assert_eq!(
            (conflicts[0].id.as_str(), conflicts[0].label.as_str()),
            ("b", "ケースB")
        );
        assert_eq!(conflicts[0].file_label, "ケースB（更新）");
        assert_eq!(conflicts[0].further(), Further::Neither);

        let mut not_chosen = kept.clone();
        let summary = not_chosen.merge(imported.clone(), &[]);
        assert_eq!(summary.added, vec!["c".to_string()]);
        assert_eq!(summary.unchanged, vec!["a".to_string()]);
        assert_eq!(summary.kept, vec!["b".to_string()]);
        assert_eq!(summary.total(), 2);
        assert_eq!(
            not_chosen.cases["b"].label, "ケースB",
            "not replaced unasked"
        );

        let summary = kept.merge(imported, &["b".to_string()]);
        assert_eq!(summary.replaced, vec!["b".to_string()]);
        assert_eq!(summary.total(), 3);
        assert_eq!(kept.cases["b"].label, "ケースB（更新）");
        assert_eq!(kept.cases.len(), 3);
    }

    #[test]
    fn a_conflict_says_which_copy_came_further_but_the_choice_decides() {
        let mut further = case("ケースB");
        further.tasks_done.insert("t1".into(), "2026-05-01".into());
        let behind = case("ケースB");
        let mut kept = PlanCases::default();
        kept.cases.insert("b".into(), further.clone());
        let mut backup = PlanCases::default();
        backup.cases.insert("b".into(), behind.clone());
        let conflicts = kept.conflicts(&backup);
        assert_eq!(conflicts[0].further(), Further::Kept);
        assert_eq!(conflicts[0].kept.latest, "2026-05-01");
        assert_eq!(conflicts[0].kept.tasks_done, 1);
        assert_eq!(backup.conflicts(&kept)[0].further(), Further::File);
        assert!(kept.conflicts(&kept.clone()).is_empty());
        // An older backup replaces the case when the person chooses it (restoring it).
        assert_eq!(
            kept.merge(backup, &["b".to_string()]).replaced,
            vec!["b".to_string()]
        );
        assert_eq!(kept.cases["b"], behind);
    }
}
