//! Two tabs editing the draft plan at once: a three-way merge of its sections, so that no
//! text either tab typed is lost, and the person's choice when both changed one section.
//!
//! Each tab remembers the record as it last read or wrote it (the *base*). When its save is
//! refused because another tab saved since, [`merge_plan`] takes the other tab's answers and
//! puts back, section by section, what this tab changed:
//!
//! - a section only this tab changed gets this tab's text;
//! - a section only the other tab changed keeps the other tab's text;
//! - a section both changed to different texts keeps this tab's text in the section and the
//!   other tab's text as a **conflict copy** ([`ChecklistAnswers::plan_conflicts`]), shown
//!   beside the section until the person chooses ([`PlanConflictChoice`]: use this one, use
//!   the other one, keep both).
//!
//! A copy is part of the record: saved, exported and imported with it, so closing a tab
//! before choosing loses nothing either. Going back to the text worded from the answers
//! (`text: None`) is not typed text: when one tab did that and the other typed, the typed
//! text stays and no copy is made.

use serde::{Deserialize, Serialize};

use super::{ChecklistAnswers, MAX_PLAN_SECTION_CHARS, PLAN_SECTIONS};

/// What the person chooses for a conflict copy of a draft-plan section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanConflictChoice {
    /// Keep the section's text; the copy goes (こちらを使う).
    Ours,
    /// The copy becomes the section's text (あちらを使う).
    Theirs,
    /// The copy is added after the section's text, a blank line between (両方残す).
    Both,
}

/// The separator [`PlanConflictChoice::Both`] puts between the two texts.
pub const BOTH_SEPARATOR: &str = "\n\n";

/// One section as a record holds it: its edited text (`None`: worded from the answers)
/// and its conflict copies.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Section {
    text: Option<String>,
    copies: Vec<String>,
}

impl Section {
    fn of(answers: &ChecklistAnswers, section: &str) -> Section {
        Section {
            text: answers.plan.get(section).cloned(),
            copies: answers
                .plan_conflicts
                .get(section)
                .cloned()
                .unwrap_or_default(),
        }
    }

    fn holds(&self, text: &str) -> bool {
        self.text.as_deref() == Some(text) || self.copies.iter().any(|copy| copy == text)
    }

    fn store(self, answers: &mut ChecklistAnswers, section: &str) {
        match self.text {
            Some(text) => answers.plan.insert(section.to_string(), text),
            None => answers.plan.remove(section),
        };
        if self.copies.is_empty() {
            answers.plan_conflicts.remove(section);
        } else {
            answers
                .plan_conflicts
                .insert(section.to_string(), self.copies);
        }
    }
}

/// The other tab's newer answers (`theirs`) with this tab's draft-plan changes merged in.
/// `base` is the record as this tab last read or wrote it, `ours` this tab's answers now.
/// Everything but the draft plan is `theirs`, as before; see the module's text for the
/// sections. Pure: the same three inputs always give the same answers.
pub fn merge_plan(
    base: &ChecklistAnswers,
    ours: &ChecklistAnswers,
    mut theirs: ChecklistAnswers,
) -> ChecklistAnswers {
    for section in PLAN_SECTIONS {
        let was = Section::of(base, section);
        let mine = Section::of(ours, section);
        let other = Section::of(&theirs, section);
        if mine == was || mine == other {
            // This tab changed nothing here, or the same as the other tab.
            continue;
        }
        let merged = if other == was {
            mine
        } else {
            both_changed(&was, mine, &other)
        };
        merged.store(&mut theirs, section);
    }
    theirs
}

/// Both tabs changed a section since `was`: this tab's text stays in the section (the
/// other's when this tab went back to the worded text), and every other text either tab
/// holds becomes a copy, once, except one that either tab let go of since `was` (a text
/// it replaced, or a copy it resolved): a text new since `was` is always kept.
fn both_changed(was: &Section, mine: Section, other: &Section) -> Section {
    let text = mine.text.clone().or_else(|| other.text.clone());
    let let_go = |candidate: &str| {
        was.holds(candidate) && !(mine.holds(candidate) && other.holds(candidate))
    };
    let mut copies: Vec<String> = Vec::new();
    for candidate in mine
        .copies
        .iter()
        .chain(other.text.iter())
        .chain(other.copies.iter())
    {
        let known = text.as_deref() == Some(candidate.as_str()) || copies.contains(candidate);
        if !known && !let_go(candidate) {
            copies.push(candidate.clone());
        }
    }
    Section { text, copies }
}

