//! Group analysis of stress self-check exports: the 判定図 means for the whole and each
//! group by sex, groups under 10 hidden in every breakdown, and no group under 10 singled
//! out by subtracting shown groups from a shown whole (a property over random workplaces).

use std::collections::BTreeMap;

use kizuki_core::aggregate::{aggregate, report_csv, Aggregation, ExportFile, Group};
use kizuki_core::export::{Export, KitState};
use kizuki_core::kind::questionnaire::aggregate::{
    group_report, group_report_csv, reference_mean, shown_groups,
};
use kizuki_core::kind::questionnaire::{Questionnaire, QuestionnaireAnswers};
use kizuki_core::{load_pack, Lang, ValidPack};
use proptest::prelude::*;

use crate::repo_root;

fn pack() -> ValidPack {
    load_pack(&std::fs::read(repo_root().join("content/bjsq-57.json")).unwrap()).unwrap()
}

/// A complete set of answers, varied by `seed` so no two files are the same.
fn answers(pack: &ValidPack, seed: usize, sex: &str, group: Option<&str>) -> QuestionnaireAnswers {
    let questionnaire = pack.content::<Questionnaire>().unwrap();
    let mut answers = QuestionnaireAnswers::default();
    answers.respondent.insert("sex".into(), sex.into());
    let mut state = seed as u64 * 2_654_435_761 + 1;
    for (_, item) in questionnaire.items() {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let digit = (state >> 33) % 4 + 1;
        answers.items.insert(item.id.clone(), digit.to_string());
    }
    answers.group = group.map(str::to_string);
    answers
}

fn export(pack: &ValidPack, answers: QuestionnaireAnswers) -> Vec<u8> {
    Export::new(pack, KitState::from(answers), "2026-12-06T00:00:00.000Z", 1)
        .to_json()
        .into_bytes()
}

/// 25 people: 12 men in 営業, 7 men in 製造, 3 men without a group, 3 women in 総務.
fn workplace(pack: &ValidPack) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let plan = [
        ("male", Some("営業"), 12),
        ("male", Some("製造"), 7),
        ("male", None, 3),
        ("female", Some("総務"), 3),
    ];
    let mut seed = 0;
    for (sex, group, count) in plan {
        for _ in 0..count {
            seed += 1;
            files.push((
                format!("{seed}.json"),
                export(pack, answers(pack, seed, sex, group)),
            ));
        }
    }
    files
}

#[test]
fn a_group_of_25_shows_the_men_and_their_large_group_and_hides_the_group_of_7_and_the_women() {
    let pack = pack();
    let files = workplace(&pack);
    let refs: Vec<ExportFile<'_>> = files
        .iter()
        .map(|(n, b)| ExportFile { name: n, bytes: b })
        .collect();
    let report = group_report(&pack, &refs, None).unwrap();
    assert_eq!(
        (report.files_read, report.files_counted, report.min_group),
        (25, 25, 10)
    );
    let men = report
        .splits
        .iter()
        .find(|s| s.value.as_deref() == Some("male"))
        .unwrap();
    let women = report
        .splits
        .iter()
        .find(|s| s.value.as_deref() == Some("female"))
        .unwrap();
    assert_eq!(men.whole.shown().unwrap().n, 22);
    let group = |label: &str| men.groups.iter().find(|g| g.group == label).unwrap();
    assert_eq!(group("営業").figures.shown().unwrap().n, 12);
    assert!(matches!(
        group("製造").figures,
        Group::Hidden { min_group: 10 }
    ));
    assert!(women.whole.shown().is_none(), "3 women are too few to show");
    assert!(women.groups.iter().all(|g| g.figures.shown().is_none()));

    // The means are the plain means of the four 判定図 scales.
    let questionnaire = pack.content::<Questionnaire>().unwrap();
    let mut workload = 0;
    for seed in 1..=12 {
        let a = answers(&pack, seed, "male", Some("営業"));
        workload += questionnaire
            .measure_raw(&a, questionnaire.measure("workload").unwrap())
            .unwrap();
    }
    let shown = group("営業").figures.shown().unwrap();
    assert_eq!(
        shown.measures["workload"],
        (f64::from(workload) / 12.0 * 10.0).round() / 10.0
    );
    // The men's health risk of 営業, worked by hand from the people's raw values with the
    // men's figures cited in the pack (see `the_committed_packs_carry_the_cited_figures…`).
    let raw_mean = |id: &str| {
        let sum: i32 = (1..=12)
            .map(|seed| {
                let a = answers(&pack, seed, "male", Some("営業"));
                questionnaire
                    .measure_raw(&a, questionnaire.measure(id).unwrap())
                    .unwrap()
            })
            .sum();
        f64::from(sum) / 12.0
    };
    let demand =
        100.0 * ((raw_mean("workload") - 8.7) * 0.076 + (raw_mean("control") - 7.9) * -0.089).exp();
    let support = 100.0
        * ((raw_mean("supervisor") - 7.5) * -0.097 + (raw_mean("coworkers") - 8.1) * -0.097).exp();
    assert_eq!(shown.risk["demand-control"], demand.round());
    assert_eq!(shown.risk["support"], support.round());
    assert_eq!(shown.risk["total"], (demand * support / 100.0).round());

    // Subtraction: the men minus every shown men's group leaves 10 people (製造 and the
    // three without a group), never the 7 of 製造 alone.
    let rest = men.whole.shown().unwrap().n
        - men
            .groups
            .iter()
            .filter_map(|g| g.figures.shown())
            .map(|m| m.n)
            .sum::<usize>();
    assert_eq!(rest, 10);

    let csv = group_report_csv(questionnaire, &report);
    assert!(csv.starts_with('\u{feff}'), "UTF-8 with a byte-order mark");
    assert!(csv.contains("male,製造,hidden"), "{csv}");
    assert!(csv.contains("female,(all),hidden"), "{csv}");
}

