//! Unit tests of checklist sessions: applicability, wording, scoring and the action plan.

use super::*;
use crate::load::load_pack;

/// The day the tests score on.
const TODAY: &str = "2026-12-04";

fn checklist() -> Checklist {
    let pack = load_pack(include_bytes!("../../../../tests/data/checklist/pack.json")).unwrap();
    pack.content::<Checklist>()
        .expect("the test pack is a checklist")
        .clone()
}

fn answer(checklist: &Checklist, answers: &mut ChecklistAnswers, item: &str, choice: &str) {
    checklist
        .apply(
            answers,
            &ChecklistAction::Answer {
                item: item.into(),
                choice: Some(choice.into()),
            },
        )
        .unwrap();
}

fn with_size(checklist: &Checklist, size: &str) -> ChecklistAnswers {
    let mut answers = ChecklistAnswers::default();
    checklist
        .apply(
            &mut answers,
            &ChecklistAction::SetProfile {
                question: "size".into(),
                choice: size.into(),
            },
        )
        .unwrap();
    answers
}

#[test]
fn items_apply_and_change_wording_by_size() {
    let checklist = checklist();
    let large = with_size(&checklist, "50plus");
    let small = with_size(&checklist, "10to49");
    let only_large = checklist.item("committee-large-only").unwrap();
    assert!(checklist.item_applies(only_large, &large));
    assert!(!checklist.item_applies(only_large, &small));
    let committee = checklist.item("committee-deliberates").unwrap();
    assert_eq!(
        checklist.item_text(committee, &large).ja,
        "衛生委員会で審議している"
    );
    assert_eq!(
        checklist.item_text(committee, &small).ja,
        "労働者の意見を聴いている"
    );
    assert_eq!(
        checklist.item_obligation(committee, &large, TODAY),
        Obligation::LegalDuty
    );
    assert_eq!(
        checklist.item_obligation(committee, &small, TODAY),
        Obligation::EffortDuty
    );
    assert_eq!(checklist.result(&large, TODAY).applicable, 4);
    assert_eq!(checklist.result(&small, TODAY).applicable, 3);
}

#[test]
fn scores_are_weighted_and_not_applicable_is_left_out() {
    let checklist = checklist();
    let mut answers = with_size(&checklist, "50plus");
    answer(&checklist, &mut answers, "policy-statement", "yes"); // weight 3, 100
    answer(&checklist, &mut answers, "policy-plan", "partly"); // weight 4, 50
    answer(&checklist, &mut answers, "committee-deliberates", "na");
    answer(&checklist, &mut answers, "committee-large-only", "yes"); // weight 2, 100
    let result = checklist.result(&answers, TODAY);
    // (3*100 + 4*50) / (7*100) = 71.4%
    assert_eq!(result.areas[0].percent, Some(71));
    assert_eq!(result.areas[0].level, Some(1));
    assert_eq!(result.areas[1].percent, Some(100));
    assert_eq!(result.areas[1].not_applicable, 1);
    assert_eq!(result.answered, 4);
    assert_eq!(result.progress_percent, 100);
    // (3*100 + 4*50 + 2*100) / (9*100) = 77.8%
    assert_eq!(result.percent, Some(78));
}

#[test]
fn one_answer_of_four_shows_coverage_and_no_score_or_level() {
    let checklist = checklist();
    let mut answers = with_size(&checklist, "50plus");
    answer(&checklist, &mut answers, "policy-statement", "yes");
    let result = checklist.result(&answers, TODAY);
    assert_eq!((result.answered, result.applicable), (1, 4));
    assert_eq!(result.coverage_threshold_percent, 80);
    assert!(!result.coverage_reached);
    assert_eq!(result.percent, None);
    assert_eq!(result.level, None);
    // The area has 1 of 2 answered: no score there either.
    assert!(!result.areas[0].coverage_reached);
    assert_eq!(result.areas[0].percent, None);
    assert_eq!(result.areas[0].level, None);
}

