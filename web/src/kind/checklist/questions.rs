//! The question screens: the workplace profile, and one screen per area with its items,
//! each answered on the pack's scale, with "why not" reasons when not fully in place.

use std::rc::Rc;

use kizuki_core::kind::checklist::{
    Area, AuditMode, Checklist, ChecklistAction, ChecklistResult, Item, ItemAnswer, ItemDuty,
};
use kizuki_core::Lang;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::state::{checklist_of, Ctx, Model, Msg, Screen};
use super::text::{checklist_text, fill, ChecklistText};
use super::widgets::{obligation_badge, planned_badge, rich};
use crate::kind::PackRef;

/// The profile questions as radio groups, and the button to start.
pub fn profile_screen(ctx: &Ctx, heading: &NodeRef, go: &Callback<Screen>) -> Html {
    let text = ctx.text();
    let checklist = ctx.checklist();
    let lang = ctx.lang;
    let complete = checklist.profile_complete(&ctx.answers);
    let first_area = checklist.areas_to_ask(&ctx.answers).first().copied();
    let start = {
        let go = go.clone();
        let apply = ctx.apply.clone();
        Callback::from(move |_: MouseEvent| {
            apply.emit(ChecklistAction::SetMode {
                mode: AuditMode::Full,
            });
            go.emit(first_area.map_or(Screen::Results, Screen::Area));
        })
    };
    let today = crate::platform::today();
    let quick_count = checklist.quick_scan_items(&ctx.answers, &today).len();
    let full_count = checklist.scores(&ctx.answers).applicable;
    // The pass chosen is part of the record: a reload goes back to it.
    let start_quick = {
        let go = go.clone();
        let apply = ctx.apply.clone();
        Callback::from(move |_: MouseEvent| {
            apply.emit(ChecklistAction::SetMode {
                mode: AuditMode::Quick,
            });
            go.emit(Screen::Quick)
        })
    };
    let workplace_id = ctx.id(&["workplace"]);
    // Kept as it is typed (as the other text fields are), not only when the field is left:
    // a reload or a closed tab right after typing keeps the name.
    let on_workplace = {
        let apply = ctx.apply.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            apply.emit(ChecklistAction::SetWorkplace {
                name: input.value(),
            });
        })
    };
    html! {
        <section class="kizuki-cl-screen kizuki-cl-profile" aria-labelledby={ctx.id(&["screen-heading"])}>
            <h3 class="kizuki-cl-screen-heading" id={ctx.id(&["screen-heading"])} tabindex="-1" ref={heading.clone()}>
                { &text.profile_heading }
            </h3>
            <p class="kizuki-cl-intro">{ &text.profile_intro }</p>
            <div class="kizuki-field kizuki-cl-workplace-field">
                <label for={workplace_id.clone()}>{ &text.workplace_label }</label>
                <p class="kizuki-hint" id={ctx.id(&["workplace-hint"])}>{ &text.workplace_hint }</p>
                <input type="text" id={workplace_id} class="kizuki-input" data-testid="workplace"
                       value={ctx.answers.workplace.clone()} autocomplete="organization"
                       maxlength={kizuki_core::kind::checklist::MAX_WORKPLACE_CHARS.to_string()}
                       aria-describedby={ctx.id(&["workplace-hint"])} oninput={on_workplace} />
            </div>
            { for checklist.profile.iter().map(|question| {
                let name = ctx.id(&["profile", &question.id]);
                let help_id = ctx.id(&["profile", &question.id, "help"]);
                let chosen = ctx.answers.profile.get(&question.id);
                html! {
                    <fieldset class="kizuki-question" data-question={question.id.clone()}
                              aria-describedby={question.help.as_ref().map(|_| help_id.clone())}>
                        <legend class="kizuki-cl-question-label">{ question.label.get(lang) }</legend>
                        if let Some(help) = &question.help {
                            <p class="kizuki-hint" id={help_id.clone()}>{ rich(help.get(lang)) }</p>
                        }
                        <div class="kizuki-options kizuki-options--grid">
                            { for question.options.iter().map(|option| {
                                let id = ctx.id(&["profile", &question.id, &option.id]);
                                let apply = ctx.apply.clone();
                                let action = ChecklistAction::SetProfile {
                                    question: question.id.clone(),
                                    choice: option.id.clone(),
                                };
                                html! {
                                    <div class="kizuki-option">
                                        <input type="radio" id={id.clone()} name={name.clone()}
                                               value={option.id.clone()}
                                               checked={chosen == Some(&option.id)}
                                               onchange={Callback::from(move |_: Event| apply.emit(action.clone()))} />
                                        <label for={id}>{ option.label.get(lang) }</label>
                                    </div>
                                }
                            }) }
                        </div>
                    </fieldset>
                }
            }) }
            <div class="kizuki-actions">
                if !complete {
                    <p class="kizuki-hint" id={ctx.id(&["start-hint"])}>{ &text.profile_incomplete }</p>
                }
                if quick_count > 0 {
                    <button type="button" class="kizuki-button kizuki-cl-two-line" data-testid="start-quick"
                            disabled={!complete}
                            aria-describedby={ctx.id(&["start-quick-hint"])}
                            onclick={start_quick}>
                        { start_label(ctx, text.start_quick, complete.then_some(quick_count)) }
                    </button>
                }
                <button type="button" class={classes!("kizuki-button", "kizuki-cl-two-line", (quick_count > 0).then_some("kizuki-button--secondary"))}
                        data-testid="start"
                        disabled={!complete}
                        aria-describedby={(!complete).then(|| ctx.id(&["start-hint"]))}
                        onclick={start}>
                    { start_label(ctx, if complete { text.start_full } else { text.start }, complete.then_some(full_count)) }
                </button>
                if quick_count > 0 {
                    <p class="kizuki-hint" id={ctx.id(&["start-quick-hint"])}>{ &text.start_quick_hint }</p>
                }
            </div>
        </section>
    }
}

