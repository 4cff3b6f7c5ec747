//! Aggregating many exports: invalid files are listed and skipped, groups below the
//! minimum size are hidden, the whole report is hidden below it, free text never shows.

use kizuki_core::aggregate::{
    aggregate, effective_min_group, report_csv, report_json, ExportFile, Group,
};
use kizuki_core::export::{Export, KitState, EXPORT_FORMAT};
use kizuki_core::kind::checklist::{Checklist, ChecklistAction, ChecklistAnswers};
use kizuki_core::kind::course::{Course, CourseAction, CourseProgress};
use kizuki_core::{Error, Lang, ValidPack};

use crate::golden::{check, data_dir, test_pack};

const SECRET: &str = "社長が反対している";

/// A checklist export; answers vary with `index` so distributions are not flat.
fn checklist_file(pack: &ValidPack, index: usize, size: &str) -> Vec<u8> {
    let Some(checklist) = pack.content::<Checklist>() else {
        unreachable!()
    };
    let choices = ["yes", "partly", "no"];
    let mut actions = vec![
        ChecklistAction::SetProfile {
            question: "size".into(),
            choice: size.into(),
        },
        ChecklistAction::Answer {
            item: "policy-statement".into(),
            choice: Some(choices[index % 3].into()),
        },
        ChecklistAction::Answer {
            item: "committee-large-only".into(),
            choice: Some("na".into()),
        },
        ChecklistAction::Answer {
            item: "policy-plan".into(),
            choice: Some("yes".into()),
        },
    ];
    // Every fifth file leaves the committee item unanswered: below the coverage threshold.
    let incomplete = index % 5 == 4;
    if index % 2 == 1 && !incomplete {
        actions.push(ChecklistAction::Answer {
            item: "committee-deliberates".into(),
            choice: Some("partly".into()),
        });
    }
    if index % 3 != 0 {
        actions.push(ChecklistAction::ToggleWhyNot {
            item: "policy-statement".into(),
            reason: "cost".into(),
        });
    }
    if index % 2 == 0 && !incomplete {
        actions.extend([
            ChecklistAction::Answer {
                item: "committee-deliberates".into(),
                choice: Some("no".into()),
            },
            ChecklistAction::ToggleWhyNot {
                item: "committee-deliberates".into(),
                reason: "other".into(),
            },
            ChecklistAction::ToggleWhyNot {
                item: "committee-deliberates".into(),
                reason: "cost".into(),
            },
            ChecklistAction::SetWhyNotOther {
                item: "committee-deliberates".into(),
                text: SECRET.into(),
            },
        ]);
    }
    let mut answers = ChecklistAnswers::default();
    for action in &actions {
        checklist.apply(&mut answers, action).unwrap();
    }
    let saved_at = format!("2026-11-01T09:00:{:02}Z", index % 60);
    Export::new(pack, KitState::from(answers), &saved_at, 1)
        .to_json()
        .into_bytes()
}

fn files(contents: &[(String, Vec<u8>)]) -> Vec<ExportFile<'_>> {
    contents
        .iter()
        .map(|(name, bytes)| ExportFile { name, bytes })
        .collect()
}

fn checklist_set(pack: &ValidPack, bands: &[(&str, usize)]) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for (size, count) in bands {
        for _ in 0..*count {
            let index = out.len();
            out.push((
                format!("{size}-{index}.json"),
                checklist_file(pack, index, size),
            ));
        }
    }
    out
}