#[test]
fn coverage_is_reached_at_eighty_percent_and_not_below() {
    assert!(!coverage_reached(0, 0));
    assert!(!coverage_reached(3, 4));
    assert!(coverage_reached(4, 5));
    assert!(!coverage_reached(44, 56));
    assert!(coverage_reached(45, 56));
}

#[test]
fn not_applicable_on_a_legal_duty_is_flagged_only_where_it_is_a_duty() {
    let checklist = checklist();
    let mut large = with_size(&checklist, "50plus");
    answer(&checklist, &mut large, "committee-deliberates", "na");
    assert_eq!(
        checklist.result(&large, TODAY).contradicted_not_applicable,
        ["committee-deliberates"]
    );
    let mut small = with_size(&checklist, "10to49");
    answer(&checklist, &mut small, "committee-deliberates", "na");
    assert!(checklist
        .result(&small, TODAY)
        .contradicted_not_applicable
        .is_empty());
}

#[test]
fn action_plan_puts_legal_duties_first_then_weight_then_effort() {
    let checklist = checklist();
    let mut answers = with_size(&checklist, "50plus");
    answer(&checklist, &mut answers, "policy-statement", "no"); // recommended, w3, low
    answer(&checklist, &mut answers, "policy-plan", "no"); // recommended, w4, medium
    answer(&checklist, &mut answers, "committee-deliberates", "partly"); // legal, w5
    answer(&checklist, &mut answers, "committee-large-only", "no"); // recommended, w2
    let order: Vec<String> = checklist
        .result(&answers, TODAY)
        .recommendations
        .into_iter()
        .map(|r| r.item)
        .collect();
    assert_eq!(
        order,
        [
            "committee-deliberates",
            "policy-plan",
            "policy-statement",
            "committee-large-only"
        ]
    );
}

#[test]
fn helpers_offered_depend_on_the_profile() {
    let checklist = checklist();
    let mut small = with_size(&checklist, "10to49");
    answer(&checklist, &mut small, "committee-deliberates", "no");
    let mut large = with_size(&checklist, "50plus");
    answer(&checklist, &mut large, "committee-deliberates", "no");
    assert_eq!(
        checklist.result(&small, TODAY).recommendations[0].helpers,
        ["center", "chiiki"]
    );
    assert_eq!(
        checklist.result(&large, TODAY).recommendations[0].helpers,
        ["center"]
    );
}

#[test]
fn unknown_ids_are_refused_and_change_nothing() {
    let checklist = checklist();
    let mut answers = with_size(&checklist, "50plus");
    let before = answers.clone();
    for action in [
        ChecklistAction::Answer {
            item: "nope".into(),
            choice: Some("yes".into()),
        },
        ChecklistAction::Answer {
            item: "policy-plan".into(),
            choice: Some("maybe".into()),
        },
        ChecklistAction::ToggleWhyNot {
            item: "policy-plan".into(),
            reason: "nope".into(),
        },
        ChecklistAction::SetProfile {
            question: "size".into(),
            choice: "huge".into(),
        },
        ChecklistAction::SetAction {
            item: "policy-plan".into(),
            owner: String::new(),
            due: "next week".into(),
            done: false,
        },
    ] {
        assert!(
            checklist.apply(&mut answers, &action).is_err(),
            "{action:?}"
        );
        assert_eq!(answers, before);
    }
}

#[test]
fn reasons_are_kept_when_the_answer_changes_and_count_only_while_it_asks_why() {
    let checklist = checklist();
    let mut answers = with_size(&checklist, "50plus");
    answer(&checklist, &mut answers, "policy-plan", "no");
    checklist
        .apply(
            &mut answers,
            &ChecklistAction::ToggleWhyNot {
                item: "policy-plan".into(),
                reason: "cost".into(),
            },
        )
        .unwrap();
    checklist
        .apply(
            &mut answers,
            &ChecklistAction::SetWhyNotOther {
                item: "policy-plan".into(),
                text: "兼務で手が回らない".into(),
            },
        )
        .unwrap();
    assert_eq!(answers.items["policy-plan"].why_not, ["cost"]);
    answer(&checklist, &mut answers, "policy-plan", "yes");
    let kept = &answers.items["policy-plan"];
    assert_eq!(kept.why_not, ["cost"], "kept while in place");
    assert!(checklist.reasons_in_effect(kept).is_empty());
    assert_eq!(checklist.other_text_in_effect(kept), "");
    answer(&checklist, &mut answers, "policy-plan", "partly");
    let back = &answers.items["policy-plan"];
    assert_eq!(checklist.reasons_in_effect(back), ["cost"]);
    assert_eq!(checklist.other_text_in_effect(back), "兼務で手が回らない");
}

