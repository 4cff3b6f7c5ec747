//! The plan view (placeholder until the kit's UI lands).

use yew::prelude::*;

use super::KitProps;

/// The plan kit.
#[function_component(PlanView)]
pub fn view(props: &KitProps) -> Html {
    html! { <p>{ props.pack.pack().title.get(props.lang) }</p> }
}
