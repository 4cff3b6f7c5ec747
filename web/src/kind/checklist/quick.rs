//! The quick scan: the pack's key items on one screen (legal duties at the workplace's size
//! first, as the core orders them), then a one-page summary with the first 3–5 actions and
//! the way on to the full audit, which keeps every answer given here.

use kizuki_core::kind::checklist::{AuditMode, ChecklistAction, Recommendation};
use yew::prelude::*;

use super::questions::item_view;
use super::results::findings;
use super::state::{Ctx, Screen};
use super::text::fill;
use super::widgets::{obligation_badge, planned_badge, progress, rich, two_line_label};

/// The quick scan's items, answered like any area's, and the button to its result.
pub fn quick_screen(ctx: &Ctx, heading: &NodeRef, go: &Callback<Screen>) -> Html {
    let text = ctx.text();
    let checklist = ctx.checklist();
    let today = crate::platform::today();
    let items = checklist.quick_scan_items(&ctx.answers, &today);
    let answered = checklist.quick_scan_result(&ctx.answers, &today).answered;
    let button = |screen: Screen, label: &str, class: &'static str, testid: &'static str| {
        let go = go.clone();
        html! {
            <button type="button" class={classes!("kizuki-button", class)} data-testid={testid}
                    onclick={Callback::from(move |_: MouseEvent| go.emit(screen))}>
                { label.to_string() }
            </button>
        }
    };
    html! {
        <>
        // The full audit's progress component, over the key items.
        { progress(ctx, answered, items.len()) }
        <section class="kizuki-cl-screen kizuki-cl-area kizuki-cl-quick" data-area="quick-scan"
                 aria-labelledby={ctx.id(&["screen-heading"])}>
            <h3 class="kizuki-cl-screen-heading" id={ctx.id(&["screen-heading"])} tabindex="-1" ref={heading.clone()}>
                { &text.quick_heading }
            </h3>
            <p class="kizuki-cl-intro">
                { fill(text.quick_intro, &[
                    ("n", &items.len().to_string()),
                    ("minutes", &checklist.expected_minutes(items.len()).to_string()),
                ]) }
            </p>
            <ol class="kizuki-cl-items">
                { for items.iter().filter_map(|item| Some((checklist.items().find(|(_, i)| i.id == item.id)?.0, item)))
                    .enumerate()
                    .map(|(n, (area, item))| html! { <li key={item.id.clone()}>{ item_view(ctx, area, item, n + 1) }</li> }) }
            </ol>
            <div class="kizuki-cl-pager">
                { button(Screen::Profile, text.nav_profile, "kizuki-button--secondary", "previous") }
                { button(Screen::QuickResults, text.quick_to_results, "kizuki-cl-next", "next") }
            </div>
        </section>
        </>
    }
}

