//! A module's quiz: radio buttons (single) or checkboxes (multiple) per question, the
//! review of an answer once checked (each chosen option's feedback, the right answer's, the
//! current rule where the law changed, the sources), submit, the score against the pass mark
//! and retake. Correctness and scores come from the core.

use kizuki_core::kind::course::{
    review_question, CourseAction, Module, Question, QuestionKind, QuizAttempt, ShownQuestion,
};
use yew::prelude::*;

use super::module::{next_button, previous_button, step_heading};
use super::notice::CourseNotice;
use super::rich::{inline, sources, updates};
use super::screen::Step;
use super::text::fill;
use super::{Ctx, Msg, Notice};
use crate::platform;
use crate::shell::notice::KitNotice;

/// The questions shown, each with its options in the order shown.
fn shown_questions<'a>(
    module: &'a Module,
    shown: &[ShownQuestion],
) -> Vec<(&'a Question, Vec<&'a kizuki_core::kind::course::QuizOption>)> {
    shown
        .iter()
        .filter_map(|item| {
            let question = module
                .quiz
                .questions
                .iter()
                .find(|q| q.id == item.question)?;
            let options = item
                .options
                .iter()
                .filter_map(|id| question.options.iter().find(|o| &o.id == id))
                .collect();
            Some((question, options))
        })
        .collect()
}

/// The quiz step: the form, or the last attempt's result until the learner retakes.
pub fn quiz(ctx: &Ctx<'_>, module: &Module) -> Html {
    let text = ctx.text;
    let progress = ctx.state.progress.modules.get(&module.id);
    let empty = kizuki_core::VecSet::new();
    let answering =
        progress.is_some_and(|p| !p.quiz_answers.is_empty() || !p.quiz_shown.is_empty());
    let shown = ctx.course.quiz_shown(&ctx.state.progress, module);
    let last_attempt = progress.and_then(|p| p.attempts.last());
    let showing = last_attempt.filter(|_| !answering && !ctx.state.retaking);
    let pass = ctx.course.pass_mark(module).to_string();
    let intro = fill(
        text.quiz_intro,
        &[("total", &shown.len().to_string()), ("pass", &pass)],
    );

    let live = match showing {
        Some(attempt) => html! {
            <>
                <p class="kizuki-course-score-line">
                    { fill(text.result_score, &[
                        ("total", &attempt.total.to_string()),
                        ("correct", &attempt.correct.to_string()),
                        ("percent", &attempt.percent.to_string()),
                    ]) }
                </p>
                <p class={classes!("kizuki-course-verdict", if attempt.passed { "kizuki-course-passed" } else { "kizuki-course-failed" })}>
                    { if attempt.passed {
                        format!("✓ {}", fill(text.result_passed, &[("pass", &pass)]))
                    } else {
                        format!("× {}", fill(text.result_failed, &[("pass", &pass)]))
                    } }
                </p>
            </>
        },
        None => Html::default(),
    };

    let body = match showing {
        Some(attempt) => result(ctx, module, attempt),
        None => {
            let questions = shown_questions(module, &shown).into_iter().enumerate().map(
                |(index, (question, options))| {
                    let chosen = progress
                        .and_then(|p| p.quiz_answers.get(&question.id))
                        .unwrap_or(&empty);
                    question_form(ctx, module, index, question, &options, chosen)
                },
            );
            let unanswered = match &ctx.state.shell.notice {
                Some(Notice::Kit(notice @ CourseNotice::Unanswered(_))) => html! {
                    <p class="kizuki-notice kizuki-notice--error" id={ctx.id("quiz-notice")}
                       tabindex="-1" role="alert">
                        { notice.message(ctx.lang) }
                    </p>
                },
                _ => Html::default(),
            };
            html! {
                <>
                    <p>{ intro }</p>
                    { for questions }
                    { unanswered }
                    <div class="kizuki-actions">
                        { previous_button(ctx, module, &Step::Quiz) }
                        <button type="button" class="kizuki-button" onclick={ctx.send(Msg::Submit(module.id.clone()))}>
                            { &text.submit_quiz }
                        </button>
                    </div>
                </>
            }
        }
    };

    html! {
        <section class="kizuki-course-quiz">
            { step_heading(ctx, text.step_quiz) }
            <div class="kizuki-course-result-live" id={ctx.id("quiz-result")} tabindex="-1"
                 role="status" aria-live="polite">
                { live }
            </div>
            { body }
        </section>
    }
}

