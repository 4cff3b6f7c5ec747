//! Aggregation of many exports of one pack, for a support center that received them:
//! counts, answer distributions, mean scores, "why not" tallies, course completion and
//! pass rates and feedback, with small groups hidden.
//!
//! **No figure is computed over fewer than `min_group` files** (at least
//! [`DEFAULT_MIN_GROUP`]): a size band, an item, an area, a module, a quiz or a feedback
//! question answered by fewer files is reported only as hidden, and the whole report is
//! hidden below that many valid files. Free text is never aggregated. Return-to-work cases
//! hold health information and are never aggregated.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::csv_export::{typed, write_csv};
use crate::error::{Error, Result};
use crate::export::{import, Export, KitState};
use crate::kind::checklist::{Checklist, ChecklistAnswers};
use crate::kind::course::{Course, CourseProgress, ModuleProgress};
use crate::load::ValidPack;
use crate::pack::Kit;
use crate::report::{fill_number, labels};
use crate::text::Lang;

/// The smallest group whose figures are shown; smaller requests are raised to it.
pub const DEFAULT_MIN_GROUP: usize = 10;

/// The band that holds every file when the checklist has no `size` profile question.
pub const BAND_ALL: &str = "all";
/// The band of files that did not answer the `size` question.
pub const BAND_UNANSWERED: &str = "unanswered";
/// The profile question whose answer splits files into size bands.
pub const SIZE_QUESTION: &str = "size";

/// One file to aggregate: its name (for the list of invalid files) and its bytes.
#[derive(Debug, Clone, Copy)]
pub struct ExportFile<'a> {
    /// The file name as received.
    pub name: &'a str,
    /// The file's content.
    pub bytes: &'a [u8],
}

/// Figures for a group, or nothing when the group is smaller than the minimum.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Group<T> {
    /// The group is large enough.
    Shown(T),
    /// The group has fewer than `min_group` files; nothing about it is shown.
    Hidden {
        /// The minimum group size that was not reached.
        min_group: usize,
    },
}

impl<T> Group<T> {
    fn of(size: usize, min_group: usize, figures: impl FnOnce() -> T) -> Group<T> {
        if size >= min_group {
            Group::Shown(figures())
        } else {
            Group::Hidden { min_group }
        }
    }

    /// The figures, when shown.
    pub fn shown(&self) -> Option<&T> {
        match self {
            Group::Shown(figures) => Some(figures),
            Group::Hidden { .. } => None,
        }
    }
}

/// What many exports of one pack add up to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AggregateReport {
    /// The pack aggregated.
    pub pack_id: String,
    /// Its version.
    pub pack_version: String,
    /// Its kind (`checklist` or `course`).
    pub kind: &'static str,
    /// The minimum group size applied.
    pub min_group: usize,
    /// Files given.
    pub files_read: usize,
    /// Files that imported and were counted.
    pub files_valid: usize,
    /// Files skipped, with why.
    pub invalid: Vec<InvalidFile>,
    /// True when fewer than `min_group` files were valid: no figures at all.
    pub hidden: bool,
    /// Checklist figures, unless hidden.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub checklist: Option<ChecklistFigures>,
    /// Course figures, unless hidden.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub course: Option<CourseFigures>,
}

/// A file that was skipped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InvalidFile {
    /// The file name.
    pub name: String,
    /// A stable code: an [`Error::code`], or `duplicate` for a file equal to an earlier one.
    pub code: &'static str,
    /// What is wrong, in English.
    pub message: String,
}

/// Checklist figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChecklistFigures {
    /// Mean overall score of the files with a score.
    pub mean_percent: Group<f64>,
    /// Per size band, in the profile's order (`all` when there is no size question).
    pub size_bands: Vec<SizeBand>,
    /// Per area, in pack order.
    pub areas: Vec<AreaFigures>,
    /// Per item, in pack order.
    pub items: Vec<ItemFigures>,
}