#[test]
fn small_groups_are_hidden_invalid_files_listed_and_large_groups_shown() {
    let pack = test_pack("checklist");
    // Two small bands whose sizes add up to the minimum: hidden together, neither can be
    // worked out from the total and the shown band.
    let mut contents = checklist_set(&pack, &[("50plus", 10), ("10to49", 5), ("under10", 5)]);
    let first = contents[0].1.clone();
    contents.push(("garbage.json".into(), b"not json".to_vec()));
    let course = test_pack("course");
    let other = Export::new(
        &course,
        KitState::from(CourseProgress::default()),
        "2026-11-01",
        1,
    );
    contents.push(("course.json".into(), other.to_json().into_bytes()));
    let future = String::from_utf8(first.clone()).unwrap().replace(
        &format!("\"kizuki_export\": {EXPORT_FORMAT}"),
        "\"kizuki_export\": 99",
    );
    contents.push(("future.json".into(), future.into_bytes()));
    contents.push(("copy-of-first.json".into(), first));

    let report = aggregate(&pack, &files(&contents), None).unwrap();
    assert_eq!(report.files_read, 24);
    assert_eq!(report.files_valid, 20);
    assert!(!report.hidden);
    let invalid: Vec<(&str, &str)> = report
        .invalid
        .iter()
        .map(|f| (f.name.as_str(), f.code))
        .collect();
    assert_eq!(
        invalid,
        [
            ("garbage.json", "invalid_json"),
            ("course.json", "wrong_pack"),
            ("future.json", "future_version"),
            ("copy-of-first.json", "duplicate"),
        ]
    );

    let figures = report.figures::<Checklist>().unwrap();
    let band = |id: &str| {
        &figures
            .size_bands
            .iter()
            .find(|b| b.id == id)
            .unwrap()
            .figures
    };
    let large = band("50plus").shown().expect("10 files: shown");
    assert_eq!(large.files, 10);
    // Indices 0..10: "cost" on policy-statement where index % 3 != 0 (6 files), and on
    // committee-deliberates where index is even but not 4 (4 files); a file counts once.
    let cost = large.why_not["cost"];
    assert_eq!(cost.answers, Some(6 + 4));
    assert_eq!(
        cost.files,
        Some(
            (0..10)
                .filter(|i| i % 3 != 0 || (i % 2 == 0 && i % 5 != 4))
                .count()
        )
    );
    assert_eq!(large.why_not["other"].files, Some(4));
    // Files 4, 9, 14 and 19 leave the committee item unanswered: 3 of 4, below the threshold.
    assert_eq!((figures.complete_files, figures.incomplete_files), (16, 4));
    assert_eq!(band("10to49"), &Group::Hidden { min_group: 10 });
    assert_eq!(band("under10"), &Group::Hidden { min_group: 10 });

    let item = |id: &str| &figures.items.iter().find(|i| i.id == id).unwrap().answers;
    let statement = item("policy-statement").shown().unwrap();
    assert_eq!(statement.applies, 20);
    assert_eq!(
        (
            statement.choices["yes"],
            statement.choices["partly"],
            statement.choices["no"]
        ),
        (Some(7), Some(7), Some(6))
    );
    let large_only = item("committee-large-only").shown().unwrap();
    assert_eq!(
        (large_only.applies, large_only.choices["na"]),
        (10, Some(10))
    );
    assert_eq!(item("policy-plan").shown().unwrap().unanswered, Some(0));

    let json = report_json(&report);
    let csv = report_csv(&pack, &report, Lang::Ja);
    assert!(
        !json.contains(SECRET) && !csv.contains(SECRET),
        "free text never aggregated"
    );
    assert!(csv.contains("非表示（10件未満）"));
    check(
        &data_dir("checklist").join("aggregate.expected.json"),
        &json,
    );
    check(&data_dir("checklist").join("aggregate.expected.csv"), &csv);
}

#[test]
fn the_same_export_written_another_way_is_counted_once() {
    let pack = test_pack("checklist");
    let first = checklist_file(&pack, 0, "50plus");
    // One line, keys in another order: the fingerprint is of what the file says, not of its
    // bytes.
    let value: serde_json::Value = serde_json::from_slice(&first).unwrap();
    let reformatted = serde_json::to_vec(&value).unwrap();
    assert_ne!(reformatted, first);
    let other = checklist_file(&pack, 1, "50plus");
    let contents = vec![
        ("first.json".to_string(), first),
        ("other.json".to_string(), other),
        ("first-reformatted.json".to_string(), reformatted),
    ];
    let report = aggregate(&pack, &files(&contents), Some(1)).unwrap();
    assert_eq!((report.files_read, report.files_valid), (3, 2));
    let invalid: Vec<(&str, &str)> = report
        .invalid
        .iter()
        .map(|f| (f.name.as_str(), f.code))
        .collect();
    assert_eq!(invalid, [("first-reformatted.json", "duplicate")]);
}

