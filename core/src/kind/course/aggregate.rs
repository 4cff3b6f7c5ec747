//! Course aggregates: completion over all files, and per module the completion and pass
//! rates and the positive share of each feedback question, each hidden below the minimum.

use serde::Serialize;

use crate::aggregate::{
    part_can_show, rate, shown_or, Cell, CellType, Group, KindAggregate, KindFigures, RowColumn,
    Rows, Tally,
};
use crate::error::Result;
use crate::kind::course::{Course, CourseProgress, ModuleProgress};
use crate::kind::KitState;
use crate::report::labels;
use crate::text::Lang;

/// Course figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CourseFigures {
    /// Files whose learner completed every module.
    pub completed_course: usize,
    /// Their share of the valid files, in percent.
    pub completion_rate_percent: f64,
    /// Per module, in course order.
    pub modules: Vec<ModuleFigures>,
    /// The follow-up a few weeks after completion: the share who made a concrete
    /// improvement (the centers' KPI: at least [`IMPROVEMENT_TARGET_PERCENT`]).
    pub follow_up: Group<FollowUpNumbers>,
    /// Per feedback question (理解度, 有用度), in the pack's order: the course as a whole,
    /// one answer per person ([`person_is_positive`]). The 有用度 one is the course's
    /// 有益度, held against [`USEFUL_TARGET_PERCENT`].
    pub course_feedback: Vec<CourseFeedbackFigures>,
}

/// The feedback question whose positive share is the centers' 有益度 (the pack's id).
pub const USEFULNESS_QUESTION_ID: &str = "usefulness";

/// One feedback question over the whole course, one answer per person.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CourseFeedbackFigures {
    /// The feedback question id.
    pub question: String,
    /// Over the people who answered it in at least one module: `answered` people,
    /// `positive` of them positive for the course as a whole.
    pub figures: Group<FeedbackNumbers>,
    /// The KPI line the share is held against (有益度: [`USEFUL_TARGET_PERCENT`]), if any.
    pub target_percent: Option<f64>,
    /// Whether the shown share reaches the line (`None`: no line, or hidden).
    pub meets_target: Option<bool>,
}

/// Whether one person counts as positive about the whole course on one feedback question:
/// more than half of the modules they answered it for got a positive answer (the pack's
/// `positive`, the top two of the scale); a tie is not positive. `None` when they answered
/// it for no module. (The course asks its questions per module; no course-level answer
/// exists, so the person's module answers decide, and each person counts once.)
pub fn person_is_positive(positive: usize, answered: usize) -> Option<bool> {
    (answered > 0).then_some(positive * 2 > answered)
}

/// The centers' KPI line for the share of trainees who call the training useful (有益度).
pub const USEFUL_TARGET_PERCENT: f64 = 90.0;
/// The centers' KPI line for the share who made a concrete improvement afterwards.
pub const IMPROVEMENT_TARGET_PERCENT: f64 = 80.0;

/// Answers to the follow-up.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FollowUpNumbers {
    /// Files with a follow-up answer.
    pub answered: usize,
    /// Of those, a concrete improvement was made.
    pub improved: usize,
    /// `improved / answered`, in percent.
    pub improved_percent: f64,
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
    /// Mean active time on the module in minutes, over the files that recorded any.
    pub mean_active_minutes: Option<f64>,
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

/// Whether the learner started a module: read, tried or answered anything in it. Only
/// started modules count in a module's figures.
pub fn started(progress: &ModuleProgress) -> bool {
    !progress.lessons_read.is_empty()
        || !progress.scenarios.is_empty()
        || !progress.attempts.is_empty()
        || !progress.quiz_answers.is_empty()
        || !progress.feedback.is_empty()
}

/// Running counts of one module.
#[derive(Debug, Clone, Default)]
struct ModuleTally {
    started: usize,
    completed: usize,
    attempted: usize,
    passed: usize,
    /// Per feedback question, in the pack's order: (answered, positive).
    feedback: Vec<(usize, usize)>,
    /// Sum of active seconds, and the number of files that recorded any.
    active_seconds: u64,
    timed: usize,
}