/// One size band.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SizeBand {
    /// The size choice id, `unanswered` or `all`.
    pub id: String,
    /// Its figures.
    pub figures: Group<BandFigures>,
}

/// What one size band holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BandFigures {
    /// Files in the band.
    pub files: usize,
    /// "Why not" reasons by reason id, in the pack's order of reasons.
    pub why_not: BTreeMap<String, WhyNotTally>,
}

/// How often a "why not" reason was given.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct WhyNotTally {
    /// Item answers giving it.
    pub answers: usize,
    /// Files giving it for at least one item.
    pub files: usize,
}

/// One area's mean score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaFigures {
    /// The area id.
    pub id: String,
    /// Mean score of the files where the area has a score.
    pub mean_percent: Group<f64>,
}

/// One item's answers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemFigures {
    /// The item id.
    pub id: String,
    /// The distribution over the files the item applies to.
    pub answers: Group<ItemDistribution>,
}

/// How the files the item applies to answered it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemDistribution {
    /// Files the item applies to.
    pub applies: usize,
    /// Files per scale option id.
    pub choices: BTreeMap<String, usize>,
    /// Files that left it unanswered.
    pub unanswered: usize,
}

/// Course figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CourseFigures {
    /// Files whose learner completed every module.
    pub completed_course: usize,
    /// Their share of the valid files, in percent.
    pub completion_rate_percent: f64,
    /// Per module, in course order.
    pub modules: Vec<ModuleFigures>,
}

/// One module.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModuleFigures {
    /// The module id.
    pub id: String,
    /// Figures over the files whose learner started the module.
    pub figures: Group<ModuleNumbers>,
}

/// What the learners who started a module did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModuleNumbers {
    /// Files whose learner started the module.
    pub started: usize,
    /// Of those, completed it.
    pub completed: usize,
    /// `completed / started`, in percent.
    pub completion_rate_percent: f64,
    /// The quiz, over the files that submitted it at least once.
    pub quiz: Group<QuizNumbers>,
    /// Per feedback question (理解度, 有用度), in the pack's order.
    pub feedback: Vec<FeedbackFigures>,
}

/// Quiz results of a module.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuizNumbers {
    /// Files with at least one attempt.
    pub attempted: usize,
    /// Of those, passed.
    pub passed: usize,
    /// `passed / attempted`, in percent.
    pub pass_rate_percent: f64,
}

/// One feedback question in one module.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FeedbackFigures {
    /// The feedback question id.
    pub question: String,
    /// Figures over the files that answered it.
    pub figures: Group<FeedbackNumbers>,
}

/// Answers to one feedback question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FeedbackNumbers {
    /// Files that answered.
    pub answered: usize,
    /// Of those, answered with a positive option.
    pub positive: usize,
    /// `positive / answered`, in percent.
    pub positive_percent: f64,
}

/// The minimum group size to apply: the request, raised to at least [`DEFAULT_MIN_GROUP`].
pub fn effective_min_group(requested: Option<usize>) -> usize {
    requested
        .unwrap_or(DEFAULT_MIN_GROUP)
        .max(DEFAULT_MIN_GROUP)
}

