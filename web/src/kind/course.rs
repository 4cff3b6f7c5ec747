//! The course view (placeholder until the kit's UI lands).

use yew::prelude::*;

use super::KitProps;

/// The course kit.
#[function_component(CourseView)]
pub fn view(props: &KitProps) -> Html {
    html! { <p>{ props.pack.pack().title.get(props.lang) }</p> }
}
