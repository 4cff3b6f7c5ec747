//! The results screen's reading parts: where the workplace stands overall and per area (an
//! SVG bar chart with the numbers as text), the prioritised action plan with owner and
//! target date per action, and where to get help. Everything shown comes from the core's
//! `ChecklistResult`.

use crate::help::HelpList;
use kizuki_core::kind::checklist::{ChecklistAction, ChecklistResult, Recommendation};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::state::Ctx;
use super::text::fill;
use super::widgets::{change_badge, obligation_badge, planned_badge, rich};

/// The overall score and maturity level, with the note that this is not a diagnosis.
pub fn overall(ctx: &Ctx, result: &ChecklistResult) -> Html {
    let text = ctx.text();
    let checklist = ctx.checklist();
    let level = result.level.and_then(|l| checklist.levels.get(l));
    let remaining = result.applicable.saturating_sub(result.answered);
    html! {
        <section class="kizuki-cl-overall" aria-labelledby={ctx.id(&["overall-heading"])}>
            <h4 id={ctx.id(&["overall-heading"])}>{ &text.overall_heading }</h4>
            <div class="kizuki-card kizuki-cl-score-box" aria-live="polite" data-testid="overall">
                <p class="kizuki-cl-coverage" data-testid="coverage">
                    { fill(text.coverage_line, &[
                        ("answered", &result.answered.to_string()),
                        ("total", &result.applicable.to_string()),
                    ]) }
                </p>
                if let (Some(percent), Some(level)) = (result.percent, level) {
                    <p class="kizuki-cl-score">{ fill(text.overall_score, &[("percent", &percent.to_string())]) }</p>
                    <p class="kizuki-cl-level">{ fill(text.overall_level, &[("level", level.label.get(ctx.lang))]) }</p>
                    <p class="kizuki-cl-level-description">{ rich(level.description.get(ctx.lang)) }</p>
                } else if !result.coverage_reached {
                    <p data-testid="coverage-below">
                        { fill(text.coverage_below, &[("threshold", &result.coverage_threshold_percent.to_string())]) }
                    </p>
                } else {
                    <p>{ &text.no_score }</p>
                }
                if result.unknown > 0 {
                    <p class="kizuki-hint" data-testid="unknown-count">
                        { fill(text.unknown_count, &[("n", &result.unknown.to_string())]) }
                    </p>
                }
            </div>
            if remaining > 0 {
                <p class="kizuki-hint">{ fill(text.results_incomplete, &[("remaining", &remaining.to_string())]) }</p>
            }
            { findings(ctx, result) }
        </section>
    }
}

/// Legal duties the profile says are unmet, and "not applicable" answers on legal duties:
/// both decided by the core (`result.consistency`, `result.contradicted_not_applicable`).
pub(super) fn findings(ctx: &Ctx, result: &ChecklistResult) -> Html {
    let text = ctx.text();
    let checklist = ctx.checklist();
    let lang = ctx.lang;
    let checks: Vec<_> = result
        .consistency
        .iter()
        .filter_map(|id| checklist.consistency.iter().find(|c| &c.id == id))
        .collect();
    let contradicted: Vec<_> = result
        .contradicted_not_applicable
        .iter()
        .filter_map(|id| checklist.item(id))
        .collect();
    if checks.is_empty() && contradicted.is_empty() {
        return Html::default();
    }
    html! {
        <div class="kizuki-notice kizuki-notice--warning" data-testid="legal-findings">
            <h5>{ &text.consistency_heading }</h5>
            if !checks.is_empty() {
                <ul>
                    { for checks.iter().map(|check| html! {
                        <li data-check={check.id.clone()}>{ rich(check.finding.get(lang)) }</li>
                    }) }
                </ul>
            }
            if !contradicted.is_empty() {
                <p>{ &text.contradicted_heading }</p>
                <ul>
                    { for contradicted.iter().map(|item| html! {
                        <li data-item={item.id.clone()}>{ checklist.item_text(item, &ctx.answers).get(lang) }</li>
                    }) }
                </ul>
            }
        </div>
    }
}

