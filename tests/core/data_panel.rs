//! What the web shell asks the core for around a kit's record, whatever its kind: the
//! names of the files its data panel downloads, and what a tab continues from when its
//! save was refused because another tab saved since.

use kizuki_core::export::KitState;
use kizuki_core::kind::checklist::{Checklist, ChecklistAction, ChecklistAnswers};
use kizuki_core::kind::course::CourseProgress;
use kizuki_core::kind::FileFormat;
use kizuki_core::{load_pack, ValidPack};

use crate::repo_root;

fn pack(path: &str) -> ValidPack {
    load_pack(&std::fs::read(repo_root().join(path)).unwrap()).unwrap()
}

fn checklist_answers(pack: &ValidPack, actions: &[ChecklistAction]) -> ChecklistAnswers {
    let checklist = pack.content::<Checklist>().expect("a checklist pack");
    let mut answers = ChecklistAnswers::default();
    for action in actions {
        checklist
            .apply(&mut answers, action)
            .expect("the action fits the pack");
    }
    answers
}

fn plan_section(section: &str, text: &str) -> ChecklistAction {
    ChecklistAction::SetPlanSection {
        section: section.into(),
        text: Some(text.into()),
    }
}

#[test]
fn a_checklists_files_are_named_after_the_workplace_and_other_kits_by_pack_and_date() {
    let checklist = pack("content/mh-checklist.json");
    let named = checklist_answers(
        &checklist,
        &[ChecklistAction::SetWorkplace {
            name: "株式会社みなと 本社/総務".into(),
        }],
    );
    let kit = &checklist.pack().kit;
    let stem = kit.download_stem("mh-checklist", &KitState::from(named), "2026-12-06");
    assert_eq!(stem, "mh-checklist-株式会社みなと-本社-総務-2026-12-06");
    assert_eq!(
        FileFormat::Csv.file_name(&stem, "mh-checklist", "2026-12-06"),
        "mh-checklist-株式会社みなと-本社-総務-2026-12-06.csv"
    );
    let unnamed = KitState::from(ChecklistAnswers::default());
    assert_eq!(
        kit.download_stem("mh-checklist", &unnamed, "2026-12-06"),
        "mh-checklist-2026-12-06"
    );

    let course = pack("content/linecare.json");
    let progress = KitState::from(CourseProgress::default());
    let stem = course
        .pack()
        .kit
        .download_stem("linecare", &progress, "2026-12-06");
    assert_eq!(
        FileFormat::Record.file_name(&stem, "linecare", "2026-12-06"),
        "linecare-2026-12-06.json"
    );
    assert_eq!(
        FileFormat::Xapi.file_name(&stem, "linecare", "2026-12-06"),
        "linecare-xapi-2026-12-06.json"
    );
    assert_eq!(FileFormat::Csv.mime(), "text/csv;charset=utf-8");
}

#[test]
fn after_a_refused_save_the_checklist_keeps_the_other_tabs_answers_and_both_tabs_plan_text() {
    let checklist = pack("content/mh-checklist.json");
    let item = checklist
        .content::<Checklist>()
        .and_then(|c| c.items().next().map(|(_, item)| item.id.clone()))
        .expect("an item");
    let base = checklist_answers(&checklist, &[]);
    // This tab typed the policy and answered an item; the other tab typed the evaluation
    // and the policy too.
    let ours = checklist_answers(
        &checklist,
        &[
            plan_section("policy", "こちらの方針"),
            ChecklistAction::Answer {
                item: item.clone(),
                choice: Some("yes".into()),
            },
        ],
    );
    let theirs = checklist_answers(
        &checklist,
        &[
            plan_section("policy", "あちらの方針"),
            plan_section("evaluation", "あちらの評価"),
        ],
    );
    let kit = &checklist.pack().kit;
    let merged = kit.after_refused_save(
        &KitState::from(base),
        &KitState::from(ours),
        KitState::from(theirs),
    );
    let merged = merged
        .into_state::<Checklist>()
        .expect("still a checklist's answers");
    assert_eq!(
        merged.plan.get("policy").map(String::as_str),
        Some("こちらの方針")
    );
    assert_eq!(
        merged.plan_conflicts.get("policy"),
        Some(&vec!["あちらの方針".to_string()]),
        "the other tab's text is kept as a copy"
    );
    assert_eq!(
        merged.plan.get("evaluation").map(String::as_str),
        Some("あちらの評価")
    );
    assert!(
        !merged.items.contains_key(&item),
        "answers are the other tab's: this tab's unsaved answer is not written over them"
    );
}

#[test]
fn after_a_refused_save_other_kinds_continue_from_the_other_tabs_record() {
    let course = pack("content/linecare.json");
    let kit = &course.pack().kit;
    let ours = CourseProgress {
        learner_name: "こちら".into(),
        ..CourseProgress::default()
    };
    let theirs = CourseProgress {
        learner_name: "あちら".into(),
        ..CourseProgress::default()
    };
    let next = kit.after_refused_save(
        &KitState::from(CourseProgress::default()),
        &KitState::from(ours),
        KitState::from(theirs.clone()),
    );
    assert_eq!(next, KitState::from(theirs.clone()));
    // A state of another kind is left as it is.
    let checklist_state = KitState::from(ChecklistAnswers::default());
    let next = kit.after_refused_save(
        &checklist_state,
        &checklist_state,
        KitState::from(theirs.clone()),
    );
    assert_eq!(next, KitState::from(theirs));
}