#[test]
fn an_item_asked_of_too_few_files_is_hidden_even_when_the_report_is_shown() {
    let pack = test_pack("checklist");
    let contents = checklist_set(&pack, &[("50plus", 9), ("10to49", 4)]);
    let report = aggregate(&pack, &files(&contents), None).unwrap();
    let figures = report.figures::<Checklist>().unwrap().clone();
    assert!(figures
        .size_bands
        .iter()
        .all(|b| b.figures.shown().is_none()));
    let large_only = figures
        .items
        .iter()
        .find(|i| i.id == "committee-large-only")
        .unwrap();
    assert_eq!(large_only.answers, Group::Hidden { min_group: 10 });
    assert!(figures.mean_percent.shown().is_some());
}

#[test]
fn incomplete_files_are_counted_apart_and_never_averaged_into_the_score() {
    let pack = test_pack("checklist");
    // Twelve complete files (every file but indices 4 and 9 of 0..14), two incomplete.
    let contents = checklist_set(&pack, &[("50plus", 14)]);
    let report = aggregate(&pack, &files(&contents), None).unwrap();
    let figures = report.figures::<Checklist>().unwrap().clone();
    assert_eq!((figures.complete_files, figures.incomplete_files), (12, 2));
    let Some(checklist) = pack.content::<Checklist>() else {
        unreachable!()
    };
    let complete: Vec<u8> = contents
        .iter()
        .map(|(_, bytes)| {
            let export = kizuki_core::export::import(&pack, bytes).unwrap();
            let Some(answers) = export.state.into_state::<Checklist>() else {
                unreachable!()
            };
            checklist.scores(&answers)
        })
        .filter(|r| r.coverage_reached)
        .filter_map(|r| r.percent)
        .collect();
    assert_eq!(complete.len(), 12);
    let mean = complete.iter().map(|&p| f64::from(p)).sum::<f64>() / 12.0;
    let mean = (mean * 10.0).round() / 10.0; // the report gives one decimal
    assert_eq!(figures.mean_percent.shown().copied(), Some(mean));
}

#[test]
fn fewer_valid_files_than_the_minimum_hide_the_whole_report() {
    let pack = test_pack("checklist");
    let mut contents = checklist_set(&pack, &[("50plus", 9)]);
    contents.push(("empty.json".into(), Vec::new()));
    let report = aggregate(&pack, &files(&contents), None).unwrap();
    assert_eq!(report.min_group, 10);
    assert!(report.hidden);
    assert!(report.figures::<Checklist>().is_none());
    assert_eq!(report.files_valid, 9);
    assert_eq!(report.invalid.len(), 1);
    let json = report_json(&report);
    assert!(!json.contains("size_bands") && !json.contains("mean_percent"));
    let csv = report_csv(&pack, &report, Lang::En);
    assert!(csv.contains("hidden (n < 10)"));
    assert!(!csv.contains("Mean score"));
}

