//! The case list (several cases side by side, a new case under a pseudonym) and one case:
//! its header, the five-step tracker, the step shown, its history, the follow-up schedule
//! and the documents drafted from it.

use kizuki_core::kind::plan::{Case, CaseStart, HistoryEntry, PlanAction, PlanCases};
use kizuki_core::report::display_date;
use yew::prelude::*;

use super::flows;
use super::state::{Msg, Place};
use super::step;
use super::text::fill;
use super::widgets::LineForm;
use super::Ctx;
use crate::platform;
use crate::shell::confirm::Confirm;

/// The first free pseudonym (`ケースA`, `ケースB`, …, then `ケースA2`) from the template.
pub fn suggest_pseudonym(template: &str, cases: &PlanCases) -> String {
    let taken = |label: &str| cases.cases.values().any(|c| c.label == label);
    (1..)
        .flat_map(|round: u32| {
            ('A'..='Z').map(move |letter| {
                if round == 1 {
                    letter.to_string()
                } else {
                    format!("{letter}{round}")
                }
            })
        })
        .map(|letter| fill(template, &[("letter", &letter)]))
        .find(|label| !taken(label))
        .unwrap_or_default()
}

/// A fresh random case id (hex), or `None` without secure random numbers.
fn new_case_id() -> Option<String> {
    let bytes = platform::random_bytes::<8>()?;
    Some(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// The list of cases as cards, and the form for a new one.
pub fn case_list(ctx: &Ctx<'_>) -> Html {
    let text = ctx.text;
    let cases = &ctx.state.cases.cases;
    // Oldest first, then by name: ids are random, so their order means nothing.
    let mut ordered: Vec<(&String, &Case)> = cases.iter().collect();
    ordered.sort_by(|a, b| (&a.1.opened, &a.1.label, a.0).cmp(&(&b.1.opened, &b.1.label, b.0)));
    let cards: Html = ordered
        .into_iter()
        .map(|(id, case)| {
            let progress = ctx.plan.case_progress(case);
            let done: usize = progress.iter().map(|p| p.done).sum();
            let total: usize = progress.iter().map(|p| p.total).sum();
            let at = match case.step.as_deref().and_then(|s| ctx.plan.step(s)) {
                Some(step) => fill(text.case_at_step, &[("step", step.title.get(ctx.lang))]),
                None => text.case_closed.to_string(),
            };
            let selected = ctx.state.selected.as_deref() == Some(id.as_str());
            let button_text = if selected {
                &text.case_selected
            } else {
                &text.case_open
            };
            html! {
                <li class={classes!("kizuki-card", "kizuki-plan-case-card", selected.then_some("kizuki-plan-case-card--selected"))}>
                    <p class="kizuki-plan-case-name">{ &case.label }</p>
                    <p class="kizuki-plan-case-meta">{ started_line(ctx, case) }</p>
                    <p class="kizuki-plan-case-meta">{ at }</p>
                    <p class="kizuki-plan-case-meta">
                        { fill(text.case_tasks, &[("done", &done.to_string()), ("total", &total.to_string())]) }
                    </p>
                    <button type="button" class="kizuki-button kizuki-button--secondary" aria-pressed={selected.to_string()}
                            aria-label={format!("{}：{}", case.label, button_text)}
                            onclick={ctx.send(Msg::Select(Some(id.clone())))}>
                        { button_text }
                    </button>
                </li>
            }
        })
        .collect();
    let suggestion = suggest_pseudonym(text.pseudonym, &ctx.state.cases);
    let suggestion_key = suggestion.clone();
    let on_create = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |label: String| {
            if let Some(case) = new_case_id() {
                dispatch.dispatch(Msg::Plan(PlanAction::OpenCase {
                    case,
                    label,
                    date: platform::today(),
                }));
            }
        })
    };
    html! {
        <>
            <section class="kizuki-plan-cases" aria-labelledby={ctx.id("cases-heading")}>
                <h3 id={ctx.id("cases-heading")}>{ &text.cases_heading }</h3>
                if cases.is_empty() {
                    <p>{ &text.no_cases }</p>
                } else {
                    <ul class="kizuki-plan-case-list">{ cards }</ul>
                }
            </section>
            <section class="kizuki-plan-new-case" aria-labelledby={ctx.id("new-case-heading")}>
                <h3 id={ctx.id("new-case-heading")}>{ &text.new_case_heading }</h3>
                <LineForm key={suggestion_key} id={ctx.id("new-case-label")}
                          label={text.new_case_label.to_string()} hint={AttrValue::from(text.new_case_hint.to_string())}
                          initial={suggestion} button={text.new_case_button.to_string()} on_submit={on_create} />
            </section>
        </>
    }
}

