//! The completion certificate: the learner's name (typed here, kept on the device), the date,
//! each module's best score and result, and a Print button. While modules are left it is the
//! learner's progress record instead. The print stylesheet lays it out on A4.

use kizuki_core::kind::course::CourseAction;
use yew::prelude::*;

use super::rich::display_date;
use super::screen::Screen;
use super::text::fill;
use super::{Ctx, Msg};
use crate::{platform, print};

/// The certificate screen.
pub fn certificate(ctx: &Ctx<'_>) -> Html {
    let text = ctx.text;
    let lang = ctx.lang;
    let pack = ctx.pack.pack();
    let result = ctx.course.result(&ctx.state.progress);
    let complete = result.completed_on.is_some();
    let name = ctx.state.progress.learner_name.clone();
    let name_id = ctx.id("learner-name");
    let hint_id = ctx.id("learner-name-hint");
    let sheet = NodeRef::default();
    let (date_label, date) = match &result.completed_on {
        Some(date) => (&text.completed_on, date.clone()),
        None => (&text.made_on, platform::today()),
    };
    let on_name = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |event: Event| {
            let value = event
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .map(|input| input.value())
                .unwrap_or_default();
            dispatch.dispatch(Msg::Apply(CourseAction::SetLearnerName { name: value }));
        })
    };
    let rows = ctx
        .course
        .modules
        .iter()
        .zip(&result.modules)
        .map(|(module, status)| {
            let outcome = if status.completed {
                &text.module_completed
            } else if status.passed {
                &text.module_passed_open
            } else {
                &text.module_open
            };
            let score = status
                .best_percent
                .map_or_else(|| text.no_score.to_string(), |p| format!("{p}%"));
            html! {
                <tr>
                    <th scope="row">{ module.title.get(lang) }</th>
                    <td>{ score }</td>
                    <td>{ outcome }</td>
                </tr>
            }
        });
    html! {
        <section class="kizuki-course-certificate-screen">
            <div class="kizuki-no-print">
                <button type="button" class="kizuki-button kizuki-button--quiet kizuki-course-back" onclick={ctx.send(Msg::Go(Screen::Map))}>
                    { &text.back_to_map }
                </button>
                if !complete {
                    <p class="kizuki-notice">{ &text.certificate_incomplete }</p>
                }
                <div class="kizuki-field">
                    <label for={name_id.clone()}>{ &text.name_label }</label>
                    <p class="kizuki-hint" id={hint_id.clone()}>{ &text.name_hint }</p>
                    <input type="text" id={name_id} value={name.clone()} maxlength="100"
                           autocomplete="name" aria-describedby={hint_id} onchange={on_name} />
                </div>
                <div class="kizuki-actions">
                    <button type="button" class="kizuki-button" onclick={print::on_print(sheet.clone())}>
                        { &text.print }
                    </button>
                </div>
            </div>
            <article ref={sheet} class={classes!("kizuki-course-certificate", (!complete).then_some("kizuki-course-certificate-draft"))}
                     aria-labelledby={ctx.id("certificate-heading")}>
                <h2 class="kizuki-course-certificate-title" id={ctx.id("certificate-heading")}
                    tabindex="-1" data-kizuki-heading="">
                    { if complete { &text.certificate_heading } else { &text.record_heading } }
                </h2>
                <p class={classes!("kizuki-course-certificate-name", name.is_empty().then_some("kizuki-course-blank"))}>
                    { if name.is_empty() { text.name_blank.to_string() } else { name } }
                </p>
                <p>{ if complete { &text.certificate_statement } else { &text.record_statement } }</p>
                <p class="kizuki-course-certificate-course">{ pack.title.get(lang) }</p>
                <p class="kizuki-course-certificate-date">
                    { date_label }{ ": " }{ display_date(&date, lang) }
                </p>
                <table class="kizuki-table kizuki-course-table">
                    <thead>
                        <tr>
                            <th scope="col">{ &text.col_module }</th>
                            <th scope="col">{ &text.col_score }</th>
                            <th scope="col">{ &text.col_result }</th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
                <p class="kizuki-course-certificate-note">
                    { fill(text.certificate_note, &[("date", &display_date(&pack.content_as_of, lang))]) }
                </p>
            </article>
        </section>
    }
}
