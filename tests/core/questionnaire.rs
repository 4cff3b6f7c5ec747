//! The stress self-check packs scored as MHLW's manual scores them: golden cases from
//! `tests/data/questionnaire/` (the manual's worked example, each branch of each method,
//! both sexes, the 23-item rule), a property test holding both scoring paths to a direct
//! re-implementation of the tables written here, and validation of broken tables.

use std::collections::BTreeMap;

use kizuki_core::kind::questionnaire::{
    Questionnaire, QuestionnaireAction, QuestionnaireAnswers, QuestionnaireResult,
};
use kizuki_core::{load_pack, Code, ValidPack};
use proptest::prelude::*;
use serde::Deserialize;

use crate::golden::{check, data_dir};
use crate::repo_root;

fn pack(id: &str) -> ValidPack {
    let bytes = std::fs::read(repo_root().join(format!("content/{id}.json"))).unwrap();
    load_pack(&bytes).unwrap_or_else(|d| panic!("{id}: {d:#?}"))
}

/// A case: the pack, the sex, one digit per item per section, and the branches expected.
#[derive(Deserialize)]
struct Case {
    pack: String,
    sex: Option<String>,
    answers: BTreeMap<String, String>,
    expect: BTreeMap<String, Vec<String>>,
}

/// Answers the case through the core's actions, as the person's view does.
fn answer(questionnaire: &Questionnaire, case: &Case) -> QuestionnaireAnswers {
    let mut answers = QuestionnaireAnswers::default();
    if let Some(sex) = &case.sex {
        let action = QuestionnaireAction::SetRespondent {
            question: "sex".into(),
            choice: sex.clone(),
        };
        questionnaire.apply(&mut answers, &action).unwrap();
    }
    for section in &questionnaire.sections {
        let digits = &case.answers[&section.id];
        assert_eq!(
            digits.chars().count(),
            section.items.len(),
            "{}",
            section.id
        );
        for (item, digit) in section.items.iter().zip(digits.chars()) {
            let action = QuestionnaireAction::Answer {
                item: item.id.clone(),
                choice: Some(digit.to_string()),
            };
            questionnaire.apply(&mut answers, &action).unwrap();
        }
    }
    answers
}

/// The manual's worked example (a man), answered.
fn manual_example(questionnaire: &Questionnaire) -> QuestionnaireAnswers {
    let (_, case) = cases()
        .into_iter()
        .find(|(name, _)| name == "bjsq57-manual-example-male")
        .unwrap();
    answer(questionnaire, &case)
}

fn sum(result: &QuestionnaireResult, id: &str) -> i32 {
    result.sums.iter().find(|s| s.id == id).unwrap().value
}