/// Aggregates exports of `pack`. Each file goes through [`import`]; files that fail, and
/// files equal to an earlier one, are listed in `invalid` and skipped. Fails only for a
/// plan pack, which is never aggregated.
pub fn aggregate(
    pack: &ValidPack,
    files: &[ExportFile<'_>],
    min_group: Option<usize>,
) -> Result<AggregateReport> {
    let min_group = effective_min_group(min_group);
    let kind = pack.pack().kit.kind_name();
    if let Kit::Plan(_) = pack.pack().kit {
        return Err(Error::NotAllowed(
            "return-to-work cases hold health information and are not aggregated".into(),
        ));
    }
    let mut valid: Vec<(&str, Export)> = Vec::new();
    let mut invalid = Vec::new();
    for file in files {
        match import(pack, file.bytes) {
            Ok(export) => {
                if let Some((first, _)) = valid.iter().find(|(_, e)| *e == export) {
                    invalid.push(InvalidFile {
                        name: file.name.to_string(),
                        code: "duplicate",
                        message: format!("the same export as `{first}`; counted once"),
                    });
                } else {
                    valid.push((file.name, export));
                }
            }
            Err(error) => invalid.push(InvalidFile {
                name: file.name.to_string(),
                code: error.code(),
                message: error.to_string(),
            }),
        }
    }
    let hidden = valid.len() < min_group;
    let mut report = AggregateReport {
        pack_id: pack.pack().id.clone(),
        pack_version: pack.pack().version.clone(),
        kind,
        min_group,
        files_read: files.len(),
        files_valid: valid.len(),
        invalid,
        hidden,
        checklist: None,
        course: None,
    };
    if hidden {
        return Ok(report);
    }
    match &pack.pack().kit {
        Kit::Checklist(checklist) => {
            let answers: Vec<&ChecklistAnswers> = valid
                .iter()
                .filter_map(|(_, e)| match &e.state {
                    KitState::Checklist(a) => Some(a),
                    _ => None,
                })
                .collect();
            report.checklist = Some(checklist_figures(checklist, &answers, min_group));
        }
        Kit::Course(course) => {
            let progress: Vec<&CourseProgress> = valid
                .iter()
                .filter_map(|(_, e)| match &e.state {
                    KitState::Course(p) => Some(p),
                    _ => None,
                })
                .collect();
            report.course = Some(course_figures(course, &progress, min_group));
        }
        Kit::Plan(_) => {}
    }
    Ok(report)
}

/// A percentage with one decimal, rounded half up.
fn rate(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        return 0.0;
    }
    let tenths = (part as u64 * 1000 + whole as u64 / 2) / whole as u64;
    tenths as f64 / 10.0
}

/// The mean of percentages, with one decimal.
fn mean(values: &[u8]) -> f64 {
    let sum: usize = values.iter().map(|&v| usize::from(v)).sum();
    rate(sum, values.len() * 100)
}

fn band_of(checklist: &Checklist, answers: &ChecklistAnswers) -> String {
    if !checklist.profile.iter().any(|q| q.id == SIZE_QUESTION) {
        return BAND_ALL.to_string();
    }
    answers
        .profile
        .get(SIZE_QUESTION)
        .cloned()
        .unwrap_or_else(|| BAND_UNANSWERED.to_string())
}

/// The band ids in order: the size options, then `unanswered` if any file is in it.
fn band_ids(checklist: &Checklist, present: &BTreeMap<String, usize>) -> Vec<String> {
    match checklist.profile.iter().find(|q| q.id == SIZE_QUESTION) {
        None => vec![BAND_ALL.to_string()],
        Some(question) => {
            let mut ids: Vec<String> = question.options.iter().map(|o| o.id.clone()).collect();
            if present.contains_key(BAND_UNANSWERED) {
                ids.push(BAND_UNANSWERED.to_string());
            }
            ids
        }
    }
}