#[test]
fn a_repeated_file_and_a_foreign_file_are_skipped_and_listed() {
    let pack = pack();
    let mut files = workplace(&pack);
    files.push(("again.json".into(), files[0].1.clone()));
    files.push(("notes.json".into(), b"not json".to_vec()));
    let refs: Vec<ExportFile<'_>> = files
        .iter()
        .map(|(n, b)| ExportFile { name: n, bytes: b })
        .collect();
    let report = group_report(&pack, &refs, None).unwrap();
    assert_eq!(report.files_counted, 25);
    let codes: Vec<&str> = report.invalid.iter().map(|i| i.code).collect();
    assert_eq!(codes, ["duplicate", "invalid_json"]);
}

/// The centers' generic aggregation (the page's summary and CSV, `kizuki aggregate`)
/// carries the same group analysis as the 判定図 view, with the same hiding.
#[test]
fn the_generic_aggregation_carries_the_group_analysis_and_writes_it_to_csv() {
    let pack = pack();
    let files = workplace(&pack);
    let refs: Vec<ExportFile<'_>> = files
        .iter()
        .map(|(n, b)| ExportFile { name: n, bytes: b })
        .collect();
    let report = aggregate(&pack, &refs, None).unwrap();
    assert_eq!((report.kind, report.files_valid), ("questionnaire", 25));
    let figures = report.figures::<Questionnaire>().unwrap();
    let groups = group_report(&pack, &refs, None).unwrap();
    assert_eq!(figures.splits, groups.splits);
    assert_eq!((figures.files_counted, figures.files_incomplete), (25, 0));
    let csv = report_csv(&pack, &report, Lang::Ja);
    let means = figures.splits[0].whole.shown().unwrap();
    let workload = format!(
        "集団分析（仕事のストレス判定図）,男性 / 全体,workload,{},平均（素点）,{:.1}",
        pack.content::<Questionnaire>()
            .unwrap()
            .measure("workload")
            .unwrap()
            .label
            .get(Lang::Ja),
        means.measures["workload"]
    );
    assert!(csv.contains(&workload), "{csv}");
    assert!(
        csv.contains("集団分析（仕事のストレス判定図）,男性 / 製造,,,人数,非表示"),
        "{csv}"
    );
    assert!(csv.contains("男性 / 営業,,,人数,12"), "{csv}");
    assert!(csv.contains("女性 / 全体,,,人数,非表示"), "{csv}");
    // The chart's scales in the pack's order, as the 判定図 reads them.
    let at = |id: &str| csv.find(&format!("男性 / 全体,{id},")).unwrap();
    assert!(at("workload") < at("control") && at("control") < at("supervisor"));
    assert!(at("supervisor") < at("coworkers"));
    // The same answers exported twice (another time, another revision) are one person.
    let mut again: serde_json::Value = serde_json::from_slice(&files[0].1).unwrap();
    again["revision"] = 2.into();
    again["saved_at"] = "2026-12-07T00:00:00.000Z".into();
    let again = serde_json::to_string(&again).unwrap();
    let mut with_again = refs.clone();
    with_again.push(ExportFile {
        name: "again.json",
        bytes: again.as_bytes(),
    });
    let report = aggregate(&pack, &with_again, None).unwrap();
    assert_eq!(report.files_valid, 25);
    assert_eq!(report.invalid[0].code, "duplicate");
}