/// Whether keeping both texts ([`PlanConflictChoice::Both`]) fits in one section
/// ([`MAX_PLAN_SECTION_CHARS`]); when it does not, the choice is refused and nothing
/// changes, so the view offers only the other two.
pub fn both_fit(text: Option<&str>, copy: &str) -> bool {
    let joined = match text {
        Some(text) => text.chars().count() + BOTH_SEPARATOR.len() + copy.chars().count(),
        None => copy.chars().count(),
    };
    joined <= MAX_PLAN_SECTION_CHARS
}

/// Applies the person's choice for copy `copy` of `section`. `None` when the section has no
/// such copy or the texts together would not fit ([`both_fit`]); the answers are then
/// unchanged.
pub(super) fn resolve(
    answers: &mut ChecklistAnswers,
    section: &str,
    copy: usize,
    choice: PlanConflictChoice,
) -> Option<()> {
    let copies = answers.plan_conflicts.get(section)?;
    let chosen = copies.get(copy)?.clone();
    let current = answers.plan.get(section).cloned();
    let text = match choice {
        PlanConflictChoice::Ours => current,
        PlanConflictChoice::Theirs => Some(chosen),
        PlanConflictChoice::Both => {
            if !both_fit(current.as_deref(), &chosen) {
                return None;
            }
            Some(match current {
                Some(text) => format!("{text}{BOTH_SEPARATOR}{chosen}"),
                None => chosen,
            })
        }
    };
    let mut copies = answers.plan_conflicts.remove(section).unwrap_or_default();
    copies.remove(copy);
    Section { text, copies }.store(answers, section);
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(plan: &[(&str, &str)], copies: &[(&str, &[&str])]) -> ChecklistAnswers {
        let mut answers = ChecklistAnswers::default();
        for (section, text) in plan {
            answers.plan.insert(section.to_string(), text.to_string());
        }
        for (section, texts) in copies {
            answers.plan_conflicts.insert(
                section.to_string(),
                texts.iter().map(|t| t.to_string()).collect(),
            );
        }
        answers
    }

    #[test]
    fn different_sections_changed_in_two_tabs_are_both_kept() {
        let base = answers(&[("policy", "元の方針")], &[]);
        let ours = answers(
            &[("policy", "元の方針"), ("organisation", "こちらの体制")],
            &[],
        );
        let theirs = answers(&[("policy", "あちらの方針")], &[]);
        let merged = merge_plan(&base, &ours, theirs);
        assert_eq!(
            merged,
            answers(
                &[("policy", "あちらの方針"), ("organisation", "こちらの体制")],
                &[]
            )
        );
    }

    #[test]
    fn the_same_section_changed_in_two_tabs_keeps_both_texts() {
        let base = answers(&[], &[]);
        let ours = answers(&[("policy", "こちらの方針")], &[]);
        let theirs = answers(&[("policy", "あちらの方針")], &[]);
        let merged = merge_plan(&base, &ours, theirs);
        assert_eq!(merged.plan["policy"], "こちらの方針");
        assert_eq!(merged.plan_conflicts["policy"], ["あちらの方針"]);
    }

    #[test]
    fn the_same_text_typed_in_both_tabs_is_no_conflict() {
        let base = answers(&[("policy", "元")], &[]);
        let both = answers(&[("policy", "同じ")], &[]);
        let merged = merge_plan(&base, &both, both.clone());
        assert_eq!(merged, both);
    }

    #[test]
    fn everything_but_the_plan_comes_from_the_other_tab() {
        let base = ChecklistAnswers::default();
        let mut ours = answers(&[("policy", "こちら")], &[]);
        ours.profile.insert("size".into(), "under10".into());
        let mut theirs = ChecklistAnswers::default();
        theirs.profile.insert("size".into(), "50plus".into());
        let merged = merge_plan(&base, &ours, theirs);
        assert_eq!(merged.profile["size"], "50plus");
        assert_eq!(merged.plan["policy"], "こちら");
    }

    #[test]
    fn a_section_only_the_other_tab_changed_is_not_put_back() {
        let base = answers(&[("policy", "元")], &[]);
        let ours = base.clone();
        let theirs = answers(&[("policy", "あちら")], &[]);
        assert_eq!(merge_plan(&base, &ours, theirs.clone()), theirs);
        // Nor one the other tab went back to the worded text.
        let theirs = answers(&[], &[]);
        assert_eq!(merge_plan(&base, &ours, theirs.clone()), theirs);
    }

    #[test]
    fn typed_text_wins_over_going_back_to_the_worded_text_either_way() {
        let base = answers(&[("policy", "元")], &[]);
        // This tab went back; the other typed: the typed text stays, no copy.
        let merged = merge_plan(
            &base,
            &answers(&[], &[]),
            answers(&[("policy", "あちら")], &[]),
        );
        assert_eq!(merged, answers(&[("policy", "あちら")], &[]));
        // This tab typed; the other went back.
        let merged = merge_plan(
            &base,
            &answers(&[("policy", "こちら")], &[]),
            answers(&[], &[]),
        );
        assert_eq!(merged, answers(&[("policy", "こちら")], &[]));
    }

    #[test]
    fn a_third_edit_keeps_every_text_not_replaced_by_its_own_tab() {
        // Tab B merged first: its text in the section, tab A's as a copy. Tab A, which had
        // not seen that, typed again in the same section.
        let base_a = answers(&[("policy", "A1")], &[]);
        let ours_a = answers(&[("policy", "A2")], &[]);
        let stored = answers(&[("policy", "B1")], &[("policy", &["A1"])]);
        let merged = merge_plan(&base_a, &ours_a, stored);
        // A1 was replaced by tab A itself (A2), so it goes; B1 is kept as a copy.
        assert_eq!(merged, answers(&[("policy", "A2")], &[("policy", &["B1"])]));
    }

    #[test]
    fn a_copy_resolved_in_one_tab_is_not_brought_back_by_the_other() {
        let base = answers(&[("policy", "B1")], &[("policy", &["A1"])]);
        // This tab chose "use this one": the copy went.
        let ours = answers(&[("policy", "B1")], &[]);
        // The other tab meanwhile typed in the section, still holding the copy.
        let theirs = answers(&[("policy", "B2")], &[("policy", &["A1"])]);
        let merged = merge_plan(&base, &ours, theirs);
        // The copy stays resolved; what the other tab typed is a copy beside this tab's.
        assert_eq!(merged, answers(&[("policy", "B1")], &[("policy", &["B2"])]));
        // And one the other tab resolved stays resolved while this tab typed.
        let theirs = answers(&[("policy", "B1")], &[]);
        let ours = answers(&[("policy", "B3")], &[("policy", &["A1"])]);
        let merged = merge_plan(&base, &ours, theirs);
        assert_eq!(merged, answers(&[("policy", "B3")], &[]));
    }

    #[test]
    fn no_typed_text_is_lost_in_any_merge_of_small_cases() {
        // Every combination of a few texts and copies in base, ours and theirs (each a
        // record the merge could have written: no copy repeats the text): a text new in
        // either tab since the base, or one both tabs still hold, is in the merge (as the
        // section's text or a copy), and the merge repeats no text.
        let texts = [None, Some("x"), Some("y"), Some("z")];
        let copy_sets: [&[&str]; 3] = [&[], &["x"], &["w", "y"]];
        let make = |text: Option<&str>, copies: &[&str]| {
            let plan: Vec<(&str, &str)> = text.map(|t| ("policy", t)).into_iter().collect();
            answers(&plan, &[("policy", copies)])
        };
        let sections: Vec<ChecklistAnswers> = texts
            .iter()
            .flat_map(|text| copy_sets.iter().map(move |copies| (*text, *copies)))
            .filter(|(text, copies)| !text.is_some_and(|t| copies.contains(&t)))
            .map(|(text, copies)| make(text, copies))
            .collect();
        let mut checked = 0;
        for base in &sections {
            for ours in &sections {
                for theirs in &sections {
                    let merged = merge_plan(base, ours, theirs.clone());
                    let [was, mine, other, result] =
                        [base, ours, theirs, &merged].map(|a| Section::of(a, "policy"));
                    for kept in mine
                        .text
                        .iter()
                        .chain(&mine.copies)
                        .chain(other.text.iter())
                        .chain(&other.copies)
                    {
                        let new = !was.holds(kept);
                        let held_by_both = mine.holds(kept) && other.holds(kept);
                        assert!(
                            !(new || held_by_both) || result.holds(kept),
                            "{kept} lost: {base:?} {ours:?} {theirs:?} → {merged:?}"
                        );
                    }
                    let mut all: Vec<&String> = result.text.iter().chain(&result.copies).collect();
                    let count = all.len();
                    all.sort();
                    all.dedup();
                    assert_eq!(all.len(), count, "a text repeats: {merged:?}");
                    checked += 1;
                }
            }
        }
        assert_eq!(checked, 10 * 10 * 10);
    }

    #[test]
    fn an_imported_copy_is_checked_like_a_section() {
        let pack =
            crate::load::load_pack(include_bytes!("../../../../tests/data/checklist/pack.json"))
                .unwrap();
        let file = |conflicts: &str| {
            format!(
                r#"{{"kizuki_export":2,"pack_id":"{}","pack_version":"{}","saved_at":"2026-12-06T00:00:00Z","revision":1,"state":{{"kind":"checklist","data":{{"plan":{{"policy":"こちら"}},"plan_conflicts":{conflicts}}}}}}}"#,
                pack.pack().id,
                pack.pack().version
            )
        };
        let kept = crate::export::import(&pack, file(r#"{"policy":["あちら"]}"#).as_bytes());
        let Ok(export) = kept else {
            panic!("a copy in a known section imports: {kept:?}")
        };
        let Some(answers) = export.state.into_state::<super::super::Checklist>() else {
            panic!("a checklist state")
        };
        assert_eq!(answers.plan_conflicts["policy"], ["あちら"]);
        assert!(crate::export::import(&pack, file(r#"{"appendix":["x"]}"#).as_bytes()).is_err());
        let long = format!(
            r#"{{"policy":["{}"]}}"#,
            "あ".repeat(MAX_PLAN_SECTION_CHARS + 1)
        );
        assert!(crate::export::import(&pack, file(&long).as_bytes()).is_err());
    }

    #[test]
    fn the_three_choices_resolve_a_copy() {
        let conflict = answers(
            &[("policy", "こちら")],
            &[("policy", &["あちら", "三つ目"])],
        );
        let mut ours = conflict.clone();
        resolve(&mut ours, "policy", 0, PlanConflictChoice::Ours).unwrap();
        assert_eq!(
            ours,
            answers(&[("policy", "こちら")], &[("policy", &["三つ目"])])
        );
        let mut theirs = conflict.clone();
        resolve(&mut theirs, "policy", 0, PlanConflictChoice::Theirs).unwrap();
        assert_eq!(
            theirs,
            answers(&[("policy", "あちら")], &[("policy", &["三つ目"])])
        );
        let mut both = conflict.clone();
        resolve(&mut both, "policy", 1, PlanConflictChoice::Both).unwrap();
        assert_eq!(
            both,
            answers(
                &[("policy", "こちら\n\n三つ目")],
                &[("policy", &["あちら"])]
            )
        );
        // The last copy resolved leaves no empty list behind.
        resolve(&mut both, "policy", 0, PlanConflictChoice::Ours).unwrap();
        assert!(both.plan_conflicts.is_empty());
    }

    #[test]
    fn a_missing_copy_or_keeping_both_past_the_limit_changes_nothing() {
        let conflict = answers(&[("policy", "こちら")], &[("policy", &["あちら"])]);
        let mut same = conflict.clone();
        assert_eq!(
            resolve(&mut same, "policy", 1, PlanConflictChoice::Ours),
            None
        );
        assert_eq!(
            resolve(&mut same, "evaluation", 0, PlanConflictChoice::Ours),
            None
        );
        assert_eq!(same, conflict);
        let long = "あ".repeat(MAX_PLAN_SECTION_CHARS - 3);
        let mut full = answers(&[("policy", &long)], &[("policy", &["あちら"])]);
        assert!(!both_fit(Some(&long), "あちら"));
        let before = full.clone();
        assert_eq!(
            resolve(&mut full, "policy", 0, PlanConflictChoice::Both),
            None
        );
        assert_eq!(full, before);
        assert!(both_fit(Some(&long), "x"));
    }
}