/// One case, in full.
pub fn case_view(ctx: &Ctx<'_>, id: &str, case: &Case) -> Html {
    let text = ctx.text;
    let progress = ctx.plan.case_progress(case);
    let shown = ctx
        .state
        .viewing
        .as_deref()
        .or(case.step.as_deref())
        .and_then(|s| ctx.plan.step(s))
        .or_else(|| ctx.plan.steps.last());
    let tracker: Html = ctx
        .plan
        .steps
        .iter()
        .zip(&progress)
        .enumerate()
        .map(|(index, (step, p))| {
            let viewed = shown.is_some_and(|s| s.id == step.id);
            let mut classes = classes!("kizuki-plan-tracker-step");
            if p.current {
                classes.push("kizuki-plan-tracker-step--current");
            }
            if viewed {
                classes.push("kizuki-plan-tracker-step--viewed");
            }
            html! {
                <li class={classes}>
                    <button type="button" class="kizuki-plan-tracker-button"
                            aria-current={p.current.then_some("step")}
                            aria-pressed={viewed.to_string()}
                            onclick={ctx.send(Msg::View(Some(step.id.clone())))}>
                        <span class="kizuki-plan-tracker-number" aria-hidden="true">{ index + 1 }</span>
                        <span class="kizuki-plan-tracker-title">{ step.title.get(ctx.lang) }</span>
                        <span class="kizuki-plan-tracker-meta">
                            <span>{ fill(text.tracker_done, &[("done", &p.done.to_string()), ("total", &p.total.to_string())]) }</span>
                            if p.visits > 0 {
                                { " · " }<span>{ fill(text.tracker_visits, &[("n", &p.visits.to_string())]) }</span>
                            }
                        </span>
                        if p.current {
                            <span class="kizuki-badge kizuki-badge--primary kizuki-plan-badge">{ &text.tracker_current }</span>
                        }
                    </button>
                </li>
            }
        })
        .collect();
    let rename = {
        let dispatch = ctx.dispatch.clone();
        let case_id = id.to_string();
        Callback::from(move |label: String| {
            dispatch.dispatch(Msg::Plan(PlanAction::RenameCase {
                case: case_id.clone(),
                label,
            }))
        })
    };
    html! {
        <section class="kizuki-plan-case" aria-labelledby={ctx.id("case-heading")}>
            <div class="kizuki-plan-case-head">
                <h3 id={ctx.id("case-heading")}>{ fill(text.case_heading, &[("label", &case.label)]) }</h3>
                <p class="kizuki-plan-case-meta">
                    { started_line(ctx, case) }
                    if case.step.is_none() {
                        { " · " }{ &text.case_closed }
                    }
                </p>
            </div>
            <nav class="kizuki-plan-tracker" aria-labelledby={ctx.id("tracker-heading")}>
                <h4 id={ctx.id("tracker-heading")}>{ &text.tracker_heading }</h4>
                <ol class="kizuki-plan-tracker-list" aria-live="polite">{ tracker }</ol>
            </nav>
            if let Some(shown) = shown {
                { step::step_view(ctx, id, case, shown) }
            }
            { history(ctx, id, case) }
            { follow_up(ctx, id, case) }
            { documents(ctx) }
            <details class="kizuki-disclosure kizuki-plan-case-settings">
                <summary>{ &text.rename_label }{ " / " }{ &text.delete_case }</summary>
                <LineForm key={format!("{id}-{}", case.label)} id={ctx.id("rename")} label={text.rename_label.to_string()}
                          initial={case.label.clone()} button={text.rename_button.to_string()} on_submit={rename} />
                <Confirm lang={ctx.lang} danger=true open_label={text.delete_case.to_string()}
                         question={fill(text.delete_case_confirm, &[("label", &case.label)])}
                         yes_label={text.delete_case_yes.to_string()}
                         on_confirm={ctx.send(Msg::Plan(PlanAction::DeleteCase { case: id.to_string() }))} />
            </details>
        </section>
    }
}

/// A step's title in the reader's language (its id, for a step the pack does not have).
fn step_title(ctx: &Ctx<'_>, id: &str) -> String {
    ctx.plan
        .step(id)
        .map_or_else(|| id.to_string(), |s| s.title.get(ctx.lang).to_string())
}

/// The outcome an entry of the history records, as the person chose it (or "went on to the
/// next step" for a move without a decision).
fn entry_outcome(ctx: &Ctx<'_>, entry: &HistoryEntry) -> String {
    ctx.plan
        .step(&entry.step)
        .and_then(|s| s.decision.as_ref())
        .and_then(|d| d.options.iter().find(|o| o.id == entry.outcome))
        .map_or_else(
            || ctx.text.history_advanced.to_string(),
            |o| o.label.get(ctx.lang).to_string(),
        )
}