/// The Technote's formula worked by hand (mental.m.u-tokyo.ac.jp/old/hanteizu/Technote.htm):
/// 健康リスク = 100 × exp((平均点 − A) × α + (平均点 − B) × β) for each chart, the total
/// their product ÷ 100. The coefficients here are made up so that the arithmetic is round
/// (the committed packs' own figures are worked by hand in the next test).
#[test]
fn a_health_risk_model_gives_the_technote_formula_worked_by_hand_from_the_exact_means() {
    let bytes = std::fs::read(repo_root().join("content/bjsq-57.json")).unwrap();
    let mut value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    let part = |id: &str, terms: serde_json::Value| serde_json::json!({"id": id, "label": {"ja": id, "en": id}, "terms": terms});
    value["kit"]["group_analysis"]["risk_models"] = serde_json::json!([{"when": "male", "parts": [
        part("demand-control", serde_json::json!([{"measure": "workload", "mean": 9.0, "coefficient": 0.1}, {"measure": "control", "mean": 8.0, "coefficient": -0.1}])),
        part("support", serde_json::json!([{"measure": "supervisor", "mean": 9.5, "coefficient": -0.1}, {"measure": "coworkers", "mean": 9.5, "coefficient": -0.1}]))
    ]}]);
    let pack = load_pack(&serde_json::to_vec(&value).unwrap()).unwrap();
    // 12 men: 5 answer そうだ / 非常に (1) to the 12 items of the four scales, so each scale
    // is 15 − 3 = 12; 7 answer まあそうだ / かなり (2), so each is 15 − 6 = 9. Every mean is
    // (5 × 12 + 7 × 9) / 12 = 10.25 (shown as 10.3).
    let chart_items = [
        "a1", "a2", "a3", "a8", "a9", "a10", "c1", "c4", "c7", "c2", "c5", "c8",
    ];
    let files: Vec<(String, Vec<u8>)> = (1..=12)
        .map(|seed| {
            let mut a = answers(&pack, seed, "male", None);
            let digit = if seed <= 5 { "1" } else { "2" };
            for item in chart_items {
                a.items.insert(item.into(), digit.into());
            }
            (format!("{seed}.json"), export(&pack, a))
        })
        .collect();
    let refs: Vec<ExportFile<'_>> = files
        .iter()
        .map(|(n, b)| ExportFile { name: n, bytes: b })
        .collect();
    let report = group_report(&pack, &refs, None).unwrap();
    assert_eq!(report.files_counted, 12);
    let men = report.splits[0].whole.shown().unwrap();
    assert_eq!(men.measures["workload"], 10.3);
    // 量–コントロール: (10.25 − 9) × 0.1 + (10.25 − 8) × −0.1 = 0.125 − 0.225 = −0.1;
    // 100 × e^−0.1 = 90.48 → 90.
    assert_eq!(men.risk["demand-control"], 90.0);
    // 職場の支援: (10.25 − 9.5) × −0.1 × 2 = −0.15; 100 × e^−0.15 = 86.07 → 86 (from the
    // rounded means 10.3 it would be e^−0.16 = 85.21 → 85: the exact means count).
    assert_eq!(men.risk["support"], 86.0);
    // 総合: 90.48 × 86.07 ÷ 100 = 100 × e^−0.25 = 77.88 → 78.
    assert_eq!(men.risk["total"], 78.0);
    // No model for women: their figures carry no risk (and 0 women are hidden anyway).
    assert!(report.splits[1].whole.shown().is_none());
}

/// The raw values 3–12 of a three-item chart scale (15 − the three answers) as answers:
/// the three digits that sum to 15 − `raw`.
fn scale_answers(raw: i32) -> [String; 3] {
    let sum = 15 - raw;
    let low = sum / 3;
    let high = sum - 2 * low;
    [low.to_string(), low.to_string(), high.to_string()]
}