#[test]
fn dont_know_counts_as_not_in_place_and_apart_and_asks_no_reasons() {
    let checklist = checklist();
    let mut answers = with_size(&checklist, "50plus");
    for item in ["policy-statement", "policy-plan", "committee-large-only"] {
        answer(&checklist, &mut answers, item, "yes");
    }
    answer(&checklist, &mut answers, "committee-deliberates", "unknown");
    let result = checklist.result(&answers, TODAY);
    assert_eq!(result.unknown, 1);
    assert_eq!(result.areas[1].unknown, 1);
    assert_eq!(result.answered, 4);
    // (3 + 4 + 2) * 100 / (14 * 100): weight 5 at credit 0.
    assert_eq!(result.percent, Some(64));
    let plan: Vec<(&str, bool)> = result
        .recommendations
        .iter()
        .map(|r| (r.item.as_str(), r.unknown))
        .collect();
    assert_eq!(plan, [("committee-deliberates", true)]);
    assert!(!checklist.asks_why_not(&answers, "committee-deliberates"));
}

#[test]
fn comparison_names_improved_and_worsened_items() {
    let checklist = checklist();
    let mut before = with_size(&checklist, "50plus");
    answer(&checklist, &mut before, "policy-statement", "no");
    answer(&checklist, &mut before, "policy-plan", "yes");
    let mut after = before.clone();
    answer(&checklist, &mut after, "policy-statement", "yes");
    answer(&checklist, &mut after, "policy-plan", "partly");
    let comparison = checklist.compare(&before, &after);
    assert_eq!(comparison.improved, ["policy-statement"]);
    assert_eq!(comparison.worsened, ["policy-plan"]);
    assert_eq!(comparison.areas[0].percent_before, Some(57));
    assert_eq!(comparison.areas[0].percent_after, Some(71));
}

#[test]
fn the_size_answer_tells_a_small_workplace() {
    let checklist = checklist();
    assert_eq!(
        checklist.small_workplace(&ChecklistAnswers::default()),
        None
    );
    assert_eq!(
        checklist.small_workplace(&with_size(&checklist, "50plus")),
        Some(false)
    );
    assert_eq!(
        checklist.small_workplace(&with_size(&checklist, "under10")),
        Some(true)
    );
    assert_eq!(
        checklist.small_workplace(&with_size(&checklist, "10to49")),
        Some(true)
    );
}

#[test]
fn scores_are_the_result_without_the_plan() {
    let checklist = checklist();
    let mut answers = with_size(&checklist, "10to49");
    for (n, (_, item)) in checklist.items().enumerate() {
        let choice = ["yes", "partly", "no", "na"][n % 4];
        answer(&checklist, &mut answers, &item.id, choice);
    }
    let full = checklist.result(&answers, TODAY);
    assert!(!full.recommendations.is_empty());
    let scores = checklist.scores(&answers);
    assert!(scores.recommendations.is_empty());
    assert_eq!(
        ChecklistResult {
            recommendations: Vec::new(),
            ..full
        },
        scores
    );
}

