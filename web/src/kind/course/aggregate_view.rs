//! The course's figures on the center's aggregation page (the tools module, compiled in
//! through `kind.rs` without the rest of the course's views): completion, the follow-up,
//! the 有用度 line and each module's figures. The core computed and hid every figure; this
//! file lays them out.

use kizuki_core::aggregate::{CourseFigures, FeedbackNumbers, Group};
use kizuki_core::kind::course::Course;
use kizuki_core::Lang;
use yew::prelude::*;

use crate::locale::fill;
use crate::tools::aggregate::{format_rate, AggregatePage, FiguresView};
use crate::tools::ToolsText;

impl FiguresView for Course {
    fn figures_view(&self, figures: &CourseFigures, page: &AggregatePage<'_>) -> Html {
        let files = page.report.files_valid;
        course_figures(page.lang, page.text, self, figures, &page.hidden(), files)
    }
}

/// The course's figures over `files` valid files, `hidden` wording a figure hidden below
/// the minimum group.
fn course_figures(
    lang: Lang,
    text: &ToolsText,
    course: &Course,
    figures: &CourseFigures,
    hidden: &str,
    files: usize,
) -> Html {
    let hidden = hidden.to_string();
    // Each feedback question's label: the column heading, and each figure's label on a phone.
    let feedback_labels: Vec<String> = course
        .feedback_questions
        .iter()
        .map(|q| {
            fill(
                text.agg_feedback_positive,
                &[("question", q.prompt.get(lang))],
            )
        })
        .collect();
    html! {
        <>
            <h4>{ &text.agg_course_heading }</h4>
            <p class="kizuki-tools-course-total">{ fill(text.agg_completed_course, &[
                ("completed", &figures.completed_course.to_string()),
                ("files", &files.to_string()),
                ("rate", &format_rate(figures.completion_rate_percent)),
            ]) }</p>
            <p class="kizuki-tools-course-follow-up">{ match figures.follow_up.shown() {
                Some(f) => fill(text.agg_follow_up, &[
                    ("improved", &f.improved.to_string()),
                    ("answered", &f.answered.to_string()),
                    ("rate", &format_rate(f.improved_percent)),
                ]),
                None => fill(text.agg_follow_up_hidden, &[("hidden", &hidden)]),
            } }</p>
            <p class="kizuki-hint">{ &text.agg_useful_line }</p>
            { for figures.course_feedback.iter().filter(|f| f.target_percent.is_some()).map(|f| html! {
                <p class="kizuki-tools-course-useful" data-question={f.question.clone()}
                   data-meets-target={f.meets_target.map(|m| m.to_string())}>
                    { match f.figures.shown() {
                        Some(n) => fill(text.agg_course_useful, &[
                            ("rate", &format_rate(n.positive_percent)),
                            ("positive", &n.positive.to_string()),
                            ("answered", &n.answered.to_string()),
                            ("verdict", if f.meets_target == Some(true) {
                                text.agg_course_useful_met
                            } else {
                                text.agg_course_useful_not_met
                            }),
                        ]),
                        None => fill(text.agg_course_useful_hidden, &[("hidden", &hidden)]),
                    } }
                </p>
            }) }
            <p class="kizuki-hint">{ &text.agg_course_rule }</p>
            <div class="kizuki-tools-scroll">
                <table class="kizuki-table kizuki-tools-table kizuki-tools-modules">
                    <thead><tr>
                        <th scope="col">{ &text.agg_module }</th>
                        <th scope="col">{ &text.agg_started }</th>
                        <th scope="col">{ &text.agg_completed }</th>
                        <th scope="col">{ &text.agg_quiz_pass }</th>
                        <th scope="col">{ &text.agg_mean_minutes }</th>
                        { for feedback_labels.iter().map(|label| html! { <th scope="col">{ label }</th> }) }
                    </tr></thead>
                    <tbody>
                        { for figures.modules.iter().map(|module| {
                            let title = course.modules.iter().find(|m| m.id == module.id)
                                .map_or(module.id.as_str(), |m| m.title.get(lang));
                            html! {
                                <tr data-module={module.id.clone()}>
                                    <th scope="row">{ title }</th>
                                    { match module.figures.shown() {
                                        Some(n) => html! {
                                            <>
                                                <td data-label={text.agg_started}>{ n.started }</td>
                                                <td data-label={text.agg_completed}>{ format!("{}（{}）", n.completed, format_rate(n.completion_rate_percent)) }</td>
                                                <td data-label={text.agg_quiz_pass}>{ match n.quiz.shown() {
                                                    Some(q) => format!("{}/{}（{}）", q.passed, q.attempted, format_rate(q.pass_rate_percent)),
                                                    None => hidden.clone(),
                                                } }</td>
                                                <td data-label={text.agg_mean_minutes}>{ n.mean_active_minutes.map_or_else(|| "—".to_string(), |m| format!("{m:.1}")) }</td>
                                                { for course.feedback_questions.iter().zip(&feedback_labels).map(|(q, label)| {
                                                    let group = n.feedback.iter().find(|f| f.question == q.id).map(|f| &f.figures);
                                                    feedback_cell(&q.id, label, group, &hidden)
                                                }) }
                                            </>
                                        },
                                        None => html! {
                                            <td class="kizuki-tools-hidden" colspan={(course.feedback_questions.len() + 4).to_string()}>
                                                { hidden.clone() }
                                            </td>
                                        },
                                    } }
                                </tr>
                            }
                        }) }
                    </tbody>
                    <tfoot>
                        <tr class="kizuki-tools-course-row">
                            <th scope="row">{ &text.agg_course_row }</th>
                            <td colspan="4" class="kizuki-tools-none">{ "—" }</td>
                            { for course.feedback_questions.iter().zip(&feedback_labels).map(|(q, label)| {
                                let group = figures.course_feedback.iter().find(|f| f.question == q.id).map(|f| &f.figures);
                                feedback_cell(&q.id, label, group, &hidden)
                            }) }
                        </tr>
                    </tfoot>
                </table>
            </div>
        </>
    }
}

/// One feedback question's cell, in a module's row or the whole course's: the share of
/// positive answers with its counts, or the hidden mark for a group under the minimum.
fn feedback_cell(
    question: &str,
    label: &str,
    group: Option<&Group<FeedbackNumbers>>,
    hidden: &str,
) -> Html {
    let value = group.and_then(Group::shown).map_or_else(
        || hidden.to_string(),
        |f| {
            format!(
                "{}（{}/{}）",
                format_rate(f.positive_percent),
                f.positive,
                f.answered
            )
        },
    );
    html! { <td data-question={question.to_string()} data-label={label.to_string()}>{ value }</td> }
}
