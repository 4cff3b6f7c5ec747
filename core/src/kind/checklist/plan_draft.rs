//! What a draft 心の健康づくり計画 (the workplace's mental-health plan) is assembled from:
//! the measures already in place, the priorities of the action plan with their owners and
//! dates, and the scores to evaluate against next time. The UI words it; the choice of
//! what goes in is made here.

use serde::{Deserialize, Serialize};

use super::{AreaResult, Checklist, ChecklistAnswers, Obligation};
use crate::document::{Align, Block, Document};

/// The sections of the draft plan, in order: 方針, 体制, 重点取組, 評価. Edited texts are
/// stored under these ids in [`ChecklistAnswers::plan`].
pub const PLAN_SECTIONS: [&str; 4] = ["policy", "organisation", "priorities", "evaluation"];

/// The draft plan as a [`Document`] (for the plain-text and `.docx` downloads and the
/// print): its title and each section's heading (the UI's words) and text as the person
/// reads it (typed text: kept plain, line by line, never read as markup).
pub fn plan_document(
    lang: crate::text::Lang,
    title: &str,
    sections: &[(String, String)],
) -> Document {
    let mut blocks = vec![Block::Heading {
        level: 1,
        text: title.to_string(),
    }];
    for (heading, text) in sections {
        blocks.push(Block::Heading {
            level: 2,
            text: heading.clone(),
        });
        blocks.push(Block::Lines {
            lines: text.lines().map(str::to_string).collect(),
            align: Align::Start,
        });
    }
    Document {
        lang,
        title: title.to_string(),
        blocks,
    }
}

/// The parts of a draft plan, in the plan's order of sections.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanDraft {
    /// Overall score now (the baseline for evaluation).
    pub percent: Option<u8>,
    /// Overall maturity level now (index into the pack's `levels`).
    pub level: Option<usize>,
    /// Ids of the consistency checks the profile makes (legal duties not met), first in
    /// the plan, in pack order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub consistency: Vec<String>,
    /// Areas with measures fully in place, in pack order (for the 体制 section).
    pub in_place: Vec<DraftArea>,
    /// The priority measures (for the 重点取組 section), most urgent first.
    pub priorities: Vec<DraftPriority>,
    /// Every area's score now (for the 評価 section), in pack order.
    pub baseline: Vec<AreaResult>,
}

/// An area and the ids of its items that are fully in place.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftArea {
    /// Area id.
    pub area: String,
    /// Item ids answered with full credit, in pack order.
    pub items: Vec<String>,
}

/// A measure of the plan: an action-plan item with who acts and by when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftPriority {
    /// Its rank in the action plan (1 = most urgent).
    pub rank: usize,
    /// Item id.
    pub item: String,
    /// The item's obligation for this workplace.
    pub obligation: Obligation,
    /// Who acts (empty when not decided yet).
    pub owner: String,
    /// Target date `YYYY-MM-DD` (empty when not decided yet).
    pub due: String,
    /// Whether it is marked done.
    pub done: bool,
}

