//! "Where to get help": the regional resource directory in the kits' help sections.
//!
//! An embedding center may give a directory file (`directory-url`), fetched from the page's
//! origin and checked by `kizuki_core::directory`; without one, or when its file cannot be
//! used, the built-in list of public services by type (`content/directory/default.json`,
//! compiled in) is shown, with a note saying why.

use std::rc::Rc;
use std::sync::OnceLock;

use kizuki_core::directory::{read_directory_quickly, Directory, Resource, ResourceKind};
use kizuki_core::Lang;
use yew::prelude::*;

use crate::load::{fetch_text, LoadError};
use crate::{contact_details, ui_text};

/// `content/directory/default.json`, minified by `build.rs` (the same data, no indentation).
const BUILT_IN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/directory_default.json"));

/// The built-in list of public services by type.
pub fn built_in() -> &'static Directory {
    static BUILT_IN: OnceLock<Directory> = OnceLock::new();
    BUILT_IN.get_or_init(|| {
        // The tests below and the core's content tests check this file.
        read_directory_quickly(BUILT_IN_JSON.as_bytes())
            .expect("content/directory/default.json is valid")
    })
}

/// Where the help sections' list comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum DirectoryState {
    /// The host page gave no directory: the built-in list.
    BuiltIn,
    /// The center's file is on its way.
    Loading,
    /// The center's file, checked.
    Center(Rc<Directory>),
    /// The center's file could not be used: the built-in list, with this reason.
    Failed(DirectoryError),
}

/// Why a center's directory file was not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DirectoryError {
    /// It could not be fetched.
    Load(LoadError),
    /// It was fetched but is not a valid directory: the first problem the core found.
    Invalid(String),
}

/// Fetches a center's directory file (same origin, checked by the caller) and checks it.
pub async fn fetch_directory(url: &str) -> Result<Directory, DirectoryError> {
    let text = fetch_text(url, kizuki_core::directory::MAX_DIRECTORY_BYTES)
        .await
        .map_err(|error| {
            crate::load::log_for_developers(
                "the directory file could not be fetched",
                &error.detail(),
            );
            DirectoryError::Load(error)
        })?;
    parse_directory(&text).inspect_err(|error| {
        if let DirectoryError::Invalid(detail) = error {
            crate::load::log_for_developers(
                "the directory file has errors (the embed guide's checker lists them all)",
                detail,
            );
        }
    })
}

/// Checks a directory file's text. Pure, so it is tested natively.
pub fn parse_directory(text: &str) -> Result<Directory, DirectoryError> {
    read_directory_quickly(text.as_bytes())
        .map_err(|diagnostic| DirectoryError::Invalid(diagnostic.to_string()))
}

/// The resources to show, grouped by kind in the order of [`ResourceKind`] (the center's own
/// services first), keeping the file's order inside each group.
pub fn groups(
    directory: &Directory,
    small_workplace: Option<bool>,
) -> Vec<(ResourceKind, Vec<&Resource>)> {
    // Kept in kind order as they are made (no sort: each sort's code is kilobytes of wasm).
    let mut groups: Vec<(ResourceKind, Vec<&Resource>)> = Vec::new();
    for resource in directory.for_workplace(small_workplace) {
        let at = groups.partition_point(|(kind, _)| *kind < resource.kind);
        match groups.get_mut(at) {
            Some((kind, members)) if *kind == resource.kind => members.push(resource),
            _ => groups.insert(at, (resource.kind, vec![resource])),
        }
    }
    groups
}

/// Properties of [`HelpList`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct HelpListProps {
    /// The language shown.
    pub lang: Lang,
    /// Where the list comes from.
    pub directory: DirectoryState,
    /// `Some(false)` leaves out services only for workplaces under 50.
    #[prop_or_default]
    pub small_workplace: Option<bool>,
    /// The heading level of each group (the section around it has the level above).
    pub level: u8,
}