fn checklist_figures(
    checklist: &Checklist,
    files: &[&ChecklistAnswers],
    min_group: usize,
) -> ChecklistFigures {
    let results: Vec<_> = files.iter().map(|a| checklist.result(a)).collect();

    let overall: Vec<u8> = results.iter().filter_map(|r| r.percent).collect();
    let mean_percent = Group::of(overall.len(), min_group, || mean(&overall));

    let areas = checklist
        .areas
        .iter()
        .enumerate()
        .map(|(index, area)| {
            let scores: Vec<u8> = results
                .iter()
                .filter_map(|r| r.areas.get(index).and_then(|a| a.percent))
                .collect();
            AreaFigures {
                id: area.id.clone(),
                mean_percent: Group::of(scores.len(), min_group, || mean(&scores)),
            }
        })
        .collect();

    let items = checklist
        .items()
        .map(|(_, item)| {
            let applying: Vec<&&ChecklistAnswers> = files
                .iter()
                .filter(|a| checklist.item_applies(item, a))
                .collect();
            ItemFigures {
                id: item.id.clone(),
                answers: Group::of(applying.len(), min_group, || {
                    let mut choices: BTreeMap<String, usize> =
                        checklist.scale.iter().map(|o| (o.id.clone(), 0)).collect();
                    let mut unanswered = 0;
                    for answers in &applying {
                        match answers.items.get(&item.id).and_then(|a| a.choice.as_ref()) {
                            Some(choice) => *choices.entry(choice.clone()).or_default() += 1,
                            None => unanswered += 1,
                        }
                    }
                    ItemDistribution {
                        applies: applying.len(),
                        choices,
                        unanswered,
                    }
                }),
            }
        })
        .collect();

    let mut by_band: BTreeMap<String, Vec<&ChecklistAnswers>> = BTreeMap::new();
    for answers in files {
        by_band
            .entry(band_of(checklist, answers))
            .or_default()
            .push(answers);
    }
    let sizes: BTreeMap<String, usize> =
        by_band.iter().map(|(k, v)| (k.clone(), v.len())).collect();
    let size_bands = band_ids(checklist, &sizes)
        .into_iter()
        .map(|id| {
            let members = by_band.get(&id).map(Vec::as_slice).unwrap_or(&[]);
            SizeBand {
                figures: Group::of(members.len(), min_group, || {
                    band_figures(checklist, members)
                }),
                id,
            }
        })
        .collect();

    ChecklistFigures {
        mean_percent,
        size_bands,
        areas,
        items,
    }
}

fn band_figures(checklist: &Checklist, members: &[&ChecklistAnswers]) -> BandFigures {
    let mut why_not: BTreeMap<String, WhyNotTally> = checklist
        .why_not
        .iter()
        .map(|r| (r.id.clone(), WhyNotTally::default()))
        .collect();
    for answers in members {
        let mut in_file: BTreeMap<&str, usize> = BTreeMap::new();
        for (item, answer) in &answers.items {
            let applies = checklist
                .item(item)
                .is_some_and(|i| checklist.item_applies(i, answers));
            if !applies {
                continue;
            }
            for reason in &answer.why_not {
                *in_file.entry(reason.as_str()).or_default() += 1;
            }
        }
        for (reason, count) in in_file {
            let tally = why_not.entry(reason.to_string()).or_default();
            tally.answers += count;
            tally.files += 1;
        }
    }
    BandFigures {
        files: members.len(),
        why_not,
    }
}

fn started(progress: &ModuleProgress) -> bool {
    !progress.lessons_read.is_empty()
        || !progress.scenarios.is_empty()
        || !progress.attempts.is_empty()
        || !progress.quiz_answers.is_empty()
        || !progress.feedback.is_empty()
}

fn course_figures(course: &Course, files: &[&CourseProgress], min_group: usize) -> CourseFigures {
    let results: Vec<_> = files.iter().map(|p| course.result(p)).collect();
    let completed_course = results.iter().filter(|r| r.completed_on.is_some()).count();
    let modules = course
        .modules
        .iter()
        .enumerate()
        .map(|(index, module)| {
            let members: Vec<(usize, &ModuleProgress)> = files
                .iter()
                .enumerate()
                .filter_map(|(file, p)| p.modules.get(&module.id).map(|m| (file, m)))
                .filter(|(_, m)| started(m))
                .collect();
            let figures = Group::of(members.len(), min_group, || {
                let module_result =
                    |file: usize| results.get(file).and_then(|r| r.modules.get(index));
                let completed = members
                    .iter()
                    .filter(|(file, _)| module_result(*file).is_some_and(|m| m.completed))
                    .count();
                let attempted = members
                    .iter()
                    .filter(|(_, m)| !m.attempts.is_empty())
                    .count();
                let passed = members
                    .iter()
                    .filter(|(_, m)| m.attempts.iter().any(|a| a.passed))
                    .count();
                let feedback = course
                    .feedback_questions
                    .iter()
                    .map(|question| {
                        let answers: Vec<&String> = members
                            .iter()
                            .filter_map(|(_, m)| m.feedback.get(&question.id))
                            .collect();
                        FeedbackFigures {
                            question: question.id.clone(),
                            figures: Group::of(answers.len(), min_group, || {
                                let positive = answers
                                    .iter()
                                    .filter(|a| question.positive.contains(a))
                                    .count();
                                FeedbackNumbers {
                                    answered: answers.len(),
                                    positive,
                                    positive_percent: rate(positive, answers.len()),
                                }
                            }),
                        }
                    })
                    .collect();
                ModuleNumbers {
                    started: members.len(),
                    completed,
                    completion_rate_percent: rate(completed, members.len()),
                    quiz: Group::of(attempted, min_group, || QuizNumbers {
                        attempted,
                        passed,
                        pass_rate_percent: rate(passed, attempted),
                    }),
                    feedback,
                }
            });
            ModuleFigures {
                id: module.id.clone(),
                figures,
            }
        })
        .collect();
    CourseFigures {
        completed_course,
        completion_rate_percent: rate(completed_course, files.len()),
        modules,
    }
}