/// A start button's label: the way, and under it, once the profile says how many items
/// there are, their number and the expected time (「（12問・約4分）」): the shared two-line
/// label, so that the two buttons are one height on a phone as side by side.
fn start_label(ctx: &Ctx, label: &str, items: Option<usize>) -> Html {
    let length = items.map(|n| {
        fill(
            ctx.text().start_length,
            &[
                ("n", &n.to_string()),
                ("minutes", &ctx.checklist().expected_minutes(n).to_string()),
            ],
        )
    });
    super::widgets::two_line_label(label, length)
}

/// One area: its title and intro, its items for this workplace, and previous / next.
pub fn area_screen(
    ctx: &Ctx,
    result: &ChecklistResult,
    index: usize,
    heading: &NodeRef,
    go: &Callback<Screen>,
) -> Html {
    let text = ctx.text();
    let checklist = ctx.checklist();
    let lang = ctx.lang;
    let Some(area) = checklist.areas.get(index) else {
        return Html::default();
    };
    let order = checklist.areas_to_ask(&ctx.answers);
    let position = order.iter().position(|&i| i == index);
    let previous = match position {
        Some(0) => Screen::Profile,
        Some(p) => Screen::Area(order[p - 1]),
        None => Screen::Profile,
    };
    let next = position
        .and_then(|p| order.get(p + 1))
        .map_or(Screen::Results, |&i| Screen::Area(i));
    let counts = result.areas.get(index).cloned().unwrap_or_default();
    let button = |screen: Screen, label: &str, class: &'static str, testid: &'static str| {
        let go = go.clone();
        html! {
            <button type="button" class={classes!("kizuki-button", class)} data-testid={testid}
                    onclick={Callback::from(move |_: MouseEvent| go.emit(screen))}>
                { label.to_string() }
            </button>
        }
    };
    let items: Vec<&Item> = area
        .items
        .iter()
        .filter(|item| checklist.item_applies(item, &ctx.answers))
        .collect();
    html! {
        <section class="kizuki-cl-screen kizuki-cl-area" data-area={area.id.clone()}
                 aria-labelledby={ctx.id(&["screen-heading"])}>
            <p class="kizuki-cl-step">
                { fill(text.area_step, &[
                    ("n", &position.map_or(0, |p| p + 1).to_string()),
                    ("total", &order.len().to_string()),
                ]) }
            </p>
            <h3 class="kizuki-cl-screen-heading" id={ctx.id(&["screen-heading"])} tabindex="-1" ref={heading.clone()}>
                { area.title.get(lang) }
            </h3>
            if let Some(intro) = &area.intro {
                <p class="kizuki-cl-intro">{ rich(intro.get(lang)) }</p>
            }
            <p class="kizuki-cl-area-count">
                { fill(text.area_answered, &[
                    ("answered", &counts.answered.to_string()),
                    ("total", &counts.applicable.to_string()),
                ]) }
            </p>
            if items.is_empty() {
                <p>{ &text.no_items }</p>
            }
            <ol class="kizuki-cl-items">
                { for items.iter().enumerate().map(|(n, item)| html! { <li key={item.id.clone()}>{ item_view(ctx, area, item, n + 1) }</li> }) }
            </ol>
            <div class="kizuki-cl-pager">
                { button(previous, if previous == Screen::Profile { text.nav_profile } else { text.previous_area },
                         "kizuki-button--secondary", "previous") }
                { button(next, if next == Screen::Results { text.to_results } else { text.next_area },
                         "kizuki-cl-next", "next") }
            </div>
        </section>
    }
}

