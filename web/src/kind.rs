//! The kit views, one module per content kind (mirrors `core/src/kind/`). The frame in
//! `lib.rs` loads and validates the pack, then hands it to [`KitView`].

#[cfg(feature = "checklist")]
pub mod checklist;
#[cfg(feature = "course")]
pub mod course;
#[cfg(feature = "plan")]
pub mod plan;

use std::ops::Deref;
use std::rc::Rc;

use kizuki_core::{Lang, ValidPack};
use yew::prelude::*;

use crate::help::DirectoryState;
use crate::CenterContact;

/// A validated pack shared by the views; compared by pointer, so re-renders stay cheap.
#[derive(Debug, Clone)]
pub struct PackRef(pub Rc<ValidPack>);

impl PartialEq for PackRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for PackRef {
    type Target = ValidPack;

    fn deref(&self) -> &ValidPack {
        &self.0
    }
}

/// What every kit view receives from the frame.
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct KitProps {
    /// The validated pack.
    pub pack: PackRef,
    /// The language chosen in the frame's switch.
    pub lang: Lang,
    /// The widget's storage namespace (see `platform::record_key`).
    pub namespace: String,
    /// The embedding center's contacts, if the host page gave them.
    pub center: Option<CenterContact>,
    /// The places to get help: the center's directory or the built-in list.
    #[prop_or(DirectoryState::BuiltIn)]
    pub directory: DirectoryState,
}

/// Shows the view for the pack's kind.
#[function_component(KitView)]
pub fn kit_view(props: &KitProps) -> Html {
    let props = props.clone();
    // A kind whose feature is off never gets here: `embed::mount` refuses its kit first.
    match &props.pack.pack().kit {
        #[cfg(feature = "checklist")]
        kizuki_core::Kit::Checklist(_) => html! { <checklist::ChecklistView ..props /> },
        #[cfg(feature = "plan")]
        kizuki_core::Kit::Plan(_) => html! { <plan::PlanView ..props /> },
        #[cfg(feature = "course")]
        kizuki_core::Kit::Course(_) => html! { <course::CourseView ..props /> },
        #[cfg(not(all(feature = "checklist", feature = "plan", feature = "course")))]
        _ => Html::default(),
    }
}
