//! A file chooser in the page's language: a button with the widget's own words that opens
//! the browser's file picker. A bare `<input type="file">` shows the browser's words
//! ("Choose File", "No file chosen") in the browser's language, whatever the page's.
//!
//! The input stays in the page, hidden (`hidden`, out of the tab order), so a script or a
//! test can still set its files; the button is what people reach with the keyboard (Enter or
//! Space opens the picker) and what screen readers name.

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Properties of [`FileButton`].
#[derive(Clone, PartialEq, Properties)]
pub struct FileButtonProps {
    /// The hidden input's id, unique in the widget (the button's is `<id>-button`).
    pub id: AttrValue,
    /// The button's words: what choosing a file does (「比べるファイルを選ぶ」).
    pub label: AttrValue,
    /// The id of a hint the button is described by.
    #[prop_or_default]
    pub hint_id: Option<AttrValue>,
    /// The file types offered first in the picker.
    #[prop_or(AttrValue::Static(".json,application/json"))]
    pub accept: AttrValue,
    /// `data-testid` of the input, for the browser tests.
    #[prop_or_default]
    pub test_id: Option<AttrValue>,
    /// Whether several files may be chosen at once (the aggregation page).
    #[prop_or_default]
    pub multiple: bool,
    /// Called with the input's `change` event when a file was chosen.
    pub onchange: Callback<Event>,
}

/// A secondary button that opens the file picker of a hidden `<input type="file">`.
#[function_component(FileButton)]
pub fn file_button(props: &FileButtonProps) -> Html {
    let input = use_node_ref();
    let open = {
        let input = input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = input.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };
    html! {
        <>
            <button type="button" class="kizuki-button kizuki-button--secondary"
                    id={format!("{}-button", props.id)}
                    aria-describedby={props.hint_id.clone()} onclick={open}>
                { &props.label }
            </button>
            <input ref={input} type="file" id={props.id.clone()} accept={props.accept.clone()}
                   hidden=true tabindex="-1" data-testid={props.test_id.clone()} multiple={props.multiple}
                   onchange={props.onchange.clone()} />
        </>
    }
}