#[test]
fn a_valid_pack_knows_its_item_ids() {
    let pack = load_pack(include_bytes!("../../../../tests/data/checklist/pack.json")).unwrap();
    let checklist = checklist();
    for (_, item) in checklist.items() {
        assert!(pack.has_checklist_item(&item.id), "{}", item.id);
    }
    assert!(!pack.has_checklist_item("no-such-item"));
    assert!(!pack.has_checklist_item(""));
    // The first unknown id of a list, whatever its order (a file's answers come in key
    // order, walked once; any other order is looked up id by id).
    let mut ids: Vec<String> = checklist.items().map(|(_, item)| item.id.clone()).collect();
    ids.sort();
    assert_eq!(pack.unknown_checklist_item(&ids), None, "sorted");
    ids.reverse();
    assert_eq!(pack.unknown_checklist_item(&ids), None, "reversed");
    for unknown in ["", "zzz", "no-such-item", "a"] {
        let mut with: Vec<String> = ids.clone();
        with.push(unknown.to_string());
        with.sort();
        assert_eq!(
            pack.unknown_checklist_item(&with).map(String::as_str),
            Some(unknown),
            "{unknown} among the sorted ids"
        );
        with.reverse();
        assert_eq!(
            pack.unknown_checklist_item(&with).map(String::as_str),
            Some(unknown),
            "{unknown} among the reversed ids"
        );
    }
}

