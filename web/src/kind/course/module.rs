//! A module's screen: its header with progress, the step shown (a lesson, a scenario, the
//! quiz or the closing survey) and the list of its steps. Lessons and the survey are here;
//! scenarios and the quiz have their own files.

use kizuki_core::kind::course::{Block, CourseAction, Lesson, Module};
use kizuki_core::pack::SourceRef;
use yew::prelude::*;

use super::map::step_parts;
use super::rich::{inline, sources, updates};
use super::screen::{first_open_step, next_step, previous_step, step_done, steps, Screen, Step};
use super::text::fill;
use super::{quiz, scenario, Ctx, Msg};

/// The screen of one module step.
pub fn module(ctx: &Ctx<'_>, module: &Module, step: &Step) -> Html {
    let text = ctx.text;
    let result = ctx.course.result(&ctx.state.progress);
    let index = ctx
        .course
        .modules
        .iter()
        .position(|m| m.id == module.id)
        .unwrap_or(0);
    let status = result.modules.iter().find(|m| m.id == module.id);
    let status_line = status.map(|s| {
        let quiz = if s.passed {
            &text.quiz_status_passed
        } else {
            &text.quiz_status_open
        };
        format!(
            "{} · {}",
            fill(
                text.module_progress,
                &[("percent", &s.progress_percent.to_string())]
            ),
            fill(
                text.module_status,
                &[
                    ("read", &s.lessons_read.to_string()),
                    ("lessons", &s.lessons.to_string()),
                    ("finished", &s.scenarios_finished.to_string()),
                    ("scenarios", &s.scenarios.to_string()),
                    ("quiz", quiz),
                ],
            )
        )
    });
    let body = match step {
        Step::Lesson(id) => match module.lessons.iter().find(|l| &l.id == id) {
            Some(lesson) => self::lesson(ctx, module, lesson),
            None => Html::default(),
        },
        Step::Scenario(id) => match module.scenarios.iter().find(|s| &s.id == id) {
            Some(found) => scenario::scenario(ctx, module, found),
            None => Html::default(),
        },
        Step::Quiz => quiz::quiz(ctx, module),
        Step::Feedback => feedback(ctx, module),
    };
    let nav_items = steps(module).into_iter().map(|item| {
        let current = &item == step;
        let done = step_done(ctx.course, &ctx.state.progress, module, &item);
        let (kind, title) = step_parts(ctx, module, &item);
        let target = Screen::Module { module: module.id.clone(), step: item };
        html! {
            <li>
                <button type="button"
                        class={classes!("kizuki-course-step", current.then_some("kizuki-course-step-current"))}
                        aria-current={current.then_some("step")}
                        onclick={ctx.send(Msg::Go(target))}>
                    <span class="kizuki-course-step-name">
                        <span class="kizuki-course-step-kind">{ kind }</span>
                        if let Some(title) = title {
                            <span class="kizuki-course-step-title">{ title }</span>
                        }
                    </span>
                    if done {
                        <span class="kizuki-course-step-done">{ "✓ " }{ &text.step_done }</span>
                    }
                </button>
            </li>
        }
    });
    html! {
        <section class="kizuki-course-module" aria-labelledby={ctx.id("module-heading")}>
            <button type="button" class="kizuki-button kizuki-button--quiet kizuki-course-back" onclick={ctx.send(Msg::Go(Screen::Map))}>
                { &text.back_to_map }
            </button>
            <p class="kizuki-course-eyebrow">
                { fill(text.module_of, &[("n", &(index + 1).to_string()), ("total", &ctx.course.modules.len().to_string())]) }
            </p>
            <h2 class="kizuki-title" id={ctx.id("module-heading")}>{ module.title.get(ctx.lang) }</h2>
            <p class="kizuki-course-status" aria-live="polite">{ status_line.unwrap_or_default() }</p>
            <div class="kizuki-course-module-body">
                <div class="kizuki-course-main">{ body }</div>
                <nav class="kizuki-course-steps" aria-label={text.steps_nav.to_string()}>
                    <p class="kizuki-course-steps-title" aria-hidden="true">{ &text.steps_nav }</p>
                    <ol>{ for nav_items }</ol>
                </nav>
            </div>
        </section>
    }
}

/// The heading of a step; focus moves here when the step opens.
pub fn step_heading(ctx: &Ctx<'_>, title: &str) -> Html {
    html! {
        <h3 class="kizuki-course-step-heading" id={ctx.id("step-heading")} tabindex="-1" data-kizuki-heading="">
            { title.to_string() }
        </h3>
    }
}

/// A "previous step" button, when there is one.
pub fn previous_button(ctx: &Ctx<'_>, module: &Module, step: &Step) -> Html {
    match previous_step(module, step) {
        Some(previous) => html! {
            <button type="button" class="kizuki-button kizuki-button--secondary"
                    onclick={ctx.send(Msg::Go(Screen::Module { module: module.id.clone(), step: previous }))}>
                { &ctx.text.previous }
            </button>
        },
        None => Html::default(),
    }
}

/// A "next step" button (`label`), when there is a next step.
pub fn next_button(
    ctx: &Ctx<'_>,
    module: &Module,
    step: &Step,
    label: &str,
    primary: bool,
) -> Html {
    match next_step(module, step) {
        Some(next) => html! {
            <button type="button"
                    class={classes!("kizuki-button", (!primary).then_some("kizuki-button--secondary"))}
                    onclick={ctx.send(Msg::Go(Screen::Module { module: module.id.clone(), step: next }))}>
                { label.to_string() }
            </button>
        },
        None => Html::default(),
    }
}