/// Issue 19: checklist exports describe workplaces, so a center may lower the minimum
/// (to the small-cell size, never below) and pilot with a few files; course records are
/// about people and keep 10.
#[test]
fn a_center_may_lower_the_minimum_for_workplaces_but_not_for_people() {
    use kizuki_core::aggregate::{effective_min_group_for, min_group_floor};
    assert_eq!(min_group_floor("checklist"), 3);
    assert_eq!(min_group_floor("course"), 10);
    assert_eq!(effective_min_group_for("checklist", None), 10);
    assert_eq!(effective_min_group_for("checklist", Some(5)), 5);
    assert_eq!(effective_min_group_for("checklist", Some(1)), 3);
    assert_eq!(effective_min_group_for("course", Some(5)), 10);
    let pack = test_pack("checklist");
    let contents = checklist_set(&pack, &[("50plus", 4)]);
    let report = aggregate(&pack, &files(&contents), Some(4)).unwrap();
    assert_eq!(report.min_group, 4);
    assert!(
        !report.hidden,
        "4 workplaces are enough when the center says so"
    );
    let report = aggregate(&pack, &files(&contents), Some(1)).unwrap();
    assert_eq!(report.min_group, 3, "never below the small-cell size");
    let course = test_pack("course");
    let contents: Vec<(String, Vec<u8>)> = (0..5)
        .map(|i| (format!("c{i}.json"), course_file(&course, i)))
        .collect();
    let report = aggregate(&course, &files(&contents), Some(3)).unwrap();
    assert_eq!(report.min_group, 10);
    assert!(report.hidden);
}

/// Issue 19: the "why not" reasons showed only by size band, and every band was hidden. With
/// 15 files in bands of 8, 5 and 2 the bands hide, the overall reasons show; and no shown
/// band's count, taken from the overall one, gives away what hidden bands hold when it is
/// a small count.
#[test]
fn why_not_reasons_show_overall_and_hidden_bands_stay_hidden_by_subtraction() {
    let pack = test_pack("checklist");
    let contents = checklist_set(&pack, &[("50plus", 8), ("10to49", 5), ("under10", 2)]);
    let report = aggregate(&pack, &files(&contents), None).unwrap();
    let figures = report.figures::<Checklist>().unwrap();
    assert!(figures
        .size_bands
        .iter()
        .all(|b| b.figures.shown().is_none()));
    let overall = figures.why_not_overall.shown().expect("15 files ≥ 10");
    assert_eq!(overall.files, 15);
    let cost = overall.why_not.get("cost").unwrap();
    assert!(cost.files.unwrap() >= 3, "{cost:?}");
    // Lowered to 5, two bands show; for every reason and measure the rest (overall minus
    // the shown bands) is zero, at least 3, or a shown band's count is hidden with it.
    for min_group in [3, 5, 8] {
        let report = aggregate(&pack, &files(&contents), Some(min_group)).unwrap();
        let figures = report.figures::<Checklist>().unwrap();
        let overall = figures.why_not_overall.shown().unwrap();
        for (reason, total) in &overall.why_not {
            for measure in [0, 1] {
                let pick = |t: &kizuki_core::aggregate::WhyNotTally| {
                    if measure == 0 {
                        t.answers
                    } else {
                        t.files
                    }
                };
                let Some(total) = pick(total) else { continue };
                let shown_bands: Vec<Option<usize>> = figures
                    .size_bands
                    .iter()
                    .filter_map(|b| b.figures.shown())
                    .map(|b| b.why_not.get(reason).map_or(Some(0), pick))
                    .collect();
                if shown_bands.iter().any(Option::is_none) {
                    continue;
                }
                let rest = total - shown_bands.iter().flatten().sum::<usize>();
                assert!(
                    rest == 0 || rest >= 3,
                    "min {min_group}, {reason}/{measure}: {rest} follows by subtraction"
                );
            }
        }
    }
}

#[test]
fn the_items_least_in_place_come_from_shown_counts_lowest_first() {
    let pack = test_pack("checklist");
    let contents = checklist_set(&pack, &[("50plus", 12)]);
    let report = aggregate(&pack, &files(&contents), None).unwrap();
    let least = &report.figures::<Checklist>().unwrap().least_in_place;
    assert!(!least.is_empty());
    assert!(least.len() <= kizuki_core::aggregate::LEAST_IN_PLACE);
    assert!(least
        .windows(2)
        .all(|w| w[0].in_place_percent <= w[1].in_place_percent));
    for entry in least {
        assert!(entry.in_place == 0 || entry.in_place >= 3, "{entry:?}");
        assert!(entry.applies >= 10);
    }
}