#[test]
fn a_dont_know_answer_with_credit_or_a_second_one_is_refused_with_its_path() {
    let pack = include_str!("../../../../tests/data/checklist/pack.json");
    let bad = pack
        .replace(
            r#""credit": 0, "unknown": true"#,
            r#""credit": 50, "unknown": true"#,
        )
        .replace(r#""credit": null}"#, r#""credit": 0, "unknown": true}"#);
    let diagnostics = load_pack(bad.as_bytes()).unwrap_err();
    let found: Vec<(&str, &str)> = diagnostics
        .iter()
        .map(|d| (d.code.as_str(), d.path.as_str()))
        .collect();
    assert!(
        found.contains(&("out_of_range", "/kit/scale/3/credit")),
        "{found:?}"
    );
    assert!(
        found.contains(&("duplicate_id", "/kit/scale/4/unknown")),
        "{found:?}"
    );
}

/// The test pack with `committee-large-only` asked only when the committee deliberates
/// on the answers `any_of` (a JSON list) of the item `on`.
fn with_dependency(
    any_of: &str,
    on: &str,
) -> Result<crate::load::ValidPack, Vec<crate::Diagnostic>> {
    let pack = include_str!("../../../../tests/data/checklist/pack.json").replace(
        r#""applies_if": {"is": {"question": "size", "any_of": ["50plus"]}}, "sources""#,
        &format!(
            r#""applies_if": {{"is": {{"question": "size", "any_of": ["50plus"]}}}}, "depends_on": {{"item": "{on}", "any_of": {any_of}}}, "sources""#
        ),
    );
    load_pack(pack.as_bytes())
}

#[test]
fn a_dependent_item_is_hidden_and_leaves_score_coverage_and_plan_when_the_answer_rules_it_out() {
    let pack = with_dependency(r#"["yes", "partly"]"#, "committee-deliberates").unwrap();
    let checklist = pack.content::<Checklist>().unwrap();
    let dependent = checklist.item("committee-large-only").unwrap();
    let mut answers = with_size(checklist, "50plus");
    assert!(
        checklist.item_applies(dependent, &answers),
        "asked while the deciding item is unanswered"
    );
    answer(checklist, &mut answers, "committee-large-only", "no");
    answer(checklist, &mut answers, "committee-deliberates", "partly");
    assert!(checklist.item_applies(dependent, &answers));
    assert_eq!(checklist.result(&answers, TODAY).applicable, 4);

    answer(checklist, &mut answers, "committee-deliberates", "no");
    assert!(!checklist.item_applies(dependent, &answers));
    let result = checklist.result(&answers, TODAY);
    assert_eq!((result.answered, result.applicable), (1, 3));
    assert!(result
        .recommendations
        .iter()
        .all(|r| r.item != "committee-large-only"));
    // Hidden by the profile first: a small workplace is never asked either.
    let small = with_size(checklist, "10to49");
    assert!(!checklist.item_applies(dependent, &small));
}

#[test]
fn dependencies_on_a_missing_item_or_answer_or_in_a_circle_are_refused_with_codes() {
    let codes = |result: Result<crate::load::ValidPack, Vec<crate::Diagnostic>>| {
        result
            .unwrap_err()
            .iter()
            .map(|d| format!("{} {}", d.code.as_str(), d.path))
            .collect::<Vec<_>>()
    };
    let found = codes(with_dependency(r#"["maybe"]"#, "no-such-item"));
    assert!(
        found.contains(&"unknown_ref /kit/areas/1/items/1/depends_on/item".to_string()),
        "{found:?}"
    );
    assert!(
        found.contains(&"unknown_ref /kit/areas/1/items/1/depends_on/any_of/0".to_string()),
        "{found:?}"
    );
    let found = codes(with_dependency(r#"["yes"]"#, "committee-large-only"));
    assert!(
        found.contains(&"dependency_cycle /kit/areas/1/items/1/depends_on/item".to_string()),
        "{found:?}"
    );
    let found = codes(with_dependency(r#"[]"#, "committee-deliberates"));
    assert!(
        found.contains(&"empty_list /kit/areas/1/items/1/depends_on/any_of".to_string()),
        "{found:?}"
    );

    // A circle of two: committee-deliberates depends on committee-large-only and back.
    let pack = include_str!("../../../../tests/data/checklist/pack.json")
        .replace(
            r#""applies_if": {"is": {"question": "size", "any_of": ["50plus"]}}, "sources""#,
            r#""applies_if": {"is": {"question": "size", "any_of": ["50plus"]}}, "depends_on": {"item": "committee-deliberates", "any_of": ["yes"]}, "sources""#,
        )
        .replacen(
            r#""id": "committee-deliberates","#,
            r#""id": "committee-deliberates", "depends_on": {"item": "committee-large-only", "any_of": ["yes"]},"#,
            1,
        );
    let found = codes(load_pack(pack.as_bytes()));
    assert!(
        found
            .iter()
            .filter(|f| f.starts_with("dependency_cycle"))
            .count()
            == 2,
        "{found:?}"
    );
}

#[test]
fn a_large_workplace_without_a_committee_gets_the_legal_duty_finding_and_a_small_one_does_not() {
    let checklist = checklist();
    let profile = |size: &str, committee: &str| {
        let mut answers = with_size(&checklist, size);
        checklist
            .apply(
                &mut answers,
                &ChecklistAction::SetProfile {
                    question: "has-committee".into(),
                    choice: committee.into(),
                },
            )
            .unwrap();
        checklist.result(&answers, TODAY).consistency
    };
    assert_eq!(profile("50plus", "no"), ["committee-required"]);
    assert!(profile("50plus", "yes").is_empty());
    assert!(profile("10to49", "no").is_empty());
    let mut answers = with_size(&checklist, "50plus");
    answers.profile.insert("has-committee".into(), "no".into());
    assert_eq!(
        checklist.plan_draft(&answers, 5, TODAY).consistency,
        ["committee-required"]
    );
}

#[test]
fn advice_and_where_to_ask_are_tailored_to_the_size_band() {
    let checklist = checklist();
    let item = checklist.item("policy-plan").unwrap();
    let large = with_size(&checklist, "50plus");
    let small = with_size(&checklist, "10to49");
    assert_eq!(
        checklist.item_recommendation(item, &large).ja,
        "衛生委員会で計画を審議する"
    );
    assert_eq!(
        checklist.item_recommendation(item, &small).ja,
        "労働者の意見を聴いて計画を作る"
    );
    // A field the matching advice leaves out falls back to the item's own.
    assert_eq!(checklist.item_why(item, &large).ja, "理由");
    assert_eq!(
        checklist.item_why(item, &small).ja,
        "小規模でも計画が要る理由"
    );
    assert_eq!(checklist.item_evidence(item, &small).ja, "計画書");
    assert_eq!(checklist.item_helpers(item, &large), ["center"]);
    assert_eq!(checklist.item_helpers(item, &small), ["chiiki", "center"]);
    // Without a size answer no advice holds: the item's own text and helpers.
    let unknown = ChecklistAnswers::default();
    assert_eq!(
        checklist.item_recommendation(item, &unknown).ja,
        "計画を作る"
    );
    assert!(checklist.item_helpers(item, &unknown).is_empty());
    // The action plan carries the tailored helpers.
    let mut answers = small.clone();
    answer(&checklist, &mut answers, "policy-plan", "no");
    let result = checklist.result(&answers, TODAY);
    assert_eq!(result.recommendations[0].helpers, ["chiiki", "center"]);
}

#[test]
fn a_helper_that_does_not_apply_is_left_out_even_when_advice_names_it() {
    let pack = include_str!("../../../../tests/data/checklist/pack.json").replace(
        r#""recommendation": {"ja": "衛生委員会で計画を審議する", "en": "Deliberate the plan in the health committee"}, "helpers": ["center"]"#,
        r#""recommendation": {"ja": "衛生委員会で計画を審議する", "en": "Deliberate the plan in the health committee"}, "helpers": ["chiiki", "center"]"#,
    );
    let pack = load_pack(pack.as_bytes()).unwrap();
    let checklist = pack
        .content::<Checklist>()
        .expect("the test pack is a checklist");
    let large = with_size(checklist, "50plus");
    let item = checklist.item("policy-plan").unwrap();
    assert_eq!(checklist.item_helpers(item, &large), ["center"]);
}

#[test]
fn advice_naming_an_unknown_helper_or_replacing_nothing_is_refused_with_its_path() {
    let pack = include_str!("../../../../tests/data/checklist/pack.json")
        .replace(
            r#""helpers": ["chiiki", "center"]}"#,
            r#""helpers": ["nobody"]}"#,
        )
        .replace(
            r#""advice": ["#,
            r#""advice": [{"when": {"is": {"question": "size", "any_of": ["under10"]}}},"#,
        );
    let found: Vec<String> = load_pack(pack.as_bytes())
        .unwrap_err()
        .iter()
        .map(|d| format!("{} {}", d.code.as_str(), d.path))
        .collect();
    assert!(
        found.contains(&"unknown_ref /kit/areas/0/items/1/advice/2/helpers/0".to_string()),
        "{found:?}"
    );
    assert!(
        found.contains(&"empty_list /kit/areas/0/items/1/advice/0".to_string()),
        "{found:?}"
    );
}

#[test]
fn the_quick_scan_asks_legal_duties_first_and_keeps_its_answers_for_the_full_audit() {
    let checklist = checklist();
    let mut large = with_size(&checklist, "50plus");
    let ids = |answers: &ChecklistAnswers| -> Vec<String> {
        checklist
            .quick_scan_items(answers, TODAY)
            .iter()
            .map(|i| i.id.clone())
            .collect()
    };
    // committee-deliberates is a legal duty at 50+ only: first there, in pack order below 50.
    assert_eq!(
        ids(&large),
        ["committee-deliberates", "policy-plan", "policy-statement"]
    );
    let small = with_size(&checklist, "10to49");
    assert_eq!(
        ids(&small),
        ["policy-plan", "committee-deliberates", "policy-statement"]
    );
    assert_eq!(checklist.expected_minutes(3), 2, "3 × 30 s, rounded up");
    assert_eq!(checklist.expected_minutes(0), 0);

    answer(&checklist, &mut large, "committee-deliberates", "no");
    answer(&checklist, &mut large, "policy-plan", "partly");
    answer(&checklist, &mut large, "policy-statement", "yes");
    let quick = checklist.quick_scan_result(&large, TODAY);
    assert_eq!(quick.answered, 3);
    let actions: Vec<(&str, usize)> = quick
        .actions
        .iter()
        .map(|a| (a.item.as_str(), a.rank))
        .collect();
    assert_eq!(actions, [("committee-deliberates", 1), ("policy-plan", 2)]);
    // The full audit goes on from the same answers: only the item outside the scan is left.
    assert_eq!(quick.remaining, 1);
    assert_eq!(quick.remaining_minutes, 1);
    assert_eq!(checklist.result(&large, TODAY).answered, 3);
}

#[test]
fn a_quick_scan_naming_an_unknown_or_repeated_item_or_too_many_actions_is_refused() {
    let pack = include_str!("../../../../tests/data/checklist/pack.json").replace(
        r#""quick_scan": {"items": ["policy-plan", "committee-deliberates", "policy-statement"], "actions": 3}"#,
        r#""quick_scan": {"items": ["policy-plan", "nothing", "policy-plan"], "actions": 7}"#,
    );
    let found: Vec<String> = load_pack(pack.as_bytes())
        .unwrap_err()
        .iter()
        .map(|d| format!("{} {}", d.code.as_str(), d.path))
        .collect();
    for expected in [
        "unknown_ref /kit/quick_scan/items/1",
        "duplicate_id /kit/quick_scan/items/2",
        "out_of_range /kit/quick_scan/actions",
    ] {
        assert!(found.contains(&expected.to_string()), "{found:?}");
    }
}

#[test]
fn the_draft_plan_is_part_of_the_answers_and_an_unknown_section_is_refused() {
    let checklist = checklist();
    let mut answers = with_size(&checklist, "10to49");
    let set = |section: &str, text: Option<&str>| ChecklistAction::SetPlanSection {
        section: section.into(),
        text: text.map(str::to_string),
    };
    checklist
        .apply(
            &mut answers,
            &set("policy", Some("当社は心の健康づくりに取り組みます。")),
        )
        .unwrap();
    assert_eq!(
        answers.plan["policy"],
        "当社は心の健康づくりに取り組みます。"
    );
    let before = answers.clone();
    assert!(checklist
        .apply(&mut answers, &set("appendix", Some("x")))
        .is_err());
    assert_eq!(answers, before, "a refused action changes nothing");
    let long = "あ".repeat(MAX_PLAN_SECTION_CHARS + 5);
    checklist
        .apply(&mut answers, &set("evaluation", Some(&long)))
        .unwrap();
    assert_eq!(
        answers.plan["evaluation"].chars().count(),
        MAX_PLAN_SECTION_CHARS
    );
    checklist
        .apply(&mut answers, &set("evaluation", None))
        .unwrap();
    assert!(!answers.plan.contains_key("evaluation"));
    // The plan goes out with the record and comes back.
    let json = serde_json::to_string(&answers).unwrap();
    assert!(json.contains("\"plan\":{\"policy\""));
    let again: ChecklistAnswers = serde_json::from_str(&json).unwrap();
    assert_eq!(again, answers);
    // A record without a plan (older files) reads as an empty plan.
    let older: ChecklistAnswers = serde_json::from_str(r#"{"profile":{"size":"10to49"}}"#).unwrap();
    assert!(older.plan.is_empty());
}

#[test]
fn the_draft_plan_document_has_a_heading_per_section_and_keeps_typed_text_plain() {
    let document = plan_document(
        crate::text::Lang::Ja,
        "心の健康づくり計画（案）",
        &[
            ("方針".into(), "一行目\n**二行目**".into()),
            ("体制".into(), String::new()),
        ],
    );
    let text = crate::document::to_text(&document);
    assert!(text.contains("方針"), "{text}");
    assert!(
        text.contains("**二行目**"),
        "typed text is not read as markup: {text}"
    );
    let headings: Vec<u8> = document
        .blocks
        .iter()
        .filter_map(|b| match b {
            crate::document::Block::Heading { level, .. } => Some(*level),
            _ => None,
        })
        .collect();
    assert_eq!(headings, [1, 2, 2]);
    assert_eq!(&crate::document::to_docx(&document)[..2], b"PK");
}

#[test]
fn action_plan_goals_are_worded_as_goals_for_the_profile_and_fall_back_to_the_statement() {
    let checklist = checklist();
    let large = with_size(&checklist, "50plus");
    let small = with_size(&checklist, "10to49");
    let committee = checklist.item("committee-deliberates").unwrap();
    assert_eq!(
        checklist.item_goal(committee, &large).ja,
        "衛生委員会で審議する"
    );
    assert_eq!(
        checklist.item_goal(committee, &small).ja,
        "労働者の意見を聴く"
    );
    assert_eq!(
        checklist.item_goal(committee, &small).en.as_deref(),
        Some("Hear the workers")
    );
    // An item without a goal reads its statement.
    let attends = checklist.item("committee-large-only").unwrap();
    assert_eq!(
        checklist.item_goal(attends, &large).ja,
        "産業医が出席している"
    );
}

#[test]
fn a_wording_without_a_goal_on_an_item_with_one_is_warned_with_its_path() {
    let pack = include_str!("../../../../tests/data/checklist/pack.json").replace(
        r#", "goal": {"ja": "労働者の意見を聴く", "en": "Hear the workers"}"#,
        "",
    );
    let loaded = load_pack(pack.as_bytes()).expect("a warning keeps the pack usable");
    let found: Vec<String> = loaded
        .warnings()
        .iter()
        .map(|d| format!("{} {}", d.code.as_str(), d.path))
        .collect();
    assert_eq!(found, ["missing_goal /kit/areas/1/items/0/variants/0"]);
}

#[test]
fn comparison_marks_each_item_and_area_better_worse_or_new() {
    let checklist = checklist();
    let mut before = with_size(&checklist, "50plus");
    answer(&checklist, &mut before, "policy-statement", "no");
    answer(&checklist, &mut before, "policy-plan", "yes");
    answer(&checklist, &mut before, "committee-deliberates", "na");
    let mut after = before.clone();
    answer(&checklist, &mut after, "policy-statement", "yes");
    answer(&checklist, &mut after, "policy-plan", "partly");
    // Answered "not applicable" last time, in place now; never answered before.
    answer(&checklist, &mut after, "committee-deliberates", "yes");
    answer(&checklist, &mut after, "committee-large-only", "no");
    let comparison = checklist.compare(&before, &after);
    assert_eq!(
        comparison.new,
        ["committee-deliberates", "committee-large-only"]
    );
    assert_eq!(
        comparison.item_change("policy-statement"),
        Some(Change::Better)
    );
    assert_eq!(comparison.item_change("policy-plan"), Some(Change::Worse));
    assert_eq!(
        comparison.item_change("committee-large-only"),
        Some(Change::New)
    );
    // Policy went 57% → 71%; the committee area had no score before.
    assert_eq!(comparison.area_change("policy"), Some(Change::Better));
    assert_eq!(comparison.area_change("committee"), Some(Change::New));
    // The same answers both times: nothing to highlight.
    let same = checklist.compare(&after, &after);
    assert!(same.improved.is_empty() && same.worsened.is_empty() && same.new.is_empty());
    assert!(same.areas.iter().all(|a| a.change.is_none()));
}

#[test]
fn reasons_are_kept_in_the_packs_order_whatever_order_they_are_ticked_in() {
    let checklist = checklist();
    let mut answers = with_size(&checklist, "50plus");
    answer(&checklist, &mut answers, "policy-plan", "no");
    let toggle = |answers: &mut ChecklistAnswers, reason: &str| {
        checklist
            .apply(
                answers,
                &ChecklistAction::ToggleWhyNot {
                    item: "policy-plan".into(),
                    reason: reason.into(),
                },
            )
            .unwrap();
    };
    for reason in ["other", "cost", "no_staff"] {
        toggle(&mut answers, reason);
    }
    assert_eq!(
        answers.items["policy-plan"].why_not,
        ["no_staff", "cost", "other"]
    );
    toggle(&mut answers, "cost");
    assert_eq!(answers.items["policy-plan"].why_not, ["no_staff", "other"]);
    toggle(&mut answers, "cost");
    assert_eq!(
        answers.items["policy-plan"].why_not,
        ["no_staff", "cost", "other"]
    );
}
