//! Every committed content pack parses, validates without errors or warnings, round-trips
//! through the Rust types, and holds what its kit promises.

use kizuki_core::kind::checklist::Checklist;
use kizuki_core::kind::plan::Plan;
use kizuki_core::stats::pack_stats;
use kizuki_core::{load_pack, Pack, ValidPack};

use crate::repo_root;

fn committed_packs() -> Vec<(String, Vec<u8>)> {
    let mut packs: Vec<(String, Vec<u8>)> = std::fs::read_dir(repo_root().join("content"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&path).unwrap())
        })
        .collect();
    packs.sort();
    packs
}

fn load(name: &str) -> ValidPack {
    let bytes = std::fs::read(repo_root().join("content").join(name)).unwrap();
    load_pack(&bytes).unwrap_or_else(|d| panic!("{name}: {d:#?}"))
}

#[test]
fn every_committed_pack_validates_without_errors_or_warnings() {
    let packs = committed_packs();
    assert!(packs.len() >= 3, "the three kits' packs are committed");
    for (name, bytes) in packs {
        let pack = load_pack(&bytes).unwrap_or_else(|d| panic!("{name}: {d:#?}"));
        assert!(pack.warnings().is_empty(), "{name}: {:#?}", pack.warnings());
        assert_eq!(
            format!("{}.json", pack.pack().id),
            name,
            "file named after its pack id"
        );
    }
}

#[test]
fn every_committed_pack_round_trips_through_the_types() {
    for (name, bytes) in committed_packs() {
        let pack: Pack = serde_json::from_slice(&bytes).unwrap();
        let again: Pack = serde_json::from_str(&serde_json::to_string(&pack).unwrap()).unwrap();
        assert_eq!(pack, again, "{name}");
    }
}

#[test]
fn the_checklist_covers_twelve_areas_and_fifty_items_all_sourced_and_translated() {
    let stats = pack_stats(load("mh-checklist.json").pack());
    assert!(stats.areas >= 12, "{stats:?}");
    assert!(stats.items >= 50, "{stats:?}");
    assert_eq!((stats.missing_sources, stats.missing_english), (0, 0));
}

/// The under-50 stress check duty's date is written once in the pack (issue 17).
#[test]
fn the_checklist_dates_the_small_workplace_stress_check_duty_once() {
    let text = std::fs::read_to_string(repo_root().join("content/mh-checklist.json")).unwrap();
    assert_eq!(text.matches("\"latest\"").count(), 1);
    let stats = pack_stats(load("mh-checklist.json").pack());
    let latest: Vec<&str> = stats
        .dated_rules
        .iter()
        .filter_map(|d| d.in_force.latest.as_deref())
        .collect();
    assert_eq!(latest, ["2028-05-13"]);
}

#[test]
fn the_checklist_asks_different_items_of_a_small_and_a_large_workplace() {
    let pack = load("mh-checklist.json");
    let Some(checklist) = pack.content::<Checklist>() else {
        panic!("not a checklist")
    };
    let applicable = |size: &str| {
        let mut answers = kizuki_core::kind::checklist::ChecklistAnswers::default();
        answers.profile.insert("size".into(), size.into());
        answers.profile.insert("committee".into(), "no".into());
        checklist
            .items()
            .filter(|(_, item)| checklist.item_applies(item, &answers))
            .map(|(_, item)| item.id.clone())
            .collect::<std::collections::BTreeSet<_>>()
    };
    let (small, large) = (applicable("10to49"), applicable("50plus"));
    assert!(small.difference(&large).next().is_some());
    assert!(large.difference(&small).next().is_some());
}