/// One item: its wording for this workplace, the scale, why it matters, and the reasons.
/// A component of its own, given only what it shows, so that an answer re-renders the item
/// answered and not every item of the screen. `number` is its place among the items shown
/// on the screen (from 1), not in the pack: items that do not apply are not counted.
pub(super) fn item_view(ctx: &Ctx, area: &Area, item: &Item, number: usize) -> Html {
    let checklist = ctx.checklist();
    let lang = ctx.lang;
    let found = checklist
        .areas
        .iter()
        .position(|a| a.id == area.id)
        .zip(area.items.iter().position(|i| i.id == item.id));
    let Some((area_index, item_index)) = found else {
        return Html::default();
    };
    html! {
        <ItemView pack={ctx.pack.clone()} lang={lang} ids={ctx.ids.clone()}
                  area={area_index} item={item_index} number={number}
                  text={AttrValue::from(checklist.item_text(item, &ctx.answers).get(lang).to_string())}
                  why={AttrValue::from(checklist.item_why(item, &ctx.answers).get(lang).to_string())}
                  evidence={AttrValue::from(checklist.item_evidence(item, &ctx.answers).get(lang).to_string())}
                  duty={checklist.item_duty(item, &ctx.answers, &crate::platform::today())}
                  answer={ctx.answers.items.get(&item.id).cloned()}
                  dispatcher={ctx.dispatcher.clone()} />
    }
}

/// Properties of [`ItemView`]: everything an item shows, so that it renders again only when
/// one of them changes.
#[derive(Properties, PartialEq)]
pub(super) struct ItemProps {
    pack: PackRef,
    lang: Lang,
    /// Prefix of every element id in this widget.
    ids: Rc<str>,
    /// The item's area, by position in the checklist.
    area: usize,
    /// The item, by position in its area.
    item: usize,
    /// Its number on the screen (from 1, among the items shown).
    number: usize,
    /// Its wording for this workplace.
    text: AttrValue,
    /// Why it matters, for this workplace.
    why: AttrValue,
    /// What shows it is in place, for this workplace.
    evidence: AttrValue,
    /// Its obligation today, and a stricter one ahead.
    duty: ItemDuty,
    /// The answer given, if any.
    answer: Option<ItemAnswer>,
    dispatcher: UseReducerDispatcher<Model>,
}