/// Issue 19: the CSV carried an English message in a Japanese table.
#[test]
fn the_csv_is_in_the_pages_language_only() {
    let pack = test_pack("checklist");
    let mut contents = checklist_set(&pack, &[("50plus", 12)]);
    contents.push(("same.json".into(), contents[0].1.clone()));
    contents.push(("broken.json".into(), b"{".to_vec()));
    let report = aggregate(&pack, &files(&contents), None).unwrap();
    let csv = report_csv(&pack, &report, Lang::Ja);
    assert!(csv.starts_with('\u{feff}'), "UTF-8 with a BOM");
    assert!(csv.contains("前のファイルと同じ内容"));
    for english in [
        "the same export",
        "counted once",
        "not valid JSON",
        "expected",
        "hidden",
    ] {
        assert!(!csv.contains(english), "{english} in a Japanese CSV");
    }
}

#[test]
fn the_minimum_group_can_be_raised_but_not_lowered() {
    assert_eq!(effective_min_group(None), 10);
    assert_eq!(effective_min_group(Some(0)), 10);
    assert_eq!(effective_min_group(Some(9)), 10);
    assert_eq!(effective_min_group(Some(15)), 15);
    let pack = test_pack("checklist");
    let contents = checklist_set(&pack, &[("50plus", 12), ("10to49", 1)]);
    let report = aggregate(&pack, &files(&contents), Some(13)).unwrap();
    assert!(!report.hidden);
    let bands = report.figures::<Checklist>().unwrap().clone().size_bands;
    assert!(bands.iter().all(|b| b.figures.shown().is_none()), "12 < 13");
}

/// A course export: everyone finishes the first module's lessons; the scenario is left
/// unfinished when `index % 4 == 3`; the quiz is failed when `index % 5 == 4`; only even
/// indices start the second module.
fn course_file(pack: &ValidPack, index: usize) -> Vec<u8> {
    let Some(course) = pack.content::<Course>() else {
        unreachable!()
    };
    let m = |s: &str| s.to_string();
    let mut actions = vec![
        CourseAction::SetLearnerName {
            name: format!("受講者{index}"),
        },
        CourseAction::ReadLesson {
            module: m("four-cares"),
            lesson: m("fc-l1"),
        },
    ];
    let scenario_choice = if index % 4 == 3 { "later" } else { "listen" };
    actions.push(CourseAction::Choose {
        module: m("four-cares"),
        scenario: m("fc-s1"),
        choice: m(scenario_choice),
    });
    let first = if index % 5 == 4 { "b" } else { "a" };
    for (question, option) in [("fc-q1", first), ("fc-q2", "a"), ("fc-q2", "b")] {
        actions.push(CourseAction::ToggleOption {
            module: m("four-cares"),
            question: m(question),
            option: m(option),
        });
    }
    actions.push(CourseAction::SubmitQuiz {
        module: m("four-cares"),
        date: m("2026-10-01"),
        at: None,
    });
    let understanding = ["very", "mostly", "little"][index % 3];
    let usefulness = ["very", "not"][index % 2];
    for (question, option) in [("understanding", understanding), ("usefulness", usefulness)] {
        actions.push(CourseAction::SetFeedback {
            module: m("four-cares"),
            question: m(question),
            option: m(option),
        });
    }
    if index % 2 == 0 {
        actions.push(CourseAction::ReadLesson {
            module: m("noticing"),
            lesson: m("no-l1"),
        });
    }
    actions.push(CourseAction::AddActiveTime {
        module: m("four-cares"),
        seconds: u32::try_from(60 + 20 * index).unwrap(),
    });
    let mut progress = CourseProgress::default();
    for action in &actions {
        course.apply(&mut progress, action).unwrap();
    }
    // The follow-up as a file may carry it (asked weeks after completion on the device).
    progress.follow_up = Some(kizuki_core::kind::course::FollowUp {
        date: m("2026-11-01"),
        improved: index % 3 != 2,
        improvement: String::new(),
    });
    let saved_at = format!("2026-10-01T12:00:{:02}Z", index);
    Export::new(pack, KitState::from(progress), &saved_at, 1)
        .to_json()
        .into_bytes()
}