/// People whose four chart scales are the given raw values, each list one person's
/// (workload, control, supervisor, coworkers).
fn chart_people(
    pack: &ValidPack,
    sex: &str,
    raws: &[[i32; 4]],
    first_seed: usize,
) -> Vec<(String, Vec<u8>)> {
    let scales: [[&str; 3]; 4] = [
        ["a1", "a2", "a3"],
        ["a8", "a9", "a10"],
        ["c1", "c4", "c7"],
        ["c2", "c5", "c8"],
    ];
    raws.iter()
        .enumerate()
        .map(|(index, raw)| {
            let seed = first_seed + index;
            let mut a = answers(pack, seed, sex, None);
            for (items, value) in scales.iter().zip(raw) {
                for (item, digit) in items.iter().zip(scale_answers(*value)) {
                    a.items.insert((*item).into(), digit);
                }
            }
            (format!("{sex}-{seed}.json"), export(pack, a))
        })
        .collect()
}

/// The committed packs (57 and 23 items) carry the national means and coefficients cited in
/// their notes (public implementations that agree; the Technote's table itself is unread):
/// men 量的負担 8.7 / 0.076, コントロール 7.9 / −0.089, 上司 7.5 / −0.097, 同僚 8.1 / −0.097;
/// women 7.9 / 0.048, 7.2 / −0.056, 6.6 / −0.097, 8.2 / −0.097. A group exactly at its
/// national means scores 100 on every chart; other groups follow the formula by hand.
#[test]
fn the_committed_packs_carry_the_cited_figures_and_a_group_at_the_national_means_scores_100() {
    for file in ["content/bjsq-57.json", "content/bjsq-23.json"] {
        let pack = load_pack(&std::fs::read(repo_root().join(file)).unwrap()).unwrap();
        let questionnaire = pack.content::<Questionnaire>().unwrap();
        let national = |sex: &str| {
            ["workload", "control", "supervisor", "coworkers"]
                .map(|id| reference_mean(questionnaire, Some(sex), id).unwrap())
        };
        assert_eq!(national("male"), [8.7, 7.9, 7.5, 8.1], "{file}");
        assert_eq!(national("female"), [7.9, 7.2, 6.6, 8.2], "{file}");

        // 10 men at the men's national means: workload (7 × 9 + 3 × 8) / 10 = 8.7, control
        // (9 × 8 + 7) / 10 = 7.9, supervisor (5 × 8 + 5 × 7) / 10 = 7.5, coworkers
        // (9 + 9 × 8) / 10 = 8.1. 10 women at the women's: (9 × 8 + 7) / 10 = 7.9,
        // (2 × 8 + 8 × 7) / 10 = 7.2, (6 × 7 + 4 × 6) / 10 = 6.6, (2 × 9 + 8 × 8) / 10 = 8.2.
        let column = |values: &[(i32, usize)]| -> Vec<i32> {
            values
                .iter()
                .flat_map(|&(v, n)| std::iter::repeat_n(v, n))
                .collect()
        };
        let people = |columns: [Vec<i32>; 4]| -> Vec<[i32; 4]> {
            (0..10)
                .map(|i| [columns[0][i], columns[1][i], columns[2][i], columns[3][i]])
                .collect()
        };
        let men = people([
            column(&[(9, 7), (8, 3)]),
            column(&[(8, 9), (7, 1)]),
            column(&[(8, 5), (7, 5)]),
            column(&[(9, 1), (8, 9)]),
        ]);
        let women = people([
            column(&[(8, 9), (7, 1)]),
            column(&[(8, 2), (7, 8)]),
            column(&[(7, 6), (6, 4)]),
            column(&[(9, 2), (8, 8)]),
        ]);
        let mut files = chart_people(&pack, "male", &men, 1);
        files.extend(chart_people(&pack, "female", &women, 100));
        let refs: Vec<ExportFile<'_>> = files
            .iter()
            .map(|(n, b)| ExportFile { name: n, bytes: b })
            .collect();
        let report = group_report(&pack, &refs, None).unwrap();
        assert_eq!(report.files_counted, 20, "{file}");
        for split in &report.splits {
            let whole = split.whole.shown().unwrap();
            for part in ["demand-control", "support", "total"] {
                assert_eq!(whole.risk[part], 100.0, "{file} {:?} {part}", split.value);
            }
        }

        // 12 men and 12 women whose every chart scale has the exact mean 10.25 (5 at 12,
        // 7 at 9). Men: 量–コントロール (10.25 − 8.7) × 0.076 + (10.25 − 7.9) × −0.089
        // = 0.1178 − 0.20915 = −0.09135, 100 × e^−0.09135 = 91.27 → 91; 職場の支援
        // (2.75 + 2.15) × −0.097 = −0.4753, 62.17 → 62; 総合 91.27 × 62.17 ÷ 100 = 56.74 → 57.
        // Women: (2.35 × 0.048) + (3.05 × −0.056) = −0.058, 94.36 → 94; (3.65 + 2.05) ×
        // −0.097 = −0.5529, 57.53 → 58; 総合 94.36 × 57.53 ÷ 100 = 54.29 → 54.
        let high: Vec<[i32; 4]> = (0..12)
            .map(|i| if i < 5 { [12; 4] } else { [9; 4] })
            .collect();
        let mut files = chart_people(&pack, "male", &high, 200);
        files.extend(chart_people(&pack, "female", &high, 300));
        let refs: Vec<ExportFile<'_>> = files
            .iter()
            .map(|(n, b)| ExportFile { name: n, bytes: b })
            .collect();
        let report = group_report(&pack, &refs, None).unwrap();
        let risk = |sex: &str| {
            let split = report
                .splits
                .iter()
                .find(|s| s.value.as_deref() == Some(sex))
                .unwrap();
            let whole = split.whole.shown().unwrap();
            assert_eq!(whole.measures["workload"], 10.3);
            [
                whole.risk["demand-control"],
                whole.risk["support"],
                whole.risk["total"],
            ]
        };
        assert_eq!(risk("male"), [91.0, 62.0, 57.0], "{file}");
        assert_eq!(risk("female"), [94.0, 58.0, 54.0], "{file}");
    }
}