/// Course figures as running counts: each learner's progress is added once
/// ([`CourseTally::add`]) and dropped, so memory is bounded by the pack (its modules and
/// feedback questions), not by the number of files.
#[derive(Debug, Clone)]
pub struct CourseTally<'c> {
    course: &'c Course,
    files: usize,
    completed_course: usize,
    modules: Vec<ModuleTally>,
    follow_up_answered: usize,
    follow_up_improved: usize,
    /// Per feedback question, in the pack's order: (people who answered it in a module,
    /// people positive about the course, [`person_is_positive`]).
    course_feedback: Vec<(usize, usize)>,
}

impl<'c> CourseTally<'c> {
    /// No files yet.
    pub fn new(course: &'c Course) -> CourseTally<'c> {
        let empty = ModuleTally {
            feedback: vec![(0, 0); course.feedback_questions.len()],
            ..ModuleTally::default()
        };
        CourseTally {
            course,
            files: 0,
            completed_course: 0,
            modules: vec![empty; course.modules.len()],
            follow_up_answered: 0,
            follow_up_improved: 0,
            course_feedback: vec![(0, 0); course.feedback_questions.len()],
        }
    }

    /// Adds one learner's progress.
    pub fn add(&mut self, progress: &CourseProgress) {
        let course = self.course;
        let result = course.result(progress);
        self.files += 1;
        if result.completed_on.is_some() {
            self.completed_course += 1;
        }
        for (index, (module, tally)) in course.modules.iter().zip(&mut self.modules).enumerate() {
            let Some(member) = progress.modules.get(&module.id).filter(|m| started(m)) else {
                continue;
            };
            tally.started += 1;
            if result.modules.get(index).is_some_and(|m| m.completed) {
                tally.completed += 1;
            }
            if !member.attempts.is_empty() {
                tally.attempted += 1;
            }
            if member.attempts.iter().any(|a| a.passed) {
                tally.passed += 1;
            }
            for (question, counts) in course.feedback_questions.iter().zip(&mut tally.feedback) {
                if let Some(answer) = member.feedback.get(&question.id) {
                    counts.0 += 1;
                    if question.positive.contains(answer) {
                        counts.1 += 1;
                    }
                }
            }
            if member.active_seconds > 0 {
                tally.active_seconds = tally.active_seconds.saturating_add(member.active_seconds);
                tally.timed += 1;
            }
        }
        for (question, counts) in course
            .feedback_questions
            .iter()
            .zip(&mut self.course_feedback)
        {
            let (mut answered, mut positive) = (0, 0);
            for module in &course.modules {
                let answer = progress
                    .modules
                    .get(&module.id)
                    .and_then(|member| member.feedback.get(&question.id));
                if let Some(answer) = answer {
                    answered += 1;
                    if question.positive.contains(answer) {
                        positive += 1;
                    }
                }
            }
            if let Some(is_positive) = person_is_positive(positive, answered) {
                counts.0 += 1;
                if is_positive {
                    counts.1 += 1;
                }
            }
        }
        if let Some(follow_up) = &progress.follow_up {
            self.follow_up_answered += 1;
            if follow_up.improved {
                self.follow_up_improved += 1;
            }
        }
    }

    /// The figures, each group hidden below `min_group`.
    pub fn finish(self, min_group: usize) -> CourseFigures {
        let course = self.course;
        let modules = course
            .modules
            .iter()
            .zip(&self.modules)
            .map(|(module, tally)| ModuleFigures {
                id: module.id.clone(),
                figures: Group::of(tally.started, min_group, || {
                    module_numbers(course, tally, min_group)
                }),
            })
            .collect();
        let (answered, improved) = (self.follow_up_answered, self.follow_up_improved);
        let course_feedback = course
            .feedback_questions
            .iter()
            .zip(&self.course_feedback)
            .map(|(question, &(answered, positive))| {
                let figures = feedback_group(answered, positive, min_group);
                let target_percent =
                    (question.id == USEFULNESS_QUESTION_ID).then_some(USEFUL_TARGET_PERCENT);
                let meets_target = match (target_percent, figures.shown()) {
                    (Some(target), Some(numbers)) => Some(numbers.positive_percent >= target),
                    _ => None,
                };
                CourseFeedbackFigures {
                    question: question.id.clone(),
                    figures,
                    target_percent,
                    meets_target,
                }
            })
            .collect();
        CourseFigures {
            completed_course: self.completed_course,
            completion_rate_percent: rate(self.completed_course, self.files),
            modules,
            follow_up: Group::of(
                if part_can_show(improved, answered) {
                    answered
                } else {
                    0
                },
                min_group,
                || FollowUpNumbers {
                    answered,
                    improved,
                    improved_percent: rate(improved, answered),
                },
            ),
            course_feedback,
        }
    }
}

/// Positive answers out of `answered`, hidden below `min_group` and also when the positive
/// or the other answers are few.
fn feedback_group(answered: usize, positive: usize, min_group: usize) -> Group<FeedbackNumbers> {
    Group::of(
        if part_can_show(positive, answered) {
            answered
        } else {
            0
        },
        min_group,
        || FeedbackNumbers {
            answered,
            positive,
            positive_percent: rate(positive, answered),
        },
    )
}

fn module_numbers(course: &Course, tally: &ModuleTally, min_group: usize) -> ModuleNumbers {
    let feedback = course
        .feedback_questions
        .iter()
        .zip(&tally.feedback)
        .map(|(question, &(answered, positive))| FeedbackFigures {
            question: question.id.clone(),
            // Hidden too when the positive or the other answers are few.
            figures: feedback_group(answered, positive, min_group),
        })
        .collect();
    let (attempted, passed) = (tally.attempted, tally.passed);
    ModuleNumbers {
        started: tally.started,
        completed: tally.completed,
        completion_rate_percent: rate(tally.completed, tally.started),
        quiz: Group::of(
            if part_can_show(passed, attempted) {
                attempted
            } else {
                0
            },
            min_group,
            || QuizNumbers {
                attempted,
                passed,
                pass_rate_percent: rate(passed, attempted),
            },
        ),
        feedback,
        mean_active_minutes: (tally.timed > 0)
            .then(|| (tally.active_seconds as f64 / tally.timed as f64 / 6.0).round() / 10.0),
    }
}

/// One learner's rows for `kizuki aggregate --rows`: the course as a whole and one row
/// per module, as [`CourseTally`] counts them.
#[derive(Debug, Clone, PartialEq)]
pub struct CourseFileRows {
    /// Every module completed.
    pub completed_course: bool,
    /// The follow-up's answer: a concrete improvement was made (`None`: not answered).
    pub improved: Option<bool>,
    /// One per module, in course order.
    pub modules: Vec<ModuleRow>,
}

/// One learner in one module.
#[derive(Debug, Clone, PartialEq)]
pub struct ModuleRow {
    /// The module id.
    pub module: String,
    /// Started (only started modules count in a module's figures).
    pub started: bool,
    /// Completed.
    pub completed: bool,
    /// Quiz attempts.
    pub attempts: usize,
    /// An attempt passed.
    pub passed: bool,
    /// The best attempt's score in percent.
    pub best_percent: Option<u8>,
    /// Active time on the module, in seconds.
    pub active_seconds: u64,
    /// Per feedback question, in the pack's order: the answer and whether it is positive.
    pub feedback: Vec<Option<(String, bool)>>,
}

/// The rows of one learner's progress.
pub fn course_file_rows(course: &Course, progress: &CourseProgress) -> CourseFileRows {
    let result = course.result(progress);
    let modules = course
        .modules
        .iter()
        .enumerate()
        .map(|(index, module)| {
            let member = progress.modules.get(&module.id);
            let module_result = result.modules.get(index);
            ModuleRow {
                module: module.id.clone(),
                started: member.is_some_and(started),
                completed: module_result.is_some_and(|m| m.completed),
                attempts: member.map_or(0, |m| m.attempts.len()),
                passed: member.is_some_and(|m| m.attempts.iter().any(|a| a.passed)),
                best_percent: module_result.and_then(|m| m.best_percent),
                active_seconds: member.map_or(0, |m| m.active_seconds),
                feedback: course
                    .feedback_questions
                    .iter()
                    .map(|question| {
                        let answer = member?.feedback.get(&question.id)?;
                        Some((answer.clone(), question.positive.contains(answer)))
                    })
                    .collect(),
            }
        })
        .collect();
    CourseFileRows {
        completed_course: result.completed_on.is_some(),
        improved: progress.follow_up.as_ref().map(|f| f.improved),
        modules,
    }
}

pub(crate) fn rows(
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
    rows.push(
        l.course,
        "",
        "",
        "",
        l.follow_up_improved_percent,
        shown_or(&figures.follow_up, hidden, |f| {
            format!("{:.1}", f.improved_percent)
        }),
    );
    for (question, feedback) in course
        .feedback_questions
        .iter()
        .zip(&figures.course_feedback)
    {
        rows.push(
            l.course,
            "",
            &question.id,
            question.prompt.get(lang),
            l.course_positive_percent,
            shown_or(&feedback.figures, hidden, |f| {
                format!("{:.1}", f.positive_percent)
            }),
        );
    }
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
        rows.push(
            l.module,
            "",
            &module.id,
            title,
            l.mean_active_minutes,
            numbers
                .mean_active_minutes
                .map_or_else(String::new, |m| format!("{m:.1}")),
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

/// A course's part in a center's aggregation: its counts per module and feedback question
/// ([`CourseTally`]), its figures and their CSV rows.
impl KindAggregate for Course {
    type Figures = CourseFigures;

    fn tally(&self) -> Result<Option<Box<dyn Tally + '_>>> {
        Ok(Some(Box::new(CourseTally::new(self))))
    }

    fn figure_rows(&self, figures: &CourseFigures, out: &mut Rows, lang: Lang, hidden: &str) {
        rows(out, self, figures, lang, hidden);
    }

    /// One row per module: whether the course is completed, the follow-up's improvement,
    /// then the module's progress, and per feedback question its answer and whether positive.
    fn row_columns(&self) -> Vec<RowColumn> {
        let mut columns = vec![
            RowColumn::new("course_completed", CellType::Bool, false),
            RowColumn::new("improved", CellType::Bool, true),
            RowColumn::new("module", CellType::Text, false),
            RowColumn::new("started", CellType::Bool, false),
            RowColumn::new("completed", CellType::Bool, false),
            RowColumn::new("attempts", CellType::Int, false),
            RowColumn::new("passed", CellType::Bool, false),
            RowColumn::new("best_percent", CellType::Int, true),
            RowColumn::new("active_seconds", CellType::Int, false),
        ];
        for question in &self.feedback_questions {
            columns.push(RowColumn::new(
                format!("feedback_{}", question.id),
                CellType::Text,
                true,
            ));
            columns.push(RowColumn::new(
                format!("feedback_{}_positive", question.id),
                CellType::Bool,
                true,
            ));
        }
        columns
    }

    fn file_cells(&self, progress: &CourseProgress) -> Vec<Vec<Cell>> {
        let rows = course_file_rows(self, progress);
        rows.modules
            .iter()
            .map(|module| {
                let mut cells = vec![
                    Cell::Bool(rows.completed_course),
                    Cell::opt(rows.improved, Cell::Bool),
                    Cell::text(&module.module),
                    Cell::Bool(module.started),
                    Cell::Bool(module.completed),
                    Cell::int(module.attempts),
                    Cell::Bool(module.passed),
                    Cell::opt(module.best_percent, Cell::int),
                    Cell::int(module.active_seconds),
                ];
                for answer in &module.feedback {
                    cells.push(Cell::opt(answer.as_ref(), |(a, _)| Cell::text(a)));
                    cells.push(Cell::opt(answer.as_ref(), |(_, p)| Cell::Bool(*p)));
                }
                cells
            })
            .collect()
    }
}

impl Tally for CourseTally<'_> {
    fn count(&mut self, state: &KitState) {
        if let Some(progress) = state.get::<Course>() {
            self.add(progress);
        }
    }

    fn into_figures(self: Box<Self>, min_group: usize) -> KindFigures {
        (*self).finish(min_group).into()
    }
}