/// The places to get help, grouped by kind, with who keeps the list and when it was checked.
#[function_component(HelpList)]
pub fn help_list(props: &HelpListProps) -> Html {
    let text = ui_text(props.lang);
    let lang = props.lang;
    let (directory, source, problem) = match &props.directory {
        DirectoryState::Loading => {
            return html! { <p class="kizuki-status" role="status">{ &text.help_loading }</p> };
        }
        DirectoryState::BuiltIn => (built_in(), "built-in", None),
        DirectoryState::Center(directory) => (directory.as_ref(), "center", None),
        DirectoryState::Failed(error) => {
            let problem = match error {
                DirectoryError::Load(error) => error.message(text),
                // The person sees a short message; the center's web person finds every
                // problem in Japanese with the guide's checker (and the first in the console).
                DirectoryError::Invalid(_) => text.help_directory_failed.to_string(),
            };
            (built_in(), "built-in", Some(problem))
        }
    };
    let groups = groups(directory, props.small_workplace);
    let heading = format!("h{}", props.level.clamp(2, 6));
    html! {
        <div class="kizuki-help" data-testid="directory" data-source={source}>
            if let Some(problem) = problem {
                <p class="kizuki-notice kizuki-notice--warning kizuki-help-problem" role="status">{ problem }</p>
            }
            if groups.is_empty() {
                <p>{ &text.help_empty }</p>
            }
            { for groups.into_iter().map(|(kind, resources)| html! {
                <section class="kizuki-help-group" data-kind={kind_code(kind)}>
                    <@{heading.clone()} class="kizuki-help-kind">{ text.help_kinds.get(kind) }</@>
                    <ul class="kizuki-help-list">
                        { for resources.into_iter().map(|resource| resource_item(resource, lang)) }
                    </ul>
                </section>
            }) }
            <p class="kizuki-help-maintained">
                { text.help_maintained_by
                    .replace("{name}", directory.maintained_by.get(lang))
                    .replace("{date}", &directory.as_of) }
            </p>
        </div>
    }
}

fn resource_item(resource: &Resource, lang: Lang) -> Html {
    html! {
        <li class="kizuki-help-resource" data-resource={resource.id.clone()}>
            <p class="kizuki-help-name">{ resource.name.get(lang) }</p>
            <p class="kizuki-help-description">{ resource.description.get(lang) }</p>
            { contact_details(
                lang,
                resource.phone.as_deref(),
                resource.hours.as_ref().map(|hours| hours.get(lang)),
                resource.url.as_deref(),
            ) }
        </li>
    }
}

/// The kind's name in directory files (`support_center`, …), for `data-kind`.
fn kind_code(kind: ResourceKind) -> &'static str {
    match kind {
        ResourceKind::OwnService => "own_service",
        ResourceKind::SupportCenter => "support_center",
        ResourceKind::RegionalCenter => "regional_center",
        ResourceKind::MentalHealthCenter => "mental_health_center",
        ResourceKind::Hotline => "hotline",
        ResourceKind::Clinic => "clinic",
        ResourceKind::Counseling => "counseling",
        ResourceKind::Other => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_list_loads() {
        assert!(!built_in().resources.is_empty());
    }

    #[test]
    fn kind_codes_are_the_file_format_names() {
        for resource in &built_in().resources {
            let json = serde_json::to_value(resource.kind).expect("a kind serializes");
            assert_eq!(json.as_str(), Some(kind_code(resource.kind)));
        }
    }

    #[test]
    fn groups_put_own_services_first_and_keep_file_order() {
        let json = r#"{"directory_format": 1, "maintained_by": {"ja": "テスト", "en": "Test"}, "as_of": "2026-11-22",
          "resources": [
            {"id": "line-b", "kind": "hotline", "name": {"ja": "B", "en": "B"}, "description": {"ja": "b", "en": "b"}},
            {"id": "own", "kind": "own_service", "name": {"ja": "O", "en": "O"}, "description": {"ja": "o", "en": "o"}},
            {"id": "line-a", "kind": "hotline", "name": {"ja": "A", "en": "A"}, "description": {"ja": "a", "en": "a"}},
            {"id": "chiiki", "kind": "regional_center", "name": {"ja": "C", "en": "C"}, "description": {"ja": "c", "en": "c"}, "small_workplaces_only": true}
          ]}"#;
        let directory = parse_directory(json).expect("valid");
        let ids = |small| -> Vec<Vec<&str>> {
            groups(&directory, small)
                .iter()
                .map(|(_, members)| members.iter().map(|r| r.id.as_str()).collect())
                .collect()
        };
        assert_eq!(
            ids(None),
            [vec!["own"], vec!["chiiki"], vec!["line-b", "line-a"]]
        );
        assert_eq!(ids(Some(false)), [vec!["own"], vec!["line-b", "line-a"]]);
    }

    #[test]
    fn a_bad_directory_names_its_first_problem() {
        let json = r#"{"directory_format": 1, "maintained_by": {"ja": "テスト", "en": "Test"}, "as_of": "2026-11-22",
          "resources": [{"id": "x", "kind": "hotline", "name": {"ja": "X", "en": "X"}, "description": {"ja": "x", "en": "x"}, "url": "javascript:alert(1)"}]}"#;
        match parse_directory(json) {
            Err(DirectoryError::Invalid(detail)) => assert!(detail.contains("url"), "{detail}"),
            other => panic!("expected Invalid, got {other:?}"),
        }
        assert!(matches!(
            parse_directory("<html>"),
            Err(DirectoryError::Invalid(_))
        ));
    }
}