/// One question while answering: its options, then "答えを確認" or, once checked, the review.
fn question_form(
    ctx: &Ctx<'_>,
    module: &Module,
    index: usize,
    question: &Question,
    shown_options: &[&kizuki_core::kind::course::QuizOption],
    chosen: &kizuki_core::VecSet,
) -> Html {
    let text = ctx.text;
    let lang = ctx.lang;
    let checked = ctx
        .state
        .progress
        .modules
        .get(&module.id)
        .is_some_and(|progress| progress.quiz_checked.contains(&question.id));
    let name = ctx.id(&format!("q-{}", question.id));
    let (kind, hint) = match question.kind {
        QuestionKind::Single => ("radio", &text.choose_one),
        QuestionKind::Multiple => ("checkbox", &text.choose_all),
    };
    let options = shown_options.iter().map(|option| {
        let id = format!("{name}-{}", option.id);
        let action = CourseAction::ToggleOption {
            module: module.id.clone(),
            question: question.id.clone(),
            option: option.id.clone(),
        };
        let dispatch = ctx.dispatch.clone();
        html! {
            <div class="kizuki-option">
                <input type={kind} id={id.clone()} name={name.clone()} value={option.id.clone()}
                       checked={chosen.contains(&option.id)} disabled={checked}
                       onchange={Callback::from(move |_: Event| dispatch.dispatch(Msg::Apply(action.clone())))} />
                <label for={id}>{ inline(option.text.get(lang)) }</label>
            </div>
        }
    });
    html! {
        <fieldset class="kizuki-question kizuki-course-question">
            <legend>
                <span class="kizuki-course-qnum">{ fill(text.question_number, &[("n", &(index + 1).to_string())]) }</span>
                { " " }{ inline(question.prompt.get(lang)) }
                <span class="kizuki-course-hint">{ hint }</span>
            </legend>
            { for options }
            if checked {
                { review(ctx, question, chosen) }
            } else if !chosen.is_empty() {
                <button type="button" class="kizuki-button kizuki-button--secondary kizuki-course-check"
                        onclick={ctx.send(Msg::Check(module.id.clone(), question.id.clone()))}>
                    { &text.check_answer }
                </button>
            }
        </fieldset>
    }
}

/// The explanation of an answer: verdict, each chosen option's feedback, the right
/// answer's, the current rule where it changed, and the sources.
fn review(ctx: &Ctx<'_>, question: &Question, chosen: &kizuki_core::VecSet) -> Html {
    let text = ctx.text;
    let lang = ctx.lang;
    let review = review_question(question, chosen);
    let (verdict, class) = if review.correct {
        (&text.verdict_correct, "kizuki-course-passed")
    } else if review.answered {
        (&text.verdict_wrong, "kizuki-course-failed")
    } else {
        (&text.verdict_unanswered, "kizuki-course-failed")
    };
    let yours = review.chosen.iter().map(|option| {
        html! {
            <li>
                <p class="kizuki-course-option-text">{ inline(option.text.get(lang)) }</p>
                <p>{ inline(option.feedback.get(lang)) }</p>
            </li>
        }
    });
    let right = review.right.iter().map(|option| {
        let already_explained = chosen.contains(&option.id);
        html! {
            <li>
                <p class="kizuki-course-option-text">{ inline(option.text.get(lang)) }</p>
                if !already_explained {
                    <p>{ inline(option.feedback.get(lang)) }</p>
                }
            </li>
        }
    });
    html! {
        <div class="kizuki-notice kizuki-course-review" id={ctx.id(&format!("review-{}", question.id))} tabindex="-1">
            <p class={classes!("kizuki-course-verdict", class)}>{ verdict }</p>
            if review.answered {
                <p class="kizuki-course-review-label">{ &text.your_answer }</p>
                <ul class="kizuki-course-review-list">{ for yours }</ul>
            }
            if !review.correct {
                <p class="kizuki-course-review-label">{ &text.right_answer }</p>
                <ul class="kizuki-course-review-list">{ for right }</ul>
            }
            { updates(ctx.pack, &question.updates, lang, text) }
            { sources(ctx.pack, &review.sources, lang, text) }
        </div>
    }
}

/// The last attempt: retake and the way on, then every question's explanation.
fn result(ctx: &Ctx<'_>, module: &Module, attempt: &QuizAttempt) -> Html {
    let text = ctx.text;
    let lang = ctx.lang;
    let empty = kizuki_core::VecSet::new();
    let attempts = ctx
        .state
        .progress
        .modules
        .get(&module.id)
        .map_or(0, |p| p.attempts.len());
    let asked = ctx.course.attempt_shown(module, attempt);
    let reviews = shown_questions(module, &asked).into_iter().enumerate().map(|(index, (question, _))| {
        let chosen = attempt.answers.get(&question.id).unwrap_or(&empty);
        html! {
            <li class="kizuki-course-question">
                <p class="kizuki-course-review-prompt">
                    <span class="kizuki-course-qnum">{ fill(text.question_number, &[("n", &(index + 1).to_string())]) }</span>
                    { " " }{ inline(question.prompt.get(lang)) }
                </p>
                { review(ctx, question, chosen) }
            </li>
        }
    });
    html! {
        <>
            <p class="kizuki-hint">{ fill(text.attempts, &[("n", &attempts.to_string())]) }</p>
            <div class="kizuki-actions">
                <button type="button"
                        class={classes!("kizuki-button", attempt.passed.then_some("kizuki-button--secondary"))}
                        onclick={ctx.apply(CourseAction::RetakeQuiz { module: module.id.clone(), seed: platform::random_seed() })}>
                    { &text.retake }
                </button>
                if attempt.passed {
                    { next_button(ctx, module, &Step::Quiz, text.to_feedback, true) }
                }
            </div>
            <h4>{ &text.review_heading }</h4>
            <ol class="kizuki-course-reviews">{ for reviews }</ol>
        </>
    }
}