/// One bar per area that applies: title, an SVG bar, the percent and level as text.
pub fn area_chart(ctx: &Ctx, result: &ChecklistResult) -> Html {
    let text = ctx.text();
    let checklist = ctx.checklist();
    let lang = ctx.lang;
    let rows = checklist
        .areas
        .iter()
        .zip(&result.areas)
        .filter(|(_, counts)| counts.applicable > 0);
    html! {
        <figure class="kizuki-cl-chart" aria-labelledby={ctx.id(&["chart-heading"])}>
            <figcaption>
                <h4 id={ctx.id(&["chart-heading"])}>{ &text.chart_heading }</h4>
            </figcaption>
            <ul class="kizuki-cl-chart-rows" data-testid="chart">
                { for rows.map(|(area, counts)| {
                    let percent = counts.percent;
                    let level = counts.level.and_then(|l| checklist.levels.get(l));
                    let value = percent.map_or(text.chart_no_score.to_string(), |p| format!("{p}%"));
                    html! {
                        <li class="kizuki-cl-chart-row" data-area={area.id.clone()}>
                            <span class="kizuki-cl-chart-title">{ area.title.get(lang) }</span>
                            <svg class="kizuki-cl-bar" viewBox="0 0 100 10" preserveAspectRatio="none"
                                 width="100%" height="18" aria-hidden="true" focusable="false">
                                <rect class="kizuki-cl-bar-track" x="0" y="0" width="100" height="10" vector-effect="non-scaling-stroke" />
                                <rect class="kizuki-cl-bar-fill" x="0" y="0"
                                      width={percent.unwrap_or(0).to_string()} height="10" />
                            </svg>
                            <span class="kizuki-cl-chart-value" data-testid="area-percent">{ value }</span>
                            if let Some(level) = level {
                                <span class="kizuki-cl-chart-level">{ level.label.get(lang) }</span>
                            }
                            { change_badge(text, ctx.comparison.as_ref().and_then(|c| c.area_change(&area.id))) }
                        </li>
                    }
                }) }
            </ul>
        </figure>
    }
}

/// How many actions are shown before "show the others".
const FIRST_ACTIONS: usize = 10;

/// Properties of [`ActionPlan`].
#[derive(Clone, PartialEq, Properties)]
pub struct ActionPlanProps {
    /// What the view shares.
    pub ctx: Ctx,
}

/// The prioritised action plan, with an owner, a target date and "done" per action. The
/// first few show at once, the others on request (all of them print).
#[function_component(ActionPlan)]
pub fn action_plan(props: &ActionPlanProps) -> Html {
    let ctx = &props.ctx;
    let text = ctx.text();
    let show_all = use_state(|| false);
    let result = ctx
        .checklist()
        .result(&ctx.answers, &crate::platform::today());
    // Shown in the order the core gave when the plan was first drawn, new actions after: an
    // action ticked done stays where it is, marked done, instead of leaving from under the
    // finger for the end of the list (folded away there); it ranks last the next time the
    // results open.
    let order = use_mut_ref(Vec::<String>::new);
    let shown: Vec<&Recommendation> = {
        let mut order = order.borrow_mut();
        for r in &result.recommendations {
            if !order.contains(&r.item) {
                order.push(r.item.clone());
            }
        }
        order
            .iter()
            .filter_map(|id| result.recommendations.iter().find(|r| r.item == *id))
            .collect()
    };
    let hidden = result.recommendations.len().saturating_sub(FIRST_ACTIONS);
    let toggle = {
        let show_all = show_all.clone();
        Callback::from(move |_: MouseEvent| show_all.set(!*show_all))
    };
    let list_id = ctx.id(&["action-plan"]);
    html! {
        <section class="kizuki-cl-plan" aria-labelledby={ctx.id(&["plan-heading"])}>
            <h4 id={ctx.id(&["plan-heading"])}>{ &text.plan_heading }</h4>
            if result.recommendations.is_empty() {
                <p>{ &text.plan_empty }</p>
            } else {
                <p class="kizuki-cl-intro">{ &text.plan_intro }</p>
                <ol class="kizuki-cl-plan-list" id={list_id.clone()} data-testid="action-plan">
                    { for shown.iter().enumerate().map(|(n, r)| {
                        recommendation(ctx, r, n >= FIRST_ACTIONS && !*show_all)
                    }) }
                </ol>
                if hidden > 0 {
                    <button type="button" class="kizuki-button kizuki-button--secondary kizuki-cl-more"
                            aria-expanded={show_all.to_string()} aria-controls={list_id}
                            data-testid="show-all-actions" onclick={toggle}>
                        { if *show_all {
                            fill(text.plan_show_fewer, &[("n", &FIRST_ACTIONS.to_string())])
                        } else {
                            fill(text.plan_show_all, &[("n", &hidden.to_string())])
                        } }
                    </button>
                }
            }
        </section>
    }
}

