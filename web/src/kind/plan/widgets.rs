//! Small forms with their own input state: passphrase entry (new, current), a confirmation
//! step before anything that cannot be undone, and a single-line text form.

use kizuki_core::vault::MIN_PASSPHRASE_CHARS;
use kizuki_core::Lang;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::text::{fill, plan_text};

fn input_value(event: &InputEvent) -> String {
    event.target_unchecked_into::<HtmlInputElement>().value()
}

/// Properties of [`NewPassphraseForm`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct NewPassphraseProps {
    /// Prefix of the element ids (unique in the widget).
    pub id: String,
    /// UI language.
    pub lang: Lang,
    /// Ask for the current passphrase too (changing it).
    #[prop_or_default]
    pub ask_current: bool,
    /// A key is being derived: the button waits.
    pub busy: bool,
    /// The submit button's label.
    pub button: AttrValue,
    /// Called with (current passphrase or empty, new passphrase) once both entries match
    /// and are long enough.
    pub on_submit: Callback<(String, String)>,
}

/// A new passphrase, typed twice, with a show/hide switch and the "deriving" status.
#[function_component(NewPassphraseForm)]
pub fn new_passphrase_form(props: &NewPassphraseProps) -> Html {
    let text = plan_text(props.lang);
    let current = use_state(String::new);
    let first = use_state(String::new);
    let second = use_state(String::new);
    let show = use_state(|| false);
    let problem = use_state(|| None::<String>);
    let min = MIN_PASSPHRASE_CHARS.to_string();

    let onsubmit = {
        let (current, first, second, problem) = (
            current.clone(),
            first.clone(),
            second.clone(),
            problem.clone(),
        );
        let on_submit = props.on_submit.clone();
        let busy = props.busy;
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if busy {
                return;
            }
            if let Err(weak) = kizuki_core::passphrase::check_passphrase(&first) {
                problem.set(Some(text.passphrase_problem(weak)));
            } else if *first != *second {
                problem.set(Some(text.mismatch.to_string()));
            } else {
                problem.set(None);
                on_submit.emit(((*current).clone(), (*first).clone()));
                current.set(String::new());
                first.set(String::new());
                second.set(String::new());
            }
        })
    };
    let kind = if *show { "text" } else { "password" };
    let field = |suffix: &str,
                 label: String,
                 state: &UseStateHandle<String>,
                 auto: &'static str,
                 hint: bool| {
        let id = format!("{}-{suffix}", props.id);
        let state = state.clone();
        let problem = problem.clone();
        let hint_id = format!("{}-hint", props.id);
        html! {
            <div class="kizuki-field">
                <label for={id.clone()}>{ label }</label>
                <input id={id} type={kind} autocomplete={auto} value={(*state).clone()}
                       aria-describedby={hint.then_some(hint_id)}
                       disabled={props.busy}
                       oninput={Callback::from(move |e: InputEvent| {
                           // A refusal of what was typed before goes once the typing changes
                           // (the meter says how the new text fares).
                           problem.set(None);
                           state.set(input_value(&e));
                       })} />
            </div>
        }
    };
    let show_id = format!("{}-show", props.id);
    html! {
        <form class="kizuki-plan-pass-form" onsubmit={onsubmit} novalidate=true>
            if props.ask_current {
                { field("current", text.change_current.to_string(), &current, "current-password", false) }
            }
            { field("new", fill(if props.ask_current { text.change_new } else { text.passphrase }, &[("min", &min)]), &first, "new-password", true) }
            <p class="kizuki-hint" id={format!("{}-hint", props.id)}>{ &text.passphrase_hint }</p>
            { strength_meter(&format!("{}-meter", props.id), &first, text) }
            { field("again", if props.ask_current { text.change_new_again.to_string() } else { text.passphrase_again.to_string() }, &second, "new-password", false) }
            <div class="kizuki-option kizuki-option--plain">
                <input id={show_id.clone()} type="checkbox" checked={*show}
                       onchange={{ let show = show.clone(); Callback::from(move |_: Event| show.set(!*show)) }} />
                <label for={show_id}>{ &text.show_passphrase }</label>
            </div>
            if let Some(problem) = &*problem {
                <p class="kizuki-field-error" role="alert">{ problem }</p>
            }
            <div class="kizuki-actions">
                <button type="submit" class="kizuki-button" disabled={props.busy}>{ props.button.clone() }</button>
            </div>
            <p class="kizuki-plan-busy" role="status" aria-live="polite">
                { if props.busy { text.deriving } else { "" } }
            </p>
        </form>
    }
}