#[test]
fn without_a_stress_check_its_consent_interview_and_group_items_are_hidden_and_not_planned() {
    let pack = load("mh-checklist.json");
    let Some(checklist) = pack.content::<Checklist>() else {
        panic!("not a checklist")
    };
    let dependent = ["sc-consent", "sc-interview", "sc-group"];
    let planned_with = |stress_check: &str| {
        let mut answers = kizuki_core::kind::checklist::ChecklistAnswers::default();
        answers.profile.insert("size".into(), "10to49".into());
        for (_, item) in checklist.items() {
            let choice = if item.id == "sc-annual" {
                stress_check
            } else {
                "no"
            };
            answers.items.insert(
                item.id.clone(),
                kizuki_core::kind::checklist::ItemAnswer {
                    choice: Some(choice.into()),
                    ..Default::default()
                },
            );
        }
        let shown: Vec<bool> = dependent
            .iter()
            .map(|id| checklist.item_applies(checklist.item(id).unwrap(), &answers))
            .collect();
        let result = checklist.result(&answers, "2026-12-06");
        let planned = dependent
            .iter()
            .filter(|id| result.recommendations.iter().any(|r| r.item == **id))
            .count();
        (shown, planned)
    };
    assert_eq!(planned_with("no"), (vec![false; 3], 0));
    assert_eq!(planned_with("partly"), (vec![true; 3], 3));
}

#[test]
fn fifty_or_more_workers_without_a_doctor_or_committee_are_told_both_are_legal_duties() {
    let pack = load("mh-checklist.json");
    let Some(checklist) = pack.content::<Checklist>() else {
        panic!("not a checklist")
    };
    let findings = |size: &str| {
        let mut answers = kizuki_core::kind::checklist::ChecklistAnswers::default();
        answers.profile.insert("size".into(), size.into());
        answers.profile.insert("sangyoi".into(), "no".into());
        answers.profile.insert("committee".into(), "no".into());
        checklist.result(&answers, "2026-12-06").consistency
    };
    assert_eq!(
        findings("50plus"),
        ["sangyoi-required-50plus", "committee-required-50plus"]
    );
    assert!(findings("10to49").is_empty());
    for check in &checklist.consistency {
        assert!(
            check.finding.ja.contains("法令上の義務です"),
            "{}",
            check.id
        );
    }
}

#[test]
fn the_course_has_eight_modules_with_scenarios_and_five_questions_each() {
    let stats = pack_stats(load("linecare.json").pack());
    assert!(stats.modules >= 8, "{stats:?}");
    let harassment = stats
        .per_module
        .iter()
        .find(|m| m.id == "m8-harassment")
        .expect("the harassment module");
    assert!(
        harassment.lessons >= 3 && harassment.scenarios >= 1,
        "{harassment:?}"
    );
    assert!(harassment.quiz_questions >= 6, "{harassment:?}");
    for module in &stats.per_module {
        assert!(module.scenarios >= 1, "{module:?}");
        assert!(module.quiz_questions >= 5, "{module:?}");
    }
    assert_eq!(stats.options_without_feedback, 0);
    assert_eq!((stats.missing_sources, stats.missing_english), (0, 0));
    assert_eq!(
        stats.fact_blocks_unsourced, 0,
        "every lesson block cites its own"
    );
    let blocks: usize = stats.per_module.iter().map(|m| m.lesson_blocks).sum();
    assert_eq!(stats.fact_blocks, blocks);
}

#[test]
fn the_planner_has_the_five_steps_and_both_documents() {
    let pack = load("return-to-work.json");
    let Some(plan) = pack.content::<Plan>() else {
        panic!("not a plan")
    };
    assert_eq!(plan.steps.len(), 5);
    let stats = pack_stats(pack.pack());
    assert_eq!(
        stats.fact_blocks_unsourced, 0,
        "every field with help cites its own"
    );
    assert_eq!(
        stats.fact_blocks,
        plan.fields.iter().filter(|f| f.help.is_some()).count()
    );
    for document in ["return-plan", "info-request-letter"] {
        assert!(
            plan.documents.iter().any(|d| d.id == document),
            "{document}"
        );
    }
}

#[test]
fn the_default_directory_validates() {
    let bytes = std::fs::read(repo_root().join("content/directory/default.json")).unwrap();
    let directory =
        kizuki_core::directory::load_directory(&bytes).unwrap_or_else(|d| panic!("{d:#?}"));
    assert!(directory.resources.iter().any(|r| r.small_workplaces_only));
    assert_eq!(
        directory.directory_format,
        kizuki_core::directory::DIRECTORY_FORMAT
    );
    let warnings = kizuki_core::directory::check_directory(&bytes);
    assert!(warnings.is_empty(), "{warnings:#?}");
    assert!(directory.resources.iter().all(|r| r.source.is_some()));
}