fn recommendation(ctx: &Ctx, r: &Recommendation, folded: bool) -> Html {
    let text = ctx.text();
    let checklist = ctx.checklist();
    let lang = ctx.lang;
    let Some(item) = checklist.item(&r.item) else {
        return Html::default();
    };
    let area = checklist.areas.iter().find(|a| a.id == r.area);
    let answer = ctx
        .answers
        .items
        .get(&r.item)
        .and_then(|a| a.choice.as_deref())
        .and_then(|c| checklist.scale.iter().find(|o| o.id == c));
    let entry = ctx
        .answers
        .actions
        .get(&r.item)
        .cloned()
        .unwrap_or_default();
    let helpers: Vec<_> = r
        .helpers
        .iter()
        .filter_map(|id| checklist.helpers.iter().find(|h| &h.id == id))
        .collect();
    let set = |change: fn(&mut kizuki_core::kind::checklist::ActionEntry, String)| {
        let apply = ctx.apply.clone();
        let item = r.item.clone();
        let entry = entry.clone();
        move |value: String| {
            let mut next = entry.clone();
            change(&mut next, value);
            apply.emit(ChecklistAction::SetAction {
                item: item.clone(),
                owner: next.owner,
                due: next.due,
                done: next.done,
            });
        }
    };
    let on_owner = {
        let set = set(|e, v| e.owner = v);
        Callback::from(move |event: InputEvent| {
            set(event.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_due = {
        let set = set(|e, v| e.due = v);
        Callback::from(move |event: Event| {
            set(event.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_done = {
        let set = set(|e, v| e.done = v == "true");
        Callback::from(move |event: Event| {
            set(event
                .target_unchecked_into::<HtmlInputElement>()
                .checked()
                .to_string())
        })
    };
    let owner_id = ctx.id(&["action", &r.item, "owner"]);
    let due_id = ctx.id(&["action", &r.item, "due"]);
    let done_id = ctx.id(&["action", &r.item, "done"]);
    html! {
        // Keyed by item, so that its controls stay its own whatever the order.
        <li key={r.item.clone()} class={classes!("kizuki-card", "kizuki-cl-action", folded.then_some("kizuki-cl-folded"))} data-item={r.item.clone()}>
            <p class="kizuki-cl-action-meta">
                <span class="kizuki-cl-rank">
                    if entry.done {
                        { text.rank_done }
                    } else {
                        { fill(text.rank, &[("rank", &r.rank.to_string())]) }
                    }
                </span>
                { obligation_badge(text, r.obligation) }
                { planned_badge(r.planned.as_ref(), lang) }
                { change_badge(text, ctx.comparison.as_ref().and_then(|c| c.item_change(&r.item))) }
                if let Some(area) = area {
                    <span class="kizuki-cl-action-area">{ area.title.get(lang) }</span>
                }
            </p>
            <h5 class="kizuki-cl-action-item">{ checklist.item_goal(item, &ctx.answers).get(lang) }</h5>
            if let Some(answer) = answer {
                <p class="kizuki-cl-action-answer">{ fill(text.current_answer, &[("answer", answer.label.get(lang))]) }</p>
            }
            if r.unknown {
                <p class="kizuki-hint">{ &text.plan_unknown }</p>
            }
            <p class="kizuki-cl-action-recommendation">
                <span class="kizuki-cl-label">{ format!("{}: ", text.recommendation_heading) }</span>
                { rich(checklist.item_recommendation(item, &ctx.answers).get(lang)) }
            </p>
            if !helpers.is_empty() {
                <div class="kizuki-cl-action-helpers">
                    <p>
                        <span class="kizuki-cl-label">{ format!("{}: ", text.helpers_heading) }</span>
                        { helpers.iter().map(|h| h.name.get(lang)).collect::<Vec<_>>().join("、") }
                    </p>
                    <details class="kizuki-cl-details">
                        <summary>{ &text.helpers_more }</summary>
                        <ul>
                            { for helpers.iter().map(|h| html! {
                                <li><strong>{ h.name.get(lang) }</strong>{ "　" }{ rich(h.description.get(lang)) }</li>
                            }) }
                        </ul>
                    </details>
                </div>
            }
            <div class="kizuki-cl-action-inputs">
                <div class="kizuki-field">
                    <label for={owner_id.clone()}>{ &text.owner_label }</label>
                    <input type="text" id={owner_id} class="kizuki-input" value={entry.owner.clone()}
                           maxlength={kizuki_core::kind::checklist::MAX_FREE_TEXT_CHARS.to_string()}
                           autocomplete="off" oninput={on_owner} />
                    <span class="kizuki-cl-print-value">{ &entry.owner }</span>
                </div>
                <div class="kizuki-field">
                    <label for={due_id.clone()}>{ &text.due_label }</label>
                    <input type="date" id={due_id} class="kizuki-input kizuki-input--short" value={entry.due.clone()} onchange={on_due} />
                    <span class="kizuki-cl-print-value">{ &entry.due }</span>
                </div>
                <div class="kizuki-option kizuki-option--plain kizuki-cl-done">
                    <input type="checkbox" id={done_id.clone()} checked={entry.done} onchange={on_done} />
                    <label for={done_id}>{ &text.done_label }</label>
                </div>
            </div>
        </li>
    }
}

/// Where to get help: the embedding center's contacts when the host page gave them, then the
/// regional resource directory (the center's file, else the built-in public services), less
/// the services for small workplaces when this one has 50 or more workers.
pub fn where_to_get_help(ctx: &Ctx) -> Html {
    let text = ctx.text();
    let center = ctx.center.as_ref().map(|center| {
        html! {
            <>
                <p>{ &text.help_intro_center }</p>
                <div class="kizuki-cl-help-center" data-testid="help-center">
                    <p class="kizuki-cl-help-name">{ &center.name }</p>
                    { crate::contact_details(ctx.lang, center.phone.as_deref(), center.hours.as_deref(), center.url.as_deref()) }
                </div>
            </>
        }
    });
    let small_workplace = ctx.checklist().small_workplace(&ctx.answers);
    let body = html! {
        <>
            { for center }
            <p>{ &text.help_intro_directory }</p>
            <HelpList lang={ctx.lang} directory={ctx.directory.clone()}
                      small_workplace={small_workplace} level={5} />
        </>
    };
    html! {
        <section class="kizuki-cl-help-section" aria-labelledby={ctx.id(&["help-heading"])}>
            <h4 id={ctx.id(&["help-heading"])}>{ &text.help_heading }</h4>
            { body }
        </section>
    }
}

/// Moves to the element with `id` in the widget's own root (the Shadow DOM, where a `#id`
/// link would not reach), and gives it focus so keyboard and screen-reader users land there.
fn jump_to(event: &MouseEvent, id: &str) {
    use wasm_bindgen::JsCast;
    let Some(node) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Node>().ok())
    else {
        return;
    };
    let root = node.get_root_node();
    let element = match root.dyn_ref::<web_sys::DocumentFragment>() {
        Some(fragment) => fragment.get_element_by_id(id),
        None => root
            .dyn_ref::<web_sys::Document>()
            .and_then(|document| document.get_element_by_id(id)),
    };
    if let Some(element) = element {
        element.scroll_into_view();
        if let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() {
            let _ = element.set_attribute("tabindex", "-1");
            let _ = element.focus();
        }
    }
}

/// Links to the results' sections, at the top of the results.
pub fn section_links(ctx: &Ctx) -> Html {
    let text = ctx.text();
    let link = |heading: &str, label: &str| {
        let id = ctx.id(&[heading]);
        html! {
            <li>
                <button type="button" class="kizuki-button kizuki-button--quiet kizuki-button--small"
                        data-jump={heading.to_string()}
                        onclick={Callback::from(move |event: MouseEvent| jump_to(&event, &id))}>
                    { label.to_string() }
                </button>
            </li>
        }
    };
    html! {
        <nav class="kizuki-cl-sections kizuki-no-print" aria-label={text.sections_label.to_string()}
             data-testid="section-links">
            <ul>
                { link("overall-heading", text.overall_heading) }
                { link("chart-heading", text.chart_heading) }
                { link("plan-heading", text.plan_heading) }
                { link("help-heading", text.help_heading) }
                { link("draft-heading", text.draft_heading) }
                { link("files-heading", text.files_heading) }
            </ul>
        </nav>
    }
}

/// A way back to the top of the results.
pub fn back_to_top(ctx: &Ctx) -> Html {
    let text = ctx.text();
    let id = ctx.id(&["screen-heading"]);
    html! {
        <p class="kizuki-cl-back-to-top kizuki-no-print">
            <button type="button" class="kizuki-button kizuki-button--quiet kizuki-button--small"
                    data-testid="back-to-top"
                    onclick={Callback::from(move |event: MouseEvent| jump_to(&event, &id))}>
                { &text.back_to_top }
            </button>
        </p>
    }
}
