//! The course map: the course's progress, the resume button, each module with its progress,
//! badges and best score, the way to the certificate, and the record panel.

use kizuki_core::kind::course::{Module, ModuleResult};
use yew::prelude::*;

use crate::help::HelpList;

use super::screen::{first_open_step, resume_screen, Screen, Step};
use super::text::fill;
use super::{record, Ctx, Msg};

/// The map screen.
pub fn map(ctx: &Ctx<'_>) -> Html {
    let text = ctx.text;
    let lang = ctx.lang;
    let pack = ctx.pack.pack();
    let result = ctx.course.result(&ctx.state.progress);
    let total = result.modules.len();

    // Once every module is complete there is nothing to resume: the map leads to the end of
    // the course instead.
    let done = result.completed_on.as_deref().map(|date| {
        html! {
            <div class="kizuki-course-resume kizuki-course-done-link">
                <p class="kizuki-course-resume-where">
                    { fill(text.done_on_map, &[("date", &super::rich::display_date(date, lang))]) }
                </p>
                <button type="button" class="kizuki-button" id={ctx.id("done-open")}
                        onclick={ctx.send(Msg::Go(Screen::Complete))}>
                    { &text.done_open }
                </button>
            </div>
        }
    });
    let resume = resume_screen(ctx.course, &ctx.state.progress).filter(|_| done.is_none()).and_then(|screen| {
        let Screen::Module { module, step } = &screen else {
            return None;
        };
        let found = ctx.course.module(module)?;
        let where_text = fill(
            text.resume_where,
            &[
                ("module", found.title.get(lang)),
                ("step", &step_label(ctx, found, step)),
            ],
        );
        Some(html! {
            <div class="kizuki-course-resume">
                <button type="button" class="kizuki-button" id={ctx.id("resume")}
                        aria-describedby={ctx.id("resume-where")}
                        onclick={ctx.send(Msg::Go(screen.clone()))}>
                    { &text.resume }
                </button>
                <p class="kizuki-course-resume-where" id={ctx.id("resume-where")}>{ where_text }</p>
            </div>
        })
    });
    let start = match (&resume, ctx.course.modules.first()) {
        (None, Some(first)) if done.is_none() => html! {
            <div class="kizuki-course-resume">
                <button type="button" class="kizuki-button"
                        onclick={ctx.send(Msg::Go(Screen::Module {
                            module: first.id.clone(),
                            step: first_open_step(ctx.course, &ctx.state.progress, first),
                        }))}>
                    { &text.start_course }
                </button>
            </div>
        },
        _ => Html::default(),
    };

    let modules = ctx.course.modules.iter().zip(&result.modules).enumerate().map(|(index, (module, status))| {
        let number = (index + 1).to_string();
        let heading_id = ctx.id(&format!("module-{}", module.id));
        let button_id = ctx.id(&format!("open-{}", module.id));
        let started = status.progress_percent > 0 || status.attempts > 0;
        let open_label = if status.completed {
            &text.open_review
        } else if started {
            &text.open_continue
        } else {
            &text.open_start
        };
        let target = Screen::Module {
            module: module.id.clone(),
            step: first_open_step(ctx.course, &ctx.state.progress, module),
        };
        html! {
            <li class={classes!("kizuki-card", "kizuki-course-module-card", status.completed.then_some("kizuki-course-done"))}>
                <p class="kizuki-course-eyebrow">
                    { fill(text.module_number, &[("n", &number)]) }
                    <span class="kizuki-course-dot" aria-hidden="true">{ "・" }</span>
                    { fill(text.minutes, &[("n", &module.minutes.to_string())]) }
                </p>
                <h3 class="kizuki-course-module-title" id={heading_id.clone()}>{ module.title.get(lang) }</h3>
                <p class="kizuki-course-summary">{ module.summary.get(lang) }</p>
                <div class="kizuki-progress kizuki-course-progress">
                    <progress max="100" value={status.progress_percent.to_string()}
                              aria-labelledby={heading_id.clone()}></progress>
                    <span class="kizuki-progress-text">{ fill(text.module_progress, &[("percent", &status.progress_percent.to_string())]) }</span>
                </div>
                <p class="kizuki-course-badges">
                    { badges(ctx, status, started) }
                </p>
                <p class="kizuki-course-score">{ score_line(ctx, status) }</p>
                <button type="button" class="kizuki-button kizuki-button--secondary" id={button_id.clone()}
                        aria-labelledby={format!("{button_id} {heading_id}")}
                        onclick={ctx.send(Msg::Go(target))}>
                    { open_label }
                </button>
            </li>
        }
    });

    html! {
        <section class="kizuki-course-map" aria-labelledby={ctx.id("heading")}>
            <h2 class="kizuki-title" id={ctx.id("heading")} tabindex="-1" data-kizuki-heading="">
                { pack.title.get(lang) }
            </h2>
            <p class="kizuki-description">{ pack.description.get(lang) }</p>
            <p class="kizuki-course-intro">{ &text.map_intro }</p>
            <div class="kizuki-progress kizuki-course-overall">
                <progress max="100" value={result.progress_percent.to_string()}
                          aria-label={text.progress_label.to_string()}></progress>
                <span class="kizuki-progress-text">
                    { fill(text.course_progress, &[
                        ("done", &result.completed_modules.to_string()),
                        ("total", &total.to_string()),
                        ("percent", &result.progress_percent.to_string()),
                    ]) }
                </span>
            </div>
            if ctx.course.follow_up_due(&ctx.state.progress, &crate::platform::today()) && !ctx.state.follow_up_later {
                <super::follow_up::FollowUpCard lang={ctx.lang} id_prefix={ctx.id("")}
                    on_answer={{
                        let dispatch = ctx.dispatch.clone();
                        Callback::from(move |(improved, which): (bool, String)| dispatch.dispatch(Msg::FollowUp(improved, which)))
                    }}
                    on_later={ctx.dispatch_callback(|()| Msg::FollowUpLater)} />
            }
            { done.unwrap_or_default() }
            { resume.unwrap_or_default() }
            { start }
            <ol class="kizuki-course-modules" aria-label={text.modules_heading.to_string()}>{ for modules }</ol>
            <div class="kizuki-course-certificate-link">
                if result.completed_on.is_none() {
                    <p class="kizuki-hint">{ &text.certificate_locked }</p>
                }
                <button type="button" class="kizuki-button kizuki-button--secondary"
                        onclick={ctx.send(Msg::Go(Screen::Certificate))}>
                    { if result.completed_on.is_some() { &text.certificate_open } else { &text.record_open } }
                </button>
            </div>
            { help(ctx) }
            { record::panel(ctx) }
        </section>
    }
}