/// The two walk-throughs of issue #15: a 30-person owner without a 産業医 or committee, and a
/// 120-person company with a 産業医, a committee and an EAP.
fn walk_through_profiles() -> [(&'static str, [(&'static str, &'static str); 5]); 2] {
    [
        (
            "30-person",
            [
                ("size", "10to49"),
                ("sangyoi", "no"),
                ("committee", "no"),
                ("oh_staff", "no"),
                ("eap", "no"),
            ],
        ),
        (
            "120-person",
            [
                ("size", "50plus"),
                ("sangyoi", "yes"),
                ("committee", "yes"),
                ("oh_staff", "no"),
                ("eap", "yes"),
            ],
        ),
    ]
}

#[test]
fn a_120_person_workplace_is_never_routed_to_the_regional_center_and_a_30_person_one_is() {
    let pack = load("mh-checklist.json");
    let Some(checklist) = pack.content::<Checklist>() else {
        panic!("not a checklist")
    };
    let mut routed = std::collections::BTreeMap::new();
    for (name, profile) in walk_through_profiles() {
        let mut answers = kizuki_core::kind::checklist::ChecklistAnswers::default();
        for (question, choice) in profile {
            answers.profile.insert(question.into(), choice.into());
        }
        let mut mentions = Vec::new();
        let mut helpers = 0;
        for (_, item) in checklist
            .items()
            .filter(|(_, item)| checklist.item_applies(item, &answers))
        {
            for text in [
                checklist.item_text(item, &answers),
                checklist.item_why(item, &answers),
                checklist.item_recommendation(item, &answers),
            ] {
                if text.ja.contains("地域産業保健センター") {
                    mentions.push(item.id.clone());
                }
            }
            if checklist
                .item_helpers(item, &answers)
                .iter()
                .any(|h| h == "chiiki-center")
            {
                helpers += 1;
            }
        }
        routed.insert(name, (mentions, helpers));
    }
    let (large_mentions, large_helpers) = &routed["120-person"];
    assert!(large_mentions.is_empty(), "{large_mentions:?}");
    assert_eq!(*large_helpers, 0);
    let (small_mentions, small_helpers) = &routed["30-person"];
    assert!(small_mentions.iter().any(|id| id == "doctor-secured"));
    assert!(*small_helpers > 5, "{small_helpers}");
}

/// Action-plan goals and the draft plan's 重点取組 read as goals (「…を把握する」), not as
/// the checklist's statements of fact (「…を把握している」): every item and every profile
/// wording of the committed checklists (the workplace's and the provider one) words its goal.
#[test]
fn every_checklist_item_and_wording_has_a_goal_worded_as_a_goal() {
    for (name, at_least) in [("mh-checklist.json", 80), ("provider-checklist.json", 80)] {
        let pack = load(name);
        let Some(checklist) = pack.content::<Checklist>() else {
            panic!("{name}: not a checklist")
        };
        assert!(goals_checked(checklist) >= at_least, "{name}");
    }
}

fn goals_checked(checklist: &kizuki_core::kind::checklist::Checklist) -> usize {
    let mut checked = 0;
    for (_, item) in checklist.items() {
        let wordings = std::iter::once((&item.text, item.goal.as_ref()))
            .chain(item.variants.iter().map(|v| (&v.text, v.goal.as_ref())));
        for (statement, goal) in wordings {
            let goal = goal.unwrap_or_else(|| panic!("{}: no goal", item.id));
            assert_ne!(goal.ja, statement.ja, "{}", item.id);
            for fact in ["ている。", "ている", "ています。", "ある。"] {
                assert!(!goal.ja.ends_with(fact), "{}: {}", item.id, goal.ja);
            }
            assert!(
                goal.en.as_deref().is_some_and(|en| !en.is_empty()),
                "{}",
                item.id
            );
            checked += 1;
        }
    }
    checked
}

/// A recommendation says what to do: the action plan and the draft 心の健康づくり計画 list it.
/// Which answer to choose (「該当しない」) is the question's hint (`answer_hint`), shown only
/// while answering: two recommendations told the person to answer 「該当しない」, and that read
/// oddly in the draft plan.
#[test]
fn no_checklist_recommendation_tells_which_answer_to_choose() {
    for name in ["mh-checklist.json", "provider-checklist.json"] {
        let pack = load(name);
        let Some(checklist) = pack.content::<Checklist>() else {
            panic!("{name}: not a checklist")
        };
        // The answers that take an item out of the score (「該当しない」).
        let answers: Vec<String> = checklist
            .scale
            .iter()
            .filter(|o| o.credit.is_none())
            .flat_map(|o| [Some(o.label.ja.clone()), o.label.en.clone()])
            .flatten()
            .collect();
        let mut hints = 0;
        for (_, item) in checklist.items() {
            let recommendations = std::iter::once(&item.recommendation)
                .chain(item.advice.iter().filter_map(|a| a.recommendation.as_ref()));
            for text in recommendations {
                for said in [Some(&text.ja), text.en.as_ref()].into_iter().flatten() {
                    for answer in &answers {
                        let quoted = [format!("「{answer}」"), format!("'{answer}'")];
                        assert!(
                            !quoted
                                .iter()
                                .any(|q| said.to_lowercase().contains(&q.to_lowercase())),
                            "{name}: {}: the recommendation names the answer {answer}: {said}",
                            item.id
                        );
                    }
                }
            }
            hints += usize::from(item.answer_hint.is_some());
        }
        if name == "mh-checklist.json" {
            assert!(!answers.is_empty(), "{name} has a 「該当しない」");
            assert!(hints >= 2, "the hints moved to the questions");
        }
    }
}

/// The tailored texts of the committed checklist for the two walk-throughs: every item whose
/// wording, why, evidence, recommendation or helpers differ between them, golden in
/// `tests/data/checklist/tailored-content.expected.json`.
#[test]
fn the_checklist_tailored_texts_match_their_golden_file() {
    let pack = load("mh-checklist.json");
    let Some(checklist) = pack.content::<Checklist>() else {
        panic!("not a checklist")
    };
    let mut out = serde_json::Map::new();
    let profiles: Vec<_> = walk_through_profiles()
        .into_iter()
        .map(|(name, profile)| {
            let mut answers = kizuki_core::kind::checklist::ChecklistAnswers::default();
            for (question, choice) in profile {
                answers.profile.insert(question.into(), choice.into());
            }
            (name, answers)
        })
        .collect();
    for (_, item) in checklist.items() {
        let views: Vec<serde_json::Value> = profiles
            .iter()
            .map(|(_, answers)| {
                if !checklist.item_applies(item, answers) {
                    return serde_json::Value::Null;
                }
                serde_json::json!({
                    "text": checklist.item_text(item, answers).ja,
                    "goal": checklist.item_goal(item, answers).ja,
                    "why": checklist.item_why(item, answers).ja,
                    "evidence": checklist.item_evidence(item, answers).ja,
                    "recommendation": checklist.item_recommendation(item, answers).ja,
                    "helpers": checklist.item_helpers(item, answers),
                })
            })
            .collect();
        if views[0] != views[1] {
            let mut both = serde_json::Map::new();
            for ((name, _), view) in profiles.iter().zip(views) {
                both.insert((*name).into(), view);
            }
            out.insert(item.id.clone(), both.into());
        }
    }
    crate::golden::check(
        &crate::golden::data_dir("checklist").join("tailored-content.expected.json"),
        &(serde_json::to_string_pretty(&out).unwrap() + "\n"),
    );
}

#[test]
fn the_checklist_quick_scan_asks_at_most_twelve_items_legal_duties_first_for_both_walk_throughs() {
    let pack = load("mh-checklist.json");
    let Some(checklist) = pack.content::<Checklist>() else {
        panic!("not a checklist")
    };
    for (name, profile) in walk_through_profiles() {
        let mut answers = kizuki_core::kind::checklist::ChecklistAnswers::default();
        for (question, choice) in profile {
            answers.profile.insert(question.into(), choice.into());
        }
        let items = checklist.quick_scan_items(&answers, "2026-12-06");
        assert!((10..=12).contains(&items.len()), "{name}: {}", items.len());
        let duties: Vec<bool> = items
            .iter()
            .map(|item| {
                checklist.item_obligation(item, &answers, "2026-12-06")
                    == kizuki_core::kind::checklist::Obligation::LegalDuty
            })
            .collect();
        assert!(duties[0], "{name}: a legal duty first");
        assert!(
            duties.windows(2).all(|w| w[0] || !w[1]),
            "{name}: no legal duty after a recommended item: {duties:?}"
        );
        assert!(checklist.expected_minutes(items.len()) <= 5, "{name}");
    }
}

/// Issue 16: nobody was behind the content. Every committed pack names who made it, its
/// licence and how to report an error; nobody has reviewed them yet, and the panel says so.
#[test]
fn every_committed_pack_says_who_made_it_its_licence_and_how_to_report_an_error() {
    use kizuki_core::about::about;
    use kizuki_core::Lang;
    for (name, bytes) in committed_packs() {
        let pack = load_pack(&bytes).unwrap();
        for lang in [Lang::Ja, Lang::En] {
            let panel = about(pack.pack(), "0.1.0", None, "", lang);
            assert!(panel.made_by.is_some(), "{name}");
            assert!(panel.licence.is_some(), "{name}");
            assert!(panel.report_errors.is_some(), "{name}");
            assert_eq!(panel.build_version, "0.1.0");
            assert_eq!(
                panel.content_as_of,
                kizuki_core::report::display_date(&pack.pack().content_as_of, lang)
            );
        }
    }
}

/// Japanese script (kana, CJK ideographs, full-width forms): an English section name holds none.
fn has_japanese_script(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(c, '\u{3000}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
    })
}