#[function_component(ItemView)]
fn item_component(props: &ItemProps) -> Html {
    let checklist = checklist_of(&props.pack);
    let Some(item) = checklist
        .areas
        .get(props.area)
        .and_then(|area| area.items.get(props.item))
    else {
        return Html::default();
    };
    let text = checklist_text(props.lang);
    let lang = props.lang;
    let pack = props.pack.pack();
    let id = |parts: &[&str]| format!("{}{}", props.ids, parts.join("-"));
    let chosen = props.answer.as_ref().and_then(|a| a.choice.as_deref());
    let legend_id = id(&["item", &item.id, "text"]);
    let hint_id = id(&["item", &item.id, "hint"]);
    let updates: Vec<_> = item
        .updates
        .iter()
        .filter_map(|id| pack.updates.iter().find(|u| &u.id == id))
        .collect();
    let source_line = |doc: &str, section: &str| {
        let title = pack
            .sources
            .iter()
            .find(|s| s.id == doc)
            .map_or(doc.to_string(), |s| s.title.get(lang).to_string());
        format!("{title} {section}")
    };
    let today = crate::platform::today();
    let apply = props.dispatcher.to_callback().reform(Msg::Apply);
    let asks_why_not = props
        .answer
        .as_ref()
        .is_some_and(|answer| checklist.answer_asks_why_not(answer));
    html! {
        <fieldset class="kizuki-question kizuki-cl-item" data-item={item.id.clone()} id={id(&["item", &item.id])}
                  aria-describedby={item.answer_hint.is_some().then(|| hint_id.clone())}>
            <legend class="kizuki-cl-item-text" id={legend_id}>
                <span class="kizuki-cl-item-number">{ format!("{}. ", props.number) }</span>
                { props.text.clone() }
            </legend>
            <p class="kizuki-cl-badges">{ obligation_badge(text, props.duty.level) }{ planned_badge(props.duty.planned.as_ref(), lang) }</p>
            // When 「該当しない」 is the answer, said here where it helps, not in the plan.
            if let Some(hint) = &item.answer_hint {
                <p class="kizuki-hint kizuki-cl-answer-hint" id={hint_id.clone()} data-testid="answer-hint">{ rich(hint.get(lang)) }</p>
            }
            <div class={classes!("kizuki-options", "kizuki-options--scale",
                                 (checklist.scale.len() == 5).then_some("kizuki-options--five"))}>
                { for checklist.scale.iter().map(|option| {
                    let option_id = id(&["item", &item.id, &option.id]);
                    let apply = apply.clone();
                    let action = ChecklistAction::Answer {
                        item: item.id.clone(),
                        choice: Some(option.id.clone()),
                    };
                    html! {
                        <div class="kizuki-option">
                            <input type="radio" id={option_id.clone()} name={id(&["item", &item.id])}
                                   value={option.id.clone()} checked={chosen == Some(option.id.as_str())}
                                   onchange={Callback::from(move |_: Event| apply.emit(action.clone()))} />
                            <label for={option_id}>{ option.label.get(lang) }</label>
                        </div>
                    }
                }) }
            </div>
            if asks_why_not {
                { why_not_view(checklist, text, lang, &id, item, props.answer.clone().unwrap_or_default(), &apply) }
            }
            <details class="kizuki-cl-details">
                <summary>{ &text.item_details }</summary>
                <h4 class="kizuki-cl-detail-heading">{ &text.why_heading }</h4>
                <p>{ rich(&props.why) }</p>
                <h4 class="kizuki-cl-detail-heading">{ &text.evidence_heading }</h4>
                <p>{ rich(&props.evidence) }</p>
                if !updates.is_empty() {
                    <h4 class="kizuki-cl-detail-heading">{ &text.updates_heading }</h4>
                    <ul class="kizuki-cl-updates">
                        { for updates.iter().map(|update| html! {
                            <li>
                                { rich(update.text.get(lang)) }
                                <span class="kizuki-cl-as-of">
                                    { " " }{ fill(text.update_as_of, &[("date", &kizuki_core::report::display_date(&update.as_of, lang))]) }
                                </span>
                                if let Some(planned) = kizuki_core::report::update_planned_label(update, &today, lang) {
                                    { " " }<span class="kizuki-badge kizuki-cl-planned">{ planned }</span>
                                }
                            </li>
                        }) }
                    </ul>
                }
                <p class="kizuki-cl-sources">
                    <span class="kizuki-cl-sources-label">{ format!("{}: ", text.sources_heading) }</span>
                    { item.sources.iter().map(|s| source_line(&s.doc, pack.section_label(s, lang))).collect::<Vec<_>>().join(" / ") }
                </p>
            </details>
        </fieldset>
    }
}

/// The "why not" reasons as checkboxes, with a text field for the free-text reason.
fn why_not_view(
    checklist: &Checklist,
    text: &ChecklistText,
    lang: Lang,
    id: &dyn Fn(&[&str]) -> String,
    item: &Item,
    answer: ItemAnswer,
    apply: &Callback<ChecklistAction>,
) -> Html {
    let free_text_ticked = checklist
        .why_not
        .iter()
        .any(|r| r.free_text && answer.why_not.contains(&r.id));
    let other_id = id(&["item", &item.id, "why-text"]);
    let set_text = {
        let apply = apply.clone();
        let item = item.id.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            apply.emit(ChecklistAction::SetWhyNotOther {
                item: item.clone(),
                text: input.value(),
            });
        })
    };
    html! {
        <fieldset class="kizuki-cl-why-not" data-testid="why-not">
            <legend>{ &text.why_not_legend }</legend>
            <div class="kizuki-options kizuki-options--grid">
                { for checklist.why_not.iter().map(|reason| {
                    let reason_id = id(&["item", &item.id, "why", &reason.id]);
                    let apply = apply.clone();
                    let action = ChecklistAction::ToggleWhyNot {
                        item: item.id.clone(),
                        reason: reason.id.clone(),
                    };
                    html! {
                        <div class="kizuki-option kizuki-option--plain">
                            <input type="checkbox" id={reason_id.clone()} value={reason.id.clone()}
                                   checked={answer.why_not.contains(&reason.id)}
                                   onchange={Callback::from(move |_: Event| apply.emit(action.clone()))} />
                            <label for={reason_id}>{ reason.label.get(lang) }</label>
                        </div>
                    }
                }) }
            </div>
            if free_text_ticked || !answer.why_not_other.is_empty() {
                <div class="kizuki-field">
                    <label for={other_id.clone()}>{ &text.why_not_other_label }</label>
                    <input type="text" id={other_id} class="kizuki-input"
                           maxlength={kizuki_core::kind::checklist::MAX_FREE_TEXT_CHARS.to_string()}
                           value={answer.why_not_other.clone()} oninput={set_text} />
                </div>
            }
        </fieldset>
    }
}