/// Where to get help, for the manager and to suggest to the person: the regional resource
/// directory (the center's file, else the built-in public services).
fn help(ctx: &Ctx<'_>) -> Html {
    let text = crate::ui_text(ctx.lang);
    html! {
        <section class="kizuki-course-help" aria-labelledby={ctx.id("help-heading")}>
            <h3 id={ctx.id("help-heading")}>{ &text.help_heading }</h3>
            <p>{ &text.help_intro_course }</p>
            <HelpList lang={ctx.lang} directory={ctx.directory.clone()} level={4} />
        </section>
    }
}

/// The status badges of a module: words, never colour alone.
fn badges(ctx: &Ctx<'_>, status: &ModuleResult, started: bool) -> Html {
    let text = ctx.text;
    let badge = |label: &str, class: &'static str| {
        html! { <span class={classes!("kizuki-badge", class)}>{ label.to_string() }</span> }
    };
    if status.completed {
        html! { <>{ badge(text.badge_completed, "kizuki-badge--primary") }{ badge(text.badge_passed, "kizuki-course-badge-passed") }</> }
    } else if status.passed {
        html! { <>{ badge(text.badge_passed, "kizuki-course-badge-passed") }{ badge(text.badge_in_progress, "kizuki-course-badge-open") }</> }
    } else if started {
        badge(text.badge_in_progress, "kizuki-course-badge-open")
    } else {
        badge(text.badge_not_started, "kizuki-badge--muted")
    }
}

fn score_line(ctx: &Ctx<'_>, status: &ModuleResult) -> String {
    let pass = status.pass_mark.to_string();
    match status.best_percent {
        Some(best) => fill(
            ctx.text.best_score,
            &[("percent", &best.to_string()), ("pass", &pass)],
        ),
        None => fill(ctx.text.no_attempt, &[("pass", &pass)]),
    }
}

/// A step's kind and title for people: ("レッスン 2", Some(title)), ("確認テスト", None).
pub fn step_parts(ctx: &Ctx<'_>, module: &Module, step: &Step) -> (String, Option<String>) {
    let text = ctx.text;
    let lang = ctx.lang;
    match step {
        Step::Lesson(id) => {
            let index = module.lessons.iter().position(|l| &l.id == id).unwrap_or(0);
            let title = module
                .lessons
                .get(index)
                .map(|l| l.title.get(lang).to_string());
            (
                fill(text.step_lesson, &[("n", &(index + 1).to_string())]),
                title,
            )
        }
        Step::Scenario(id) => {
            let title = module
                .scenarios
                .iter()
                .find(|s| &s.id == id)
                .map(|s| s.title.get(lang).to_string());
            (text.step_scenario.to_string(), title)
        }
        Step::Quiz => (text.step_quiz.to_string(), None),
        Step::Feedback => (text.step_feedback.to_string(), None),
    }
}

/// A step's name in one line: "レッスン 2「title」", "確認テスト".
pub fn step_label(ctx: &Ctx<'_>, module: &Module, step: &Step) -> String {
    match step_parts(ctx, module, step) {
        (kind, Some(title)) => fill(
            ctx.text.step_with_title,
            &[("step", &kind), ("title", &title)],
        ),
        (kind, None) => kind,
    }
}
