//! The completion certificate: the learner's name (typed here, kept on the device), the date,
//! each module's best score and result, the issuing center (the embed's `center-*` options)
//! and the plain statement that it is self-declared, and a Print button. While modules are left it is the
//! learner's progress record instead. The print stylesheet lays it out on A4.

use kizuki_core::kind::course::{CourseAction, CourseResult};
use yew::prelude::*;

use super::rich::display_date;
use super::screen::Screen;
use super::text::fill;
use super::{Ctx, Msg};
use crate::{platform, print};

/// Who issues it: the embedding center's name and contacts, or a plain line that the page
/// names no issuer.
fn issuer(ctx: &Ctx<'_>) -> Html {
    let text = ctx.text;
    match ctx.center {
        Some(center) => html! {
            <div class="kizuki-course-certificate-issuer">
                <p>{ fill(text.certificate_issuer, &[("issuer", &center.name)]) }</p>
                { crate::contact_details(ctx.lang, center.phone.as_deref(), center.hours.as_deref(), center.url.as_deref()) }
            </div>
        },
        None => html! {
            <div class="kizuki-course-certificate-issuer">
                <p>{ &text.certificate_issuer_none }</p>
            </div>
        },
    }
}

/// What the module table says beside each module's best score.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum ModuleColumn {
    /// Completed, passed with learning left, or open: the certificate and the record.
    Result,
    /// How many quiz attempts: the end of the course.
    Attempts,
}

/// The course's modules, each with its best score and `column`: the one table the end of
/// the course and the certificate show. Its scores and last column never wrap; the
/// module titles take the width that is left (`.kizuki-course-table` in `kizuki.css`).
pub(super) fn module_table(ctx: &Ctx<'_>, result: &CourseResult, column: ModuleColumn) -> Html {
    let text = ctx.text;
    let lang = ctx.lang;
    let (last_heading, column_name) = match column {
        ModuleColumn::Result => (&text.col_result, "result"),
        ModuleColumn::Attempts => (&text.done_col_attempts, "attempts"),
    };
    let rows = ctx
        .course
        .modules
        .iter()
        .zip(&result.modules)
        .map(|(module, status)| {
            let last = match column {
                ModuleColumn::Result if status.completed => text.module_completed.to_string(),
                ModuleColumn::Result if status.passed => text.module_passed_open.to_string(),
                ModuleColumn::Result => text.module_open.to_string(),
                ModuleColumn::Attempts => {
                    fill(text.done_attempts, &[("n", &status.attempts.to_string())])
                }
            };
            let score = status
                .best_percent
                .map_or_else(|| text.no_score.to_string(), |p| format!("{p}%"));
            html! {
                <tr>
                    <th scope="row">{ module.title.get(lang) }</th>
                    <td class="kizuki-course-table-score">{ score }</td>
                    <td class="kizuki-course-table-last">{ last }</td>
                </tr>
            }
        });
    html! {
        <table class="kizuki-table kizuki-course-table" data-column={column_name}>
            <thead>
                <tr>
                    <th scope="col">{ &text.col_module }</th>
                    <th scope="col" class="kizuki-course-table-score">{ &text.col_score }</th>
                    <th scope="col" class="kizuki-course-table-last">{ last_heading }</th>
                </tr>
            </thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}

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
    // Kept as it is typed, as the other text fields are (a reload right after typing keeps it).
    let on_name = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |event: InputEvent| {
            let value = platform::input_of(&event)
                .map(|input| input.value())
                .unwrap_or_default();
            dispatch.dispatch(Msg::Apply(CourseAction::SetLearnerName { name: value }));
        })
    };
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
                           autocomplete="name" aria-describedby={hint_id} oninput={on_name} />
                </div>
                <div class="kizuki-actions">
                    <button type="button" class="kizuki-button" onclick={print::on_print(sheet.clone())}>
                        { &text.print }
                    </button>
                    if name.is_empty() {
                        <p class="kizuki-hint" data-testid="name-blank-note">{ &text.name_blank_note }</p>
                    }
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
                { module_table(ctx, &result, ModuleColumn::Result) }
                { issuer(ctx) }
                <p class="kizuki-course-certificate-self">
                    { match ctx.center {
                        Some(center) => fill(text.self_declared, &[("issuer", &center.name)]),
                        None => text.self_declared_no_issuer.to_string(),
                    } }
                </p>
                <p class="kizuki-course-certificate-note">
                    { fill(text.certificate_note, &[("date", &display_date(&pack.content_as_of, lang))]) }
                </p>
            </article>
        </section>
    }
}
