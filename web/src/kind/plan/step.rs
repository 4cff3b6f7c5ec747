//! One step of a case: what it is for, its privacy rules, the tasks that apply to the case
//! (checkboxes with roles and help), the fields it records, a note, and the decision that
//! ends it (or "next step" when it has none).

use kizuki_core::kind::plan::{Case, DateProblem, DateWarning, Field, FieldKind, PlanAction, Step};
use kizuki_core::pack::SourceRef;
use kizuki_core::report::display_date;
use kizuki_core::Lang;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::state::Msg;
use super::text::{fill, plan_text};
use super::{inline, Ctx};
use crate::platform;
use crate::shell::confirm::Confirm;

fn set_field(ctx: &Ctx<'_>, case: &str, field: &str) -> Callback<String> {
    let dispatch = ctx.dispatch.clone();
    let (case, field) = (case.to_string(), field.to_string());
    Callback::from(move |value: String| {
        dispatch.dispatch(Msg::Plan(PlanAction::SetField {
            case: case.clone(),
            field: field.clone(),
            value,
        }))
    })
}

/// The step `step` of the case `case_id`.
pub fn step_view(ctx: &Ctx<'_>, case_id: &str, case: &Case, step: &Step) -> Html {
    let text = ctx.text;
    let lang = ctx.lang;
    let is_current = case.step.as_deref() == Some(step.id.as_str());
    let heading_id = ctx.id(&format!("step-{}", step.id));
    let privacy: Html = step
        .privacy
        .iter()
        .map(|rule| html! { <li>{ inline(rule.text().get(lang)) }</li> })
        .collect();
    let tasks: Vec<Html> = ctx
        .plan
        .tasks_for(step, case)
        .map(|task| {
            let id = ctx.id(&format!("task-{}", task.id));
            let done = case.tasks_done.get(&task.id);
            let roles: Vec<&str> = task
                .roles
                .iter()
                .map(|r| {
                    ctx.plan
                        .roles
                        .iter()
                        .find(|role| &role.id == r)
                        .map_or(r.as_str(), |role| role.label.get(lang))
                })
                .collect();
            let separator = if lang == Lang::Ja { "、" } else { ", " };
            let toggle = {
                let dispatch = ctx.dispatch.clone();
                let (case, task) = (case_id.to_string(), task.id.clone());
                let was_done = done.is_some();
                Callback::from(move |_: Event| {
                    dispatch.dispatch(Msg::Plan(PlanAction::SetTask {
                        case: case.clone(),
                        task: task.clone(),
                        done: (!was_done).then(platform::today),
                    }))
                })
            };
            html! {
                <li class={classes!("kizuki-plan-task", done.is_some().then_some("kizuki-plan-task--done"))}>
                    <div class="kizuki-option kizuki-option--plain">
                        <input id={id.clone()} type="checkbox" checked={done.is_some()} onchange={toggle}
                               aria-describedby={format!("{id}-roles")} />
                        <label for={id.clone()}>{ inline(task.text.get(lang)) }</label>
                    </div>
                    <p class="kizuki-plan-task-meta" id={format!("{id}-roles")}>
                        { fill(text.task_roles, &[("roles", &roles.join(separator))]) }
                        if let Some(date) = done {
                            { " · " }{ fill(text.task_done_on, &[("date", &display_date(date, lang))]) }
                        }
                    </p>
                    if let Some(help) = &task.help {
                        <details class="kizuki-plan-task-help">
                            <summary>{ &text.task_help }</summary>
                            <p>{ inline(help.get(lang)) }</p>
                        </details>
                    }
                </li>
            }
        })
        .collect();
    // Dates that contradict each other or today, as the core finds them: shown beside the
    // field, the value kept as entered.
    let today = platform::today();
    let warnings = ctx.plan.date_warnings(case, &today);
    let fields: Html = step
        .fields
        .iter()
        .filter_map(|id| ctx.plan.fields.iter().find(|f| &f.id == id))
        .map(|field| field_input(ctx, case_id, case, field, &warnings))
        .collect();
    let notes_id = ctx.id(&format!("notes-{}", step.id));
    let on_note = {
        let dispatch = ctx.dispatch.clone();
        let (case, step_id) = (case_id.to_string(), step.id.clone());
        Callback::from(move |event: InputEvent| {
            let value = event.target_unchecked_into::<HtmlTextAreaElement>().value();
            dispatch.dispatch(Msg::Plan(PlanAction::SetNote {
                case: case.clone(),
                step: step_id.clone(),
                text: value,
            }))
        })
    };
    let step_documents: Vec<Html> = step
        .documents
        .iter()
        .filter_map(|id| ctx.plan.documents.iter().find(|d| &d.id == id))
        .map(|doc| {
            html! {
                <li>
                    <button type="button" class="kizuki-button kizuki-button--quiet kizuki-button--small"
                            onclick={ctx.send(Msg::ShowDocument(Some(doc.id.clone())))}>
                        { fill(text.document_show, &[("title", doc.title.get(Lang::Ja))]) }
                    </button>
                </li>
            }
        })
        .collect();
    let mut cited: Vec<&SourceRef> = Vec::new();
    for source in step
        .sources
        .iter()
        .chain(step.privacy.iter().flat_map(|note| note.sources()))
    {
        if !cited.contains(&source) {
            cited.push(source);
        }
    }
    let sources = source_lines(ctx, &cited);

    html! {
        <section class={classes!("kizuki-card", "kizuki-plan-step", is_current.then_some("kizuki-card--current"))}
                 aria-labelledby={heading_id.clone()}>
            <h4 id={heading_id} tabindex="-1" ref={ctx.step_heading.clone()}>{ step.title.get(lang) }</h4>
            if is_current {
                <p class="kizuki-badge kizuki-badge--primary kizuki-plan-badge">{ &text.tracker_current }</p>
            }
            <p class="kizuki-plan-summary">{ inline(step.summary.get(lang)) }</p>
            if !step.privacy.is_empty() {
                <div class="kizuki-notice kizuki-notice--warning kizuki-plan-privacy">
                    <h5>{ &text.step_privacy }</h5>
                    <ul>{ privacy }</ul>
                </div>
            }
            <div class="kizuki-plan-tasks">
                <h5>{ &text.step_tasks }</h5>
                if tasks.is_empty() {
                    <p>{ &text.no_tasks }</p>
                } else {
                    <ul class="kizuki-plan-task-list">{ for tasks }</ul>
                }
            </div>
            if !step.fields.is_empty() {
                <div class="kizuki-plan-fields">
                    <h5>{ &text.step_fields }</h5>
                    { fields }
                </div>
            }
            <div class="kizuki-field">
                <label for={notes_id.clone()}>{ &text.step_notes }</label>
                <p class="kizuki-hint" id={format!("{notes_id}-hint")}>{ &text.notes_hint }</p>
                <textarea id={notes_id.clone()} rows="3" aria-describedby={format!("{notes_id}-hint")}
                          value={case.notes.get(&step.id).cloned().unwrap_or_default()} oninput={on_note} />
            </div>
            if !step_documents.is_empty() {
                <div class="kizuki-plan-step-documents">
                    <h5>{ &text.step_documents }</h5>
                    <ul>{ for step_documents }</ul>
                </div>
            }
            { ending(ctx, case_id, case, step, is_current) }
            if !sources.is_empty() {
                <p class="kizuki-plan-sources">{ fill(text.step_sources, &[("sources", &sources.join(" / "))]) }</p>
            }
        </section>
    }
}