/// Many exports streamed through the aggregation one at a time (each file made, added and
/// dropped): every shown figure equals a hand computation from the people's raw values,
/// every hiding follows the counts, and incomplete answers are counted apart.
#[test]
fn three_thousand_streamed_exports_give_the_figures_computed_by_hand() {
    let pack = pack();
    let questionnaire = pack.content::<Questionnaire>().unwrap();
    let chart = ["workload", "control", "supervisor", "coworkers"];
    let groups = [Some("営業"), Some("製造"), Some("総務"), Some("開発"), None];
    let mut aggregation = Aggregation::new(&pack, None).unwrap();
    // (sex, group) → (people, sum of each chart scale's raw value).
    type Cell = (usize, [i64; 4]);
    let mut by_hand: BTreeMap<(String, Option<String>), Cell> = BTreeMap::new();
    let mut incomplete = 0;
    let count = 3_000;
    for seed in 0..count {
        // Women are fewer; 開発 has few women, so their groups meet every hiding rule.
        let sex = if seed % 7 < 5 { "male" } else { "female" };
        let group = groups[(seed * 31 + seed / 7) % groups.len()];
        let group = if sex == "female" && group == Some("開発") && seed % 29 != 0 {
            Some("総務")
        } else {
            group
        };
        let mut a = answers(&pack, seed + 1, sex, group);
        if seed % 97 == 0 {
            a.items.remove("b29");
            incomplete += 1;
        } else {
            let cell = by_hand
                .entry((sex.to_string(), group.map(str::to_string)))
                .or_insert((0, [0; 4]));
            cell.0 += 1;
            for (sum, id) in cell.1.iter_mut().zip(chart) {
                *sum += i64::from(
                    questionnaire
                        .measure_raw(&a, questionnaire.measure(id).unwrap())
                        .unwrap(),
                );
            }
        }
        let bytes = export(&pack, a);
        assert!(aggregation.add(&format!("{seed}.json"), &bytes).is_some());
    }
    let report = aggregation.finish();
    assert_eq!(report.files_valid, count);
    let figures = report.figures::<Questionnaire>().unwrap().clone();
    assert_eq!(figures.files_incomplete, incomplete);
    assert_eq!(figures.files_counted, count - incomplete);
    let round1 = |sum: i64, n: usize| (sum as f64 / n as f64 * 10.0).round() / 10.0;
    for split in &figures.splits {
        let sex = split.value.clone().unwrap();
        let cells: Vec<(&Option<String>, &Cell)> = by_hand
            .iter()
            .filter(|((s, _), _)| *s == sex)
            .map(|((_, g), cell)| (g, cell))
            .collect();
        let whole_n: usize = cells.iter().map(|(_, c)| c.0).sum();
        let whole = split.whole.shown().unwrap();
        assert_eq!(whole.n, whole_n);
        for (index, id) in chart.iter().enumerate() {
            let sum: i64 = cells.iter().map(|(_, c)| c.1[index]).sum();
            assert_eq!(whole.measures[*id], round1(sum, whole_n), "{sex} {id}");
        }
        let grouped: Vec<(&String, &Cell)> = cells
            .iter()
            .filter_map(|(g, c)| Some(((*g).as_ref()?, *c)))
            .collect();
        let ungrouped = cells
            .iter()
            .filter(|(g, _)| g.is_none())
            .map(|(_, c)| c.0)
            .sum();
        let counts: Vec<usize> = grouped.iter().map(|(_, c)| c.0).collect();
        let shown = shown_groups(&counts, ungrouped, 10);
        assert_eq!(split.groups.len(), grouped.len());
        for ((label, cell), (group, shown)) in grouped.iter().zip(split.groups.iter().zip(shown)) {
            assert_eq!(&&group.group, label);
            match group.figures.shown() {
                Some(means) => {
                    assert!(shown, "{sex} {label}");
                    assert_eq!(means.n, cell.0);
                    for (index, id) in chart.iter().enumerate() {
                        assert_eq!(means.measures[*id], round1(cell.1[index], cell.0));
                    }
                }
                None => assert!(!shown, "{sex} {label} should be shown"),
            }
        }
    }
    // The women of 開発 are few (under 10): hidden, while the women's whole is shown.
    let women = figures
        .splits
        .iter()
        .find(|s| s.value.as_deref() == Some("female"))
        .unwrap();
    let dev = women.groups.iter().find(|g| g.group == "開発").unwrap();
    assert!(dev.figures.shown().is_none());
    assert!(women.whole.shown().is_some());
}