/// The quick scan's one-page summary: how much of it is answered, legal-duty findings, the
/// first actions, and the way on to the full audit with its remaining count and time; at
/// its bottom (not printed) the files panel, `files`, as on the full results: a person who
/// stops after the quick check keeps the record as a file from here.
pub fn quick_results(ctx: &Ctx, heading: &NodeRef, go: &Callback<Screen>, files: Html) -> Html {
    let text = ctx.text();
    let checklist = ctx.checklist();
    let today = crate::platform::today();
    let quick = checklist.quick_scan_result(&ctx.answers, &today);
    let full = checklist.result(&ctx.answers, &today);
    let full_audit = {
        let go = go.clone();
        let answers = ctx.answers.clone();
        let pack = ctx.pack.clone();
        let apply = ctx.apply.clone();
        Callback::from(move |_: MouseEvent| {
            apply.emit(ChecklistAction::SetMode {
                mode: AuditMode::Full,
            });
            go.emit(super::state::full_audit(
                super::state::checklist_of(&pack),
                &answers,
            ))
        })
    };
    let back = {
        let go = go.clone();
        Callback::from(move |_: MouseEvent| go.emit(Screen::Quick))
    };
    let sheet = NodeRef::default();
    let print = crate::print::on_print(sheet.clone());
    html! {
        <section ref={sheet} class="kizuki-cl-main kizuki-cl-results kizuki-cl-quick-results"
                 aria-labelledby={ctx.id(&["screen-heading"])} data-testid="quick-results">
            <h3 class="kizuki-cl-screen-heading" id={ctx.id(&["screen-heading"])} tabindex="-1"
                ref={heading.clone()}>
                { &text.quick_results_heading }
            </h3>
            { super::widgets::workplace_line(ctx) }
            <p class="kizuki-notice kizuki-cl-not-diagnosis">{ &text.not_a_diagnosis }</p>
            <div class="kizuki-card kizuki-cl-score-box" data-testid="quick-coverage">
                <p class="kizuki-cl-coverage">
                    { fill(text.quick_coverage, &[
                        ("answered", &quick.answered.to_string()),
                        ("total", &quick.items.len().to_string()),
                    ]) }
                </p>
                <p class="kizuki-hint">{ &text.quick_summary_note }</p>
            </div>
            { findings(ctx, &full) }
            <section class="kizuki-cl-plan" aria-labelledby={ctx.id(&["quick-actions-heading"])}>
                <h4 id={ctx.id(&["quick-actions-heading"])}>{ &text.quick_actions_heading }</h4>
                if quick.actions.is_empty() {
                    <p>{ &text.quick_no_actions }</p>
                } else {
                    <ol class="kizuki-cl-plan-list" data-testid="quick-actions">
                        { for quick.actions.iter().map(|r| quick_action(ctx, r)) }
                    </ol>
                }
            </section>
            <div class="kizuki-actions kizuki-no-print">
                if quick.remaining > 0 {
                    <button type="button" class="kizuki-button kizuki-cl-two-line" data-testid="full-audit" onclick={full_audit}>
                        { two_line_label(text.quick_continue, Some(fill(text.quick_continue_length, &[
                            ("n", &quick.remaining.to_string()),
                            ("minutes", &quick.remaining_minutes.to_string()),
                        ]))) }
                    </button>
                }
                <button type="button" class="kizuki-button kizuki-button--secondary" data-testid="print-quick" onclick={print}>
                    { &text.quick_print }
                </button>
                <button type="button" class="kizuki-button kizuki-button--quiet" data-testid="quick-back" onclick={back}>
                    { &text.quick_back }
                </button>
            </div>
            { files }
        </section>
    }
}

/// One action of the quick plan: rank, obligation, the item, what to do and who to ask.
fn quick_action(ctx: &Ctx, r: &Recommendation) -> Html {
    let text = ctx.text();
    let checklist = ctx.checklist();
    let lang = ctx.lang;
    let Some(item) = checklist.item(&r.item) else {
        return Html::default();
    };
    let helpers: Vec<&str> = r
        .helpers
        .iter()
        .filter_map(|id| checklist.helpers.iter().find(|h| &h.id == id))
        .map(|h| h.name.get(lang))
        .collect();
    html! {
        <li class="kizuki-card kizuki-cl-action" data-item={r.item.clone()}>
            <p class="kizuki-cl-action-meta">
                <span class="kizuki-cl-rank">{ fill(text.rank, &[("rank", &r.rank.to_string())]) }</span>
                { obligation_badge(text, r.obligation) }
                { planned_badge(r.planned.as_ref(), lang) }
            </p>
            <h5 class="kizuki-cl-action-item">{ checklist.item_goal(item, &ctx.answers).get(lang) }</h5>
            if r.unknown {
                <p class="kizuki-hint">{ &text.plan_unknown }</p>
            }
            <p class="kizuki-cl-action-recommendation">
                <span class="kizuki-cl-label">{ format!("{}: ", text.recommendation_heading) }</span>
                { rich(checklist.item_recommendation(item, &ctx.answers).get(lang)) }
            </p>
            if !helpers.is_empty() {
                <p class="kizuki-cl-action-helpers">
                    <span class="kizuki-cl-label">{ format!("{}: ", text.helpers_heading) }</span>
                    { helpers.join(if lang == kizuki_core::Lang::Ja { "、" } else { ", " }) }
                </p>
            }
        </li>
    }
}