/// The decision (or "next step") at the current step; a pointer to it elsewhere.
fn ending(ctx: &Ctx<'_>, case_id: &str, case: &Case, step: &Step, is_current: bool) -> Html {
    let text = ctx.text;
    let lang = ctx.lang;
    if !is_current {
        return match case.step.as_deref().and_then(|s| ctx.plan.step(s)) {
            Some(current) => html! {
                <div class="kizuki-plan-elsewhere">
                    <p>{ fill(text.not_current, &[("step", current.title.get(lang))]) }</p>
                    <button type="button" class="kizuki-button kizuki-button--secondary" onclick={ctx.send(Msg::View(None))}>
                        { &text.view_current }
                    </button>
                </div>
            },
            None => html! {
                <div class="kizuki-plan-elsewhere">
                    <p>{ &text.closed_text }</p>
                    { super::case_view::undo_last(ctx, case_id, case) }
                </div>
            },
        };
    }
    match &step.decision {
        Some(decision) => {
            let options: Vec<(String, String)> = decision
                .options
                .iter()
                .map(|o| (o.id.clone(), o.label.get(lang).to_string()))
                .collect();
            // An outcome that closes the case (nothing more can be recorded in it) is asked
            // again before it is recorded.
            let closing: Vec<String> = decision
                .options
                .iter()
                .filter(|o| o.closes_case())
                .map(|o| o.id.clone())
                .collect();
            let on_decide = {
                let dispatch = ctx.dispatch.clone();
                let case = case_id.to_string();
                Callback::from(move |(outcome, when): (String, String)| {
                    dispatch.dispatch(Msg::Plan(PlanAction::Decide {
                        case: case.clone(),
                        outcome,
                        date: platform::today(),
                        event_date: Some(when),
                    }))
                })
            };
            html! {
                <DecisionForm key={format!("{case_id}-{}-{}", step.id, case.history.len())}
                              id={ctx.id(&format!("decision-{}", step.id))} lang={lang}
                              question={decision.label.get(lang).to_string()} options={options}
                              closing={closing} today={platform::today()} on_decide={on_decide} />
            }
        }
        None => {
            let advance = {
                let dispatch = ctx.dispatch.clone();
                let case = case_id.to_string();
                Callback::from(move |_: MouseEvent| {
                    dispatch.dispatch(Msg::Plan(PlanAction::Advance {
                        case: case.clone(),
                        date: platform::today(),
                        event_date: None,
                    }))
                })
            };
            html! {
                <div class="kizuki-card kizuki-card--tint kizuki-plan-decision">
                    <h5>{ &text.advance_heading }</h5>
                    <p>{ &text.advance_text }</p>
                    <button type="button" class="kizuki-button" onclick={advance}>{ &text.advance_button }</button>
                </div>
            }
        }
    }
}