impl Checklist {
    /// Assembles a draft plan. Its priorities are every open action-plan item the person
    /// gave an owner or a date, topped up with the most urgent others until there are
    /// `top`; actions marked done are left out.
    /// Obligations are those on `today` (`YYYY-MM-DD`).
    pub fn plan_draft(&self, answers: &ChecklistAnswers, top: usize, today: &str) -> PlanDraft {
        let result = self.result(answers, today);
        let decided = |item: &str| {
            answers
                .actions
                .get(item)
                .is_some_and(|a| !a.owner.trim().is_empty() || !a.due.is_empty())
        };
        // Completed actions leave the priorities.
        let open = || result.recommendations.iter().filter(|r| !r.done);
        let chosen = open().filter(|r| decided(&r.item)).count();
        let mut room = top.saturating_sub(chosen);
        let priorities = open()
            .filter(|r| {
                if decided(&r.item) {
                    return true;
                }
                let take = room > 0;
                room = room.saturating_sub(1);
                take
            })
            .map(|r| {
                let action = answers.actions.get(&r.item).cloned().unwrap_or_default();
                DraftPriority {
                    rank: r.rank,
                    item: r.item.clone(),
                    obligation: r.obligation,
                    owner: action.owner,
                    due: action.due,
                    done: action.done,
                }
            })
            .collect();
        let full_credit = |item: &str| {
            answers
                .items
                .get(item)
                .and_then(|a| a.choice.as_deref())
                .and_then(|c| self.scale.iter().find(|o| o.id == c))
                .is_some_and(|o| o.credit == Some(100))
        };
        let in_place = self
            .areas
            .iter()
            .map(|area| DraftArea {
                area: area.id.clone(),
                items: area
                    .items
                    .iter()
                    .filter(|i| self.item_applies(i, answers) && full_credit(&i.id))
                    .map(|i| i.id.clone())
                    .collect(),
            })
            .filter(|area| !area.items.is_empty())
            .collect();
        PlanDraft {
            percent: result.percent,
            level: result.level,
            consistency: result.consistency,
            in_place,
            priorities,
            baseline: result.areas,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::ChecklistAction;
    use super::*;
    use crate::load::load_pack;

    const TODAY: &str = "2026-12-04";

    fn checklist() -> Checklist {
        let pack = load_pack(include_bytes!("../../../../tests/data/checklist/pack.json"))
            .expect("the test pack is valid");
        pack.content::<Checklist>()
            .expect("the test pack is a checklist")
            .clone()
    }

    fn answers(checklist: &Checklist, actions: &[ChecklistAction]) -> ChecklistAnswers {
        let mut answers = ChecklistAnswers::default();
        checklist
            .apply(
                &mut answers,
                &ChecklistAction::SetProfile {
                    question: "size".into(),
                    choice: "50plus".into(),
                },
            )
            .expect("known");
        for action in actions {
            checklist.apply(&mut answers, action).expect("known");
        }
        answers
    }

    fn answer(item: &str, choice: &str) -> ChecklistAction {
        ChecklistAction::Answer {
            item: item.into(),
            choice: Some(choice.into()),
        }
    }

    #[test]
    fn an_empty_checklist_drafts_an_empty_plan() {
        let checklist = checklist();
        let draft = checklist.plan_draft(&answers(&checklist, &[]), 3, TODAY);
        assert_eq!(draft.percent, None);
        assert!(draft.in_place.is_empty());
        assert!(draft.priorities.is_empty());
        assert_eq!(draft.baseline.len(), 2);
    }

    #[test]
    fn measures_in_place_are_grouped_by_area() {
        let checklist = checklist();
        let answers = answers(
            &checklist,
            &[
                answer("policy-statement", "yes"),
                answer("policy-plan", "partly"),
                answer("committee-large-only", "yes"),
                answer("committee-deliberates", "na"),
            ],
        );
        let draft = checklist.plan_draft(&answers, 3, TODAY);
        assert_eq!(
            draft.in_place,
            [
                DraftArea {
                    area: "policy".into(),
                    items: vec!["policy-statement".into()]
                },
                DraftArea {
                    area: "committee".into(),
                    items: vec!["committee-large-only".into()]
                },
            ]
        );
        assert_eq!(draft.priorities.len(), 1);
        assert_eq!(draft.priorities[0].item, "policy-plan");
    }

    #[test]
    fn priorities_keep_every_decided_action_and_top_up_with_the_most_urgent() {
        let checklist = checklist();
        let all_no = [
            answer("policy-statement", "no"),
            answer("policy-plan", "no"),
            answer("committee-deliberates", "no"),
            answer("committee-large-only", "no"),
        ];
        let plain = answers(&checklist, &all_no);
        let ranked: Vec<String> = checklist
            .result(&plain, TODAY)
            .recommendations
            .iter()
            .map(|r| r.item.clone())
            .collect();
        let draft = checklist.plan_draft(&plain, 2, TODAY);
        let items: Vec<&str> = draft.priorities.iter().map(|p| p.item.as_str()).collect();
        assert_eq!(items, [ranked[0].as_str(), ranked[1].as_str()]);

        let mut with_owner = all_no.to_vec();
        with_owner.push(ChecklistAction::SetAction {
            item: ranked[3].clone(),
            owner: "総務課長".into(),
            due: "2027-03-31".into(),
            done: false,
        });
        let decided = answers(&checklist, &with_owner);
        let draft = checklist.plan_draft(&decided, 2, TODAY);
        let items: Vec<&str> = draft.priorities.iter().map(|p| p.item.as_str()).collect();
        assert_eq!(items, [ranked[0].as_str(), ranked[3].as_str()]);
        assert_eq!(draft.priorities[1].owner, "総務課長");
        assert_eq!(draft.priorities[1].due, "2027-03-31");
        assert_eq!(draft.priorities[1].rank, 4);
    }

    #[test]
    fn a_completed_action_leaves_the_priorities_and_ranks_after_the_open_ones() {
        let checklist = checklist();
        let all_no = [
            answer("policy-statement", "no"),
            answer("policy-plan", "no"),
            answer("committee-deliberates", "no"),
            answer("committee-large-only", "no"),
        ];
        let plain = answers(&checklist, &all_no);
        let first = checklist.result(&plain, TODAY).recommendations[0]
            .item
            .clone();
        let mut with_done = all_no.to_vec();
        with_done.push(ChecklistAction::SetAction {
            item: first.clone(),
            owner: "総務課長".into(),
            due: "2027-03-31".into(),
            done: true,
        });
        let done = answers(&checklist, &with_done);
        let result = checklist.result(&done, TODAY);
        let last = result.recommendations.last().unwrap();
        assert_eq!(
            (last.item.as_str(), last.done, last.rank),
            (first.as_str(), true, 4)
        );
        let draft = checklist.plan_draft(&done, 4, TODAY);
        assert_eq!(draft.priorities.len(), 3);
        assert!(draft.priorities.iter().all(|p| p.item != first));
    }
}
