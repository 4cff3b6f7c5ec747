//! Small questions the checklist's screens ask of the answers: whether an item's answer
//! calls for "why not" reasons, which helpers apply to this workplace, whether it is a small
//! workplace, which areas have anything to ask, and which area the full audit goes on at.

use super::{Checklist, ChecklistAnswers, Helper, ItemAnswer};
use crate::pack::applies;

/// The id of the profile question that gives the workplace's size band.
pub const SIZE_QUESTION: &str = "size";

/// The `size` choice for workplaces of 50 workers or more.
pub const LARGE_WORKPLACE_CHOICE: &str = "50plus";

impl Checklist {
    /// Whether the answer to `item` is in place only partly or not at all (credit below
    /// 100), so the screen asks why. Unanswered, fully in place, "not applicable" and
    /// "don't know" do not.
    pub fn asks_why_not(&self, answers: &ChecklistAnswers, item: &str) -> bool {
        answers
            .items
            .get(item)
            .is_some_and(|answer| self.answer_asks_why_not(answer))
    }

    /// Whether this answer's choice calls for "why not" reasons (see [`Self::asks_why_not`]).
    pub fn answer_asks_why_not(&self, answer: &ItemAnswer) -> bool {
        answer
            .choice
            .as_deref()
            .and_then(|choice| self.scale.iter().find(|option| option.id == choice))
            .filter(|option| !option.unknown)
            .and_then(|option| option.credit)
            .is_some_and(|credit| credit < 100)
    }

    /// The "why not" reasons that count for this answer: those kept in it when its choice
    /// asks why, none otherwise. Reasons stay stored when the choice changes (so changing
    /// back brings them back), but reports, CSV files and tallies read them only through
    /// this.
    pub fn reasons_in_effect<'a>(&self, answer: &'a ItemAnswer) -> &'a [String] {
        if self.answer_asks_why_not(answer) {
            &answer.why_not
        } else {
            &[]
        }
    }

    /// The "other" text that counts for this answer, like [`Self::reasons_in_effect`].
    pub fn other_text_in_effect<'a>(&self, answer: &'a ItemAnswer) -> &'a str {
        if self.answer_asks_why_not(answer) {
            &answer.why_not_other
        } else {
            ""
        }
    }

    /// The helpers offered to this workplace (those whose `applies_if` holds), in pack order.
    pub fn helpers_for(&self, answers: &ChecklistAnswers) -> Vec<&Helper> {
        self.helpers
            .iter()
            .filter(|helper| applies(helper.applies_if.as_ref(), &answers.profile))
            .collect()
    }

    /// Whether the workplace has fewer than 50 workers, from the profile question `size`
    /// (the convention the aggregation also uses): any answer but `50plus` is small; `None`
    /// when the pack has no such question or it is not answered yet. The regional resource
    /// directory leaves out services for small workplaces when this is `Some(false)`.
    pub fn small_workplace(&self, answers: &ChecklistAnswers) -> Option<bool> {
        self.profile.iter().find(|q| q.id == SIZE_QUESTION)?;
        let choice = answers.profile.get(SIZE_QUESTION)?;
        Some(choice != LARGE_WORKPLACE_CHOICE)
    }

    /// Indexes of the areas with at least one item that applies to this profile, in order:
    /// the screens a person walks through.
    pub fn areas_to_ask(&self, answers: &ChecklistAnswers) -> Vec<usize> {
        self.areas
            .iter()
            .enumerate()
            .filter(|(_, area)| area.items.iter().any(|i| self.item_applies(i, answers)))
            .map(|(index, _)| index)
            .collect()
    }

    /// The first area asked with an item that applies and is not answered: where the full
    /// audit goes on; `None` when every one is answered (the results).
    pub fn first_open_area(&self, answers: &ChecklistAnswers) -> Option<usize> {
        let result = self.scores(answers);
        self.areas_to_ask(answers).into_iter().find(|&index| {
            result
                .areas
                .get(index)
                .is_some_and(|a| a.answered < a.applicable)
        })
    }

    /// Where the full audit picks up after a reload: the area the person was on
    /// ([`ChecklistAnswers::area`]) while it is still asked for this workplace, else the
    /// first area with an unanswered item ([`Checklist::first_open_area`]); `None`: the
    /// results.
    pub fn resume_area(&self, answers: &ChecklistAnswers) -> Option<usize> {
        let asked = self.areas_to_ask(answers);
        let was_on = answers.area.as_deref().and_then(|id| {
            asked
                .iter()
                .copied()
                .find(|&index| self.areas.get(index).is_some_and(|a| a.id == id))
        });
        was_on.or_else(|| self.first_open_area(answers))
    }
}