/// "title section" for each source, titles from the pack's `sources`.
fn source_lines(ctx: &Ctx<'_>, sources: &[&SourceRef]) -> Vec<String> {
    sources
        .iter()
        .map(|source| {
            let title = ctx
                .state
                .pack
                .pack()
                .sources
                .iter()
                .find(|d| d.id == source.doc)
                .map_or(source.doc.as_str(), |d| d.title.get(ctx.lang));
            format!(
                "{title} {}",
                ctx.state.pack.pack().section_label(source, ctx.lang)
            )
        })
        .collect()
}

/// The core's date warnings about `field` in the reader's words: which date, what it
/// contradicts. A date before another is said beside both: beside the other field as being
/// after it (either may be the one mistyped).
fn date_warning_texts(
    ctx: &Ctx<'_>,
    case: &Case,
    field: &Field,
    warnings: &[DateWarning<'_>],
) -> Vec<String> {
    let text = ctx.text;
    let label = field.label.get(ctx.lang);
    let label_of = |id: &str| {
        ctx.plan
            .fields
            .iter()
            .find(|f| f.id == id)
            .map_or(id.to_string(), |f| f.label.get(ctx.lang).to_string())
    };
    warnings
        .iter()
        .filter_map(|warning| match warning.problem {
            DateProblem::BeforeOther { other, date } if warning.field == field.id => Some(fill(
                text.date_before_other,
                &[
                    ("field", label),
                    ("other", &label_of(other)),
                    ("date", &display_date(date, ctx.lang)),
                ],
            )),
            DateProblem::BeforeOther { other, .. } if other == field.id => {
                let date = case.fields.get(warning.field)?;
                Some(fill(
                    text.date_after_other,
                    &[
                        ("field", label),
                        ("other", &label_of(warning.field)),
                        ("date", &display_date(date, ctx.lang)),
                    ],
                ))
            }
            DateProblem::InTheFuture if warning.field == field.id => {
                Some(fill(text.date_in_future, &[("field", label)]))
            }
            DateProblem::YoungerThan { min_age } if warning.field == field.id => Some(fill(
                text.date_younger_than,
                &[("field", label), ("age", &min_age.to_string())],
            )),
            _ => None,
        })
        .collect()
}

/// One field of the case, as the input its kind asks for; a date with the core's warnings
/// about it (`warnings`, of the whole case) beside it.
fn field_input(
    ctx: &Ctx<'_>,
    case_id: &str,
    case: &Case,
    field: &Field,
    warnings: &[DateWarning<'_>],
) -> Html {
    let lang = ctx.lang;
    let id = ctx.id(&format!("field-{}", field.id));
    let hint_id = format!("{id}-hint");
    let value = case.fields.get(&field.id).cloned().unwrap_or_default();
    let set = set_field(ctx, case_id, &field.id);
    let field_sources: Vec<&SourceRef> = field.sources.iter().flatten().collect();
    let field_sources = source_lines(ctx, &field_sources);
    let hint = field.help.as_ref().map(|help| {
        html! {
            <p class="kizuki-hint" id={hint_id.clone()}>
                { inline(help.get(lang)) }
                if !field_sources.is_empty() {
                    <span class="kizuki-plan-hint-sources">
                        { " " }{ fill(ctx.text.step_sources, &[("sources", &field_sources.join(" / "))]) }
                    </span>
                }
            </p>
        }
    });
    let described = field.help.as_ref().map(|_| hint_id.clone());
    match field.kind {
        FieldKind::Choice => {
            let radios: Html = field
                .options
                .iter()
                .map(|option| {
                    let option_id = format!("{id}-{}", option.id);
                    let set = set.clone();
                    let chosen = option.id.clone();
                    html! {
                        <div class="kizuki-option">
                            <input id={option_id.clone()} type="radio" name={id.clone()}
                                   checked={value == option.id}
                                   onchange={Callback::from(move |_: Event| set.emit(chosen.clone()))} />
                            <label for={option_id}>{ option.label.get(lang) }</label>
                        </div>
                    }
                })
                .collect();
            let text = plan_text(lang);
            html! {
                <fieldset class="kizuki-field kizuki-plan-choice" aria-describedby={described}>
                    <legend>{ field.label.get(lang) }</legend>
                    { hint.unwrap_or_default() }
                    { radios }
                    if !value.is_empty() {
                        <button type="button" class="kizuki-button kizuki-button--quiet kizuki-button--small"
                                onclick={{ let set = set.clone(); Callback::from(move |_: MouseEvent| set.emit(String::new())) }}>
                            { &text.choice_clear }
                        </button>
                    }
                </fieldset>
            }
        }
        FieldKind::LongText => {
            let oninput = Callback::from(move |e: InputEvent| {
                set.emit(e.target_unchecked_into::<HtmlTextAreaElement>().value())
            });
            html! {
                <div class="kizuki-field">
                    <label for={id.clone()}>{ field.label.get(lang) }</label>
                    { hint.unwrap_or_default() }
                    <textarea id={id} rows="4" aria-describedby={described} value={value} {oninput} />
                </div>
            }
        }
        FieldKind::Text | FieldKind::Date => {
            let is_date = field.kind == FieldKind::Date;
            let warned = date_warning_texts(ctx, case, field, warnings);
            // A live region that stays in the page, so a warning that appears is read out.
            let warning_id = format!("{id}-warning");
            let described = match (described, warned.is_empty()) {
                (described, true) => described,
                (Some(hint), false) => Some(format!("{hint} {warning_id}")),
                (None, false) => Some(warning_id.clone()),
            };
            let input = Callback::from(move |e: Event| {
                set.emit(e.target_unchecked_into::<HtmlInputElement>().value())
            });
            // Text saves as it is typed; a date once it is complete (change), so a half-typed
            // date never reaches the core.
            let (oninput, onchange) = if is_date {
                (None, Some(input))
            } else {
                (
                    Some(Callback::from(move |e: InputEvent| input.emit(e.into()))),
                    None,
                )
            };
            html! {
                <div class={classes!("kizuki-field", is_date.then_some("kizuki-plan-field--date"))}>
                    <label for={id.clone()}>{ field.label.get(lang) }</label>
                    { hint.unwrap_or_default() }
                    <input id={id} type={if is_date { "date" } else { "text" }} autocomplete="off"
                           aria-describedby={described} value={value} {oninput} {onchange} />
                    if is_date {
                        <div class="kizuki-plan-date-warnings" id={warning_id} role="status">
                            { for warned.iter().map(|w| html! {
                                <p class="kizuki-notice kizuki-notice--warning kizuki-plan-date-warning">{ w }</p>
                            }) }
                        </div>
                    }
                </div>
            }
        }
    }
}

/// Properties of [`DecisionForm`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct DecisionProps {
    /// Prefix of the element ids.
    pub id: String,
    /// UI language.
    pub lang: Lang,
    /// The question decided.
    pub question: String,
    /// The outcomes: (id, label).
    pub options: Vec<(String, String)>,
    /// The outcomes that close the case: recorded only once the person confirms.
    pub closing: Vec<String>,
    /// Today: the day recorded, and the default (and latest) day the decision was taken.
    pub today: String,
    /// Called with the chosen outcome's id and the day it was taken.
    pub on_decide: Callback<(String, String)>,
}

/// The decision: one radio per outcome and a button that records it.
#[function_component(DecisionForm)]
pub fn decision_form(props: &DecisionProps) -> Html {
    let text = plan_text(props.lang);
    let chosen = use_state(|| None::<String>);
    let missing = use_state(|| false);
    let when = use_state(|| props.today.clone());
    let onsubmit = {
        let (chosen, missing, when) = (chosen.clone(), missing.clone(), when.clone());
        let on_decide = props.on_decide.clone();
        let closing = props.closing.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            match &*chosen {
                // Only through the question below (Enter in the date field submits too).
                Some(outcome) if closing.contains(outcome) => {}
                Some(outcome) => on_decide.emit((outcome.clone(), (*when).clone())),
                None => missing.set(true),
            }
        })
    };
    // An outcome that closes the case is recorded only once the person confirms (the shell's
    // "are you sure?" in place of the button).
    let closes = chosen
        .as_ref()
        .is_some_and(|outcome| props.closing.contains(outcome));
    let confirm_close = {
        let (chosen, when) = (chosen.clone(), when.clone());
        let on_decide = props.on_decide.clone();
        Callback::from(move |()| {
            if let Some(outcome) = &*chosen {
                on_decide.emit((outcome.clone(), (*when).clone()));
            }
        })
    };
    let on_when = {
        let when = when.clone();
        let today = props.today.clone();
        Callback::from(move |event: Event| {
            let value = event
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            // Cleared: the day recorded stands for it.
            when.set(if value.is_empty() {
                today.clone()
            } else {
                value
            });
        })
    };
    let when_id = format!("{}-event-date", props.id);
    let radios: Html = props
        .options
        .iter()
        .map(|(option, label)| {
            let option_id = format!("{}-{option}", props.id);
            let (chosen, missing) = (chosen.clone(), missing.clone());
            let value = option.clone();
            html! {
                <div class="kizuki-option">
                    <input id={option_id.clone()} type="radio" name={props.id.clone()}
                           checked={chosen.as_deref() == Some(option.as_str())}
                           onchange={Callback::from(move |_: Event| { chosen.set(Some(value.clone())); missing.set(false); })} />
                    <label for={option_id}>{ label }</label>
                </div>
            }
        })
        .collect();
    html! {
        <form class="kizuki-card kizuki-card--tint kizuki-plan-decision" onsubmit={onsubmit}>
            <h5>{ &text.decision_heading }</h5>
            <fieldset class="kizuki-field">
                <legend>{ &props.question }</legend>
                { radios }
            </fieldset>
            if *missing {
                <p class="kizuki-field-error" role="alert">{ &text.decide_pick }</p>
            }
            <div class="kizuki-field">
                <label for={when_id.clone()}>{ &text.history_event_date }</label>
                <p class="kizuki-hint" id={format!("{when_id}-hint")}>{ &text.history_event_hint }</p>
                <input id={when_id.clone()} type="date" class="kizuki-input--short" value={(*when).clone()}
                       max={props.today.clone()} aria-describedby={format!("{when_id}-hint")} onchange={on_when} />
            </div>
            if closes {
                <Confirm lang={props.lang} danger=true open_label={text.decide_button}
                         question={text.close_question} yes_label={text.close_confirm}
                         on_confirm={confirm_close} />
            } else {
                <button type="submit" class="kizuki-button">{ &text.decide_button }</button>
            }
        </form>
    }
}