fn cases() -> Vec<(String, Case)> {
    let mut cases: Vec<(String, Case)> = std::fs::read_dir(data_dir("questionnaire"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.to_string_lossy().ends_with(".case.json"))
        .map(|path| {
            let name = path
                .file_name()
                .unwrap()
                .to_string_lossy()
                .replace(".case.json", "");
            let case = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
            (name, case)
        })
        .collect();
    cases.sort_by(|a, b| a.0.cmp(&b.0));
    cases
}

#[test]
fn every_case_meets_the_branches_it_expects_and_its_golden_result() {
    let cases = cases();
    assert!(cases.len() >= 12, "{} cases", cases.len());
    for (name, case) in cases {
        let pack = pack(&case.pack);
        let questionnaire = pack.content::<Questionnaire>().unwrap();
        let result = questionnaire.result(&answer(questionnaire, &case));
        assert!(result.complete, "{name}");
        for (rule, branches) in &case.expect {
            let got = result.rules.iter().find(|r| &r.id == rule).unwrap();
            assert_eq!(&got.branches, branches, "{name}: {rule}");
            assert_eq!(got.holds, !branches.is_empty(), "{name}: {rule}");
        }
        let high = case.expect.values().any(|b| !b.is_empty());
        let outcome = if high {
            "high-stress"
        } else {
            "not-high-stress"
        };
        assert_eq!(result.outcome.as_deref(), Some(outcome), "{name}");
        let path = data_dir("questionnaire").join(format!("{name}.expected.result.json"));
        check(
            &path,
            &format!("{}\n", serde_json::to_string_pretty(&result).unwrap()),
        );
    }
}

/// The manual's worked example (p.267 of the copy): areas A, B and C convert to 21, 7 and
/// 4 points; B ≤ 12 meets ㋐, and A + C = 25 ≤ 26 with B ≤ 17 meets ㋑: high stress.
#[test]
fn the_manual_example_a21_b7_c4_is_high_stress_by_both_branches_of_the_conversion_method() {
    let pack = pack("bjsq-57");
    let questionnaire = pack.content::<Questionnaire>().unwrap();
    let result = questionnaire.result(&manual_example(questionnaire));
    let converted = [
        sum(&result, "converted-a"),
        sum(&result, "converted-b"),
        sum(&result, "converted-c"),
    ];
    assert_eq!(converted, [21, 7, 4]);
    // 量: 15 − (1 + 1 + 2) = 11, in the 10–11 band: 2 points, as the manual computes it.
    let workload = result.measures.iter().find(|m| m.id == "workload").unwrap();
    assert_eq!((workload.raw, workload.points), (11, Some(2)));
    let rule = result
        .rules
        .iter()
        .find(|r| r.id == "conversion-method")
        .unwrap();
    assert_eq!(rule.branches, ["b12", "ac26-b17"]);
}

/// The two women's rows corrected on 2026-12-06 (see the pack's notes): 職場環境 leaves
/// やや低い empty for women, so a good environment (A15 ちがう, raw 1) is 5 points for a
/// woman and 4 for a man; 活気 has the men's cut points, so raw 8 is 4 points for both.
#[test]
fn womens_environment_and_vigor_rows_are_the_corrected_ones() {
    let pack = pack("bjsq-57");
    let questionnaire = pack.content::<Questionnaire>().unwrap();
    let (_, mut case) = cases()
        .into_iter()
        .find(|(name, _)| name == "bjsq57-none-male")
        .unwrap();
    let mut a: Vec<char> = case.answers["a"].chars().collect();
    a[14] = '4';
    let mut b: Vec<char> = case.answers["b"].chars().collect();
    b[0] = '2';
    b[1] = '3';
    b[2] = '3';
    case.answers.insert("a".into(), a.into_iter().collect());
    case.answers.insert("b".into(), b.into_iter().collect());
    let points = |sex: &str, case: &mut Case| {
        case.sex = Some(sex.into());
        let result = questionnaire.result(&answer(questionnaire, case));
        let of = |id: &str| {
            let m = result.measures.iter().find(|m| m.id == id).unwrap();
            (m.raw, m.points)
        };
        (of("environment"), of("vigor"))
    };
    assert_eq!(points("female", &mut case), ((1, Some(5)), (8, Some(4))));
    assert_eq!(points("male", &mut case), ((1, Some(4)), (8, Some(4))));
}

#[test]
fn nothing_is_scored_before_the_sex_is_given_because_the_tables_depend_on_it() {
    let pack = pack("bjsq-57");
    let questionnaire = pack.content::<Questionnaire>().unwrap();
    let (_, mut case) = cases()
        .into_iter()
        .find(|(name, _)| name == "bjsq57-none-male")
        .unwrap();
    case.sex = None;
    let result = questionnaire.result(&answer(questionnaire, &case));
    assert_eq!((result.answered, result.total), (57, 57));
    assert!(!result.complete && result.rules.is_empty() && result.outcome.is_none());
}

// ---- A direct re-implementation, with the tables written out here -------------------
//
// The rows are copied from the sources, not from the pack: the men's from the manual
// copy (p.267) and public implementations; the women's from three independent public
// implementations (SQL, Perl, Python) where they agree, because the manual copy's
// women's table (p.268) could not be read. See the pack's `instrument.notes`.

/// Upper bounds of the columns 低い … 高い (raw values), `0` for an empty column; the
/// 評価点 of a column is 5…1 for a scale where more is worse and 1…5 otherwise.
struct Row {
    worse: bool,
    male: [i32; 5],
    female: [i32; 5],
}

/// (計算 as a function of the 57 answers, the row). Item numbers as the manual's: A1 is
/// `a[0]`, B1 is `b[0]`, C1 is `c[0]`, D1 is `d[0]`.
/// A scale's 計算 from the answers of A, B, C and D.
type Formula = fn(&[i32], &[i32], &[i32], &[i32]) -> i32;

fn rows() -> Vec<(Formula, Row, char)> {
    let r = |worse, male, female| Row {
        worse,
        male,
        female,
    };
    vec![
        (
            |a, _, _, _| 15 - (a[0] + a[1] + a[2]),
            r(true, [5, 7, 9, 11, 12], [4, 6, 9, 11, 12]),
            'a',
        ),
        (
            |a, _, _, _| 15 - (a[3] + a[4] + a[5]),
            r(true, [5, 7, 9, 11, 12], [4, 6, 8, 10, 12]),
            'a',
        ),
        (
            |a, _, _, _| 5 - a[6],
            r(true, [0, 1, 2, 3, 4], [0, 1, 2, 3, 4]),
            'a',
        ),
        (
            |a, _, _, _| 10 - (a[11] + a[12]) + a[13],
            r(true, [3, 5, 7, 9, 12], [3, 5, 7, 9, 12]),
            'a',
        ),
        // 職場環境: men leave 低い empty, women leave やや低い empty (the Perl and
        // Python implementations agree; see the pack's note on the women's table).
        (
            |a, _, _, _| 5 - a[14],
            r(true, [0, 1, 2, 3, 4], [1, 0, 2, 3, 4]),
            'a',
        ),
        (
            |a, _, _, _| 15 - (a[7] + a[8] + a[9]),
            r(false, [4, 6, 8, 10, 12], [3, 5, 8, 10, 12]),
            'a',
        ),
        (
            |a, _, _, _| a[10],
            r(false, [1, 2, 3, 4, 0], [1, 2, 3, 4, 0]),
            'a',
        ),
        (
            |a, _, _, _| 5 - a[15],
            r(false, [1, 2, 3, 0, 4], [1, 2, 3, 0, 4]),
            'a',
        ),
        (
            |a, _, _, _| 5 - a[16],
            r(false, [1, 2, 3, 0, 4], [1, 2, 3, 0, 4]),
            'a',
        ),
        // 活気: the same cut points for women as for men (SQL, Perl and Python agree).
        (
            |_, b, _, _| b[0] + b[1] + b[2],
            r(false, [3, 5, 7, 9, 12], [3, 5, 7, 9, 12]),
            'b',
        ),
        (
            |_, b, _, _| b[3] + b[4] + b[5],
            r(true, [3, 5, 7, 9, 12], [3, 5, 8, 10, 12]),
            'b',
        ),
        (
            |_, b, _, _| b[6] + b[7] + b[8],
            r(true, [3, 4, 7, 10, 12], [3, 5, 8, 11, 12]),
            'b',
        ),
        (
            |_, b, _, _| b[9] + b[10] + b[11],
            r(true, [3, 4, 7, 9, 12], [3, 4, 7, 10, 12]),
            'b',
        ),
        (
            |_, b, _, _| b[12..18].iter().sum(),
            r(true, [6, 8, 12, 16, 24], [6, 8, 12, 17, 24]),
            'b',
        ),
        (
            |_, b, _, _| b[18..29].iter().sum(),
            r(true, [11, 15, 21, 26, 44], [13, 17, 23, 29, 44]),
            'b',
        ),
        (
            |_, _, c, _| 15 - (c[0] + c[3] + c[6]),
            r(false, [4, 6, 8, 10, 12], [3, 5, 7, 10, 12]),
            'c',
        ),
        (
            |_, _, c, _| 15 - (c[1] + c[4] + c[7]),
            r(false, [5, 7, 9, 11, 12], [5, 7, 9, 11, 12]),
            'c',
        ),
        (
            |_, _, c, _| 15 - (c[2] + c[5] + c[8]),
            r(false, [6, 8, 9, 11, 12], [6, 8, 9, 11, 12]),
            'c',
        ),
        (
            |_, _, _, d| 10 - (d[0] + d[1]),
            r(false, [3, 4, 6, 7, 8], [3, 4, 6, 7, 8]),
            'd',
        ),
    ]
}

fn convert(raw: i32, row: &Row, female: bool) -> i32 {
    let bounds = if female { row.female } else { row.male };
    let column = bounds
        .iter()
        .position(|&bound| bound != 0 && raw <= bound)
        .expect("every raw value has a column") as i32;
    if row.worse {
        5 - column
    } else {
        column + 1
    }
}

/// The manual's two methods for the 57 items, straight from the answers.
fn direct_57(a: &[i32], b: &[i32], c: &[i32], d: &[i32], female: bool) -> (bool, bool, [i32; 6]) {
    let reversed_a = [0, 1, 2, 3, 4, 5, 6, 10, 11, 12, 14];
    let total_a: i32 = (0..17)
        .map(|i| {
            if reversed_a.contains(&i) {
                5 - a[i]
            } else {
                a[i]
            }
        })
        .sum();
    let total_b: i32 = (0..29).map(|i| if i < 3 { 5 - b[i] } else { b[i] }).sum();
    let total_c: i32 = c.iter().sum();
    let sum_method = total_b >= 77 || (total_a + total_c >= 76 && total_b >= 63);
    let mut converted = BTreeMap::new();
    for (formula, row, area) in rows() {
        if area != 'd' {
            *converted.entry(area).or_insert(0) += convert(formula(a, b, c, d), &row, female);
        }
    }
    let (ca, cb, cc) = (converted[&'a'], converted[&'b'], converted[&'c']);
    let conversion_method = cb <= 12 || (ca + cc <= 26 && cb <= 17);
    (
        sum_method,
        conversion_method,
        [total_a, total_b, total_c, ca, cb, cc],
    )
}

fn digits(values: &[i32]) -> String {
    values.iter().map(|v| v.to_string()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn both_methods_agree_with_a_direct_reimplementation_of_the_tables(
        a in prop::collection::vec(1..=4i32, 17),
        b in prop::collection::vec(1..=4i32, 29),
        c in prop::collection::vec(1..=4i32, 9),
        d in prop::collection::vec(1..=4i32, 2),
        female in any::<bool>(),
    ) {
        let pack = pack("bjsq-57");
        let questionnaire = pack.content::<Questionnaire>().unwrap();
        let case = Case {
            pack: "bjsq-57".into(),
            sex: Some(if female { "female" } else { "male" }.into()),
            answers: BTreeMap::from([
                ("a".to_string(), digits(&a)),
                ("b".to_string(), digits(&b)),
                ("c-talk".to_string(), digits(&c[0..3])),
                ("c-rely".to_string(), digits(&c[3..6])),
                ("c-listen".to_string(), digits(&c[6..9])),
                ("d".to_string(), digits(&d)),
            ]),
            expect: BTreeMap::new(),
        };
        let result = questionnaire.result(&answer(questionnaire, &case));
        let (sum_method, conversion_method, sums) = direct_57(&a, &b, &c, &d, female);
        let got = ["total-a", "total-b", "total-c", "converted-a", "converted-b", "converted-c"]
            .map(|id| sum(&result, id));
        prop_assert_eq!(got, sums);
        let holds = |id: &str| result.rules.iter().find(|r| r.id == id).unwrap().holds;
        prop_assert_eq!(holds("sum-method"), sum_method);
        prop_assert_eq!(holds("conversion-method"), conversion_method);
        let satisfaction = result.measures.iter().find(|m| m.id == "satisfaction").unwrap();
        let (formula, row, _) = rows().pop().unwrap();
        prop_assert_eq!(satisfaction.points.map(i32::from), Some(convert(formula(&a, &b, &c, &d), &row, female)));
    }

    #[test]
    fn the_23_item_rule_agrees_with_a_direct_reimplementation(
        a in prop::collection::vec(1..=4i32, 6),
        b in prop::collection::vec(1..=4i32, 11),
        c in prop::collection::vec(1..=4i32, 6),
        female in any::<bool>(),
    ) {
        let pack = pack("bjsq-23");
        let questionnaire = pack.content::<Questionnaire>().unwrap();
        // The sex is asked for the group analysis only: the rule below does not use it.
        let case = Case {
            pack: "bjsq-23".into(),
            sex: Some(if female { "female" } else { "male" }.into()),
            answers: BTreeMap::from([
                ("a".to_string(), digits(&a)),
                ("b".to_string(), digits(&b)),
                ("c-talk".to_string(), digits(&c[0..2])),
                ("c-rely".to_string(), digits(&c[2..4])),
                ("c-listen".to_string(), digits(&c[4..6])),
            ]),
            expect: BTreeMap::new(),
        };
        let result = questionnaire.result(&answer(questionnaire, &case));
        // From the manual copy, not from the pack: the 23-item example of the total-points
        // method (pp.110–111: B ≥ 31, or A + C ≥ 39 with B ≥ 23), the items turned as the
        // 57-item method turns them (p.263: of these 23, only A1–3 of workload; A8–10 of
        // control, B7–29 and C are counted as answered).
        let total_a: i32 = (0..6).map(|i| if i < 3 { 5 - a[i] } else { a[i] }).sum();
        let total_b: i32 = b.iter().sum();
        let total_c: i32 = c.iter().sum();
        let high = total_b >= 31 || (total_a + total_c >= 39 && total_b >= 23);
        prop_assert_eq!([sum(&result, "total-a"), sum(&result, "total-b"), sum(&result, "total-c")], [total_a, total_b, total_c]);
        prop_assert_eq!(result.rules[0].holds, high);
    }
}

// ---- Validation ---------------------------------------------------------------------

fn broken(edit: impl FnOnce(&mut serde_json::Value)) -> Vec<kizuki_core::Diagnostic> {
    let bytes = std::fs::read(repo_root().join("content/bjsq-57.json")).unwrap();
    let mut value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    edit(&mut value);
    match load_pack(&serde_json::to_vec(&value).unwrap()) {
        Ok(_) => Vec::new(),
        Err(diagnostics) => diagnostics,
    }
}

#[test]
fn a_conversion_table_with_a_gap_is_refused_with_the_raw_value_and_its_place() {
    let diagnostics = broken(|pack| {
        // The men's workload table: 10–11 becomes 10–10, so 11 falls in no band.
        pack["kit"]["measures"][0]["conversion"]["tables"][0]["bands"][3]["max"] = 10.into();
    });
    let found = diagnostics
        .iter()
        .find(|d| d.code == Code::OutOfRange)
        .unwrap_or_else(|| panic!("{diagnostics:#?}"));
    assert_eq!(found.path, "/kit/measures/0/conversion/tables/0/bands");
    assert!(found.message.contains("raw value 11"), "{}", found.message);
}

#[test]
fn a_rule_naming_an_unknown_sum_and_an_item_naming_an_unknown_scale_are_refused() {
    let diagnostics = broken(|pack| {
        pack["kit"]["rules"][0]["branches"][0]["all"][0]["sums"][0] = "total-z".into();
        pack["kit"]["sections"][0]["scale"] = "agree5".into();
    });
    let paths: Vec<&str> = diagnostics
        .iter()
        .filter(|d| d.code == Code::UnknownRef)
        .map(|d| d.path.as_str())
        .collect();
    assert!(
        paths.contains(&"/kit/rules/0/branches/0/all/0/sums/0"),
        "{paths:?}"
    );
    assert!(paths.contains(&"/kit/sections/0/scale"), "{paths:?}");
}

#[test]
fn a_conversion_missing_the_womens_table_is_refused() {
    let diagnostics = broken(|pack| {
        let tables = pack["kit"]["measures"][2]["conversion"]["tables"]
            .as_array_mut()
            .unwrap();
        tables.pop();
    });
    assert!(
        diagnostics.iter().any(|d| d.code == Code::EmptyList
            && d.path == "/kit/measures/2/conversion/tables"
            && d.message.contains("female")),
        "{diagnostics:#?}"
    );
}

/// The person's CSV of the manual's worked example, read back as a spreadsheet would: every
/// row says what it is and names its question, scale, total or rule in the person's
/// language; the sex is there; a scale's raw score and grade sit in their own columns; the
/// high-stress rules say which of their branches hold, in words.
#[test]
fn the_csv_names_every_row_in_the_persons_language() {
    use kizuki_core::kind::Kind;
    let pack = pack("bjsq-57");
    let questionnaire = pack.content::<Questionnaire>().unwrap();
    let answers = manual_example(questionnaire);
    let read = |lang| crate::csv_export::records(&questionnaire.csv(&answers, lang, "2026-12-07"));
    let ja = read(kizuki_core::Lang::Ja);
    let row = |rows: &[Vec<String>], kind: &str, id: &str| -> Vec<String> {
        rows.iter()
            .find(|r| r[0] == kind && r[1] == id)
            .unwrap_or_else(|| panic!("no {kind} {id}: {rows:#?}"))
            .clone()
    };
    assert_eq!(ja[0][0], "区分");
    assert_eq!(ja[0].len(), 7);
    assert!(ja.iter().all(|r| r.len() == 7));
    assert_eq!(row(&ja, "回答者", "sex")[4], "男性");
    let a1 = row(&ja, "設問", "a1");
    assert_eq!(a1[2], "A1");
    assert_eq!(a1[3], "非常にたくさんの仕事をしなければならない");
    assert_eq!(a1[4], "そうだ");
    // 量: raw 11, grade 2 (the manual's own figures), named.
    let workload = row(&ja, "尺度", "workload");
    assert_eq!((workload[5].as_str(), workload[6].as_str()), ("11", "2"));
    assert!(workload[3].contains("量"), "{workload:?}");
    assert!(!row(&ja, "合計", "converted-a")[3].is_empty());
    assert_eq!(row(&ja, "合計", "converted-a")[5], "21");
    let rule = row(&ja, "判定", "conversion-method");
    assert!(rule[4].starts_with("はい（"), "{rule:?}");
    assert!(
        !rule[4].contains("b12"),
        "branches in words, not ids: {rule:?}"
    );
    assert!(!row(&ja, "結果", "high-stress")[3].is_empty());
    // C's three parts are numbered as printed, C1–C9.
    assert_eq!(row(&ja, "設問", "c9")[2], "C9");
    // English: the same rows, no Japanese labels of ours.
    let en = read(kizuki_core::Lang::En);
    assert_eq!(en.len(), ja.len());
    assert_eq!(en[0][0], "Row");
    assert_eq!(row(&en, "Respondent", "sex")[0], "Respondent");
    let en_rule = row(&en, "Rule", "conversion-method");
    assert!(en_rule[4].starts_with("Yes: (a)"), "{en_rule:?}");
}
