//! The app's own UI strings, one JSON file per locale in `web/locales/`.
//!
//! Content text comes from packs; these are only the words of the frame around it
//! (loading, errors, the language switch). Placeholders are written `{name}`.

use std::sync::OnceLock;

use kizuki_core::directory::ResourceKind;
use kizuki_core::Lang;
use serde::de::DeserializeOwned;
use serde::Deserialize;

/// Every UI string, in one language. The JSON files must have exactly these keys.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UiText {
    /// The product name as shown in the widget's header.
    pub brand: String,
    /// Accessible name of the language switch.
    pub language: String,
    /// Shown while the pack loads.
    pub loading: String,
    /// `{date}`: the pack's `content_as_of`.
    pub content_as_of: String,
    /// Heading of the load error state.
    pub load_failed_title: String,
    /// The retry button.
    pub retry: String,
    /// `{detail}`: what the browser said.
    pub error_network: String,
    /// `{status}`: the HTTP status code.
    pub error_http: String,
    /// `{detail}`: the parser's message with line and column.
    pub error_not_a_pack: String,
    /// `{found}` and `{supported}`: format versions.
    pub error_format_version: String,
    /// `{expected}` and `{found}`: kit kinds.
    pub error_wrong_kind: String,
    /// Heading shown by the panic hook.
    pub crashed_title: String,
    /// Body shown by the panic hook.
    pub crashed_message: String,
    /// The link that reloads the page after a crash.
    pub reload: String,
    /// Heading of the support center's contacts.
    pub center_heading: String,
    /// Label of the center's phone number.
    pub center_phone: String,
    /// Label of the center's opening hours.
    pub center_hours: String,
    /// Label of the center's web address.
    pub center_web: String,
    /// The one-line privacy statement in the footer.
    pub privacy_note: String,
    /// The crash screen's button that downloads what this widget saved.
    pub crashed_export: String,
    /// Under it: what the downloaded file is for.
    pub crashed_export_note: String,
    /// Heading of the course's help section.
    pub help_heading: String,
    /// Above the course's list of places to get help.
    pub help_intro_course: String,
    /// Shown while a center's directory file loads.
    pub help_loading: String,
    /// `{detail}`: why the center's directory file was not used (the built-in list is shown).
    pub help_directory_failed: String,
    /// When no place in the directory applies.
    pub help_empty: String,
    /// `{name}` keeps the list, checked on `{date}`.
    pub help_maintained_by: String,
    /// The name of each kind of place, as group headings.
    pub help_kinds: HelpKindText,
}

/// Group headings of the help list, one per [`ResourceKind`].
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HelpKindText {
    pub own_service: String,
    pub support_center: String,
    pub regional_center: String,
    pub mental_health_center: String,
    pub hotline: String,
    pub clinic: String,
    pub counseling: String,
    pub other: String,
}

impl HelpKindText {
    /// The heading of `kind`.
    pub fn get(&self, kind: ResourceKind) -> &str {
        match kind {
            ResourceKind::OwnService => &self.own_service,
            ResourceKind::SupportCenter => &self.support_center,
            ResourceKind::RegionalCenter => &self.regional_center,
            ResourceKind::MentalHealthCenter => &self.mental_health_center,
            ResourceKind::Hotline => &self.hotline,
            ResourceKind::Clinic => &self.clinic,
            ResourceKind::Counseling => &self.counseling,
            ResourceKind::Other => &self.other,
        }
    }
}

const JA_JSON: &str = include_str!("../locales/ja.json");
const EN_JSON: &str = include_str!("../locales/en.json");

/// The UI strings for `lang`. The files are compiled in and checked by this module's tests.
pub fn ui_text(lang: Lang) -> &'static UiText {
    static CELLS: LocaleCells<UiText> = LocaleCells::new();
    CELLS.get(lang, JA_JSON, EN_JSON)
}

/// A string table per language, parsed from its compiled-in JSON the first time it is asked
/// for. Every part of the UI keeps its table in one of these.
pub struct LocaleCells<T> {
    ja: OnceLock<T>,
    en: OnceLock<T>,
}

impl<T: DeserializeOwned> LocaleCells<T> {
    /// Empty cells, for a `static`.
    pub const fn new() -> LocaleCells<T> {
        LocaleCells {
            ja: OnceLock::new(),
            en: OnceLock::new(),
        }
    }

    /// The table for `lang`, parsed from `ja_json` or `en_json`.
    pub fn get(&'static self, lang: Lang, ja_json: &str, en_json: &str) -> &'static T {
        let (cell, json) = match lang {
            Lang::Ja => (&self.ja, ja_json),
            Lang::En => (&self.en, en_json),
        };
        // Each table's tests parse both files, so this cannot fail in a tested build.
        cell.get_or_init(|| {
            serde_json::from_str(json).expect("web/locales/ files are checked by their tests")
        })
    }
}

/// Replaces each `{name}` in `template` with its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut text = template.to_string();
    for (name, value) in values {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_locale_files_parse_with_every_key() {
        for json in [JA_JSON, EN_JSON] {
            let parsed: Result<UiText, _> = serde_json::from_str(json);
            assert!(parsed.is_ok(), "{parsed:?}");
        }
    }

    #[test]
    fn placeholders_match_between_languages() {
        fn placeholders(text: &str) -> Vec<&str> {
            let mut names: Vec<&str> = text
                .split('{')
                .skip(1)
                .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
                .collect();
            names.sort_unstable();
            names
        }
        let ja: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(JA_JSON).expect("ja parses");
        let en: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(EN_JSON).expect("en parses");
        for (key, ja_value) in &ja {
            let en_value = en.get(key).and_then(|v| v.as_str()).unwrap_or_default();
            assert_eq!(
                placeholders(ja_value.as_str().unwrap_or_default()),
                placeholders(en_value),
                "placeholders of {key}"
            );
        }
    }
}