#[test]
fn course_rates_and_feedback_are_computed_per_module() {
    let pack = test_pack("course");
    let contents: Vec<(String, Vec<u8>)> = (0..12)
        .map(|i| (format!("learner-{i}.json"), course_file(&pack, i)))
        .collect();
    let report = aggregate(&pack, &files(&contents), None).unwrap();
    let figures = report.figures::<Course>().unwrap();
    assert_eq!(figures.completed_course, 0, "nobody did the second module");
    let four_cares = figures.modules[0].figures.shown().expect("12 started");
    assert_eq!(four_cares.started, 12);
    let passed = (0..12).filter(|i| i % 5 != 4).count();
    let completed = (0..12).filter(|i| i % 5 != 4 && i % 4 != 3).count();
    assert_eq!(four_cares.completed, completed);
    // 10 of 12 passed: the 2 who did not would point at people, so the quiz is hidden.
    assert_eq!(12 - passed, 2);
    assert_eq!(four_cares.quiz, Group::Hidden { min_group: 10 });
    let understanding = four_cares.feedback[0].figures.shown().unwrap();
    assert_eq!(
        understanding.positive,
        (0..12).filter(|i| i % 3 != 2).count()
    );
    let usefulness = four_cares.feedback[1].figures.shown().unwrap();
    assert!((usefulness.positive_percent - 50.0).abs() < 1e-9);
    // Time on task: the mean of 60 + 20·i seconds over 12 learners is 170 s, 2.8 minutes.
    assert_eq!(four_cares.mean_active_minutes, Some(2.8));
    // The follow-up: 8 of 12 made a concrete improvement (the KPI line is 80 %).
    let follow_up = figures.follow_up.shown().expect("12 answered");
    assert_eq!((follow_up.improved, follow_up.answered), (8, 12));
    assert!((follow_up.improved_percent - 66.7).abs() < 0.05);
    assert_eq!(
        figures.modules[1].figures,
        Group::Hidden { min_group: 10 },
        "6 learners started the second module"
    );
    let csv = report_csv(&pack, &report, Lang::En);
    check(
        &data_dir("course").join("aggregate.expected.json"),
        &report_json(&report),
    );
    check(&data_dir("course").join("aggregate.expected.csv"), &csv);
}

#[test]
fn plans_are_never_aggregated() {
    let pack = test_pack("plan");
    assert!(matches!(
        aggregate(&pack, &[], None),
        Err(Error::NotAllowed(_))
    ));
}