/// One lesson: its blocks, the current rule where the law changed, its sources, and
/// "読みました", which marks it read and moves on.
fn lesson(ctx: &Ctx<'_>, module: &Module, lesson: &Lesson) -> Html {
    let text = ctx.text;
    let lang = ctx.lang;
    let step = Step::Lesson(lesson.id.clone());
    let position = module
        .lessons
        .iter()
        .position(|l| l.id == lesson.id)
        .unwrap_or(0)
        + 1;
    let read = step_done(ctx.course, &ctx.state.progress, module, &step);
    let blocks = lesson.blocks.iter().map(|block| match block {
        Block::Paragraph { text, .. } => html! { <p>{ inline(text.get(lang)) }</p> },
        Block::List { items, .. } => html! {
            <ul>{ for items.iter().map(|item| html! { <li>{ inline(item.get(lang)) }</li> }) }</ul>
        },
        Block::Note { text: note, .. } => html! {
            <aside class="kizuki-notice kizuki-course-note">
                <p class="kizuki-course-note-label">{ &text.note_label }</p>
                <p>{ inline(note.get(lang)) }</p>
            </aside>
        },
    });
    let read_and_next = {
        let dispatch = ctx.dispatch.clone();
        let read = CourseAction::ReadLesson {
            module: module.id.clone(),
            lesson: lesson.id.clone(),
        };
        let next = next_step(module, &step)
            .map(|next| Screen::Module {
                module: module.id.clone(),
                step: next,
            })
            .unwrap_or(Screen::Map);
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Msg::Apply(read.clone()));
            dispatch.dispatch(Msg::Go(next.clone()));
        })
    };
    // Each block's own sources in reading order, then the lesson's (`sources` groups them
    // by document, sections in the order first cited).
    let refs: Vec<&SourceRef> = lesson
        .blocks
        .iter()
        .flat_map(|block| block.sources().unwrap_or_default())
        .chain(&lesson.sources)
        .collect();
    html! {
        <article class="kizuki-course-lesson">
            <p class="kizuki-course-eyebrow">
                { fill(text.lesson_position, &[("n", &position.to_string()), ("total", &module.lessons.len().to_string())]) }
                if read {
                    <span class="kizuki-course-read">{ &text.lesson_already_read }</span>
                }
            </p>
            { step_heading(ctx, lesson.title.get(lang)) }
            <div class="kizuki-course-prose">{ for blocks }</div>
            { updates(ctx.pack, &lesson.updates, lang, text) }
            { sources(ctx.pack, &refs, lang, text) }
            <div class="kizuki-actions">
                { previous_button(ctx, module, &step) }
                <button type="button" class="kizuki-button" onclick={read_and_next}>
                    { &text.lesson_read }
                </button>
            </div>
        </article>
    }
}

/// The closing questions (理解度, 有用度) of a module as radio groups.
pub fn feedback_groups(ctx: &Ctx<'_>, module: &Module) -> Html {
    let lang = ctx.lang;
    let answers = ctx
        .state
        .progress
        .modules
        .get(&module.id)
        .map(|m| &m.feedback);
    let groups = ctx.course.feedback_questions.iter().map(|question| {
        let chosen = answers.and_then(|a| a.get(&question.id));
        let name = ctx.id(&format!("fb-{}-{}", module.id, question.id));
        let options = question.options.iter().map(|option| {
            let id = format!("{name}-{}", option.id);
            let action = CourseAction::SetFeedback {
                module: module.id.clone(),
                question: question.id.clone(),
                option: option.id.clone(),
            };
            let dispatch = ctx.dispatch.clone();
            html! {
                <div class="kizuki-option">
                    <input type="radio" id={id.clone()} name={name.clone()} value={option.id.clone()}
                           checked={chosen == Some(&option.id)}
                           onchange={Callback::from(move |_: Event| dispatch.dispatch(Msg::Apply(action.clone())))} />
                    <label for={id}>{ option.label.get(lang) }</label>
                </div>
            }
        });
        html! {
            <fieldset class="kizuki-question kizuki-course-question">
                <legend>{ question.prompt.get(lang) }</legend>
                { for options }
            </fieldset>
        }
    });
    html! { <>{ for groups }</> }
}

/// The closing survey (理解度, 有用度), then the way on: the next module, or the end of the
/// course once every module is complete.
fn feedback(ctx: &Ctx<'_>, module: &Module) -> Html {
    let text = ctx.text;
    let all_given = step_done(ctx.course, &ctx.state.progress, module, &Step::Feedback);
    let course_complete = ctx
        .course
        .result(&ctx.state.progress)
        .completed_on
        .is_some();
    let next_module = ctx
        .course
        .modules
        .iter()
        .skip_while(|m| m.id != module.id)
        .nth(1)
        .map(|next| Screen::Module {
            module: next.id.clone(),
            step: first_open_step(ctx.course, &ctx.state.progress, next),
        });
    html! {
        <section class="kizuki-course-feedback">
            { step_heading(ctx, text.feedback_heading) }
            <p>{ &text.feedback_intro }</p>
            { feedback_groups(ctx, module) }
            <p class="kizuki-course-status" aria-live="polite">
                if all_given { { &text.feedback_thanks } }
            </p>
            <div class="kizuki-actions">
                { previous_button(ctx, module, &Step::Feedback) }
                if course_complete {
                    <button type="button" class="kizuki-button" onclick={ctx.send(Msg::Go(Screen::Complete))}>
                        { &text.to_course_done }
                    </button>
                } else if let Some(next) = next_module {
                    <button type="button" class="kizuki-button" onclick={ctx.send(Msg::Go(next))}>
                        { &text.next_module }
                    </button>
                }
                <button type="button" class="kizuki-button kizuki-button--secondary" onclick={ctx.send(Msg::Go(Screen::Map))}>
                    { &text.finish_to_map }
                </button>
            </div>
        </section>
    }
}