/// "Undo the last decision" (the core's `UndoDecision`), asked first with what will happen:
/// which decision of which day, the step the case goes back to, the tasks done again. On a
/// closed case it says that it reopens the case. Nothing without a history.
pub fn undo_last(ctx: &Ctx<'_>, case_id: &str, case: &Case) -> Html {
    let text = ctx.text;
    let Some(last) = case.history.last() else {
        return html! {};
    };
    let closed = case.step.is_none();
    let words = [
        ("date", display_date(last.event_day(), ctx.lang)),
        ("outcome", entry_outcome(ctx, last)),
        ("step", step_title(ctx, &last.step)),
    ];
    let words: Vec<(&str, &str)> = words.iter().map(|(k, v)| (*k, v.as_str())).collect();
    // A move on from a step without a decision is no decision: it is named as the move.
    let moved_on = ctx
        .plan
        .step(&last.step)
        .is_some_and(|s| s.decision.is_none());
    let mut question = fill(
        if closed {
            text.reopen_question
        } else if moved_on {
            text.undo_advance_question
        } else {
            text.undo_question
        },
        &words,
    );
    if !last.reopened_tasks.is_empty() {
        question.push_str(&fill(
            text.undo_reopened,
            &[("n", &last.reopened_tasks.len().to_string())],
        ));
    }
    let (open_label, yes_label) = if closed {
        (text.reopen_button, text.reopen_confirm)
    } else {
        (text.undo_button, text.undo_confirm)
    };
    html! {
        <div class="kizuki-actions kizuki-plan-undo">
            <Confirm key={format!("{case_id}-undo-{}", case.history.len())} lang={ctx.lang}
                     open_label={open_label} question={question} yes_label={yes_label}
                     on_confirm={ctx.send(Msg::Plan(PlanAction::UndoDecision { case: case_id.to_string() }))} />
        </div>
    }
}

fn history(ctx: &Ctx<'_>, case_id: &str, case: &Case) -> Html {
    let text = ctx.text;
    let step_title = |id: &str| step_title(ctx, id);
    let case_id = case_id.to_string();
    let hint_id = ctx.id("history-event-hint");
    let entries: Html = case
        .history
        .iter()
        .enumerate()
        .map(|(index, entry)| {
            let date_id = ctx.id(&format!("history-{index}-event-date"));
            let on_event_date = {
                let dispatch = ctx.dispatch.clone();
                let case = case_id.clone();
                Callback::from(move |event: Event| {
                    let value = event.target_unchecked_into::<web_sys::HtmlInputElement>().value();
                    if !value.is_empty() {
                        dispatch.dispatch(Msg::Plan(PlanAction::SetEventDate {
                            case: case.clone(),
                            entry: index,
                            event_date: value,
                        }));
                    }
                })
            };
            let step = ctx.plan.step(&entry.step);
            let outcome = entry_outcome(ctx, entry);
            let question = step
                .and_then(|s| s.decision.as_ref())
                .map(|d| d.label.get(ctx.lang).to_string());
            let next = match &entry.next {
                Some(next) => fill(text.history_next, &[("step", &step_title(next))]),
                None => text.history_closed.to_string(),
            };
            html! {
                <li data-history-entry={index.to_string()}>
                    <span class="kizuki-plan-history-date">
                        <label for={date_id.clone()}>{ &text.history_event_date }</label>
                        <input id={date_id} type="date" class="kizuki-input kizuki-input--short"
                               value={entry.event_day().to_string()} max={entry.date.clone()}
                               aria-describedby={hint_id.clone()} onchange={on_event_date} />
                        <span class="kizuki-plan-history-recorded">
                            { fill(text.history_recorded, &[("date", &display_date(&entry.date, ctx.lang))]) }
                        </span>
                    </span>
                    <span class="kizuki-plan-history-step">{ step_title(&entry.step) }</span>
                    <span class="kizuki-plan-history-outcome">
                        if let Some(question) = question {
                            { question }{ "：" }
                        }
                        <strong>{ outcome }</strong>{ " " }{ next }
                        if !entry.reopened_tasks.is_empty() {
                            { " " }{ fill(text.history_reopened, &[("n", &entry.reopened_tasks.len().to_string())]) }
                        }
                    </span>
                </li>
            }
        })
        .collect();
    html! {
        <section class="kizuki-plan-history" aria-labelledby={ctx.id("history-heading")}>
            <h4 id={ctx.id("history-heading")}>{ &text.history_heading }</h4>
            if case.history.is_empty() {
                <p>{ &text.history_empty }</p>
            } else {
                <p class="kizuki-hint" id={hint_id}>{ &text.history_event_hint }</p>
                <ol class="kizuki-plan-history-list">{ entries }</ol>
                // A closed case offers it where it says it is closed, worded as reopening.
                if case.step.is_some() {
                    { undo_last(ctx, &case_id, case) }
                }
            }
        </section>
    }
}

