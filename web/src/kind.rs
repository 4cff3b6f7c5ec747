//! The kit views, one module per content kind (mirrors `core/src/kind/`). The frame in
//! `lib.rs` loads and validates the pack, then hands it to [`KitView`].
//!
//! [`KINDS`] is the web's one list of kinds: each kind's name, the pack it loads by
//! default, and its view; [`aggregate_kind`] (the tools module) picks a kind's figures on
//! the aggregation page. Nothing else in the web names a kind.

#[cfg(feature = "checklist")]
pub mod checklist;
#[cfg(feature = "course")]
pub mod course;
#[cfg(feature = "plan")]
pub mod plan;
#[cfg(feature = "questionnaire")]
pub mod questionnaire;
// Each aggregated kind's figures on the aggregation page, compiled into the aggregate module
// without the rest of the kind's views; the files live with the kinds' views.
/// The checklist's figures on the aggregation page.
#[cfg(feature = "aggregate")]
#[path = "kind/checklist/aggregate_view.rs"]
pub mod checklist_aggregate;
/// The course's figures on the aggregation page.
#[cfg(feature = "aggregate")]
#[path = "kind/course/aggregate_view.rs"]
pub mod course_aggregate;
/// The stress group analysis (判定図) on the aggregation page.
#[cfg(feature = "aggregate")]
#[path = "kind/questionnaire/groups.rs"]
pub mod questionnaire_groups;

use kizuki_core::Lang;
use yew::prelude::*;

use crate::help::DirectoryState;
use crate::CenterContact;

/// The validated pack the views share (in the language shown; see [`crate::load::PackRef`]).
pub use crate::load::PackRef;

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
    /// The LMS adapter when the widget runs in a SCORM 1.2 or cmi5 package (the course).
    #[prop_or_default]
    pub lms: Option<crate::lms::LmsAdapter>,
}

/// A kind as the web shows it.
#[derive(Debug)]
pub struct WebKind {
    /// The core's kind name (`kit.type` in packs, the `kit` option).
    pub name: &'static str,
    /// The pack a widget of this kind loads when the host names none (`content/<id>.json`).
    pub default_pack: &'static str,
    /// The kind's view.
    pub view: fn(KitProps) -> Html,
}

/// Every kind this build carries (one per cargo feature).
pub const KINDS: &[WebKind] = &[
    #[cfg(feature = "checklist")]
    WebKind {
        name: "checklist",
        default_pack: "mh-checklist",
        view: |props| html! { <checklist::ChecklistView ..props /> },
    },
    #[cfg(feature = "plan")]
    WebKind {
        name: "plan",
        default_pack: "return-to-work",
        view: |props| html! { <plan::PlanView ..props /> },
    },
    #[cfg(feature = "course")]
    WebKind {
        name: "course",
        default_pack: "linecare",
        view: |props| html! { <course::CourseView ..props /> },
    },
    #[cfg(feature = "questionnaire")]
    WebKind {
        name: "questionnaire",
        default_pack: "bjsq-57",
        view: |props| html! { <questionnaire::QuestionnaireView ..props /> },
    },
];

/// The kind called `name`, if this build carries it.
pub fn web_kind(name: &str) -> Option<&'static WebKind> {
    KINDS.iter().find(|kind| kind.name == name)
}

/// Shows the view for the pack's kind.
#[function_component(KitView)]
pub fn kit_view(props: &KitProps) -> Html {
    // `embed::mount` refuses a kit this build does not carry, so the kind is found.
    match web_kind(props.pack.pack().kit.kind_name()) {
        Some(kind) => (kind.view)(props.clone()),
        None => Html::default(),
    }
}

/// The pack's kind as the aggregation page shows it: the view of its figures (in the kind's
/// folder, an `impl FiguresView`) and the words of its minimum group. Written once, over
/// every kind and with no catch-all arm, so a new kind is a compile error here until it
/// says what the page shows (`AggregateKind::NOT_AGGREGATED` for none). The aggregate module
/// carries the core's checklist, course and questionnaire; the plan only where the build
/// has the planner.
#[cfg(feature = "aggregate")]
pub fn aggregate_kind(kit: &kizuki_core::Kit) -> crate::tools::aggregate::AggregateKind {
    use crate::tools::aggregate::AggregateKind;
    use kizuki_core::kind::{checklist::Checklist, course::Course, questionnaire::Questionnaire};
    use kizuki_core::Kit;
    match kit {
        Kit::Checklist(_) => AggregateKind::of::<Checklist>(),
        #[cfg(feature = "plan")]
        Kit::Plan(_) => AggregateKind::NOT_AGGREGATED,
        Kit::Course(_) => AggregateKind::of::<Course>(),
        Kit::Questionnaire(_) => AggregateKind::of::<Questionnaire>(),
    }
}
