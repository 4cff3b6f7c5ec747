//! Unit tests of the questionnaire kind on a two-item pack built in the test.

use super::*;
use crate::kind::questionnaire::session::QuestionnaireAction;

fn text(ja: &str) -> Text {
    Text {
        ja: ja.into(),
        en: Some(ja.into()),
    }
}

fn tiny() -> Questionnaire {
    let option = |id: &str, points| AnswerOption {
        id: id.into(),
        label: text(id),
        points,
    };
    let item = |id: &str, reverse| Item {
        id: id.into(),
        number: id.into(),
        text: text(id),
        reverse,
    };
    Questionnaire {
        instrument: Instrument {
            name: text("t"),
            attribution: text("t"),
            sources: vec![],
            notes: vec![],
        },
        respondent: vec![],
        answer_scales: vec![AnswerScale {
            id: "four".into(),
            options: vec![
                option("o1", 1),
                option("o2", 2),
                option("o3", 3),
                option("o4", 4),
            ],
        }],
        sections: vec![Section {
            id: "a".into(),
            label: text("A"),
            instruction: text("A"),
            scale: "four".into(),
            items: vec![item("a1", true), item("a2", false)],
        }],
        measures: vec![Measure {
            id: "m".into(),
            label: text("m"),
            direction: Direction::HigherIsWorse,
            constant: 5,
            add: vec!["a2".into()],
            subtract: vec!["a1".into()],
            conversion: Some(Conversion {
                by: None,
                tables: vec![ConversionTable {
                    when: None,
                    bands: vec![
                        Band {
                            min: 2,
                            max: 5,
                            points: 2,
                        },
                        Band {
                            min: 6,
                            max: 8,
                            points: 1,
                        },
                    ],
                }],
                sources: vec![],
            }),
        }],
        sums: vec![
            Sum {
                id: "s".into(),
                label: text("s"),
                sum_of: SumOf::ItemPoints,
                of: vec!["a".into()],
            },
            Sum {
                id: "c".into(),
                label: text("c"),
                sum_of: SumOf::ConvertedMeasures,
                of: vec!["m".into()],
            },
        ],
        rules: vec![Rule {
            id: "high".into(),
            label: text("high"),
            branches: vec![Branch {
                id: "x".into(),
                label: text("x"),
                all: vec![Threshold {
                    sums: vec!["s".into()],
                    min: Some(7),
                    max: None,
                }],
            }],
            sources: vec![],
        }],
        outcomes: vec![
            Outcome {
                id: "yes".into(),
                when_any: vec!["high".into()],
                title: text("yes"),
                advice: vec![],
                routes: vec![],
                sources: vec![],
            },
            Outcome {
                id: "no".into(),
                when_any: vec![],
                title: text("no"),
                advice: vec![],
                routes: vec![],
                sources: vec![],
            },
        ],
        routes: vec![],
        group_analysis: None,
    }
}

fn answer(q: &Questionnaire, answers: &mut QuestionnaireAnswers, item: &str, choice: &str) {
    q.apply(
        answers,
        &QuestionnaireAction::Answer {
            item: item.into(),
            choice: Some(choice.into()),
        },
    )
    .unwrap();
}

#[test]
fn nothing_is_scored_until_every_item_is_answered() {
    let q = tiny();
    let mut answers = QuestionnaireAnswers::default();
    answer(&q, &mut answers, "a1", "o1");
    let result = q.result(&answers);
    assert_eq!(
        (result.answered, result.total, result.complete),
        (1, 2, false)
    );
    assert!(result.sums.is_empty() && result.outcome.is_none());
}

#[test]
fn a_reverse_item_is_turned_in_sums_and_the_formula_reads_raw_points() {
    let q = tiny();
    let mut answers = QuestionnaireAnswers::default();
    answer(&q, &mut answers, "a1", "o1"); // reversed: 4
    answer(&q, &mut answers, "a2", "o4"); // 4
    let result = q.result(&answers);
    assert_eq!(result.sums[0].value, 8);
    // 5 + 4 − 1 = 8 → band 6–8 → 1
    assert_eq!(result.measures[0].raw, 8);
    assert_eq!(result.measures[0].points, Some(1));
    assert_eq!(result.sums[1].value, 1);
    assert_eq!(result.rules[0].branches, ["x"]);
    assert_eq!(result.outcome.as_deref(), Some("yes"));
}

#[test]
fn an_unknown_answer_is_refused_and_changes_nothing() {
    let q = tiny();
    let mut answers = QuestionnaireAnswers::default();
    let action = QuestionnaireAction::Answer {
        item: "a1".into(),
        choice: Some("o9".into()),
    };
    assert!(q.apply(&mut answers, &action).is_err());
    assert_eq!(answers, QuestionnaireAnswers::default());
}

#[test]
fn a_measure_range_follows_its_formula() {
    let q = tiny();
    assert_eq!(q.measure_range(&q.measures[0]), Some((2, 8)));
}