/// The report as pretty JSON ending in a newline.
pub fn report_json(report: &AggregateReport) -> String {
    let mut json = serde_json::to_string_pretty(report).unwrap_or_default();
    json.push('\n');
    json
}

/// The report as a CSV table (BOM, CRLF): one figure per row, with section, group, id,
/// label, measure and value; labels in `lang`. Hidden figures read "hidden (n < 10)".
pub fn report_csv(pack: &ValidPack, report: &AggregateReport, lang: Lang) -> String {
    let l = labels(lang);
    let hidden = fill_number(
        l.hidden_below,
        i64::try_from(report.min_group).unwrap_or(i64::MAX),
    );
    let mut rows = Rows::default();
    rows.push(l.files, "", "", "", l.files, report.files_valid.to_string());
    for file in &report.invalid {
        rows.push(
            l.invalid_file,
            "",
            "",
            &typed(&file.name),
            file.code,
            file.message.clone(),
        );
    }
    if report.hidden {
        rows.push(l.files, "", "", "", l.value, hidden);
        return rows.finish(l);
    }
    match (&pack.pack().kit, &report.checklist, &report.course) {
        (Kit::Checklist(checklist), Some(figures), _) => {
            checklist_rows(&mut rows, checklist, figures, lang, &hidden);
        }
        (Kit::Course(course), _, Some(figures)) => {
            course_rows(&mut rows, course, figures, lang, &hidden);
        }
        _ => {}
    }
    rows.finish(l)
}

#[derive(Default)]
struct Rows(Vec<Vec<String>>);

impl Rows {
    fn push(
        &mut self,
        section: &str,
        group: &str,
        id: &str,
        label: &str,
        measure: &str,
        value: String,
    ) {
        self.0.push(vec![
            section.to_string(),
            group.to_string(),
            id.to_string(),
            label.to_string(),
            measure.to_string(),
            value,
        ]);
    }

    fn finish(self, l: &crate::report::Labels) -> String {
        write_csv(
            &[l.section, l.group, "id", l.item, l.measure, l.value],
            &self.0,
        )
    }
}

fn shown_or<T>(group: &Group<T>, hidden: &str, value: impl FnOnce(&T) -> String) -> String {
    group.shown().map_or_else(|| hidden.to_string(), value)
}