/// Every `{doc, section}` reference in a pack (kit, updates, anywhere), as written.
fn section_references(pack: &Pack) -> std::collections::BTreeSet<(String, String)> {
    fn walk(value: &serde_json::Value, refs: &mut std::collections::BTreeSet<(String, String)>) {
        match value {
            serde_json::Value::Object(map) => {
                if let (Some(doc), Some(section)) = (map.get("doc"), map.get("section")) {
                    refs.insert((
                        doc.as_str().unwrap().to_string(),
                        section.as_str().unwrap().to_string(),
                    ));
                }
                map.values().for_each(|v| walk(v, refs));
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| walk(v, refs)),
            _ => {}
        }
    }
    let mut refs = std::collections::BTreeSet::new();
    walk(&serde_json::to_value(pack).unwrap(), &mut refs);
    refs
}

/// Issue 16: the English view showed Japanese section references. Every committed pack
/// names every section it cites in English (its source document's `sections_en`), with no
/// Japanese script left in the name, and the Japanese view still shows the section as cited.
#[test]
fn every_committed_pack_names_every_cited_section_in_english() {
    use kizuki_core::Lang;
    for (name, bytes) in committed_packs() {
        let pack = load_pack(&bytes).unwrap();
        let pack = pack.pack();
        let refs = section_references(pack);
        assert!(!refs.is_empty(), "{name} cites nothing");
        let mut missing = Vec::new();
        for (doc, section) in &refs {
            let source = kizuki_core::pack::SourceRef {
                doc: doc.clone(),
                section: section.clone(),
            };
            let named = pack
                .sources
                .iter()
                .find(|d| &d.id == doc)
                .is_some_and(|d| d.sections_en.contains_key(section));
            let english = pack.section_label(&source, Lang::En);
            if !named || has_japanese_script(english) {
                missing.push(format!("{doc} {section} → {english}"));
            }
            assert_eq!(pack.section_label(&source, Lang::Ja), section);
        }
        assert!(
            missing.is_empty(),
            "{name}: no English name for {missing:#?}"
        );
    }
}

/// The other way round: an English section name nobody cites is a name left behind when a
/// reference was reworded, and would hide that the new wording has none.
#[test]
fn every_english_section_name_is_cited() {
    for (name, bytes) in committed_packs() {
        let pack = load_pack(&bytes).unwrap();
        let refs = section_references(pack.pack());
        for document in &pack.pack().sources {
            for section in document.sections_en.keys() {
                assert!(
                    refs.contains(&(document.id.clone(), section.clone())),
                    "{name}: {} {section} is named in English but never cited",
                    document.id
                );
            }
        }
    }
}