/// The 判定図's reference point is the national mean of the split's health-risk model (the
/// Technote's constants A–D); a pack without a model has none, so none is drawn.
#[test]
fn the_reference_point_comes_from_the_split_s_risk_model_and_is_absent_without_one() {
    let committed = pack();
    let questionnaire = committed.content::<Questionnaire>().unwrap();
    assert_eq!(
        reference_mean(questionnaire, Some("male"), "workload"),
        Some(8.7)
    );
    let bytes = std::fs::read(repo_root().join("content/bjsq-57.json")).unwrap();
    let mut value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    let mut without = value.clone();
    without["kit"]["group_analysis"]
        .as_object_mut()
        .unwrap()
        .remove("risk_models");
    let bare = load_pack(&serde_json::to_vec(&without).unwrap()).unwrap();
    assert_eq!(
        reference_mean(
            bare.content::<Questionnaire>().unwrap(),
            Some("male"),
            "workload"
        ),
        None
    );
    value["kit"]["group_analysis"]["risk_models"] = serde_json::json!([{"when": "male", "parts": [
        {"id": "a", "label": {"ja": "a", "en": "a"}, "terms": [{"measure": "workload", "mean": 8.5, "coefficient": 0.1}, {"measure": "control", "mean": 7.25, "coefficient": -0.1}]},
        {"id": "b", "label": {"ja": "b", "en": "b"}, "terms": [{"measure": "supervisor", "mean": 7.0, "coefficient": -0.1}]}
    ]}]);
    let pack = load_pack(&serde_json::to_vec(&value).unwrap()).unwrap();
    let questionnaire = pack.content::<Questionnaire>().unwrap();
    assert_eq!(
        reference_mean(questionnaire, Some("male"), "workload"),
        Some(8.5)
    );
    assert_eq!(
        reference_mean(questionnaire, Some("male"), "control"),
        Some(7.25)
    );
    assert_eq!(
        reference_mean(questionnaire, Some("male"), "supervisor"),
        Some(7.0)
    );
    assert_eq!(
        reference_mean(questionnaire, Some("male"), "coworkers"),
        None
    );
    assert_eq!(
        reference_mean(questionnaire, Some("female"), "workload"),
        None
    );
}

proptest! {
    /// Any workplace: a shown group has at least 10 people, and the whole minus every shown
    /// group is nobody or at least 10 people.
    #[test]
    fn no_subtraction_of_shown_groups_singles_out_fewer_than_ten(
        counts in prop::collection::vec(1usize..25, 0..8),
        ungrouped in 0usize..12,
    ) {
        // Groups are shown only inside a shown whole (10 people or more).
        prop_assume!(counts.iter().sum::<usize>() + ungrouped >= 10);
        let shown = shown_groups(&counts, ungrouped, 10);
        for (count, shown) in counts.iter().zip(&shown) {
            prop_assert!(!shown || *count >= 10);
        }
        let rest: usize = ungrouped + counts.iter().zip(&shown).filter(|(_, s)| !**s).map(|(c, _)| c).sum::<usize>();
        prop_assert!(rest == 0 || rest >= 10, "rest {rest}");
    }
}
