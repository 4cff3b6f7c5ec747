//! The follow-up a few weeks after completion, offered on the map when the learner returns:
//! did they make a concrete improvement at work, and which. The answer is stored with the
//! record (`CourseProgress::follow_up`); when it is due is the core's (`follow_up_due`).

use yew::prelude::*;

use super::text::course_text;
use kizuki_core::Lang;

/// The follow-up card's inputs.
#[derive(Properties, PartialEq)]
pub struct FollowUpProps {
    /// The language.
    pub lang: Lang,
    /// The widget's id prefix (`kizuki-<namespace>-course-`).
    pub id_prefix: String,
    /// Answer: (improved, which).
    pub on_answer: Callback<(bool, String)>,
    /// "Later": hide until the next visit.
    pub on_later: Callback<()>,
}

/// The follow-up question as a card.
#[function_component(FollowUpCard)]
pub fn follow_up_card(props: &FollowUpProps) -> Html {
    let text = course_text(props.lang);
    let improved = use_state(|| None::<bool>);
    let which = use_state(String::new);
    let id = |suffix: &str| format!("{}{suffix}", props.id_prefix);
    let choose = |value: bool| {
        let improved = improved.clone();
        Callback::from(move |_: Event| improved.set(Some(value)))
    };
    let on_which = {
        let which = which.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<web_sys::HtmlTextAreaElement>() {
                which.set(input.value());
            }
        })
    };
    let on_submit = {
        let improved = improved.clone();
        let which = which.clone();
        let on_answer = props.on_answer.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(value) = *improved {
                on_answer.emit((value, (*which).clone()));
            }
        })
    };
    let on_later = {
        let on_later = props.on_later.clone();
        Callback::from(move |_: MouseEvent| on_later.emit(()))
    };
    let name = id("follow-up-improved");
    html! {
        <section class="kizuki-card kizuki-card--tint kizuki-course-follow-up" id={id("follow-up")}
                 tabindex="-1" aria-labelledby={id("follow-up-heading")}>
            <h3 id={id("follow-up-heading")}>{ &text.follow_up_heading }</h3>
            <p>{ &text.follow_up_intro }</p>
            <fieldset class="kizuki-question kizuki-course-question">
                <legend>{ &text.follow_up_question }</legend>
                <div class="kizuki-option">
                    <input type="radio" id={format!("{name}-yes")} name={name.clone()} value="yes"
                           checked={*improved == Some(true)} onchange={choose(true)} />
                    <label for={format!("{name}-yes")}>{ &text.follow_up_yes }</label>
                </div>
                <div class="kizuki-option">
                    <input type="radio" id={format!("{name}-no")} name={name.clone()} value="no"
                           checked={*improved == Some(false)} onchange={choose(false)} />
                    <label for={format!("{name}-no")}>{ &text.follow_up_no }</label>
                </div>
            </fieldset>
            <div class="kizuki-field">
                <label for={id("follow-up-which")}>{ &text.follow_up_which }</label>
                <textarea id={id("follow-up-which")} maxlength="500" rows="3"
                          value={(*which).clone()} oninput={on_which} />
            </div>
            <div class="kizuki-actions">
                <button type="button" class="kizuki-button" disabled={improved.is_none()} onclick={on_submit}>
                    { &text.follow_up_send }
                </button>
                <button type="button" class="kizuki-button kizuki-button--secondary" onclick={on_later}>
                    { &text.follow_up_later }
                </button>
            </div>
        </section>
    }
}