fn checklist_rows(
    rows: &mut Rows,
    checklist: &Checklist,
    figures: &ChecklistFigures,
    lang: Lang,
    hidden: &str,
) {
    let l = labels(lang);
    rows.push(
        l.overall,
        "",
        "",
        "",
        l.mean_percent,
        shown_or(&figures.mean_percent, hidden, |m| format!("{m:.1}")),
    );
    let size_question = checklist.profile.iter().find(|q| q.id == SIZE_QUESTION);
    for band in &figures.size_bands {
        let band_label = match band.id.as_str() {
            BAND_ALL => l.band_all,
            BAND_UNANSWERED => l.band_unanswered,
            id => size_question
                .and_then(|q| q.options.iter().find(|o| o.id == id))
                .map_or(id, |o| o.label.get(lang)),
        };
        match band.figures.shown() {
            None => rows.push(
                l.size_band,
                band_label,
                &band.id,
                "",
                l.files,
                hidden.to_string(),
            ),
            Some(band_figures) => {
                rows.push(
                    l.size_band,
                    band_label,
                    &band.id,
                    "",
                    l.files,
                    band_figures.files.to_string(),
                );
                for reason in &checklist.why_not {
                    let tally = band_figures
                        .why_not
                        .get(&reason.id)
                        .copied()
                        .unwrap_or_default();
                    rows.push(
                        l.why_not,
                        band_label,
                        &reason.id,
                        reason.label.get(lang),
                        l.count,
                        tally.answers.to_string(),
                    );
                    rows.push(
                        l.why_not,
                        band_label,
                        &reason.id,
                        reason.label.get(lang),
                        l.files,
                        tally.files.to_string(),
                    );
                }
            }
        }
    }
    for (area, area_figures) in checklist.areas.iter().zip(&figures.areas) {
        rows.push(
            l.area,
            "",
            &area.id,
            area.title.get(lang),
            l.mean_percent,
            shown_or(&area_figures.mean_percent, hidden, |m| format!("{m:.1}")),
        );
    }
    for ((_, item), item_figures) in checklist.items().zip(&figures.items) {
        let text = item.text.get(lang);
        match item_figures.answers.shown() {
            None => rows.push(l.item, "", &item.id, text, l.count, hidden.to_string()),
            Some(distribution) => {
                rows.push(
                    l.item,
                    "",
                    &item.id,
                    text,
                    l.applies,
                    distribution.applies.to_string(),
                );
                for option in &checklist.scale {
                    let count = distribution.choices.get(&option.id).copied().unwrap_or(0);
                    rows.push(
                        l.item,
                        "",
                        &item.id,
                        text,
                        option.label.get(lang),
                        count.to_string(),
                    );
                }
                rows.push(
                    l.item,
                    "",
                    &item.id,
                    text,
                    l.not_answered,
                    distribution.unanswered.to_string(),
                );
            }
        }
    }
}

fn course_rows(
    rows: &mut Rows,
    course: &Course,
    figures: &CourseFigures,
    lang: Lang,
    hidden: &str,
) {
    let l = labels(lang);
    rows.push(
        l.course,
        "",
        "",
        "",
        l.completed,
        figures.completed_course.to_string(),
    );
    rows.push(
        l.course,
        "",
        "",
        "",
        l.completion_rate,
        format!("{:.1}", figures.completion_rate_percent),
    );
    for (module, module_figures) in course.modules.iter().zip(&figures.modules) {
        let title = module.title.get(lang);
        let Some(numbers) = module_figures.figures.shown() else {
            rows.push(
                l.module,
                "",
                &module.id,
                title,
                l.started,
                hidden.to_string(),
            );
            continue;
        };
        rows.push(
            l.module,
            "",
            &module.id,
            title,
            l.started,
            numbers.started.to_string(),
        );
        rows.push(
            l.module,
            "",
            &module.id,
            title,
            l.completed,
            numbers.completed.to_string(),
        );
        rows.push(
            l.module,
            "",
            &module.id,
            title,
            l.completion_rate,
            format!("{:.1}", numbers.completion_rate_percent),
        );
        rows.push(
            l.module,
            "",
            &module.id,
            title,
            l.pass_rate,
            shown_or(&numbers.quiz, hidden, |q| {
                format!("{:.1}", q.pass_rate_percent)
            }),
        );
        for (question, feedback) in course.feedback_questions.iter().zip(&numbers.feedback) {
            rows.push(
                l.feedback,
                title,
                &question.id,
                question.prompt.get(lang),
                l.positive_percent,
                shown_or(&feedback.figures, hidden, |f| {
                    format!("{:.1}", f.positive_percent)
                }),
            );
        }
    }
}