/// The finding: with the total of files shown, one hidden size band could be
/// worked out by subtraction, and a count of 1 inside a shown item pointed at one file.
#[test]
fn no_small_cell_shows_and_none_follows_by_subtraction() {
    let pack = test_pack("checklist");
    // 10 large workplaces and 3 mid-sized: hiding only the 3 would leave 13 − 10 = 3.
    let contents = checklist_set(&pack, &[("50plus", 10), ("10to49", 3)]);
    let report = aggregate(&pack, &files(&contents), None).unwrap();
    let figures = report.figures::<Checklist>().unwrap();
    let shown: Vec<usize> = figures
        .size_bands
        .iter()
        .filter_map(|b| b.figures.shown().map(|f| f.files))
        .collect();
    let hidden_total = report.files_valid - shown.iter().sum::<usize>();
    let hidden_nonempty = figures
        .size_bands
        .iter()
        .filter(|b| b.figures.shown().is_none())
        .count();
    assert!(
        hidden_total == 0 || (hidden_total >= 10 && hidden_nonempty >= 2),
        "a hidden band's size follows by subtraction: shown {shown:?} of {}",
        report.files_valid
    );
    // Inside every shown item: no count of 1 or 2, and never exactly one hidden count.
    for item in &figures.items {
        let Some(distribution) = item.answers.shown() else {
            continue;
        };
        let mut cells: Vec<Option<usize>> = distribution.choices.values().copied().collect();
        cells.push(distribution.unanswered);
        for count in cells.iter().flatten() {
            assert!(
                *count == 0 || *count >= 3,
                "{}: a small cell shows: {cells:?}",
                item.id
            );
        }
        let hidden = cells.iter().filter(|c| c.is_none()).count();
        assert_ne!(
            hidden, 1,
            "{}: one hidden cell follows from the total: {cells:?}",
            item.id
        );
    }
    // 13 files answering policy-statement yes/partly/no by index % 3: 5, 4, 4; with one more
    // "yes" file answered differently the cells would be small; here a 10 + 1 split.
    let mut split = checklist_set(&pack, &[("50plus", 10)]);
    split.truncate(10);
    let report = aggregate(&pack, &files(&split), None).unwrap();
    let statement = report
        .figures::<Checklist>()
        .unwrap()
        .items
        .iter()
        .find(|i| i.id == "committee-deliberates")
        .unwrap();
    if let Some(distribution) = statement.answers.shown() {
        let mut cells: Vec<Option<usize>> = distribution.choices.values().copied().collect();
        cells.push(distribution.unanswered);
        assert!(
            cells.iter().flatten().all(|&c| c == 0 || c >= 3),
            "{cells:?}"
        );
        assert_ne!(cells.iter().filter(|c| c.is_none()).count(), 1, "{cells:?}");
    }
}

/// The kind's figures sit behind the kind seam: a report holds its own kind's figures, read
/// typed, none of another kind, and its JSON names them once, by the kind's name.
#[test]
fn a_report_holds_its_own_kinds_figures_under_the_kinds_name() {
    let pack = test_pack("course");
    let contents: Vec<(String, Vec<u8>)> = (0..12)
        .map(|i| (format!("learner-{i}.json"), course_file(&pack, i)))
        .collect();
    let report = aggregate(&pack, &files(&contents), None).unwrap();
    assert!(report.figures::<Course>().is_some());
    assert!(report.figures::<Checklist>().is_none());
    let json: serde_json::Value = serde_json::from_str(&report_json(&report)).unwrap();
    assert!(json["course"].is_object());
    assert!(json.get("checklist").is_none() && json.get("kind_figures").is_none());
    // Hidden below the minimum group: no figures of any kind, and no key for them.
    let report = aggregate(&pack, &files(&contents[..9]), None).unwrap();
    assert!(report.hidden && report.figures::<Course>().is_none());
    assert!(!report_json(&report).contains("\"course\": {"));
}

/// The per-file rows (`kizuki aggregate --rows`) come from the pack's kind: every row has a
/// cell per column, a state of another kind gives none, and the plan has no table.
#[test]
fn each_kinds_per_file_rows_fit_its_columns() {
    for (kind, contents) in [
        ("checklist", {
            let pack = test_pack("checklist");
            checklist_set(&pack, &[("50plus", 3)])
        }),
        ("course", {
            let pack = test_pack("course");
            (0..3)
                .map(|i| (format!("learner-{i}.json"), course_file(&pack, i)))
                .collect()
        }),
    ] {
        let pack = test_pack(kind);
        let kit = &pack.pack().kit;
        let columns = kit.row_columns();
        assert!(!columns.is_empty(), "{kind}");
        for (_, bytes) in &contents {
            let export = kizuki_core::export::import(&pack, bytes).unwrap();
            let rows = kit.file_cells(&export.state);
            assert!(!rows.is_empty(), "{kind}");
            assert!(rows.iter().all(|row| row.len() == columns.len()), "{kind}");
            let other = test_pack(if kind == "course" {
                "checklist"
            } else {
                "course"
            });
            assert!(other.pack().kit.file_cells(&export.state).is_empty());
        }
    }
    assert!(test_pack("plan").pack().kit.row_columns().is_empty());
}