/// The strength of a new passphrase as it is typed: a meter and the reason in words
/// (the core rates it: `passphrase_strength`).
fn strength_meter(id: &str, passphrase: &str, text: &'static super::text::PlanText) -> Html {
    use kizuki_core::passphrase::{passphrase_strength, Strength, STRONG_PASSPHRASE_CHARS};
    let (value, class, words) = match passphrase_strength(passphrase) {
        Strength::Empty => {
            return html! { <p class="kizuki-plan-meter" id={id.to_string()} aria-live="polite"></p> }
        }
        Strength::Refused(problem) => (
            "1",
            "kizuki-plan-meter--weak",
            text.passphrase_problem(problem),
        ),
        Strength::Fair => (
            "2",
            "kizuki-plan-meter--fair",
            fill(
                text.meter_fair,
                &[("strong", &STRONG_PASSPHRASE_CHARS.to_string())],
            ),
        ),
        Strength::Strong => (
            "3",
            "kizuki-plan-meter--strong",
            text.meter_strong.to_string(),
        ),
    };
    html! {
        <p class={classes!("kizuki-plan-meter", class)} id={id.to_string()} aria-live="polite">
            <meter min="0" max="3" low="1.5" high="2.5" optimum="3" value={value} aria-label={text.meter_label}></meter>
            <span class="kizuki-plan-meter-words">{ words }</span>
        </p>
    }
}

/// Properties of [`PassphraseEntry`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct PassphraseEntryProps {
    /// Prefix of the element ids.
    pub id: String,
    /// UI language.
    pub lang: Lang,
    /// A key is being derived: the button waits.
    pub busy: bool,
    /// The submit button's label.
    pub button: AttrValue,
    /// Called with the passphrase typed.
    pub on_submit: Callback<String>,
    /// Shown as a cancel button when given.
    #[prop_or_default]
    pub on_cancel: Option<Callback<()>>,
}

/// One passphrase field to unlock (the stored cases or an encrypted file).
#[function_component(PassphraseEntry)]
pub fn passphrase_entry(props: &PassphraseEntryProps) -> Html {
    let text = plan_text(props.lang);
    let value = use_state(String::new);
    let show = use_state(|| false);
    let onsubmit = {
        let value = value.clone();
        let on_submit = props.on_submit.clone();
        let busy = props.busy;
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            // What was typed stays: a wrong passphrase is corrected, not retyped from nothing
            // (the notice under the form says it was wrong). The form goes once it opens.
            if !busy && !value.is_empty() {
                on_submit.emit((*value).clone());
            }
        })
    };
    let id = format!("{}-passphrase", props.id);
    let show_id = format!("{}-show", props.id);
    html! {
        <form class="kizuki-plan-pass-form" onsubmit={onsubmit} novalidate=true>
            <div class="kizuki-field">
                <label for={id.clone()}>{ &text.unlock_passphrase }</label>
                <input id={id} type={if *show { "text" } else { "password" }} autocomplete="current-password"
                       value={(*value).clone()} disabled={props.busy}
                       oninput={{ let value = value.clone(); Callback::from(move |e: InputEvent| value.set(input_value(&e))) }} />
            </div>
            <div class="kizuki-option kizuki-option--plain">
                <input id={show_id.clone()} type="checkbox" checked={*show}
                       onchange={{ let show = show.clone(); Callback::from(move |_: Event| show.set(!*show)) }} />
                <label for={show_id}>{ &text.show_passphrase }</label>
            </div>
            <div class="kizuki-actions">
                <button type="submit" class="kizuki-button" disabled={props.busy}>{ props.button.clone() }</button>
                if let Some(on_cancel) = &props.on_cancel {
                    <button type="button" class="kizuki-button kizuki-button--secondary" disabled={props.busy}
                            onclick={{ let on_cancel = on_cancel.clone(); Callback::from(move |_: MouseEvent| on_cancel.emit(())) }}>
                        { crate::locale::ui_text(props.lang).cancel }
                    </button>
                }
            </div>
            <p class="kizuki-plan-busy" role="status" aria-live="polite">
                { if props.busy { text.deriving } else { "" } }
            </p>
        </form>
    }
}

/// Properties of [`LineForm`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct LineFormProps {
    /// The input's id.
    pub id: String,
    /// Its label.
    pub label: AttrValue,
    /// A hint under the label, if any.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// The value to start from.
    pub initial: AttrValue,
    /// The button's label.
    pub button: AttrValue,
    /// Called with the trimmed text (never empty).
    pub on_submit: Callback<String>,
}

/// One line of text and a button (a new case's name, a new name for a case).
#[function_component(LineForm)]
pub fn line_form(props: &LineFormProps) -> Html {
    let value = use_state(|| props.initial.to_string());
    let onsubmit = {
        let value = value.clone();
        let on_submit = props.on_submit.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let trimmed = value.trim().to_string();
            if !trimmed.is_empty() {
                on_submit.emit(trimmed);
            }
        })
    };
    let hint_id = format!("{}-hint", props.id);
    html! {
        <form class="kizuki-plan-line-form" onsubmit={onsubmit}>
            <div class="kizuki-field">
                <label for={props.id.clone()}>{ props.label.clone() }</label>
                if let Some(hint) = &props.hint {
                    <p class="kizuki-hint" id={hint_id.clone()}>{ hint.clone() }</p>
                }
                <input id={props.id.clone()} type="text" maxlength="100" autocomplete="off"
                       value={(*value).clone()}
                       aria-describedby={props.hint.as_ref().map(|_| hint_id.clone())}
                       oninput={{ let value = value.clone(); Callback::from(move |e: InputEvent| value.set(input_value(&e))) }} />
            </div>
            <button type="submit" class="kizuki-button">{ props.button.clone() }</button>
        </form>
    }
}
