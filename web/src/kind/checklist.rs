//! The checklist view (placeholder until the kit's UI lands).

use yew::prelude::*;

use super::KitProps;

/// The checklist kit.
#[function_component(ChecklistView)]
pub fn view(props: &KitProps) -> Html {
    html! { <p>{ props.pack.pack().title.get(props.lang) }</p> }
}
