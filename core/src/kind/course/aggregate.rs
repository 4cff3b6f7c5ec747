//! Course aggregates: completion over all files, and per module the completion and pass
//! rates and the positive share of each feedback question, each hidden below the minimum.

use serde::Serialize;

use crate::aggregate::{rate, shown_or, Group, Rows};
use crate::kind::course::{Course, CourseProgress, ModuleProgress};
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

fn started(progress: &ModuleProgress) -> bool {
    !progress.lessons_read.is_empty()
        || !progress.scenarios.is_empty()
        || !progress.attempts.is_empty()
        || !progress.quiz_answers.is_empty()
        || !progress.feedback.is_empty()
}

pub(crate) fn figures(
    course: &Course,
    files: &[&CourseProgress],
    min_group: usize,
) -> CourseFigures {
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
                            figures: {
                                let positive = answers
                                    .iter()
                                    .filter(|a| question.positive.contains(a))
                                    .count();
                                // Hidden too when the positive or the other answers are few.
                                let size =
                                    if crate::aggregate::part_can_show(positive, answers.len()) {
                                        answers.len()
                                    } else {
                                        0
                                    };
                                Group::of(size, min_group, || FeedbackNumbers {
                                    answered: answers.len(),
                                    positive,
                                    positive_percent: rate(positive, answers.len()),
                                })
                            },
                        }
                    })
                    .collect();
                let times: Vec<u64> = members
                    .iter()
                    .map(|(_, m)| m.active_seconds)
                    .filter(|seconds| *seconds > 0)
                    .collect();
                let mean_active_minutes = (!times.is_empty()).then(|| {
                    let total: u64 = times.iter().sum();
                    (total as f64 / times.len() as f64 / 6.0).round() / 10.0
                });
                ModuleNumbers {
                    mean_active_minutes,
                    started: members.len(),
                    completed,
                    completion_rate_percent: rate(completed, members.len()),
                    quiz: Group::of(
                        if crate::aggregate::part_can_show(passed, attempted) {
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
                }
            });
            ModuleFigures {
                id: module.id.clone(),
                figures,
            }
        })
        .collect();
    let answers: Vec<bool> = files
        .iter()
        .filter_map(|p| p.follow_up.as_ref().map(|f| f.improved))
        .collect();
    let improved = answers.iter().filter(|i| **i).count();
    let size = if crate::aggregate::part_can_show(improved, answers.len()) {
        answers.len()
    } else {
        0
    };
    CourseFigures {
        completed_course,
        completion_rate_percent: rate(completed_course, files.len()),
        modules,
        follow_up: Group::of(size, min_group, || FollowUpNumbers {
            answered: answers.len(),
            improved,
            improved_percent: rate(improved, answers.len()),
        }),
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
