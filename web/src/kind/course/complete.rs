//! The end of the course, shown after the last module and from the map once every module is
//! complete: the result (completion date, each module's best score and attempts), the way to
//! the certificate, what to do next, and the closing questions (理解度, 有用度) of any module
//! not answered yet. Completion and scores come from `Course::result`.

use yew::prelude::*;

use super::certificate::{module_table, ModuleColumn};
use super::module::feedback_groups;
use super::rich::display_date;
use super::screen::Screen;
use super::text::fill;
use super::{Ctx, Msg};

/// The end-of-course screen. Before the course is complete it sends the learner to the map.
pub fn complete(ctx: &Ctx<'_>) -> Html {
    let text = ctx.text;
    let lang = ctx.lang;
    let result = ctx.course.result(&ctx.state.progress);
    let Some(completed_on) = result.completed_on.as_deref() else {
        return super::map::map(ctx);
    };
    let unanswered: Vec<_> = ctx
        .course
        .modules
        .iter()
        .zip(&result.modules)
        .enumerate()
        .filter(|(_, (_, status))| !status.feedback_given)
        .map(|(index, (module, _))| {
            let heading = ctx.id(&format!("done-fb-{}", module.id));
            html! {
                <section class="kizuki-course-done-feedback-module" aria-labelledby={heading.clone()}>
                    <h4 id={heading}>
                        { fill(text.done_feedback_module, &[
                            ("n", &(index + 1).to_string()),
                            ("title", module.title.get(lang)),
                        ]) }
                    </h4>
                    { feedback_groups(ctx, module) }
                </section>
            }
        })
        .collect();
    html! {
        <section class="kizuki-course-done" aria-labelledby={ctx.id("done-heading")}>
            <button type="button" class="kizuki-button kizuki-button--quiet kizuki-course-back" onclick={ctx.send(Msg::Go(Screen::Map))}>
                { &text.back_to_map }
            </button>
            <h2 class="kizuki-title" id={ctx.id("done-heading")} tabindex="-1" data-kizuki-heading="">
                { &text.done_heading }
            </h2>
            <p class="kizuki-course-done-result">
                { fill(text.done_result, &[
                    ("course", ctx.pack.pack().title.get(lang)),
                    ("total", &result.modules.len().to_string()),
                    ("date", &display_date(completed_on, lang)),
                ]) }
            </p>
            { module_table(ctx, &result, ModuleColumn::Attempts) }
            <div class="kizuki-actions">
                <button type="button" class="kizuki-button" onclick={ctx.send(Msg::Go(Screen::Certificate))}>
                    { &text.done_certificate }
                </button>
            </div>
            if !unanswered.is_empty() {
                <section class="kizuki-card kizuki-card--tint kizuki-course-done-feedback" aria-labelledby={ctx.id("done-feedback")}>
                    <h3 id={ctx.id("done-feedback")}>{ &text.done_feedback_heading }</h3>
                    <p>{ &text.done_feedback_intro }</p>
                    { for unanswered }
                </section>
            }
            <section class="kizuki-course-done-next" aria-labelledby={ctx.id("done-next")}>
                <h3 id={ctx.id("done-next")}>{ &text.done_next_heading }</h3>
                <ul>
                    <li>{ &text.done_next_practice }</li>
                    <li>{ &text.done_next_record }</li>
                    <li>{ &text.done_next_review }</li>
                    <li>{ &text.done_next_help }</li>
                </ul>
            </section>
        </section>
    }
}
