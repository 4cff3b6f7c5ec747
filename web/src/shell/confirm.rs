//! "Are you sure?": a button that only opens a question, and the question with the button
//! that acts and the one that takes it back. Every kit asks so before erasing, exporting
//! health information in the clear, or deleting a case; nothing happens until the second
//! button is pressed.

use kizuki_core::Lang;
use yew::prelude::*;

use crate::locale::ui_text;

/// Properties of [`Confirm`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct ConfirmProps {
    /// The page's language (the "take it back" button's word).
    pub lang: Lang,
    /// The first button, which only opens the question.
    pub open_label: AttrValue,
    /// What will happen, asked as a question.
    pub question: AttrValue,
    /// The button that does it.
    pub yes_label: AttrValue,
    /// Called when confirmed.
    pub on_confirm: Callback<()>,
    /// A destructive action (styled as a warning; the question is an `alertdialog`).
    #[prop_or_default]
    pub danger: bool,
    /// More classes on the opening button.
    #[prop_or_default]
    pub class: Classes,
    /// The opening button's id.
    #[prop_or_default]
    pub id: Option<AttrValue>,
    /// `data-testid` of the opening button; the two answers get `<it>-confirm` and
    /// `<it>-cancel`.
    #[prop_or_default]
    pub testid: Option<&'static str>,
}

/// A button that asks before acting, as a component (for places that ask in a list or
/// keyed by what they act on: the planner, "my data"). When the question opens, focus moves to
/// it (a phone scrolls to it, a screen reader reads it; not to the button that acts, so that
/// a second Enter does not act); taking it back returns focus to the opening button.
#[function_component(Confirm)]
pub fn confirm(props: &ConfirmProps) -> Html {
    let state = use_confirm();
    confirm_view(&state, props)
}

/// The state of one "are you sure?" in the component that shows it: whether the question is
/// open, and the elements focus moves between. A component that asks once (the data panel)
/// holds it itself and draws with [`confirm_view`], so that its module carries no `Confirm`
/// component (each component type costs a module about 1 KB gzip).
#[derive(Clone)]
pub struct ConfirmState {
    open: UseStateHandle<bool>,
    question: NodeRef,
    opener: NodeRef,
    question_id: std::rc::Rc<String>,
}

/// [`ConfirmState`]'s hook.
#[hook]
pub fn use_confirm() -> ConfirmState {
    let open = use_state(|| false);
    let question = use_node_ref();
    let opener = use_node_ref();
    let asked = use_mut_ref(|| false);
    let question_id = use_memo((), |()| format!("kizuki-confirm-{}", next_id()));
    {
        let question = question.clone();
        let opener = opener.clone();
        use_effect_with(*open, move |open| {
            let target = if *open {
                *asked.borrow_mut() = true;
                question.cast::<web_sys::HtmlElement>()
            } else if std::mem::take(&mut *asked.borrow_mut()) {
                opener.cast::<web_sys::HtmlElement>()
            } else {
                None
            };
            if let Some(element) = target {
                let _ = element.focus();
            }
        });
    }
    ConfirmState {
        open,
        question,
        opener,
        question_id,
    }
}

/// The opening button, or the question with its two answers.
pub fn confirm_view(state: &ConfirmState, props: &ConfirmProps) -> Html {
    let open = state.open.clone();
    let testid = |suffix: &str| props.testid.map(|id| format!("{id}{suffix}"));
    if !*open {
        return html! {
            <button type="button" ref={state.opener.clone()} id={props.id.clone()} data-testid={props.testid}
                    class={classes!("kizuki-button", "kizuki-button--secondary",
                                    props.danger.then_some("kizuki-button--danger"), props.class.clone())}
                    onclick={Callback::from(move |_: MouseEvent| open.set(true))}>
                { props.open_label.clone() }
            </button>
        };
    }
    let on_yes = {
        let open = open.clone();
        let on_confirm = props.on_confirm.clone();
        Callback::from(move |_: MouseEvent| {
            open.set(false);
            on_confirm.emit(());
        })
    };
    let on_no = Callback::from(move |_: MouseEvent| open.set(false));
    let question_id = (*state.question_id).clone();
    html! {
        <div class={classes!("kizuki-confirm", props.danger.then_some("kizuki-confirm--danger"))}
             role={if props.danger { "alertdialog" } else { "group" }}
             aria-labelledby={question_id.clone()}>
            <p id={question_id} tabindex="-1" ref={state.question.clone()}>{ props.question.clone() }</p>
            <div class="kizuki-actions">
                <button type="button" data-testid={testid("-confirm")}
                        class={classes!("kizuki-button", props.danger.then_some("kizuki-button--danger"))}
                        onclick={on_yes}>
                    { props.yes_label.clone() }
                </button>
                <button type="button" class="kizuki-button kizuki-button--secondary"
                        data-testid={testid("-cancel")} onclick={on_no}>
                    { ui_text(props.lang).cancel }
                </button>
            </div>
        </div>
    }
}

/// A number for the question's id, unique in the page.
fn next_id() -> u32 {
    thread_local!(static NEXT: std::cell::Cell<u32> = const { std::cell::Cell::new(0) });
    NEXT.with(|next| {
        let id = next.get();
        next.set(id + 1);
        id
    })
}