#[cfg(test)]
mod tests {
    use super::super::{ChecklistAction, ChecklistScreen};
    use super::*;
    use crate::load::load_pack;

    fn checklist() -> Checklist {
        let pack = load_pack(include_bytes!("../../../../tests/data/checklist/pack.json"))
            .expect("the test pack is valid");
        pack.content::<Checklist>()
            .expect("the test pack is a checklist")
            .clone()
    }

    fn answered(checklist: &Checklist, size: &str, item: &str, choice: &str) -> ChecklistAnswers {
        let mut answers = ChecklistAnswers::default();
        for action in [
            ChecklistAction::SetProfile {
                question: "size".into(),
                choice: size.into(),
            },
            ChecklistAction::Answer {
                item: item.into(),
                choice: Some(choice.into()),
            },
        ] {
            checklist.apply(&mut answers, &action).expect("known ids");
        }
        answers
    }

    #[test]
    fn why_not_is_asked_for_partly_and_no_only() {
        let checklist = checklist();
        for (choice, asks) in [
            ("yes", false),
            ("partly", true),
            ("no", true),
            ("na", false),
        ] {
            let answers = answered(&checklist, "50plus", "policy-plan", choice);
            assert_eq!(
                checklist.asks_why_not(&answers, "policy-plan"),
                asks,
                "{choice}"
            );
        }
        let answers = answered(&checklist, "50plus", "policy-plan", "no");
        assert!(
            !checklist.asks_why_not(&answers, "policy-statement"),
            "unanswered"
        );
        assert!(!checklist.asks_why_not(&answers, "no-such-item"));
    }

    #[test]
    fn helpers_follow_the_workplace_size() {
        let checklist = checklist();
        let ids = |size: &str| -> Vec<String> {
            let answers = answered(&checklist, size, "policy-plan", "yes");
            checklist
                .helpers_for(&answers)
                .iter()
                .map(|h| h.id.clone())
                .collect()
        };
        assert_eq!(ids("50plus"), ["center"]);
        assert_eq!(ids("10to49"), ["center", "chiiki"]);
    }

    #[test]
    fn areas_without_applicable_items_are_skipped() {
        let mut checklist = checklist();
        let answers = answered(&checklist, "10to49", "policy-plan", "yes");
        assert_eq!(checklist.areas_to_ask(&answers), [0, 1]);
        checklist.areas[1]
            .items
            .retain(|i| i.id == "committee-large-only");
        assert_eq!(checklist.areas_to_ask(&answers), [0]);
        let large = answered(&checklist, "50plus", "policy-plan", "yes");
        assert_eq!(checklist.areas_to_ask(&large), [0, 1]);
    }

    /// A reload went to the first area with an unanswered item, not to the area the person
    /// was on: the record keeps that area, and the audit resumes there while it is asked.
    #[test]
    fn the_audit_resumes_at_the_area_the_person_was_on() {
        let mut checklist = checklist();
        // The first area is left unanswered in part; the person moved on to the second.
        let mut answers = answered(&checklist, "50plus", "policy-plan", "yes");
        assert_eq!(checklist.first_open_area(&answers), Some(0));
        assert_eq!(
            checklist.resume_area(&answers),
            Some(0),
            "a record without an area"
        );
        let on = |screen: ChecklistScreen| ChecklistAction::SetScreen { screen };
        checklist
            .apply(&mut answers, &on(ChecklistScreen::Area(1)))
            .expect("a known area");
        assert_eq!(answers.area.as_deref(), Some("committee"));
        assert_eq!(checklist.resume_area(&answers), Some(1));
        // On the results: no area of the audit; the first with an unanswered item, as before
        // (the results themselves are `resume`'s).
        checklist
            .apply(&mut answers, &on(ChecklistScreen::Results))
            .expect("no area");
        assert_eq!(checklist.resume_area(&answers), Some(0));
        // An unknown area is refused and changes nothing.
        let before = answers.clone();
        assert!(checklist
            .apply(&mut answers, &on(ChecklistScreen::Area(9)))
            .is_err());
        assert_eq!(answers, before);
        // An area no longer asked for this workplace (its items do not apply) is passed over.
        checklist
            .apply(&mut answers, &on(ChecklistScreen::Area(1)))
            .expect("a known area");
        checklist.areas[1]
            .items
            .retain(|i| i.id == "committee-large-only");
        let small = ChecklistAnswers {
            profile: answered(&checklist, "10to49", "policy-plan", "yes").profile,
            ..answers.clone()
        };
        assert_eq!(checklist.areas_to_ask(&small), [0]);
        assert_eq!(checklist.resume_area(&small), Some(0));
    }
}