fn follow_up(ctx: &Ctx<'_>, id: &str, case: &Case) -> Html {
    let text = ctx.text;
    let follow_up = &ctx.plan.follow_up;
    let dates = ctx.plan.follow_up_dates(case);
    let anchor_label = ctx
        .plan
        .fields
        .iter()
        .find(|f| f.id == follow_up.anchor_field)
        .map_or(follow_up.anchor_field.as_str(), |f| f.label.get(ctx.lang));
    let rows: Html = dates
        .iter()
        .map(|d| {
            html! {
                <li>
                    <span class="kizuki-plan-followup-offset">{ fill(text.followup_days, &[("n", &d.offset_days.to_string())]) }</span>
                    <time datetime={d.date.clone()}>{ kizuki_core::report::display_date_weekday(&d.date, ctx.lang) }</time>
                </li>
            }
        })
        .collect();
    html! {
        <section class="kizuki-plan-followup" aria-labelledby={ctx.id("followup-heading")}>
            <h4 id={ctx.id("followup-heading")}>{ follow_up.title.get(ctx.lang) }</h4>
            <p>{ follow_up.description.get(ctx.lang) }</p>
            if dates.is_empty() {
                <p class="kizuki-hint">{ fill(text.followup_needs_anchor, &[("field", anchor_label)]) }</p>
            } else {
                <ol class="kizuki-plan-followup-list">{ rows }</ol>
                // The warning comes before the button: the file carries the case's label.
                <p class="kizuki-hint" id={ctx.id("followup-ics-note")}>{ &text.followup_ics_note }</p>
                <div class="kizuki-actions">
                    <button type="button" class="kizuki-button kizuki-button--secondary" onclick={flows::on_export_ics(ctx, id)}
                            aria-describedby={ctx.id("followup-ics-note")}>
                        { &text.followup_ics }
                    </button>
                </div>
                { super::notice_view(ctx, Place::Calendar) }
            }
        </section>
    }
}

fn documents(ctx: &Ctx<'_>) -> Html {
    let text = ctx.text;
    let buttons: Html = ctx
        .plan
        .documents
        .iter()
        .map(|doc| {
            html! {
                <li>
                    <button type="button" class="kizuki-button kizuki-button--secondary"
                            onclick={ctx.send(Msg::ShowDocument(Some(doc.id.clone())))}>
                        { fill(text.document_show, &[("title", doc.title.get(kizuki_core::Lang::Ja))]) }
                    </button>
                </li>
            }
        })
        .collect();
    html! {
        <section class="kizuki-plan-documents" aria-labelledby={ctx.id("documents-heading")}>
            <h4 id={ctx.id("documents-heading")}>{ &text.documents_heading }</h4>
            <p>{ &text.documents_intro }</p>
            if ctx.lang != kizuki_core::Lang::Ja {
                <p class="kizuki-hint">{ &text.documents_language }</p>
            }
            <ul class="kizuki-plan-document-list">{ buttons }</ul>
        </section>
    }
}

/// What the case started on, as the core says: the leave's first day under its label, or the
/// day the record was made, labelled as such.
fn started_line(ctx: &Ctx<'_>, case: &Case) -> String {
    match ctx.plan.case_start(case) {
        CaseStart::Field { label, date } => fill(
            ctx.text.case_started,
            &[
                ("label", label.get(ctx.lang)),
                ("date", &display_date(date, ctx.lang)),
            ],
        ),
        CaseStart::Recorded(date) => fill(
            ctx.text.case_opened,
            &[("date", &display_date(date, ctx.lang))],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pseudonyms_skip_labels_in_use() {
        let mut cases = PlanCases::default();
        assert_eq!(suggest_pseudonym("ケース{letter}", &cases), "ケースA");
        for (id, label) in [("1", "ケースA"), ("2", "ケースC")] {
            cases.cases.insert(
                id.into(),
                Case {
                    label: label.into(),
                    ..Case::default()
                },
            );
        }
        assert_eq!(suggest_pseudonym("ケース{letter}", &cases), "ケースB");
        for (i, letter) in ('A'..='Z').enumerate() {
            cases.cases.insert(
                format!("x{i}"),
                Case {
                    label: format!("Case {letter}"),
                    ..Case::default()
                },
            );
        }
        assert_eq!(suggest_pseudonym("Case {letter}", &cases), "Case A2");
    }
}
